"""The append-only audit log: every change is an Event."""
