"""The public results page: what the province made public, for citizens and the press."""
