"""Directory names that resemble a body's name the parser did not recognise, for the reviewer
to choose from. A suggestion only: nothing maps a name to a body by resemblance."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from tracker.domain.text import fold

# Words nearly every body's name has: sharing only these says nothing.
_COMMON = (
    "so ban bo cac cua va tinh thanh pho uy nhan dan ubnd cuc chi trung tam co quan don vi "
    "nganh viet nam quan ly"
)
_COMMON_WORDS = frozenset(_COMMON.split())


def closest_names(name: str, candidates: Iterable[str], limit: int = 5) -> list[str]:
    """Up to `limit` of `candidates` whose folded words most resemble `name`'s, best first;
    only candidates that share a word beyond the common ones ("Sở", "tỉnh", "và" ...)."""
    words = _words(name)
    telling = set(words) - _COMMON_WORDS
    kind = _kind(words)
    scored: list[tuple[float, float, str]] = []
    for candidate in dict.fromkeys(candidates):
        candidate_words = _words(candidate)
        shared = telling & set(candidate_words)
        other_kind = _kind(candidate_words)
        if not shared or (kind and other_kind and kind != other_kind):
            continue  # "Bộ Tài chính" is never "Sở Tài chính"
        by_words = difflib.SequenceMatcher(None, words, candidate_words).ratio()
        by_letters = difflib.SequenceMatcher(None, " ".join(words), fold(candidate)).ratio()
        scored.append((-(by_words + len(shared) / len(telling)), -by_letters, candidate))
    return [candidate for *_, candidate in sorted(scored)[:limit]]


# Words that say what kind of body a name is; two names of different kinds are two bodies.
_KINDS = {"bo", "so", "cuc", "vu", "tong cuc", "chi cuc", "tap doan", "tong cong ty", "vien"}


def _kind(words: list[str]) -> str | None:
    """The kind of body a name's first words say ("bo", "so", "tong cuc" ...), if any."""
    for size in (2, 1):
        opening = " ".join(words[:size])
        if opening in _KINDS:
            return opening
    return None


def _words(name: str) -> list[str]:
    return [word.strip(",;:.()-–&") for word in fold(name).split() if word.strip(",;:.()-–&")]
