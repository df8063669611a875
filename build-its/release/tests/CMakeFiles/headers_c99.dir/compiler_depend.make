# Empty compiler generated dependencies file for headers_c99.
# This may be replaced when dependencies are built.
