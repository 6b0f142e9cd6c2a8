"""Names and texts that a spreadsheet would run as formulas, and a check that an export keeps
them as text."""

from __future__ import annotations

import re
from io import BytesIO

from openpyxl import load_workbook
from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.agencies.models import Agency
from tracker.tasks.models import Task

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def give_formula_names(session: Session, starts: tuple[str, ...] = FORMULA_STARTS) -> None:
    """Every agency's name (and short name) and every task's text start with one of the
    characters that open a formula, taken in turn, agencies and tasks in the order of their
    ids."""
    agencies = session.scalars(select(Agency).order_by(Agency.id))
    for number, agency in enumerate(agencies):
        start = starts[number % len(starts)]
        agency.name = f"{start}1+{agency.name}"
        if agency.short_name:
            agency.short_name = f"{start}1+{agency.short_name}"
    for number, task in enumerate(session.scalars(select(Task).order_by(Task.id))):
        task.text = f"{starts[number % len(starts)]}SUM(1) {task.text}"
    session.flush()


COLUMN_TOTAL = re.compile(r"=SUM\(([A-Z]+)\d+:\1\d+\)")


def formula_starts_kept_as_text(workbook: bytes) -> set[str]:
    """The formula characters that open some text cell of the workbook; fails on any cell
    that starts like a formula and is not typed and marked as text, but for the workbook's
    own column totals ("=SUM(C7:C12)")."""
    seen = set()
    for sheet in load_workbook(BytesIO(workbook)):
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f" and COLUMN_TOTAL.fullmatch(cell.value):
                    continue
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
                    where = f"{sheet.title}!{cell.coordinate} {cell.value!r}"
                    assert cell.data_type == "s", where
                    assert cell.quotePrefix, where
                    seen.add(cell.value[0])
    return seen
