"""What migration 0006 builds outside the models, per dialect, and how Alembic skips it."""

from __future__ import annotations

from collections.abc import Mapping

# SQLite: the FTS5 table `search_fts` (and its shadow tables search_fts_data, ...).
# PostgreSQL: the generated column `search_document.search_fts` and its index `ix_search_fts`.
DATABASE_ONLY_PREFIXES = ("search_fts", "ix_search_fts")


def include_name(name: str | None, type_: str, _parent_names: Mapping[str, str | None]) -> bool:
    """Alembic's `include_name` hook: leave the database-built full-text objects out of
    autogenerate, which would otherwise propose to drop them."""
    return not (name or "").startswith(DATABASE_ONLY_PREFIXES)
