"""A completion report as a Word document laid out as a state document (Nghị định 30/2020):
A4, Times New Roman 13 pt, margins 2 cm and 3 cm on the left, the two-column heading, the
body, "Nơi nhận:" and the signature block.

The heading's uppercase lines are set in 12 pt, as the decree allows, so that "CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM" holds on one line; tables are set in 11 pt so that ten columns fit the
portrait page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from io import BytesIO

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section
from docx.shared import Cm, Pt
from docx.table import Table, _Cell
from docx.text.run import Run

from tracker.domain.formatting import vn_official_date
from tracker.domain.report_figures import ReportFigures
from tracker.reports.issuer import ReportIssuer
from tracker.reports.outline import Table as OutlineTable
from tracker.reports.outline import report_outline

FONT = "Times New Roman"
MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
# Column widths in cm (16 cm in all) and the columns aligned left (names, text).
TABLE_LAYOUTS = {
    "agencies": ((1.0, 3.6, 1.3, 1.3, 1.3, 1.3, 1.3, 1.3, 1.3, 2.3), (1,)),
    "overdue": ((0.9, 2.4, 2.0, 1.0, 4.0, 1.8, 1.2, 2.7), (1, 2, 4, 7)),
    "brief": ((0.8, 2.0, 5.0, 1.8, 1.6, 4.8), (1, 2, 5)),
}
SIGNATURE_SPACE = 4  # blank lines left for the signature and the seal

_CENTRE = WD_ALIGN_PARAGRAPH.CENTER


@dataclass(frozen=True)
class Line:
    """A paragraph of one run."""

    text: str
    bold: bool = False
    italic: bool = False
    size: float = 13
    align: WD_ALIGN_PARAGRAPH = _CENTRE


def render_docx(
    figures: ReportFigures, issuer: ReportIssuer, narrative: Mapping[str, str], *, draft: bool
) -> bytes:
    """The report as a .docx file ready for signature; a draft (not yet frozen) says so
    above its title."""
    document = Document()
    set_up_page(document)
    _write_heading(document, issuer)
    if draft:
        add_line(document, Line("DỰ THẢO", bold=True, italic=True, size=12))
    add_line(document, Line("BÁO CÁO", bold=True, size=14))
    add_line(document, Line(figures.title, bold=True))
    _write_body(document, figures, narrative)
    _write_closing(document, issuer)
    document.core_properties.title = figures.title
    document.core_properties.author = issuer.office
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def set_up_page(document: DocxDocument) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin = section.bottom_margin = section.right_margin = Cm(2)
    section.left_margin = Cm(3)
    normal = document.styles["Normal"]
    normal.font.name = FONT  # type: ignore[union-attr]
    normal.font.size = Pt(13)  # type: ignore[union-attr]
    # Word takes East Asian and complex-script text from other slots of the same font list.
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)
    _number_pages(section)


def _number_pages(section: Section) -> None:
    """Page numbers centred at the top from the second page on, as Nghị định 30/2020 lays a
    document out: a PAGE field, so that Word counts the pages itself."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = " PAGE "
    run = paragraph.add_run()._r
    for element in (_field_char("begin"), instruction, _field_char("end")):
        run.append(element)


def _field_char(kind: str) -> BaseOxmlElement:
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    return element


def _write_heading(document: DocxDocument, issuer: ReportIssuer) -> None:
    """Issuer on the left, motto on the right; the number and the place and date on one line."""
    table = _borderless_table(document, rows=2, widths=(6.0, 10.0))
    top_left, top_right = table.rows[0].cells
    bottom_left, bottom_right = table.rows[1].cells
    _fill(top_left, [Line(issuer.superior, size=12), Line(issuer.body, bold=True, size=12)])
    _fill(top_right, [Line(MOTTO[0], bold=True, size=12), Line(MOTTO[1], bold=True)])
    _fill(bottom_left, [Line(issuer.number_line)])
    place_and_date = f"{issuer.place}, {vn_official_date(issuer.issued_on)}"
    _fill(bottom_right, [Line(place_and_date, italic=True)])


def _write_body(
    document: DocxDocument, figures: ReportFigures, narrative: Mapping[str, str]
) -> None:
    left = WD_ALIGN_PARAGRAPH.LEFT
    for part in report_outline(figures, narrative):
        if part.heading:
            add_line(document, Line(part.heading.upper(), bold=True, align=left))
        for block in part.blocks:
            if isinstance(block, OutlineTable):
                grid_table(document, block)
            else:
                add_text(document, block)


def _write_closing(document: DocxDocument, issuer: ReportIssuer) -> None:
    """ "Nơi nhận:" with the recipients on the left, the signature block on the right."""
    table = _borderless_table(document, rows=1, widths=(8.0, 8.0))
    recipients, signature = table.rows[0].cells
    left = WD_ALIGN_PARAGRAPH.LEFT
    lines = [Line("Nơi nhận:", bold=True, italic=True, size=12, align=left)]
    last = len(issuer.recipients) - 1
    for index, recipient in enumerate(issuer.recipients):
        lines.append(Line(f"- {_with_end_mark(recipient, index == last)}", size=11, align=left))
    _fill(recipients, lines)
    blank = [Line("")] * SIGNATURE_SPACE
    block = [Line(issuer.signer_title, bold=True), *blank, Line(issuer.signer_name, bold=True)]
    _fill(signature, block)


def _with_end_mark(recipient: str, last: bool) -> str:
    """Each recipient ends with ";" and the last with "." unless it already has a mark."""
    if recipient.endswith((";", ".", ",")):
        return recipient
    return recipient + ("." if last else ";")


def add_line(document: DocxDocument, line: Line) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = line.align
    paragraph.paragraph_format.space_before = Pt(6)
    run = paragraph.add_run(line.text)
    _style_run(run, line)


def add_text(document: DocxDocument, text: str) -> None:
    """A body paragraph: justified, first line indented, 6 pt apart."""
    paragraph = document.add_paragraph(text)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph.paragraph_format.first_line_indent = Cm(1)
    paragraph.paragraph_format.space_before = Pt(6)


def _fill(cell: _Cell, lines: Sequence[Line]) -> None:
    """Lines of text in a table cell, the first in the paragraph the cell starts with."""
    for index, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.alignment = line.align
        paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(line.text)
        _style_run(run, line)


def _style_run(run: Run, line: Line) -> None:
    # None rather than False: the run then simply follows its style.
    run.bold, run.italic = line.bold or None, line.italic or None
    run.font.size = Pt(line.size)


def _borderless_table(document: DocxDocument, rows: int, widths: Sequence[float]) -> Table:
    table = document.add_table(rows=rows, cols=len(widths))
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border = OxmlElement(f"w:{edge}")
        border.set(qn("w:val"), "nil")
        borders.append(border)
    # python-docx has no API for borders; the element goes where the schema's order wants it.
    table._tbl.tblPr.insert_element_before(
        borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption"
    )
    _set_widths(table, widths)
    return table


def grid_table(document: DocxDocument, block: OutlineTable) -> None:
    """A bordered table in 11 pt whose header row repeats on every page, laid out as its kind
    says (TABLE_LAYOUTS): names and text aligned left, numbers and dates centred."""
    widths, left = TABLE_LAYOUTS[block.kind]
    headers, rows = block.headers, block.rows
    table = document.add_table(rows=1 + len(rows), cols=len(headers))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _set_widths(table, widths)
    _repeat_as_header(table)
    # Cells are reached row by row: Table.cell() rebuilds the whole grid on every call.
    table_rows = table.rows
    for cell, header in zip(table_rows[0].cells, headers, strict=True):
        _fill(cell, [Line(header, bold=True, size=11)])
    for index, (row, texts) in enumerate(zip(table_rows[1:], rows, strict=True), 1):
        bold = block.total_row and index == len(rows)
        for column, (cell, text) in enumerate(zip(row.cells, texts, strict=True)):
            align = WD_ALIGN_PARAGRAPH.LEFT if column in left else _CENTRE
            _fill(cell, [Line(text, bold=bold, size=11, align=align)])


def _set_widths(table: Table, widths: Sequence[float]) -> None:
    """Fixed column widths, on the grid (read by LibreOffice) and on every cell (by Word)."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Cm(width)


def _repeat_as_header(table: Table) -> None:
    row_properties = table.rows[0]._tr.get_or_add_trPr()  # python-docx has no API for this
    repeat = OxmlElement("w:tblHeader")
    row_properties.insert_element_before(
        repeat, "w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange"
    )
