"""A notice's identity from its header and signature: number, place, date, kind, title,
signer (Nghị định 30/2020 layout), with the copies found on the web in mind: a legal
database's field table ("Số hiệu:", "Ngày ban hành:") in place of the letterhead, or no
letterhead at all and only the annex saying which document it belongs to."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from tracker.domain.notice_blocks import Block
from tracker.domain.notice_signature import read_signer
from tracker.domain.text import fold

# "287 /TB-UBND", "45/QĐ-UBND-HC", "10/2025/CT-UBND", "220/CĐ-TTg", "11554/VPCP-V.I": each
# part of the code opens with a capital or a digit and ends at a word's end.
_CODE_PART = r"[A-ZĐ0-9][A-Za-zĐđ0-9&.]*(?!\w)"
_NUMBER_BODY = rf"(\d{{1,6}})\s*/\s*((?:\d{{4}}\s*/\s*)?{_CODE_PART}(?:\s*[-–/]\s*{_CODE_PART})*)"
# "Số: 12/TB-UBND", "Số 220/CV-BCĐTW"; a bare "So" only with its colon.
_NUMBER = re.compile(rf"(?:^|(?<=[\s|>(]))(?:S[ốỐ]\s*:?|S[oO]\s*:)\s*{_NUMBER_BODY}")
_KINDS_WRITTEN = r"Công điện|Công văn|Thông báo|Quyết định|Chỉ thị|Kế hoạch|Văn bản"
# "Công điện số 12/CĐ-TTg ..." opening a block of the header (a web copy's title line).
_KIND_AND_NUMBER = re.compile(rf"^(?i:{_KINDS_WRITTEN})\s+(?i:số)\s*:?\s*{_NUMBER_BODY}")
# An annex names the document it belongs to: "(Kèm theo Công văn số 6225/BVHTTDL-VP ngày
# 18/11/2025 của ...)"; a draft leaves the number blank and gives nothing.
_DAY_MONTH_YEAR = r"ngày\s+(\d{1,2})\s*(?:tháng\s+|[/.-]\s*)(\d{1,2})\s*(?:năm\s+|[/.-]\s*)(\d{4})"
_ANNEX_OF = re.compile(
    rf"^\(\s*(?i:kèm theo)\s+(?i:{_KINDS_WRITTEN})\s+(?:(?i:số)\s*:?\s*)?{_NUMBER_BODY}"
    rf"\s*,?\s*{_DAY_MONTH_YEAR}"
)
_CAPITALISED_WORD = r"[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ][^\s,|]*"
# "Hà Nội, ngày 24 tháng 11 năm 2025", "TP. Hồ Chí Minh, ngày ...", "Thành phố Hồ Chí Minh,
# ngày ...", "Đắk Lắk, ngày 17/11/2025".
_PLACE = (
    rf"(?:(?:Thành phố|Thị xã|Tỉnh)\s+)?{_CAPITALISED_WORD}(?:\s(?:-\s)?{_CAPITALISED_WORD}){{0,4}}"
)
_PLACE_DATE = re.compile(rf"(?:^|(?<=[\s|*(]))({_PLACE})\s*,\s*{_DAY_MONTH_YEAR}")
# The field table of a legal database's copy: "Số hiệu: | 4001/UBND-ĐT | Ngày ban hành: | ..."
_FIELD_LABEL = re.compile(r"(?:^|(?<=\s))(Số hiệu|Ngày ban hành|Loại văn bản)\s*:\s*(.*)$")
_FIELD_DATE = re.compile(r"^(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})$")
KIND_WORDS = {
    "thong bao": "thong_bao",
    "chi thi": "chi_thi",
    "ke hoach": "ke_hoach",
    "quyet dinh": "quyet_dinh",
    "cong van": "cong_van",
    "cong dien": "cong_van",  # an urgent dispatch is followed as a letter
}
# A kind heading in capitals, alone or followed by the title on the same line.
_KIND_HEADING = re.compile(r"^(THÔNG BÁO|CHỈ THỊ|KẾ HOẠCH|QUYẾT ĐỊNH|CÔNG ĐIỆN|CÔNG VĂN)(?![\w])")
_TYPE_CODES = {"TB": "thong_bao", "CT": "chi_thi", "KH": "ke_hoach", "QD": "quyet_dinh",
               "CD": "cong_van"}  # fmt: skip
# Type codes of Nghị định 30/2020 for kinds of documents the product does not track.
_OTHER_TYPE_CODES = {"NQ", "QC", "QYD", "HD", "CTR", "PA", "DA", "BC", "BB", "TTR", "HDO", "GUQ",
                     "GM", "GGT", "GNP", "PG", "PC", "PB", "KL", "TC"}  # fmt: skip
_SIGNATURE_TITLES = re.compile(
    r"^((kt|tl|tm|q)\.|chu tich|pho chu tich|chanh van phong|pho chanh van phong|"
    r"giam doc|pho giam doc|truong ban|uy ban nhan dan|ubnd|van phong|noi nhan|\(da ky\)|"
    r"\(ky\)|- ?luu)"
)
# The issuing authority printed after a Quyết định's title ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH").
_AUTHORITY = re.compile(
    r"^(chu tich|pho chu tich|uy ban nhan dan|bo truong|thu tuong|giam doc|truong ban)\b"
)
# Blocks of the header: the letterhead, number, date, kind heading and title come first.
_HEAD_BLOCKS = 12


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


@dataclass(frozen=True)
class _Reference:
    """What an annex says of the document it belongs to."""

    number: str | None
    issued_on: date | None


@dataclass(frozen=True)
class _Found:
    """A header field and the index of the block it was read from."""

    value: str
    index: int


def read_header(blocks: list[Block]) -> NoticeHeader:
    """Read what the header and the signature block say; missing parts are None. The
    letterhead comes first; a legal database's field table, then the annex's "(Kèm theo ...
    số ... ngày ...)", stand in for a number and date it does not give."""
    head = blocks[: _head_end(blocks)]
    fields = _fields(blocks[: 4 * _HEAD_BLOCKS])
    letterhead_number = _number(head)
    issued_on, place, date_problem, date_index = _place_and_date(head)
    annex = _annex_reference(blocks)
    number = (
        letterhead_number.value
        if letterhead_number
        else fields.get("so hieu") or _kind_and_number(head) or annex.number
    )
    if issued_on is None and date_problem is None:
        issued_on = _field_date(fields.get("ngay ban hanh")) or annex.issued_on
    after = max(letterhead_number.index if letterhead_number else -1, date_index)
    kind_index, kind, title, title_end = _kind_and_title(blocks, head, after + 1)
    if kind is None:
        kind = KIND_WORDS.get(fold(fields.get("loai van ban", ""))) or _kind_from_number(number)
    return NoticeHeader(
        number=number,
        issued_on=issued_on,
        place=place,
        kind=kind,
        title=title,
        signer=read_signer(blocks),
        date_problem=date_problem,
        # a letter's date line may follow its "V/v" summary
        body_start=max(title_end or 0, date_index + 1),
    )


def _head_end(blocks: list[Block]) -> int:
    """The end of the header: the first blocks that hold words (table pipes, rules and
    comments of a web copy do not count)."""
    seen = 0
    for index, block in enumerate(blocks):
        seen += any(ch.isalpha() for ch in block.text.replace("<!--", ""))
        if seen >= _HEAD_BLOCKS:
            return index + 1
    return len(blocks)


def _number(blocks: list[Block]) -> _Found | None:
    for index, block in enumerate(blocks):
        match = _NUMBER.search(block.text)
        if match:
            return _Found(_written_number(match), index)
    return None


def _written_number(match: re.Match[str]) -> str:
    """The number without stray spaces: "287 /TB - UBND" -> "287/TB-UBND"."""
    code = re.sub(r"\s+", "", match.group(2)).replace("–", "-").rstrip(".")
    return f"{match.group(1)}/{code}"


def _kind_and_number(blocks: list[Block]) -> str | None:
    for block in blocks:
        match = _KIND_AND_NUMBER.match(block.text)
        if match:
            return _written_number(match)
    return None


def _annex_reference(blocks: list[Block]) -> _Reference:
    """The number and date the first annex gives of the document it is attached to."""
    for block in blocks:
        match = _ANNEX_OF.match(block.text.strip(" |"))
        if match:
            day, month, year = (match.group(i) for i in (3, 4, 5))
            return _Reference(_written_number(match), _valid_date(day, month, year))
    return _Reference(None, None)


def _place_and_date(
    blocks: list[Block],
) -> tuple[date | None, str | None, str | None, int]:
    """The date, place, a problem with the date, and the index of the block it is in (-1);
    a line broken between two blocks ("Hà Nội, ngày 24" / "tháng 11 năm 2025") is joined."""
    texts = [b.text for b in blocks]
    candidates = list(enumerate(texts))
    candidates += [(i + 1, f"{texts[i]} {texts[i + 1]}") for i in range(len(texts) - 1)]
    for index, text in candidates:
        match = _PLACE_DATE.search(text)
        if match:
            day, month, year = (int(match.group(i)) for i in (2, 3, 4))
            place = match.group(1).strip(" ,")
            issued_on = _valid_date(day, month, year)
            if issued_on is None:
                return None, place, f"Ngày ban hành {day}/{month}/{year} không có thật", index
            return issued_on, place, None, index
    return None, None, None, -1


def _valid_date(day: str | int, month: str | int, year: str | int) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def _fields(blocks: list[Block]) -> dict[str, str]:
    """The labelled fields of a legal database's copy, by folded label; a label's value is
    after its colon or in the next cell."""
    cells = [c.strip() for b in blocks for c in b.text.split("|") if c.strip()]
    fields: dict[str, str] = {}
    for index, cell in enumerate(cells):
        match = _FIELD_LABEL.search(cell)
        if match:
            value = match.group(2).strip() or (cells[index + 1] if index + 1 < len(cells) else "")
            fields.setdefault(fold(match.group(1)), value)
    number = re.match(_NUMBER_BODY, fields.get("so hieu", ""))
    fields["so hieu"] = _written_number(number) if number else ""
    return {label: value for label, value in fields.items() if value}


def _field_date(value: str | None) -> date | None:
    match = _FIELD_DATE.match(value or "")
    return _valid_date(*match.groups()) if match else None


def _kind_and_title(
    blocks: list[Block], head: list[Block], start: int
) -> tuple[int | None, str | None, str | None, int | None]:
    """The kind heading ("THÔNG BÁO", "CHỈ THỊ", "BÁO CÁO") after the number and date, and
    the title: the rest of the heading's line or the block after it, with the lines in
    capitals that continue it; a letter (Công văn) has no heading but a "V/v" line. Also the
    index of the first block after the title."""
    kind_index, kind = _kind_heading(head, start)
    if kind_index is None:
        summary = _summary_line(head)
        if summary is None:
            return None, None, None, None
        return None, None, _clean_title(blocks[summary]) or None, summary + 1
    title = _clean_title(blocks[kind_index], after_kind=True)
    end = kind_index + 1
    if not title and end < len(blocks):
        title, end = _clean_title(blocks[end]), end + 1
    while title and title.upper() == title and end < len(blocks) and _continues_title(blocks[end]):
        title = f"{title} {_clean_title(blocks[end])}"
        end += 1
    return kind_index, kind, title or None, end


def _kind_heading(blocks: list[Block], start: int) -> tuple[int | None, str | None]:
    """A short line in capitals, or a line opening with a kind in capitals; kinds the
    product does not track give None."""
    for index in range(max(start, 0), len(blocks)):
        text = blocks[index].text.strip(" .:|")
        written = _KIND_HEADING.match(text)
        if written:
            return index, KIND_WORDS[fold(written.group(1))]
        short_capitals = 1 <= len(text.split()) <= 3 and text.upper() == text
        is_word = any(ch.isalpha() for ch in text) and not _NUMBER.search(text)
        if short_capitals and is_word and not _SIGNATURE_TITLES.match(fold(text)):
            return index, KIND_WORDS.get(fold(text))
    return None, None


def _continues_title(block: Block) -> bool:
    text = block.text
    return (
        not block.label
        and any(ch.isalpha() for ch in text)
        and text.upper() == text
        and not _AUTHORITY.match(fold(text))
        and not _NUMBER.search(text)
    )


def _summary_line(blocks: list[Block]) -> int | None:
    """A letter (Công văn) has no kind heading: its summary line starts with "V/v"."""
    for index, block in enumerate(blocks):
        if fold(block.text).startswith(("v/v", "ve viec")):
            return index
    return None


def _clean_title(block: Block, after_kind: bool = False) -> str:
    """The title as written: without the kind heading before it (`after_kind`), the issuing
    authority printed in bold after it, or a date line a layout put beside it."""
    text = block.text.strip(" |")
    authority = re.search(r"(\*\*|__)([^*_]+)\1\s*$", block.raw_text)
    if authority and _AUTHORITY.match(fold(authority.group(2))):
        cut = text.rfind(authority.group(2).strip())
        text = text[:cut] if cut > 0 else text
    if after_kind:
        written = _KIND_HEADING.match(text)
        text = text[written.end() :] if written else ""
    text = _PLACE_DATE.sub("", text)
    return re.sub(r"\s+", " ", text).strip(" |.:")


def _kind_from_number(number: str | None) -> str | None:
    """From the type code of the number ("473/TB-VPUBND", "12/CĐ-TTg", the year skipped in
    "10/2025/CT-UBND"); a number with no type code, only the issuer's ("1520/UBND-KGVX"),
    is a letter (Công văn)."""
    if number is None:
        return None
    code = re.sub(r"^\d{4}/", "", number.split("/", 1)[1])
    code = fold(code.split("-", 1)[0]).upper()
    if code in _TYPE_CODES:
        return _TYPE_CODES[code]
    return None if code in _OTHER_TYPE_CODES else "cong_van"
