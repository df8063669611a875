file(REMOVE_RECURSE
  "CMakeFiles/drivers_builtin_test_sha256.dir/drivers/builtin/test_sha256.c.o"
  "CMakeFiles/drivers_builtin_test_sha256.dir/drivers/builtin/test_sha256.c.o.d"
  "drivers_builtin_test_sha256"
  "drivers_builtin_test_sha256.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/drivers_builtin_test_sha256.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
