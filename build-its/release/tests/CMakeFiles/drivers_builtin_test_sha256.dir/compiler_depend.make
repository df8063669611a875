# Empty compiler generated dependencies file for drivers_builtin_test_sha256.
# This may be replaced when dependencies are built.
