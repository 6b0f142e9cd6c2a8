"""Items of a notice that carry an instruction cue but yield no task, kept with the reason so
that the reviewer sees them: nothing a notice says is dropped silently."""

from __future__ import annotations

from dataclasses import dataclass

from tracker.domain.labels import LabelledEnum


class SkipReason(LabelledEnum):
    """Why an item that reads like an instruction gave no task."""

    APPROVAL = "approval", "Ý kiến đồng ý, chấp thuận, thống nhất"
    STATEMENT = "statement", "Nêu sự việc, kết quả, không giao việc"
    CLOSING = "closing", "Câu kết thúc văn bản"
    NO_BODY = "no_body", "Không nhận ra cơ quan được giao"
    PROVINCE = "province", "Cơ quan ban hành tự thực hiện"


@dataclass(frozen=True)
class SkippedItem:
    """One skipped item: where it stands in the outline, its text as written, and why."""

    ref: str
    text: str
    reason: SkipReason
