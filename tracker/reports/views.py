"""Reports on the web: build any report in the background, watch its progress, edit its
narrative and freeze it, read it and download it as XLSX, DOCX or Markdown."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select
from werkzeug.wrappers import Response

from tracker.access import role_required
from tracker.agencies.queries import active_agencies, all_groups
from tracker.auth.models import Role, User
from tracker.clock import today
from tracker.domain.markdown import render_markdown
from tracker.domain.meeting_brief import (
    BRIEF_HEADERS,
    DEFAULT_AHEAD_DAYS,
    MAX_AHEAD_DAYS,
    MeetingBrief,
    brief_cells,
    brief_title,
    not_listed_line,
)
from tracker.domain.periods import parse_period, period_containing, short_label
from tracker.domain.report_narrative import SECTIONS, narrative_for
from tracker.extensions import db
from tracker.jobs.queues import enqueue
from tracker.jobs.reports import build_requested_report
from tracker.notices.leaders import active_leaders
from tracker.notices.models import Notice, NoticeState
from tracker.reports.brief import meeting_brief
from tracker.reports.documents import MEDIA_TYPES, issuer_from_config, render_report
from tracker.reports.downloads import attachment
from tracker.reports.editing import ReportEditError, freeze_report, save_narrative
from tracker.reports.figures_store import figures_from_json
from tracker.reports.models import AgencyBasis, Report, ReportState
from tracker.reports.render_markdown import render_markdown as report_markdown
from tracker.reports.services import ScopeError, fill_report, resolve_scope

blueprint = Blueprint("reports", __name__, url_prefix="/bao-cao")
READERS = (Role.SECRETARIAT, Role.LEADER, Role.ADMIN)
EDITORS = (Role.SECRETARIAT, Role.ADMIN)


@blueprint.route("/")
@role_required(*READERS)
def report_list() -> str:
    reports = db.session.scalars(select(Report).order_by(Report.id.desc()).limit(50)).all()
    return render_template(
        "reports/list.html",
        reports=reports,
        agencies=db.session.scalars(active_agencies()),
        groups=db.session.scalars(all_groups()),
        notices=db.session.scalars(
            select(Notice)
            .where(Notice.state == NoticeState.PUBLISHED)
            .order_by(Notice.issued_on.desc())
            .limit(100)
        ),
        default_period=short_label(period_containing(today(), "quarterly")),
        bases=list(AgencyBasis),
    )


@blueprint.route("/", methods=["POST"])
@role_required(*READERS)
def request_report() -> Response:
    try:
        period = parse_period(request.form.get("period", ""))
        scope = resolve_scope(db.session(), request.form.get("scope", "all"))
    except (ValueError, ScopeError):
        flash(
            "Kỳ báo cáo không hợp lệ: nhập ví dụ Quý IV/2026, Tháng 11/2026, 6 tháng đầu năm "
            "2026, Năm 2026 hoặc từ 01/10/2026 đến 15/11/2026.",
            "error",
        )
        return redirect(url_for("reports.report_list"))
    basis = request.form.get("basis", "")
    report = Report(
        period_key=period.key,
        scope=scope.key,
        cut_off=min(period.end, today()),
        agency_basis=AgencyBasis(basis) if basis in set(AgencyBasis) else AgencyBasis.RESPONSIBLE,
        built_by_id=current_user.id,
    )
    db.session.add(report)
    db.session.commit()
    if not enqueue(build_requested_report, report.id, queue="reports"):
        fill_report(db.session(), report, period, scope)  # no queue: build it now
        db.session.commit()
    return redirect(url_for("reports.report_detail", report_id=report.id))


@blueprint.route("/<id:report_id>")
@role_required(*READERS)
def report_detail(report_id: int) -> str:
    report = db.get_or_404(Report, report_id)
    body, narrative = None, None
    if report.state is ReportState.READY and report.figures:
        figures = figures_from_json(report.figures)
        narrative = narrative_for(report.narrative, figures)
        body = render_markdown(report_markdown(figures, narrative))
    return render_template(
        "reports/detail.html",
        report=report,
        body_html=body,
        narrative=narrative,
        sections=SECTIONS,
        may_edit=current_user.role in EDITORS and not report.frozen,
        frozen_by=db.session.get(User, report.frozen_by_id) if report.frozen_by_id else None,
    )


@blueprint.route("/<id:report_id>", methods=["POST"])
@role_required(*EDITORS)
def edit_report(report_id: int) -> Response:
    """Save the narrative as edited; with "chốt", freeze the report as well."""
    report = db.get_or_404(Report, report_id)
    texts = {s.key: request.form[s.key] for s in SECTIONS if s.key in request.form}
    freezing = request.form.get("action") == "freeze"
    try:
        save_narrative(report, texts)
        if freezing:
            freeze_report(report, current_user.id)
    except ReportEditError as error:
        db.session.rollback()
        flash(str(error), "error")
        return redirect(url_for("reports.report_detail", report_id=report_id))
    db.session.commit()
    flash("Đã chốt báo cáo." if freezing else "Đã lưu nội dung báo cáo.", "success")
    return redirect(url_for("reports.report_detail", report_id=report_id))


@blueprint.route("/<id:report_id>/tai-ve.<file_format>")
@role_required(*READERS)
def download(report_id: int, file_format: str) -> Response:
    report = db.get_or_404(Report, report_id)
    if file_format not in MEDIA_TYPES or report.figures is None:
        abort(404)
    content = render_report(report, file_format, current_app.config, issued_on=today())
    return _attachment(content, f"bao-cao-{_file_stem(report)}.{file_format}", file_format)


@blueprint.route("/<id:report_id>/mau-hai-chieu.xlsx")
@role_required(*READERS)
def two_way(report_id: int) -> Response:
    """The report's figures in the Government Office's two-way form."""
    report = db.get_or_404(Report, report_id)
    if report.figures is None:
        abort(404)
    content = render_report(report, "hai-chieu", current_app.config, issued_on=today())
    return _attachment(content, f"mau-hai-chieu-{_file_stem(report)}.xlsx", "xlsx")


def _file_stem(report: Report) -> str:
    return f"{report.period_key}-{report.scope.replace(':', '-')}"


def _attachment(content: bytes, name: str, file_format: str) -> Response:
    return attachment(content, name, MEDIA_TYPES[file_format])


@blueprint.route("/hop-giao-ban")
@role_required(*READERS)
def meeting_brief_page() -> str:
    """The meeting brief as a page to read and print, an agency a page."""
    return render_template(
        "reports/brief.html",
        brief=_requested_brief(),
        leaders=active_leaders(db.session()),
        chosen_leader=request.args.get("lanh-dao", ""),
        max_days=MAX_AHEAD_DAYS,
        brief_headers=BRIEF_HEADERS,
        brief_title=brief_title,
        brief_cells=brief_cells,
        not_listed_line=not_listed_line,
    )


@blueprint.route("/hop-giao-ban.docx")
@role_required(*READERS)
def meeting_brief_docx() -> Response:
    # imported when asked for: see tracker.reports.documents
    from tracker.reports.render_brief_docx import render_brief_docx

    brief = _requested_brief()
    issuer = issuer_from_config(current_app.config, today())
    content = render_brief_docx(brief, issuer)
    return _attachment(content, f"hop-giao-ban-{brief.day.isoformat()}.docx", "docx")


def _requested_brief() -> MeetingBrief:
    """The brief the query string asks for: `lanh-dao` (a leader's id, or all) and `ngay`
    (days ahead); values out of range fall back to all leaders and a week."""
    leader_id = request.args.get("lanh-dao", "")
    leader = None
    if leader_id.isdigit():
        leader = next((u for u in active_leaders(db.session()) if u.id == int(leader_id)), None)
    days = request.args.get("ngay", "")
    ahead = int(days) if days.isdigit() and 0 <= int(days) <= MAX_AHEAD_DAYS else DEFAULT_AHEAD_DAYS
    return meeting_brief(db.session(), current_user, today(), ahead, leader)
