# Empty compiler generated dependencies file for citadel_shared.
# This may be replaced when dependencies are built.
