"""a stamp the database draws anew with every change to the agency directory (agencies,
their aliases, groups and their members), so that each process may keep the directory's
rows every page shows (the agencies' and groups' options, the agencies' names) until it
changes, reading the stamp with the signed-in user instead of the rows

Revision ID: 0031
Revises: 0030
Create Date: 2026-12-06

"""

import sqlalchemy as sa
from alembic import op

revision = "0031"
down_revision = "0030"
branch_labels = None
depends_on = None

DIRECTORY_TABLES = ("agency", "agency_alias", "agency_group", "agency_group_member")
SQLITE_DRAW = "UPDATE directory_stamp SET stamp = random() WHERE id = 1"
POSTGRESQL_DRAW = (
    "UPDATE directory_stamp SET stamp = floor(random() * 9007199254740991)::bigint WHERE id = 1"
)
POSTGRESQL_FUNCTION = f"""CREATE FUNCTION directory_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    {POSTGRESQL_DRAW};
    RETURN NULL;
END $$"""


def upgrade():
    op.create_table(
        "directory_stamp",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("stamp", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_directory_stamp")),
    )
    op.execute("INSERT INTO directory_stamp (id, stamp) VALUES (1, 0)")
    if op.get_bind().dialect.name == "sqlite":
        for table in DIRECTORY_TABLES:
            for change in ("INSERT", "UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER {table}_{change.lower()}_directory_stamp "
                    f"AFTER {change} ON {table} BEGIN {SQLITE_DRAW}; END"
                )
        op.execute(SQLITE_DRAW)
    else:
        op.execute(POSTGRESQL_FUNCTION)
        for table in DIRECTORY_TABLES:
            # once per statement: a merge that moves sixty agencies draws once
            op.execute(
                f"CREATE TRIGGER {table}_directory_stamp "
                f"AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION directory_changed()"
            )
        op.execute(POSTGRESQL_DRAW)


def downgrade():
    if op.get_bind().dialect.name == "sqlite":
        for table in DIRECTORY_TABLES:
            for change in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER {table}_{change}_directory_stamp")
    else:
        for table in DIRECTORY_TABLES:
            op.execute(f"DROP TRIGGER {table}_directory_stamp ON {table}")
        op.execute("DROP FUNCTION directory_changed()")
    op.drop_table("directory_stamp")
