file(REMOVE_RECURSE
  "libcit_testcommon.a"
)
