"""The demo province: its directory, its accounts and notice 473 as annotated by hand."""

import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from flask import Flask
from flask_migrate import upgrade
from sqlalchemy import func, select

from tests.support.apps import settings_for
from tracker import create_app
from tracker.agencies.models import Agency, AgencyGroup, AgencyKind
from tracker.auth.models import Role, User
from tracker.clock import today
from tracker.demo.loader import DATA, database_is_empty
from tracker.domain.status import TaskStatus
from tracker.extensions import db
from tracker.notices.models import Notice
from tracker.tasks.models import Task

ANNOTATION = json.loads((DATA / "notice_473_daknong.expected.json").read_text("utf-8"))


def test_the_package_carries_the_same_annotation_as_shared_fixtures() -> None:
    shared = Path(__file__).resolve().parents[2] / "shared" / "fixtures"
    if shared.is_dir():  # present in CI and on developer machines, not in a user's clone
        for name in ("notice_473_daknong.md", "notice_473_daknong.expected.json"):
            assert (DATA / name).read_bytes() == (shared / name).read_bytes()


def test_directory_of_a_typical_province(app: Flask) -> None:
    kinds = Counter(db.session.scalars(select(Agency.kind)))
    assert kinds[AgencyKind.DEPARTMENT] >= 18
    assert kinds[AgencyKind.DISTRICT] == 8
    assert kinds[AgencyKind.PROVINCIAL_OFFICE] == 1
    assert kinds[AgencyKind.INSPECTORATE] == 1
    assert kinds[AgencyKind.CENTRAL] >= 3
    groups = {g.name: len(g.members) for g in db.session.scalars(select(AgencyGroup))}
    assert groups["UBND các huyện, thị xã"] == 8
    assert groups["Các Sở, Ban, ngành"] >= 20


def test_one_account_per_role_and_one_officer_per_agency(app: Flask) -> None:
    roles = Counter(db.session.scalars(select(User.role)))
    assert roles[Role.ADMIN] == roles[Role.SECRETARIAT] == roles[Role.LEADER] == 1
    assert roles[Role.AGENCY_HEAD] >= 1
    agencies = db.session.scalar(select(func.count()).select_from(Agency))
    assert roles[Role.AGENCY_OFFICER] == agencies


def test_notice_473_follows_the_hand_annotation(app: Flask) -> None:
    notice = db.session.scalar(select(Notice).where(Notice.number == ANNOTATION["number"]))
    assert notice is not None
    tasks = db.session.scalars(notice.tasks.select().order_by(Task.id)).all()
    items: dict[tuple[str, str | None], list[Task]] = {}
    for task in tasks:
        items.setdefault((task.ref, task.group_label), []).append(task)
    assert len(items) == len(ANNOTATION["tasks"])
    shift = notice.issued_on - date.fromisoformat(ANNOTATION["issued_on"])
    for item_tasks, entry in zip(items.values(), ANNOTATION["tasks"], strict=True):
        first = item_tasks[0]
        assert entry["text_start"][:30].lower() in first.text.lower()
        if entry["assignee_kind"] == "agency":
            assert [t.lead_agency.name for t in item_tasks] == [entry["assignee"]]
        else:
            assert first.group_label == entry["assignee"]
            assert len(item_tasks) > 1, "a group item becomes one task per member"
        expected = entry["deadline"] and date.fromisoformat(entry["deadline"]) + shift
        assert first.deadline == expected
        assert first.deadline_text == entry["deadline_text"]


def test_every_status_shows_in_the_demo(app: Flask) -> None:
    statuses = {task.status(today()) for task in db.session.scalars(select(Task))}
    assert statuses == set(TaskStatus)


def test_demo_load_refuses_a_database_with_data(app: Flask) -> None:
    runner = app.test_cli_runner()
    result = runner.invoke(args=["demo", "load", "--if-empty"])
    assert result.exit_code == 0
    assert "already has data" in result.output
    assert "lanhdao" in result.output and "demo1234" in result.output
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code != 0
    assert "not empty" in result.output


@pytest.mark.parametrize("options", [[], ["--if-empty"]])
def test_demo_load_refuses_production(tmp_path: Path, options: list[str]) -> None:
    settings = settings_for(f"sqlite:///{tmp_path / 'empty.sqlite3'}", tmp_path)
    production = create_app({**settings, "TRACKER_ENV": "production"})
    with production.app_context():
        upgrade()
        result = production.test_cli_runner().invoke(args=["demo", "load", *options])
        assert result.exit_code == 1
        assert "refusing to load the demo in production" in result.output
        assert database_is_empty(db.session())
        assert db.session.scalar(select(func.count()).select_from(User)) == 0
        db.engine.dispose()
