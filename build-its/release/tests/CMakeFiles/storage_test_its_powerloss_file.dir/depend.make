# Empty dependencies file for storage_test_its_powerloss_file.
# This may be replaced when dependencies are built.
