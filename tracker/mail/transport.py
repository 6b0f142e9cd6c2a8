"""Sending e-mail over SMTP, with the server, security and account read from the config."""

from __future__ import annotations

import logging
import smtplib
import ssl
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from tracker.mail.message import OutgoingMail, build_message

log = logging.getLogger(__name__)

SECURITY_MODES = ("none", "starttls", "ssl")


@dataclass(frozen=True)
class SmtpSettings:
    """Where and how to send: `security` is "none", "starttls" or "ssl"."""

    host: str
    port: int
    security: str
    username: str | None
    password: str | None = field(repr=False)
    sender: str
    timeout: float = 20.0

    def __post_init__(self) -> None:
        if self.security not in SECURITY_MODES:
            raise ValueError(
                f"MAIL_SECURITY must be one of {', '.join(SECURITY_MODES)}, not {self.security!r}"
            )
        if not all(word.isascii() for word in (self.username or "", self.password or "")):
            # smtplib encodes the account as ASCII; fail here rather than at the first send
            raise ValueError("MAIL_USERNAME and MAIL_PASSWORD must be ASCII")

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> SmtpSettings:
        """Read MAIL_HOST, MAIL_PORT, MAIL_SECURITY, MAIL_USERNAME, MAIL_PASSWORD and
        MAIL_SENDER; the defaults suit the local sink that `make run` starts."""
        return cls(
            host=config.get("MAIL_HOST") or "127.0.0.1",
            port=int(config.get("MAIL_PORT") or 8025),
            security=str(config.get("MAIL_SECURITY") or "none").strip().lower(),
            # an empty variable in the environment means "no account"
            username=config.get("MAIL_USERNAME") or None,
            password=config.get("MAIL_PASSWORD") or None,
            sender=config.get("MAIL_SENDER") or "Tracker <no-reply@tracker.local>",
        )

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"


class MailDeliveryError(Exception):
    """The SMTP server could not be reached, refused the account, or refused the message."""


def _connect(settings: SmtpSettings) -> smtplib.SMTP:
    if settings.security == "ssl":
        return smtplib.SMTP_SSL(
            settings.host,
            settings.port,
            timeout=settings.timeout,
            context=ssl.create_default_context(),
        )
    return smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)


def send_mail(settings: SmtpSettings, mail: OutgoingMail) -> str:
    """Send one message over one SMTP connection and return its Message-ID.

    Signs in only when a username is set. Any SMTP or network failure becomes a
    MailDeliveryError naming the server, with the original error as its cause.
    """
    message = build_message(mail, settings.sender)
    try:
        with _connect(settings) as smtp:
            if settings.security == "starttls":
                smtp.starttls(context=ssl.create_default_context())
            if settings.username:
                smtp.login(settings.username, settings.password or "")
            refused = smtp.send_message(message)
    except (smtplib.SMTPException, OSError) as error:
        # Read by the administrator on the outbox page, hence in Vietnamese.
        raise MailDeliveryError(
            f"Không gửi được thư qua máy chủ SMTP {settings.address}: {error}"
        ) from error
    if refused:
        # The others have the message already: raising would make a retry send it twice.
        log.warning("%s refused some recipients of %s: %s", settings.address, mail.subject, refused)
    return str(message["Message-ID"])
