"""Evidence uploads: the kind is read from the content, the name is made safe to show."""

import io
import unicodedata
import zipfile
from collections.abc import Callable

import docx
import pytest

from tests.support import files
from tracker.domain.evidence_files import (
    ALLOWED_KINDS,
    CheckedFile,
    RejectedFileError,
    check_evidence_file,
    safe_file_name,
)

MIB = 1024 * 1024
LIMIT = 20 * MIB
KINDS = "PDF, DOC, DOCX, XLS, XLSX, ODT, JPG, PNG"
WRONG_EXTENSION = f"Chỉ nhận tệp {KINDS}."


def mismatch(extension: str) -> str:
    return (
        f"Nội dung tệp không đúng với phần mở rộng {extension}: "
        f"hệ thống chỉ nhận tệp thật sự là {KINDS}."
    )


def build_zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            # An OpenDocument "mimetype" is the first entry and is stored, not compressed.
            compression = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(name, data, compress_type=compression)
    return buffer.getvalue()


def build_pdf() -> bytes:
    return files.pdf()


def build_png() -> bytes:
    return files.image("PNG")


def build_jpeg() -> bytes:
    return files.image("JPEG")


def build_doc() -> bytes:
    return files.ole2("WordDocument", "1Table", "\x05SummaryInformation")


def build_xls() -> bytes:
    return files.ole2("Workbook", "\x05SummaryInformation")


def build_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("Báo cáo kết quả thực hiện nhiệm vụ")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def build_xlsx() -> bytes:
    # openpyxl is not a dependency of the project: a workbook reduced to its required parts.
    return build_zip(
        {
            "[Content_Types].xml": b"<Types/>",
            "_rels/.rels": b"<Relationships/>",
            "xl/workbook.xml": b"<workbook><sheets/></workbook>",
        }
    )


def build_odt(mimetype: bytes = b"application/vnd.oasis.opendocument.text") -> bytes:
    return build_zip(
        {
            "mimetype": mimetype,
            "content.xml": b"<office:document-content/>",
            "META-INF/manifest.xml": b"<manifest:manifest/>",
        }
    )


@pytest.mark.parametrize(
    ("file_name", "build", "content_type"),
    [
        ("bao-cao.pdf", build_pdf, "application/pdf"),
        ("cong-van.doc", build_doc, "application/msword"),
        (
            "bao-cao.docx",
            build_docx,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("so-lieu.xls", build_xls, "application/vnd.ms-excel"),
        (
            "so-lieu.xlsx",
            build_xlsx,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        ("bien-ban.odt", build_odt, "application/vnd.oasis.opendocument.text"),
        ("anh-hien-truong.jpg", build_jpeg, "image/jpeg"),
        ("anh-hien-truong.jpeg", build_jpeg, "image/jpeg"),
        ("so-do.png", build_png, "image/png"),
    ],
)
def test_each_allowed_kind_is_accepted(
    file_name: str, build: Callable[[], bytes], content_type: str
) -> None:
    content = build()
    assert check_evidence_file(file_name, content, LIMIT) == CheckedFile(
        file_name, content_type, len(content)
    )


def test_every_allowed_extension_is_covered() -> None:
    assert sorted(ALLOWED_KINDS) == sorted(
        [".pdf", ".doc", ".docx", ".xls", ".xlsx", ".odt", ".jpg", ".jpeg", ".png"]
    )


def test_a_workbook_written_by_openpyxl_is_accepted() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    buffer = io.BytesIO()
    openpyxl.Workbook().save(buffer)
    checked = check_evidence_file("so-lieu.xlsx", buffer.getvalue(), LIMIT)
    assert checked.content_type == ALLOWED_KINDS[".xlsx"]


@pytest.mark.parametrize(
    ("file_name", "build", "safe_name"),
    [
        ("BAO-CAO.PDF", build_pdf, "BAO-CAO.pdf"),
        ("Anh.JPG", build_jpeg, "Anh.jpg"),
        ("Bao Cao.DocX", build_docx, "Bao Cao.docx"),
    ],
)
def test_upper_case_extension_is_accepted_and_lowered(
    file_name: str, build: Callable[[], bytes], safe_name: str
) -> None:
    checked = check_evidence_file(file_name, build(), LIMIT)
    assert checked.file_name == safe_name


def test_the_checked_file_carries_the_safe_name() -> None:
    checked = check_evidence_file("../../Báo cáo\n quý I.pdf", build_pdf(), LIMIT)
    assert checked.file_name == "Báo cáo quý I.pdf"


@pytest.mark.parametrize(
    ("file_name", "content"),
    [
        ("bao-cao.pdf", build_png()),
        ("bao-cao.docx", build_pdf()),
        ("bao-cao.docx", build_zip({"readme.txt": b"khong phai van ban Word"})),
        ("bao-cao.docx", build_xlsx()),
        ("bao-cao.docx", build_odt()),
        ("bao-cao.docx", build_doc()),
        ("so-lieu.xlsx", build_docx()),
        ("bien-ban.odt", build_odt(b"application/vnd.oasis.opendocument.spreadsheet")),
        ("bien-ban.odt", build_zip({"content.xml": b"<office:document-content/>"})),
        ("anh.jpg", b"day khong phai la anh"),
        ("anh.jpg", b"<!DOCTYPE html><html><script>alert(1)</script></html>"),
        ("anh.png", build_jpeg()),
        ("bao-cao.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + bytes(56) + b"This program cannot be run"),
        ("bao-cao.doc", build_pdf()),
        ("bao-cao.docx", b"PK\x03\x04" + b"not really a zip" * 10),
        ("bao-cao.docx", build_docx()[:2000]),
        ("bao-cao.doc", build_xls()),
        ("so-lieu.xls", build_doc()),
        ("cai-dat.doc", files.ole2("\x05SummaryInformation", "\x05DigitalSignature")),
        ("so-lieu.xls", files.ole2()),
        ("bao-cao.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000)),
    ],
    ids=[
        "png-as-pdf",
        "pdf-as-docx",
        "plain-zip-as-docx",
        "xlsx-as-docx",
        "odt-as-docx",
        "ole2-as-docx",
        "docx-as-xlsx",
        "ods-as-odt",
        "zip-without-mimetype-as-odt",
        "text-as-jpg",
        "html-as-jpg",
        "jpeg-as-png",
        "exe-as-pdf",
        "pdf-as-doc",
        "broken-zip-as-docx",
        "truncated-docx",
        "xls-as-doc",
        "doc-as-xls",
        "installer-as-doc",
        "empty-compound-file-as-xls",
        "broken-compound-file-as-doc",
    ],
)
def test_disguised_content_is_rejected(file_name: str, content: bytes) -> None:
    extension = "." + file_name.rsplit(".", 1)[1]
    with pytest.raises(RejectedFileError) as rejected:
        check_evidence_file(file_name, content, LIMIT)
    assert rejected.value.message_vi == mismatch(extension)
    assert str(rejected.value) == f"content does not match extension {extension!r}"


@pytest.mark.parametrize(
    "file_name",
    ["setup.exe", "trang.html", "bao-cao", "bao-cao.pdf.exe", "du-lieu.csv", ".pdf.", ""],
)
def test_unknown_extension_is_rejected(file_name: str) -> None:
    with pytest.raises(RejectedFileError) as rejected:
        check_evidence_file(file_name, build_pdf(), LIMIT)
    assert rejected.value.message_vi == WRONG_EXTENSION


def test_empty_file_is_rejected() -> None:
    with pytest.raises(RejectedFileError) as rejected:
        check_evidence_file("bao-cao.pdf", b"", LIMIT)
    assert rejected.value.message_vi == "Tệp rỗng, không có nội dung."
    assert str(rejected.value) == "empty file"


def test_file_over_the_limit_is_rejected() -> None:
    content = build_pdf() + bytes(MIB)
    with pytest.raises(RejectedFileError) as rejected:
        check_evidence_file("bao-cao.pdf", content, MIB)
    assert rejected.value.message_vi == "Tệp quá lớn: tối đa 1 MB."


def test_file_exactly_at_the_limit_is_accepted() -> None:
    content = build_pdf()
    assert check_evidence_file("bao-cao.pdf", content, len(content)).size == len(content)


ZIP_BOMB = (
    "Tệp nén bất thường (quá 10.000 thành phần hoặc quá 200 MB khi giải nén), hệ thống không nhận."
)


def test_zip_with_too_many_entries_is_rejected() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", b"<w:document/>")
        for number in range(10_000):
            archive.writestr(f"word/media/{number}.txt", b"")
    with pytest.raises(RejectedFileError) as rejected:
        check_evidence_file("bao-cao.docx", buffer.getvalue(), LIMIT)
    assert rejected.value.message_vi == ZIP_BOMB


def test_zip_that_unpacks_past_200_mb_is_rejected() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("word/document.xml", b"<w:document/>")
        with archive.open("word/media/zeros.bin", "w", force_zip64=True) as zeros:
            for _ in range(201):
                zeros.write(bytes(MIB))
    content = buffer.getvalue()
    assert len(content) < 2 * MIB
    with pytest.raises(RejectedFileError) as rejected:
        check_evidence_file("bao-cao.docx", content, LIMIT)
    assert rejected.value.message_vi == ZIP_BOMB


LONG_STEM = "Báo cáo " * 40  # 320 characters


@pytest.mark.parametrize(
    ("file_name", "safe_name"),
    [
        ("Báo cáo kết quả.pdf", "Báo cáo kết quả.pdf"),
        (unicodedata.normalize("NFD", "Kế hoạch số 12.docx"), "Kế hoạch số 12.docx"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\x\\bao-cao.pdf", "bao-cao.pdf"),
        ("a/b/c.pdf", "c.pdf"),
        ("..\\..\\windows\\win.ini", "win.ini"),
        ("thư mục/", "minh-chung"),
        ("..pdf", "minh-chung.pdf"),
        ("   .pdf", "minh-chung.pdf"),
        (".htaccess", "minh-chung.htaccess"),
        ("..", "minh-chung"),
        ("", "minh-chung"),
        ("bao\x00cao.pdf", "baocao.pdf"),
        ("bao-cao.exe\x00.pdf", "bao-cao.exe.pdf"),
        ("bao\ncao\r\n.pdf", "bao cao.pdf"),
        ("bao\tcao\x1b[31m.pdf", "bao cao[31m.pdf"),
        ('bao<>:"|?*cao.pdf', "baocao.pdf"),
        ("  nhiều    khoảng   trắng  .docx", "nhiều khoảng trắng.docx"),
        ("bao-cao.PDF", "bao-cao.pdf"),
        ("bao-cao.pdf. . ", "bao-cao.pdf"),
        ("\u202egpj.exe", "gpj.exe"),
        ("bao\u200bcao.pdf", "baocao.pdf"),
    ],
)
def test_safe_file_name(file_name: str, safe_name: str) -> None:
    assert safe_file_name(file_name) == safe_name
    assert safe_file_name(safe_name) == safe_name


@pytest.mark.parametrize(
    ("file_name", "extension"),
    [("a" * 300 + ".docx", ".docx"), (LONG_STEM + ".PDF", ".pdf"), ("ệ" * 300, "")],
)
def test_long_name_is_cut_to_150_characters_keeping_the_extension(
    file_name: str, extension: str
) -> None:
    safe_name = safe_file_name(file_name)
    assert len(safe_name) <= 150
    assert safe_name.endswith(extension)
    assert file_name.lower().startswith(safe_name.removesuffix(extension).lower())
    assert safe_name == safe_name.strip()


def test_name_cut_on_a_space_does_not_end_in_a_space() -> None:
    # 146 characters of stem fit beside ".pdf"; the cut falls just after a space.
    stem = "x" * 145 + " " + "y" * 20
    assert safe_file_name(stem + ".pdf") == "x" * 145 + ".pdf"


MACROS = (
    "Tệp có chứa macro (mã lệnh chạy trong Word, Excel), hệ thống không nhận vì lý do an toàn. "
    "Vui lòng lưu lại thành tệp thông thường (DOCX, XLSX) rồi tải lên."
)
MARKUP = (
    "Tệp có lẫn mã trang web (HTML, JavaScript) trong nội dung, hệ thống không nhận vì lý do "
    "an toàn."
)
BROKEN_PDF = (
    "Không đọc được tệp PDF: tệp bị hỏng hoặc không phải PDF thật. "
    "Vui lòng xuất lại tệp PDF rồi tải lên."
)
LOCKED_PDF = (
    "Tệp PDF được đặt mật khẩu mở tệp nên không kiểm tra được; "
    "vui lòng tải lên bản không đặt mật khẩu."
)
TOO_MANY_PIXELS = "Ảnh quá lớn (trên 50 triệu điểm ảnh); vui lòng giảm kích thước ảnh rồi tải lên."
HTML = b"<!DOCTYPE html><html><body><script>fetch('/api')</script></body></html>"
DOCM_TYPES = (
    b'<Types><Override PartName="/word/document.xml" ContentType="application/'
    b'vnd.ms-word.document.macroEnabled.main+xml"/></Types>'
)
PAGELESS_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


@pytest.mark.parametrize(
    ("file_name", "content", "message"),
    [
        (
            "bao-cao.docx",
            files.with_zip_entries(build_docx(), {"word/vbaProject.bin": b"VBA"}),
            MACROS,
        ),
        (
            "bao-cao.docx",
            files.with_zip_entries(build_docx(), {"[Content_Types].xml": DOCM_TYPES}),
            MACROS,
        ),
        (
            "bao-cao.docx",
            files.with_zip_entries(build_docx(), {"word/activeX/activeX1.bin": b"x"}),
            MACROS,
        ),
        (
            "so-lieu.xlsx",
            files.with_zip_entries(build_xlsx(), {"xl/vbaProject.bin": b"VBA"}),
            MACROS,
        ),
        (
            "so-lieu.xlsx",
            files.with_zip_entries(build_xlsx(), {"xl/macrosheets/sheet1.xml": b"<x/>"}),
            MACROS,
        ),
        (
            "bien-ban.odt",
            files.with_zip_entries(build_odt(), {"Basic/Standard/Module1.xml": b"<x/>"}),
            MACROS,
        ),
        ("bao-cao.doc", files.ole2("WordDocument", ("Macros", files.STORAGE)), MACROS),
        ("so-lieu.xls", files.ole2("Workbook", ("_VBA_PROJECT_CUR", files.STORAGE)), MACROS),
        ("bao-cao.pdf", b"%PDF-1.4\n" + HTML, MARKUP),
        ("bao-cao.pdf", build_pdf() + HTML, MARKUP),
        ("bao-cao.pdf", b"%PDF-1.4\n%%EOF\n<img src=x onerror=alert(1)>", BROKEN_PDF),
        ("bao-cao.pdf", PAGELESS_PDF, BROKEN_PDF),
        ("bao-cao.pdf", build_pdf()[:200], BROKEN_PDF),
        ("bao-cao.pdf", files.pdf(password="mat-khau"), LOCKED_PDF),
        ("anh.jpg", build_jpeg()[:20] + HTML, MARKUP),
        ("anh.jpg", build_jpeg() + HTML, MARKUP),
        ("anh.png", build_png() + HTML, MARKUP),
        (
            "anh.jpg",
            b"\xff\xd8\xff\xe0" + bytes(100),
            "Không đọc được ảnh: tệp bị hỏng hoặc không phải ảnh JPG thật.",
        ),
        (
            "anh.jpg",
            build_jpeg()[:-40],
            "Không đọc được ảnh: tệp bị hỏng hoặc không phải ảnh JPG thật.",
        ),
        (
            "anh.png",
            build_png()[:-20],
            "Không đọc được ảnh: tệp bị hỏng hoặc không phải ảnh PNG thật.",
        ),
        (
            "anh.png",
            files.png_without_pixels(3, 3),
            "Không đọc được ảnh: tệp bị hỏng hoặc không phải ảnh PNG thật.",
        ),
        ("anh.png", files.png_without_pixels(8000, 8000), TOO_MANY_PIXELS),
        ("anh.png", files.png_without_pixels(20_000, 20_000), TOO_MANY_PIXELS),
    ],
    ids=[
        "docx-with-vba-project",
        "docm-content-types",
        "docx-with-activex",
        "xlsx-with-vba-project",
        "xlsx-with-excel-4-macro-sheet",
        "odt-with-basic-macros",
        "doc-with-macros",
        "xls-with-macros",
        "pdf-signature-then-html",
        "pdf-then-trailing-html",
        "pdf-signature-then-junk",
        "pdf-without-a-page",
        "truncated-pdf",
        "pdf-with-an-opening-password",
        "jpeg-header-then-html",
        "jpeg-then-trailing-html",
        "png-then-trailing-html",
        "jpeg-header-then-zeros",
        "truncated-jpeg",
        "truncated-png",
        "png-without-pixels",
        "png-of-64-megapixels",
        "png-past-pillow-bomb-limit",
    ],
)
def test_a_file_of_the_right_signature_but_unsafe_or_unreadable_is_rejected(
    file_name: str, content: bytes, message: str
) -> None:
    with pytest.raises(RejectedFileError) as rejected:
        check_evidence_file(file_name, content, LIMIT)
    assert rejected.value.message_vi == message


@pytest.mark.parametrize(
    ("file_name", "content"),
    [
        # Excel keeps the printer set-up of a sheet in a binary part: no code in it.
        (
            "so-lieu.xlsx",
            files.with_zip_entries(
                build_xlsx(), {"xl/printerSettings/printerSettings1.bin": bytes(64)}
            ),
        ),
        # An owner password (no copying, no printing) does not stop the file being read.
        ("bao-cao.pdf", files.pdf(password="", owner_password="chu-so-huu")),
        ("bao-cao.pdf", build_pdf() + b"\r\n"),
        ("anh.jpg", files.image("JPEG", (640, 480))),
        ("bao-cao.doc", files.ole2("WordDocument", "1Table", ("ObjectPool", files.STORAGE))),
        ("so-lieu.xls", files.ole2("Book")),
    ],
    ids=[
        "xlsx-with-printer-settings",
        "pdf-with-owner-password",
        "pdf-with-trailing-new-line",
        "jpeg-photograph",
        "doc-with-embedded-objects",
        "excel-95-workbook",
    ],
)
def test_ordinary_files_pass_the_deeper_checks(file_name: str, content: bytes) -> None:
    assert check_evidence_file(file_name, content, LIMIT).size == len(content)
