"""user session version: signing out, a password change or reset, locking end every session

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04

Each session and "remember me" cookie carries the user's session version; moving it on makes
them all refused. Sessions issued before this revision carry no version and end once.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('session_version', sa.Integer(), server_default='0', nullable=False)
        )


def downgrade():
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.drop_column('session_version')
