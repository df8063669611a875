# Empty dependencies file for crypto_test_config.
# This may be replaced when dependencies are built.
