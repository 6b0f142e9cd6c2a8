"""Reminders and escalation: who is told what, once, before and after deadlines."""
