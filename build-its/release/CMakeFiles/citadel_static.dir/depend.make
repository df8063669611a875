# Empty dependencies file for citadel_static.
# This may be replaced when dependencies are built.
