"""Quiet hours: messages that ring a phone (Zalo, SMS) wait for the morning when written at
night, in Vietnam time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from tracker.domain.calendar import VIETNAM


@dataclass(frozen=True)
class QuietHours:
    start: time  # e.g. 21:00
    end: time  # e.g. 07:00, the next morning when before start

    @classmethod
    def parse(cls, spec: str) -> QuietHours | None:
        """ "21:00-07:00" -> QuietHours; "" or "off" -> None (no quiet hours)."""
        spec = spec.strip().lower()
        if spec in ("", "off", "none"):
            return None
        start, _, end = spec.partition("-")
        return cls(time.fromisoformat(start.strip()), time.fromisoformat(end.strip()))

    def is_quiet(self, moment: datetime) -> bool:
        local = moment.astimezone(VIETNAM).time()
        if self.start <= self.end:
            return self.start <= local < self.end
        return local >= self.start or local < self.end

    def send_after(self, moment: datetime) -> datetime | None:
        """None when a message may go now; else the end of the quiet hours, in UTC."""
        if not self.is_quiet(moment):
            return None
        local = moment.astimezone(VIETNAM)
        end = datetime.combine(local.date(), self.end, tzinfo=VIETNAM)
        if end <= local:
            end += timedelta(days=1)
        return end.astimezone(UTC)
