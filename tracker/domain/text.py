"""Vietnamese text folding, so that names match whatever the case and the diacritics."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lowercase, strip diacritics (including đ, which Unicode does not decompose) and
    collapse white space: "Sở Thông tin  và Truyền thông" -> "so thong tin va truyen thong"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped).strip().lower()
