# Empty dependencies file for storage_test_flash_powerloss.
# This may be replaced when dependencies are built.
