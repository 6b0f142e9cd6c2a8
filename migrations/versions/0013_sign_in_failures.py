"""sign-in failures per username and address: a growing wait instead of a lock-out

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('sign_in_failure',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=80), nullable=False),
    sa.Column('address', sa.String(length=45), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('last_failed_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sign_in_failure')),
    sa.UniqueConstraint('username', 'address', name=op.f('uq_sign_in_failure_username_address'))
    )
    with op.batch_alter_table('sign_in_failure', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sign_in_failure_last_failed_at'), ['last_failed_at'], unique=False)


def downgrade():
    with op.batch_alter_table('sign_in_failure', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sign_in_failure_last_failed_at'))

    op.drop_table('sign_in_failure')
