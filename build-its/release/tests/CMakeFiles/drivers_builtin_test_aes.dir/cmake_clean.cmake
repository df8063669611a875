file(REMOVE_RECURSE
  "CMakeFiles/drivers_builtin_test_aes.dir/drivers/builtin/test_aes.c.o"
  "CMakeFiles/drivers_builtin_test_aes.dir/drivers/builtin/test_aes.c.o.d"
  "drivers_builtin_test_aes"
  "drivers_builtin_test_aes.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/drivers_builtin_test_aes.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
