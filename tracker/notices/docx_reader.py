"""Turn an opened Word document into Markdown-like text a notice parser can follow.

Headings become "#" lines, bold runs become ``**...**``, Word's automatic list labels are
rebuilt from numbering.xml (they are not in the text itself), and table rows become one line of
cells joined by " | ". The XML is read directly: python-docx's objects hide runs inside
hyperlinks and tracked insertions, and know nothing of list labels.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.part import XmlPart
from docx.oxml.ns import nsmap, qn
from lxml import etree

# lxml ships no type information; its elements are typed loosely on purpose.
Element = Any

# Runs of a paragraph as Word shows them: inside hyperlinks, fields, content controls and
# tracked insertions too, but not deleted text nor the paragraphs of text boxes drawn inline.
# mc:Fallback repeats what mc:Choice holds, for older readers.
_NAMESPACES = {**nsmap, "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006"}
_VISIBLE_RUNS = etree.XPath(
    ".//w:r[not(ancestor::w:del or ancestor::w:moveFrom or ancestor::w:txbxContent"
    " or ancestor::mc:Fallback)]",
    namespaces=_NAMESPACES,
)
_CELL_PARAGRAPHS = etree.XPath(
    ".//w:p[not(ancestor::w:txbxContent or ancestor::mc:Fallback)]", namespaces=_NAMESPACES
)
_HEADING_STYLE = re.compile(r"heading ([1-9])", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\u00a0]+")
_PLACEHOLDER = re.compile(r"%([1-9])")
_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip
_OFF = ("0", "false", "off", "none")


def docx_to_markdown(document: DocxDocument) -> str:
    """The document body, in order, as Markdown-like blocks separated by blank lines."""
    styles = _StyleTable(document.styles.element)
    writer = _MarkdownWriter(styles, _ListNumbering(_numbering_element(document), styles))
    blocks = (writer.block(element) for element in _body_blocks(document.element.body))
    return "\n\n".join(block for block in blocks if block)


def _numbering_element(document: DocxDocument) -> Element | None:
    try:
        part = document.part.part_related_by(RELATIONSHIP_TYPE.NUMBERING)
    except KeyError:
        return None
    return part.element if isinstance(part, XmlPart) else None


def _body_blocks(container: Element) -> Iterator[Element]:
    """Paragraphs and tables in document order, looking inside content controls."""
    for child in container:
        if child.tag in (qn("w:p"), qn("w:tbl")):
            yield child
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _body_blocks(content)
        elif child.tag == qn("w:customXml"):
            yield from _body_blocks(child)


def _value(element: Element | None, attribute: str = "w:val") -> str | None:
    return None if element is None else element.get(qn(attribute))


def _integer(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _is_on(toggle: Element | None) -> bool | None:
    """An on/off property such as <w:b/>: None when absent, so a style below can decide."""
    if toggle is None:
        return None
    return (_value(toggle) or "true").lower() not in _OFF


def _numbering_reference(properties: Element | None) -> tuple[str | None, int | None]:
    """(numId, ilvl) of a <w:pPr>, each None when not set there."""
    numbering = None if properties is None else properties.find(qn("w:numPr"))
    if numbering is None:
        return None, None
    level = _value(numbering.find(qn("w:ilvl")))
    return _value(numbering.find(qn("w:numId"))), None if level is None else _integer(level, 0)


@dataclass(frozen=True)
class _Style:
    name: str
    based_on: str | None
    num_id: str | None
    level: int | None
    bold: bool | None


class _StyleTable:
    """Paragraph and character styles by id, with what they inherit from their base styles."""

    def __init__(self, styles: Element) -> None:
        self._styles: dict[str, _Style] = {}
        self.default_paragraph_style: str | None = None
        for style in styles.iterfind(qn("w:style")):
            style_id = _value(style, "w:styleId") or ""
            num_id, level = _numbering_reference(style.find(qn("w:pPr")))
            self._styles[style_id] = _Style(
                name=_value(style.find(qn("w:name"))) or "",
                based_on=_value(style.find(qn("w:basedOn"))),
                num_id=num_id,
                level=level,
                bold=_is_on(style.find("w:rPr/w:b", nsmap)),
            )
            is_default = (_value(style, "w:default") or "").lower() in ("1", "true", "on")
            if is_default and _value(style, "w:type") == "paragraph":
                self.default_paragraph_style = style_id

    def chain(self, style_id: str | None) -> Iterator[_Style]:
        """The style, then its base, and so on (guarded against a loop of basedOn)."""
        seen: set[str] = set()
        while style_id is not None and style_id not in seen and style_id in self._styles:
            seen.add(style_id)
            style = self._styles[style_id]
            yield style
            style_id = style.based_on

    def heading_level(self, style_id: str | None) -> int:
        for style in self.chain(style_id):
            if style.name.lower() == "title":
                return 1
            match = _HEADING_STYLE.fullmatch(style.name)
            if match:
                return min(int(match.group(1)), 6)
        return 0

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        num_id = next((s.num_id for s in self.chain(style_id) if s.num_id is not None), None)
        level = next((s.level for s in self.chain(style_id) if s.level is not None), None)
        return num_id, level

    def bold(self, style_id: str | None) -> bool | None:
        return next((s.bold for s in self.chain(style_id) if s.bold is not None), None)


@dataclass(frozen=True)
class _Level:
    start: int
    number_format: str
    text: str
    restart_after: int | None
    legal: bool
    paragraph_style: str | None


def _level(element: Element) -> _Level:
    restart = _value(element.find(qn("w:lvlRestart")))
    return _Level(
        start=_integer(_value(element.find(qn("w:start"))), 1),
        number_format=_value(element.find(qn("w:numFmt"))) or "decimal",
        text=_value(element.find(qn("w:lvlText"))) or "",
        restart_after=None if restart is None else _integer(restart, 0),
        legal=bool(_is_on(element.find(qn("w:isLgl")))),
        paragraph_style=_value(element.find(qn("w:pStyle"))),
    )


def _format_number(value: int, number_format: str) -> str:
    if number_format == "decimalZero":
        return f"{value:02d}"
    if value > 0 and number_format in ("lowerLetter", "upperLetter"):
        # Word goes a, b, ... z, aa, bb, ... rather than spreadsheet-style aa, ab.
        letters = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letters.upper() if number_format == "upperLetter" else letters
    if 0 < value < 4000 and number_format in ("lowerRoman", "upperRoman"):
        numeral = ""
        for worth, symbol in _ROMAN:
            count, value = divmod(value, worth)
            numeral += symbol * count
        return numeral.upper() if number_format == "upperRoman" else numeral
    return str(value)  # decimal, and the formats not rebuilt (ordinal, cardinalText, ...)


class _ListNumbering:
    """Word's automatic list labels, counted as the numbered paragraphs go by."""

    def __init__(self, numbering: Element | None, styles: _StyleTable) -> None:
        self._levels: dict[str, dict[int, _Level]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        if numbering is not None:
            self._load(numbering, styles)

    def _load(self, numbering: Element, styles: _StyleTable) -> None:
        abstracts = {
            _value(abstract, "w:abstractNumId"): abstract
            for abstract in numbering.iterfind(qn("w:abstractNum"))
        }
        num_to_abstract = {
            _value(num, "w:numId"): _value(num.find(qn("w:abstractNumId")))
            for num in numbering.iterfind(qn("w:num"))
        }
        for num in numbering.iterfind(qn("w:num")):
            abstract = abstracts.get(num_to_abstract[_value(num, "w:numId")])
            # A list defined by a numbering style points, through that style, at the
            # abstractNum that really holds the levels.
            for _hop in range(3):
                link = _value(None if abstract is None else abstract.find(qn("w:numStyleLink")))
                if link is None:
                    break
                linked_num, _ = styles.numbering(link)
                abstract = abstracts.get(num_to_abstract.get(linked_num))
            levels = {} if abstract is None else self._abstract_levels(abstract)
            self._apply_overrides(num, levels)
            self._levels[_value(num, "w:numId") or ""] = levels

    @staticmethod
    def _abstract_levels(abstract: Element) -> dict[int, _Level]:
        return {
            _integer(_value(level, "w:ilvl"), 0): _level(level)
            for level in abstract.iterfind(qn("w:lvl"))
        }

    @staticmethod
    def _apply_overrides(num: Element, levels: dict[int, _Level]) -> None:
        for override in num.iterfind(qn("w:lvlOverride")):
            ilvl = _integer(_value(override, "w:ilvl"), 0)
            if override.find(qn("w:lvl")) is not None:
                levels[ilvl] = _level(override.find(qn("w:lvl")))
            start = _value(override.find(qn("w:startOverride")))
            if start is not None and ilvl in levels:
                levels[ilvl] = replace(levels[ilvl], start=_integer(start, 1))

    def level_for_style(self, num_id: str, style_id: str | None) -> int:
        """The level a style is bound to in a list (<w:pStyle> inside <w:lvl>), else 0."""
        levels = self._levels.get(num_id, {})
        return next((i for i, level in levels.items() if level.paragraph_style == style_id), 0)

    def next_label(self, num_id: str, ilvl: int) -> str:
        """Advance the counter of this list level and return the label Word would show."""
        levels = self._levels.get(num_id, {})
        level = levels.get(ilvl)
        if level is None:
            return ""
        counters = self._counters.setdefault(num_id, {})
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else level.start
        for deeper in [d for d in counters if d > ilvl]:
            # By default a level starts over after any shallower one; lvlRestart can narrow
            # that to a given level (1-based), or 0 for never.
            restart_after = levels[deeper].restart_after if deeper in levels else None
            if ilvl < (deeper if restart_after is None else restart_after):
                del counters[deeper]
        if level.number_format == "bullet":
            return "-"

        def shown(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            referenced = levels.get(index)
            if level.number_format == "none" and index == ilvl:
                return ""
            start = referenced.start if referenced else 1
            number_format = referenced.number_format if referenced else "decimal"
            if level.legal:
                number_format = "decimal"
            return _format_number(counters.get(index, start), number_format)

        return _PLACEHOLDER.sub(shown, level.text).strip()


class _MarkdownWriter:
    def __init__(self, styles: _StyleTable, numbering: _ListNumbering) -> None:
        self._styles = styles
        self._numbering = numbering

    def block(self, element: Element) -> str:
        if element.tag == qn("w:tbl"):
            return self._table(element)
        return self._paragraph(element, in_table=False)

    def _paragraph(self, paragraph: Element, *, in_table: bool) -> str:
        properties = paragraph.find(qn("w:pPr"))
        style_id = _value(None if properties is None else properties.find(qn("w:pStyle")))
        style_id = style_id or self._styles.default_paragraph_style
        # The label comes first: an empty numbered paragraph still advances its list.
        label = self._label(properties, style_id)
        heading_level = 0 if in_table else self._styles.heading_level(style_id)
        text = self._inline(paragraph, style_id, emphasis=heading_level == 0)
        if in_table:
            text = text.replace("\n", " ")
        if not text:
            return ""
        if label not in ("", "-") and text.startswith("**"):
            # "**1. Giao Sở Tài chính** chủ trì ...": Word draws the number in the bold of the
            # lead, and this is how a hand-numbered item with a bold lead reads too.
            label, text = "", f"**{label} {text[2:]}"
        return " ".join(part for part in ("#" * heading_level, label, text) if part)

    def _label(self, properties: Element | None, style_id: str | None) -> str:
        num_id, level = _numbering_reference(properties)
        if num_id is None:
            num_id, style_level = self._styles.numbering(style_id)
            level = style_level if level is None else level
        if num_id is None or num_id == "0":  # numId 0 switches inherited numbering off
            return ""
        if level is None:
            level = self._numbering.level_for_style(num_id, style_id)
        return self._numbering.next_label(num_id, level)

    def _inline(self, paragraph: Element, style_id: str | None, *, emphasis: bool) -> str:
        paragraph_bold = self._styles.bold(style_id)
        pieces: list[tuple[str, bool]] = []
        for run in _VISIBLE_RUNS(paragraph):
            if _is_on(run.find("w:rPr/w:vanish", nsmap)):  # hidden text
                continue
            text = _run_text(run)
            if text:
                bold = emphasis and self._run_is_bold(run, paragraph_bold)
                pieces.append((text, bold))
        lines = (_SPACES.sub(" ", line).strip() for line in _join_bold(pieces).split("\n"))
        return "\n".join(line for line in lines if line)

    def _run_is_bold(self, run: Element, paragraph_bold: bool | None) -> bool:
        direct = _is_on(run.find("w:rPr/w:b", nsmap))
        if direct is not None:
            return direct
        character_style = self._styles.bold(_value(run.find("w:rPr/w:rStyle", nsmap)))
        if character_style is not None:
            return character_style
        return bool(paragraph_bold)

    def _table(self, table: Element) -> str:
        rows = []
        for row in table.iterfind(qn("w:tr")):
            cells = [self._cell(cell) for cell in row.iterfind(qn("w:tc"))]
            if any(cells):
                rows.append(" | ".join(cells))
        return "\n".join(rows)

    def _cell(self, cell: Element) -> str:
        texts = (self._paragraph(p, in_table=True) for p in _CELL_PARAGRAPHS(cell))
        return " ".join(text for text in texts if text)


def _run_text(run: Element) -> str:
    parts = []
    for child in run:
        if child.tag == qn("w:t"):
            parts.append(child.text or "")
        elif child.tag in (qn("w:tab"), qn("w:ptab")):
            parts.append(" ")
        elif child.tag in (qn("w:br"), qn("w:cr")):
            parts.append("\n")
        elif child.tag == qn("w:noBreakHyphen"):
            parts.append("-")
    return "".join(parts)


def _join_bold(pieces: list[tuple[str, bool]]) -> str:
    """Wrap bold stretches in ``**``, merging neighbours and keeping spaces outside the marks."""
    groups: list[list[Any]] = []
    for text, bold in pieces:
        # Whitespace belongs with the run before it, so "A" + " " + "B" in bold stays one span.
        run_bold = groups[-1][0] if groups and not text.strip() else bold
        if groups and groups[-1][0] == run_bold:
            groups[-1][1] += text
        else:
            groups.append([run_bold, text])
    out = []
    for bold, text in groups:
        core = text.strip()
        if bold and core:
            leading = text[: len(text) - len(text.lstrip())]
            trailing = text[len(text.rstrip()) :]
            out.append(f"{leading}**{core}**{trailing}")
        else:
            out.append(text)
    return "".join(out)
