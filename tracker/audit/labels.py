"""How each kind of event reads on a task's timeline."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any, Protocol, TypeVar

from tracker.domain.formatting import vn_date

EVENT_LABELS = {
    "notice.published": "Văn bản được ban hành, nhiệm vụ được giao",
    "notice.draft_deleted": "Xóa bản nháp văn bản",
    "task.progress_reported": "Báo cáo tiến độ",
    "task.evidence_added": "Bổ sung minh chứng",
    "task.evidence_withdrawn": "Rút minh chứng",
    "task.submitted": "Báo cáo hoàn thành, chờ xác nhận",
    "task.accepted": "Văn phòng UBND xác nhận hoàn thành",
    "task.contributed": "Cơ quan phối hợp gửi kết quả phối hợp",
    "task.returned": "Văn phòng UBND trả lại để thực hiện lại",
    "task.extension_requested": "Đề nghị gia hạn",
    "task.extension_approved": "Gia hạn được chấp thuận",
    "task.extension_rejected": "Gia hạn không được chấp thuận",
    "task.declined": "Cơ quan đề nghị giao cơ quan khác (không thuộc thẩm quyền)",
    "task.reassigned": "Giao lại cho cơ quan khác",
    "task.insisted": "Văn phòng UBND đề nghị tiếp tục thực hiện",
    "task.explanation_requested": "Lãnh đạo yêu cầu giải trình",
    "task.explanation_answered": "Cơ quan gửi giải trình",
    "task.explanation_reviewed": "Đã xem xét giải trình",
    "task.officer_assigned": "Phân công chuyên viên thực hiện",
    "task.agency_merged": "Chuyển cho cơ quan kế thừa do sáp nhập cơ quan",
    "task.agency_split": "Chuyển cho cơ quan kế thừa do chia tách cơ quan",
    "task.amended.deadline": "Điều chỉnh thời hạn",
    "task.amended.lead": "Đổi cơ quan chủ trì",
    "task.amended.coordinators": "Đổi cơ quan phối hợp",
    "task.amended.text": "Sửa nội dung nhiệm vụ",
    "task.amended.pause": "Tạm dừng thực hiện",
    "task.amended.cancel": "Hủy, dừng thực hiện nhiệm vụ",
    "task.amended.replace": "Thay thế bằng nhiệm vụ khác",
}


def event_label(action: str) -> str:
    return EVENT_LABELS.get(action, action)


def event_details(before: Mapping[str, Any] | None, after: Mapping[str, Any] | None) -> list[str]:
    """What an event decided and why, in the words of the timeline: the reason, the note, the
    dates and the document it names. Keys an event does not carry are skipped."""
    before, after = before or {}, after or {}
    details = []
    for key, words in _DETAIL_WORDS.items():
        value = after.get(key)
        if value in (None, "", False):
            continue
        details.append(words(value) if callable(words) else f"{words}: {value}")
    if "deadline" in before and before.get("deadline") != after.get("deadline"):
        details.insert(0, f"Hạn xử lý: {_day(before['deadline'])} → {_day(after.get('deadline'))}")
    return details


def _day(value: object) -> str:
    return vn_date(date.fromisoformat(value)) if isinstance(value, str) else "không có"


_DETAIL_WORDS: dict[str, str | Callable[[Any], str]] = {
    "reason": "Lý do",
    "question": "Nội dung yêu cầu",
    "answer": "Giải trình",
    "note": "Ý kiến",
    "decision_note": "Ý kiến",
    "requested_deadline": lambda day: f"Đề nghị gia hạn đến {_day(day)}",
    "answer_by": lambda day: f"Hạn giải trình: {_day(day)}",
    "approving_document": "Văn bản",
    "objective_reason": lambda _: "Chậm do nguyên nhân khách quan",
    "lead_agency": "Giao cho",
    "file_name": "Tệp",
    "cited_number": "Văn bản số",
    "officer": "Chuyên viên",
}


# Decisions that stand on a task until its next step: shown at the top of its page.
STANDING_DECISIONS = frozenset(
    {"task.returned", "task.declined", "task.insisted", "task.extension_rejected"}
)
NEXT_STEPS = frozenset(
    {
        "task.submitted",
        "task.accepted",
        "task.reassigned",
        "task.extension_requested",
        "task.extension_approved",
    }
)


class _Action(Protocol):
    action: str


E = TypeVar("E", bound=_Action)


def standing_decision(events: Sequence[E]) -> E | None:
    """The latest return, decline, insistence or refused extension, unless the task has
    moved on since (handed in again, reassigned, a new extension asked)."""
    for event in reversed(events):
        if event.action in STANDING_DECISIONS:
            return event
        if event.action in NEXT_STEPS:
            return None
    return None
