"""open tasks in deadline order, for the dashboard's oldest overdue tasks

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-05

"""
import sqlalchemy as sa
from alembic import op

revision = '0023'
down_revision = '0022'
branch_labels = None
depends_on = None

OPEN = sa.text('completed_on IS NULL')


def upgrade():
    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.create_index('ix_task_open_by_deadline', ['deadline', 'id'], unique=False, sqlite_where=OPEN, postgresql_where=OPEN)


def downgrade():
    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.drop_index('ix_task_open_by_deadline', sqlite_where=OPEN, postgresql_where=OPEN)
