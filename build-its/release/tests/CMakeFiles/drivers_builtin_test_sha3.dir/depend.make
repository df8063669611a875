# Empty dependencies file for drivers_builtin_test_sha3.
# This may be replaced when dependencies are built.
