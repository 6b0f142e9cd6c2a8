"""The province's one on-time rate, used by the reports, the dashboard, the scorecard and the
API alike (DESIGN.md, "Status").

**Tỷ lệ hoàn thành đúng hạn** = (hoàn thành trước hạn + hoàn thành đúng hạn) ÷ the tasks whose
result against their deadline is known: those completed (before, on or after the deadline)
and those overdue without being completed. A task still within its deadline has no result
yet, and a task without a deadline (thường xuyên) has none to meet: neither is in the base.
A recurring task counts once per occurrence. With nothing in the base there is no rate, and
it is written "—", never 0 %.

Every screen finds a task's status the same way (`tracker.domain.status.task_status` and its
SQL twin). The scorecard alone measures against the deadline as first assigned and sets
delays excused for an objective reason apart, so its ratio has a name of its own,
`ORIGINAL_DEADLINE_RATE`; the reports' other percentages are shares of the total they name.
"""

from __future__ import annotations

from dataclasses import dataclass

from tracker.domain.formatting import vn_percent

ON_TIME_RATE = "Tỷ lệ hoàn thành đúng hạn"
ON_TIME_RATE_BASE = "nhiệm vụ đã hoàn thành hoặc đã quá hạn"
ORIGINAL_DEADLINE_RATE = "Tỷ lệ đúng hạn theo hạn ban đầu"


@dataclass(frozen=True)
class OnTimeRate:
    on_time: int  # completed before or on the deadline
    base: int  # completed, or overdue

    @property
    def value(self) -> float | None:
        """The share, 0 to 1; None when nothing is in the base."""
        return self.on_time / self.base if self.base else None

    @property
    def text(self) -> str:
        """ "87,27%", or "—" when nothing is in the base."""
        return vn_percent(self.on_time, self.base)


def on_time_rate(on_time: int, late: int, overdue: int) -> OnTimeRate:
    """The rate of tasks completed on time (before or on the deadline), completed late and
    overdue."""
    return OnTimeRate(on_time, on_time + late + overdue)
