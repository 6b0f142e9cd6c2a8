"""The scorecard page, its Excel export, and the admin's weights.

Agency users get 403: the scorecard ranks agencies against each other for the province's
leadership (thi đua, evaluation of heads); an agency sees its own tasks and figures on its
task list, and a lone row of the ranking would show a rank that means nothing without the
others'.
"""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from tracker.access import role_required
from tracker.auth.models import Role
from tracker.clock import today
from tracker.domain.periods import Period, parse_period, period_containing
from tracker.domain.scorecard import (
    SCORECARD_KINDS,
    ScoreRow,
    formula_text,
    rank,
    recent_periods,
)
from tracker.extensions import db
from tracker.reports.documents import MEDIA_TYPES, issuer_from_config
from tracker.reports.downloads import attachment
from tracker.scorecard.forms import ScoreWeightsForm
from tracker.scorecard.queries import agency_counts, officer_counts
from tracker.scorecard.weights import change_weights, load_weights

blueprint = Blueprint("scorecard", __name__)
READERS = (Role.LEADER, Role.SECRETARIAT, Role.ADMIN)
# how many recent periods the menu offers
PERIOD_CHOICES = {"quarterly": 12, "monthly": 24, "annual": 5}
BAD_PERIOD = (
    "Kỳ đánh giá không hợp lệ: chọn một tháng (ví dụ Tháng 3/2026), một quý (Quý I/2026) "
    "hoặc một năm (Năm 2026)."
)


def _requested_period() -> Period | None:
    """The period of ?ky=, the current quarter without it, None when it is not a month, a
    quarter or a year."""
    key = request.args.get("ky", "").strip()
    if not key:
        return period_containing(today(), "quarterly")
    try:
        period = parse_period(key)
    except ValueError:
        return None
    return period if period.kind in SCORECARD_KINDS else None


def _choices() -> dict[str, list[Period]]:
    return {
        SCORECARD_KINDS[kind]: recent_periods(today(), kind, count)
        for kind, count in PERIOD_CHOICES.items()
    }


def _rows(period: Period) -> list[ScoreRow]:
    due_soon_days = current_app.config["DUE_SOON_DAYS"]
    counts = agency_counts(db.session(), current_user, period, today(), due_soon_days)
    return rank(counts, load_weights(db.session()))


@blueprint.route("/bang-diem")
@role_required(*READERS)
def scorecard() -> tuple[str, int]:
    period = _requested_period()
    status = 200
    if period is None:
        flash(BAD_PERIOD, "error")
        period, status = period_containing(today(), "quarterly"), 400
    page = render_template(
        "scorecard/scorecard.html",
        period=period,
        choices=_choices(),
        rows=_rows(period),
        formula=formula_text(load_weights(db.session())),
    )
    return page, status


@blueprint.route("/bang-diem.xlsx")
@role_required(*READERS)
def scorecard_xlsx() -> Response:
    # imported when asked for: see tracker.reports.documents
    from tracker.scorecard.render_xlsx import render_scorecard_xlsx

    period = _requested_period()
    if period is None:
        flash(BAD_PERIOD, "error")
        return redirect(url_for("scorecard.scorecard"))
    content = render_scorecard_xlsx(
        period,
        _rows(period),
        load_weights(db.session()),
        issuer_from_config(current_app.config, today()),
    )
    return attachment(content, f"bang-diem-{period.key}.xlsx", MEDIA_TYPES["xlsx"])


@blueprint.route("/quan-tri/bang-diem", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def weights() -> Response | tuple[str, int]:
    form = ScoreWeightsForm.for_weights(load_weights(db.session()))
    if form.validate_on_submit():
        change_weights(db.session(), form.weights(), current_user)
        db.session.commit()
        flash("Đã lưu cách tính điểm.", "info")
        return redirect(url_for("scorecard.weights"))
    status = 400 if form.errors else 200
    return render_template("scorecard/weights.html", form=form), status


@blueprint.route("/co-quan/can-bo")
@role_required(Role.AGENCY_HEAD)
def officers() -> tuple[str, int]:
    """The agency head's view of the agency's tasks due in a period, per officer assigned."""
    period = _requested_period()
    status = 200
    if period is None:
        flash(BAD_PERIOD, "error")
        period, status = period_containing(today(), "quarterly"), 400
    rows = officer_counts(db.session(), current_user, period, today())
    page = render_template("scorecard/officers.html", period=period, choices=_choices(), rows=rows)
    return page, status
