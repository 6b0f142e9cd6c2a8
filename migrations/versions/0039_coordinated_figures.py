"""the kept counts also added up, for each agency, over the tasks it coordinates and another
agency leads: an agency's own list counted its coordinated part from the copies of its
cells, one per lead agency (717 at the benchmark's agency), and reads 30 of these

Revision ID: 0039
Revises: 0038
Create Date: 2026-12-06

"""

import sqlalchemy as sa
from alembic import op

revision = "0039"
down_revision = "0038"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "coordinated_figure",
        sa.Column("coordinator_id", sa.Integer(), nullable=False),
        sa.Column("due_month", sa.Integer(), nullable=False),
        sa.Column("bucket", sa.String(length=16), nullable=False),
        sa.Column("notice_kind", sa.String(length=30), nullable=False),
        sa.Column("tasks", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "coordinator_id",
            "due_month",
            "bucket",
            "notice_kind",
            name=op.f("pk_coordinated_figure"),
        ),
    )
    op.create_index(
        "ix_coordinated_figure_sums",
        "coordinated_figure",
        ["coordinator_id", "due_month", "bucket", "notice_kind", "tasks"],
    )
    # added up from the copies as they stand (none while the first reading has not built them)
    op.execute(
        "INSERT INTO coordinated_figure (coordinator_id, due_month, bucket, notice_kind, tasks) "
        "SELECT coordinator_id, due_month, bucket, notice_kind, SUM(tasks) FROM task_figure "
        "WHERE coordinator_id != 0 AND lead_agency_id != coordinator_id "
        "GROUP BY coordinator_id, due_month, bucket, notice_kind HAVING SUM(tasks) > 0"
    )


def downgrade():
    op.drop_table("coordinated_figure")
