"""each user's choice of e-mail for notifications, and which notifications were mailed

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-04

"""
import sqlalchemy as sa
from alembic import op

revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.add_column(sa.Column('mail_preference', sa.Enum('immediate', 'daily', 'none', name='mailpreference', native_enum=False, length=20), server_default='immediate', nullable=False))

    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.add_column(sa.Column('emailed_at', sa.DateTime(timezone=True), nullable=True))
    # What was notified before notifications were mailed is not mailed now.
    op.execute("UPDATE notification SET emailed_at = created_at")


def downgrade():
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.drop_column('emailed_at')

    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.drop_column('mail_preference')
