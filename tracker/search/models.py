"""The search documents: one row per notice and per task, holding its words folded.

The full-text index over these rows is built by the database itself (migration 0006): an FTS5
table kept in step by triggers on SQLite, a generated tsvector column on PostgreSQL. Neither
is a model; `schema.include_name` keeps them out of autogenerate's comparison.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column

from tracker.db import Base


class SearchDocument(Base):
    """The folded words of a notice (task_id None) or of a task, column by column so that a
    hit in the lead agency or the number weighs more than one in the text."""

    __tablename__ = "search_document"

    id: Mapped[int] = mapped_column(primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notice.id", ondelete="CASCADE"), index=True)
    task_id: Mapped[int | None] = mapped_column(
        ForeignKey("task.id", ondelete="CASCADE"), unique=True
    )
    # the notice's title, or the task's text
    body: Mapped[str] = mapped_column(Text, default="")
    # the lead agency's name, short name and aliases
    lead_agency: Mapped[str] = mapped_column(Text, default="")
    # the coordinating agencies, and the group the notice addressed as written
    other_agencies: Mapped[str] = mapped_column(Text, default="")
    # the notice's kind and number, and the task's item reference
    number: Mapped[str] = mapped_column(Text, default="")
    # the deadline as written ("quy iii 2017") and as a date ("30 09 2017")
    deadline: Mapped[str] = mapped_column(Text, default="")
