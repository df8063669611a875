file(REMOVE_RECURSE
  "CMakeFiles/crypto_test_config.dir/crypto/test_config.c.o"
  "CMakeFiles/crypto_test_config.dir/crypto/test_config.c.o.d"
  "crypto_test_config"
  "crypto_test_config.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/crypto_test_config.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
