# Empty dependencies file for drivers_builtin_test_aes.
# This may be replaced when dependencies are built.
