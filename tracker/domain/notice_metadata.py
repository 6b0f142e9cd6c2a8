"""A notice's identity from its header and signature: number, place, date, kind, title,
signer (Nghị định 30/2020 layout)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from tracker.domain.notice_blocks import Block
from tracker.domain.notice_signature import read_signer
from tracker.domain.text import fold

_NUMBER = re.compile(
    r"(?:^|(?<=[\s|>]))S[ốỐoO]\s*:\s*(\d{1,6})\s*/\s*((?:\d{4}/)?[A-ZĐ0-9&.]+(?:\s*[-–/]\s*[A-ZĐ0-9&.]+)*)"
)
_CAPITALISED_WORD = r"[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ][^\s,|]*"
_PLACE_DATE = re.compile(
    rf"({_CAPITALISED_WORD}(?:\s+-?\s*{_CAPITALISED_WORD}){{0,4}})\s*,\s*"
    r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})"
)
KIND_WORDS = {
    "thong bao": "thong_bao",
    "chi thi": "chi_thi",
    "ke hoach": "ke_hoach",
    "quyet dinh": "quyet_dinh",
    "cong van": "cong_van",
}
_TYPE_CODES = {"TB": "thong_bao", "CT": "chi_thi", "KH": "ke_hoach", "QD": "quyet_dinh"}
# Type codes of Nghị định 30/2020 for kinds of documents the product does not track.
_OTHER_TYPE_CODES = {
    "NQ",
    "QC",
    "QYD",
    "HD",
    "CTR",
    "PA",
    "DA",
    "BC",
    "BB",
    "TTR",
    "HDO",
    "CD",
    "GUQ",
    "GM",
    "GGT",
    "GNP",
    "PG",
    "PC",
    "PB",
    "KL",
    "TC",
}
_SIGNATURE_TITLES = re.compile(
    r"^((kt|tl|tm|q)\.|chu tich|pho chu tich|chanh van phong|pho chanh van phong|"
    r"giam doc|pho giam doc|truong ban|uy ban nhan dan|ubnd|van phong|noi nhan|\(da ky\)|"
    r"\(ky\)|- ?luu)"
)


@dataclass(frozen=True)
class NoticeHeader:
    number: str | None
    issued_on: date | None
    place: str | None
    kind: str | None
    title: str | None
    signer: str | None
    date_problem: str | None
    body_start: int  # index of the first block after the title


def read_header(blocks: list[Block]) -> NoticeHeader:
    """Read what the header and the signature block say; missing parts are None."""
    head = blocks[:12]
    number = _number(head)
    issued_on, place, date_problem = _place_and_date(head)
    kind_index, kind = _kind_heading(head)
    title_index = kind_index + 1 if kind_index is not None else _summary_line(head)
    title = (
        blocks[title_index].text if title_index is not None and title_index < len(blocks) else None
    )
    if kind_index is None:
        kind = _kind_from_number(number)
    return NoticeHeader(
        number=number,
        issued_on=issued_on,
        place=place,
        kind=kind,
        title=title,
        signer=read_signer(blocks),
        date_problem=date_problem,
        body_start=(title_index + 1) if title_index is not None else _after_date(head),
    )


def _number(blocks: list[Block]) -> str | None:
    for block in blocks:
        match = _NUMBER.search(block.text)
        if match:
            suffix = re.sub(r"\s+", "", match.group(2)).replace("–", "-")
            return f"{match.group(1)}/{suffix}"
    return None


def _place_and_date(blocks: list[Block]) -> tuple[date | None, str | None, str | None]:
    for block in blocks:
        match = _PLACE_DATE.search(block.text)
        if match:
            day, month, year = (int(match.group(i)) for i in (2, 3, 4))
            place = match.group(1).strip(" ,")
            try:
                return date(year, month, day), place, None
            except ValueError:
                return None, place, f"Ngày ban hành {day}/{month}/{year} không có thật"
    return None, None, None


def _after_date(blocks: list[Block]) -> int:
    for index, block in enumerate(blocks):
        if _PLACE_DATE.search(block.text):
            return index + 1
    return 0


def _kind_heading(blocks: list[Block]) -> tuple[int | None, str | None]:
    """The heading that names the document's kind ("THÔNG BÁO", "CHỈ THỊ", "BÁO CÁO"): a
    short line in capitals; kinds the product does not track give None."""
    for index, block in enumerate(blocks):
        text = block.text.strip(" .:")
        short_capitals = 1 <= len(text.split()) <= 3 and text.upper() == text
        is_word = any(ch.isalpha() for ch in text) and not _NUMBER.search(text)
        if short_capitals and is_word and not _SIGNATURE_TITLES.match(fold(text)):
            return index, KIND_WORDS.get(fold(text))
    return None, None


def _summary_line(blocks: list[Block]) -> int | None:
    """A letter (Công văn) has no kind heading: its summary line starts with "V/v"."""
    for index, block in enumerate(blocks):
        if fold(block.text).startswith(("v/v", "ve viec")):
            return index
    return None


def _kind_from_number(number: str | None) -> str | None:
    """From the type code of the number ("473/TB-VPUBND"); a number with no type code, only
    the issuer's ("1520/UBND-KGVX"), is a letter (Công văn)."""
    if number is None:
        return None
    code = fold(number.split("/", 1)[1].split("-", 1)[0]).upper()
    if code in _TYPE_CODES:
        return _TYPE_CODES[code]
    return None if code in _OTHER_TYPE_CODES else "cong_van"
