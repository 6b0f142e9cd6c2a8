"""Administration: settings kept in the database."""
