"""The province's agency directory: agencies, their aliases and groups."""
