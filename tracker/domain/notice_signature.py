"""The signer of a notice: the person's name under the signature block at its end
("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / (Đã ký) / Nguyễn Văn A"), never a line of the "Nơi nhận"
list that a layout often prints beside it, in a table or in columns of spaces."""

from __future__ import annotations

import re

from tracker.domain.notice_blocks import Block
from tracker.domain.text import fold

_UPPER = "A-ZĐÂĂÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ"
# What signs: "KT." (on behalf of), "TM." (for the body), "TL."/"TUQ." (by delegation),
# "Q." (acting) before an office, or an office written in capitals.
_SIGNING_FOR = r"(?:KT|TM|TL|TUQ|TTL|Q)\.\s*"
_OFFICES = (
    "CHỦ TỊCH",
    "BỘ TRƯỞNG",
    "THỨ TRƯỞNG",
    "CHỦ NHIỆM",
    "THỦ TƯỚNG",
    "CHÁNH VĂN PHÒNG",
    "GIÁM ĐỐC",
    "TRƯỞNG BAN",
    "CỤC TRƯỞNG",
    "VỤ TRƯỞNG",
    "CHÁNH THANH TRA",
    "TRƯỞNG ĐOÀN",
    "BÍ THƯ",
)
_TITLE_START = re.compile(
    rf"(?<![\w.])(?:{_SIGNING_FOR}[{_UPPER}]{{2}}|(?:PHÓ |TỔNG )?(?:{'|'.join(_OFFICES)})(?!\w))"
)
_CAPITALS_WORD = re.compile(rf"[{_UPPER}0-9.,&()-]*[{_UPPER}][{_UPPER}0-9.,&()-]*")
_NAME_WORD = re.compile(rf"[{_UPPER}][^\W\d_]*")
# A block is cut where a layout puts columns side by side (a table cell, a line break kept
# as <br>, a run of spaces) and at "(Đã ký)", which may share a line with the name.
_COLUMN_BREAK = re.compile(r"\s*(?:\||<br\s*/?>|[(\[]\s*(?i:đã ký|ký)[^)\]]*[)\]])\s*|\s{3,}")
_SEALED = re.compile(r"^[(\[]?\s*(?:đã ký|ký|đã ký và đóng dấu|ký tên, đóng dấu)\s*[)\]]?$")
# Words that open the name of a body, not of a person ("Bộ Công An", "Sở Tài Chính").
_BODY_WORDS = {"bo", "so", "ban", "cuc", "vu", "phong", "uy", "ubnd", "van", "trung", "tong",
               "vien", "chi", "thanh", "tinh", "huyen", "xa", "phuong", "quan", "cong", "bao",
               "dai", "kho", "ngan", "tap", "hoi", "dang", "thuong", "cac", "nhu"}  # fmt: skip
_RECEIVED = "noi nhan"
# How far the signature may sit from the "Nơi nhận" heading, in blocks.
_BEFORE_RECEIVED, _AFTER_RECEIVED = 3, 40


def read_signer(blocks: list[Block]) -> str | None:
    """The signer's name. The signature sits beside or after the last "Nơi nhận" list (a
    layout may print its title a line above); with no such list, the last signature of the
    notice counts. None when no title in capitals is followed by a person's name."""
    received = [i for i, b in enumerate(blocks) if _opens_received(b)]
    if received:
        start = max(0, received[-1] - _BEFORE_RECEIVED)
        names = _names_under_titles(blocks[start : received[-1] + _AFTER_RECEIVED])
        return next(iter(names), None)
    return next(reversed(_names_under_titles(blocks)), None)


def _opens_received(block: Block) -> bool:
    return fold(block.text.strip(" |*_"))[:12].startswith(_RECEIVED)


def _names_under_titles(blocks: list[Block]) -> list[str]:
    """Each name that follows a signing title, reading the blocks' columns in order; lines
    of a recipient list ("- Bộ Công an;") and "(Đã ký)" in between are passed over."""
    names: list[str] = []
    after_title = False
    for piece in _pieces(blocks):
        title_at = _TITLE_START.search(piece)
        if title_at:
            rest = _after_capitals(piece[title_at.start() :])
            name = _name(rest)
            if name:
                names.append(name)
            after_title = not rest or name is None and _is_passed_over(rest)
            continue
        if not after_title or _is_passed_over(piece):
            continue
        name = _name(piece)
        if name:
            names.append(name)
        after_title = False
    return names


def _pieces(blocks: list[Block]) -> list[str]:
    pieces: list[str] = []
    for block in blocks:
        plain = re.sub(r"\*\*|__|(?<!\w)\*|\*(?!\w)|^#+\s*", "", block.raw_text)
        pieces.extend(p.strip() for p in _COLUMN_BREAK.split(plain) if p.strip())
    return pieces


def _after_capitals(text: str) -> str:
    """What follows the run of words in capitals a title starts with."""
    words = text.split()
    for index, word in enumerate(words):
        if not _CAPITALS_WORD.fullmatch(word):
            return " ".join(words[index:])
    return ""


def _is_passed_over(piece: str) -> bool:
    """A recipient line, "(Đã ký)", or another line of the title ("PHÓ CHỦ TỊCH")."""
    folded = piece.strip().lower()
    return (
        piece.startswith(("-", "+", "•", "–"))
        or fold(piece).startswith(_RECEIVED)
        or bool(_SEALED.match(folded))
        or piece.upper() == piece
        and _name(piece) is None
    )


def _name(piece: str) -> str | None:
    """A person's name: two to six capitalised words and nothing else, not all of them
    written in capitals unless the whole line is ("NGUYỄN VĂN A"), not opening with the
    word of a body ("Bộ", "Sở", "Ủy ban")."""
    words = piece.strip(" .").split()
    if not 2 <= len(words) <= 6 or not all(_NAME_WORD.fullmatch(w) for w in words):
        return None
    if fold(words[0]) in _BODY_WORDS or _TITLE_START.search(piece):
        return None
    return " ".join(words)
