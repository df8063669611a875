# Empty dependencies file for crypto_test_kdf.
# This may be replaced when dependencies are built.
