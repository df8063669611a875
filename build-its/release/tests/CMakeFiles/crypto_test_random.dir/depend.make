# Empty dependencies file for crypto_test_random.
# This may be replaced when dependencies are built.
