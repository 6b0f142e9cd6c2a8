"""Real HTTP servers on loopback that answer as the providers document their APIs: Zalo's
OAuth and ZNS template messages, an SMS gateway (SpeedSMS's request and answer shape), and
a webhook receiver that checks signatures. Each keeps what it received and can be told to
fail, so that tests see the senders' requests and answers on the wire."""

from __future__ import annotations

import base64
import json
import secrets
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

Answer = tuple[int, Any]  # status and a JSON-able body
Handler = Callable[["Request"], Answer]


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)

    def form(self) -> dict[str, str]:
        return {k: v[0] for k, v in parse_qs(self.body.decode()).items()}


@contextmanager
def http_server(handle: Handler) -> Iterator[str]:
    """Serve `handle` on 127.0.0.1 on a free port; yields the base URL."""

    class RequestHandler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (the name http.server calls)
            length = int(self.headers.get("Content-Length") or 0)
            request = Request(
                "POST", self.path, {k.lower(): v for k, v in self.headers.items()},
                self.rfile.read(length),
            )  # fmt: skip
            status, body = handle(request)
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), RequestHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class ZaloOA:
    """Zalo's two endpoints for an Official Account: /v4/oa/access_token (refresh; each
    refresh token serves once) and /message/template (ZNS, by phone number)."""

    app_id: str = "4291763606161179100"
    secret_key: str = "zalo-app-secret"
    refresh_tokens: set[str] = field(default_factory=lambda: {"first-refresh-token"})
    access_tokens: set[str] = field(default_factory=set)
    not_on_zalo: set[str] = field(default_factory=set)
    sent: list[dict[str, Any]] = field(default_factory=list)
    refreshes: int = 0
    server_errors: int = 0  # the next this many sends answer HTTP 502

    def handle(self, request: Request) -> Answer:
        if request.path == "/v4/oa/access_token":
            return self._refresh(request)
        if request.path == "/message/template":
            return self._send(request)
        return 404, {"error": -1, "message": "Not found"}

    def expire_access_tokens(self) -> None:
        self.access_tokens.clear()

    def _refresh(self, request: Request) -> Answer:
        form = request.form()
        known_app = form.get("app_id") == self.app_id
        if request.headers.get("secret_key") != self.secret_key or not known_app:
            return 200, {"error": -14002, "error_name": "Invalid app id or secret key"}
        refresh = form.get("refresh_token")
        if form.get("grant_type") != "refresh_token" or refresh not in self.refresh_tokens:
            return 200, {
                "error": -14014,
                "error_name": "Invalid refresh token",
                "error_reason": "Refresh token is invalid or was used",
            }
        self.refresh_tokens.discard(form["refresh_token"])
        access, refresh = secrets.token_hex(8), secrets.token_hex(8)
        self.access_tokens.add(access)
        self.refresh_tokens.add(refresh)
        self.refreshes += 1
        return 200, {"access_token": access, "refresh_token": refresh, "expires_in": "90000"}

    def _send(self, request: Request) -> Answer:
        if self.server_errors:
            self.server_errors -= 1
            return 502, b"<html>Bad gateway</html>"
        if request.headers.get("access_token") not in self.access_tokens:
            return 200, {"error": -124, "message": "Access token is invalid"}
        body = request.json()
        missing = {"phone", "template_id", "template_data"} - set(body)
        if missing:
            return 200, {"error": -100, "message": f"Missing {sorted(missing)}"}
        if not (body["phone"].startswith("84") and len(body["phone"]) == 11):
            return 200, {"error": -108, "message": "Phone number is invalid"}
        if body["phone"] in self.not_on_zalo:
            return 200, {"error": -118, "message": "Zalo account not existed"}
        self.sent.append(body)
        return 200, {
            "error": 0,
            "message": "Success",
            "data": {
                "msg_id": secrets.token_hex(6),
                "sent_time": "1733356800000",
                "quota": {"dailyQuota": "500", "remainingQuota": str(500 - len(self.sent))},
            },
        }


@dataclass
class SmsGateway:
    """POST /index.php/sms/send with HTTP Basic (the API token as user name) and JSON
    {to: [...], content, sms_type, sender}; answers {"status": "success", "code": "00",
    "data": {...}} or {"status": "error", "code": ..., "message": ...}."""

    token: str = "sms-api-token"
    received: list[dict[str, Any]] = field(default_factory=list)
    unavailable: int = 0  # the next this many answer HTTP 503

    def handle(self, request: Request) -> Answer:
        if request.path != "/index.php/sms/send":
            return 404, {"status": "error", "code": "404", "message": "Not found"}
        if self.unavailable:
            self.unavailable -= 1
            return 503, {"status": "error", "code": "503", "message": "Service unavailable"}
        scheme, _, encoded = request.headers.get("authorization", "").partition(" ")
        user = base64.b64decode(encoded).decode().partition(":")[0] if encoded else ""
        if scheme != "Basic" or user != self.token:
            return 401, {"status": "error", "code": "007", "message": "Authentication failed"}
        body = request.json()
        bad = [p for p in body.get("to", []) if not (p.startswith("84") and len(p) == 11)]
        if bad or not body.get("content"):
            return 200, {"status": "error", "code": "009", "message": f"Invalid phone {bad}"}
        self.received.append(body)
        return 200, {
            "status": "success",
            "code": "00",
            "data": {"tranId": len(self.received), "totalSMS": 1, "invalidPhone": []},
        }


@dataclass
class WebhookReceiver:
    """An agency's system: keeps each delivery and answers with the next scripted status
    (200 once the script is spent)."""

    statuses: list[int] = field(default_factory=list)
    received: list[Request] = field(default_factory=list)

    def handle(self, request: Request) -> Answer:
        self.received.append(request)
        status = self.statuses.pop(0) if self.statuses else 200
        return status, {"ok": status < 300}

    def events(self) -> list[str]:
        return [request.json()["event"] for request in self.received]
