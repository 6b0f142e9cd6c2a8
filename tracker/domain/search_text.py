"""Text for full-text search: the words an index holds, the terms of a query, and the hits
shown back in the original spelling, highlighted.

Both search backends index the same words: folded (case, diacritics and đ gone) and split on
anything that is not a letter or a digit, so that "Quý III/2017" is the three words
"quy iii 2017" whatever tokenizer the database uses.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from tracker.domain.text import fold, fold_with_positions

# A letter or a digit, in any script; "_" is a word character for re but not for a tokenizer.
_WORD = re.compile(r"[^\W_]+")
MAX_TERMS = 12
SNIPPET_CHARS = 240
ELLIPSIS = "…"


def index_words(text: str) -> str:
    """The folded words of `text`, one space apart: "Sở KH&ĐT" -> "so kh dt"."""
    return " ".join(_WORD.findall(fold(text)))


def query_terms(query: str) -> list[str]:
    """The distinct folded words of what a user typed, in order, at most MAX_TERMS; each is
    searched as a word prefix, and a hit must hold all of them."""
    terms = list(dict.fromkeys(_WORD.findall(fold(query))))
    return terms[:MAX_TERMS]


def hit_spans(text: str, terms: Sequence[str]) -> list[tuple[int, int]]:
    """The (start, end) offsets in `text` of the words that start with one of `terms`
    (folded words), found on the folded text and mapped back to the original characters."""
    if not terms:
        return []
    folded, positions = fold_with_positions(text)
    return [
        (positions[word.start()], positions[word.end()])
        for word in _WORD.finditer(folded)
        if word.group().startswith(tuple(terms))
    ]


def highlight(text: str, terms: Sequence[str]) -> str:
    """`text` as safe HTML, each hit word wrapped in <mark>. The text is escaped piece by
    piece before any tag is added, so nothing it holds can become markup."""
    pieces: list[str] = []
    shown = 0
    for start, end in hit_spans(text, terms):
        pieces.append(html.escape(text[shown:start]))
        pieces.append(f"<mark>{html.escape(text[start:end])}</mark>")
        shown = end
    pieces.append(html.escape(text[shown:]))
    return "".join(pieces)


def snippet(text: str, terms: Sequence[str], length: int = SNIPPET_CHARS) -> str:
    """About `length` characters of `text` around its first hit, cut between words, with an
    ellipsis where text was left out, highlighted as safe HTML."""
    text = " ".join(text.split())
    if len(text) <= length:
        return highlight(text, terms)
    spans = hit_spans(text, terms)
    first = spans[0][0] if spans else 0
    start = min(first, _word_start(text, max(0, first - length // 4)))
    end = _word_end(text, min(len(text), start + length))
    prefix = ELLIPSIS + " " if start > 0 else ""
    suffix = " " + ELLIPSIS if end < len(text) else ""
    return prefix + highlight(text[start:end], terms) + suffix


def _word_start(text: str, index: int) -> int:
    """`index`, moved forward to the start of a word unless it is at one already."""
    if index == 0 or text[index - 1] == " ":
        return index
    space = text.find(" ", index)
    return index if space == -1 else space + 1


def _word_end(text: str, index: int) -> int:
    """`index`, moved back to the end of a word unless it is at one already."""
    if index == len(text) or text[index] == " ":
        return index
    space = text.rfind(" ", 0, index)
    return index if space == -1 else space
