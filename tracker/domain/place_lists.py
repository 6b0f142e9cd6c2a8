"""Provinces and cities named in a list by their proper names: "Các tỉnh Nghệ An, Quảng Ngãi,
Cao Bằng khẩn trương ...", "Thành phố Hà Nội và các tỉnh Bắc Ninh, Gia Lai đẩy nhanh ...":
one body each, "Tỉnh Nghệ An", "Thành phố Hà Nội"."""

from __future__ import annotations

import re

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
