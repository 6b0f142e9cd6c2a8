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

IssueToken = Callable[..., str]
ApiGet = Callable[..., TestResponse]
ApiPost = Callable[..., TestResponse]


@pytest.fixture
def api_token(app: Flask, user: Callable[[str], User]) -> IssueToken:
    """The secret of a fresh token of a demo user, with the given scopes (`read` alone by
    default)."""

    def issue(username: str, *scopes: str) -> str:
        _token, secret = issue_token(db.session(), user(username), "Kiểm thử", scopes or ("read",))
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


@pytest.fixture
def api_post(client: FlaskClient) -> ApiPost:
    """POST to an API path with a token's secret, a JSON body or a multipart form (`data`),
    and an idempotency key if given."""

    def post(
        path: str,
        secret: str,
        *,
        json: object = None,
        data: dict[str, object] | None = None,
        key: str | None = None,
    ) -> TestResponse:
        headers = {"Authorization": f"Bearer {secret}"}
        if key is not None:
            headers["Idempotency-Key"] = key
        return client.post("/api/v1" + path, headers=headers, json=json, data=data)

    return post
