file(REMOVE_RECURSE
  "CMakeFiles/crypto_test_mac.dir/crypto/test_mac.c.o"
  "CMakeFiles/crypto_test_mac.dir/crypto/test_mac.c.o.d"
  "crypto_test_mac"
  "crypto_test_mac.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/crypto_test_mac.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
