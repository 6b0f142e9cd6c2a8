"""Building a completion report: the tasks of a period and scope, their figures at the
cut-off date (with the previous period's for comparison), frozen in a Report row.

Which tasks a period counts: tasks of notices published by its end whose deadline falls in
the period, tasks due earlier and still not completed when it began (carried over), and
tasks without a deadline (thường xuyên). A recurring task counts as its occurrences, each
like a task with its own deadline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, and_, exists, func, or_, select
from sqlalchemy.orm import Session

from tracker.agencies.models import Agency, AgencyGroup
from tracker.db import utcnow
from tracker.domain.formatting import vn_date
from tracker.domain.periods import Period, day_a_year_before
from tracker.domain.report_figures import (
    NoticeSection,
    ReportFigures,
    TaskFacts,
    count_intake,
    count_items,
    count_statuses,
    figures_by_agency,
    overdue_rows,
)
from tracker.domain.report_narrative import draft_narrative
from tracker.notices.models import Notice, NoticeState
from tracker.reports.figures_store import figures_to_json
from tracker.reports.models import AgencyBasis, Report, ReportState
from tracker.reports.situations import with_situations
from tracker.tasks.models import ExtensionRequest, ExtensionState, Task


class ScopeError(ValueError):
    """The scope names nothing known."""


@dataclass(frozen=True)
class Scope:
    key: str  # "all", "notice:<id>", "agency:<code>", "group:<code>"
    label: str
    notice_id: int | None = None
    agency_ids: tuple[int, ...] | None = None


def resolve_scope(session: Session, key: str) -> Scope:
    kind, _, value = key.partition(":")
    if kind == "all" and not value:
        return Scope("all", "toàn tỉnh")
    if kind == "notice" and value.isdigit():
        notice = session.get(Notice, int(value))
        if notice is not None:
            return Scope(key, f"{notice.kind.label} số {notice.number}", notice_id=notice.id)
    if kind == "agency":
        agency = session.scalar(select(Agency).where(Agency.code == value))
        if agency is not None:
            return Scope(key, agency.name, agency_ids=(agency.id,))
    if kind == "group":
        group = session.scalar(select(AgencyGroup).where(AgencyGroup.code == value))
        if group is not None:
            return Scope(key, group.name, agency_ids=tuple(m.id for m in group.members))
    raise ScopeError(f"unknown scope {key!r} (all, notice:ID, agency:CODE or group:CODE)")


def period_facts(
    session: Session, period: Period, scope: Scope, basis: AgencyBasis = AgencyBasis.RESPONSIBLE
) -> list[TaskFacts]:
    """The facts of the tasks a period counts, each under the agency now responsible for it
    or under the agency the notice assigned it to (they differ after merges and splits)."""
    assigned = basis is AgencyBasis.ASSIGNED
    objective = exists().where(
        ExtensionRequest.task_id == Task.id,
        ExtensionRequest.state == ExtensionState.APPROVED,
        ExtensionRequest.objective_reason.is_(True),
    )
    query = (
        select(
            Agency.name,
            Task.deadline,
            Task.completed_on,
            Task.original_deadline,
            objective,
            Notice.number,
            Task.ref,
            Task.text,
            Task.cancelled_on,
            Task.paused_until,
            Task.id,
            Task.notice_id,
            Notice.issued_on,
        )
        .join(Task.assigned_agency if assigned else Task.lead_agency)
        .join(Task.notice)
        .where(
            Notice.state == NoticeState.PUBLISHED,
            Notice.issued_on <= period.end,
            Task.recurrence.is_(None),  # a recurring task counts through its occurrences
            or_(
                Task.deadline.is_(None),
                Task.deadline.between(period.start, period.end),
                and_(
                    Task.deadline < period.start,
                    or_(Task.completed_on.is_(None), Task.completed_on >= period.start),
                ),
            ),
        )
        .order_by(Agency.name, Task.id)
    )
    facts = []
    for row in session.execute(_in_scope(query, scope, basis)):
        agency, deadline, completed, original, objective_delay, number, ref, text, *changes = row
        facts.append(
            TaskFacts(
                agency=agency,
                deadline=deadline,
                completed_on=completed,
                original_deadline=original,
                objective_delay=bool(objective_delay),
                notice=number or "",
                ref=ref,
                text=text,
                cancelled_on=changes[0],
                paused_until=changes[1],
                task_id=changes[2],
                notice_id=changes[3],
                issued_on=changes[4],
            )
        )
    return facts


def _in_scope(query: Select, scope: Scope, basis: AgencyBasis) -> Select:  # type: ignore[type-arg]
    """The query's tasks restricted to the scope's notice or agencies."""
    if scope.notice_id is not None:
        query = query.where(Task.notice_id == scope.notice_id)
    if scope.agency_ids is not None:
        agency = Task.assigned_agency_id if basis is AgencyBasis.ASSIGNED else Task.lead_agency_id
        query = query.where(agency.in_(scope.agency_ids))
    return query


def count_upcoming(
    session: Session, period: Period, scope: Scope, cut_off: date, basis: AgencyBasis
) -> int:
    """Tasks given by the cut-off, due in `period` and still open at the cut-off."""
    query = (
        select(func.count(Task.id))
        .join(Task.notice)
        .where(
            Notice.state == NoticeState.PUBLISHED,
            Notice.issued_on <= cut_off,
            Task.recurrence.is_(None),
            Task.deadline.between(period.start, period.end),
            or_(Task.completed_on.is_(None), Task.completed_on > cut_off),
            or_(Task.cancelled_on.is_(None), Task.cancelled_on > cut_off),
        )
    )
    return session.scalar(_in_scope(query, scope, basis)) or 0


def notice_sections(session: Session, facts: list[TaskFacts], cut_off: date) -> list[NoticeSection]:
    """A section for each notice the secretariat follows apart, of those the period counts,
    oldest first."""
    by_notice: dict[int, list[TaskFacts]] = {}
    for fact in facts:
        by_notice.setdefault(fact.notice_id, []).append(fact)
    marked = session.scalars(
        select(Notice)
        .where(Notice.reported_apart.is_(True), Notice.id.in_(list(by_notice)))
        .order_by(Notice.issued_on, Notice.id)
    )
    return [
        NoticeSection(
            heading=f"{notice.kind.label} số {notice.number} ngày {vn_date(notice.issued_on)}",
            title=notice.title,
            counts=count_statuses(by_notice[notice.id], cut_off),
        )
        for notice in marked
    ]


def compute_figures(
    session: Session,
    period: Period,
    scope: Scope,
    cut_off: date,
    basis: AgencyBasis = AgencyBasis.RESPONSIBLE,
) -> ReportFigures:
    """Figures at the cut-off date: the period's end, or today for a period still running."""
    facts = period_facts(session, period, scope, basis)
    previous, last_year, following = period.previous(), period.a_year_before(), period.following()
    by_assigned = " (theo cơ quan được giao ban đầu)" if basis is AgencyBasis.ASSIGNED else ""
    return ReportFigures(
        title=(
            f"Tình hình thực hiện nhiệm vụ do UBND tỉnh, Chủ tịch UBND tỉnh giao {period.label}"
        ),
        period_label=period.label,
        start=period.start,
        end=cut_off,
        scope_label=scope.label + by_assigned,
        totals=count_statuses(facts, cut_off),
        agencies=figures_by_agency(facts, cut_off),
        overdue=with_situations(session, overdue_rows(facts, cut_off), cut_off),
        items=count_items(facts),
        previous_totals=count_statuses(period_facts(session, previous, scope, basis), previous.end),
        last_year_totals=count_statuses(
            period_facts(session, last_year, scope, basis),
            min(last_year.end, day_a_year_before(cut_off)),  # as far into that period as now
        ),
        intake=count_intake(facts, period.start, cut_off),
        notices=notice_sections(session, facts, cut_off),
        upcoming=count_upcoming(session, following, scope, cut_off, basis),
        next_period_label=following.label,
    )


def build_report(
    session: Session,
    period: Period,
    scope: Scope,
    today: date,
    built_by_id: int | None = None,
    basis: AgencyBasis = AgencyBasis.RESPONSIBLE,
) -> Report:
    """Compute and freeze the figures of a report now (the caller commits)."""
    report = Report(
        period_key=period.key,
        scope=scope.key,
        cut_off=min(period.end, today),
        agency_basis=basis,
        built_by_id=built_by_id,
    )
    session.add(report)
    fill_report(session, report, period, scope)
    return report


def fill_report(session: Session, report: Report, period: Period, scope: Scope) -> None:
    """Compute the figures at the report's cut-off and freeze them in it."""
    figures = compute_figures(session, period, scope, report.cut_off, report.agency_basis)
    report.figures = figures_to_json(figures)
    report.narrative = draft_narrative(figures)
    report.state, report.progress, report.built_at = ReportState.READY, 100, utcnow()
    session.flush()
