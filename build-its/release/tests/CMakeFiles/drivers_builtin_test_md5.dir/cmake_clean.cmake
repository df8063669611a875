file(REMOVE_RECURSE
  "CMakeFiles/drivers_builtin_test_md5.dir/drivers/builtin/test_md5.c.o"
  "CMakeFiles/drivers_builtin_test_md5.dir/drivers/builtin/test_md5.c.o.d"
  "drivers_builtin_test_md5"
  "drivers_builtin_test_md5.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/drivers_builtin_test_md5.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
