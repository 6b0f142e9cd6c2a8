"""the notices' publication events found by a partial index of them alone

A task's page shows its timeline: its own events and the publication of its notice. With
no index on the event's notice, SQLite read the whole audit log for each task page (150 ms
at the benchmark province's 323,564 events). An index of the publications alone, one a
notice, is as small as the notices.

Revision ID: 0029
Revises: 0028
Create Date: 2026-12-05

"""

import sqlalchemy as sa
from alembic import op

revision = "0029"
down_revision = "0028"
branch_labels = None
depends_on = None

PUBLISHED = sa.text("action = 'notice.published'")


def upgrade():
    op.create_index(
        "ix_event_publication",
        "event",
        ["notice_id"],
        sqlite_where=PUBLISHED,
        postgresql_where=PUBLISHED,
    )


def downgrade():
    op.drop_index("ix_event_publication", table_name="event")
