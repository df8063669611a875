file(REMOVE_RECURSE
  "CMakeFiles/crypto_test_random.dir/crypto/test_random.c.o"
  "CMakeFiles/crypto_test_random.dir/crypto/test_random.c.o.d"
  "crypto_test_random"
  "crypto_test_random.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/crypto_test_random.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
