# Empty compiler generated dependencies file for drivers_builtin_test_ctr_drbg.
# This may be replaced when dependencies are built.
