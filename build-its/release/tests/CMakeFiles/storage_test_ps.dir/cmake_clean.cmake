file(REMOVE_RECURSE
  "CMakeFiles/storage_test_ps.dir/storage/test_ps.c.o"
  "CMakeFiles/storage_test_ps.dir/storage/test_ps.c.o.d"
  "storage_test_ps"
  "storage_test_ps.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/storage_test_ps.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
