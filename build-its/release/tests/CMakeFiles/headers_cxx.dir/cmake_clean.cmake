file(REMOVE_RECURSE
  "CMakeFiles/headers_cxx.dir/headers/headers_cxx.cpp.o"
  "CMakeFiles/headers_cxx.dir/headers/headers_cxx.cpp.o.d"
  "CMakeFiles/headers_cxx.dir/headers/headers_storage_cxx.cpp.o"
  "CMakeFiles/headers_cxx.dir/headers/headers_storage_cxx.cpp.o.d"
  "headers_cxx"
  "headers_cxx.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/headers_cxx.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
