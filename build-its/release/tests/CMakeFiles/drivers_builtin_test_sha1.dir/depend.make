# Empty dependencies file for drivers_builtin_test_sha1.
# This may be replaced when dependencies are built.
