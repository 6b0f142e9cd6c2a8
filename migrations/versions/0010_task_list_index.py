"""an index that serves the open and overdue task lists

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-22

Open tasks by deadline, with the notice id in the index so that the lists and counts of
overdue or due tasks (with the notice's visibility) never read the task rows themselves.
"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.create_index('ix_task_open_deadline', ['completed_on', 'deadline', 'notice_id'], unique=False)


def downgrade():
    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.drop_index('ix_task_open_deadline')
