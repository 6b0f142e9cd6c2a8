"""The database's plan for every task list the pages offer, at province scale.

Builds a database of each kind with `flask bench seed` (100,000 tasks by default), then, for
the secretariat, a leader and an agency officer, and for each filter the list page links to,
asks the database how it would read the list's first page (the same query the page runs:
access layer, filters, the most urgent first, LIMIT) and says whether the plan reads the
tasks through an index range with the LIMIT, or scans or sorts them all first. On
PostgreSQL the plan it keeps for the query once prepared (a generic plan, made without the
values of the parameters) is judged too.

    .venv/bin/python scripts/explain_lists.py [--databases sqlite,postgresql] [--write]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from psycopg import ClientCursor  # noqa: E402
from sqlalchemy import Select, select  # noqa: E402
from sqlalchemy.dialects.postgresql.psycopg import dialect as psycopg_dialect  # noqa: E402
from sqlalchemy.ext.compiler import compiles  # noqa: E402
from sqlalchemy.sql.compiler import SQLCompiler  # noqa: E402
from sqlalchemy.sql.expression import ClauseElement, Executable  # noqa: E402

from tests.support.services import postgres_cluster  # noqa: E402
from tracker import create_app  # noqa: E402
from tracker.access import filtered_task_parts  # noqa: E402
from tracker.auth.models import User  # noqa: E402
from tracker.clock import today  # noqa: E402
from tracker.domain.waiting import waiting_for  # noqa: E402
from tracker.extensions import db  # noqa: E402
from tracker.notices.models import Notice  # noqa: E402
from tracker.tasks.filters import TaskFilters  # noqa: E402
from tracker.tasks.listing import page_of  # noqa: E402
from tracker.tasks.queries import merges_order_keys  # noqa: E402

BIN = Path(sys.executable).parent
MARK = "<!-- explain_lists table -->"
PAGE = 50  # the first page of a list, as the page reads it (PAGE_SIZE)
# Each filter the list page offers, alone, and a few together; what waits (`cho_xu_ly`) as
# each role is offered it (`waiting_for`).
FILTERS = [
    "",
    "trang_thai=qua_han",
    "trang_thai=trong_han",
    "trang_thai=hoan_thanh",
    "trang_thai=som_han",
    "trang_thai=dung_han",
    "trang_thai=tre_han",
    "trang_thai=thuong_xuyen",
    "canh_bao=sap_den_han",
    "canh_bao=qua_han_30",
    "canh_bao=qua_han_120",
    "ky=2026-Q3",
    "ky=2026-Q3&trang_thai=qua_han",
    "ky=2026-Q4&trang_thai=trong_han",
    "han_tu=01/10/2026&han_den=15/11/2026",
    "thong_bao={notice}",
    "loai=chi_thi",
]
OFFICE_FILTERS = ["co_quan={agency}"]  # an agency's list offers no lead agency to choose
AGENCY_FILTERS = [
    "vai_tro=chu_tri",
    "vai_tro=phoi_hop",
    "cua_toi=1",
    "cua_toi=1&trang_thai=qua_han",
]
USERS = ("vanphong", "lanhdao", "snv")


class Explain(Executable, ClauseElement):
    """`EXPLAIN` of a query sent with its parameters bound, as the page sends it: with the
    values written into the SQL, SQLite plans some lists differently."""

    inherit_cache = False

    def __init__(self, query: Select[Any], prefix: str) -> None:
        self.query = query
        self.prefix = prefix


@compiles(Explain)
def _compile_explain(element: Explain, compiler: SQLCompiler, **kw: object) -> str:
    return element.prefix + compiler.process(element.query, **kw)


@dataclass(frozen=True)
class Plan:
    database: str
    username: str
    filters: str
    indexed: bool
    summary: str


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--tasks", type=int, default=100_000)
    parser.add_argument("--write", action="store_true", help="write the table to BENCHMARKS.md")
    options = parser.parse_args()
    plans: list[Plan] = []
    for database in options.databases.split(","):
        with _seeded(database, options.tasks) as url:
            plans += _plans(database, url)
    table = _table(plans)
    print(table)
    if options.write:
        path = ROOT / "BENCHMARKS.md"
        before, _, rest = path.read_text().partition(MARK)
        _, _, after = rest.partition(MARK)
        path.write_text(before + MARK + "\n" + table + MARK + after)


@contextmanager
def _seeded(database: str, tasks: int) -> Iterator[str]:
    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="explain-")))
        if database == "sqlite":
            url = f"sqlite:///{folder / 'explain.sqlite3'}"
        else:
            server = stack.enter_context(postgres_cluster())
            subprocess.run(
                ["psql", server.replace("+psycopg", ""), "-qc", "CREATE DATABASE explain"],
                check=True,
            )
            url = server.rsplit("/", 1)[0] + "/explain"
        env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": "explain", "FLASK_APP": "wsgi"}
        env["PYTHONPATH"] = str(ROOT)
        for command in (["db", "upgrade"], ["bench", "seed", "--tasks", str(tasks)]):
            subprocess.run([str(BIN / "flask"), *command], cwd=ROOT, env=env, check=True)
        yield url


def _plans(database: str, url: str) -> list[Plan]:
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": url,
            "SECRET_KEY": "explain",
            "RATELIMIT_STORAGE_URI": "memory://",
            "CACHE_SECONDS": 0,
        }
    )
    plans = []
    with app.app_context():
        notice = db.session.scalar(select(Notice.id).order_by(Notice.id.desc()).limit(1))
        for username in USERS:
            user = db.session.scalar(select(User).where(User.username == username))
            if user is None:
                raise SystemExit(f"the seeded province has no user {username}")
            waiting = [f"cho_xu_ly={kind.value}" for kind in waiting_for(user.role.value)]
            own = AGENCY_FILTERS if user.agency_id else OFFICE_FILTERS
            wanted = FILTERS + waiting + own
            for filters in wanted:
                args = filters.format(notice=notice, agency=user.agency_id or 1)
                plans.append(_plan(database, user, args))
    return plans


def _plan(database: str, user: User, args: str) -> Plan:
    pairs = dict(pair.split("=", 1) for pair in args.split("&") if pair)
    filters = TaskFilters.from_args(pairs)
    parts = filtered_task_parts(user, filters, today())
    query = page_of(parts, 1, PAGE)
    explain = "EXPLAIN QUERY PLAN " if database == "sqlite" else "EXPLAIN "
    rows = db.session.connection().execute(Explain(query, explain)).all()
    lines = [str(row[-1]) for row in rows]
    whole = " | ".join(lines)
    if database == "sqlite":
        access = [line for line in lines if line.startswith(("SCAN task", "SEARCH task"))]
        # a SEARCH looks rows up (by an index or by id); a SCAN without an index reads them all
        full = any(line.startswith("SCAN") and "INDEX" not in line for line in access)
        sorted_all = _sqlite_sorts_all(rows, merges_order_keys(parts))
        generic_bad = False
    else:
        access = [line.strip(" ->") for line in lines if " on task " in line + " "]
        full = "Seq Scan on task " in whole + " "
        sorted_all = _postgresql_sorts_all(lines)
        generic = _postgresql_generic_plan(query)
        generic_bad = "Seq Scan on task " in " ".join(generic) + " " or _postgresql_sorts_all(
            generic
        )
    indexed = not full and not sorted_all and not generic_bad
    summary = "; ".join(
        [access[0].split("  (cost")[0] if access else "task read through a join"]
        + [
            part
            for part, bad in (
                ("scans every task", full),
                ("sorts before the LIMIT", sorted_all),
                ("its generic plan scans or sorts every task", generic_bad),
            )
            if bad
        ]
    )
    return Plan(database, user.username, args or "(none)", indexed, summary)


def _postgresql_generic_plan(query: Select[Any]) -> list[str]:
    """The plan PostgreSQL keeps for the query once it is prepared: psycopg prepares a query
    a connection runs five times, and PostgreSQL may then plan it once for any values of
    its parameters (a generic plan) instead of for each request's. The LIMIT and OFFSET are
    written into the SQL (`tracker.db`), the other values are parameters."""
    compiled = query.compile(
        dialect=psycopg_dialect(paramstyle="numeric_dollar"),
        compile_kwargs={"render_postcompile": True},
    )
    values = [compiled.params[name] for name in compiled.positiontup or ()]
    values = [value.value if isinstance(value, Enum) else value for value in values]
    connection = db.session.connection().connection.dbapi_connection
    with connection.cursor() as cursor:
        cursor.execute("PREPARE list_page AS " + compiled.string)
        cursor.execute("SET LOCAL plan_cache_mode = force_generic_plan")
        # the values written into EXECUTE's arguments: as parameters, PostgreSQL cannot type them
        literal = ClientCursor(connection)
        arguments = f"({', '.join(['%s'] * len(values))})" if values else ""
        literal.execute(f"EXPLAIN EXECUTE list_page{arguments}", values)
        lines = [str(row[0]) for row in literal.fetchall()]
        cursor.execute("DEALLOCATE list_page")
        cursor.execute("SET LOCAL plan_cache_mode = auto")
    return lines


def _sqlite_sorts_all(rows: list[Any], merged: bool) -> bool:
    """Whether SQLite sorts more than a page: "USE TEMP B-TREE FOR ORDER BY" (or "FOR RIGHT
    PART OF ORDER BY") sorts what an index gave. Where the parts' order keys are merged, each
    part has its own LIMIT of a page in the SQL (which SQLite's plan does not show), so a sort
    at the top, over the merged keys, sorts at most a page a part; a sort within a part would
    sort all of it."""
    return any(
        "TEMP B-TREE FOR" in detail and "ORDER BY" in detail and not (merged and parent == 0)
        for _id, parent, _unused, detail in rows
    )


PG_SORTS = ("Sort  (", "Incremental Sort  (")  # nodes, not their "Sort Key:" lines


@dataclass
class Node:
    """One node of a PostgreSQL plan in text, its detail lines left out."""

    text: str
    children: list[Node]


def _postgresql_sorts_all(lines: list[str]) -> bool:
    """Whether PostgreSQL sorts more than a page: a Sort node, unless what it sorts is
    bounded by Limits below it (the parts' first rows, merged)."""
    return any(
        node.text.startswith(PG_SORTS) and not all(map(_bounded, node.children))
        for node in _walk(_postgresql_tree(lines))
    )


def _bounded(node: Node) -> bool:
    """Whether the node reads and gives at most what Limits below it allow: a Limit; a
    nested loop whose outer side is bounded and whose inner side is, or looks each outer
    row up in an index (the page's tasks read by id); any other node whose inputs all are.
    A scan with no Limit above it is not."""
    if node.text.startswith("Limit"):
        return True
    if not node.children:
        return False
    if node.text.startswith("Nested Loop"):
        outer, inner = node.children
        return _bounded(outer) and (_bounded(inner) or inner.text.startswith("Index"))
    return all(map(_bounded, node.children))


def _postgresql_tree(lines: list[str]) -> Node:
    """The plan's nodes as a tree: a node's line starts with "->" (or names a subplan, run
    for each row of its parent), indented under its parent's."""
    root = Node(lines[0].strip(), [])
    stack = [(-1, root)]
    for line in lines[1:]:
        text = line.lstrip()
        if not text.startswith(("->", "SubPlan", "InitPlan")):
            continue
        depth = len(line) - len(text)
        while stack[-1][0] >= depth:
            stack.pop()
        node = Node(text.removeprefix("->").strip(), [])
        stack[-1][1].children.append(node)
        stack.append((depth, node))
    return root


def _walk(node: Node) -> Iterator[Node]:
    yield node
    for child in node.children:
        yield from _walk(child)


def _table(plans: list[Plan]) -> str:
    lines = [
        f"Measured on {today():%Y-%m-%d}: {sum(p.indexed for p in plans)} of {len(plans)} "
        "list queries read the tasks through an index range with the LIMIT.",
        "",
        "| database | user | filter | plan |",
        "|---|---|---|---|",
    ]
    lines += [f"| {p.database} | {p.username} | `{p.filters}` | {p.summary} |" for p in plans]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
