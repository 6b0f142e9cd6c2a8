"""The body a conclusion notice is about when its tasks name nobody: the Government Office's
notice of a working session with a province ("... tại buổi làm việc với lãnh đạo tỉnh Phú
Thọ") gives its items without a subject to the province's People's Committee."""

from __future__ import annotations

import re

from tracker.domain.agency_names import NameDirectory
from tracker.domain.assignment import Assignment, read_assignment
from tracker.domain.notice_blocks import Block, LabelKind
from tracker.domain.text import fold_with_positions

_WORKING_SESSION = re.compile(
    r"lam viec voi (?:(?:tap the )?lanh dao |ban thuong vu |thuong truc |tinh uy, )*"
    r"(?:ubnd |uy ban nhan dan )?(?P<kind>tinh|thanh pho) (?P<name>[a-z]+(?: [a-z]+){0,3}?)"
    r"(?= ve\b| nham\b| tai\b| ngay\b|[,.;:(]|$)"
)
OPENING_BLOCKS = 30


def implied_addressee(blocks: list[Block], directory: NameDirectory) -> Assignment | None:
    """The province or city the notice's opening says the session was held with, as its
    People's Committee; None when the opening names none."""
    for block in blocks[:OPENING_BLOCKS]:
        if block.kind is not LabelKind.NONE:
            return None  # the opening ends where the numbered content begins
        folded, positions = fold_with_positions(block.text)
        session = _WORKING_SESSION.search(folded)
        if session is None:
            continue
        name = block.text[positions[session.start("name")] : positions[session.end("name")]]
        kind = "tỉnh" if session.group("kind") == "tinh" else "thành phố"
        body = f"Ủy ban nhân dân {kind} {name.title() if name.isupper() else name}"
        found = read_assignment(body, directory, names_only=True)
        return found if found.assignees else None
    return None
