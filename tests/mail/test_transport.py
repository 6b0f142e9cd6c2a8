"""Sending mail to a real SMTP server (aiosmtpd) on loopback: plain, with an account, over
STARTTLS and TLS, to a closed port; and the development outbox sink that keeps .eml files."""

from __future__ import annotations

import os
import re
import shutil
import signal
import ssl
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

from tests.support.services import free_port
from tracker.mail.message import OutgoingMail, build_message
from tracker.mail.sink import OutboxHandler, read_outbox
from tracker.mail.transport import MailDeliveryError, SmtpSettings, send_mail

ROOT = Path(__file__).resolve().parents[2]
SUBJECT = "Nhắc việc: 3 nhiệm vụ sắp đến hạn"
TEXT = "Kính gửi Sở Tài chính,\n\n3 nhiệm vụ sắp đến hạn, đề nghị đơn vị khẩn trương xử lý.\n"
HTML = "<p>Kính gửi <b>Sở Tài chính</b>,</p><p>3 nhiệm vụ sắp đến hạn, đề nghị đơn vị xử lý.</p>"
REMINDER = OutgoingMail(
    to=("vanthu@stc.example.vn", "giamdoc@stc.example.vn"),
    subject=SUBJECT,
    text=TEXT,
    html=HTML,
    headers={"X-Tracker-Reminder": "due-soon"},
)
ACCOUNT = LoginPassword(b"vanthu.stc", b"mat-khau-dung")


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    content: bytes
    signed_in_as: bytes | None

    @property
    def message(self) -> EmailMessage:
        return message_from_bytes(self.content, _class=EmailMessage, policy=policy.default)


class Recorder:
    """An aiosmtpd handler that keeps every envelope; with `require_login`, it refuses MAIL
    FROM before AUTH (aiosmtpd's own `auth_required` warns on every connection when AUTH
    is allowed without TLS, as it is here on loopback)."""

    def __init__(self, require_login: bool = False) -> None:
        self.require_login = require_login
        self.received: list[Received] = []

    async def handle_MAIL(  # noqa: N802
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        if self.require_login and not session.authenticated:
            return "530 5.7.0 Authentication required"
        envelope.mail_from = address
        envelope.mail_options.extend(options)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:  # noqa: N802
        assert envelope.mail_from is not None and envelope.original_content is not None
        account = session.auth_data
        self.received.append(
            Received(
                mail_from=envelope.mail_from,
                rcpt_tos=list(envelope.rcpt_tos),
                content=envelope.original_content,
                signed_in_as=account.login if isinstance(account, LoginPassword) else None,
            )
        )
        return "250 OK"


def check_password(
    server: SMTP, session: Session, envelope: Envelope, mechanism: str, auth_data: Any
) -> AuthResult:
    return AuthResult(success=auth_data == ACCOUNT, handled=False, auth_data=auth_data)


@contextmanager
def smtp_server(handler: object, **options: Any) -> Iterator[int]:
    """A real aiosmtpd server on a free loopback port, stopped afterwards; yields the port."""
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, **options)
    controller.start()
    try:
        yield port
    finally:
        controller.stop()


def settings_for(port: int, **changes: Any) -> SmtpSettings:
    return replace(SmtpSettings.from_config({"MAIL_PORT": port}), timeout=5.0, **changes)


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A self-signed certificate for 127.0.0.1 (key and certificate in one PEM file)."""
    openssl = shutil.which("openssl")
    if openssl is None:
        if os.environ.get("CI") == "true":
            pytest.fail("required in CI: openssl, to make a test certificate")
        pytest.skip("openssl is not installed")
    folder = tmp_path_factory.mktemp("tls")
    key, cert = folder / "key.pem", folder / "cert.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"]
        + ["-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    bundle = folder / "bundle.pem"
    bundle.write_bytes(key.read_bytes() + cert.read_bytes())
    return bundle


def test_a_vietnamese_reminder_arrives_as_text_and_html() -> None:
    recorder = Recorder()
    with smtp_server(recorder) as port:
        message_id = send_mail(settings_for(port), REMINDER)

    [received] = recorder.received
    assert received.mail_from == "no-reply@tracker.local"
    assert received.rcpt_tos == list(REMINDER.to)
    assert received.content.isascii()  # 7-bit bodies: safe through any relay
    message = received.message
    assert message["Subject"] == SUBJECT
    assert message["From"] == "Tracker <no-reply@tracker.local>"
    assert message["To"] == "vanthu@stc.example.vn, giamdoc@stc.example.vn"
    assert message["Message-ID"] == message_id
    assert message_id.endswith("@tracker.local>")
    assert message["Date"].datetime is not None
    assert message["X-Tracker-Reminder"] == "due-soon"
    assert message.get_content_type() == "multipart/alternative"
    text, html = message.iter_parts()
    assert (text.get_content_type(), text.get_content()) == ("text/plain", TEXT)
    assert (html.get_content_type(), html.get_content()) == ("text/html", HTML + "\n")
    assert all(letter in text.get_content() for letter in "đươ")


@pytest.mark.parametrize(
    ("username", "password", "delivered"),
    [
        ("vanthu.stc", "mat-khau-dung", True),
        ("vanthu.stc", "mat-khau-sai", False),
        (None, None, False),  # the server wants an account
    ],
)
def test_a_server_that_requires_an_account(
    username: str | None, password: str | None, delivered: bool
) -> None:
    recorder = Recorder(require_login=True)
    with smtp_server(recorder, authenticator=check_password, auth_require_tls=False) as port:
        settings = settings_for(port, username=username, password=password)
        if delivered:
            send_mail(settings, REMINDER)
        else:
            with pytest.raises(MailDeliveryError, match=f"127.0.0.1:{port}"):
                send_mail(settings, REMINDER)

    expected = [b"vanthu.stc"] if delivered else []
    assert [mail.signed_in_as for mail in recorder.received] == expected


@pytest.mark.parametrize("security", ["starttls", "ssl"])
def test_encrypted_connections_verify_the_server_certificate(
    security: str, certificate: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(certificate)
    if security == "starttls":
        # AUTH only once the connection is encrypted: aiosmtpd's default, and a real server's
        options: dict[str, Any] = {"tls_context": server_context, "require_starttls": True}
    else:
        # aiosmtpd only counts STARTTLS as encryption for AUTH, not a connection that began
        # in TLS; this one is encrypted from the first byte, so AUTH may be offered at once.
        options = {"ssl_context": server_context, "auth_require_tls": False}
    recorder = Recorder(require_login=True)
    with smtp_server(recorder, authenticator=check_password, **options) as port:
        settings = settings_for(
            port, security=security, username="vanthu.stc", password="mat-khau-dung"
        )
        with pytest.raises(MailDeliveryError, match="CERTIFICATE_VERIFY_FAILED"):
            send_mail(settings, REMINDER)  # the self-signed certificate is not trusted yet
        monkeypatch.setenv("SSL_CERT_FILE", str(certificate))
        send_mail(settings, REMINDER)

    [received] = recorder.received
    assert received.signed_in_as == b"vanthu.stc"
    assert received.message["Subject"] == SUBJECT


def test_a_closed_port_is_a_delivery_error_naming_the_server() -> None:
    port = free_port()  # nothing listens there
    with pytest.raises(MailDeliveryError, match=f"127.0.0.1:{port}") as raised:
        send_mail(settings_for(port), REMINDER)
    assert isinstance(raised.value.__cause__, ConnectionRefusedError)


def test_settings_come_from_the_config() -> None:
    assert SmtpSettings.from_config({}) == SmtpSettings(
        host="127.0.0.1",
        port=8025,
        security="none",
        username=None,
        password=None,
        sender="Tracker <no-reply@tracker.local>",
    )
    settings = SmtpSettings.from_config(
        {
            "MAIL_HOST": "smtp.example.vn",
            "MAIL_PORT": "587",
            "MAIL_SECURITY": "STARTTLS",
            "MAIL_USERNAME": "tracker",
            "MAIL_PASSWORD": "bi-mat",
            "MAIL_SENDER": "Theo dõi nhiệm vụ <tracker@example.vn>",
        }
    )
    assert (settings.address, settings.security, settings.username) == (
        "smtp.example.vn:587",
        "starttls",
        "tracker",
    )
    assert "bi-mat" not in repr(settings)
    assert SmtpSettings.from_config({"MAIL_USERNAME": "", "MAIL_PASSWORD": ""}).username is None


@pytest.mark.parametrize(
    "config",
    [{"MAIL_SECURITY": "tls"}, {"MAIL_USERNAME": "văn-thư", "MAIL_PASSWORD": "x"}],
)
def test_settings_that_cannot_work_are_refused(config: dict[str, str]) -> None:
    with pytest.raises(ValueError, match="MAIL_"):
        SmtpSettings.from_config(config)


@pytest.mark.parametrize(
    ("mail", "error"),
    [
        (replace(REMINDER, to=()), "recipient"),
        (replace(REMINDER, headers={"Subject": "khác"}), "Subject"),
        (replace(REMINDER, subject="Nhắc việc\nBcc: ai@example.vn"), "linefeed"),
    ],
)
def test_messages_that_must_not_be_built(mail: OutgoingMail, error: str) -> None:
    with pytest.raises(ValueError, match=error):
        build_message(mail, "Tracker <no-reply@tracker.local>")


def test_the_outbox_sink_keeps_each_message_as_an_eml_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    with smtp_server(OutboxHandler(outbox)) as port:
        send_mail(settings_for(port), REMINDER)
        send_mail(settings_for(port), replace(REMINDER, subject="Báo cáo quý I"))

    files = sorted(outbox.iterdir())
    assert all(re.fullmatch(r"\d{8}T\d{12}Z-[0-9a-f]{6}\.eml", path.name) for path in files)
    assert len(files) == 2
    newest, oldest = read_outbox(outbox)
    assert (newest["Subject"], oldest["Subject"]) == ("Báo cáo quý I", SUBJECT)
    assert oldest.get_body(("plain",)).get_content() == TEXT  # type: ignore[union-attr]
    assert [message["Subject"] for message in read_outbox(outbox, limit=1)] == ["Báo cáo quý I"]
    printed = capsys.readouterr().out.splitlines()
    assert len(printed) == 2 and SUBJECT in printed[0] and files[0].name in printed[0]


def test_read_outbox_of_a_missing_folder_is_empty(tmp_path: Path) -> None:
    assert read_outbox(tmp_path / "outbox") == []


def test_the_sink_command_runs_until_sigterm(tmp_path: Path) -> None:
    outbox, port = tmp_path / "instance" / "outbox", free_port()
    command = [sys.executable, "-m", "tracker.mail.sink", str(outbox), "--port", str(port)]
    with subprocess.Popen(
        command,
        cwd=ROOT,
        env={**os.environ, "PYTHONUTF8": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        encoding="utf-8",
    ) as sink:
        try:
            assert sink.stdout is not None
            assert sink.stdout.readline().startswith(f"Outbox sink on 127.0.0.1:{port}")
            send_mail(settings_for(port), REMINDER)
            assert SUBJECT in sink.stdout.readline()
            sink.send_signal(signal.SIGTERM)
            out, err = sink.communicate(timeout=10)
        finally:
            if sink.poll() is None:
                sink.kill()
    assert (sink.returncode, out, err) == (0, "Outbox sink stopped.\n", "")
    [message] = read_outbox(outbox)
    assert message["Subject"] == SUBJECT
