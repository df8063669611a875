# Empty dependencies file for crypto_test_persistent.
# This may be replaced when dependencies are built.
