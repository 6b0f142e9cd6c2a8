"""Arranging a notice's tasks for display."""

from __future__ import annotations

from collections.abc import Iterable

from tracker.agencies.models import Agency
from tracker.tasks.models import Task


def group_by_lead_agency(tasks: Iterable[Task]) -> list[tuple[Agency, list[Task]]]:
    """Tasks grouped by lead agency, agencies in the order they first appear in the notice."""
    groups: dict[int, tuple[Agency, list[Task]]] = {}
    for task in tasks:
        groups.setdefault(task.lead_agency_id, (task.lead_agency, []))[1].append(task)
    return list(groups.values())
