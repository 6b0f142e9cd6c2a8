"""counts of tasks kept with the data, per agency, kind of document, month of deadline and
bucket, and the day their open tasks are filed for

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-05

"""

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "task_figure",
        sa.Column("id", sa.Integer(), nullable=False),
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
        sa.UniqueConstraint(
            "lead_agency_id",
            "assigned_agency_id",
            "notice_kind",
            "due_month",
            "bucket",
            "original_month",
            "outcome",
            name="uq_task_figure_cell",
        ),
    )
    with op.batch_alter_table('task_figure', schema=None) as batch_op:
        batch_op.create_index('ix_task_figure_scorecard', ['original_month', 'lead_agency_id', 'outcome', 'tasks'], unique=False)
        batch_op.create_index('ix_task_figure_trend', ['due_month', 'bucket', 'lead_agency_id', 'notice_kind', 'tasks'], unique=False)
        batch_op.create_index('ix_task_figure_by_month', ['due_month', 'lead_agency_id', 'bucket', 'notice_kind', 'tasks', 'deadline_day_sum', 'days_late_sum'], unique=False)

    clock = op.create_table(
        "figure_clock",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=True),
        sa.Column("due_soon_days", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_figure_clock")),
    )
    # The one row, without a day: the counts are built by the first reading (or `flask
    # figures rebuild`), from the tasks as they are then.
    op.bulk_insert(clock, [{"id": 1}])


def downgrade():
    op.drop_table("figure_clock")
    op.drop_table("task_figure")
