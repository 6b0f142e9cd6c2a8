"""Building reports in the background: any report on request, and each quarter's report
when the quarter ends."""

from __future__ import annotations

from datetime import timedelta

from rq import get_current_job

from tracker.clock import today
from tracker.domain.periods import parse_period, period_containing
from tracker.extensions import db
from tracker.jobs.context import job_context
from tracker.reports.models import Report, ReportState
from tracker.reports.services import fill_report, resolve_scope


def build_requested_report(report_id: int) -> str:
    """Fill a report row the web created; its progress shows on the reports page."""
    with job_context():
        report = db.session.get(Report, report_id)
        if report is None or report.state is ReportState.READY:
            return "nothing to build"
        job = get_current_job()
        report.job_id = job.id if job else None
        report.progress = 10
        db.session.commit()
        try:
            fill_report(
                db.session(),
                report,
                parse_period(report.period_key),
                resolve_scope(db.session(), report.scope),
            )
        except Exception:
            db.session.rollback()
            failed = db.session.get(Report, report_id)
            if failed is not None:
                failed.state = ReportState.FAILED
                db.session.commit()
            raise
        db.session.commit()
        return "ready"


def build_quarter_report() -> str:
    """On the first day of a quarter, the province's report of the quarter that ended."""
    with job_context():
        ended = period_containing(today() - timedelta(days=1), "quarterly")
        exists = db.session.scalar(
            db.select(Report.id).where(Report.period_key == ended.key, Report.scope == "all")
        )
        if exists is not None:
            return "already built"
        report = Report(period_key=ended.key, scope="all", cut_off=ended.end)
        db.session.add(report)
        fill_report(db.session(), report, ended, resolve_scope(db.session(), "all"))
        db.session.commit()
        return f"built {ended.key}"
