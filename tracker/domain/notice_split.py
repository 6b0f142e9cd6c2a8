"""Splitting a notice into proposed tasks: which items assign what to whom.

The notice is read block by block as an outline. Roman-numbered sections that assess (Đánh giá
chung, Tình hình ...) give no task until a lead-in names who is to act. An item that only names
an assignee ("2. Giao Sở Nội vụ", "1. Sở Nội vụ:", "4. Trung tâm Chuyển đổi số") is a header
whose sub-items are its tasks; an item that names an assignee and an instruction is a task; a
paragraph ending with ":" that asks agencies to carry out "the following" sets who the items
without an assignee of their own are for. At the closing formula or "Nơi nhận" reading pauses
until a document issued with the signed one (a plan, an appendix) begins. Items with an
instruction cue that give no task are kept as skipped, with the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from tracker.domain.agency_names import NameDirectory
from tracker.domain.assignment import Assignment
from tracker.domain.notice_blocks import Block, LabelKind
from tracker.domain.outline_headings import is_item_of
from tracker.domain.outline_reader import OutlineReader, Owner
from tracker.domain.proposed_tasks import ProposedTask, table_tasks
from tracker.domain.skipped_items import SkippedItem
from tracker.domain.task_cards import TaskCard, find_task_cards
from tracker.domain.text import fold, fold_with_positions

_CLOSING = re.compile(
    r"^(tren day la|noi nhan|van phong [^.]{0,40}?(xin )?(tran trong )?thong bao|"
    r"(uy ban nhan dan|ubnd) tinh thong bao|yeu cau cac (co quan|so)[^.]*nghiem tuc thuc hien\./\.)"
)
# The heading of a document issued with the one signed ("KẾ HOẠCH", "PHỤ LỤC", "QUY CHẾ").
_ATTACHED_DOCUMENT = re.compile(
    r"^(ke hoach|phu luc|chuong trinh|quy che|de an|phuong an|danh muc|"
    r"nhiem vu|quy dinh|huong dan)( [ivx0-9]+)?$"
)
# "Kính gửi:", "THỦ TƯỚNG CHÍNH PHỦ điện:": the addressees follow.
_ADDRESSEES = re.compile(r"^(kinh gui|[^.;]{0,60} dien)\s*:")
_DATABASE_FIELD = re.compile(
    r"(so hieu|loai van ban|noi ban hanh|co quan ban hanh|nguoi ky|ngay ban hanh|"
    r"ngay hieu luc|ngay cong bao|so cong bao|tinh trang|linh vuc)\s*:\s*"
)
_CLOSING_WORDS = re.compile(
    r"(biet,? (va )?(de )?(phoi hop )?(trien khai )?thuc hien|nghiem tuc (trien khai )?thuc hien|"
    r"khan truong (trien khai )?thuc hien|thi hanh (quyet dinh|chi thi|ke hoach) nay|"
    r"to chuc thuc hien (chi thi|quyet dinh|ke hoach|thong bao|van ban) nay|"
    r"(xin |tran trong )*thong bao (den|de|toi|cho) |thuc hien nghiem tuc\W*$)"
)


@dataclass(frozen=True)
class Split:
    """A notice's body read: the proposed tasks, and the cued items that gave none."""

    tasks: list[ProposedTask]
    skipped: list[SkippedItem]


def split_tasks(
    blocks: list[Block], directory: NameDirectory, implied: Assignment | None = None
) -> Split:
    """The proposed tasks of a notice's body blocks, in reading order, and the items that
    read like instructions but gave no task; `implied` is the body the notice is about."""
    reader = OutlineReader(directory, implied=Owner(implied, LabelKind.ROMAN) if implied else None)
    walk = _Walk(reader, find_task_cards(blocks))
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        walk.take(index, block, following)
    rows = table_tasks(blocks, directory, reader.skipped)
    return Split(reader.tasks + rows, reader.skipped)


@dataclass
class _Walk:
    """Where the reading of the body stands: in the addressee list, paused after a signature,
    or reading."""

    reader: OutlineReader
    cards: dict[int, TaskCard]
    addressees: bool = False
    suspended: bool = False
    field_value: bool = False  # the next block is the value of a database record's field

    def take(self, index: int, block: Block, following: Block | None) -> None:
        folded = fold(block.text)
        if self._in_card(index, block) or not folded.strip("| "):
            return  # a card's part, or what a layout table leaves of its frame
        if self.field_value or _DATABASE_FIELD.match(folded):
            # a legal database's record of the document ("Nơi ban hành:", "Người ký:")
            self.field_value = bool(_DATABASE_FIELD.fullmatch(folded))
            return
        if self.suspended:
            # after the signature, a document issued with this one (the plan a decision
            # issues, an appendix) is read on
            self.suspended = not _ATTACHED_DOCUMENT.match(folded)
            if self.suspended:
                return
            self.reader.restart()
        if _CLOSING.match(folded) or _is_closing_formula(folded):
            last_item = _before_closing_sentence(block)
            closing = block.text
            if last_item is not None:  # the closing ran on from the last item
                self.reader.read(last_item)
                closing = block.text[len(last_item.text) :].strip()
            self.reader.skip(closing, closing=True)
            self.suspended = True
        elif _ADDRESSEES.match(folded):
            self.addressees = True
        elif not (self.addressees and block.kind is LabelKind.DASH):  # "Kính gửi:" list
            self.addressees = False
            has_items = following is not None and is_item_of(following, block)
            self.reader.read(block, has_items=has_items)

    def _in_card(self, index: int, block: Block) -> bool:
        if self.suspended or not any(index in card.consumed for card in self.cards.values()):
            return False
        if index in self.cards:
            self.reader.read_card(block, self.cards[index])
        return True


def _before_closing_sentence(block: Block) -> Block | None:
    """The item a closing formula was joined to ("8. Các Bộ ... trước ngày 05/12/2025. Văn
    phòng Chính phủ thông báo để ... biết, thực hiện./."), without the formula."""
    folded, positions = fold_with_positions(block.text)
    closing = _CLOSING_WORDS.search(folded)
    if closing is None:
        return None
    sentence = folded.rfind(". ", 0, closing.start())
    if sentence <= 0:
        return None
    return replace(block, text=block.text[: positions[sentence] + 1])


def _is_closing_formula(folded: str) -> bool:
    """The last paragraph ("... biết, thực hiện./.", "... nghiêm túc thực hiện Chỉ thị
    này./.", "... chịu trách nhiệm thi hành Quyết định này./.")."""
    return folded.endswith("./.") and bool(_CLOSING_WORDS.search(folded))
