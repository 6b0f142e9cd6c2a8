"""A completion report as Markdown: the outline (`tracker.reports.outline`) with its
tables as pipe tables."""

from __future__ import annotations

from collections.abc import Mapping

from tracker.domain.report_figures import ReportFigures
from tracker.reports.outline import Table, report_outline

# Right-aligned columns of each table besides STT: counts and rates, days overdue.
NUMERIC_COLUMNS = {"agencies": range(2, 10), "overdue": (6,)}


def render_markdown(figures: ReportFigures, narrative: Mapping[str, str]) -> str:
    """The report as Markdown: title, then its parts; the total row's label in bold."""
    blocks = [f"# {_escape(figures.title)}"]
    for part in report_outline(figures, narrative):
        if part.heading:
            blocks.append(f"## {_escape(part.heading)}")
        for block in part.blocks:
            blocks.append(_table(block) if isinstance(block, Table) else block)
    return "\n\n".join(blocks) + "\n"


def _table(table: Table) -> str:
    """A pipe table; numeric columns are right-aligned, as is STT."""
    numeric = NUMERIC_COLUMNS[table.kind]
    aligns = ["---:" if i == 0 or i in numeric else "---" for i in range(len(table.headers))]
    lines = [_row(list(table.headers)), "| " + " | ".join(aligns) + " |"]
    for index, cells in enumerate(table.rows, 1):
        if table.total_row and index == len(table.rows):
            cells = [cells[0], f"**{cells[1]}**", *cells[2:]]
        lines.append(_row(cells))
    return "\n".join(lines)


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(_escape(cell) for cell in cells) + " |"


def _escape(text: str) -> str:
    """Keep a cell on one line and its pipes literal."""
    return " ".join(text.split()).replace("|", "\\|")
