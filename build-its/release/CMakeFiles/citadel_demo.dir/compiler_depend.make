# Empty compiler generated dependencies file for citadel_demo.
# This may be replaced when dependencies are built.
