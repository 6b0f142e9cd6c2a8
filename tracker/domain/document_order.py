"""Where a passage of a notice stands among the items already taken from it, so that an item
added later takes its place in the order of the document."""

from __future__ import annotations

from collections.abc import Sequence

from tracker.domain.text import fold

# Enough of a text's start to find it in the body, short enough to survive an edit further on.
PROBE_LENGTH = 60


def insertion_index(body: str, item_texts: Sequence[str], passage: str) -> int:
    """The index at which `passage` goes among items kept in document order: after the last
    item whose text starts before it in `body`. Texts are compared folded (case, diacritics,
    line breaks); an item the body does not contain (typed or rewritten by the reviewer) does
    not count, and a passage the body does not contain goes last."""
    folded_body = fold(body)
    at = _offset(folded_body, passage)
    if at is None:
        return len(item_texts)
    index = 0
    for position, text in enumerate(item_texts):
        offset = _offset(folded_body, text)
        if offset is not None and offset <= at:
            index = position + 1
    return index


def _offset(folded_body: str, text: str) -> int | None:
    probe = fold(text)[:PROBE_LENGTH]
    if not probe:
        return None
    offset = folded_body.find(probe)
    return offset if offset >= 0 else None
