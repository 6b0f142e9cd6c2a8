"""Provinces and cities named in a list by their proper names: "Các tỉnh Nghệ An, Quảng Ngãi,
Cao Bằng khẩn trương ...", "Thành phố Hà Nội và các tỉnh Bắc Ninh, Gia Lai đẩy nhanh ...":
one body each, "Tỉnh Nghệ An", "Thành phố Hà Nội"."""

from __future__ import annotations

import re

from tracker.domain.agency_catalogue import centrally_run_cities
from tracker.domain.text import fold

# "Ủy ban nhân dân các tỉnh, thành phố: Tuyên Quang, Đồng Nai, Hồ Chí Minh"
_UNITS = re.compile(
    r"(?P<body>(?:Chủ tịch |chủ tịch )?(?:Ủy ban nhân dân|UBND) )?[Cc]ác tỉnh, thành phố"
    r"(?: trực thuộc Trung ương)?\s*:\s*"
)
_KIND = re.compile(r"(?:(?P<plural>[Cc]ác)\s+)?(?P<kind>[Tt]ỉnh|[Tt]hành phố)\s+")
_NEXT_KIND = re.compile(r"(?:,|\s+và)\s+(?=[Cc]ác\s|[Tt]ỉnh\s|[Tt]hành phố\s)")
_JOINER = re.compile(r"\s*(?:,|\svà)\s+")


def place_list(text: str) -> tuple[list[str], int] | None:
    """The places a list at the start of `text` names, each with its kind, and where the
    list ends; None unless two places or more are named."""
    places: list[str] = []
    position = 0
    while True:
        kind = _KIND.match(text, position)
        if kind is None:
            break
        names, position = _proper_names(text, kind.end())
        if not names or (not kind.group("plural") and len(names) > 1):
            return None
        word = kind.group("kind")
        places += [f"{word[:1].upper()}{word[1:]} {name}" for name in names]
        joiner = _NEXT_KIND.match(text[position:])
        if joiner is None:
            break
        position += joiner.end()
    return (places, position) if len(places) >= 2 else None


def unit_list(text: str) -> tuple[list[str], int] | None:
    """Provinces and cities after "(UBND) các tỉnh, thành phố:", each as a province or as a
    city governed by the centre: "Ủy ban nhân dân tỉnh Tuyên Quang", "Ủy ban nhân dân Thành
    phố Hồ Chí Minh"."""
    listing = _UNITS.match(text)
    if listing is None:
        return None
    names, end = _proper_names(text, listing.end())
    if not names:
        return None
    body = listing.group("body") or ""
    cities = centrally_run_cities()
    places = []
    for name in names:
        kind = "Thành phố" if fold(name) in cities else ("tỉnh" if body else "Tỉnh")
        places.append(f"{body}{kind} {name}")
    return places, end


def _proper_names(text: str, position: int) -> tuple[list[str], int]:
    """Capitalised names separated by commas or "và" from `position`: ["Nghệ An", "Quảng
    Ngãi"], and where they end."""
    names: list[str] = []
    while True:
        words = re.match(r"(?:[^\W\d_][\w-]*)(?:\s+[^\W\d_][\w-]*)*", text[position:])
        name_words = []
        for word in words.group(0).split() if words else []:
            if not word[:1].isupper():
                break
            name_words.append(word)
        if not name_words:
            return names, position
        name = " ".join(name_words)
        names.append(name)
        position = text.index(name_words[-1], position) + len(name_words[-1])
        joiner = _JOINER.match(text, position)
        following = text[joiner.end() : joiner.end() + 1] if joiner else ""
        if joiner is None or not following.isupper():
            return names, position
        position = joiner.end()
