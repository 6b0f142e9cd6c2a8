"""the office's queues of hand-ins and of declines read oldest first, and the lists of them in
the lists' order, from partial indexes of the tasks waiting in that state, which also count
them for the menu, instead of reading every such task, with its notice, and sorting them on
each uncached page

Revision ID: 0036
Revises: 0035
Create Date: 2026-12-07

"""

import sqlalchemy as sa
from alembic import op

revision = "0036"
down_revision = "0035"
branch_labels = None
depends_on = None

FALLING_DUE = "recurrence IS NULL AND cancelled_on IS NULL"
# each index, its columns and the state of the tasks it holds
URGENCY = ["state", "urgency_rank", "deadline", "id"]
QUEUES = {
    "ix_task_submitted_since": (["state", "submitted_on", "id"], "submitted"),
    "ix_task_submitted_urgency": (URGENCY, "submitted"),
    "ix_task_declined_since": (["state", "updated_at", "id"], "declined"),
    "ix_task_declined_urgency": (URGENCY, "declined"),
}


def upgrade() -> None:
    for name, (columns, state) in QUEUES.items():
        where = sa.text(f"state = '{state}' AND {FALLING_DUE}")
        op.create_index(name, "task", columns, sqlite_where=where, postgresql_where=where)


def downgrade() -> None:
    for name in QUEUES:
        op.drop_index(name, table_name="task")
