file(REMOVE_RECURSE
  "CMakeFiles/crypto_test_persistent.dir/crypto/test_persistent.c.o"
  "CMakeFiles/crypto_test_persistent.dir/crypto/test_persistent.c.o.d"
  "crypto_test_persistent"
  "crypto_test_persistent.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/crypto_test_persistent.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
