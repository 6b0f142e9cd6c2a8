"""the lists of what waits for a decision read in the lists' order from an index range: each
extension and explanation request copies its task's place in that order (urgency rank and
deadline, by triggers as the coordinator rows do), and the requests that wait have a partial
index in that order, so that a list of the tasks with an extension pending, or an answered
explanation unread, reads its page's rows from that index instead of finding every such task
and sorting them

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

# each request table, with its index of the requests that wait and what makes one wait
WAITING = {
    "extension_request": ("ix_extension_request_pending_order", "state = 'pending'"),
    "explanation_request": (
        "ix_explanation_request_waiting_order",
        "answered_at IS NOT NULL AND reviewed_at IS NULL",
    ),
}
# The indexes these replace (0026, 0028): the new ones hold the task too, and serve the menu's
# counts; left beside them, SQLite chose the old one for a list and sorted what it found.
PENDING = sa.text("state = 'pending'")
REPLACED = {
    "extension_request": (
        "ix_extension_request_pending",
        ["task_id"],
        {"sqlite_where": PENDING, "postgresql_where": PENDING},
    ),
    "explanation_request": ("ix_explanation_request_waiting", ["reviewed_at", "answered_at"], {}),
}
ORDER = ["task_urgency_rank", "task_deadline", "task_id"]

SQLITE_INSERT = """CREATE TRIGGER {table}_task_order AFTER INSERT ON {table} BEGIN
    UPDATE {table} SET (task_urgency_rank, task_deadline) =
        (SELECT urgency_rank, deadline FROM task WHERE task.id = new.task_id)
    WHERE id = new.id;
END"""
SQLITE_UPDATE = """CREATE TRIGGER task_order_to_requests
    AFTER UPDATE OF deadline, completed_on ON task BEGIN
    UPDATE extension_request SET task_urgency_rank = new.urgency_rank,
        task_deadline = new.deadline WHERE task_id = new.id;
    UPDATE explanation_request SET task_urgency_rank = new.urgency_rank,
        task_deadline = new.deadline WHERE task_id = new.id;
END"""
# one function for both request tables: their copies have the same names
POSTGRESQL_INSERT = """CREATE FUNCTION request_task_order() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    SELECT urgency_rank, deadline INTO NEW.task_urgency_rank, NEW.task_deadline
    FROM task WHERE task.id = NEW.task_id;
    RETURN NEW;
END $$"""
POSTGRESQL_INSERT_TRIGGER = """CREATE TRIGGER {table}_task_order BEFORE INSERT OR UPDATE OF
    task_id ON {table} FOR EACH ROW EXECUTE FUNCTION request_task_order()"""
POSTGRESQL_UPDATE = """CREATE FUNCTION task_order_to_requests() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    UPDATE extension_request SET task_urgency_rank = NEW.urgency_rank,
        task_deadline = NEW.deadline WHERE task_id = NEW.id;
    UPDATE explanation_request SET task_urgency_rank = NEW.urgency_rank,
        task_deadline = NEW.deadline WHERE task_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER task_order_to_requests AFTER UPDATE OF deadline, completed_on
    ON task FOR EACH ROW EXECUTE FUNCTION task_order_to_requests()"""


def upgrade():
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table, (index, waits) in WAITING.items():
        op.add_column(table, sa.Column("task_urgency_rank", sa.Integer(), nullable=True))
        op.add_column(table, sa.Column("task_deadline", sa.Date(), nullable=True))
        op.execute(
            f"UPDATE {table} SET (task_urgency_rank, task_deadline) ="
            f" (SELECT urgency_rank, deadline FROM task WHERE task.id = {table}.task_id)"
        )
        where = sa.text(waits)
        op.create_index(index, table, ORDER, sqlite_where=where, postgresql_where=where)
        op.drop_index(REPLACED[table][0], table_name=table)
    if sqlite:
        for table in WAITING:
            op.execute(SQLITE_INSERT.format(table=table))
        op.execute(SQLITE_UPDATE)
    else:
        op.execute(POSTGRESQL_INSERT)
        for table in WAITING:
            op.execute(POSTGRESQL_INSERT_TRIGGER.format(table=table))
        op.execute(POSTGRESQL_UPDATE)


def downgrade():
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.execute("DROP TRIGGER task_order_to_requests" + ("" if sqlite else " ON task"))
    for table in WAITING:
        op.execute(f"DROP TRIGGER {table}_task_order" + ("" if sqlite else f" ON {table}"))
    if not sqlite:
        op.execute("DROP FUNCTION task_order_to_requests()")
        op.execute("DROP FUNCTION request_task_order()")
    for table, (index, _waits) in WAITING.items():
        replaced, columns, partial = REPLACED[table]
        op.create_index(replaced, table, columns, **partial)
        op.drop_index(index, table_name=table)
        # not in a batch: SQLite drops a column no trigger or index reads in place
        op.drop_column(table, "task_deadline")
        op.drop_column(table, "task_urgency_rank")
