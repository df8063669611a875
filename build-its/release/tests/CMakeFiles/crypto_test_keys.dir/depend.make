# Empty dependencies file for crypto_test_keys.
# This may be replaced when dependencies are built.
