"""Outgoing e-mail: building messages, sending them over SMTP, and a local sink for development."""
