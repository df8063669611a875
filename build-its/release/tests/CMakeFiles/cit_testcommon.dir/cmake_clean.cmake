file(REMOVE_RECURSE
  "CMakeFiles/cit_testcommon.dir/common/md_test.c.o"
  "CMakeFiles/cit_testcommon.dir/common/md_test.c.o.d"
  "CMakeFiles/cit_testcommon.dir/common/test.c.o"
  "CMakeFiles/cit_testcommon.dir/common/test.c.o.d"
  "libcit_testcommon.a"
  "libcit_testcommon.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/cit_testcommon.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
