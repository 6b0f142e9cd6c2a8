"""What waits for the office or a leader on a task, in the order their queue shows it."""

from __future__ import annotations

from tracker.domain.labels import LabelledEnum


class Waiting(LabelledEnum):
    SUBMITTED = "cho_xac_nhan", "Chờ xác nhận hoàn thành"
    EXTENSION = "cho_gia_han", "Đề nghị gia hạn chờ quyết định"
    DECLINED = "de_nghi_giao_lai", "Cơ quan đề nghị giao cơ quan khác"
    EXPLAINED = "giai_trinh_moi", "Giải trình đã gửi, chờ xem xét"


# Who decides each: the office for all of them; a leader for extensions and explanations.
LEADER_WAITING = (Waiting.EXTENSION, Waiting.EXPLAINED)


def waiting_for(role: str) -> tuple[Waiting, ...]:
    """What waits for a user of the role (a `tracker.auth.models.Role` value)."""
    if role in ("secretariat", "admin"):
        return tuple(Waiting)
    return LEADER_WAITING if role == "leader" else ()
