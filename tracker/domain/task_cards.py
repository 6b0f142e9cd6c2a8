"""Tasks written as cards, as plans often lay them out: the work first, who does it after.

    a) Nhiệm vụ: Lựa chọn kiến trúc sư trưởng ...      (or "a) Nhiệm vụ:" then "-" items)
    b) Cơ quan thực hiện:
       - Đơn vị chủ trì: Sở Khoa học và Công nghệ.
       - Đơn vị phối hợp: Các Sở, ban, ngành.
    c) Thời gian thực hiện: Hoàn thành trong năm 2025.

A card is read like a row of a task table: its tasks, its lead, its partners, its time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tracker.domain.notice_blocks import Block
from tracker.domain.text import fold

_WORK = re.compile(r"^(cac )?(nhiem vu|noi dung( thuc hien| nhiem vu)?|cong viec)( cu the)?\s*:")
_DOERS = re.compile(r"^(co quan|don vi) (thuc hien|phu trach)\s*:?$")
_LEAD = re.compile(
    r"^((co quan|don vi) (chu tri|thuc hien|phu trach|dau moi)( thuc hien)?|chu tri)\s*:"
)
_PARTNERS = re.compile(r"^((co quan|don vi) phoi hop( thuc hien)?|phoi hop)\s*:")
_TIME = re.compile(r"^(thoi gian|thoi han|tien do)( thuc hien| hoan thanh)?\s*:")


@dataclass
class TaskCard:
    """The blocks of one card, by index, and what they say."""

    start: int
    consumed: list[int] = field(default_factory=list)
    works: list[str] = field(default_factory=list)
    lead: str = ""
    coordinating: str = ""
    time: str = ""


def find_task_cards(blocks: list[Block]) -> dict[int, TaskCard]:
    """Cards that name their lead, by the index of their first block."""
    cards: dict[int, TaskCard] = {}
    index = 0
    while index < len(blocks):
        card = _card_at(blocks, index)
        if card is not None and card.lead and card.works:
            cards[index] = card
            index = card.consumed[-1] + 1
        else:
            index += 1
    return cards


def _card_at(blocks: list[Block], start: int) -> TaskCard | None:
    opening = _WORK.match(fold(blocks[start].text))
    if opening is None:
        return None
    card = TaskCard(start, consumed=[start])
    rest = blocks[start].text.split(":", 1)[1].strip()
    if rest:
        card.works.append(rest)
    for index in range(start + 1, len(blocks)):
        if not _absorb(card, blocks[index], blocks[start]):
            break
        card.consumed.append(index)
    return card


def _absorb(card: TaskCard, block: Block, opening: Block) -> bool:
    """Take `block` into the card when it is one of its parts."""
    folded = fold(block.text)
    value = block.text.split(":", 1)[1].strip(" .") if ":" in block.text else ""
    if _LEAD.match(folded):
        card.lead = value
    elif _PARTNERS.match(folded):
        card.coordinating = value
    elif _TIME.match(folded):
        card.time = value
    elif _DOERS.match(folded):
        pass
    elif not card.lead and block.kind > opening.kind and not _WORK.match(folded):
        card.works.append(block.text)  # the work listed under "Nhiệm vụ:"
    else:
        return False
    return True
