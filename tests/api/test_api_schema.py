"""The OpenAPI document holds: schemathesis generates requests to every operation, reads and
writes, with valid and with invalid parameters and bodies, as an agency officer (who may write
on her agency's tasks), as the secretariat (who may enter notices) and as a leader (who reads
reports), and checks every answer against the document (status code, headers, body) and that
none is a server error.

A valid request may still be refused by the workflow (a hand-in without evidence, a file of a
kind the page refuses): 422 is taken as an answer to valid data, beside schemathesis's usual
403, 404, 409 and 429.

Schemathesis's pytest integration (`from_fixture`, `parametrize`) reads a pytest internal that
pytest 9 no longer has, so the test drives its Hypothesis strategy directly."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import Case, GenerationMode

from tests.api.conftest import IssueToken
from tracker.access import visible_tasks
from tracker.auth.models import User
from tracker.extensions import db
from tracker.tasks.models import Task, TaskState

TOKENS = {
    "stc": ("read", "tasks:write"),
    "vanphong": ("read", "notices:write"),
    "lanhdao": ("read",),
}
ACCEPTED_AS_VALID = ["2xx", "401", "403", "404", "409", "422", "429"]


def config_for(secret: str) -> schemathesis.Config:
    """The token given as the document's bearer authentication, so that schemathesis knows
    every case carries it (and checks apart that the API refuses requests without); 422
    taken as an answer to valid data."""
    return schemathesis.Config.from_dict(
        {
            "auth": {"openapi": {"bearerAuth": {"bearer": secret}}},
            "checks": {"positive_data_acceptance": {"expected-statuses": ACCEPTED_AS_VALID}},
        }
    )


@pytest.mark.parametrize("username", list(TOKENS))
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_the_api_keeps_to_its_document(
    app: Flask,
    api_token: IssueToken,
    user: Callable[[str], User],
    monkeypatch: pytest.MonkeyPatch,
    username: str,
    mode: GenerationMode,
) -> None:
    # Throttled writes would answer as documented, but test nothing else.
    monkeypatch.setitem(app.config, "API_WRITE_RATE_LIMIT", "10000 per minute")
    secret = api_token(username, *TOKENS[username])
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app, config=config_for(secret))

    cases = schema.as_strategy(generation_mode=mode)
    if mode is GenerationMode.POSITIVE:
        # Random ids seldom name a task the owner may see: half the valid cases take one of
        # hers, so that the writes reach the workflow rather than a 404.
        seen = (
            visible_tasks(user(username))
            .where(Task.state == TaskState.IN_PROGRESS)
            .with_only_columns(Task.id)
            .order_by(Task.id)
        )
        own_task = db.session.scalars(seen.limit(1)).one()
        on_own_task = schema.as_strategy(
            generation_mode=mode, path_parameters={"task_id": own_task}
        )
        cases = st.one_of(cases, on_own_task)

    @given(case=cases)
    @settings(
        max_examples=50,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    def answers_as_documented(case: Case) -> None:
        case.call_and_validate()

    answers_as_documented()
