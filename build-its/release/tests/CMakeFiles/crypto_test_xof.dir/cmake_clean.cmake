file(REMOVE_RECURSE
  "CMakeFiles/crypto_test_xof.dir/crypto/test_xof.c.o"
  "CMakeFiles/crypto_test_xof.dir/crypto/test_xof.c.o.d"
  "crypto_test_xof"
  "crypto_test_xof.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/crypto_test_xof.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
