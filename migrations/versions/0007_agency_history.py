"""agency directory over time

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-22

The history of the directory (merges, splits, renames, deactivations), the agency a task was
originally assigned to (backfilled from its lead agency), and the basis on which a report
counts tasks by agency.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

CHANGE_KINDS = ('merge', 'split', 'rename', 'deactivate', 'reactivate')


def upgrade():
    op.create_table('agency_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum(*CHANGE_KINDS, name='agencychangekind', native_enum=False, length=30), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=False),
    sa.Column('legal_basis', sa.String(length=255), nullable=True),
    sa.Column('effective_on', sa.Date(), nullable=True),
    sa.Column('old_name', sa.String(length=255), nullable=True),
    sa.Column('new_name', sa.String(length=255), nullable=True),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['user_account.id'], name=op.f('fk_agency_change_actor_id_user_account')),
    sa.ForeignKeyConstraint(['agency_id'], ['agency.id'], name=op.f('fk_agency_change_agency_id_agency')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agency_change'))
    )
    with op.batch_alter_table('agency_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agency_change_agency_id'), ['agency_id'], unique=False)

    op.create_table('agency_change_target',
    sa.Column('change_id', sa.Integer(), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['agency_id'], ['agency.id'], name=op.f('fk_agency_change_target_agency_id_agency')),
    sa.ForeignKeyConstraint(['change_id'], ['agency_change.id'], name=op.f('fk_agency_change_target_change_id_agency_change'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('change_id', 'agency_id', name=op.f('pk_agency_change_target'))
    )

    # Added nullable, filled from the lead agency (no task has moved yet), then required.
    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.add_column(sa.Column('assigned_agency_id', sa.Integer(), nullable=True))
    op.execute('UPDATE task SET assigned_agency_id = lead_agency_id')
    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.alter_column('assigned_agency_id', existing_type=sa.Integer(), nullable=False)
        batch_op.create_index(batch_op.f('ix_task_assigned_agency_id'), ['assigned_agency_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_task_assigned_agency_id_agency'), 'agency', ['assigned_agency_id'], ['id'])

    with op.batch_alter_table('report', schema=None) as batch_op:
        batch_op.add_column(sa.Column('agency_basis', sa.Enum('responsible', 'assigned', name='agencybasis', native_enum=False, length=30), nullable=False, server_default='responsible'))


def downgrade():
    with op.batch_alter_table('report', schema=None) as batch_op:
        batch_op.drop_column('agency_basis')

    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_task_assigned_agency_id_agency'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_task_assigned_agency_id'))
        batch_op.drop_column('assigned_agency_id')

    op.drop_table('agency_change_target')
    with op.batch_alter_table('agency_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agency_change_agency_id'))
    op.drop_table('agency_change')
