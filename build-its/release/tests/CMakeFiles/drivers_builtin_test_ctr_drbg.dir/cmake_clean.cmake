file(REMOVE_RECURSE
  "CMakeFiles/drivers_builtin_test_ctr_drbg.dir/drivers/builtin/test_ctr_drbg.c.o"
  "CMakeFiles/drivers_builtin_test_ctr_drbg.dir/drivers/builtin/test_ctr_drbg.c.o.d"
  "drivers_builtin_test_ctr_drbg"
  "drivers_builtin_test_ctr_drbg.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/drivers_builtin_test_ctr_drbg.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
