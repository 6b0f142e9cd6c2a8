"""ReportFigures to and from JSON, for a report frozen in the database."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

from tracker.domain.report_figures import (
    AgencyRow,
    Intake,
    NoticeSection,
    OverdueRow,
    ReportFigures,
    StatusCounts,
)


def figures_to_json(figures: ReportFigures) -> dict[str, Any]:
    def convert(value: Any) -> Any:
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, dict):
            return {key: convert(item) for key, item in value.items()}
        if isinstance(value, list):
            return [convert(item) for item in value]
        return value

    return dict(convert(asdict(figures)))


def figures_from_json(data: dict[str, Any]) -> ReportFigures:
    previous, last_year = data.get("previous_totals"), data.get("last_year_totals")
    intake = data.get("intake")
    return ReportFigures(
        title=data["title"],
        period_label=data["period_label"],
        start=date.fromisoformat(data["start"]),
        end=date.fromisoformat(data["end"]),
        scope_label=data["scope_label"],
        totals=StatusCounts(**data["totals"]),
        agencies=[AgencyRow(r["agency"], StatusCounts(**r["counts"])) for r in data["agencies"]],
        overdue=[
            OverdueRow(**{**r, "deadline": date.fromisoformat(r["deadline"])})
            for r in data["overdue"]
        ],
        previous_totals=StatusCounts(**previous) if previous else None,
        last_year_totals=StatusCounts(**last_year) if last_year else None,
        items=data.get("items"),
        intake=Intake(**intake) if intake else None,
        notices=[
            NoticeSection(r["heading"], r["title"], StatusCounts(**r["counts"]))
            for r in data.get("notices", [])
        ],
        upcoming=data.get("upcoming"),
        next_period_label=data.get("next_period_label"),
    )
