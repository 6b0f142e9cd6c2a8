"""drop `ix_task_state_urgency`: the lists of hand-ins and of declines, the only lists that
asked for the tasks in one state, read from the partial indexes of 0036 since, and no other
query reads it; a full index of every task less to keep on each write

Revision ID: 0038
Revises: 0037
Create Date: 2026-12-07

"""

from alembic import op

revision = "0038"
down_revision = "0037"
branch_labels = None
depends_on = None

COLUMNS = ["state", "urgency_rank", "deadline", "id"]


def upgrade() -> None:
    op.drop_index("ix_task_state_urgency", table_name="task")


def downgrade() -> None:
    op.create_index("ix_task_state_urgency", "task", COLUMNS)
