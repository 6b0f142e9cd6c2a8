"""`flask reports build --period 2017-Q3 [--scope ...] --format xlsx|docx|md|hai-chieu
[--freeze] --out FILE` and `flask reports brief [--leader USERNAME] [--days 7] --out FILE`."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from sqlalchemy import select

from tracker.auth.models import Role, User
from tracker.clock import today
from tracker.domain.meeting_brief import DEFAULT_AHEAD_DAYS
from tracker.domain.periods import parse_period
from tracker.extensions import db
from tracker.notices.leaders import active_leaders
from tracker.reports.brief import meeting_brief
from tracker.reports.documents import issuer_from_config, render_report
from tracker.reports.editing import freeze_report
from tracker.reports.figures_store import figures_from_json
from tracker.reports.models import AgencyBasis
from tracker.reports.services import ScopeError, build_report, resolve_scope

reports_cli = click.Group("reports", help="Completion reports.")


@reports_cli.command("build")
@click.option("--period", required=True, help="2017-Q3, 2017-H1, 2017-08, 2017 or A..B dates.")
@click.option(
    "--scope", default="all", show_default=True, help="all, notice:ID, agency:CODE or group:CODE."
)
@click.option(
    "--format",
    "file_format",
    type=click.Choice(["xlsx", "docx", "md", "hai-chieu"]),
    help="hai-chieu: the Government Office's two-way form, as XLSX.",
    default="xlsx",
    show_default=True,
)
@click.option(
    "--basis",
    type=click.Choice([basis.value for basis in AgencyBasis]),
    default=AgencyBasis.RESPONSIBLE.value,
    show_default=True,
    help="Count tasks under the agency now responsible or the one originally assigned.",
)
@click.option("--freeze", is_flag=True, help="Freeze it with its drafted narrative at once.")
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), required=True)
def build_command(
    period: str, scope: str, file_format: str, basis: str, freeze: bool, out: Path
) -> None:
    """Build a report now (its figures are stored at its cut-off) and write the file; the
    narrative stays a draft to edit on the web unless `--freeze`."""
    try:
        reporting_period = parse_period(period)
        reporting_scope = resolve_scope(db.session(), scope)
    except (ValueError, ScopeError) as error:
        raise click.BadParameter(str(error)) from error
    report = build_report(
        db.session(), reporting_period, reporting_scope, today(), basis=AgencyBasis(basis)
    )
    if freeze:
        freeze_report(report, frozen_by_id=None)
    db.session.commit()
    out.write_bytes(render_report(report, file_format, current_app.config, issued_on=today()))
    assert report.figures is not None  # noqa: S101 - a built report has its figures
    totals = figures_from_json(report.figures).totals
    click.echo(
        f"Report {report.id} ({reporting_period.key}, {reporting_scope.label}): "
        f"{totals.total} tasks, written to {out}"
    )


@reports_cli.command("brief")
@click.option("--leader", default=None, help="A leader's username; all leaders without it.")
@click.option("--days", default=DEFAULT_AHEAD_DAYS, show_default=True, type=click.IntRange(0, 60))
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), required=True)
def brief_command(leader: str | None, days: int, out: Path) -> None:
    """Write the meeting brief (overdue and soon-due tasks by agency) as a Word file."""
    session = db.session()
    leaders = {user.username: user for user in active_leaders(session)}
    if leader is not None and leader not in leaders:
        raise click.BadParameter(f"no active leader {leader!r}", param_hint="--leader")
    reader = session.scalar(select(User).where(User.role == Role.ADMIN).limit(1))
    if reader is None:
        raise click.ClickException("no administrator account to read the tasks as")
    brief = meeting_brief(session, reader, today(), days, leaders.get(leader or ""))
    issuer = issuer_from_config(current_app.config, today())
    # imported when asked for: see tracker.reports.documents
    from tracker.reports.render_brief_docx import render_brief_docx

    out.write_bytes(render_brief_docx(brief, issuer))
    click.echo(f"Meeting brief: {brief.summary} Written to {out}")
