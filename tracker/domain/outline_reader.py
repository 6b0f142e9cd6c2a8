"""Reading a notice's body as an outline: sections, headings and items; who each item's
tasks are for (the body it names, the heading it is under, the lead-in of its section or the
body the notice is about); and the items with an instruction cue that give no task, kept as
skipped with the reason."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from tracker.domain.agency_names import GROUP, NameDirectory, partner_names
from tracker.domain.assignment import (
    Assignment,
    cued_sentences,
    is_periodic_report,
    lead_in_assignment,
    read_assignment,
    subject_lead_in,
)
from tracker.domain.notice_blocks import Block, LabelKind
from tracker.domain.notice_tables import TableRow, is_table_row
from tracker.domain.outline_headings import heading_with_names, is_role_heading, reads_as_heading
from tracker.domain.proposed_tasks import ProposedTask, row_tasks, tasks_for
from tracker.domain.skipped_items import (
    SkippedItem,
    SkipReason,
    has_instruction_cue,
    is_approval,
    skip_reason,
)
from tracker.domain.task_cards import TaskCard
from tracker.domain.text import fold, fold_with_positions

_ASSESSMENT = re.compile(
    r"\b(danh gia|tinh hinh|ket qua|han che|ton tai|nguyen nhan|boi canh|muc dich|yeu cau chung)\b"
)
_TASK_SECTION = re.compile(
    r"\b(nhiem vu|giai phap|to chuc thuc hien|kien nghi|de xuat|phan cong|trach nhiem|"
    r"chi dao|giao)\b"
)
_CLOSING = re.compile(
    r"^(tren day la|noi nhan|van phong [^.]{0,40}?(xin )?(tran trong )?thong bao|"
    r"(uy ban nhan dan|ubnd) tinh thong bao|yeu cau cac (co quan|so)[^.]*nghiem tuc thuc hien\./\.)"
)

_ASSESSMENT = re.compile(
    r"\b(danh gia|tinh hinh|ket qua|han che|ton tai|nguyen nhan|boi canh|muc dich|yeu cau chung)\b"
)
_TASK_SECTION = re.compile(
    r"\b(nhiem vu|giai phap|to chuc thuc hien|kien nghi|de xuat|phan cong|trach nhiem|"
    r"chi dao|giao)\b"
)
# The matter, or a request of the addressee, recalled before what is decided on it: "Về việc
# hỗ trợ 20 xe ô tô: Tỉnh căn cứ ...", "Về đề nghị của Tỉnh ...: Giao Bộ Tài chính ...".
_REQUEST_RECAP = re.compile(r"^ve\b[^:]{0,600}:\s*(?=\S)")
# A project named in a list under a body ("Dự án 2: ...", "Tiểu dự án 1: ...").
# The matter a paragraph below answers: "2. Về việc xây dựng hệ thống dữ liệu ...:".
_MATTER_HEADING = re.compile(r"^ve\b.*:$")
_GENERIC_PARTNERS = re.compile(
    r"^(và |cùng )?(các |những )?(cơ quan|đơn vị|sở, ngành)[^,;]{0,40}?(có )?liên quan,?\s*",
    re.IGNORECASE,
)
_PARTNERS_BELOW = re.compile(r"^chu tri, phoi hop\W*$")
# What has been done already: "Về vấn đề này, Chính phủ đã ban hành Nghị quyết ...".
_DONE_ALREADY = re.compile(r"\b(da|vua) (ban hanh|phe duyet|thong qua|co van ban|chi dao)\b")
_LISTED_PROJECT = re.compile(
    r"^(tieu )?(du an|de an|chuong trinh|hop phan|tieu du an)( thanh phan)? \d+\b"
)
# The whole work of a body is "this document" itself: a formula of accountability, no task
# ("Các sở, ban, ngành ... chịu trách nhiệm thực hiện Kế hoạch này.").
_ACCOUNTABILITY = re.compile(
    r"^(co trach nhiem |chiu trach nhiem )?(to chuc )?(trien khai )?thuc hien "
    r"(nghiem tuc )?(ke hoach|chi thi|quyet dinh|thong bao|van ban|cong van|chuong trinh) nay\W*$"
)


@dataclass
class Owner:
    """Who the sub-items of a header are for; items at a deeper level belong to it."""

    assignment: Assignment
    level: float
    # the header's own words: a deadline it states holds for the items under it
    text: str = ""


def _owning_level(level: LabelKind) -> float:
    """A plain paragraph that names an assignee owns the bullets and paragraphs after it,
    until a lettered or numbered item comes."""
    return LabelKind.DASH - 0.5 if level is LabelKind.NONE else float(level)


@dataclass
class OutlineReader:
    directory: NameDirectory
    tasks: list[ProposedTask] = field(default_factory=list)
    skipped: list[SkippedItem] = field(default_factory=list)
    owners: list[Owner] = field(default_factory=list)
    section_default: Owner | None = None
    skipping_section: bool = False
    # in a section of tasks ("II. NHIỆM VỤ, GIẢI PHÁP"), items without a subject are for the
    # body the notice is about, when it is implied
    task_section: bool = False
    implied: Owner | None = None
    # the block being read, as written
    block_text: str = ""
    # under "Chủ trì, phối hợp" with the body above: the items name its partners
    partnering: Owner | None = None
    # whose tasks the block being read gave last
    item_owner: Assignment | None = None
    # the assignment the block being read named itself and gave tasks to
    named_here: Assignment | None = None
    path: dict[LabelKind, str] = field(default_factory=dict)
    counters: dict[LabelKind, int] = field(default_factory=dict)

    def restart(self) -> None:
        """Forget the outline read so far: a new document begins."""
        self.owners, self.section_default, self.skipping_section = [], None, False
        self.path, self.counters = {}, {}

    def read(self, block: Block, *, has_items: bool = False) -> None:
        """Read one block; `has_items` when the blocks after it are its sub-items."""
        if is_table_row(block):
            return  # task tables are read whole, by read_task_tables
        if block.kind is LabelKind.ROMAN:
            self._open_section(block)
            return
        if self.skipping_section and not self._leads_out_of_assessment(block):
            self.skip(block.text, SkipReason.STATEMENT)
            return
        level = (
            LabelKind.NUMBER if block.is_heading and block.kind is LabelKind.NONE else block.kind
        )
        self._enter(block, level)
        self.block_text = block.text
        if self.partnering is not None and self.partnering.level >= level:
            self.partnering = None
        if is_role_heading(block.text) and _PARTNERS_BELOW.match(fold(block.text)) and self.owners:
            # "b) Chủ trì, phối hợp" then "- Sở Tài chính ... tham mưu ...": the body above
            # leads each item, the body an item names works with it
            self.partnering = Owner(self.owners[-1].assignment, level, self.owners[-1].text)
            return
        before = (len(self.tasks), len(self.owners), self.section_default)
        heading = reads_as_heading(block)
        self.named_here = self.item_owner = None
        topic = has_items and (heading or _unfinished(block))
        self._read_item(block.text, level, heading=heading, topic=topic)
        if has_items and self.named_here is not None and before[1] == len(self.owners):
            # "(1) Bộ Y tế chỉ đạo ...; - Chỉ đạo ...; - Chủ trì ...": the items under a task
            # that names its body are that body's too
            self.owners.append(Owner(self.named_here, _owning_level(level), self.block_text))
        if before == (len(self.tasks), len(self.owners), self.section_default):
            self.skip(block.text)

    def _leads_out_of_assessment(self, block: Block) -> bool:
        """An assessment often ends with what the body is to do next: "Để tiếp tục ...,
        thành phố Đà Nẵng cần tập trung thực hiện tốt một số nhiệm vụ sau đây:"."""
        if not block.text.rstrip().endswith(":"):
            return False
        text = block.text
        if lead_in_assignment(text, self.directory) or subject_lead_in(text, self.directory):
            self.skipping_section = False
        return not self.skipping_section

    def read_card(self, block: Block, card: TaskCard) -> None:
        """A task card: each work it lists is a task of its lead."""
        if self.skipping_section:
            return
        self._enter(block, block.kind)
        for number, work in enumerate(card.works, start=1):
            row = TableRow(str(number), work, card.lead, card.coordinating, card.time)
            ref = self.ref() if len(card.works) == 1 else f"{self.ref()}.{number}"
            self.tasks += row_tasks(row, ref, self.directory, self.skipped)

    def skip(self, text: str, reason: SkipReason | None = None, *, closing: bool = False) -> None:
        """Keep an item that reads like an instruction but gave no task, with the reason."""
        folded = fold(text)
        if len(folded) < 12 or not has_instruction_cue(folded) or is_role_heading(text):
            return
        reason = reason or skip_reason(folded, closing=closing)
        self.skipped.append(SkippedItem(self.ref(), text, reason))

    def ref(self) -> str:
        """The current item's place in the outline ("II.2.a")."""
        return ".".join(self.path[k] for k in sorted(self.path))

    def _open_section(self, block: Block) -> None:
        title = block.bold_lead or block.text.split(":")[0]
        folded_title = fold(title)
        self.task_section = bool(_TASK_SECTION.search(folded_title))
        self.skipping_section = bool(_ASSESSMENT.search(folded_title)) and not self.task_section
        self.owners, self.section_default = [], None
        self.path, self.counters = {LabelKind.ROMAN: block.label}, {}
        remainder = block.text[len(block.bold_lead) :].strip(" :") if block.bold_lead else ""
        if remainder and not self.skipping_section:
            self._read_item(remainder, LabelKind.NUMBER)

    def _enter(self, block: Block, level: LabelKind) -> None:
        """Track the item's place (its reference) and drop headers it is not under."""
        self.owners = [owner for owner in self.owners if owner.level < level]
        for deeper in [k for k in self.path if k >= level and k is not LabelKind.ROMAN]:
            del self.path[deeper]
        if level in (LabelKind.DASH, LabelKind.PLUS, LabelKind.NONE):
            self.counters[level] = self.counters.get(level, 0) + 1
            for inner in [k for k in self.counters if k > level]:
                del self.counters[inner]
            self.path[level] = str(self.counters[level])
        else:
            self.counters = {k: v for k, v in self.counters.items() if k < level}
            if block.label:
                self.path[level] = block.label.rstrip(".")

    def _read_item(
        self, text: str, level: LabelKind, *, heading: bool = False, topic: bool = False
    ) -> None:
        """An item or paragraph: tasks for whoever it names at its start or in its cued
        sentences ("... . Giao Sở A ... . Đề nghị B ..."), else for the header it is under;
        or a header, or a lead-in, itself. A heading may name a body the directory lacks; a
        heading over items of its own (`topic`) is no task of its owner's."""
        folded, positions = fold_with_positions(text)
        recap = _REQUEST_RECAP.match(folded)
        if recap:  # "Về đề nghị ... của Tỉnh: <the answer>": the answer is what is assigned
            text = text[positions[recap.end()] :]
        # an approval's own clauses are part of it; only a cue assigns inside it
        approval = is_approval(fold(text))
        spans = cued_sentences(text, self.directory, names_too=not approval)
        head_end = spans[0][0] if spans else len(text)
        if not spans or head_end > 0:
            head = read_assignment(text[:head_end], self.directory, names_only=heading)
            self._read_head(
                head, text[:head_end], level, whole=not spans, topic=topic, heading=heading
            )
        for start, end in spans:
            assignment = read_assignment(text[start:end], self.directory)
            if not assignment.assignees and len(spans) == 1 and start == 0:
                # "Đề nghị các doanh nghiệp sản xuất ..." over items: a heading after all
                self._read_head(assignment, text, level, whole=True, topic=topic, heading=heading)
            if not assignment.assignees and self.item_owner and is_periodic_report(text[start:]):
                # "... . Hằng năm báo cáo kết quả ...": a task of its own, on its schedule
                self._add_tasks(self.item_owner, assignment, level)
            if not assignment.assignees:
                continue
            if assignment.is_header:
                self._hold(assignment, level, whole=len(spans) == 1 and start == 0)
            else:
                self._add_tasks(assignment, assignment, level, context=self._header_text())

    def _read_head(
        self,
        head: Assignment,
        text: str,
        level: LabelKind,
        *,
        whole: bool,
        topic: bool,
        heading: bool = False,
    ) -> None:
        """The part of an item before any cued sentence."""
        if head.assignees and self.partnering is not None and not head.cued:
            partners = replace(
                head,
                assignees=[],
                coordinating=head.assignees + head.coordinating,
                instruction=_GENERIC_PARTNERS.sub("", head.instruction, count=1),
            )
            self._add_tasks(self.partnering.assignment, partners, level)
            return
        if head.assignees:
            # a heading over items that names bodies with a word or two more ("... và các tổ
            # chức chính trị - xã hội trực thuộc") holds them for its items
            short = topic and len(head.instruction.split()) < 3
            if head.is_header or short or (whole and text.rstrip().endswith(":") and head.cued):
                self._hold(head, level, whole=whole)
            else:
                self._add_tasks(head, head, level, context=self._header_text())
            return
        named = None
        if whole:  # a heading naming bodies of its own ("a) Các cơ quan đăng ký đầu tư:")
            named = heading_with_names(text, self.directory, set_apart=heading or topic)
        if named is not None:
            self.owners.append(Owner(named, _owning_level(level), self.block_text))
            return
        owner = self.owners[-1] if self.owners else self.section_default
        if owner is None and self.task_section and level is not LabelKind.NONE:
            owner = self.implied
        folded = fold(text)
        if owner is not None and not topic and not _not_an_instruction(folded):
            self._add_tasks(owner.assignment, head, level, context=self._header_text())
        elif whole and text.rstrip().endswith(":"):
            self._maybe_lead_in(text, level)

    def _hold(self, assignment: Assignment, level: LabelKind, *, whole: bool) -> None:
        """A numbered header names who its sub-items are for; a paragraph that leads in
        ("Yêu cầu ... thực hiện các nội dung sau:") names who the following items without an
        assignee of their own are for, to the end of the section."""
        if whole and level is not LabelKind.NONE:
            self.owners.append(Owner(assignment, _owning_level(level), self.block_text))
        else:
            self.section_default = Owner(assignment, level, self.block_text)

    def _maybe_lead_in(self, text: str, level: LabelKind) -> None:
        assignment = lead_in_assignment(text, self.directory) or subject_lead_in(
            text, self.directory
        )
        if assignment is not None:
            self.section_default = Owner(assignment, level, self.block_text)

    def _header_text(self) -> str:
        """The words of the header the item is under: its deadline holds for the item (a
        section's lead-in frames the items, it does not date them)."""
        return self.owners[-1].text if self.owners else ""

    def _add_tasks(
        self, owner: Assignment, item: Assignment, level: LabelKind, context: str = ""
    ) -> None:
        """Tasks for the item's instruction: one for a group (or several bodies addressed
        together with a group), one per agency when several are named without a lead, one
        led by the first when it "chủ trì"."""
        if owner is item:
            self.named_here = item
        self.item_owner = owner
        instruction = item.instruction
        if len(instruction) < 8:
            return
        if _ACCOUNTABILITY.match(fold(instruction)):
            self.skip(f"{owner.assignees_written} {instruction}", SkipReason.CLOSING)
            return
        ref = self.ref()
        coordinating = partner_names(item.coordinating)
        if owner.leads_explicitly and not any(
            m.known and m.known.kind == GROUP for m in owner.assignees
        ):
            # "Sở A, Sở B chủ trì": the first leads, the others coordinate
            coordinating = partner_names(owner.assignees[1:]) + coordinating
            owner = replace(
                owner, assignees=owner.assignees[:1], written_names=owner.written_names[:1]
            )
        made = tasks_for(owner, ref, instruction, coordinating, self.directory)
        for task in made:
            task.context = context or None
        self.tasks += made


def _not_an_instruction(folded: str) -> bool:
    """What an item under a body may be without being a task of it: an approval, a project
    named in a list ("Dự án 2: ..."), the matter the next paragraph answers ("Về ...:"), or
    what has been done already ("Chính phủ đã ban hành ...")."""
    first_sentence = folded.split(". ", 1)[0]
    return (
        is_approval(folded)
        or bool(_LISTED_PROJECT.match(folded))
        or bool(_MATTER_HEADING.match(folded))
        or bool(_DONE_ALREADY.search(first_sentence))
    )


def _unfinished(block: Block) -> bool:
    """A numbered line that ends without a stop ("1. Hoàn thành mục tiêu ... trong năm
    2025"): over items of its own, a topic rather than a task."""
    text = block.text.rstrip(" *")
    return block.kind is not LabelKind.NONE and not text.endswith((".", ";", ":", "!", "?"))
