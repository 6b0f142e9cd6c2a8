"""the task lists' order kept by the database (task.urgency_rank) and indexed, whole and after
the lead agency, the notice and the state; copied onto task_coordinator by triggers, so that an
agency's coordinated tasks come in that order too

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-05

"""
import sqlalchemy as sa
from alembic import op

revision = '0023'
down_revision = '0022'
branch_labels = None
depends_on = None

# as tracker.tasks.models.URGENCY_RANK has it on the day of this revision
URGENCY_RANK = (
    "CASE WHEN completed_on IS NULL THEN 0 ELSE 2 END"
    " + CASE WHEN deadline IS NULL THEN 1 ELSE 0 END"
)
INDEXES = {
    'ix_task_urgency': ['urgency_rank', 'deadline', 'id'],
    'ix_task_lead_agency_urgency': ['lead_agency_id', 'urgency_rank', 'deadline', 'id'],
    'ix_task_notice_urgency': ['notice_id', 'urgency_rank', 'deadline', 'id'],
    'ix_task_state_urgency': ['state', 'urgency_rank', 'deadline', 'id'],
}
COPY_ORDER = (
    "UPDATE task_coordinator SET (urgency_rank, deadline) ="
    " (SELECT urgency_rank, deadline FROM task WHERE task.id = task_coordinator.task_id)"
)
# A batch migration that builds task or task_coordinator anew on SQLite drops these
# triggers: it must create them again (tests/tasks/test_coordinator_order.py would fail).
SQLITE_TRIGGERS = {
    'task_coordinator_order': """CREATE TRIGGER task_coordinator_order
        AFTER INSERT ON task_coordinator BEGIN
        UPDATE task_coordinator SET (urgency_rank, deadline) =
            (SELECT urgency_rank, deadline FROM task WHERE task.id = new.task_id)
        WHERE task_id = new.task_id AND agency_id = new.agency_id;
    END""",
    'task_order_to_coordinators': """CREATE TRIGGER task_order_to_coordinators
        AFTER UPDATE OF deadline, completed_on ON task BEGIN
        UPDATE task_coordinator SET urgency_rank = new.urgency_rank, deadline = new.deadline
        WHERE task_id = new.id;
    END""",
}
POSTGRESQL_TRIGGERS = {
    'task_coordinator_order': """CREATE FUNCTION task_coordinator_order() RETURNS trigger
        LANGUAGE plpgsql AS $$
    BEGIN
        SELECT urgency_rank, deadline INTO NEW.urgency_rank, NEW.deadline
        FROM task WHERE task.id = NEW.task_id;
        RETURN NEW;
    END $$;
    CREATE TRIGGER task_coordinator_order BEFORE INSERT OR UPDATE OF task_id
        ON task_coordinator FOR EACH ROW EXECUTE FUNCTION task_coordinator_order()""",
    'task_order_to_coordinators': """CREATE FUNCTION task_order_to_coordinators()
        RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE task_coordinator SET urgency_rank = NEW.urgency_rank, deadline = NEW.deadline
        WHERE task_id = NEW.id;
        RETURN NULL;
    END $$;
    CREATE TRIGGER task_order_to_coordinators AFTER UPDATE OF deadline, completed_on
        ON task FOR EACH ROW EXECUTE FUNCTION task_order_to_coordinators()""",
}


def upgrade():
    # SQLite adds a stored generated column only by building the table anew
    sqlite = op.get_bind().dialect.name == 'sqlite'
    with op.batch_alter_table('task', recreate='always' if sqlite else 'auto') as batch_op:
        batch_op.add_column(
            sa.Column(
                'urgency_rank',
                sa.Integer(),
                sa.Computed(URGENCY_RANK, persisted=True),
                nullable=False,
            )
        )
    for name, columns in INDEXES.items():
        op.create_index(name, 'task', columns)
    # the notice's index leads with notice_id and serves what this one did
    op.drop_index('ix_task_notice_id', table_name='task')

    op.add_column('task_coordinator', sa.Column('urgency_rank', sa.Integer(), nullable=True))
    op.add_column('task_coordinator', sa.Column('deadline', sa.Date(), nullable=True))
    op.execute(COPY_ORDER)
    op.create_index(
        'ix_task_coordinator_agency_urgency',
        'task_coordinator',
        ['agency_id', 'urgency_rank', 'deadline', 'task_id'],
    )
    # the agency's index leads with agency_id and serves what this one did
    op.drop_index('ix_task_coordinator_agency_id', table_name='task_coordinator')
    for statement in (SQLITE_TRIGGERS if sqlite else POSTGRESQL_TRIGGERS).values():
        op.execute(statement)


def downgrade():
    sqlite = op.get_bind().dialect.name == 'sqlite'
    for name in SQLITE_TRIGGERS:
        op.execute(f'DROP TRIGGER {name}' if sqlite else f'DROP TRIGGER {name} ON {_table(name)}')
        if not sqlite:
            op.execute(f'DROP FUNCTION {name}()')
    op.create_index('ix_task_coordinator_agency_id', 'task_coordinator', ['agency_id'])
    op.drop_index('ix_task_coordinator_agency_urgency', table_name='task_coordinator')
    with op.batch_alter_table('task_coordinator') as batch_op:
        batch_op.drop_column('deadline')
        batch_op.drop_column('urgency_rank')

    op.create_index('ix_task_notice_id', 'task', ['notice_id'])
    for name in INDEXES:
        op.drop_index(name, table_name='task')
    with op.batch_alter_table('task') as batch_op:
        batch_op.drop_column('urgency_rank')


def _table(trigger):
    return 'task_coordinator' if trigger == 'task_coordinator_order' else 'task'
