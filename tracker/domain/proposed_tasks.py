"""Proposed tasks as the split makes them: one per body, or one for a group; and the tasks
of a task table's rows and of task cards, read alike."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from tracker.domain.agency_names import AGENCY, GROUP, KnownName, NameDirectory, NameMatch
from tracker.domain.assignment import Assignment, read_assignment
from tracker.domain.notice_blocks import Block
from tracker.domain.notice_tables import TableRow, names_in_cell, task_rows
from tracker.domain.outline_headings import collective_heading
from tracker.domain.skipped_items import SkippedItem, SkipReason
from tracker.domain.text import fold

# Names of several bodies at once: "UBND các xã", "Ủy ban nhân dân xã, phường, đặc khu",
# "UBND cấp xã", "Ban Chỉ huy Phòng thủ dân sự cấp tỉnh, cấp xã", "Tiểu ban giúp việc ...".
_UNIT = r"(xa|phuong|huyen|tinh|dac khu|thi xa|thanh pho|thi tran|quan)"
_CELL_PART = re.compile(r"(.+?)(?:[;.]\s|$)")  # up to the next "; " or ". "
_COMRADE = re.compile(r"^[Đđ]ồng chí\s+")  # "Đồng chí Bộ trưởng Bộ Y tế"
_PLURAL = re.compile(
    rf"\bcac\b|\b{_UNIT}\s*,\s*{_UNIT}\b|\bcap (xa|huyen)$|\bcap \w+,\s*cap \w+"
    r"|^(tieu ban|ban chi dao|to cong tac)\b"  # a committee works through its members
)


@dataclass
class ProposedTask:
    """One item of the split, before publication."""

    ref: str
    assignee: str
    assignee_kind: str
    text: str
    members: list[str] = field(default_factory=list)
    coordinating: list[str] = field(default_factory=list)
    unknown_assignee: bool = False
    # The words to read the deadline from, when not the text itself (a table's column).
    deadline_source: str | None = None
    # The words of the heading or lead-in the item is under: a deadline stated there ("...,
    # hoàn thành trong tháng 11 năm 2025, cụ thể:") holds for an item that states none.
    context: str | None = None
    deadline: date | None = None
    deadline_text: str | None = None
    recurrence: str | None = None
    recurrence_days: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def unsure(self) -> bool:
        """The reviewer should look at this one: the parser noted a doubt."""
        return bool(self.notes)


def group_task(
    owner: Assignment,
    ref: str,
    instruction: str,
    coordinating: list[str],
    directory: NameDirectory,
) -> ProposedTask:
    """One task for bodies addressed together: a single group goes by its own name, several
    names by the words the notice used."""
    members: list[str] = []
    for match in owner.assignees:
        if match.known is None:
            continue
        kind, canonical = match.known.kind, match.known.canonical
        found = directory.members(canonical) if kind == GROUP else [canonical]
        members += [member for member in found if member not in members]
    # one group goes by its own name when the notice uses one of its names; otherwise by
    # the notice's own words ("Các Sở, ngành, UBND cấp xã và các đơn vị có liên quan")
    alone = len(owner.assignees) == 1 and not owner.others_named
    single = owner.assignees[0].known if alone else None
    if single and directory.known(owner.written_names[0]) != single:
        single = None
    return ProposedTask(
        ref=ref,
        assignee=single.canonical if single else owner.assignees_written,
        assignee_kind=GROUP,
        text=instruction,
        members=members,
        coordinating=coordinating,
    )


def agency_task(
    lead: NameMatch, written: str, ref: str, instruction: str, coordinating: list[str]
) -> ProposedTask:
    catalogued = lead.catalogued if lead.known is None else None
    plural = catalogued.kind == GROUP if catalogued else _PLURAL.search(fold(written))
    if lead.known is None and plural:
        return ProposedTask(ref, written, GROUP, instruction, coordinating=coordinating)
    if lead.known is None:
        # a body outside this province's directory goes by the notice's words ("Bộ trưởng
        # Bộ Xây dựng", "Công an Thành phố"), for the reviewer to map
        name = _COMRADE.sub("", written)
        return ProposedTask(
            ref=ref,
            assignee=name,
            assignee_kind=AGENCY,
            text=instruction,
            coordinating=coordinating,
            unknown_assignee=True,
            notes=[_outside_the_directory(name, catalogued)],
        )
    canonical = lead.known.canonical
    return ProposedTask(
        ref=ref,
        assignee=canonical,
        assignee_kind=AGENCY,
        text=instruction,
        coordinating=[name for name in coordinating if name != canonical],
    )


def _outside_the_directory(name: str, catalogued: KnownName | None) -> str:
    if catalogued is None:
        return f"Cơ quan “{name}” chưa có trong danh bạ"
    known_as = "" if fold(catalogued.canonical) == fold(name) else f" (“{catalogued.canonical}”)"
    return f"“{name}”{known_as} có trong danh mục cơ quan toàn quốc, chưa có trong danh bạ"


def table_tasks(
    blocks: list[Block], directory: NameDirectory, skipped: list[SkippedItem]
) -> list[ProposedTask]:
    """Tasks from the rows of task tables, wherever they stand (often in an appendix); a row
    whose lead cell names no body is kept as skipped."""
    tasks: list[ProposedTask] = []
    for row in task_rows(blocks):
        tasks += row_tasks(row, f"PL.{row.number}", directory, skipped)
    return tasks


def tasks_for(
    owner: Assignment,
    ref: str,
    instruction: str,
    coordinating: list[str],
    directory: NameDirectory,
) -> list[ProposedTask]:
    """The tasks of one instruction for the bodies `owner` names: one task for the
    collectives addressed together ("Các Sở, Ban, ngành; UBND các huyện"), one per body named
    on its own, beside them or alone."""
    named = list(zip(owner.assignees, owner.written_names, strict=True))
    collectives = [(m, w) for m, w in named if _is_collective(m, w)]
    bodies = [(m, w) for m, w in named if not _is_collective(m, w)]
    tasks = [agency_task(m, w, ref, instruction, coordinating) for m, w in bodies]
    if collectives and bodies:
        together = replace(
            owner,
            assignees=[m for m, _ in collectives],
            written_names=[w for _, w in collectives],
            assignees_written=", ".join(w for _, w in collectives),
            others_named=True,
        )
        tasks.append(group_task(together, ref, instruction, coordinating, directory))
    elif collectives:
        tasks.append(group_task(owner, ref, instruction, coordinating, directory))
    return tasks


def _is_collective(match: NameMatch, written: str) -> bool:
    if match.known is not None:
        return match.known.kind == GROUP
    if match.catalogued is not None:
        return match.catalogued.kind == GROUP
    return bool(_PLURAL.search(fold(written)))


def leads_in_cell(cell: str, directory: NameDirectory) -> list[Assignment]:
    """The bodies a lead cell names, part after part ("Trung tâm Chuyển đổi số; các đơn vị
    có hệ thống thông tin", "Các Cục: ...; ... . Vụ Kế hoạch, Tài chính"); a collective the
    directory does not hold is a group named as written."""
    found: list[Assignment] = []
    remaining = cell.strip(" ;.,")
    while remaining:
        lead = read_assignment(remaining, directory, names_only=True)
        if lead.assignees:
            found.append(lead)
            rest = lead.instruction
        else:
            part = _CELL_PART.match(remaining)
            rest = remaining[part.end() :] if part else ""
            collective = collective_heading(part.group(1)) if part else None
            if collective is not None:
                found.append(collective)
        remaining = rest.strip(" ;.,") if len(rest) < len(remaining) else ""
    return found


def row_tasks(
    row: TableRow, ref: str, directory: NameDirectory, skipped: list[SkippedItem]
) -> list[ProposedTask]:
    """The tasks of a table row or a task card: one per lead body, or one for a group; a row
    that names no lead is kept as skipped."""
    if not row.text:
        return []
    leads = leads_in_cell(row.lead, directory)
    if not leads:
        skipped.append(SkippedItem(ref, row.text, SkipReason.NO_BODY))
        return []
    coordinating = names_in_cell(row.coordinating, directory)
    made: list[ProposedTask] = []
    for lead in leads:
        made += tasks_for(lead, ref, row.text, coordinating, directory)
    for task in made:
        task.deadline_source = row.deadline or None
    return made
