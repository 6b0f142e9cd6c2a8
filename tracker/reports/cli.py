"""`flask reports build --period 2017-Q3 [--scope ...] --format xlsx|docx|md|hai-chieu
--out FILE`."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app

from tracker.clock import today
from tracker.domain.periods import parse_period
from tracker.extensions import db
from tracker.reports.documents import render_report
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
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), required=True)
def build_command(period: str, scope: str, file_format: str, basis: str, out: Path) -> None:
    """Build a report now, freeze its figures in the database and write the file."""
    try:
        reporting_period = parse_period(period)
        reporting_scope = resolve_scope(db.session(), scope)
    except (ValueError, ScopeError) as error:
        raise click.BadParameter(str(error)) from error
    report = build_report(
        db.session(), reporting_period, reporting_scope, today(), basis=AgencyBasis(basis)
    )
    db.session.commit()
    assert report.figures is not None  # noqa: S101 - a built report has its figures
    content = render_report(
        figures_from_json(report.figures), file_format, current_app.config, issued_on=today()
    )
    out.write_bytes(content)
    totals = figures_from_json(report.figures).totals
    click.echo(
        f"Report {report.id} ({reporting_period.key}, {reporting_scope.label}): "
        f"{totals.total} tasks, written to {out}"
    )
