"""The brief the secretariat prints before the leaders' weekly meeting: for each agency, its
overdue tasks and those falling due before the next meeting, with what stands against each,
on one A4 page at most (the rest is counted, and listed in the app)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from tracker.domain.formatting import sentence_case, vn_date, vn_number
from tracker.domain.text import fold, shorten

DEFAULT_AHEAD_DAYS = 7  # a week: until the next weekly meeting
MAX_AHEAD_DAYS = 60
# What fits one A4 portrait page in 11 pt under the agency's heading.
LINES_PER_AGENCY = 5
TEXT_CHARS = 140
SITUATION_CHARS = 140
BRIEF_HEADERS = ("STT", "Văn bản", "Nội dung", "Hạn xử lý", "Tình trạng", "Tình hình, giải trình")


@dataclass(frozen=True)
class BriefTask:
    """An open task with a deadline, as the brief needs it."""

    agency: str
    notice: str
    ref: str
    text: str
    deadline: date
    task_id: int
    situation: str = ""


@dataclass(frozen=True)
class BriefLine:
    task: BriefTask
    days: int  # overdue by (> 0), or left until the deadline (<= 0 counts down to today)

    @property
    def overdue(self) -> bool:
        return self.days > 0

    @property
    def when(self) -> str:
        if self.days > 0:
            return f"Quá hạn {vn_number(self.days)} ngày"
        if self.days == 0:
            return "Đến hạn hôm nay"
        return f"Còn {vn_number(-self.days)} ngày"

    @property
    def text(self) -> str:
        return sentence_case(shorten(self.task.text, TEXT_CHARS))

    @property
    def situation(self) -> str:
        return shorten(self.task.situation, SITUATION_CHARS) or "Chưa có báo cáo, giải trình"


@dataclass(frozen=True)
class AgencyBrief:
    agency: str
    overdue: int
    due_soon: int
    lines: list[BriefLine]  # the most pressing, at most LINES_PER_AGENCY

    @property
    def not_listed(self) -> int:
        return self.overdue + self.due_soon - len(self.lines)


@dataclass(frozen=True)
class MeetingBrief:
    day: date
    ahead_days: int
    leader: str | None  # the leader whose notices it covers; None for all
    agencies: list[AgencyBrief]

    @property
    def overdue(self) -> int:
        return sum(agency.overdue for agency in self.agencies)

    @property
    def due_soon(self) -> int:
        return sum(agency.due_soon for agency in self.agencies)

    @property
    def summary(self) -> str:
        if not self.agencies:
            return (
                f"Không có nhiệm vụ quá hạn hoặc đến hạn trong {vn_number(self.ahead_days)} "
                "ngày tới."
            )
        return (
            f"{vn_number(len(self.agencies))} cơ quan có {vn_number(self.overdue)} nhiệm vụ quá"
            f" hạn và {vn_number(self.due_soon)} nhiệm vụ đến hạn trong "
            f"{vn_number(self.ahead_days)} ngày tới."
        )


def brief_title(brief: MeetingBrief) -> str:
    """ "Nhiệm vụ quá hạn, sắp đến hạn phục vụ họp giao ban (văn bản do Trần Văn Hùng, Phó Chủ
    tịch UBND tỉnh chỉ đạo)"."""
    whose = f" (văn bản do {brief.leader} chỉ đạo)" if brief.leader else ""
    return f"Nhiệm vụ quá hạn, sắp đến hạn phục vụ họp giao ban{whose}"


def brief_cells(number: int, line: BriefLine) -> list[str]:
    """A row of an agency's table, in the order of BRIEF_HEADERS."""
    task = line.task
    notice = f"{task.notice}, mục {task.ref}" if task.ref else task.notice
    return [str(number), notice, line.text, vn_date(task.deadline), line.when, line.situation]


def not_listed_line(agency: AgencyBrief) -> str | None:
    """What the page leaves out, said so, never silently dropped."""
    if not agency.not_listed:
        return None
    return (
        f"Còn {vn_number(agency.not_listed)} nhiệm vụ khác của cơ quan chưa in trong trang này;"
        " xem đầy đủ trong danh sách nhiệm vụ trên hệ thống."
    )


def arrange_brief(
    tasks: Iterable[BriefTask], today: date, ahead_days: int, leader: str | None
) -> MeetingBrief:
    """The agencies with the most overdue tasks first; in each, the longest overdue first,
    then those falling due soonest."""
    by_agency: dict[str, list[BriefLine]] = {}
    for task in tasks:
        line = BriefLine(task, (today - task.deadline).days)
        if line.days >= -ahead_days:
            by_agency.setdefault(task.agency, []).append(line)
    agencies = []
    for agency, lines in by_agency.items():
        lines.sort(key=lambda line: (-line.days, line.task.task_id))
        overdue = sum(1 for line in lines if line.overdue)
        agencies.append(
            AgencyBrief(agency, overdue, len(lines) - overdue, lines[:LINES_PER_AGENCY])
        )
    agencies.sort(key=lambda a: (-a.overdue, -a.due_soon, fold(a.agency)))
    return MeetingBrief(today, ahead_days, leader, agencies)
