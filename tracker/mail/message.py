"""An outgoing e-mail as plain values, and the MIME message built from it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from email.utils import make_msgid, parseaddr

# Bodies are encoded to 7-bit (quoted-printable or base64, whichever is shorter), so that
# Vietnamese text survives any relay, even one that does not offer 8BITMIME.
MAIL_POLICY = policy.default.clone(cte_type="7bit")


@dataclass(frozen=True)
class OutgoingMail:
    """One message to send: recipients, subject, and the same content as text and as HTML."""

    to: tuple[str, ...]
    subject: str
    text: str
    html: str  # already escaped or sanitized by the caller
    headers: dict[str, str] = field(default_factory=dict)  # e.g. {"X-Tracker-Reminder": "..."}


def sender_domain(sender: str) -> str:
    """The domain of the sender's address, e.g. "tracker.local" for
    "Tracker <no-reply@tracker.local>"; a ValueError when the sender has no address."""
    _, address = parseaddr(sender)
    local_part, at, domain = address.rpartition("@")
    if not (local_part and at and domain):
        raise ValueError(f"the sender {sender!r} has no e-mail address")
    return domain


def build_message(mail: OutgoingMail, sender: str) -> EmailMessage:
    """A multipart/alternative message (text, then HTML) in UTF-8, with Date and Message-ID.

    Header values with a line break are refused by the e-mail package (no header injection);
    extra headers may not replace the ones built here.
    """
    if not mail.to:
        raise ValueError("an e-mail needs at least one recipient")
    message = EmailMessage(policy=MAIL_POLICY)
    message["From"] = sender
    message["To"] = ", ".join(mail.to)
    message["Subject"] = mail.subject
    message["Date"] = datetime.now(UTC)
    message["Message-ID"] = make_msgid(domain=sender_domain(sender))
    message.set_content(mail.text)
    message.add_alternative(mail.html, subtype="html")
    for name, value in mail.headers.items():
        if name in message:
            raise ValueError(f"the header {name} is set by build_message")
        message[name] = value
    return message
