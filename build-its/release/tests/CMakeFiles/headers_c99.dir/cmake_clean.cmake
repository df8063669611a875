file(REMOVE_RECURSE
  "CMakeFiles/headers_c99.dir/headers/headers_c.c.o"
  "CMakeFiles/headers_c99.dir/headers/headers_c.c.o.d"
  "CMakeFiles/headers_c99.dir/headers/headers_its_c.c.o"
  "CMakeFiles/headers_c99.dir/headers/headers_its_c.c.o.d"
  "CMakeFiles/headers_c99.dir/headers/headers_ps_c.c.o"
  "CMakeFiles/headers_c99.dir/headers/headers_ps_c.c.o.d"
  "CMakeFiles/headers_c99.dir/headers/headers_storage_common_c.c.o"
  "CMakeFiles/headers_c99.dir/headers/headers_storage_common_c.c.o.d"
  "headers_c99"
  "headers_c99.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/headers_c99.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
