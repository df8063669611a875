# Empty compiler generated dependencies file for drivers_builtin_test_cmac.
# This may be replaced when dependencies are built.
