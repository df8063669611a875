# Empty dependencies file for crypto_test_identifiers.
# This may be replaced when dependencies are built.
