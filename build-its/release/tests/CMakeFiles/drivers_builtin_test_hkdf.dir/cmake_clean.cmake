file(REMOVE_RECURSE
  "CMakeFiles/drivers_builtin_test_hkdf.dir/drivers/builtin/test_hkdf.c.o"
  "CMakeFiles/drivers_builtin_test_hkdf.dir/drivers/builtin/test_hkdf.c.o.d"
  "drivers_builtin_test_hkdf"
  "drivers_builtin_test_hkdf.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/drivers_builtin_test_hkdf.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
