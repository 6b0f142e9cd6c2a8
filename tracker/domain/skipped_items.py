"""Items of a notice that carry an instruction cue but yield no task, kept with the reason so
that the reviewer sees them: nothing a notice says is dropped silently."""

from __future__ import annotations

import re
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


_CUE = re.compile(
    r"\b(giao|de nghi|yeu cau|chu tri|khan truong|tham muu|chi dao|bao cao|trien khai|"
    r"to chuc thuc hien|chiu trach nhiem|phan cong)\b"
)
_APPROVAL = re.compile(r"^(dong y|thong nhat|chap thuan|ghi nhan|bieu duong|danh gia cao)\b")
_PROVINCE = re.compile(
    r"^((chu tich |pho chu tich )?(ubnd|uy ban nhan dan) (tinh|thanh pho)|thu tuong|"
    r"pho thu tuong|chinh phu|van phong (chinh phu|ubnd|uy ban nhan dan))( \w+){0,3} "
    r"(se|da|dong y|giao|yeu cau|chi dao|ket luan)\b"
)
_STATEMENT = re.compile(r"\b(da|dang|vua|duoc)\b")


def is_approval(folded: str) -> bool:
    """Whether folded text opens with an approval or a commendation ("Đồng ý chủ trương ...",
    "Thống nhất ...", "Ghi nhận, biểu dương ...") rather than an instruction."""
    return bool(_APPROVAL.match(folded))


def has_instruction_cue(folded: str) -> bool:
    """Whether folded text reads like an instruction (a cue word of assignment)."""
    return bool(_CUE.search(folded))


def skip_reason(folded: str, *, closing: bool = False) -> SkipReason:
    """Why a cued item gave no task, from its folded text."""
    if closing:
        return SkipReason.CLOSING
    if is_approval(folded):
        return SkipReason.APPROVAL
    if _PROVINCE.match(folded):
        return SkipReason.PROVINCE
    head = " ".join(folded.split()[:12])
    if _STATEMENT.search(head) and not folded.startswith(("giao", "de nghi", "yeu cau")):
        return SkipReason.STATEMENT
    return SkipReason.NO_BODY
