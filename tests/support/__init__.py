"""Real services the tests start on loopback: PostgreSQL and Redis."""
