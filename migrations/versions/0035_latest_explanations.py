"""the leadership dashboard lists the latest explanations asked: an index by the time each
was asked, so that the database reads the newest first and stops at the few the board shows,
instead of reading and sorting every explanation the province ever asked

Revision ID: 0035
Revises: 0034
Create Date: 2026-12-07

"""

from alembic import op

revision = "0035"
down_revision = "0034"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_explanation_request_created_at", "explanation_request", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_explanation_request_created_at", table_name="explanation_request")
