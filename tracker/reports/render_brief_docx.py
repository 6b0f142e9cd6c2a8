"""The meeting brief as a Word document: A4, the report's fonts and tables, each agency on a
page of its own."""

from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK

from tracker.domain.formatting import vn_date
from tracker.domain.meeting_brief import (
    BRIEF_HEADERS,
    AgencyBrief,
    MeetingBrief,
    brief_cells,
    brief_title,
    not_listed_line,
)
from tracker.reports.issuer import ReportIssuer
from tracker.reports.outline import Table
from tracker.reports.render_docx import Line, add_line, add_text, grid_table, set_up_page


def render_brief_docx(brief: MeetingBrief, issuer: ReportIssuer) -> bytes:
    document = Document()
    set_up_page(document)
    add_line(document, Line(issuer.office, size=12))
    add_line(document, Line(brief_title(brief).upper(), bold=True, size=14))
    add_line(document, Line(f"(Số liệu đến ngày {vn_date(brief.day)})", italic=True))
    add_text(document, brief.summary)
    for number, agency in enumerate(brief.agencies, 1):
        if number > 1:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _write_agency(document, number, agency)
    document.core_properties.title = brief_title(brief)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _write_agency(document: DocxDocument, number: int, agency: AgencyBrief) -> None:
    heading = f"{number}. {agency.agency}: quá hạn {agency.overdue}, sắp đến hạn {agency.due_soon}"
    add_line(document, Line(heading, bold=True, align=WD_ALIGN_PARAGRAPH.LEFT))
    rows = [brief_cells(index, line) for index, line in enumerate(agency.lines, 1)]
    grid_table(document, Table("brief", BRIEF_HEADERS, rows))
    more = not_listed_line(agency)
    if more:
        add_text(document, more)
