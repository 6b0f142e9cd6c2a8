"""Read an uploaded notice file (.txt, .md, .docx or .pdf) into Markdown-like text.

The parser downstream finds sections and items by their headings, bold leads and list labels,
so a Word document keeps that structure as Markdown; plain text and Markdown are returned as
they are; a PDF gives the text of its pages. Whatever the source, the text comes back in NFC
with "\\n" line endings and at most one blank line in a row. Anything that cannot be read
raises UnreadableDocumentError, whose two messages can be shown to the user as they are.

python-docx and pypdf are imported when a file of their kind is read: a web worker that never
receives one does not hold them (some 20 MB).
"""

from __future__ import annotations

import codecs
import io
import os
import re
import unicodedata
import zipfile
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pypdf import PdfReader

SUPPORTED_EXTENSIONS = (".txt", ".md", ".docx", ".pdf")

MEGABYTE = 1024 * 1024
# Every part of a DOCX is unpacked into memory; this caps a small upload that inflates hugely.
MAX_UNPACKED_DOCX_BYTES = 200 * MEGABYTE
# Share of control characters above which decoded bytes are taken for a binary file.
MAX_CONTROL_SHARE = 0.05

_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# C0 and C1 control characters other than \t \n \f \r.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_BLANK_RUN = re.compile(r"\n{3,}")


class UnreadableDocumentError(Exception):
    """The upload cannot be turned into text; both messages are meant for the user."""

    def __init__(self, message_vi: str, message_en: str) -> None:
        super().__init__(message_en)
        self.message_vi = message_vi
        self.message_en = message_en


def read_document(file_name: str, content: bytes, max_bytes: int = 20 * MEGABYTE) -> str:
    """The text of an uploaded notice, chosen by the file's extension and checked against
    its content; raises UnreadableDocumentError when the file cannot be read."""
    extension = os.path.splitext(file_name.strip())[1].lower()
    readers: dict[str, Callable[[bytes], str]] = {
        ".txt": _read_text,
        ".md": _read_text,
        ".docx": _read_docx,
        ".pdf": _read_pdf,
    }
    if extension not in readers:
        listed_vi = ", ".join(SUPPORTED_EXTENSIONS[:-1]) + " hoặc " + SUPPORTED_EXTENSIONS[-1]
        listed_en = ", ".join(SUPPORTED_EXTENSIONS[:-1]) + " or " + SUPPORTED_EXTENSIONS[-1]
        raise UnreadableDocumentError(
            f"Định dạng tệp không được hỗ trợ. Chỉ nhận tệp {listed_vi}.",
            f"Unsupported file type. Only {listed_en} files are accepted.",
        )
    if len(content) > max_bytes:
        limit = f"{max_bytes / MEGABYTE:.1f}".removesuffix(".0")
        raise UnreadableDocumentError(
            f"Tệp quá lớn: tối đa {limit.replace('.', ',')} MB",
            f"File too large: at most {limit} MB",
        )
    if not content:
        raise _empty_file()
    return readers[extension](content)


def _tidy(text: str) -> str:
    """NFC, "\\n" line endings, no trailing spaces, and at most one blank line in a row."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = (line.rstrip() for line in text.removeprefix("\ufeff").split("\n"))
    return _BLANK_RUN.sub("\n\n", "\n".join(lines)).strip("\n")


def _empty_file() -> UnreadableDocumentError:
    return UnreadableDocumentError("Tệp không có nội dung", "The file is empty")


def _not_text() -> UnreadableDocumentError:
    return UnreadableDocumentError(
        "Tệp không phải văn bản đọc được", "The file is not readable text"
    )


def _read_text(content: bytes) -> str:
    text = _decode(content)
    if "\x00" in text or len(_CONTROLS.findall(text)) > len(text) * MAX_CONTROL_SHARE:
        raise _not_text()
    text = _tidy(text)
    if not text.strip():
        raise _empty_file()
    return text


def _decode(content: bytes) -> str:
    """UTF-8 or, with a byte order mark, UTF-16; else Windows' Vietnamese code page."""
    if content.startswith(codecs.BOM_UTF8):
        encoding, content = "utf-8", content[len(codecs.BOM_UTF8) :]
    elif content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif b"\x00" in content:
        raise _not_text()
    else:
        try:
            return content.decode("utf-8")
        except UnicodeDecodeError:
            encoding = "cp1258"
    try:
        return content.decode(encoding)
    except UnicodeDecodeError as error:
        raise _not_text() from error


def _read_docx(content: bytes) -> str:
    not_word = UnreadableDocumentError(
        "Tệp không phải là tài liệu Word hợp lệ", "The file is not a valid Word document"
    )
    if content.startswith(_OLE_SIGNATURE):
        # Both the old binary .doc and a password-protected .docx are OLE containers.
        raise UnreadableDocumentError(
            "Tệp là tài liệu Word cũ (.doc) hoặc có đặt mật khẩu. "
            "Vui lòng lưu lại dưới dạng .docx không có mật khẩu.",
            "The file is an old Word document (.doc) or is password-protected. "
            "Please save it as a .docx without a password.",
        )
    if not content.startswith(b"PK\x03\x04"):
        raise not_word
    damaged = UnreadableDocumentError(
        "Tài liệu Word bị hỏng, không đọc được", "The Word document is damaged and cannot be read"
    )
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, EOFError, OSError, ValueError) as error:
        raise damaged from error
    names = {entry.filename for entry in entries}
    if "[Content_Types].xml" not in names or not any(n.startswith("word/") for n in names):
        raise not_word  # another kind of ZIP: an .xlsx, an .odt, an archive
    if sum(entry.file_size for entry in entries) > MAX_UNPACKED_DOCX_BYTES:
        raise UnreadableDocumentError(
            "Tài liệu Word quá lớn khi giải nén", "The Word document is too large once unpacked"
        )
    import docx

    from tracker.notices.docx_reader import docx_to_markdown

    try:
        text = _tidy(docx_to_markdown(docx.Document(io.BytesIO(content))))
    except Exception as error:
        # python-docx and lxml fail on a damaged package in many ways (KeyError for a
        # missing part, XMLSyntaxError, ValueError for a non-Word package ...).
        raise damaged from error
    if not text:
        raise UnreadableDocumentError("Tài liệu Word không có chữ", "The Word document has no text")
    return text


def _read_pdf(content: bytes) -> str:
    if not content.startswith(b"%PDF"):
        raise UnreadableDocumentError(
            "Tệp không phải là tài liệu PDF hợp lệ", "The file is not a valid PDF document"
        )
    damaged = UnreadableDocumentError(
        "Tệp PDF bị hỏng, không đọc được", "The PDF is damaged and cannot be read"
    )
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(content))
        encrypted = reader.is_encrypted
    except Exception as error:
        # pypdf raises many kinds of error on a damaged file (PdfReadError, ValueError,
        # KeyError ...).
        raise damaged from error
    if encrypted and not _unlock(reader):
        raise UnreadableDocumentError(
            "Tệp PDF có đặt mật khẩu. Vui lòng tải lên bản không có mật khẩu.",
            "The PDF is password-protected. Please upload a copy without a password.",
        )
    try:
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as error:  # as above: a damaged page fails in many ways
        raise damaged from error
    if not pages:
        raise _empty_file()
    text = _tidy(_CONTROLS.sub(" ", "\n\n".join(pages)))
    if not text:
        raise UnreadableDocumentError(
            "Tệp PDF không có lớp chữ (bản quét). Vui lòng tải lên bản DOCX hoặc PDF có chữ.",
            "The PDF has no text layer (it is a scan). Please upload a DOCX or a PDF with text.",
        )
    return text


def _unlock(reader: PdfReader) -> bool:
    """Open a PDF encrypted only against editing (empty user password), as viewers do."""
    from pypdf import PasswordType

    try:
        return reader.decrypt("") != PasswordType.NOT_DECRYPTED
    except Exception:  # DependencyError for AES without the extra, PdfReadError ...
        return False
