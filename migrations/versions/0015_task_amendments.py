"""later documents that amend, pause or cancel published tasks, and each task's versions

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-04

"""
import sqlalchemy as sa
from alembic import op

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None

CHANGE_KINDS = ('deadline', 'lead', 'coordinators', 'text', 'pause', 'cancel', 'replace')


def upgrade():
    op.create_table('amendment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('notice_id', sa.Integer(), nullable=True),
    sa.Column('number', sa.String(length=60), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('issuer', sa.String(length=255), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_amendment_created_by_id_user_account')),
    sa.ForeignKeyConstraint(['notice_id'], ['notice.id'], name=op.f('fk_amendment_notice_id_notice'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_amendment'))
    )
    with op.batch_alter_table('amendment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_amendment_notice_id'), ['notice_id'], unique=False)

    op.create_table('task_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('task_id', sa.Integer(), nullable=False),
    sa.Column('amendment_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.Enum(*CHANGE_KINDS, name='changekind', native_enum=False, length=30), nullable=False),
    sa.Column('before', sa.JSON(), nullable=False),
    sa.Column('after', sa.JSON(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['user_account.id'], name=op.f('fk_task_change_actor_id_user_account')),
    sa.ForeignKeyConstraint(['amendment_id'], ['amendment.id'], name=op.f('fk_task_change_amendment_id_amendment'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['task_id'], ['task.id'], name=op.f('fk_task_change_task_id_task'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_task_change'))
    )
    with op.batch_alter_table('task_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_task_change_amendment_id'), ['amendment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_task_change_task_id'), ['task_id'], unique=False)

    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.add_column(sa.Column('cancelled_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('paused_until', sa.Date(), nullable=True))


def downgrade():
    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.drop_column('paused_until')
        batch_op.drop_column('cancelled_on')
    with op.batch_alter_table('task_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_task_change_task_id'))
        batch_op.drop_index(batch_op.f('ix_task_change_amendment_id'))
    op.drop_table('task_change')
    with op.batch_alter_table('amendment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_amendment_notice_id'))
    op.drop_table('amendment')
