file(REMOVE_RECURSE
  "CMakeFiles/crypto_test_kdf.dir/crypto/test_kdf.c.o"
  "CMakeFiles/crypto_test_kdf.dir/crypto/test_kdf.c.o.d"
  "crypto_test_kdf"
  "crypto_test_kdf.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/crypto_test_kdf.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
