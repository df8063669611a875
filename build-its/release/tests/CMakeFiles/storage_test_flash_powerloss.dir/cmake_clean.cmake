file(REMOVE_RECURSE
  "CMakeFiles/storage_test_flash_powerloss.dir/storage/test_flash_powerloss.c.o"
  "CMakeFiles/storage_test_flash_powerloss.dir/storage/test_flash_powerloss.c.o.d"
  "storage_test_flash_powerloss"
  "storage_test_flash_powerloss.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/storage_test_flash_powerloss.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
