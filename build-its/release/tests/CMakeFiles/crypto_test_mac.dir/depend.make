# Empty dependencies file for crypto_test_mac.
# This may be replaced when dependencies are built.
