"""the extension requests waiting for a decision found by a partial index of them alone

The index of every request's state (0026) did not serve: its statistics say that the
requests of a province share one state or two, so SQLite read all of them (4,846 at the
benchmark province) to find the few pending ones on every page of the office and the
leaders. An index of the pending requests alone is read whole, and is as small as what waits.

Revision ID: 0028
Revises: 0027
Create Date: 2026-12-05

"""

import sqlalchemy as sa
from alembic import op

revision = "0028"
down_revision = "0027"
branch_labels = None
depends_on = None

PENDING = sa.text("state = 'pending'")


def upgrade():
    op.drop_index("ix_extension_request_state", table_name="extension_request")
    op.create_index(
        "ix_extension_request_pending",
        "extension_request",
        ["task_id"],
        sqlite_where=PENDING,
        postgresql_where=PENDING,
    )


def downgrade():
    op.drop_index("ix_extension_request_pending", table_name="extension_request")
    op.create_index("ix_extension_request_state", "extension_request", ["state"])
