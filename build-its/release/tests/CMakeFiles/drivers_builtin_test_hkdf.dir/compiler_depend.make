# Empty compiler generated dependencies file for drivers_builtin_test_hkdf.
# This may be replaced when dependencies are built.
