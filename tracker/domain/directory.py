"""Finding directory names inside free text, ignoring case and diacritics."""

from __future__ import annotations

from collections.abc import Mapping

from tracker.domain.text import fold


def find_known_names(text: str, names_by_alias: Mapping[str, str]) -> list[str]:
    """The canonical names whose aliases occur in `text`, in order of appearance.

    `names_by_alias` maps an alias (any case, any diacritics) to its canonical name. Longer
    aliases win over shorter ones they contain, and each stretch of text is claimed once, so
    "Thủ trưởng các Sở, Ban, ngành; Chủ tịch UBND các huyện, thị xã" yields two groups.
    """
    folded_text = fold(text)
    claimed = [False] * len(folded_text)
    found: list[tuple[int, str]] = []
    for alias in sorted(names_by_alias, key=lambda a: len(fold(a)), reverse=True):
        needle = fold(alias)
        start = folded_text.find(needle)
        while needle and start != -1:
            end = start + len(needle)
            if _is_word_boundary(folded_text, start, end) and not any(claimed[start:end]):
                claimed[start:end] = [True] * (end - start)
                found.append((start, names_by_alias[alias]))
            start = folded_text.find(needle, start + 1)
    names: list[str] = []
    for _, name in sorted(found):
        if name not in names:
            names.append(name)
    return names


def _is_word_boundary(text: str, start: int, end: int) -> bool:
    before_ok = start == 0 or not text[start - 1].isalnum()
    after_ok = end == len(text) or not text[end].isalnum()
    return before_ok and after_ok
