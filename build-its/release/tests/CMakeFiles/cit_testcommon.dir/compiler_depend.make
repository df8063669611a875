# Empty compiler generated dependencies file for cit_testcommon.
# This may be replaced when dependencies are built.
