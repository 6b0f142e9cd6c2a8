"""an agency's filtered lists read in the lists' order from an index range: each coordinator
row also copies its task's state, assigned officer and pause (by the triggers that copy its
place in the lists' order and its notice); the coordinator's and the task's indexes by notice,
by state and by officer go on with the lists' order; and the few paused tasks have an index
of their own in that order, so that the list of tasks in time finds those paused past their
deadline without reading every overdue task

Revision ID: 0033
Revises: 0032
Create Date: 2026-12-06

"""

import sqlalchemy as sa
from alembic import op

revision = "0033"
down_revision = "0032"
branch_labels = None
depends_on = None

ORDER = ["urgency_rank", "deadline"]
PAUSED = sa.text("paused_until IS NOT NULL")
# (table, the index after this revision, and before it: None if there was none), an index
# being (name, columns) or (name, columns, the condition of a partial index)
INDEXES = [
    (
        "task_coordinator",
        ("ix_task_coordinator_agency_notice", ["agency_id", "notice_id", *ORDER, "task_id"]),
        ("ix_task_coordinator_agency_notice", ["agency_id", "notice_id"]),
    ),
    (
        "task_coordinator",
        ("ix_task_coordinator_agency_state", ["agency_id", "state", *ORDER, "task_id"]),
        None,
    ),
    (
        "task_coordinator",
        ("ix_task_coordinator_agency_assignee", ["agency_id", "assignee_id", *ORDER, "task_id"]),
        None,
    ),
    (
        "task",
        ("ix_task_lead_agency_state_urgency", ["lead_agency_id", "state", *ORDER, "id"]),
        ("ix_task_lead_agency_state_deadline", ["lead_agency_id", "state", "deadline"]),
    ),
    (
        "task",
        ("ix_task_lead_agency_assignee", ["lead_agency_id", "assignee_id", *ORDER, "id"]),
        None,
    ),
    ("task", ("ix_task_paused_urgency", [*ORDER, "id"], PAUSED), None),
    (
        "task_coordinator",
        ("ix_task_coordinator_agency_paused", ["agency_id", *ORDER, "task_id"], PAUSED),
        None,
    ),
]
# What the triggers copy, after this revision and before it (0025).
COPIED = ("urgency_rank", "deadline", "notice_id", "state", "assignee_id", "paused_until")
COPIED_BEFORE = ("urgency_rank", "deadline", "notice_id")
# A task never changes notice; the other copies follow the columns they are made from.
FOLLOWED = ("deadline", "completed_on", "state", "assignee_id", "paused_until")
FOLLOWED_BEFORE = ("deadline", "completed_on")

SQLITE_INSERT = """CREATE TRIGGER task_coordinator_order
    AFTER INSERT ON task_coordinator BEGIN
    UPDATE task_coordinator SET ({columns}) =
        (SELECT {columns} FROM task WHERE task.id = new.task_id)
    WHERE task_id = new.task_id AND agency_id = new.agency_id;
END"""
SQLITE_UPDATE = """CREATE TRIGGER task_order_to_coordinators
    AFTER UPDATE OF {followed} ON task BEGIN
    UPDATE task_coordinator SET {assignments} WHERE task_id = new.id;
END"""
POSTGRESQL_INSERT = """CREATE OR REPLACE FUNCTION task_coordinator_order() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    SELECT {columns} INTO {new_columns} FROM task WHERE task.id = NEW.task_id;
    RETURN NEW;
END $$"""
POSTGRESQL_UPDATE = """CREATE OR REPLACE FUNCTION task_order_to_coordinators()
    RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE task_coordinator SET {assignments} WHERE task_id = NEW.id;
    RETURN NULL;
END $$;
DROP TRIGGER task_order_to_coordinators ON task;
CREATE TRIGGER task_order_to_coordinators AFTER UPDATE OF {followed}
    ON task FOR EACH ROW EXECUTE FUNCTION task_order_to_coordinators()"""


def _triggers(copied, followed):
    sqlite = op.get_bind().dialect.name == "sqlite"
    # the notice is copied when the row is made, never after
    assignments = ", ".join(
        f"{column} = {'new' if sqlite else 'NEW'}.{column}"
        for column in copied
        if column != "notice_id"
    )
    if sqlite:
        op.execute("DROP TRIGGER task_coordinator_order")
        op.execute(SQLITE_INSERT.format(columns=", ".join(copied)))
        op.execute("DROP TRIGGER task_order_to_coordinators")
        op.execute(SQLITE_UPDATE.format(followed=", ".join(followed), assignments=assignments))
    else:
        new_columns = ", ".join(f"NEW.{column}" for column in copied)
        op.execute(POSTGRESQL_INSERT.format(columns=", ".join(copied), new_columns=new_columns))
        op.execute(POSTGRESQL_UPDATE.format(followed=", ".join(followed), assignments=assignments))


def upgrade():
    op.add_column("task_coordinator", sa.Column("state", sa.String(length=30), nullable=True))
    op.add_column("task_coordinator", sa.Column("assignee_id", sa.Integer(), nullable=True))
    op.add_column("task_coordinator", sa.Column("paused_until", sa.Date(), nullable=True))
    op.execute(
        "UPDATE task_coordinator SET (state, assignee_id, paused_until) ="
        " (SELECT state, assignee_id, paused_until FROM task"
        " WHERE task.id = task_coordinator.task_id)"
    )
    _triggers(COPIED, FOLLOWED)
    for table, (name, columns, *where), before in INDEXES:
        if before is not None:
            op.drop_index(before[0], table_name=table)
        partial = {"sqlite_where": where[0], "postgresql_where": where[0]} if where else {}
        op.create_index(name, table, columns, **partial)


def downgrade():
    for table, (name, *_columns), before in INDEXES:
        op.drop_index(name, table_name=table)
        if before is not None:
            op.create_index(before[0], table, before[1])
    _triggers(COPIED_BEFORE, FOLLOWED_BEFORE)  # first: SQLite drops no column a trigger reads
    # not in a batch: SQLite would build the table anew, which the triggers of 0023 forbid
    op.drop_column("task_coordinator", "paused_until")
    op.drop_column("task_coordinator", "assignee_id")
    op.drop_column("task_coordinator", "state")
