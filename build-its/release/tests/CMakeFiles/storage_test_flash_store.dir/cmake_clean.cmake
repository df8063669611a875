file(REMOVE_RECURSE
  "CMakeFiles/storage_test_flash_store.dir/storage/test_flash_store.c.o"
  "CMakeFiles/storage_test_flash_store.dir/storage/test_flash_store.c.o.d"
  "storage_test_flash_store"
  "storage_test_flash_store.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/storage_test_flash_store.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
