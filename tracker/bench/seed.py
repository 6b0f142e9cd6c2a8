"""Fill an empty database with a province at realistic scale, for benchmarks: the demo's
directory grown to the wanted number of agencies, the usual accounts, and years of notices
and tasks written with bulk inserts."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Table, insert, text
from sqlalchemy.orm import Session

from tracker.agencies.models import Agency
from tracker.audit.models import Event
from tracker.auth.models import Role, User
from tracker.bench.dataset import SeedPlan, build_dataset
from tracker.demo.directory import load_directory
from tracker.demo.loader import DATA, DEMO_PASSWORD, database_is_empty
from tracker.notices.models import Notice
from tracker.search.index import rebuild
from tracker.tasks.models import (
    ExplanationRequest,
    ExtensionRequest,
    ProgressUpdate,
    Task,
    task_coordinators,
)

BATCH = 5_000
COMMUNES = (
    "Đắk Buk So", "Quảng Tín", "Đắk Ru", "Nhân Cơ", "Kiến Đức", "Quảng Khê", "Đắk Plao",
    "Nam Dong", "Ea Pô", "Đắk Wil", "Nâm N'Jang", "Trường Xuân", "Đức Minh", "Thuận An",
    "Đắk Sắk", "Quảng Sơn", "Đắk Ha", "Cư Knia", "Đắk Drô", "Nâm Nung", "Quảng Phú",
    "Đắk Ngo", "Quảng Trực", "Đắk Môl", "Nghĩa Thắng", "Đạo Nghĩa", "Tâm Thắng", "Hòa Khánh",
)  # fmt: skip


@dataclass(frozen=True)
class SeedSummary:
    agencies: int
    users: int
    notices: int
    tasks: int  # the items of the notices: one-off tasks and recurring series
    occurrences: int  # of the series, each a task of its own
    progress_updates: int
    events: int


def seed_province(session: Session, agencies: int, tasks: int, today: date) -> SeedSummary:
    """Write the data set into an empty database (the caller commits)."""
    if not database_is_empty(session):
        raise ValueError("the database is not empty; the benchmark seed needs an empty one")
    directory = _directory(session, agencies)
    users = _accounts(session, directory)
    officer_ids = {agency.id: users[agency.code].id for agency in directory}
    plan = SeedPlan(tasks=tasks, agency_ids=sorted(officer_ids), today=today)
    data = build_dataset(plan, users["vanphong"].id, officer_ids)
    for table, rows in (
        (Notice.__table__, data.notices),
        (Task.__table__, data.tasks),
        (task_coordinators, data.coordinators),
        (ExtensionRequest.__table__, data.extensions),
        (ExplanationRequest.__table__, data.explanations),
        (ProgressUpdate.__table__, data.progress),
        (Event.__table__, data.events),
    ):
        _insert(session, table, rows)  # type: ignore[arg-type]
    _advance_sequences(session, ("notice", "task"))
    rebuild(session)  # the bulk inserts bypassed the search hook
    return SeedSummary(
        agencies=len(directory),
        users=len(users),
        notices=len(data.notices),
        tasks=sum(1 for task in data.tasks if task["series_id"] is None),
        occurrences=sum(1 for task in data.tasks if task["series_id"] is not None),
        progress_updates=len(data.progress),
        events=len(data.events) + len(users),
    )


def _directory(session: Session, wanted: int) -> list[Agency]:
    """The demo's directory, with communes added (or trailing agencies left out) to reach
    `wanted` agencies."""
    description: dict[str, Any] = json.loads((DATA / "directory.json").read_text("utf-8"))
    description["agencies"] = description["agencies"][:wanted]
    for index, name in enumerate(COMMUNES[: max(0, wanted - len(description["agencies"]))]):
        description["agencies"].append(
            {"code": f"xa{index + 1:02d}", "name": f"UBND xã {name}", "kind": "commune",
             "aliases": [f"Ủy ban nhân dân xã {name}"]}
        )  # fmt: skip
    if len(description["agencies"]) < wanted:
        raise ValueError(f"the benchmark directory holds at most {len(description['agencies'])}")
    agencies = load_directory(session, description)
    return sorted(agencies.values(), key=lambda agency: agency.id)


def _accounts(session: Session, directory: Sequence[Agency]) -> dict[str, User]:
    """The demo's staff accounts and one officer per agency, named by its code. One hash
    serves every account: they share the demo password, and hashing is slow on purpose."""
    template = User(username="", full_name="", role=Role.ADMIN)
    template.set_password(DEMO_PASSWORD)
    accounts = [
        ("quantri", "Quản trị hệ thống", Role.ADMIN, None),
        ("vanphong", "Chuyên viên VP UBND tỉnh", Role.SECRETARIAT, None),
        ("lanhdao", "Phó Chủ tịch UBND tỉnh", Role.LEADER, None),
    ] + [
        (agency.code, f"Chuyên viên {agency.display_name}", Role.AGENCY_OFFICER, agency.id)
        for agency in directory
    ]
    users = {
        username: User(
            username=username,
            full_name=full_name,
            role=role,
            agency_id=agency_id,
            email=f"{username}@tinh.example",  # a reserved domain: reminders are written, not sent
            password_hash=template.password_hash,
        )
        for username, full_name, role, agency_id in accounts
    }
    session.add_all(users.values())
    session.flush()
    return users


def _insert(session: Session, table: Table, rows: list[dict[str, object]]) -> None:
    for start in range(0, len(rows), BATCH):
        session.execute(insert(table), rows[start : start + BATCH])


def _advance_sequences(session: Session, tables: Sequence[str]) -> None:
    """Rows were written with explicit ids: PostgreSQL's sequences must move past them."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for table in tables:
        statement = f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), MAX(id)) FROM {table}"  # noqa: S608, E501 - our own table names
        session.execute(text(statement))
