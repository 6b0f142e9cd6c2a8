"""the province's kept counts also total every month, as the agencies' do: the province's
lists (the overdue list, a status) are counted from a few dozen cells instead of the
agencies' 620

Revision ID: 0032
Revises: 0031
Create Date: 2026-12-06

"""

from alembic import op

revision = "0032"
down_revision = "0031"
branch_labels = None
depends_on = None


def upgrade():
    # added up from the agencies' own totals as they stand (none while never built)
    op.execute(
        "INSERT INTO province_figure (due_month, bucket, notice_kind, tasks) "
        "SELECT due_month, bucket, notice_kind, SUM(tasks) FROM task_figure "
        "WHERE coordinator_id = 0 AND due_month = -1 "
        "GROUP BY due_month, bucket, notice_kind HAVING SUM(tasks) > 0"
    )


def downgrade():
    op.execute("DELETE FROM province_figure WHERE due_month = -1")
