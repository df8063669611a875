file(REMOVE_RECURSE
  "CMakeFiles/storage_test_its.dir/storage/test_its.c.o"
  "CMakeFiles/storage_test_its.dir/storage/test_its.c.o.d"
  "storage_test_its"
  "storage_test_its.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/storage_test_its.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
