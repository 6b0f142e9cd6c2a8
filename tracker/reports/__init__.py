"""Completion reports: the figures of a period rendered as XLSX, DOCX and Markdown."""
