"""a report's edited narrative and its freezing; notices followed apart and their leader

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-04

"""
import sqlalchemy as sa
from alembic import op

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('report', schema=None) as batch_op:
        batch_op.add_column(sa.Column('narrative', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('frozen_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('frozen_by_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_report_frozen_by_id_user_account'), 'user_account', ['frozen_by_id'], ['id'])

    with op.batch_alter_table('notice', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reported_apart', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column('directing_leader_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_notice_directing_leader_id_user_account'), 'user_account', ['directing_leader_id'], ['id'], ondelete='SET NULL')


def downgrade():
    with op.batch_alter_table('notice', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_notice_directing_leader_id_user_account'), type_='foreignkey')
        batch_op.drop_column('directing_leader_id')
        batch_op.drop_column('reported_apart')

    with op.batch_alter_table('report', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_report_frozen_by_id_user_account'), type_='foreignkey')
        batch_op.drop_column('frozen_by_id')
        batch_op.drop_column('frozen_at')
        batch_op.drop_column('narrative')
