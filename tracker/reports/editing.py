"""The secretariat's edits to a built report: its narrative sections, until it is frozen."""

from __future__ import annotations

from collections.abc import Mapping

from tracker.db import utcnow
from tracker.domain.formatting import vn_number
from tracker.domain.report_narrative import MAX_SECTION_LENGTH, SECTIONS
from tracker.reports.models import Report, ReportState


class ReportEditError(ValueError):
    """The edit cannot be made; the message is for the user, in Vietnamese."""


def save_narrative(report: Report, texts: Mapping[str, str]) -> None:
    """Replace the narrative sections given in `texts`; the others keep their text."""
    _check_editable(report)
    narrative = dict(report.narrative or {})
    for section in SECTIONS:
        if section.key not in texts:
            continue
        text = texts[section.key].replace("\r\n", "\n").strip()
        if len(text) > MAX_SECTION_LENGTH:
            raise ReportEditError(
                f"Mục “{section.heading}” dài quá {vn_number(MAX_SECTION_LENGTH)} ký tự."
            )
        narrative[section.key] = text
    report.narrative = narrative


def freeze_report(report: Report, frozen_by_id: int | None) -> None:
    """Freeze the report: its figures and narrative never change again."""
    _check_editable(report)
    report.frozen_at, report.frozen_by_id = utcnow(), frozen_by_id


def _check_editable(report: Report) -> None:
    if report.state is not ReportState.READY:
        raise ReportEditError("Báo cáo chưa lập xong nên chưa sửa hoặc chốt được.")
    if report.frozen:
        raise ReportEditError("Báo cáo đã chốt, không sửa được nữa.")
