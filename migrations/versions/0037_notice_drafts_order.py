"""the office's home page lists the drafts newest first: an index by state and the time each
notice was entered, so that the database reads the few drafts in order instead of reading
every notice (their text included) and sorting them

Revision ID: 0037
Revises: 0036
Create Date: 2026-12-07

"""

from alembic import op

revision = "0037"
down_revision = "0036"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_notice_state_created_at", "notice", ["state", "created_at"])


def downgrade() -> None:
    op.drop_index("ix_notice_state_created_at", table_name="notice")
