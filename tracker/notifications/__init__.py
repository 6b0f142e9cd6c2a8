"""In-app notifications and the reminder log that keeps reminders from being sent twice."""
