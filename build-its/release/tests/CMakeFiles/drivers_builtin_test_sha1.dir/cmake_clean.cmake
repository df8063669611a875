file(REMOVE_RECURSE
  "CMakeFiles/drivers_builtin_test_sha1.dir/drivers/builtin/test_sha1.c.o"
  "CMakeFiles/drivers_builtin_test_sha1.dir/drivers/builtin/test_sha1.c.o.d"
  "drivers_builtin_test_sha1"
  "drivers_builtin_test_sha1.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/drivers_builtin_test_sha1.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
