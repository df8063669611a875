# CMAKE generated file: DO NOT EDIT!
# Timestamp file for compiler generated dependencies management for drivers_x86_test_x86.
