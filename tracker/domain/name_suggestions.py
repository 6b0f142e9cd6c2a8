"""Directory names that look like a name the directory does not know, for the reviewer to pick
from. It only suggests: the reviewer decides, and nothing is mapped on its own."""

from __future__ import annotations

from collections.abc import Iterable
from difflib import SequenceMatcher

from tracker.domain.text import fold

# Below this a candidate shares too little with the name to be worth showing.
MIN_SIMILARITY = 0.45


def closest_names(name: str, candidates: Iterable[str], limit: int = 5) -> list[str]:
    """Up to `limit` candidates most like `name`, best first, compared on folded words (case,
    diacritics and spacing ignored): the share of words in common, and the likeness of the
    spelling for a misspelt word ("Sở Tài chánh" is close to "Sở Tài chính")."""
    words = fold(name).split()
    scored = [
        (score, candidate)
        for candidate in dict.fromkeys(candidates)
        if (score := similarity(words, fold(candidate).split())) >= MIN_SIMILARITY
    ]
    scored.sort(key=lambda pair: (-pair[0], pair[1]))
    return [candidate for _score, candidate in scored[:limit]]


def similarity(words: list[str], other: list[str]) -> float:
    """Between 0 and 1: the mean of the words in common (as a share of both lists) and of the
    likeness of the two names spelt out."""
    if not words or not other:
        return 0.0
    common = SequenceMatcher(None, words, other, autojunk=False).ratio()
    spelling = SequenceMatcher(None, " ".join(words), " ".join(other), autojunk=False).ratio()
    return (common + spelling) / 2
