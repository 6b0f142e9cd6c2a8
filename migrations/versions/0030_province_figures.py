"""the kept counts also added up over the agencies, by month of deadline, bucket and kind of
document: the dashboard's trend read 12,700 cells of two years at the benchmark province,
and reads 398 of these

Revision ID: 0030
Revises: 0029
Create Date: 2026-12-05

"""

import sqlalchemy as sa
from alembic import op

revision = "0030"
down_revision = "0029"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "province_figure",
        sa.Column("due_month", sa.Integer(), nullable=False),
        sa.Column("bucket", sa.String(length=16), nullable=False),
        sa.Column("notice_kind", sa.String(length=30), nullable=False),
        sa.Column("tasks", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "due_month", "bucket", "notice_kind", name=op.f("pk_province_figure")
        ),
    )
    # added up from the cells as they stand (none while the first reading has not built them)
    op.execute(
        "INSERT INTO province_figure (due_month, bucket, notice_kind, tasks) "
        "SELECT due_month, bucket, notice_kind, SUM(tasks) FROM task_figure "
        "WHERE coordinator_id = 0 AND due_month != -1 "  # the own cells of months
        "GROUP BY due_month, bucket, notice_kind HAVING SUM(tasks) > 0"
    )


def downgrade():
    op.drop_table("province_figure")
