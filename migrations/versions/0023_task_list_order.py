"""the task lists' order kept by the database (task.urgency_rank) and indexed, whole and after
the lead agency, the notice and the state

Revision ID: 0023_task_list_order
Revises: 0021
Create Date: 2026-12-05

"""
import sqlalchemy as sa
from alembic import op

revision = '0023_task_list_order'
down_revision = '0021'
branch_labels = None
depends_on = None

# as tracker.tasks.models.URGENCY_RANK has it on the day of this revision
URGENCY_RANK = (
    "CASE WHEN completed_on IS NULL THEN 0 ELSE 2 END"
    " + CASE WHEN deadline IS NULL THEN 1 ELSE 0 END"
)
INDEXES = {
    'ix_task_urgency': ['urgency_rank', 'deadline', 'id'],
    'ix_task_lead_agency_urgency': ['lead_agency_id', 'urgency_rank', 'deadline', 'id'],
    'ix_task_notice_urgency': ['notice_id', 'urgency_rank', 'deadline', 'id'],
    'ix_task_state_urgency': ['state', 'urgency_rank', 'deadline', 'id'],
}


def upgrade():
    # SQLite adds a stored generated column only by building the table anew
    recreate = 'always' if op.get_bind().dialect.name == 'sqlite' else 'auto'
    with op.batch_alter_table('task', recreate=recreate) as batch_op:
        batch_op.add_column(
            sa.Column(
                'urgency_rank',
                sa.Integer(),
                sa.Computed(URGENCY_RANK, persisted=True),
                nullable=False,
            )
        )
    for name, columns in INDEXES.items():
        op.create_index(name, 'task', columns)
    # the notice's index leads with notice_id and serves what this one did
    op.drop_index('ix_task_notice_id', table_name='task')


def downgrade():
    op.create_index('ix_task_notice_id', 'task', ['notice_id'])
    for name in INDEXES:
        op.drop_index(name, table_name='task')
    with op.batch_alter_table('task') as batch_op:
        batch_op.drop_column('urgency_rank')
