"""search index

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22

One row of folded words per notice and per task (`search_document`), and a full-text index
over it that the database keeps itself: on SQLite an FTS5 table with external content, kept
in step by triggers; on PostgreSQL a generated tsvector column ('simple' configuration, as the
words are folded already) with a GIN index. The weights rank a hit in the lead agency or the
number above one in the text.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

COLUMNS = ('body', 'lead_agency', 'other_agencies', 'number', 'deadline')

SQLITE_UPGRADE = [
    f"CREATE VIRTUAL TABLE search_fts USING fts5({', '.join(COLUMNS)}, "
    "content='search_document', content_rowid='id', tokenize='unicode61')",
    f"""CREATE TRIGGER search_fts_insert AFTER INSERT ON search_document BEGIN
        INSERT INTO search_fts(rowid, {', '.join(COLUMNS)})
        VALUES (new.id, {', '.join(f'new.{c}' for c in COLUMNS)});
    END""",
    f"""CREATE TRIGGER search_fts_delete AFTER DELETE ON search_document BEGIN
        INSERT INTO search_fts(search_fts, rowid, {', '.join(COLUMNS)})
        VALUES ('delete', old.id, {', '.join(f'old.{c}' for c in COLUMNS)});
    END""",
    f"""CREATE TRIGGER search_fts_update AFTER UPDATE ON search_document BEGIN
        INSERT INTO search_fts(search_fts, rowid, {', '.join(COLUMNS)})
        VALUES ('delete', old.id, {', '.join(f'old.{c}' for c in COLUMNS)});
        INSERT INTO search_fts(rowid, {', '.join(COLUMNS)})
        VALUES (new.id, {', '.join(f'new.{c}' for c in COLUMNS)});
    END""",
]
SQLITE_DOWNGRADE = [
    "DROP TRIGGER search_fts_update",
    "DROP TRIGGER search_fts_delete",
    "DROP TRIGGER search_fts_insert",
    "DROP TABLE search_fts",
]
POSTGRESQL_UPGRADE = [
    """ALTER TABLE search_document ADD COLUMN search_fts tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, body), 'C')
        || setweight(to_tsvector('simple'::regconfig, lead_agency), 'A')
        || setweight(to_tsvector('simple'::regconfig, other_agencies), 'D')
        || setweight(to_tsvector('simple'::regconfig, number), 'A')
        || setweight(to_tsvector('simple'::regconfig, deadline), 'B')
    ) STORED""",
    "CREATE INDEX ix_search_fts ON search_document USING gin (search_fts)",
]
POSTGRESQL_DOWNGRADE = [
    "DROP INDEX ix_search_fts",
    "ALTER TABLE search_document DROP COLUMN search_fts",
]


def upgrade():
    op.create_table('search_document',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('notice_id', sa.Integer(), nullable=False),
    sa.Column('task_id', sa.Integer(), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('lead_agency', sa.Text(), nullable=False),
    sa.Column('other_agencies', sa.Text(), nullable=False),
    sa.Column('number', sa.Text(), nullable=False),
    sa.Column('deadline', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['notice_id'], ['notice.id'], name=op.f('fk_search_document_notice_id_notice'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['task_id'], ['task.id'], name=op.f('fk_search_document_task_id_task'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_search_document')),
    sa.UniqueConstraint('task_id', name=op.f('uq_search_document_task_id'))
    )
    with op.batch_alter_table('search_document', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_search_document_notice_id'), ['notice_id'], unique=False)

    for statement in _dialect_statements(SQLITE_UPGRADE, POSTGRESQL_UPGRADE):
        op.execute(statement)
    # Rows written before this revision get their documents from `flask search rebuild`.


def downgrade():
    for statement in _dialect_statements(SQLITE_DOWNGRADE, POSTGRESQL_DOWNGRADE):
        op.execute(statement)
    with op.batch_alter_table('search_document', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_search_document_notice_id'))

    op.drop_table('search_document')


def _dialect_statements(sqlite, postgresql):
    dialect = op.get_context().dialect.name
    return {'sqlite': sqlite, 'postgresql': postgresql}.get(dialect, [])
