# Empty dependencies file for storage_test_its.
# This may be replaced when dependencies are built.
