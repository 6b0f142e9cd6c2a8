"""notices whose results the secretariat publishes on the public page

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-04

"""
import sqlalchemy as sa
from alembic import op

revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('notice', schema=None) as batch_op:
        batch_op.add_column(sa.Column('public', sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade():
    with op.batch_alter_table('notice', schema=None) as batch_op:
        batch_op.drop_column('public')
