file(REMOVE_RECURSE
  "CMakeFiles/drivers_x86_test_x86.dir/drivers/x86/test_x86.c.o"
  "CMakeFiles/drivers_x86_test_x86.dir/drivers/x86/test_x86.c.o.d"
  "drivers_x86_test_x86"
  "drivers_x86_test_x86.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/drivers_x86_test_x86.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
