"""skipped passages of a draft notice

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-23

The passages of a notice under review that read like an instruction but gave no task, with the
parser's reason and the reviewer's decision (made a task, or not a task). They go with the
draft: deleted with the notice, and cleared on publishing like the draft's items.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

REASONS = ('approval', 'statement', 'closing', 'no_body', 'province')
DECISIONS = ('task', 'not_task')


def upgrade():
    op.create_table('draft_skipped_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('notice_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('ref', sa.String(length=40), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('reason', sa.Enum(*REASONS, name='skipreason', native_enum=False, length=30), nullable=False),
    sa.Column('decision', sa.Enum(*DECISIONS, name='skipdecision', native_enum=False, length=30), nullable=True),
    sa.Column('draft_task_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['draft_task_id'], ['draft_task.id'], name=op.f('fk_draft_skipped_item_draft_task_id_draft_task'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['notice_id'], ['notice.id'], name=op.f('fk_draft_skipped_item_notice_id_notice'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_draft_skipped_item'))
    )
    with op.batch_alter_table('draft_skipped_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_draft_skipped_item_notice_id'), ['notice_id'], unique=False)


def downgrade():
    with op.batch_alter_table('draft_skipped_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_draft_skipped_item_notice_id'))

    op.drop_table('draft_skipped_item')
