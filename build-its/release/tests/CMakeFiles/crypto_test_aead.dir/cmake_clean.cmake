file(REMOVE_RECURSE
  "CMakeFiles/crypto_test_aead.dir/crypto/test_aead.c.o"
  "CMakeFiles/crypto_test_aead.dir/crypto/test_aead.c.o.d"
  "crypto_test_aead"
  "crypto_test_aead.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/crypto_test_aead.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
