file(REMOVE_RECURSE
  "CMakeFiles/drivers_builtin_test_gcm.dir/drivers/builtin/test_gcm.c.o"
  "CMakeFiles/drivers_builtin_test_gcm.dir/drivers/builtin/test_gcm.c.o.d"
  "drivers_builtin_test_gcm"
  "drivers_builtin_test_gcm.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/drivers_builtin_test_gcm.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
