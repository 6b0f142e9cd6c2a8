"""Evidence kept honest: the same file is not uploaded twice, and an agency may take back its
own evidence until the office accepts the work (never the last one of a hand-in)."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.factories import make_notice, make_task
from tests.support import files
from tests.tasks.test_task_workflow import act, events, fresh
from tracker.clock import today
from tracker.extensions import db
from tracker.tasks.models import Task, TaskState

Login = Callable[[str], FlaskClient]
PDF = files.pdf()


@pytest.fixture
def task(app: Flask) -> Task:
    made = make_task(make_notice(), lead="stc", coordinating=("snv",),
                     deadline=today() + timedelta(days=10))  # fmt: skip
    db.session.commit()
    return made


def page_after(client: FlaskClient, response: object) -> str:
    return client.get(response.headers["Location"]).get_data(as_text=True)  # type: ignore[attr-defined]


def test_the_same_file_twice_is_refused_whatever_its_name(login: Login, task: Task) -> None:
    officer = login("stc")
    act(officer, task, "minh-chung", document=(io.BytesIO(PDF), "Quyết định.pdf"))
    response = act(officer, task, "minh-chung", document=(io.BytesIO(PDF), "ban-sao.pdf"))
    assert "Tệp này đã có trong minh chứng của nhiệm vụ (“Quyết định.pdf”)" in page_after(
        officer, response
    )
    assert [e.file_name for e in fresh(task).evidence] == ["Quyết định.pdf"]


def test_evidence_is_withdrawn_before_acceptance_but_not_the_last_of_a_hand_in(
    login: Login, task: Task
) -> None:
    officer = login("stc")
    act(officer, task, "minh-chung", document=(io.BytesIO(PDF), "a.pdf"))
    act(officer, task, "van-ban", kind="Quyết định", number="12/QĐ-STC", signed_on="01/12/2026")
    first, second = fresh(task).evidence
    page = officer.get(f"/nhiem-vu/{task.id}").get_data(as_text=True)
    assert page.count("Rút minh chứng") == 2
    act(officer, task, "bao-cao-hoan-thanh")
    assert fresh(task).state is TaskState.SUBMITTED

    act(officer, task, f"minh-chung/{first.id}/rut")
    assert [e.id for e in fresh(task).evidence] == [second.id]
    assert "task.evidence_withdrawn" in events(task)
    response = act(officer, task, f"minh-chung/{second.id}/rut")
    assert "cần ít nhất một minh chứng" in page_after(officer, response)
    assert [e.id for e in fresh(task).evidence] == [second.id]


def test_nobody_else_withdraws_an_agencys_evidence(app: Flask, login: Login, task: Task) -> None:
    from tests.tasks.test_decisions_seen import login_as

    act(login_as(app, "stc"), task, "minh-chung", document=(io.BytesIO(PDF), "a.pdf"))
    (evidence,) = fresh(task).evidence
    coordinator = login("snv")  # may see the task, did not give this file
    assert act(coordinator, task, f"minh-chung/{evidence.id}/rut").status_code == 403
    task.state, task.completed_on = TaskState.COMPLETED, today()
    db.session.commit()
    officer = login_as(app, "stc")
    assert act(officer, task, f"minh-chung/{evidence.id}/rut").status_code == 403  # accepted
    assert len(fresh(task).evidence) == 1
