"""a write API: scoped tokens, notices from other systems, answers kept for idempotency keys

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-10

"""
import sqlalchemy as sa
from alembic import op

revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('api_token', schema=None) as batch_op:
        batch_op.add_column(sa.Column('scopes', sa.JSON(), nullable=True))
    # Tokens made before scopes existed could only read, and keep just that.
    op.execute("""UPDATE api_token SET scopes = '["read"]'""")
    with op.batch_alter_table('api_token', schema=None) as batch_op:
        batch_op.alter_column('scopes', existing_type=sa.JSON(), nullable=False)

    with op.batch_alter_table('notice', schema=None) as batch_op:
        batch_op.add_column(sa.Column('issuer', sa.String(length=255), nullable=True))
        batch_op.add_column(sa.Column('source_system', sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column('source_id', sa.String(length=120), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_notice_source_system_source_id'), ['source_system', 'source_id'])

    op.create_table('api_idempotent_answer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=255), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('status', sa.Integer(), nullable=False),
    sa.Column('body', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['token_id'], ['api_token.id'], name=op.f('fk_api_idempotent_answer_token_id_api_token'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_api_idempotent_answer')),
    sa.UniqueConstraint('token_id', 'key', name=op.f('uq_api_idempotent_answer_token_id_key'))
    )
    with op.batch_alter_table('api_idempotent_answer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_api_idempotent_answer_created_at'), ['created_at'], unique=False)


def downgrade():
    with op.batch_alter_table('api_idempotent_answer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_api_idempotent_answer_created_at'))
    op.drop_table('api_idempotent_answer')

    with op.batch_alter_table('notice', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_notice_source_system_source_id'), type_='unique')
        batch_op.drop_column('source_id')
        batch_op.drop_column('source_system')
        batch_op.drop_column('issuer')

    with op.batch_alter_table('api_token', schema=None) as batch_op:
        batch_op.drop_column('scopes')
