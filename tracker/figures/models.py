"""The maintained counts: one row per cell of tasks that share an agency, a kind of document,
a month of deadline and a bucket (`tracker.domain.figure_buckets`), and the day the buckets of
open tasks were worked out for."""

from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Date, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from tracker.db import Base

NO_DEADLINE_MONTH = 0
ALL_MONTHS = -1  # the cell that adds up every month of its agency, kind and bucket
NOT_SCORED = ""  # the scorecard outcome of a task without a deadline, and of the totals
OWN_CELL = 0  # the `coordinator_id` of the cells that count each task once, by its lead agency


class TaskFigure(Base):
    """How many counted tasks (`tracker.access.visible_tasks` of a leader) fall in the cell.

    Each task is counted once in a cell of `OWN_CELL`, and once more for each agency that
    coordinates it, in a copy of that cell whose `coordinator_id` is the agency: an agency's
    own list (the tasks it leads and those it coordinates) is counted from both.

    `due_month` is the deadline's year and month as 202609 (0 without a deadline); each cell
    is also added up over every month in a cell of `ALL_MONTHS` (-1), which the dashboard
    reads when it is not filtered by period (1,800 cells instead of 46,000 at 100,000 tasks,
    where most cells hold the few tasks of an agency due in one month). For open
    tasks `deadline_day_sum` adds up their deadlines as day numbers (so that the days they are
    late on any day follow from the count); for tasks completed late, `days_late_sum` adds up
    the days each was late.

    The scorecard counts the same tasks by the month of their deadline as first assigned
    (`original_month`) and by `outcome` (`tracker.domain.scorecard.Outcome`); the totals over
    every month leave both out (`ALL_MONTHS`, `NOT_SCORED`).
    """

    __tablename__ = "task_figure"
    __table_args__ = (
        UniqueConstraint(
            "coordinator_id", "lead_agency_id", "assigned_agency_id", "notice_kind",
            "due_month", "bucket", "original_month", "outcome", name="uq_task_figure_cell",
        ),
        # The dashboard and the lists read from this index alone: the own cells or one
        # agency's copies, one month, a range of months, or every month's total, then by
        # agency and bucket (the order of its GROUP BY), the filters' columns and the sums.
        Index(
            "ix_task_figure_by_month",
            "coordinator_id", "due_month", "lead_agency_id", "bucket", "notice_kind",
            "tasks", "deadline_day_sum", "days_late_sum",
        ),
        # The trend: months in a range, by month and bucket.
        Index(
            "ix_task_figure_trend",
            "coordinator_id", "due_month", "bucket", "lead_agency_id", "notice_kind", "tasks",
        ),
        # The scorecard: months of the original deadline in a range, by agency and outcome.
        Index(
            "ix_task_figure_scorecard",
            "coordinator_id", "original_month", "lead_agency_id", "outcome", "tasks",
        ),
    )  # fmt: skip

    id: Mapped[int] = mapped_column(primary_key=True)
    coordinator_id: Mapped[int] = mapped_column(Integer)  # OWN_CELL, or an agency's id
    lead_agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    assigned_agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    notice_kind: Mapped[str] = mapped_column(String(30))
    due_month: Mapped[int] = mapped_column(Integer)
    bucket: Mapped[str] = mapped_column(String(16))
    original_month: Mapped[int] = mapped_column(Integer)
    outcome: Mapped[str] = mapped_column(String(16))
    tasks: Mapped[int] = mapped_column(Integer, default=0)
    deadline_day_sum: Mapped[int] = mapped_column(BigInteger, default=0)
    days_late_sum: Mapped[int] = mapped_column(BigInteger, default=0)


class ProvinceFigure(Base):
    """The own cells of `TaskFigure` added up over the agencies: how many counted tasks of
    the whole province fall in each month of deadline (`NO_DEADLINE_MONTH` for none,
    `ALL_MONTHS` for the totals of every month), bucket and kind of document. The
    dashboard's trend and the province's lists read these when the user sees every counted
    task and no agency or group is asked for: 398 cells for two years of months at the
    benchmark province instead of 12,687, and a few dozen totals for the overdue list
    instead of 620. Moved with the cells, in the same transaction, by
    `tracker.figures.cells`."""

    __tablename__ = "province_figure"

    due_month: Mapped[int] = mapped_column(Integer, primary_key=True)
    bucket: Mapped[str] = mapped_column(String(16), primary_key=True)
    notice_kind: Mapped[str] = mapped_column(String(30), primary_key=True)
    tasks: Mapped[int] = mapped_column(Integer, default=0)


class CoordinatedFigure(Base):
    """The copies of `TaskFigure` an agency has of the tasks it coordinates and another agency
    leads, added up over the lead agencies: how many such tasks fall in each month of
    deadline (and `ALL_MONTHS`), bucket and kind of document. An agency's own list counts
    its coordinated part from these: 30 cells for the benchmark's agency instead of the
    717 of its copies, one per lead agency (0.1 ms less on PostgreSQL; more for an agency
    that coordinates with many). Moved with the cells, in the same transaction, by
    `tracker.figures.cells`."""

    __tablename__ = "coordinated_figure"
    __table_args__ = (
        # An agency's count read from the index alone, its sums with its keys.
        Index(
            "ix_coordinated_figure_sums",
            "coordinator_id", "due_month", "bucket", "notice_kind", "tasks",
        ),
    )  # fmt: skip

    coordinator_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    due_month: Mapped[int] = mapped_column(Integer, primary_key=True)
    bucket: Mapped[str] = mapped_column(String(16), primary_key=True)
    notice_kind: Mapped[str] = mapped_column(String(30), primary_key=True)
    tasks: Mapped[int] = mapped_column(Integer, default=0)


class FigureClock(Base):
    """The one row that says for which day, and which "due soon" window, the open tasks'
    buckets stand. No day: the counts were never built (the migration leaves it so, and the
    first reading builds them)."""

    __tablename__ = "figure_clock"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date | None] = mapped_column(Date)
    due_soon_days: Mapped[int | None] = mapped_column(Integer)
