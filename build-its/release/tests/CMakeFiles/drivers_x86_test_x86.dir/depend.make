# Empty dependencies file for drivers_x86_test_x86.
# This may be replaced when dependencies are built.
