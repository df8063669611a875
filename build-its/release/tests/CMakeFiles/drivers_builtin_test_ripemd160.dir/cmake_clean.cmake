file(REMOVE_RECURSE
  "CMakeFiles/drivers_builtin_test_ripemd160.dir/drivers/builtin/test_ripemd160.c.o"
  "CMakeFiles/drivers_builtin_test_ripemd160.dir/drivers/builtin/test_ripemd160.c.o.d"
  "drivers_builtin_test_ripemd160"
  "drivers_builtin_test_ripemd160.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/drivers_builtin_test_ripemd160.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
