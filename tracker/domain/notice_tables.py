"""Tasks listed in a table, as plans and decisions put them in an appendix:
"STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành"."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from tracker.domain.agency_names import NameDirectory, partner_names
from tracker.domain.assignment import read_assignment
from tracker.domain.notice_blocks import Block
from tracker.domain.text import fold

_COLUMNS = {
    "text": re.compile(r"noi dung|nhiem vu|cong viec"),
    "lead": re.compile(r"chu tri|thuc hien|co quan|don vi"),
    "coordinating": re.compile(r"phoi hop"),
    "deadline": re.compile(r"thoi gian|thoi han|hoan thanh|tien do"),
}


@dataclass(frozen=True)
class TableRow:
    """A row of a task table: its number and the cells that matter."""

    number: str
    text: str
    lead: str
    coordinating: str
    deadline: str


def cells(block: Block) -> list[str]:
    """The cells of a table row ("| a | b |" or "a | b"); [] for anything else."""
    raw = block.text.strip()
    if "|" not in raw:
        return []
    parts = [part.strip() for part in raw.strip("|").split("|")]
    framed = len(raw) > 1 and raw.startswith("|") and raw.endswith("|")
    return parts if len(parts) >= 3 or (framed and len(parts) == 2) else []


def is_table_row(block: Block) -> bool:
    return bool(cells(block))


def task_rows(blocks: Iterable[Block]) -> list[TableRow]:
    """Rows of every task table among the blocks: a table whose header names a content
    column and a lead-agency column; section rows ("I", "II") and blank rows are skipped."""
    rows: list[TableRow] = []
    columns: dict[str, int] | None = None
    for block in blocks:
        row = cells(block)
        if not row:
            columns = None
            continue
        if columns is None:
            columns = _header(row)
            continue
        if all(re.fullmatch(r":?-+:?|", cell) for cell in row):
            continue  # the Markdown separator row
        table_row = _task_row(row, columns, rows[-1].number if rows else "")
        if table_row is not None:
            rows.append(table_row)
    return rows


def _task_row(row: list[str], columns: dict[str, int], previous: str) -> TableRow | None:
    """A numbered row; or a row under it without a number of its own (its number cell merged
    with the one above), which has one cell less; section rows ("I", "II") give none."""
    number = row[0].strip("* .")
    if not re.fullmatch(r"\d{1,3}(\.\d{1,3})*", number):
        if not previous or not 2 <= len(row) < columns["width"]:
            return None
        row, number = ["", *row], f"{previous}+"
    return TableRow(
        number=number,
        text=_cell(row, columns, "text"),
        lead=_cell(row, columns, "lead"),
        coordinating=_cell(row, columns, "coordinating"),
        deadline=_cell(row, columns, "deadline"),
    )


def _header(row: list[str]) -> dict[str, int] | None:
    columns: dict[str, int] = {}
    for index, cell in enumerate(row):
        folded = fold(cell)
        for name, pattern in _COLUMNS.items():
            if name not in columns and pattern.search(folded):
                if name == "lead" and _COLUMNS["coordinating"].search(folded):
                    continue
                columns[name] = index
                break
    if not {"text", "lead"} <= columns.keys():
        return None
    return {**columns, "width": len(row)}


def _cell(row: list[str], columns: dict[str, int], name: str) -> str:
    index = columns.get(name)
    return row[index].strip() if index is not None and index < len(row) else ""


def names_in_cell(cell: str, directory: NameDirectory) -> list[str]:
    """The agencies and groups a table cell lists, by their canonical names."""
    found: list[str] = []
    for part in re.split(r"\s*;\s*", cell):
        if fold(part).endswith("lien quan"):
            continue  # generic partners: "Các sở, ngành liên quan"
        assignment = read_assignment(part, directory)
        found += partner_names(assignment.assignees)
    return found
