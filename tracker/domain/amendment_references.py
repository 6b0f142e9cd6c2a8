"""Where a document changes earlier ones: "sửa đổi, bổ sung mục 3 Thông báo số 473/TB-VPUBND",
"bãi bỏ điểm b khoản 2 Kết luận số 12-KL/TU", "thay thế Công văn số 1520/UBND-KGVX", "tạm dừng
thực hiện nhiệm vụ 4 tại Thông báo số 98/TB-UBND". Each reference gives what is done, the
earlier document's kind and number as written, and the items it names (none: the whole
document). Read on the folded text, quoted from the original."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.domain.text import fold_with_positions

ACTIONS = {
    "sua doi": "amend",
    "bo sung": "amend",
    "dieu chinh": "amend",
    "gia han": "amend",
    "thay the": "replace",
    "bai bo": "cancel",
    "huy bo": "cancel",
    "thu hoi": "cancel",
    "dung thuc hien": "cancel",
    "tam dung": "pause",
    "tam ngung": "pause",
}
ACTION_LABELS = {
    "amend": "Sửa đổi, bổ sung",
    "replace": "Thay thế",
    "cancel": "Bãi bỏ, dừng thực hiện",
    "pause": "Tạm dừng thực hiện",
}
_VERB = "|".join(sorted(ACTIONS, key=len, reverse=True))
_KIND = r"thong bao|ket luan|quyet dinh|cong van|chi thi|ke hoach|nghi quyet|van ban"
_REFERENCE = re.compile(
    rf"\b(?P<verb>{_VERB})\b(?P<between>[^.;\n]{{0,160}}?)\b(?P<kind>{_KIND})\s+"
    r"(?:so\s+)?(?P<number>\d+[0-9a-z./-]*[0-9a-z])"
)
_ITEM = re.compile(r"\b(?:muc|diem|khoan|nhiem vu)\s+(?P<ref>[0-9ivx]+(?:\.\d+)*[a-d]?)\b")
_AFTER = re.compile(r"[^.;\n]{0,80}")


@dataclass(frozen=True)
class Reference:
    action: str  # "amend", "replace", "cancel" or "pause"
    kind: str  # the earlier document's kind, as written: "Thông báo"
    number: str  # as written: "473/TB-VPUBND"
    items: tuple[str, ...]  # the items named: ("3", "4.1"); none for the whole document
    phrase: str  # the words that say it

    @property
    def action_label(self) -> str:
        return ACTION_LABELS[self.action]


def find_references(text: str) -> list[Reference]:
    """Every change of an earlier document the text announces, in order, each once."""
    folded, positions = fold_with_positions(text)
    found: dict[tuple[str, str, tuple[str, ...]], Reference] = {}
    for match in _REFERENCE.finditer(folded):
        after = _AFTER.match(folded, match.end())
        tail = after.group() if after else ""
        items = tuple(
            dict.fromkeys(m["ref"] for m in _ITEM.finditer(match["between"] + " " + tail))
        )

        def original(start: int, end: int) -> str:
            return text[positions[start] : positions[end]]

        reference = Reference(
            action=ACTIONS[match["verb"]],
            kind=original(*match.span("kind")),
            number=original(*match.span("number")),
            items=items,
            phrase=original(match.start(), match.end()),
        )
        found.setdefault((reference.action, reference.number, items), reference)
    return list(found.values())
