# Empty dependencies file for crypto_test_xof.
# This may be replaced when dependencies are built.
