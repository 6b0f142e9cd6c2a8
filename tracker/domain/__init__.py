"""Pure domain logic: plain values in, plain values out; no Flask, SQLAlchemy or Redis."""
