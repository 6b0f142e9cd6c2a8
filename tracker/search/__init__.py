"""Search over notices and tasks, ignoring case and Vietnamese diacritics, on SQLite (FTS5)
and PostgreSQL (tsvector) behind one function."""
