"""The agency scorecard of a month, a quarter or a year, for emulation rankings (thi đua) and
the evaluation of agency heads under Nghị định 335/2025; the same counts per officer inside an
agency, for its head.

Which tasks count: the tasks an agency leads whose deadline *as first assigned* falls in the
period; each task counts once, in the period it was due. Tasks without a deadline (thường
xuyên) are out. Results are known up to today, so a task due in March and finished in April
shows on the March scorecard as done late, not as overdue.

Each task falls in one column (`scorecard_outcome`), measured against the original deadline:
- Đúng hạn: completed on or before it (trước hạn counts as đúng hạn);
- Trễ hạn: completed after it;
- Quá hạn: not completed and the deadline has passed;
- Trễ có lý do khách quan: late or overdue, but an extension was approved for an objective
  reason and the task is within the approved deadline (completed by it, or it has not passed).
  Such a delay is shown apart and not penalised. A task late even against the approved
  deadline is an ordinary delay again: the reason covered the delay up to that date, no more.
  An extension without an objective reason does not help: the original deadline governs;
- chưa đến hạn: not completed, deadline not passed yet (only in a period still running).

Score = on-time × points per on-time task − late × penalty per late task − overdue × penalty
per overdue task; excused delays and tasks not yet due weigh nothing. The weights are set by
the admin. Rank: higher score first; equal scores share a rank (1, 2, 2, 4) and are listed by
name. "Tỷ lệ đúng hạn theo hạn ban đầu" = on-time ÷ (on-time + late + overdue): the formula
of the province's on-time rate (`tracker.domain.outcomes`), against the original deadline and
with excused delays left out, hence its own name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from tracker.domain.formatting import vn_number
from tracker.domain.labels import LabelledEnum
from tracker.domain.outcomes import OnTimeRate, on_time_rate
from tracker.domain.periods import Period, period_containing
from tracker.domain.status import is_paused
from tracker.domain.text import fold

SCORECARD_KINDS = {"monthly": "Theo tháng", "quarterly": "Theo quý", "annual": "Theo năm"}


class Outcome(LabelledEnum):
    """Where one task stands on the scorecard."""

    ON_TIME = "dung_han", "Đúng hạn"
    LATE = "tre_han", "Trễ hạn"
    OVERDUE = "qua_han", "Quá hạn"
    EXCUSED = "khach_quan", "Trễ có lý do khách quan"
    PENDING = "chua_den_han", "Chưa đến hạn"


def scorecard_outcome(
    original_deadline: date,
    deadline: date,
    completed_on: date | None,
    objective_extension: bool,
    today: date,
    paused_until: date | None = None,
) -> Outcome:
    """The task's column. `deadline` is the current one (the approved extension, if any);
    `objective_extension` says an approved extension had an objective reason; a task paused
    by a later document is not yet due while the pause lasts."""
    if completed_on is not None:
        if completed_on <= original_deadline:
            return Outcome.ON_TIME
        excused = objective_extension and completed_on <= deadline
        return Outcome.EXCUSED if excused else Outcome.LATE
    if today <= original_deadline or is_paused(paused_until, today):
        return Outcome.PENDING
    excused = objective_extension and today <= deadline
    return Outcome.EXCUSED if excused else Outcome.OVERDUE


@dataclass(frozen=True)
class ScoreWeights:
    """Points per on-time task and penalties per late and per overdue task (non-negative)."""

    on_time: float = 1.0
    late: float = 0.5
    overdue: float = 1.0


@dataclass(frozen=True)
class AgencyCounts:
    """An agency's tasks due in the period, by outcome."""

    agency_id: int
    agency: str
    due: int = 0
    on_time: int = 0
    late: int = 0
    overdue: int = 0
    excused: int = 0

    @property
    def pending(self) -> int:
        return self.due - self.on_time - self.late - self.overdue - self.excused

    @property
    def assessed(self) -> int:
        """Tasks whose result is known and counts: on time, late or overdue."""
        return self.on_time + self.late + self.overdue

    @property
    def on_time_rate(self) -> OnTimeRate:
        """The province's rate formula, against the original deadline, excused delays out."""
        return on_time_rate(self.on_time, self.late, self.overdue)


@dataclass(frozen=True)
class OfficerRow:
    """One officer's tasks due in the period, by outcome (no score: officers are not ranked
    against each other here)."""

    name: str
    counts: AgencyCounts

    @property
    def on_time_rate(self) -> str:
        return self.counts.on_time_rate.text


@dataclass(frozen=True)
class ScoreRow:
    counts: AgencyCounts
    score: float
    rank: int

    @property
    def on_time_rate(self) -> str:
        """The share on time against the original deadline, "87,27%"; "—" when nothing was
        assessed yet. The province's on-time rate, counted against the deadline in force."""
        return self.counts.on_time_rate.text

    @property
    def score_text(self) -> str:
        return format_points(self.score)


def score(counts: AgencyCounts, weights: ScoreWeights) -> float:
    """The formula of the module docstring, rounded to hundredths."""
    points = (
        counts.on_time * weights.on_time
        - counts.late * weights.late
        - counts.overdue * weights.overdue
    )
    return round(points, 2) + 0.0  # + 0.0 turns -0.0 into 0.0


def rank(agencies: Iterable[AgencyCounts], weights: ScoreWeights) -> list[ScoreRow]:
    """Rows best first; equal scores share a rank and are listed by name."""
    scored = [(score(counts, weights), counts) for counts in agencies]
    scored.sort(key=lambda pair: (-pair[0], fold(pair[1].agency), pair[1].agency_id))
    rows: list[ScoreRow] = []
    for position, (points, counts) in enumerate(scored, 1):
        shared = rows and rows[-1].score == points
        rows.append(ScoreRow(counts, points, rows[-1].rank if shared else position))
    return rows


def format_points(value: float) -> str:
    """A weight or a score as Vietnamese write it: 2, 0,5, -1,25."""
    text = vn_number(value, 2)
    return text.rstrip("0").rstrip(",") if "," in text else text


def formula_text(weights: ScoreWeights) -> str:
    """The formula with the weights in force, as the page and the workbook state it."""
    return (
        f"Điểm = {format_points(weights.on_time)} × số nhiệm vụ đúng hạn"
        f" − {format_points(weights.late)} × số nhiệm vụ trễ hạn"
        f" − {format_points(weights.overdue)} × số nhiệm vụ quá hạn;"
        " trễ hạn có lý do khách quan được ghi riêng, không bị trừ điểm."
    )


def recent_periods(today: date, kind: str, count: int) -> list[Period]:
    """The period of `kind` containing today, then the `count - 1` before it."""
    periods = [period_containing(today, kind)]
    while len(periods) < count:
        periods.append(periods[-1].previous())
    return periods
