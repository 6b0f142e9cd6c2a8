"""A notice's Markdown cut into blocks: paragraphs and list items, each with its label
("II.", "2.", "2.1.", "a)", "-") and its leading bold phrase, Markdown marks removed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum

from tracker.domain.pipe_tables import rewrite_pipe_tables


class LabelKind(IntEnum):
    """Kinds of item labels, from the outermost to the innermost."""

    ROMAN = 0  # I. II. III.
    NUMBER = 1  # 1. 2.
    SUBNUMBER = 2  # 1.1. 2.3.
    LETTER = 3  # a) b)
    PAREN = 4  # (1) (2)
    DASH = 5  # - •
    PLUS = 6  # +
    NONE = 7  # a plain paragraph


@dataclass(frozen=True)
class Block:
    label: str  # as written, "" for a plain paragraph
    kind: LabelKind
    text: str  # the text after the label, emphasis removed
    bold_lead: str  # the bold phrase the block opens with (after the label), "" if none
    is_heading: bool
    raw_text: str  # the block as written, marks included


_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)\*(?!\s)|(?<!\s)\*(?!\w)")
_HEADING = re.compile(r"^#{1,6}\s*")
_LABELS = [
    (LabelKind.ROMAN, re.compile(r"^([IVXLC]{1,6})[.)]\s*(?=\S)")),
    (LabelKind.SUBNUMBER, re.compile(r"^(\d{1,2}(?:\.\d{1,2})+)[.)]?\s+(?=\S)")),
    (LabelKind.NUMBER, re.compile(r"^(\d{1,2})[.)]\s*(?=\S)")),
    (LabelKind.LETTER, re.compile(r"^([a-zđ])[).]\s*(?=\S)")),
    (LabelKind.PAREN, re.compile(r"^\((\d{1,2}|[a-zđ])\)\s*(?=\S)")),
    (LabelKind.DASH, re.compile(r"^([-–—•·●▪■])\s*(?=\S)|^(\*)\s+(?=\S)")),
    (LabelKind.PLUS, re.compile(r"^(\+)\s*(?=\S)")),
]
_ITEM_START = re.compile(
    r"^\s*(?:[-–—•·●▪■+*]\s|\d{1,2}(?:\.\d{1,2})*[.)]\s|[a-zđ]\)\s|\(\d{1,2}\)\s|[IVX]{1,5}\.\s"
    r"|S[ốỐoO]\s*:|V/v\b|Kính gửi|Nơi nhận)"
)
_SENTENCE_END = (".", ";", ":", "!", "?", "…", ")")
# Header lines that start a block even in text pasted with single line breaks: the place and
# date ("Hà Nội, ngày 24", "Thành phố Hồ Chí Minh, ngày ...") and a kind heading ("THÔNG BÁO").
_CAPITALISED = r"[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ][^\s,]*"
_PLACE_AND_DAY = (
    rf"^(?:(?:Thành phố|Thị xã|Tỉnh)\s+)?{_CAPITALISED}(?:\s(?:-\s)?{_CAPITALISED}){{0,4}}"
    r"\s*,\s*ngày"
)
_HEADER_LINE = re.compile(
    rf"{_PLACE_AND_DAY}(?:\s+\d|\s*$)"
    r"|^(?:THÔNG BÁO|CHỈ THỊ|KẾ HOẠCH|QUYẾT ĐỊNH|CÔNG ĐIỆN|CÔNG VĂN)[\s.:]*$"
)
# A whole place-and-date line ("Hà Nội, ngày 24 tháng 11 năm 2025"): what follows it, the
# kind heading or a letter's "Kính gửi", is a line of its own.
_WHOLE_DATE_LINE = re.compile(
    rf"{_PLACE_AND_DAY}\s+\d{{1,2}}\s*(?:tháng\s+|[/.-]\s*)\d{{1,2}}\s*(?:năm\s+|[/.-]\s*)\d{{4}}\W*$"
)
# Rules and page numbers, which a copy from a web page or a PDF leaves on lines of their own.
_RULE_OR_PAGE_NUMBER = re.compile(r"^(?:-{3,}|\*{3,}|_{3,}|\d{1,3})$")
# No page or window wraps a line this long: it is a whole paragraph, pasted as one line.
_LONGEST_WRAPPED_LINE = 160


def split_blocks(markdown: str) -> list[Block]:
    """The blocks of a notice in reading order. A paragraph cut by a page break (it ends
    without punctuation and the next one does not start a new item) is joined back."""
    return [_to_block(raw) for raw in _raw_paragraphs(rewrite_pipe_tables(markdown))]


def _raw_paragraphs(markdown: str) -> list[str]:
    pieces: list[str] = []
    for chunk in re.split(r"\n\s*\n", markdown.replace("\r\n", "\n")):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        current: list[str] = []
        for line in lines:
            if current and (_starts_piece(line, current[-1]) or _is_bold_line(current)):
                pieces.append(" ".join(current))
                current = []
            current.append(line)
        if current:
            pieces.append(" ".join(current))
    joined: list[str] = []
    for piece in pieces:
        plain = _strip_marks(piece)
        if not plain or _RULE_OR_PAGE_NUMBER.match(plain):
            continue
        starts_item = bool(_ITEM_START.match(plain)) or piece.startswith("#")
        previous = _strip_marks(joined[-1]) if joined else ""
        cut_by_page_break = previous and not previous.endswith(_SENTENCE_END)
        if joined and not starts_item and cut_by_page_break and plain[:1].islower():
            joined[-1] = f"{joined[-1]} {piece}"
            continue
        joined.append(piece)
    return joined


_NUMBERED_BOLD = re.compile(r"^\*\*\s*(\d{1,2}(\.\d{1,2})*|[a-zđ]|[IVX]{1,5})[.)]\s")


def _is_bold_line(lines: list[str]) -> bool:
    """The lines so far are one numbered bold run, a heading of its own ("**4. Cục Mỹ"
    "thuật, Nhiếp ảnh và Triển lãm**"): what follows is a new block."""
    text = " ".join(lines)
    return (
        bool(_NUMBERED_BOLD.match(text))
        and text.endswith("**")
        and len(text) > 4
        and text.count("**") == 2
        and len(text.split()) <= 30
    )


def _starts_piece(line: str, previous_line: str) -> bool:
    """A new item, heading or table row; a place-and-date line or a kind heading; the line
    after a heading, a table row or a whole place-and-date line, and a line not in bold
    after a line all in bold (a title); a rule, a page number or a whole paragraph on its
    line and the line after them; or the line after a line that is all capitals (a kind
    heading such as "CHỈ THỊ", followed by the title)."""
    plain = _strip_marks(line)
    previous = _strip_marks(previous_line)
    if _ITEM_START.match(plain) or line.startswith(("#", "|")):
        return True
    if previous_line.startswith(("#", "|")) or _WHOLE_DATE_LINE.match(previous):
        return True
    if _is_bold_title(previous_line) and not line.startswith("**"):
        return True
    if _HEADER_LINE.match(plain) or any(map(_stands_alone, (plain, previous))):
        return True
    return previous.upper() == previous and any(ch.isalpha() for ch in previous) != (
        plain.upper() == plain
    )


def _is_bold_title(line: str) -> bool:
    """A line in bold from end to end, in sentence case: "**Kết luận của Chủ tịch UBND**"."""
    all_bold = line.startswith("**") and line.endswith("**") and line.count("**") == 2
    return all_bold and len(line.split()) >= 3 and line.upper() != line


def _stands_alone(plain_line: str) -> bool:
    return bool(_RULE_OR_PAGE_NUMBER.match(plain_line)) or len(plain_line) > _LONGEST_WRAPPED_LINE


def _strip_marks(text: str) -> str:
    text = text.replace("<br>", " ").replace("<br/>", " ")
    return _EMPHASIS.sub("", _HEADING.sub("", text)).strip()


def _to_block(raw: str) -> Block:
    is_heading = raw.startswith("#")
    body = _HEADING.sub("", raw).strip()
    bold_lead = ""
    # "**5. Giao Sở Kế hoạch và Đầu tư** triển khai ..." : the label sits inside the bold
    bold = re.match(r"^(\*\*|__)(.+?)\1", body)
    if bold:
        bold_lead = _strip_marks(bold.group(2))
    text = _strip_marks(body)
    for kind, pattern in _LABELS:
        match = pattern.match(text)
        if match:
            label = match.group(match.lastindex or 1)
            text = text[match.end() :].strip()
            if bold_lead.startswith(label):
                bold_lead = pattern.sub("", bold_lead, count=1).strip()
            lead = bold_lead if text.startswith(bold_lead) else ""
            return Block(label, kind, text, lead, is_heading, raw)
    lead = bold_lead if text.startswith(bold_lead) else ""
    return Block("", LabelKind.NONE, text, lead, is_heading, raw)
