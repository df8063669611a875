# Empty dependencies file for storage_test_ps.
# This may be replaced when dependencies are built.
