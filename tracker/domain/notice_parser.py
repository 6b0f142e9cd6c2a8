"""Reading a notice: its header, and its split into proposed tasks with deadlines."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from datetime import date

from tracker.domain.agency_names import NameDirectory
from tracker.domain.deadlines import DeadlineFinding, find_deadline, fixed_public_holidays
from tracker.domain.implied_addressee import implied_addressee
from tracker.domain.notice_blocks import split_blocks
from tracker.domain.notice_metadata import read_header
from tracker.domain.notice_split import split_tasks
from tracker.domain.proposed_tasks import ProposedTask
from tracker.domain.skipped_items import SkippedItem

_RANGE = re.compile(r"\s*(?:-|–|đến)\s*(?=(?:năm|quý|tháng)?\s*[\dIV])", re.IGNORECASE)


@dataclass
class ParsedNotice:
    number: str | None
    issued_on: date | None
    place: str | None
    kind: str | None
    title: str | None
    signer: str | None
    tasks: list[ProposedTask]
    problems: list[str] = field(default_factory=list)  # in Vietnamese, for the reviewer
    # items with an instruction cue that gave no task, for the reviewer to confirm or take up
    skipped: list[SkippedItem] = field(default_factory=list)


def parse_notice(
    text: str, directory: NameDirectory, today: date, holidays: Collection[date] = ()
) -> ParsedNotice:
    """Parse a notice's text (Markdown or plain). Deadlines counted from the notice's date
    ("trong 15 ngày kể từ ngày ký") use today's date when the notice's date is unreadable;
    working days skip weekends, the fixed public holidays and the given `holidays` (Tết and
    the other days off the admin enters)."""
    blocks = split_blocks(text)
    header = read_header(blocks)
    implied = implied_addressee(blocks, directory)
    split = split_tasks(blocks[header.body_start :], directory, implied)
    tasks = split.tasks
    problems = _header_problems(header.number, header.issued_on, header.kind, header.date_problem)
    anchor = header.issued_on or today
    days_off = {
        *holidays,
        *fixed_public_holidays(anchor.year),
        *fixed_public_holidays(anchor.year + 1),
    }
    for task in tasks:
        finding = _task_deadline(task, anchor, days_off)
        task.deadline, task.deadline_text = finding.deadline, finding.phrase
        task.recurrence, task.recurrence_days = finding.recurrence, finding.recurrence_days
        if finding.problem:
            task.notes.append(finding.problem)
    if not tasks:
        problems.append("Không tìm thấy nhiệm vụ nào được giao cho cơ quan, đơn vị.")
    return ParsedNotice(
        number=header.number,
        issued_on=header.issued_on,
        place=header.place,
        kind=header.kind,
        title=header.title,
        signer=header.signer,
        tasks=tasks,
        problems=problems,
        skipped=split.skipped,
    )


def _task_deadline(task: ProposedTask, anchor: date, days_off: Collection[date]) -> DeadlineFinding:
    """The task's deadline: its table cell's, else its own words', else the one its heading
    or lead-in states for the items under it."""
    if task.deadline_source:
        return deadline_in_cell(task.deadline_source, anchor, days_off)
    finding = find_deadline(task.text, anchor, days_off)
    if finding.deadline is None and finding.recurrence is None and task.context:
        inherited = find_deadline(task.context, anchor, days_off)
        if inherited.deadline is not None:
            return inherited
    return finding


def deadline_in_cell(cell: str, issued_on: date, holidays: Collection[date]) -> DeadlineFinding:
    """A table's deadline column holds only the time: "Quý I/2022", "Năm 2022", "2025",
    "01/03/2026", "Hằng tháng", "Thường xuyên", "Năm 2025 - 2026" (done by the end of the
    range). Read as written, else as "trong ..." (a period) or "định kỳ ..." (a recurrence);
    the phrase is the cell."""
    candidates = [cell, f"trong {cell}", f"định kỳ {cell}"]
    if _RANGE.search(cell):  # "Năm 2025 - 2026", "Quý IV/2025 - Quý II/2026": by its end
        last = _RANGE.split(cell)[-1].strip()
        candidates = [f"trong năm {last}" if re.fullmatch(r"\d{4}", last) else f"trong {last}"]
    if re.fullmatch(r"\d{4}", cell.strip(" .")):
        candidates.append(f"trong năm {cell.strip(' .')}")
    if re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}", cell.strip(" .")):
        candidates.append(f"trước ngày {cell.strip(' .')}")
    for candidate in candidates:
        finding = find_deadline(candidate, issued_on, holidays)
        if finding.deadline or finding.recurrence:
            phrase = cell if finding.deadline else None
            return replace(finding, phrase=phrase)
    return DeadlineFinding(None, None, None, None)


def _header_problems(
    number: str | None, issued_on: date | None, kind: str | None, date_problem: str | None
) -> list[str]:
    problems = []
    if number is None:
        problems.append("Không đọc được số, ký hiệu văn bản.")
    if date_problem:
        problems.append(date_problem + ".")
    elif issued_on is None:
        problems.append("Không đọc được ngày ban hành.")
    if kind is None:
        problems.append("Không xác định được loại văn bản.")
    return problems
