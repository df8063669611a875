file(REMOVE_RECURSE
  "CMakeFiles/crypto_test_identifiers.dir/crypto/test_identifiers.c.o"
  "CMakeFiles/crypto_test_identifiers.dir/crypto/test_identifiers.c.o.d"
  "crypto_test_identifiers"
  "crypto_test_identifiers.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/crypto_test_identifiers.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
