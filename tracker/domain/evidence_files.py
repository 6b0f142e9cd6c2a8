"""Uploaded evidence files: the kind is read from the content, the name is made safe to show.

An upload is trusted neither for its name (a path, control characters, a hidden file) nor for its
extension (an executable renamed .pdf): the first bytes, the entries of an Office Open XML or
OpenDocument ZIP and the streams of a Word 97 or Excel 97 compound file must agree with the
extension. Then the file must be what it claims all the way through: a PDF that pypdf can open
at its first page, an image that Pillow can decode, an office file without macros, and no web
page (HTML, script) hidden behind a PDF or image signature.

pypdf and Pillow are imported when a file of their kind is checked: a web worker that never
receives one does not hold them (some 17 MB).
"""

from __future__ import annotations

import io
import re
import unicodedata
import warnings
import zipfile
import zlib
from dataclasses import dataclass

import olefile

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
MAX_IMAGE_PIXELS = 50_000_000  # a 50-megapixel photograph decodes to some 150 MB

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
# The streams that make a compound file a Word 97 document or an Excel 97 (or 95) workbook, and
# the storages where those keep their VBA macros.
_OLE2_STREAMS = {".doc": ("WordDocument",), ".xls": ("Workbook", "Book")}
_OLE2_MACROS = ("Macros", "_VBA_PROJECT_CUR", "_VBA_PROJECT")
# Parts of an Office Open XML or OpenDocument ZIP that carry code: VBA projects and their
# signatures, ActiveX controls, Excel 4.0 macro sheets, OpenDocument Basic and scripts.
_ZIP_MACRO_PARTS = re.compile(
    r"(^|/)(vbaProject[^/]*|vbaData\.xml|activeX[^/]*\.bin)$|(^|/)(activeX|macrosheets)/"
    r"|^(Basic|Scripts)/",
    re.IGNORECASE,
)
_MACRO_CONTENT_TYPES = re.compile(rb"macroEnabled|vbaProject|macrosheet|activeX", re.IGNORECASE)
_CONTENT_TYPES_PART = "[Content_Types].xml"
_MAX_CONTENT_TYPES_BYTES = 1024 * 1024
# A web page a browser or a careless tool could run, hidden in a file that starts like a PDF or
# an image. Compressed image data matching one of these by chance is beyond belief.
_MARKUP = re.compile(rb"<(?:html|script|iframe|body|svg)\b|<!doctype\s+html", re.IGNORECASE)
_PDF_END = b"%%EOF"
_PDF_HEAD_BYTES = 1024
_IMAGE_FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG"}

_MACROS_REFUSED = (
    "Tệp có chứa macro (mã lệnh chạy trong Word, Excel), hệ thống không nhận vì lý do an toàn. "
    "Vui lòng lưu lại thành tệp thông thường (DOCX, XLSX) rồi tải lên."
)
_MARKUP_REFUSED = (
    "Tệp có lẫn mã trang web (HTML, JavaScript) trong nội dung, hệ thống không nhận vì lý do "
    "an toàn."
)
_PDF_BROKEN = (
    "Không đọc được tệp PDF: tệp bị hỏng hoặc không phải PDF thật. "
    "Vui lòng xuất lại tệp PDF rồi tải lên."
)
_PDF_LOCKED = (
    "Tệp PDF được đặt mật khẩu mở tệp nên không kiểm tra được; "
    "vui lòng tải lên bản không đặt mật khẩu."
)
_IMAGE_TOO_LARGE = (
    f"Ảnh quá lớn (trên {MAX_IMAGE_PIXELS // 1_000_000} triệu điểm ảnh); "
    "vui lòng giảm kích thước ảnh rồi tải lên."
)


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
    _check_inside(extension, content)
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
        return _ole2_extensions(content)
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


def _ole2_extensions(content: bytes) -> frozenset[str]:
    """.doc or .xls when the compound file holds the stream of a Word or Excel file: an
    installer (.msi) or any other compound file shares the signature but not the streams."""
    try:
        with olefile.OleFileIO(io.BytesIO(content)) as compound:
            return frozenset(
                extension
                for extension, streams in _OLE2_STREAMS.items()
                if any(compound.exists(stream) for stream in streams)
            )
    except Exception:  # olefile raises OSError, ValueError, struct.error... on hostile input
        return frozenset()


def _check_inside(extension: str, content: bytes) -> None:
    """Refuse a file whose signature is right but whose body is unsafe or unreadable."""
    if extension in (".docx", ".xlsx", ".odt"):
        _refuse_zip_macros(content)
    elif extension in (".doc", ".xls"):
        _refuse_ole2_macros(content)
    elif extension == ".pdf":
        _refuse_markup(_pdf_outside(content))
        _check_pdf(content)
    else:
        _refuse_markup(content)
        _check_image(content, _IMAGE_FORMATS[extension])


def _refuse_zip_macros(content: bytes) -> None:
    # The ZIP was opened and its directory read before; it opens again without error.
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        names = archive.namelist()
        macro_parts = any(_ZIP_MACRO_PARTS.search(name) for name in names)
        content_types = b""
        if _CONTENT_TYPES_PART in names:
            with archive.open(_CONTENT_TYPES_PART) as part:
                content_types = part.read(_MAX_CONTENT_TYPES_BYTES)
    if macro_parts or _MACRO_CONTENT_TYPES.search(content_types):
        raise RejectedFileError(_MACROS_REFUSED, "office file with macros refused")


def _refuse_ole2_macros(content: bytes) -> None:
    with olefile.OleFileIO(io.BytesIO(content)) as compound:
        macros = any(compound.exists(storage) for storage in _OLE2_MACROS)
    if macros:
        raise RejectedFileError(_MACROS_REFUSED, "office file with macros refused")


def _refuse_markup(content: bytes) -> None:
    if _MARKUP.search(content):
        raise RejectedFileError(_MARKUP_REFUSED, "markup hidden in a pdf or an image refused")


def _pdf_outside(content: bytes) -> bytes:
    """The head of a PDF and what follows its last end-of-file mark, where a web page is
    hidden in a polyglot; the objects between are left to the parser."""
    end = content.rfind(_PDF_END)
    tail = content[end + len(_PDF_END) :] if end >= 0 else b""
    return content[:_PDF_HEAD_BYTES] + b"\n" + tail


def _check_pdf(content: bytes) -> None:
    """pypdf must find the cross-reference table (or rebuild it) and read the first page."""
    from pypdf import PasswordType, PdfReader

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(content), strict=False)
            if reader.is_encrypted and reader.decrypt("") is PasswordType.NOT_DECRYPTED:
                raise RejectedFileError(_PDF_LOCKED, "pdf needs a password")
            if len(reader.pages) == 0:
                raise RejectedFileError(_PDF_BROKEN, "pdf without a page")
            reader.pages[0].get_contents()  # the first page object and its content stream
    except RejectedFileError:
        raise
    except Exception as error:  # pypdf raises many kinds on a damaged or hostile file
        raise RejectedFileError(_PDF_BROKEN, "pdf cannot be parsed") from error


def _check_image(content: bytes, image_format: str) -> None:
    """Pillow must verify the image and decode every pixel of it."""
    from PIL import Image

    kind = "JPG" if image_format == "JPEG" else image_format
    broken = RejectedFileError(
        f"Không đọc được ảnh: tệp bị hỏng hoặc không phải ảnh {kind} thật.",
        "image cannot be decoded",
    )
    try:
        with warnings.catch_warnings():
            # The size is checked below, before decoding, against a lower limit than Pillow's.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(content), formats=[image_format]) as image:
                if image.width * image.height > MAX_IMAGE_PIXELS:
                    raise RejectedFileError(_IMAGE_TOO_LARGE, "image has too many pixels")
                image.verify()
            # verify() leaves the image unusable; decoding needs it opened afresh.
            with Image.open(io.BytesIO(content), formats=[image_format]) as image:
                image.load()
    except RejectedFileError:
        raise
    except Image.DecompressionBombError as error:
        raise RejectedFileError(_IMAGE_TOO_LARGE, "image has too many pixels") from error
    except Exception as error:  # Pillow raises OSError, SyntaxError, ValueError...
        raise broken from error
