"""A province at realistic scale, for measuring speed."""
