"""Tokens for API tests, issued through the service as the account page does."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from tracker.api.services import issue_token
from tracker.auth.models import User
from tracker.extensions import db

IssueToken = Callable[[str], str]
ApiGet = Callable[..., TestResponse]


@pytest.fixture
def api_token(app: Flask, user: Callable[[str], User]) -> IssueToken:
    """The secret of a fresh token of a demo user."""

    def issue(username: str) -> str:
        _token, secret = issue_token(db.session(), user(username), "Kiểm thử")
        db.session.commit()
        return secret

    return issue


@pytest.fixture
def api_get(client: FlaskClient, api_token: IssueToken) -> ApiGet:
    """GET an API path as a demo user (a new token each call), or with a given secret."""

    def get(path: str, username: str | None = None, secret: str | None = None) -> TestResponse:
        secret = secret or api_token(username or "vanphong")
        return client.get(path, headers={"Authorization": f"Bearer {secret}"})

    return get
