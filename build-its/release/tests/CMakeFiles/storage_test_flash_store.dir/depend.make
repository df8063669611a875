# Empty dependencies file for storage_test_flash_store.
# This may be replaced when dependencies are built.
