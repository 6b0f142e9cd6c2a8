"""The providers on loopback, and the app pointed at them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask

from tests.support.providers import SmsGateway, WebhookReceiver, ZaloOA, http_server


@pytest.fixture
def zalo(app: Flask, monkeypatch: pytest.MonkeyPatch) -> Iterator[ZaloOA]:
    oa = ZaloOA()
    with http_server(oa.handle) as url:
        for name, value in {
            "ZALO_APP_ID": oa.app_id,
            "ZALO_SECRET_KEY": oa.secret_key,
            "ZALO_REFRESH_TOKEN": "first-refresh-token",
            "ZALO_TEMPLATE_ID": "301245",
            "ZALO_API_URL": f"{url}/message/template",
            "ZALO_OAUTH_URL": f"{url}/v4/oa/access_token",
        }.items():
            monkeypatch.setitem(app.config, name, value)
        yield oa


@pytest.fixture
def sms(app: Flask, monkeypatch: pytest.MonkeyPatch) -> Iterator[SmsGateway]:
    gateway = SmsGateway()
    with http_server(gateway.handle) as url:
        monkeypatch.setitem(app.config, "SMS_GATEWAY_URL", f"{url}/index.php/sms/send")
        monkeypatch.setitem(app.config, "SMS_GATEWAY_USERNAME", gateway.token)
        monkeypatch.setitem(app.config, "SMS_GATEWAY_PASSWORD", "x")
        monkeypatch.setitem(app.config, "SMS_BRANDNAME", "UBND TINH")
        yield gateway


@pytest.fixture
def receiver() -> Iterator[tuple[WebhookReceiver, str]]:
    system = WebhookReceiver()
    with http_server(system.handle) as url:
        yield system, f"{url}/tracker-events"
