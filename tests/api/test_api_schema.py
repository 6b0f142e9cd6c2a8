"""The OpenAPI document holds: schemathesis generates requests to every operation, with valid
and with invalid parameters, as an agency officer and as a leader (who also reads reports), and
checks every answer against the document (status code, headers, body) and that none is a server
error.

Schemathesis's pytest integration (`from_fixture`, `parametrize`) reads a pytest internal that
pytest 9 no longer has, so the test drives its Hypothesis strategy directly."""

from __future__ import annotations

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, given, settings
from schemathesis import Case, GenerationMode

from tests.api.conftest import IssueToken


@pytest.mark.parametrize("username", ["stc", "lanhdao"])
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_the_api_keeps_to_its_document(
    app: Flask, api_token: IssueToken, username: str, mode: GenerationMode
) -> None:
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    # The token is part of every case rather than added when calling, so that schemathesis
    # knows the request carries it (it checks apart that the API refuses requests without).
    bearer = {"Authorization": f"Bearer {api_token(username)}"}

    @given(case=schema.as_strategy(generation_mode=mode, headers=bearer))
    @settings(
        max_examples=40,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    def answers_as_documented(case: Case) -> None:
        case.call_and_validate()

    answers_as_documented()
