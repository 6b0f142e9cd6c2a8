"""The leadership dashboard: where tasks stand, which agencies lag, the overdue list and the
trend, filtered like the task list; every figure links to the tasks behind it."""

from __future__ import annotations

from tempfile import SpooledTemporaryFile
from typing import Any

from flask import Blueprint, current_app, render_template, request, url_for
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy import Select, select
from werkzeug.wrappers import Response

from tracker.access import listed_tasks, role_required, visibility_key, visible_tasks
from tracker.agencies.kept import directory_rows
from tracker.agencies.models import Agency, AgencyGroup
from tracker.auth.models import Role
from tracker.cache import remembered
from tracker.clock import today
from tracker.dashboard.charts import agency_chart, trend_chart
from tracker.dashboard.explanations import (
    ExplanationLine,
    latest_explanations,
    read_explanation_lines,
)
from tracker.dashboard.figures import dashboard_figures, oldest_overdue, overdue_lines
from tracker.dashboard.links import FigureLinks, figure_link
from tracker.dashboard.queue import QueueSection
from tracker.dashboard.ranking import ranking_rows
from tracker.domain.dashboard import RANKINGS, TREND_UNITS, DashboardFigures, rank_agencies
from tracker.domain.scorecard import recent_periods
from tracker.domain.status import TaskStatus, WarningLevel
from tracker.extensions import db
from tracker.notices.models import NoticeKind
from tracker.notices.search_field import NoticeSearch, notice_field_text, read_notice_field
from tracker.reports.documents import MEDIA_TYPES, issuer_from_config
from tracker.reports.downloads import attachment
from tracker.statements import built
from tracker.tasks.filters import TaskFilters
from tracker.tasks.listing import ListedTask, read_listed
from tracker.tasks.models import Task
from tracker.tasks.views import filter_words

blueprint = Blueprint("leadership", __name__)
LEADERSHIP = (Role.LEADER, Role.SECRETARIAT, Role.ADMIN)
EXPLANATIONS_SHOWN = 20
XLSX_OVERDUE_ROWS = 5_000  # more than any province has; a sheet stays quick to open
XLSX_IN_MEMORY = 2 * 1024 * 1024  # bytes of a workbook kept in memory; more go to disk
_AGENCY_OPTIONS = select(Agency.id, Agency.name, Agency.active).order_by(Agency.name)
_GROUP_OPTIONS = select(AgencyGroup.id, AgencyGroup.name).order_by(AgencyGroup.name)


@blueprint.route("/tong-quan")
@role_required(*LEADERSHIP)
def dashboard() -> str | Response:
    return render_dashboard()


def render_dashboard(queue: list[QueueSection] | None = None) -> str | Response:
    """The dashboard for the signed-in leader (also the leader's home page). Its content is
    the same for everyone who sees the same tasks, so it is rendered once per data version
    and kept in the figures cache; only the page around it is the user's own."""
    search = read_notice_field()
    if isinstance(search, Response):
        return search
    filters, trend_unit, ranking = _choices()
    parts = [*visibility_key(current_user), filters.as_args(), today().isoformat()]
    parts += [_due_soon(), trend_unit, ranking, search.text if search else None]
    board = remembered(
        "dashboard-board", parts, lambda: _board(filters, trend_unit, ranking, search)
    )
    return render_template(
        "dashboard/leader.html",
        board=Markup(board),  # noqa: S704
        queue=queue or [],
        notice_search=search,
    )


def _board(filters: TaskFilters, trend_unit: str, ranking: str, search: NoticeSearch | None) -> str:
    figures = _figures(filters, trend_unit)
    links = FigureLinks(filters, url_for("tasks.task_list"))
    return render_template(
        "dashboard/_board.html",
        figures=figures,
        filters=filters,
        trend_unit=trend_unit,
        ranking=ranking,
        agencies=rank_agencies(figures.agencies, ranking),
        overdue=_oldest_overdue(filters),
        today=today(),
        trend_svg=Markup(trend_chart(figures, links)),  # noqa: S704 - escaped in charts
        agency_svg=Markup(agency_chart(figures, links)),  # noqa: S704 - escaped in charts
        choices=_form_choices(filters, search),
        warnings=list(WarningLevel),
        statuses=list(TaskStatus),
        links=links,
        figure=figure_link,
        ranking_rows=ranking_rows,
        explanations=_explanations(),
    )


@blueprint.route("/tong-quan.xlsx")
@role_required(*LEADERSHIP)
def dashboard_xlsx() -> Response:
    """The dashboard as a workbook, written to a temporary file (in memory while small) and
    sent from it in chunks."""
    # imported when asked for: see tracker.reports.documents
    from tracker.dashboard.render_xlsx import dashboard_workbook

    filters, trend_unit, ranking = _choices()
    figures = _figures(filters, trend_unit)
    overdue = _overdue(filters)
    workbook = SpooledTemporaryFile(max_size=XLSX_IN_MEMORY)  # noqa: SIM115 - closed once sent
    dashboard_workbook(
        figures,
        rank_agencies(figures.agencies, ranking),
        overdue_lines(overdue, today(), XLSX_OVERDUE_ROWS) if overdue is not None else iter(()),
        filter_words(filters) or ["Tất cả nhiệm vụ"],
        issuer_from_config(current_app.config, today()),
        workbook,
    )
    return attachment(workbook, f"tong-quan-{today():%Y-%m-%d}.xlsx", MEDIA_TYPES["xlsx"])


def _explanations() -> list[ExplanationLine]:
    """The latest explanations asked of agencies about overdue tasks, answered or not."""
    query = built(
        ("explanations", *visibility_key(current_user)),
        lambda: latest_explanations(visible_tasks(current_user), EXPLANATIONS_SHOWN),
    )
    return read_explanation_lines(db.session(), query)


def _oldest_overdue(filters: TaskFilters) -> list[ListedTask]:
    """The tasks overdue longest among those the filters keep, as a list shows them."""
    key = ("oldest overdue", *visibility_key(current_user), filters, today(), _due_soon())
    rows = built(key, lambda: _oldest_overdue_rows(filters))
    return read_listed(db.session(), rows) if rows is not None else []


def _oldest_overdue_rows(filters: TaskFilters) -> Select[Any] | None:
    overdue = _overdue(filters)
    return oldest_overdue(overdue) if overdue is not None else None


def _overdue(filters: TaskFilters) -> Select[Task] | None:
    """The overdue tasks among those the filters keep, as a list reads them; None when they
    keep none."""
    overdue = filters.overdue()
    if overdue is None:
        return None
    return overdue.apply(listed_tasks(current_user), today(), 0, _due_soon())


def _choices() -> tuple[TaskFilters, str, str]:
    unit = request.args.get("theo", "quy")
    ranking = request.args.get("xep_theo", "ty_le")
    return (
        TaskFilters.from_args(request.args),
        unit if unit in TREND_UNITS else "quy",
        ranking if ranking in RANKINGS else "ty_le",
    )


def _figures(filters: TaskFilters, trend_unit: str) -> DashboardFigures:
    return dashboard_figures(
        visible_tasks(current_user),
        filters,
        visibility_key(current_user),
        today(),
        _due_soon(),
        trend_unit,
    )


def _due_soon() -> int:
    return int(current_app.config["DUE_SOON_DAYS"])


def _form_choices(filters: TaskFilters, search: NoticeSearch | None) -> dict[str, object]:
    day = today()
    periods = (
        recent_periods(day, "annual", 4)
        + recent_periods(day, "quarterly", 8)
        + recent_periods(day, "monthly", 12)
    )
    return {
        "periods": periods,
        "notice_text": notice_field_text(filters.notice_id, search),
        # rows of what the options show, not objects: the province's sixty agencies
        "agencies": directory_rows(db.session(), _AGENCY_OPTIONS),
        "groups": directory_rows(db.session(), _GROUP_OPTIONS),
        "kinds": list(NoticeKind),
    }
