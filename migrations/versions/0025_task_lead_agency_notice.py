"""an index of tasks by lead agency and notice, so that an agency's newest notices are found
by asking each notice, newest first, whether the agency leads one of its tasks

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-05

"""

from alembic import op

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_task_lead_agency_notice", "task", ["lead_agency_id", "notice_id"])


def downgrade():
    op.drop_index("ix_task_lead_agency_notice", table_name="task")
