# Empty dependencies file for drivers_builtin_test_gcm.
# This may be replaced when dependencies are built.
