
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/tests/headers/headers_c.c" "tests/CMakeFiles/headers_c99.dir/headers/headers_c.c.o" "gcc" "tests/CMakeFiles/headers_c99.dir/headers/headers_c.c.o.d"
  "/work/main/tests/headers/headers_its_c.c" "tests/CMakeFiles/headers_c99.dir/headers/headers_its_c.c.o" "gcc" "tests/CMakeFiles/headers_c99.dir/headers/headers_its_c.c.o.d"
  "/work/main/tests/headers/headers_ps_c.c" "tests/CMakeFiles/headers_c99.dir/headers/headers_ps_c.c.o" "gcc" "tests/CMakeFiles/headers_c99.dir/headers/headers_ps_c.c.o.d"
  "/work/main/tests/headers/headers_storage_common_c.c" "tests/CMakeFiles/headers_c99.dir/headers/headers_storage_common_c.c.o" "gcc" "tests/CMakeFiles/headers_c99.dir/headers/headers_storage_common_c.c.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
