"""Vietnamese text folding, so that names match whatever the case and the diacritics."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lowercase, strip diacritics (including đ, which Unicode does not decompose) and
    collapse white space: "Sở Thông tin  và Truyền thông" -> "so thong tin va truyen thong"."""
    return _SPACES.sub(" ", strip_diacritics(text)).strip().lower()


def strip_diacritics(text: str) -> str:
    """The text without its diacritics, đ included, case and spacing kept:
    "Sở Tài chính" -> "So Tai chinh"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    )


def fold_with_positions(text: str) -> tuple[str, list[int]]:
    """`text` folded character by character (case, diacritics, đ; spaces kept one for one),
    with, for each folded character, the index of the character of `text` it came from; the
    list has one more entry, len(text), so that a folded end maps back too."""
    pieces = [_fold_char(char) for char in text]
    positions = [index for index, piece in enumerate(pieces) for _ in piece]
    positions.append(len(text))
    return "".join(pieces), positions


@cache
def _fold_char(char: str) -> str:
    if char.isspace():
        return " "
    if char in "đĐ":
        return "d"
    decomposed = unicodedata.normalize("NFD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def shorten(text: str, limit: int) -> str:
    """The text on one line, cut at a word with "…" beyond `limit` characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(",;:") + "…"
