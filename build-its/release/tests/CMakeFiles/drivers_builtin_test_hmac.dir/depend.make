# Empty dependencies file for drivers_builtin_test_hmac.
# This may be replaced when dependencies are built.
