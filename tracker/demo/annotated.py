"""Reading the hand-annotated split of a notice (until the automatic split exists)."""

from __future__ import annotations

import re
from collections.abc import Sequence

_EMPHASIS = re.compile(r"\*\*|__")
_ENDS_SENTENCE = (".", ";", ":", "!", "?", "./.")


def paragraphs(markdown: str) -> list[str]:
    """Paragraphs of the Markdown with bullets and emphasis removed; a paragraph cut by a page
    break (no closing punctuation, next one not a heading, bullet or numbered item) is joined
    back to the next one."""
    raw = [_EMPHASIS.sub("", block).strip() for block in re.split(r"\n\s*\n", markdown)]
    raw = [block for block in raw if block]
    joined: list[str] = []
    for block in raw:
        starts_new = block.startswith(("-", "#")) or bool(re.match(r"^[0-9IVX]+\.", block))
        if joined and not starts_new and not joined[-1].endswith(_ENDS_SENTENCE):
            joined[-1] = f"{joined[-1]} {block}"
        else:
            joined.append(block)
    return [block.lstrip("-# ").strip() for block in joined]


def instruction_texts(markdown: str, text_starts: Sequence[str]) -> list[str]:
    """For each annotated start, the instruction it begins: from the start to the end of its
    paragraph. Starts are looked for in order, each after the previous one."""
    blocks = paragraphs(markdown)
    texts: list[str] = []
    block_index, offset = 0, 0
    for start in text_starts:
        while block_index < len(blocks):
            found = blocks[block_index].find(start, offset)
            if found != -1:
                texts.append(blocks[block_index][found:])
                offset = found + len(start)
                break
            block_index, offset = block_index + 1, 0
        else:
            raise ValueError(f"annotated text not found in the notice: {start!r}")
    return texts
