"""the kept counts also per coordinating agency, so that an agency's own list is counted
from them: the table is made again with `coordinator_id` in every cell's key and built again
by the first reading

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-05

"""

import sqlalchemy as sa
from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None

KEY = ["lead_agency_id", "assigned_agency_id", "notice_kind", "due_month", "bucket",
       "original_month", "outcome"]  # fmt: skip


def _create(with_coordinator: bool) -> None:
    """The table as 0022 made it, or with `coordinator_id` first in the key and the indexes.
    The counts are derived data: the clock is emptied and the first reading builds them."""
    first = ["coordinator_id"] if with_coordinator else []
    op.create_table(
        "task_figure",
        sa.Column("id", sa.Integer(), nullable=False),
        *([sa.Column("coordinator_id", sa.Integer(), nullable=False)] if with_coordinator else []),
        sa.Column("lead_agency_id", sa.Integer(), nullable=False),
        sa.Column("assigned_agency_id", sa.Integer(), nullable=False),
        sa.Column("notice_kind", sa.String(length=30), nullable=False),
        sa.Column("due_month", sa.Integer(), nullable=False),
        sa.Column("bucket", sa.String(length=16), nullable=False),
        sa.Column("original_month", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("tasks", sa.Integer(), nullable=False),
        sa.Column("deadline_day_sum", sa.BigInteger(), nullable=False),
        sa.Column("days_late_sum", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["assigned_agency_id"],
            ["agency.id"],
            name=op.f("fk_task_figure_assigned_agency_id_agency"),
        ),
        sa.ForeignKeyConstraint(
            ["lead_agency_id"], ["agency.id"], name=op.f("fk_task_figure_lead_agency_id_agency")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task_figure")),
        sa.UniqueConstraint(*first, *KEY, name="uq_task_figure_cell"),
    )
    indexes = {
        "ix_task_figure_scorecard": ["original_month", "lead_agency_id", "outcome", "tasks"],
        "ix_task_figure_trend": ["due_month", "bucket", "lead_agency_id", "notice_kind", "tasks"],
        "ix_task_figure_by_month": ["due_month", "lead_agency_id", "bucket", "notice_kind",
                                    "tasks", "deadline_day_sum", "days_late_sum"],
    }  # fmt: skip
    for name, columns in indexes.items():
        op.create_index(name, "task_figure", [*first, *columns])
    op.execute("UPDATE figure_clock SET day = NULL, due_soon_days = NULL")


def upgrade():
    op.drop_table("task_figure")
    _create(with_coordinator=True)


def downgrade():
    op.drop_table("task_figure")
    _create(with_coordinator=False)
