"""Reading an uploaded notice: Word structure kept as Markdown, the text of a PDF, plain text
as it is, and a refusal in Vietnamese and English for whatever cannot be read."""

from __future__ import annotations

import codecs
import io
import random
import unicodedata
import zipfile
from collections.abc import Callable

import pytest
from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph
from pypdf import PdfReader, PdfWriter

from tracker.notices import readers
from tracker.notices.readers import UnreadableDocumentError, read_document

MEGABYTE = 1024 * 1024

# A list like the body of a conclusion notice: I. / 1. / a) / 1.1., with the first section
# numbered from II (a startOverride), as when the first section is typed by hand.
SECTIONS_LIST = f"""
<w:abstractNum {nsdecls("w")} w:abstractNumId="90">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/>
    <w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
    <w:lvlText w:val="%2."/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>
    <w:lvlText w:val="%3)"/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
    <w:lvlText w:val="%2.%4."/></w:lvl>
</w:abstractNum>
"""
SECTIONS_NUM = f"""
<w:num {nsdecls("w")} w:numId="90">
  <w:abstractNumId w:val="90"/>
  <w:lvlOverride w:ilvl="0"><w:startOverride w:val="2"/></w:lvlOverride>
</w:num>
"""


def docx_bytes(document: DocxDocument) -> bytes:
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def add_sections_list(document: DocxDocument) -> None:
    numbering = document.part.numbering_part.element
    numbering.find(qn("w:num")).addprevious(parse_xml(SECTIONS_LIST))
    numbering.append(parse_xml(SECTIONS_NUM))


def number(paragraph: Paragraph, num_id: int, level: int = 0) -> Paragraph:
    """Give a paragraph Word's automatic numbering directly (not through its style)."""
    paragraph._p.get_or_add_pPr().append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
            f'<w:numId w:val="{num_id}"/></w:numPr>'
        )
    )
    return paragraph


def bold_lead(document: DocxDocument, *pieces: tuple[str, bool]) -> Paragraph:
    paragraph = document.add_paragraph()
    for text, bold in pieces:
        paragraph.add_run(text).bold = bold
    return paragraph


def conclusion_notice() -> DocxDocument:
    document = Document()
    add_sections_list(document)
    document.add_heading("THÔNG BÁO", level=0)
    bold_lead(document, ("Kết luận của Chủ tịch UBND tỉnh tại cuộc họp ngày 06/8/2025", True))
    document.add_heading("I. ĐÁNH GIÁ CHUNG", level=2)
    # Decomposed accents, as some editors save them, come back composed.
    document.add_paragraph(unicodedata.normalize("NFD", "Tiến độ giải ngân còn chậm."))
    number(document.add_paragraph("NHIỆM VỤ TRONG THỜI GIAN TỚI"), 90, 0)
    number(bold_lead(document, ("Giao Sở Tài chính:", True)), 90, 1)
    number(document.add_paragraph("Chủ trì thẩm định phương án."), 90, 2)
    number(document.add_paragraph("Báo cáo UBND tỉnh trước ngày 30/6/2025."), 90, 2)
    number(document.add_paragraph("Giao Sở Xây dựng rà soát quy hoạch."), 90, 1)
    number(document.add_paragraph("Lập danh mục dự án."), 90, 2)
    number(document.add_paragraph("Trình phê duyệt trong quý III."), 90, 3)
    number(document.add_paragraph("KIẾN NGHỊ"), 90, 0)
    number(document.add_paragraph("Đồng ý chủ trương đầu tư."), 90, 1)
    document.add_paragraph("Cấp huyện thực hiện các việc sau:")
    document.add_paragraph("Rà soát hồ sơ đất đai.", style="List Number")
    document.add_paragraph("Báo cáo kết quả hằng tháng.", style="List Number")
    number(document.add_paragraph("Không đánh số.", style="List Number"), 0)
    document.add_paragraph("Tăng cường kiểm tra.", style="List Bullet")
    bold_lead(
        document,
        ("5. Giao Sở ", True),
        ("Kế hoạch và Đầu tư", True),
        ("", True),
        (" triển khai", False),
        ("  ", True),
        ("kế hoạch vốn năm 2026.", False),
    )
    table = document.add_table(rows=3, cols=4)
    for cell, text in zip(
        table.rows[0].cells, ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn"], strict=True
    ):
        cell.text = text
    for cell, text in zip(
        table.rows[1].cells, ["1", "Rà soát dự án", "Sở Tài chính", "30/6/2025"], strict=True
    ):
        cell.text = text
    bold_lead(document, ("Nơi nhận:", True))
    return document


def test_docx_keeps_headings_bold_leads_list_labels_and_tables() -> None:
    markdown = read_document("thong-bao.docx", docx_bytes(conclusion_notice()))

    assert markdown == "\n\n".join(
        [
            "# THÔNG BÁO",
            "**Kết luận của Chủ tịch UBND tỉnh tại cuộc họp ngày 06/8/2025**",
            "## I. ĐÁNH GIÁ CHUNG",
            "Tiến độ giải ngân còn chậm.",
            "II. NHIỆM VỤ TRONG THỜI GIAN TỚI",
            "**1. Giao Sở Tài chính:**",
            "a) Chủ trì thẩm định phương án.",
            "b) Báo cáo UBND tỉnh trước ngày 30/6/2025.",
            "2. Giao Sở Xây dựng rà soát quy hoạch.",
            "a) Lập danh mục dự án.",
            "2.1. Trình phê duyệt trong quý III.",
            "III. KIẾN NGHỊ",
            "1. Đồng ý chủ trương đầu tư.",
            "Cấp huyện thực hiện các việc sau:",
            "1. Rà soát hồ sơ đất đai.",
            "2. Báo cáo kết quả hằng tháng.",
            "Không đánh số.",
            "- Tăng cường kiểm tra.",
            "**5. Giao Sở Kế hoạch và Đầu tư** triển khai kế hoạch vốn năm 2026.",
            "STT | Nội dung | Đơn vị chủ trì | Thời hạn\n"
            "1 | Rà soát dự án | Sở Tài chính | 30/6/2025",
            "**Nơi nhận:**",
        ]
    )
    assert unicodedata.is_normalized("NFC", markdown)


def test_docx_list_labels_follow_level_formats() -> None:
    document = Document()
    numbering = document.part.numbering_part.element
    numbering.find(qn("w:num")).addprevious(
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="91">'
            '<w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="lowerRoman"/>'
            '<w:lvlText w:val="(%1)"/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="26"/><w:numFmt w:val="upperLetter"/>'
            '<w:lvlText w:val="%2."/></w:lvl>'
            '<w:lvl w:ilvl="2"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>'
            "</w:abstractNum>"
        )
    )
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="91"><w:abstractNumId w:val="91"/></w:num>')
    )
    for text, level in [("Một", 0), ("Hai", 1), ("Ba", 1), ("Bốn", 2), ("Năm", 0)]:
        number(document.add_paragraph(text), 91, level)

    markdown = read_document("danh-sach.DOCX", docx_bytes(document))

    assert markdown.split("\n\n") == ["(iii) Một", "Z. Hai", "AA. Ba", "- Bốn", "(iv) Năm"]


def test_markdown_is_returned_as_written() -> None:
    text = "# Thông báo\r\n\r\n\r\n\r\n**1. Giao Sở Nội vụ** tham mưu.   \r\n- Báo cáo\r\n"

    markdown = read_document("thong-bao.md", text.encode("utf-8"))

    assert markdown == "# Thông báo\n\n**1. Giao Sở Nội vụ** tham mưu.\n- Báo cáo"


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(codecs.BOM_UTF8 + "Giao Sở Tài chính".encode(), id="utf-8 with BOM"),
        pytest.param("Giao Sở Tài chính".encode("utf-16"), id="utf-16"),
        pytest.param(
            codecs.BOM_UTF16_BE + "Giao Sở Tài chính".encode("utf-16-be"), id="utf-16 big-endian"
        ),
        # Windows' Vietnamese code page writes "ở" as "ơ" and a combining hook.
        pytest.param(b"Giao S\xf5\xd2 T\xe0i ch\xednh", id="cp1258"),
        pytest.param(unicodedata.normalize("NFD", "Giao Sở Tài chính").encode(), id="utf-8 NFD"),
    ],
)
def test_plain_text_encodings(content: bytes) -> None:
    assert read_document("thong-bao.txt", content) == "Giao Sở Tài chính"


def hand_written_pdf(*page_contents: bytes | None) -> bytes:
    """A PDF of pages drawn in Helvetica; None for a page with no content (like a scan)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    kids = []
    for content in page_contents:
        kids.append(b"%d 0 R" % (len(objects) + 1))
        page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]"
        if content is None:
            objects.append(page + b" >>")
            continue
        objects.append(
            page
            + b" /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (len(objects) + 2)
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number_, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number_, body)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(pdf)


TEXT_PAGE = b"BT /F1 12 Tf 72 720 Td (THONG BAO) Tj 0 -20 Td (1. Giao So Tai chinh) Tj ET"
SECOND_PAGE = b"BT /F1 12 Tf 72 720 Td (2. Giao So Xay dung) Tj ET"


def encrypted(pdf: bytes, user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password=user_password, owner_password="chu-so-huu", algorithm="RC4-128")
    stream = io.BytesIO()
    writer.write(stream)
    return stream.getvalue()


def test_pdf_pages_are_joined() -> None:
    pdf = hand_written_pdf(TEXT_PAGE, None, SECOND_PAGE)

    text = read_document("thong-bao.pdf", pdf)

    assert text == "THONG BAO\n1. Giao So Tai chinh\n\n2. Giao So Xay dung"


def test_pdf_locked_only_against_editing_is_read() -> None:
    pdf = encrypted(hand_written_pdf(TEXT_PAGE), user_password="")

    assert read_document("thong-bao.pdf", pdf).startswith("THONG BAO")


def zip_of(files: dict[str, bytes]) -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return stream.getvalue()


def docx_without(part_name: str) -> bytes:
    document = Document()
    document.add_paragraph("Giao Sở Tài chính")
    with zipfile.ZipFile(io.BytesIO(docx_bytes(document))) as archive:
        return zip_of({n: archive.read(n) for n in archive.namelist() if n != part_name})


def junk() -> bytes:
    return random.Random(1258).randbytes(4096) + b"\x00"


NOT_WORD = "Tệp không phải là tài liệu Word hợp lệ"
DAMAGED_WORD = "Tài liệu Word bị hỏng, không đọc được"
UNREADABLE_TEXT = "Tệp không phải văn bản đọc được"
EMPTY = "Tệp không có nội dung"

REFUSALS: list[tuple[str, Callable[[], bytes], str]] = [
    ("thong-bao.txt", lambda: b"", EMPTY),
    ("thong-bao.docx", lambda: b"", EMPTY),
    ("thong-bao.txt", lambda: b" \r\n\t\n\f ", EMPTY),
    ("thong-bao.md", lambda: codecs.BOM_UTF8, EMPTY),
    ("thong-bao.txt", junk, UNREADABLE_TEXT),
    ("thong-bao.txt", lambda: b"Giao " + b"\x01\x02\x1b" * 20 + b" Tai chinh", UNREADABLE_TEXT),
    ("thong-bao.txt", lambda: b"\x81\x8d\x8e\x8f\x90", UNREADABLE_TEXT),
    ("thong-bao.docx", junk, NOT_WORD),
    ("thong-bao.docx", lambda: zip_of({"ghi-chu.txt": b"Giao So Tai chinh"}), NOT_WORD),
    (
        "thong-bao.docx",
        lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512),
        "Tệp là tài liệu Word cũ (.doc) hoặc có đặt mật khẩu. "
        "Vui lòng lưu lại dưới dạng .docx không có mật khẩu.",
    ),
    (
        "thong-bao.docx",
        lambda: docx_bytes(conclusion_notice())[:3000],
        DAMAGED_WORD,
    ),
    ("thong-bao.docx", lambda: docx_without("word/document.xml"), DAMAGED_WORD),
    ("thong-bao.docx", lambda: docx_bytes(Document()), "Tài liệu Word không có chữ"),
    ("thong-bao.pdf", lambda: b"Giao So Tai chinh", "Tệp không phải là tài liệu PDF hợp lệ"),
    (
        "thong-bao.pdf",
        lambda: hand_written_pdf(None, None),
        "Tệp PDF không có lớp chữ (bản quét). Vui lòng tải lên bản DOCX hoặc PDF có chữ.",
    ),
    (
        "thong-bao.pdf",
        lambda: encrypted(hand_written_pdf(TEXT_PAGE), user_password="mat-khau"),
        "Tệp PDF có đặt mật khẩu. Vui lòng tải lên bản không có mật khẩu.",
    ),
    (
        "thong-bao.pdf",
        lambda: hand_written_pdf(TEXT_PAGE)[:150],
        "Tệp PDF bị hỏng, không đọc được",
    ),
    (
        "thong-bao.xlsx",
        lambda: b"Giao So Tai chinh",
        "Định dạng tệp không được hỗ trợ. Chỉ nhận tệp .txt, .md, .docx hoặc .pdf.",
    ),
    (
        "thong-bao",
        lambda: b"Giao So Tai chinh",
        "Định dạng tệp không được hỗ trợ. Chỉ nhận tệp .txt, .md, .docx hoặc .pdf.",
    ),
    ("thong-bao.txt", lambda: b"a" * (21 * MEGABYTE), "Tệp quá lớn: tối đa 20 MB"),
]


@pytest.mark.parametrize(("file_name", "make_content", "message_vi"), REFUSALS)
def test_unreadable_uploads_are_refused_in_both_languages(
    file_name: str, make_content: Callable[[], bytes], message_vi: str
) -> None:
    with pytest.raises(UnreadableDocumentError) as refusal:
        read_document(file_name, make_content())

    assert refusal.value.message_vi == message_vi
    assert refusal.value.message_en
    assert str(refusal.value) == refusal.value.message_en


def test_size_limit_is_given_in_megabytes() -> None:
    with pytest.raises(UnreadableDocumentError) as refusal:
        read_document("thong-bao.txt", b"a" * MEGABYTE, max_bytes=MEGABYTE // 2)

    assert refusal.value.message_vi == "Tệp quá lớn: tối đa 0,5 MB"
    assert refusal.value.message_en == "File too large: at most 0.5 MB"


def test_docx_that_inflates_past_the_cap_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_UNPACKED_DOCX_BYTES", 10_000)

    with pytest.raises(UnreadableDocumentError) as refusal:
        read_document("thong-bao.docx", docx_bytes(conclusion_notice()))

    assert refusal.value.message_vi == "Tài liệu Word quá lớn khi giải nén"
    assert refusal.value.message_en


def test_docx_reads_text_as_word_shows_it() -> None:
    """Runs inside hyperlinks, tracked insertions and content controls count; deleted and
    hidden text does not; a heading carries no bold marks of its own."""
    document = Document()
    document.add_heading("Nhiệm vụ trọng tâm", level=1).runs[0].bold = True
    body = document.element.body
    body.insert(
        len(body) - 1,  # before the section properties
        parse_xml(
            f"<w:sdt {nsdecls('w', 'r')}><w:sdtContent><w:p>"
            "<w:r><w:t>Xem </w:t></w:r>"
            '<w:hyperlink r:id="rId99"><w:r><w:t>Quyết định 12</w:t></w:r></w:hyperlink>'
            "<w:del><w:r><w:delText>cũ </w:delText></w:r></w:del>"
            '<w:ins><w:r><w:t xml:space="preserve"> mới</w:t></w:r></w:ins>'
            "<w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r>"
            "<w:r><w:tab/><w:t>hết</w:t><w:br/><w:t>dòng sau</w:t></w:r>"
            "</w:p></w:sdtContent></w:sdt>"
        ),
    )

    markdown = read_document("thong-bao.docx", docx_bytes(document))

    assert markdown == "# Nhiệm vụ trọng tâm\n\nXem Quyết định 12 mới hết\ndòng sau"
