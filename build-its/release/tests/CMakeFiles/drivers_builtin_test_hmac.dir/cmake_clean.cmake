file(REMOVE_RECURSE
  "CMakeFiles/drivers_builtin_test_hmac.dir/drivers/builtin/test_hmac.c.o"
  "CMakeFiles/drivers_builtin_test_hmac.dir/drivers/builtin/test_hmac.c.o.d"
  "drivers_builtin_test_hmac"
  "drivers_builtin_test_hmac.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/drivers_builtin_test_hmac.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
