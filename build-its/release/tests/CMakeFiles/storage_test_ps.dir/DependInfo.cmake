
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/tests/storage/test_ps.c" "tests/CMakeFiles/storage_test_ps.dir/storage/test_ps.c.o" "gcc" "tests/CMakeFiles/storage_test_ps.dir/storage/test_ps.c.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  "/work/main/build-its/release/CMakeFiles/citadel_static.dir/DependInfo.cmake"
  "/work/main/build-its/release/tests/CMakeFiles/cit_testcommon.dir/DependInfo.cmake"
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
