"""A development SMTP server that keeps every message as an .eml file instead of sending it.

`python -m tracker.mail.sink instance/outbox` listens on 127.0.0.1:8025, the default of
MAIL_HOST and MAIL_PORT; the administrator's outbox page reads the folder with read_outbox().
"""

from __future__ import annotations

import argparse
import io
import secrets
import signal
import sys
import threading
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from types import FrameType

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session


def outbox_file_name(received_at: datetime) -> str:
    """The file name "<UTC timestamp>-<short random>.eml"; sorting names sorts by time."""
    return f"{received_at.astimezone(UTC):%Y%m%dT%H%M%S%fZ}-{secrets.token_hex(3)}.eml"


class OutboxHandler:
    """The aiosmtpd handler: writes each message it receives to the folder, as received."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    async def handle_DATA(  # noqa: N802 (the name aiosmtpd calls)
        self, server: SMTP, session: Session, envelope: Envelope
    ) -> str:
        content = envelope.original_content or b""
        path = self.folder / outbox_file_name(datetime.now(UTC))
        # Written under a temporary name first, so that read_outbox never sees half a message.
        partial = path.with_suffix(".part")
        partial.write_bytes(content)
        partial.replace(path)
        subject = message_from_bytes(content, policy=policy.default).get("Subject", "")
        print(
            f"{envelope.mail_from} -> {', '.join(envelope.rcpt_tos)}: {subject} ({path.name})",
            flush=True,
        )
        return "250 2.0.0 Message kept in the outbox"


def _wait_for_stop_signal() -> None:
    """Block until Ctrl-C (SIGINT) or SIGTERM; only the main thread may do this."""
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        stop.wait()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def run_outbox_sink(folder: Path, host: str = "127.0.0.1", port: int = 8025) -> None:
    """Serve SMTP on host:port and keep every message in folder (created if missing), one
    line printed per message, until interrupted. Must run in the main thread (signals)."""
    folder.mkdir(parents=True, exist_ok=True)
    controller = Controller(OutboxHandler(folder), hostname=host, port=port)
    controller.start()
    print(f"Outbox sink on {host}:{port}, writing messages to {folder}", flush=True)
    try:
        _wait_for_stop_signal()
    finally:
        controller.stop()
    print("Outbox sink stopped.", flush=True)


def read_outbox(folder: Path, limit: int | None = None) -> list[EmailMessage]:
    """The messages in the outbox folder, newest first (at most `limit` of them)."""
    if not folder.is_dir():
        return []
    paths = sorted(folder.glob("*.eml"), reverse=True)[:limit]
    messages = []
    for path in paths:
        parsed = message_from_bytes(path.read_bytes(), _class=EmailMessage, policy=policy.default)
        messages.append(parsed)
    return messages


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m tracker.mail.sink",
        description="A local SMTP server that writes every message it receives to a folder.",
    )
    parser.add_argument("folder", type=Path, help="where to write the .eml files")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8025, help="port to listen on")
    args = parser.parse_args(argv)
    if isinstance(sys.stdout, io.TextIOWrapper):
        # a subject the console cannot show must not make the server refuse the message
        sys.stdout.reconfigure(errors="backslashreplace")
    try:
        run_outbox_sink(args.folder, args.host, args.port)
    except OSError as error:
        parser.exit(1, f"outbox sink on {args.host}:{args.port} failed: {error}\n")


if __name__ == "__main__":
    main()
