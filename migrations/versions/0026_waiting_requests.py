"""the requests that wait for the office or a leader (extensions to decide, explanations to
review) found by an index, not by reading every request of the years

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-05

"""

from alembic import op

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_extension_request_state", "extension_request", ["state"])
    op.create_index(
        "ix_explanation_request_waiting", "explanation_request", ["reviewed_at", "answered_at"]
    )


def downgrade():
    op.drop_index("ix_explanation_request_waiting", table_name="explanation_request")
    op.drop_index("ix_extension_request_state", table_name="extension_request")
