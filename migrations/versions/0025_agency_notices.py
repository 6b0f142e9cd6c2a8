"""an agency's notices read from indexes alone: tasks by lead agency and notice (then in the
lists' order, for an agency's list of one notice), and each
coordinator row with its task's notice (copied by the trigger that copies its place in the
lists' order), so that the newest notices of an agency are found without reading its tasks

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-05

"""

import sqlalchemy as sa
from alembic import op

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None

# The insert trigger of 0023, copying the notice too; and as 0023 had it, for the downgrade.
SQLITE_COPY = """CREATE TRIGGER task_coordinator_order
    AFTER INSERT ON task_coordinator BEGIN
    UPDATE task_coordinator SET ({columns}) =
        (SELECT {columns} FROM task WHERE task.id = new.task_id)
    WHERE task_id = new.task_id AND agency_id = new.agency_id;
END"""
POSTGRESQL_COPY = """CREATE OR REPLACE FUNCTION task_coordinator_order() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    SELECT {columns} INTO {new_columns} FROM task WHERE task.id = NEW.task_id;
    RETURN NEW;
END $$"""
WITH_NOTICE = ("urgency_rank", "deadline", "notice_id")
WITHOUT_NOTICE = ("urgency_rank", "deadline")


def _copy_trigger(columns):
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER task_coordinator_order")
        op.execute(SQLITE_COPY.format(columns=", ".join(columns)))
    else:
        new_columns = ", ".join(f"NEW.{column}" for column in columns)
        op.execute(POSTGRESQL_COPY.format(columns=", ".join(columns), new_columns=new_columns))


def upgrade():
    op.create_index(
        "ix_task_lead_agency_notice",
        "task",
        ["lead_agency_id", "notice_id", "urgency_rank", "deadline", "id"],
    )
    op.add_column("task_coordinator", sa.Column("notice_id", sa.Integer(), nullable=True))
    op.execute(
        "UPDATE task_coordinator SET notice_id ="
        " (SELECT notice_id FROM task WHERE task.id = task_coordinator.task_id)"
    )
    op.create_index(
        "ix_task_coordinator_agency_notice", "task_coordinator", ["agency_id", "notice_id"]
    )
    _copy_trigger(WITH_NOTICE)


def downgrade():
    _copy_trigger(WITHOUT_NOTICE)  # first: SQLite drops no column a trigger reads
    op.drop_index("ix_task_coordinator_agency_notice", table_name="task_coordinator")
    # not in a batch: SQLite would build the table anew, which the triggers of 0023 forbid
    op.drop_column("task_coordinator", "notice_id")
    op.drop_index("ix_task_lead_agency_notice", table_name="task")
