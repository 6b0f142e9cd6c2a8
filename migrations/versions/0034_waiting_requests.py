"""each task says whether an extension request of it waits for a decision and whether an
explanation's answer waits for review, kept by triggers on the requests, and the tasks for
which one waits are indexed in the lists' order: the office's and a leader's lists of what
waits read them in that order instead of finding them from the requests and sorting them

Revision ID: 0034
Revises: 0033
Create Date: 2026-12-06

"""

import sqlalchemy as sa
from alembic import op

revision = "0034"
down_revision = "0033"
branch_labels = None
depends_on = None

# (the task's flag, the request table, when a request waits, the columns that decide it)
WAITING = [
    ("extension_waiting", "extension_request", "r.state = 'pending'", "state, task_id"),
    (
        "explanation_waiting",
        "explanation_request",
        "r.answered_at IS NOT NULL AND r.reviewed_at IS NULL",
        "answered_at, reviewed_at, task_id",
    ),
]
SET_FLAG = """UPDATE task SET {flag} = EXISTS (
    SELECT 1 FROM {table} r WHERE r.task_id = task.id AND {waits}
)"""
SQLITE_TRIGGERS = {
    "insert": "AFTER INSERT ON {table} BEGIN {set_flag} WHERE task.id = new.task_id; END",
    "update": "AFTER UPDATE OF {columns} ON {table} BEGIN"
    " {set_flag} WHERE task.id IN (old.task_id, new.task_id); END",
    "delete": "AFTER DELETE ON {table} BEGIN {set_flag} WHERE task.id = old.task_id; END",
}
# OLD is null on an insert and NEW on a delete (PostgreSQL 11 and later)
POSTGRESQL_TRIGGER = """CREATE FUNCTION {flag}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    {set_flag} WHERE task.id IN (OLD.task_id, NEW.task_id);
    RETURN NULL;
END $$;
CREATE TRIGGER {flag} AFTER INSERT OR DELETE OR UPDATE OF {columns} ON {table}
    FOR EACH ROW EXECUTE FUNCTION {flag}()"""


def upgrade():
    sqlite = op.get_bind().dialect.name == "sqlite"
    for flag, table, waits, columns in WAITING:
        op.add_column(
            "task", sa.Column(flag, sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        set_flag = SET_FLAG.format(flag=flag, table=table, waits=waits)
        op.execute(set_flag)
        if sqlite:
            for event, body in SQLITE_TRIGGERS.items():
                statement = body.format(table=table, columns=columns, set_flag=set_flag)
                op.execute(f"CREATE TRIGGER {flag}_{event} {statement}")
        else:
            op.execute(
                POSTGRESQL_TRIGGER.format(
                    flag=flag, table=table, columns=columns, set_flag=set_flag
                )
            )
        op.create_index(
            f"ix_task_{flag}",
            "task",
            ["urgency_rank", "deadline", "id"],
            # as each database writes a boolean column in a condition
            sqlite_where=sa.text(f"{flag} = 1"),
            postgresql_where=sa.text(flag),
        )


def downgrade():
    sqlite = op.get_bind().dialect.name == "sqlite"
    for flag, table, _waits, _columns in WAITING:
        op.drop_index(f"ix_task_{flag}", table_name="task")
        if sqlite:
            for event in SQLITE_TRIGGERS:
                op.execute(f"DROP TRIGGER {flag}_{event}")
        else:
            op.execute(f"DROP TRIGGER {flag} ON {table}")
            op.execute(f"DROP FUNCTION {flag}()")
        # not in a batch: SQLite would build the table anew, which the triggers of 0023 forbid
        op.drop_column("task", flag)
