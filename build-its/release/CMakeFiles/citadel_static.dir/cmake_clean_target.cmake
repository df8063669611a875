file(REMOVE_RECURSE
  "libcitadel.a"
)
