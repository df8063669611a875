file(REMOVE_RECURSE
  "CMakeFiles/crypto_test_keys.dir/crypto/test_keys.c.o"
  "CMakeFiles/crypto_test_keys.dir/crypto/test_keys.c.o.d"
  "crypto_test_keys"
  "crypto_test_keys.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/crypto_test_keys.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
