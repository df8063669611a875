# Empty compiler generated dependencies file for crypto_test_aead.
# This may be replaced when dependencies are built.
