"""Small evidence files built in the test, of each kind the upload check accepts, and the parts
to craft the ones it must refuse."""

import io
import struct
import zipfile
import zlib

from PIL import Image
from pypdf import PdfWriter

_OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SECTOR = 512
_FREE, _END_OF_CHAIN, _FAT_SECTOR, _NO_STREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
STREAM, STORAGE = 2, 1


def pdf(password: str = "", owner_password: str = "") -> bytes:
    """A one-page PDF; encrypted when a password to open it, or an owner password restricting
    what the reader may do, is given."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if password or owner_password:
        writer.encrypt(password, owner_password or None, algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def image(image_format: str, size: tuple[int, int] = (4, 3)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format=image_format)
    return buffer.getvalue()


def png_without_pixels(width: int, height: int) -> bytes:
    """A PNG that declares its size but whose pixel data is a few bytes of nothing."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(b""))


def _chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def ole2(*entries: str | tuple[str, int]) -> bytes:
    """A compound file (the container of Word 97 and Excel 97 files, and of installers) whose
    root holds the named empty streams, or storages given as (name, STORAGE)."""
    named = [(entry, STREAM) if isinstance(entry, str) else entry for entry in entries]
    if len(named) > 3:
        raise ValueError("one directory sector holds the root and three entries")
    header = (
        _OLE2_SIGNATURE
        + bytes(16)  # class id
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)  # versions, byte order, sector sizes
        + bytes(6)
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, _END_OF_CHAIN, 0, _END_OF_CHAIN, 0)
        + struct.pack("<I", 0)  # the FAT is sector 0
        + struct.pack("<I", _FREE) * 108
    )
    fat = struct.pack("<II", _FAT_SECTOR, _END_OF_CHAIN) + struct.pack("<I", _FREE) * 126
    directory = _directory_entry("Root Entry", 5, child=1 if named else _NO_STREAM)
    for number, (name, kind) in enumerate(named, start=1):
        right = number + 1 if number < len(named) else _NO_STREAM
        directory += _directory_entry(name, kind, right=right)
    directory += bytes(_SECTOR - len(directory))
    return header + fat + directory


def _directory_entry(
    name: str, kind: int, *, right: int = _NO_STREAM, child: int = _NO_STREAM
) -> bytes:
    encoded = name.encode("utf-16-le") + b"\x00\x00"
    return (
        encoded.ljust(64, b"\x00")
        + struct.pack("<HBB", len(encoded), kind, 1)  # name length, type, black
        + struct.pack("<III", _NO_STREAM, right, child)  # left, right, child
        + bytes(16 + 4 + 8 + 8)  # class id, state, creation and modification times
        + struct.pack("<IQ", _END_OF_CHAIN, 0)  # no sectors, empty
    )


def with_zip_entries(content: bytes, entries: dict[str, bytes]) -> bytes:
    """The ZIP `content` with entries added, or replaced when the name is already there."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(content)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            if item.filename not in entries:
                target.writestr(item, source.read(item))
        for name, data in entries.items():
            target.writestr(name, data)
    return buffer.getvalue()
