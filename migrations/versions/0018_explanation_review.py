"""an answered explanation waits until the office or the leader has reviewed it

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-04

"""
import sqlalchemy as sa
from alembic import op

revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('explanation_request', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reviewed_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('reviewed_by_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_explanation_request_reviewed_by_id_user_account'), 'user_account', ['reviewed_by_id'], ['id'])
    # Explanations answered before reviews existed are taken as reviewed.
    op.execute("UPDATE explanation_request SET reviewed_at = answered_at WHERE answered_at IS NOT NULL")


def downgrade():
    with op.batch_alter_table('explanation_request', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_explanation_request_reviewed_by_id_user_account'), type_='foreignkey')
        batch_op.drop_column('reviewed_by_id')
        batch_op.drop_column('reviewed_at')
