file(REMOVE_RECURSE
  "CMakeFiles/crypto_test_hash.dir/crypto/test_hash.c.o"
  "CMakeFiles/crypto_test_hash.dir/crypto/test_hash.c.o.d"
  "crypto_test_hash"
  "crypto_test_hash.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/crypto_test_hash.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
