file(REMOVE_RECURSE
  "CMakeFiles/drivers_builtin_test_cmac.dir/drivers/builtin/test_cmac.c.o"
  "CMakeFiles/drivers_builtin_test_cmac.dir/drivers/builtin/test_cmac.c.o.d"
  "drivers_builtin_test_cmac"
  "drivers_builtin_test_cmac.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/drivers_builtin_test_cmac.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
