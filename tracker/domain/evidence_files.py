"""Uploaded evidence files: the kind is read from the content, the name is made safe to show.

An upload is trusted neither for its name (a path, control characters, a hidden file) nor for its
extension (an executable renamed .pdf): the first bytes, and for Office Open XML and OpenDocument
the entries of the ZIP, must agree with the extension before the file is kept.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass

ALLOWED_KINDS: dict[str, str] = {
    ".pdf": "application/pdf",
    ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xls": "application/vnd.ms-excel",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
}

MAX_NAME_LENGTH = 150
FALLBACK_STEM = "minh-chung"
MAX_ZIP_ENTRIES = 10_000
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024

_MIB = 1024 * 1024
# .jpeg is the same kind as .jpg; users know it by the shorter name.
_KIND_NAMES = ", ".join(ext[1:].upper() for ext in ALLOWED_KINDS if ext != ".jpeg")
_WINDOWS_ILLEGAL = re.compile(r'[<>:"/\\|?*]')
_SPACES = re.compile(r"\s+")
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,10}$")

_PDF = b"%PDF-"
_JPEG = b"\xff\xd8\xff"
_PNG = b"\x89PNG\r\n\x1a\n"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_STARTS = (b"PK\x03\x04", b"PK\x05\x06")
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
# What a damaged or hostile ZIP can raise while its directory or one entry is read.
_ZIP_ERRORS = (zipfile.BadZipFile, OSError, EOFError, RuntimeError, ValueError, zlib.error)


@dataclass(frozen=True)
class CheckedFile:
    """An upload that passed the checks, ready to be stored."""

    file_name: str
    content_type: str
    size: int


class RejectedFileError(Exception):
    """An upload refused; `message_vi` is the sentence shown to the user."""

    def __init__(self, message_vi: str, summary: str = "evidence file rejected") -> None:
        super().__init__(summary)
        self.message_vi = message_vi


def check_evidence_file(file_name: str, content: bytes, max_bytes: int) -> CheckedFile:
    """Accept `content` as evidence if it is small enough and truly of the kind its extension
    claims, and return its safe name and the MIME type of the kind found in the content.

    Raises RejectedFileError with a Vietnamese message otherwise.
    """
    if not content:
        raise RejectedFileError("Tệp rỗng, không có nội dung.", "empty file")
    if len(content) > max_bytes:
        raise RejectedFileError(
            f"Tệp quá lớn: tối đa {max_bytes // _MIB} MB.",
            f"file of {len(content)} bytes exceeds {max_bytes} bytes",
        )
    safe_name = safe_file_name(file_name)
    extension = _split_extension(safe_name)[1]
    if extension not in ALLOWED_KINDS:
        raise RejectedFileError(
            f"Chỉ nhận tệp {_KIND_NAMES}.", f"extension {extension or '(none)'!r} not allowed"
        )
    if extension not in _extensions_matching(content):
        raise RejectedFileError(
            f"Nội dung tệp không đúng với phần mở rộng {extension}: "
            f"hệ thống chỉ nhận tệp thật sự là {_KIND_NAMES}.",
            f"content does not match extension {extension!r}",
        )
    return CheckedFile(safe_name, ALLOWED_KINDS[extension], len(content))


def safe_file_name(file_name: str) -> str:
    """A name safe to show and to offer for download: the last path component, without control
    or Windows-illegal characters, hidden-file dots or runs of white space, at most 150
    characters, its extension in lower case: "C:\\tmp\\Báo cáo.PDF" -> "Báo cáo.pdf"."""
    name = unicodedata.normalize("NFC", file_name)
    name = re.split(r"[/\\]", name)[-1]
    name = "".join(_visible_char(char) for char in name)
    name = _SPACES.sub(" ", _WINDOWS_ILLEGAL.sub("", name)).strip()
    stem, extension = _split_extension(name)
    stem = _trim_stem(stem)
    stem = _trim_stem(stem[: MAX_NAME_LENGTH - len(extension)])
    return (stem or FALLBACK_STEM) + extension


def _visible_char(char: str) -> str:
    # White space of any kind (newline, tab) becomes a space; other control, format (such as the
    # right-to-left override that shows "fdp.exe" as "exe.pdf") and unassigned characters go.
    if char.isspace():
        return " "
    if unicodedata.category(char).startswith("C"):
        return ""
    return char


def _split_extension(name: str) -> tuple[str, str]:
    """("Báo cáo", ".pdf") from "Báo cáo.PDF"; ("bao-cao", "") when there is no extension."""
    match = _EXTENSION.search(name)
    if match is None:
        return name, ""
    return name[: match.start()], match.group().lower()


def _trim_stem(stem: str) -> str:
    # Leading dots make hidden files or "..", trailing dots and spaces Windows drops anyway.
    return stem.strip(" .")


def _extensions_matching(content: bytes) -> frozenset[str]:
    """The extensions whose kind the content is, read from its signature."""
    if content.startswith(_PDF):
        return frozenset({".pdf"})
    if content.startswith(_JPEG):
        return frozenset({".jpg", ".jpeg"})
    if content.startswith(_PNG):
        return frozenset({".png"})
    if content.startswith(_OLE2):
        # Word 97 and Excel 97 files share the compound file container; only their streams
        # differ, which is more than a signature check should parse.
        return frozenset({".doc", ".xls"})
    if content.startswith(_ZIP_STARTS):
        return _zip_extensions(content)
    return frozenset()


def _zip_extensions(content: bytes) -> frozenset[str]:
    """.docx, .xlsx or .odt when the ZIP holds what that format requires; nothing is
    decompressed but the few bytes of an OpenDocument "mimetype" entry."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            entries = archive.infolist()
            _refuse_zip_bomb(entries)
            names = {entry.filename for entry in entries}
            kinds: set[str] = set()
            if "word/document.xml" in names:
                kinds.add(".docx")
            if "xl/workbook.xml" in names:
                kinds.add(".xlsx")
            if "mimetype" in names:
                with archive.open("mimetype") as mimetype:
                    if mimetype.read(len(_ODT_MIMETYPE) + 2).strip() == _ODT_MIMETYPE:
                        kinds.add(".odt")
            return frozenset(kinds)
    except _ZIP_ERRORS:
        return frozenset()


def _refuse_zip_bomb(entries: list[zipfile.ZipInfo]) -> None:
    # The sizes are those the directory declares; whoever unpacks the file later (a preview,
    # a text extractor) should still read with a limit.
    unzipped_bytes = sum(entry.file_size for entry in entries)
    if len(entries) > MAX_ZIP_ENTRIES or unzipped_bytes > MAX_UNZIPPED_BYTES:
        entry_limit = f"{MAX_ZIP_ENTRIES:,}".replace(",", ".")  # 10.000, as Vietnamese writes it
        raise RejectedFileError(
            f"Tệp nén bất thường (quá {entry_limit} thành phần hoặc quá "
            f"{MAX_UNZIPPED_BYTES // _MIB} MB khi giải nén), hệ thống không nhận.",
            f"zip of {len(entries)} entries and {unzipped_bytes} bytes unzipped refused",
        )
