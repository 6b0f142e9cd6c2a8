"""The two full-text backends: the same question, "which documents hold every term as a word
prefix, and how well", asked in each database's own words. Scores sort ascending (best first)
on both."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, column, func, literal_column, select, table

from tracker.search.models import SearchDocument

# body, lead_agency, other_agencies, number, deadline: the weights that PostgreSQL's default
# {D 0.1, C 0.2, B 0.4, A 1.0} give to the classes migration 0006 puts the columns in.
SQLITE_WEIGHTS = (2.0, 10.0, 1.0, 10.0, 4.0)
# ts_rank normalization 1: divide by 1 + log(length), so short documents are not drowned by
# long ones that merely repeat a word (bm25 does the like on SQLite).
POSTGRESQL_NORMALIZATION = 1


@dataclass(frozen=True)
class Matches:
    """Documents matching the terms, as a query of their id, notice_id, task_id and score."""

    query: Select[int, int, int | None, float]
    score: ColumnElement[float]


def matches(dialect: str, terms: Sequence[str]) -> Matches:
    """The matching documents for a database dialect; `terms` are folded words
    (`query_terms`), so they hold only letters and digits."""
    if dialect == "sqlite":
        return _sqlite(terms)
    if dialect == "postgresql":
        return _postgresql(terms)
    raise NotImplementedError(f"no search backend for {dialect}")


def _sqlite(terms: Sequence[str]) -> Matches:
    fts = table("search_fts", column("rowid"))
    fts_table: ColumnElement[Any] = literal_column("search_fts")
    # quoted so that a term is never read as an FTS5 operator; * makes it a prefix
    expression = " ".join(f'"{term}"*' for term in terms)
    score = func.bm25(fts_table, *SQLITE_WEIGHTS)
    query = (
        _columns(score)
        .join_from(SearchDocument, fts, fts.c.rowid == SearchDocument.id)
        .where(fts_table.op("MATCH")(expression))
    )
    return Matches(query, score)


def _postgresql(terms: Sequence[str]) -> Matches:
    vector: ColumnElement[Any] = literal_column("search_document.search_fts")
    every_term = _tsquery(" & ".join(f"{term}:*" for term in terms))
    # Ranked on any term: an AND query would be ranked by how close together the terms are,
    # and the lead agency's words, stored after the text, would be far from the text's.
    any_term = _tsquery(" | ".join(f"{term}:*" for term in terms))
    score = -func.ts_rank(vector, any_term, POSTGRESQL_NORMALIZATION)
    query = _columns(score).where(vector.op("@@")(every_term))
    return Matches(query, score)


def _tsquery(expression: str) -> ColumnElement[Any]:
    return func.to_tsquery(literal_column("'simple'::regconfig"), expression)


def _columns(score: ColumnElement[float]) -> Select[int, int, int | None, float]:
    return select(
        SearchDocument.id, SearchDocument.notice_id, SearchDocument.task_id, score.label("score")
    )
