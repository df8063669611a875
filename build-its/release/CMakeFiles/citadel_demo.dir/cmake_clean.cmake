file(REMOVE_RECURSE
  "CMakeFiles/citadel_demo.dir/examples/demo.c.o"
  "CMakeFiles/citadel_demo.dir/examples/demo.c.o.d"
  "citadel_demo"
  "citadel_demo.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/citadel_demo.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
