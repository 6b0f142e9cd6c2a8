"""Notices, directives and letters whose instructions become tasks."""
