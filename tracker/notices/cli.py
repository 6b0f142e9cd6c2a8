"""`flask notices parse FILE --json` and `flask notices import FILE [--publish]`."""

from __future__ import annotations

import json
from pathlib import Path

import click
from flask import current_app
from sqlalchemy import select

from tracker.admin.models import holiday_dates
from tracker.agencies.queries import name_directory
from tracker.auth.models import Role, User
from tracker.clock import today
from tracker.domain.notice_parser import ParsedNotice, parse_notice
from tracker.extensions import db
from tracker.notices.readers import UnreadableDocumentError, read_document
from tracker.notices.services import DuplicateNoticeError, PublishError, create_draft, publish

notices_cli = click.Group("notices", help="Read notices into tasks.")


def _read(path: Path) -> str:
    try:
        content = path.read_bytes()
    except OSError as error:
        raise click.ClickException(f"cannot read {path}: {error.strerror}") from error
    try:
        return read_document(path.name, content, current_app.config["UPLOAD_MAX_BYTES"])
    except UnreadableDocumentError as error:
        raise click.ClickException(error.message_en) from error


def parsed_as_json(parsed: ParsedNotice) -> dict[str, object]:
    """The parse result in the documented JSON shape."""
    return {
        "number": parsed.number,
        "issued_on": parsed.issued_on.isoformat() if parsed.issued_on else None,
        "kind": parsed.kind,
        "title": parsed.title,
        "signer": parsed.signer,
        "place": parsed.place,
        "problems": parsed.problems,
        "tasks": [
            {
                "ref": task.ref,
                "assignee": task.assignee,
                "assignee_kind": task.assignee_kind,
                "members": task.members,
                "coordinating": task.coordinating,
                "text": task.text,
                "deadline": task.deadline.isoformat() if task.deadline else None,
                "deadline_text": task.deadline_text,
                "recurring": task.recurrence,
                "unknown_assignee": task.unknown_assignee,
                "notes": task.notes,
            }
            for task in parsed.tasks
        ],
        "skipped": [
            {
                "ref": item.ref,
                "text": item.text,
                "reason": item.reason.value,
                "reason_label": item.reason.label,
            }
            for item in parsed.skipped
        ],
    }


@notices_cli.command("parse")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def parse_command(file: Path, as_json: bool) -> None:
    """Parse FILE against the directory in the database; change nothing."""
    session = db.session()
    parsed = parse_notice(_read(file), name_directory(session), today(), holiday_dates(session))
    if as_json:
        click.echo(json.dumps(parsed_as_json(parsed), ensure_ascii=False, indent=2))
        return
    click.echo(f"{parsed.number} of {parsed.issued_on}: {len(parsed.tasks)} tasks")
    for task in parsed.tasks:
        deadline = f" (due {task.deadline})" if task.deadline else ""
        click.echo(f"  {task.ref:<8} {task.assignee}: {task.text[:70]}{deadline}")
    for problem in parsed.problems:
        click.echo(f"  ! {problem}")
    for item in parsed.skipped:
        click.echo(f"  - skipped {item.ref:<8} ({item.reason.value}): {item.text[:70]}")


@notices_cli.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--publish", "publish_now", is_flag=True, help="Publish at once.")
@click.option("--as-user", default=None, help="Username recorded as the author.")
def import_command(file: Path, publish_now: bool, as_user: str | None) -> None:
    """Import FILE as a draft notice (or publish it) in one transaction."""
    session = db.session()
    author = _author(as_user)
    try:
        notice, parsed = create_draft(
            session,
            text=_read(file),
            source_name=file.name,
            author=author,
            today=today(),
            holidays=holiday_dates(session),
        )
        if publish_now:
            tasks = publish(session, notice, author)
    except DuplicateNoticeError as error:
        session.rollback()
        raise click.ClickException(
            f"notice {error.existing.number} of {error.existing.issued_year} exists already "
            f"(id {error.existing.id}); nothing imported"
        ) from error
    except PublishError as error:
        session.rollback()
        raise click.ClickException(f"cannot publish: {error}; nothing imported") from error
    session.commit()
    state = f"published with {len(tasks)} tasks" if publish_now else "saved as a draft"
    click.echo(
        f"Notice {notice.number} (id {notice.id}) {state}; {len(parsed.tasks)} items parsed, "
        f"{len(parsed.skipped)} passages with an instruction cue gave no task "
        "(listed on the review screen)."
    )


def _author(username: str | None) -> User:
    query = select(User).where(User.role.in_([Role.SECRETARIAT, Role.ADMIN]), User.active.is_(True))
    if username:
        query = select(User).where(User.username == username)
    author = db.session.scalars(query.order_by(User.id)).first()
    if author is None:
        raise click.ClickException("no such user (give --as-user with a secretariat account)")
    return author
