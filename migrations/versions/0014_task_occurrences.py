"""recurring tasks become series with one occurrence (a task of its own) per period

Each existing recurring task becomes the occurrence of the period of its deadline (of its
notice's date when it has none, due at the period's end), keeping its progress, evidence and
decisions; a new series row holds the rule. The scheduler opens the later occurrences.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-04

"""
import calendar
from datetime import date

import sqlalchemy as sa
from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None

_MONTHS = {'monthly': 1, 'quarterly': 3, 'semiannual': 6, 'annual': 12}


def upgrade():
    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.add_column(sa.Column('recurrence_days', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('recurrence_until', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('series_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('period_key', sa.String(length=24), nullable=True))
        batch_op.create_index(batch_op.f('ix_task_series_id'), ['series_id'], unique=False)
        batch_op.create_unique_constraint(
            batch_op.f('uq_task_series_id_period_key'), ['series_id', 'period_key']
        )
        batch_op.create_foreign_key(
            batch_op.f('fk_task_series_id_task'), 'task', ['series_id'], ['id'], ondelete='CASCADE'
        )
    with op.batch_alter_table('draft_task', schema=None) as batch_op:
        batch_op.add_column(sa.Column('recurrence_days', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('recurrence_until', sa.Date(), nullable=True))
    _split_recurring_tasks()


def _period(day, recurrence):
    """(key, last day) of the period of `recurrence` holding `day`."""
    months = _MONTHS[recurrence]
    first_month = (day.month - 1) // months * months + 1
    last_month = first_month + months - 1
    end = date(day.year, last_month, calendar.monthrange(day.year, last_month)[1])
    if recurrence == 'monthly':
        key = f'{day.year}-{day.month:02d}'
    elif recurrence == 'quarterly':
        key = f'{day.year}-Q{(day.month - 1) // 3 + 1}'
    elif recurrence == 'semiannual':
        key = f'{day.year}-H{1 if day.month <= 6 else 2}'
    else:
        key = str(day.year)
    return key, end


def _split_recurring_tasks():
    bind = op.get_bind()
    meta = sa.MetaData()
    task = sa.Table('task', meta, autoload_with=bind)
    notice = sa.Table('notice', meta, autoload_with=bind)
    coordinator = sa.Table('task_coordinator', meta, autoload_with=bind)
    rows = bind.execute(
        sa.select(task, notice.c.issued_on)
        .join(notice, notice.c.id == task.c.notice_id)
        .where(task.c.recurrence.is_not(None), task.c.recurrence.in_(list(_MONTHS)))
        .order_by(task.c.id)
    ).mappings().all()
    copied = ('notice_id', 'ref', 'text', 'lead_agency_id', 'assigned_agency_id', 'group_label',
              'assignee_id', 'deadline', 'original_deadline', 'deadline_text', 'recurrence',
              'created_at', 'updated_at')
    for row in rows:
        series = {name: row[name] for name in copied}
        series.update(state='in_progress', version=1)
        series_id = bind.execute(sa.insert(task).values(**series).returning(task.c.id)).scalar_one()
        day = row['deadline'] or row['issued_on'] or row['created_at'].date()
        key, period_end = _period(day, row['recurrence'])
        deadline = row['deadline'] or period_end
        bind.execute(
            sa.update(task).where(task.c.id == row['id']).values(
                recurrence=None, series_id=series_id, period_key=key, deadline=deadline,
                original_deadline=row['original_deadline'] or deadline,
            )
        )
        agencies = bind.execute(
            sa.select(coordinator.c.agency_id).where(coordinator.c.task_id == row['id'])
        ).scalars().all()
        if agencies:
            bind.execute(
                sa.insert(coordinator),
                [{'task_id': series_id, 'agency_id': agency} for agency in agencies],
            )


def downgrade():
    bind = op.get_bind()
    meta = sa.MetaData()
    task = sa.Table('task', meta, autoload_with=bind)
    # The first occurrence takes the rule back; the series and later occurrences go.
    firsts = bind.execute(
        sa.select(task.c.series_id, sa.func.min(task.c.id))
        .where(task.c.series_id.is_not(None))
        .group_by(task.c.series_id)
    ).all()
    for series_id, first in firsts:
        recurrence = bind.execute(
            sa.select(task.c.recurrence).where(task.c.id == series_id)
        ).scalar_one()
        bind.execute(sa.update(task).where(task.c.id == first).values(
            recurrence=recurrence if recurrence != 'dates' else None, series_id=None,
            period_key=None))
        bind.execute(sa.delete(task).where(task.c.series_id == series_id))
        bind.execute(sa.delete(task).where(task.c.id == series_id))
    with op.batch_alter_table('draft_task', schema=None) as batch_op:
        batch_op.drop_column('recurrence_until')
        batch_op.drop_column('recurrence_days')
    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_task_series_id_task'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('uq_task_series_id_period_key'), type_='unique')
        batch_op.drop_index(batch_op.f('ix_task_series_id'))
        batch_op.drop_column('period_key')
        batch_op.drop_column('series_id')
        batch_op.drop_column('recurrence_until')
        batch_op.drop_column('recurrence_days')
