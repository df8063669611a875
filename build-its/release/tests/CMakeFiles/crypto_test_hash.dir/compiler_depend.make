# Empty compiler generated dependencies file for crypto_test_hash.
# This may be replaced when dependencies are built.
