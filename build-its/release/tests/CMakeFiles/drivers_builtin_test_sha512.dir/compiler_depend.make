# Empty compiler generated dependencies file for drivers_builtin_test_sha512.
# This may be replaced when dependencies are built.
