# Empty dependencies file for drivers_builtin_test_ripemd160.
# This may be replaced when dependencies are built.
