"""The three renderings of a completion report, read back with the libraries that open them:
openpyxl for the workbook, python-docx for the Word document, the app's Markdown renderer."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from io import BytesIO

import pytest
from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from tests.support.spreadsheets import FORMULA_STARTS, formula_starts_kept_as_text
from tracker.domain.markdown import render_markdown as markdown_to_html
from tracker.domain.report_figures import AgencyRow, OverdueRow, ReportFigures, StatusCounts
from tracker.domain.report_narrative import draft_narrative
from tracker.reports.issuer import ReportIssuer
from tracker.reports.render_docx import render_docx
from tracker.reports.render_markdown import render_markdown
from tracker.reports.render_two_way import render_two_way_xlsx
from tracker.reports.render_xlsx import render_xlsx
from tracker.reports.wording import count_values

AGENCY_HEADERS = [
    "STT",
    "Cơ quan",
    "Tổng số",
    "Trước hạn",
    "Đúng hạn",
    "Trễ hạn",
    "Trong hạn",
    "Quá hạn",
    "Thường xuyên",
    "Tỷ lệ hoàn thành đúng hạn",
]
OVERDUE_HEADERS = [
    "STT", "Cơ quan", "Văn bản", "Mục", "Nội dung", "Hạn xử lý", "Số ngày quá hạn",
    "Tình hình, giải trình",
]  # fmt: skip
# Every share is of the total named in the same sentence (20 tasks with a deadline).
TOTALS_SENTENCE = (
    "Trong Quý III năm 2017, tổng số nhiệm vụ được giao là 30 nhiệm vụ, gồm 20 nhiệm vụ có "
    "thời hạn và 10 nhiệm vụ thường xuyên. Trong 20 nhiệm vụ có thời hạn: đã hoàn thành 10 "
    "nhiệm vụ (50,00%), gồm trước hạn 3 nhiệm vụ (15,00%), đúng hạn 5 nhiệm vụ (25,00%), trễ "
    "hạn 2 nhiệm vụ (10,00%); đang trong hạn 4 nhiệm vụ (20,00%); quá hạn 6 nhiệm vụ (30,00%)."
)
CHANGE_SENTENCE = (
    "So với kỳ trước, tổng số nhiệm vụ tăng 2 nhiệm vụ (từ 28 lên 30); số nhiệm vụ đã hoàn "
    "thành tăng 1 nhiệm vụ (từ 9 lên 10); số nhiệm vụ quá hạn không thay đổi (6 nhiệm vụ); "
    "tỷ lệ hoàn thành đúng hạn tăng 10,00 điểm phần trăm (từ 40,00% lên 50,00%)."
)


def docx_of(figures: ReportFigures, issuer: ReportIssuer) -> bytes:
    """The frozen report's Word file, with the narrative drafted from its figures."""
    return render_docx(figures, issuer, draft_narrative(figures), draft=False)


def markdown_of(figures: ReportFigures) -> str:
    return render_markdown(figures, draft_narrative(figures))


def counts(*values: int) -> StatusCounts:
    early, on_time, late, within, overdue, ongoing = values
    return StatusCounts(early, on_time, late, within, overdue, ongoing)


def overdue_task(number: int) -> OverdueRow:
    return OverdueRow(
        agency="Sở Nội vụ",
        notice="473/TB-VPUBND",
        ref=str(number),
        text=f"Nhiệm vụ {number}",
        deadline=date(2017, 8, 31),
        days_overdue=30,
    )


@pytest.fixture
def figures() -> ReportFigures:
    return ReportFigures(
        title="Kết quả thực hiện nhiệm vụ UBND tỉnh giao",
        period_label="Quý III năm 2017",
        start=date(2017, 7, 1),
        end=date(2017, 9, 30),
        scope_label="toàn tỉnh",
        totals=counts(3, 5, 2, 4, 6, 10),
        agencies=[
            AgencyRow("Sở Nội vụ", counts(2, 1, 0, 1, 2, 4)),
            AgencyRow("Sở Tài chính", counts(1, 2, 2, 2, 1, 2)),
            AgencyRow("UBND huyện Đắk R'Lấp", counts(0, 2, 0, 1, 3, 4)),
        ],
        overdue=[
            OverdueRow(
                agency="UBND huyện Đắk R'Lấp",
                notice="473/TB-VPUBND",
                ref="2.1",
                text="Trình UBND tỉnh ban hành quy chế | phối hợp liên ngành",
                deadline=date(2017, 8, 31),
                days_overdue=30,
                situation="Tiến độ 40%: Đang lấy ý kiến",
            ),
            OverdueRow(
                agency="Sở Nội vụ",
                notice="05/CT-UBND",
                ref="3",
                text="Báo cáo kết quả rà soát",
                deadline=date(2017, 9, 15),
                days_overdue=15,
            ),
        ],
        previous_totals=counts(2, 4, 3, 5, 6, 8),
    )


@pytest.fixture
def issuer() -> ReportIssuer:
    return ReportIssuer(
        superior="UBND TỈNH ĐẮK NÔNG",
        body="VĂN PHÒNG",
        number_line="Số:      /BC-VPUBND",
        place="Đắk Nông",
        issued_on=date(2017, 10, 5),
        recipients=("Chủ tịch, các PCT UBND tỉnh", "Các Sở, Ban, ngành", "Lưu: VT, TH"),
        signer_title="CHÁNH VĂN PHÒNG",
        signer_name="Nguyễn Văn A",
    )


# --- XLSX -----------------------------------------------------------------------------------


def open_sheets(content: bytes) -> tuple[Worksheet, Worksheet]:
    workbook = load_workbook(BytesIO(content))
    assert workbook.sheetnames == ["Tổng hợp", "Nhiệm vụ quá hạn"]
    return workbook["Tổng hợp"], workbook["Nhiệm vụ quá hạn"]


def header_row(sheet: Worksheet) -> int:
    """The row printed on every page, read from "$n:$n"."""
    first, last = sheet.print_title_rows.replace("$", "").split(":")
    assert first == last
    return int(first)


def row_values(sheet: Worksheet, row: int) -> list[object]:
    return [cell.value for cell in sheet[row]]


def row_labelled(sheet: Worksheet, label: str) -> list[object]:
    for row in sheet.iter_rows():
        if row[0].value == label:
            return [cell.value for cell in row]
    raise AssertionError(f"no row labelled {label!r}")


def test_xlsx_agency_table_holds_numbers_and_vietnamese_rates(
    figures: ReportFigures, issuer: ReportIssuer
) -> None:
    summary, _ = open_sheets(render_xlsx(figures, issuer))
    header = header_row(summary)
    assert row_values(summary, header) == AGENCY_HEADERS
    assert row_values(summary, header + 1) == [1, "Sở Nội vụ", 10, 2, 1, 0, 1, 2, 4, 0.6]
    assert row_values(summary, header + 2) == [2, "Sở Tài chính", 10, 1, 2, 2, 2, 1, 2, 0.5]
    assert row_values(summary, header + 3)[1:] == [
        "UBND huyện Đắk R'Lấp", 10, 0, 2, 0, 1, 3, 4, 0.4
    ]  # fmt: skip
    # a percentage is a number Excel can sum and chart, shown "60,00%" in a Vietnamese Excel
    assert summary.cell(header + 1, 10).number_format == "0.00%"
    # the total row sums the agencies' rows with formulas, and those sums are the totals
    total = row_values(summary, header + 4)
    assert total[1] == "Tổng cộng" and summary.max_row == header + 4
    assert total[2:9] == [f"=SUM({c}{header + 1}:{c}{header + 3})" for c in "CDEFGHI"]
    column_sums = [sum(summary.cell(r, c).value for r in range(header + 1, header + 4))
                   for c in range(3, 10)]  # fmt: skip
    assert column_sums == list(count_values(figures.totals))
    assert total[9] == figures.totals.on_time_rate.value
    assert summary.cell(header + 1, 3).number_format == "#,##0"
    assert all(cell.font.b and cell.border.left.style == "thin" for cell in summary[header])


def test_xlsx_heading_totals_and_change(figures: ReportFigures, issuer: ReportIssuer) -> None:
    summary, _ = open_sheets(render_xlsx(figures, issuer))
    assert summary["A1"].value == "UBND TỈNH ĐẮK NÔNG - VĂN PHÒNG"
    assert summary["A2"].value == "KẾT QUẢ THỰC HIỆN NHIỆM VỤ UBND TỈNH GIAO"
    assert "từ ngày 01/07/2017 đến ngày 30/09/2017 (ngày chốt số liệu)" in summary["A3"].value
    assert row_labelled(summary, "Chỉ tiêu")[2:] == AGENCY_HEADERS[2:]
    assert row_labelled(summary, "Số nhiệm vụ")[2:] == [30, 3, 5, 2, 4, 6, 10, 0.5]
    shares = row_labelled(summary, "Tỷ lệ (trên 20 nhiệm vụ có thời hạn)")
    assert shares[3:8] == [0.15, 0.25, 0.1, 0.2, 0.3]
    assert row_labelled(summary, "Kỳ trước")[2:] == [28, 2, 4, 3, 5, 6, 8, 0.4]
    change = row_labelled(summary, "So với kỳ trước: tăng (+), giảm (-)")
    assert change[2:] == [2, 1, 1, -1, -1, 0, 2, 10.0]
    points = next(row for row in summary.iter_rows() if row[0].value == change[0])[-1]
    assert points.number_format == '+0.00" điểm %";-0.00" điểm %";0.00" điểm %"'


def test_xlsx_without_a_previous_period_has_no_change_block(
    figures: ReportFigures, issuer: ReportIssuer
) -> None:
    summary, _ = open_sheets(render_xlsx(replace(figures, previous_totals=None), issuer))
    labels = [row[0].value for row in summary.iter_rows()]
    assert "Số nhiệm vụ" in labels and "Kỳ trước" not in labels


def test_xlsx_overdue_sheet(figures: ReportFigures, issuer: ReportIssuer) -> None:
    _, overdue = open_sheets(render_xlsx(figures, issuer))
    header = header_row(overdue)
    assert row_values(overdue, header) == OVERDUE_HEADERS
    first = row_values(overdue, header + 1)
    assert first == [
        1,
        "UBND huyện Đắk R'Lấp",
        "473/TB-VPUBND",
        "2.1",
        "Trình UBND tỉnh ban hành quy chế | phối hợp liên ngành",
        datetime(2017, 8, 31),
        30,
        "Tiến độ 40%: Đang lấy ý kiến",
    ]
    assert overdue.cell(header + 1, 6).number_format == "dd/mm/yyyy"
    assert row_values(overdue, header + 2)[:2] == [2, "Sở Nội vụ"]
    assert overdue.cell(header + 1, 5).alignment.wrap_text


@pytest.mark.parametrize("sheet_index", [0, 1])
def test_xlsx_prints_on_a4_landscape_one_page_wide(
    figures: ReportFigures, issuer: ReportIssuer, sheet_index: int
) -> None:
    sheet = open_sheets(render_xlsx(figures, issuer))[sheet_index]
    header = header_row(sheet)
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.paperSize == 9  # A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.page_setup.fitToWidth == 1
    assert sheet.page_setup.fitToHeight == 0
    assert sheet.freeze_panes == f"A{header + 1}"
    assert sheet.column_dimensions["B"].width >= 20


# --- DOCX -----------------------------------------------------------------------------------


def open_docx(content: bytes) -> DocxDocument:
    return Document(BytesIO(content))


def body_texts(document: DocxDocument) -> list[str]:
    return [paragraph.text for paragraph in document.paragraphs]


def cell_texts(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_docx_heading_follows_decree_30(figures: ReportFigures, issuer: ReportIssuer) -> None:
    document = open_docx(docx_of(figures, issuer))
    heading = document.tables[0]
    assert cell_texts(heading) == [
        [
            "UBND TỈNH ĐẮK NÔNG\nVĂN PHÒNG",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
        ],
        ["Số:      /BC-VPUBND", "Đắk Nông, ngày 05 tháng 10 năm 2017"],
    ]
    body_run = heading.cell(0, 0).paragraphs[1].runs[0]
    motto_runs = [paragraph.runs[0] for paragraph in heading.cell(0, 1).paragraphs]
    date_run = heading.cell(1, 1).paragraphs[0].runs[0]
    assert body_run.bold and all(run.bold for run in motto_runs) and date_run.italic
    borders = heading._tbl.tblPr.find(qn("w:tblBorders"))
    assert borders is not None
    assert {edge.get(qn("w:val")) for edge in borders} == {"nil"}


def test_docx_page_and_font(figures: ReportFigures, issuer: ReportIssuer) -> None:
    document = open_docx(docx_of(figures, issuer))
    section = document.sections[0]
    sizes = (section.page_width, section.page_height, section.left_margin, section.right_margin)
    margins = (section.top_margin, section.bottom_margin)
    assert [round(size.cm, 1) if size else None for size in (*sizes, *margins)] == [
        21, 29.7, 3, 2, 2, 2
    ]  # fmt: skip
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman"  # type: ignore[union-attr]
    assert normal.font.size == Pt(13)  # type: ignore[union-attr]
    # pages numbered at the top centre from the second page on (Nghị định 30/2020)
    assert section.different_first_page_header_footer
    header = section.header.paragraphs[0]
    assert header.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert "PAGE" in "".join(node.text or "" for node in header._p.iter(qn("w:instrText")))
    assert not section.first_page_header.paragraphs[0].text


def test_docx_body_states_the_figures_in_the_reports_style(
    figures: ReportFigures, issuer: ReportIssuer
) -> None:
    document = open_docx(docx_of(figures, issuer))
    texts = body_texts(document)
    title_at = texts.index("BÁO CÁO")
    assert texts[title_at + 1] == "Kết quả thực hiện nhiệm vụ UBND tỉnh giao"
    assert document.paragraphs[title_at].runs[0].bold
    assert TOTALS_SENTENCE in texts
    assert CHANGE_SENTENCE in texts
    assert any(
        "Tỷ lệ hoàn thành đúng hạn (trước hạn và đúng hạn, trên 16 nhiệm vụ đã hoàn thành hoặc đã "
        "quá hạn) đạt 50,00%" in t
        for t in texts
    )
    assert texts[-1] == "Trên đây là báo cáo kết quả thực hiện nhiệm vụ Quý III năm 2017./."


def test_docx_tables(figures: ReportFigures, issuer: ReportIssuer) -> None:
    document = open_docx(docx_of(figures, issuer))
    agencies, overdue = cell_texts(document.tables[1]), cell_texts(document.tables[2])
    assert agencies[0] == AGENCY_HEADERS
    assert agencies[1] == ["1", "Sở Nội vụ", "10", "2", "1", "0", "1", "2", "4", "60,00%"]
    assert agencies[-1] == ["", "Tổng cộng", "30", "3", "5", "2", "4", "6", "10", "50,00%"]
    assert overdue[0] == OVERDUE_HEADERS
    assert overdue[1][:4] == ["1", "UBND huyện Đắk R'Lấp", "473/TB-VPUBND", "2.1"]
    assert overdue[1][5:] == ["31/08/2017", "30", "Tiến độ 40%: Đang lấy ý kiến"]
    header_properties = document.tables[1].rows[0]._tr.trPr
    assert header_properties is not None
    assert header_properties.find(qn("w:tblHeader")) is not None  # repeated on every page
    widths = [
        round(column.width.cm, 1) if column.width else 0 for column in document.tables[1].columns
    ]
    assert widths[:2] == [1.0, 3.6] and round(sum(widths)) == 16  # the text width of A4


def test_docx_recipients_and_signature(figures: ReportFigures, issuer: ReportIssuer) -> None:
    document = open_docx(docx_of(figures, issuer))
    recipients, signature = document.tables[-1].rows[0].cells
    assert recipients.text.split("\n") == [
        "Nơi nhận:",
        "- Chủ tịch, các PCT UBND tỉnh;",
        "- Các Sở, Ban, ngành;",
        "- Lưu: VT, TH.",
    ]
    lines = signature.text.split("\n")
    assert lines[0] == "CHÁNH VĂN PHÒNG" and lines[-1] == "Nguyễn Văn A"
    assert signature.paragraphs[0].runs[0].bold and signature.paragraphs[-1].runs[0].bold
    assert len(lines) >= 5  # room for the signature and the seal


def test_docx_lists_at_most_200_overdue_tasks(figures: ReportFigures, issuer: ReportIssuer) -> None:
    many = replace(figures, overdue=[overdue_task(n) for n in range(1, 206)])
    document = open_docx(docx_of(many, issuer))
    assert len(document.tables[2].rows) == 1 + 200
    assert "và 5 nhiệm vụ khác." in body_texts(document)
    _, sheet = open_sheets(render_xlsx(many, issuer))
    assert sheet.max_row == header_row(sheet) + 205  # the spreadsheet keeps them all


# --- Markdown -------------------------------------------------------------------------------


def test_markdown_has_the_title_sentences_and_tables(figures: ReportFigures) -> None:
    text = markdown_of(figures)
    assert text.startswith("# Kết quả thực hiện nhiệm vụ UBND tỉnh giao\n")
    assert TOTALS_SENTENCE in text and CHANGE_SENTENCE in text
    assert "| " + " | ".join(AGENCY_HEADERS) + " |" in text
    assert "| 1 | Sở Nội vụ | 10 | 2 | 1 | 0 | 1 | 2 | 4 | 60,00% |" in text
    assert "|  | **Tổng cộng** | 30 | 3 | 5 | 2 | 4 | 6 | 10 | 50,00% |" in text
    assert "| " + " | ".join(OVERDUE_HEADERS) + " |" in text
    assert "quy chế \\| phối hợp liên ngành | 31/08/2017 | 30 |" in text
    html = markdown_to_html(text)
    assert html.count("<table>") == 2
    assert "<td>Trình UBND tỉnh ban hành quy chế | phối hợp liên ngành</td>" in html


# --- Edge cases -----------------------------------------------------------------------------


def test_a_period_without_tasks_with_a_deadline_shows_no_rate(issuer: ReportIssuer) -> None:
    """A share of no tasks is not a result: "—" in the tables, and the text says why."""
    empty = ReportFigures(
        title="Kết quả thực hiện nhiệm vụ",
        period_label="tháng 01/2018",
        start=date(2018, 1, 1),
        end=date(2018, 1, 31),
        scope_label="Sở Nội vụ",
        totals=counts(0, 0, 0, 0, 0, 3),
        previous_totals=StatusCounts(),
    )
    summary, overdue = open_sheets(render_xlsx(empty, issuer))
    assert row_labelled(summary, "Số nhiệm vụ")[2:] == [3, 0, 0, 0, 0, 0, 3, "—"]
    assert row_labelled(summary, "So với kỳ trước: tăng (+), giảm (-)")[-1] == "—"
    assert row_values(overdue, header_row(overdue) + 1)[0] == "Không có nhiệm vụ quá hạn."
    texts = body_texts(open_docx(docx_of(empty, issuer)))
    assert any(
        "tổng số nhiệm vụ được giao là 3 nhiệm vụ (thường xuyên 3 nhiệm vụ); "
        "không có nhiệm vụ nào có thời hạn." in t
        for t in texts
    )
    assert "0%" not in " ".join(texts)
    assert "Không có nhiệm vụ quá hạn." in texts
    assert any("không tính tỷ lệ hoàn thành đúng hạn" in t for t in texts)
    assert any(
        "không tính được (kỳ này chưa có nhiệm vụ hoàn thành hoặc quá hạn)" in t for t in texts
    )
    markdown = markdown_of(empty)
    assert "|  | **Tổng cộng** | 3 | 0 | 0 | 0 | 0 | 0 | 3 | — |" in markdown


def test_group_items_are_counted_once_beside_the_tasks_they_give(
    figures: ReportFigures, issuer: ReportIssuer
) -> None:
    grouped = replace(figures, totals=counts(100, 200, 47, 0, 0, 0), items=32)
    assert (
        "tổng số nhiệm vụ được giao là 32 nội dung, giao 347 lượt nhiệm vụ cho các cơ quan. "
        in (markdown_of(grouped))
    )
    one_each = replace(grouped, items=347)
    assert "tổng số nhiệm vụ được giao là 347 nhiệm vụ. " in render_markdown(
        one_each, draft_narrative(one_each)
    )
    texts = body_texts(open_docx(docx_of(grouped, issuer)))
    assert any("32 nội dung, giao 347 lượt nhiệm vụ" in text for text in texts)


def test_a_previous_period_without_a_base_is_said_so(
    figures: ReportFigures, issuer: ReportIssuer
) -> None:
    first = replace(figures, totals=counts(1, 1, 2, 0, 0, 0), previous_totals=StatusCounts())
    markdown = markdown_of(first)
    assert (
        "tỷ lệ hoàn thành đúng hạn đạt 50,00% (kỳ trước không có nhiệm vụ hoàn thành hoặc quá hạn)"
        in markdown
    )


def test_thousands_are_grouped_with_dots_in_text_and_kept_as_numbers_in_the_sheet(
    figures: ReportFigures, issuer: ReportIssuer
) -> None:
    large = replace(
        figures, totals=counts(1500, 776, 40, 200, 92, 0), previous_totals=None, agencies=[]
    )
    texts = body_texts(open_docx(docx_of(large, issuer)))
    assert any(
        "tổng số nhiệm vụ được giao là 2.608 nhiệm vụ. Trong 2.608 nhiệm vụ có thời hạn: đã "
        "hoàn thành 2.316 nhiệm vụ (88,80%)" in text
        for text in texts
    )
    summary, _ = open_sheets(render_xlsx(large, issuer))
    assert row_labelled(summary, "Số nhiệm vụ")[2] == 2608


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_xlsx_keeps_names_and_texts_that_open_like_formulas_as_text(
    figures: ReportFigures, issuer: ReportIssuer, start: str
) -> None:
    agency = f"{start}1+1 Sở Nội vụ"
    task = replace(overdue_task(1), agency=agency, text=f"{start}SUM(A1:A9)")
    figures = replace(
        figures, agencies=[AgencyRow(agency, counts(2, 1, 0, 1, 2, 4))], overdue=[task]
    )
    content = render_xlsx(figures, issuer)
    assert formula_starts_kept_as_text(content) >= {start}
    summary, overdue = open_sheets(content)
    assert row_values(summary, header_row(summary) + 1)[1] == agency
    assert row_values(overdue, header_row(overdue) + 1)[4] == f"{start}SUM(A1:A9)"


def test_the_two_way_form_splits_done_and_not_done_by_agency(
    figures: ReportFigures, issuer: ReportIssuer
) -> None:
    sheet = load_workbook(BytesIO(render_two_way_xlsx(figures, issuer)))["Mẫu hai chiều"]
    header = header_row(sheet)
    groups = row_values(sheet, header - 1)
    assert groups[3] == "Đã hoàn thành" and groups[5] == "Chưa hoàn thành"
    assert row_values(sheet, header)[3:7] == ["Đúng hạn (gồm trước hạn)", "Trễ hạn", "Trong hạn",
                                              "Quá hạn"]  # fmt: skip
    assert {str(r) for r in sheet.merged_cells.ranges} >= {
        f"D{header - 1}:E{header - 1}",
        f"F{header - 1}:G{header - 1}",
    }
    # Sở Nội vụ: 2 early + 1 on time, none late, 1 within, 2 overdue (4 without a deadline)
    assert row_values(sheet, header + 1) == [1, "Sở Nội vụ", 6, 3, 0, 1, 2, 0.6]
    totals = row_values(sheet, header + 4)
    assert totals == [None, "Tổng cộng", 20, 8, 2, 4, 6, 0.5]
    agencies = [row_values(sheet, header + n) for n in (1, 2, 3)]
    assert [sum(int(str(row[c])) for row in agencies) for c in range(2, 7)] == totals[2:7]
    assert sheet.cell(header + 4, 8).number_format == "0.00%"


def test_the_same_period_a_year_before_is_compared_too(
    figures: ReportFigures, issuer: ReportIssuer
) -> None:
    compared = replace(figures, last_year_totals=counts(1, 2, 3, 0, 4, 10))
    markdown = markdown_of(compared)
    assert (
        "So với cùng kỳ năm trước, tổng số nhiệm vụ tăng 10 nhiệm vụ (từ 20 lên 30); số nhiệm vụ "
        "đã hoàn thành tăng 4 nhiệm vụ (từ 6 lên 10); số nhiệm vụ quá hạn tăng 2 nhiệm vụ (từ 4 "
        "lên 6); tỷ lệ hoàn thành đúng hạn tăng 20,00 điểm phần trăm (từ 30,00% lên 50,00%)."
        in markdown
    )
    assert CHANGE_SENTENCE in markdown  # the previous period still comes first
    texts = body_texts(open_docx(docx_of(compared, issuer)))
    assert any(text.startswith("So với cùng kỳ năm trước, ") for text in texts)
    summary, _ = open_sheets(render_xlsx(compared, issuer))
    assert row_labelled(summary, "Cùng kỳ năm trước")[2:] == [20, 1, 2, 3, 0, 4, 10, 0.3]
    change = row_labelled(summary, "So với cùng kỳ năm trước: tăng (+), giảm (-)")
    assert change[2:] == [10, 2, 3, -1, 4, 2, 0, 20.0]


def test_cancelled_tasks_stand_apart_in_the_workbook_too(
    figures: ReportFigures, issuer: ReportIssuer
) -> None:
    with_cancelled = replace(figures, totals=replace(figures.totals, cancelled=2))
    summary, _ = open_sheets(render_xlsx(with_cancelled, issuer))
    row = row_labelled(summary, "Đã hủy/dừng thực hiện (không tính vào các số liệu khác)")
    assert row[2] == 2 and row_labelled(summary, "Số nhiệm vụ")[2] == 30  # not in the total
    assert "Ngoài ra, 2 nhiệm vụ đã hủy/dừng thực hiện" in render_markdown(
        with_cancelled, draft_narrative(with_cancelled)
    )
    plain, _ = open_sheets(render_xlsx(figures, issuer))
    assert all("Đã hủy" not in str(r[0].value) for r in plain.iter_rows())
