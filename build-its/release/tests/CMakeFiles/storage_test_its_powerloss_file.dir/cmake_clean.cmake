file(REMOVE_RECURSE
  "CMakeFiles/storage_test_its_powerloss_file.dir/storage/test_its_powerloss_file.c.o"
  "CMakeFiles/storage_test_its_powerloss_file.dir/storage/test_its_powerloss_file.c.o.d"
  "storage_test_its_powerloss_file"
  "storage_test_its_powerloss_file.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/storage_test_its_powerloss_file.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
