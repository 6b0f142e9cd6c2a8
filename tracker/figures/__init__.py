"""Counts of tasks kept with the data, for the figures the dashboard shows."""
