# Empty compiler generated dependencies file for headers_cxx.
# This may be replaced when dependencies are built.
