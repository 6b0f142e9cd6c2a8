"""Headings in a notice's outline: which blocks are headings, and which of them name the
bodies the items under them are for."""

from __future__ import annotations

import re

from tracker.domain.agency_names import GROUP, KnownName, NameDirectory, NameMatch
from tracker.domain.assignment import Assignment, read_assignment
from tracker.domain.notice_blocks import Block, LabelKind
from tracker.domain.text import fold

# A sub-heading that states the role of the body above ("a) Chủ trì, phối hợp với ...:").
_ROLE = re.compile(r"^(chu tri|phoi hop|chu dong phoi hop)\b")
_PREAMBLE = re.compile(r"^(can cu|theo de nghi|xet de nghi|dieu \d+)\b")
_CUE = re.compile(r"(giao|de nghi|yeu cau|doi voi)\s+")
# Bodies named by what they are or do: "Các đơn vị có TTHC", "Cơ quan chủ trì giải quyết thủ
# tục đầu tư", "Chủ đầu tư các dự án".
_COLLECTIVE = re.compile(
    r"^((thu truong|nguoi dung dau|lanh dao|giam doc|chu tich) )?(cac|tung|nhung)\s+\w+"
    r"|^(co quan|don vi|chu dau tu|nha dau tu|nha thau)\s+\w+"
)
_NOT_A_BODY = re.compile(
    r"^(cac |mot so |nhung )?(nhiem vu|noi dung|giai phap|muc tieu|yeu cau|van de|du an)\b|\bsau$"
)


def collective_heading(label: str, longest: int = 15) -> Assignment | None:
    """A heading that addresses bodies by a collective the directory does not hold ("Các
    đơn vị có thủ tục hành chính:", "Các tổ chức chính trị - xã hội:"): a group named as
    written, for the reviewer to map; `longest` words at most, asides apart."""
    cue = _CUE.match(fold(label))
    if cue:  # "Đề nghị các doanh nghiệp sản xuất ..."
        label = label[len(label) - len(fold(label)[cue.end() :]) :]
        label = label[:1].upper() + label[1:]
    folded = fold(label)
    words = len(re.sub(r"\([^)]*\)", "", folded).split())  # an aside lists members
    if not _COLLECTIVE.match(folded) or _NOT_A_BODY.search(folded) or words > longest:
        return None
    match = NameMatch(0, len(folded), KnownName(label, GROUP))
    return Assignment(
        assignees=[match],
        assignees_written=label,
        written_names=[label],
        coordinating=[],
        leads_explicitly=False,
        instruction="",
        cued=False,
    )


def is_role_heading(text: str) -> bool:
    """A sub-heading that only states the role of the body above ("a) Chủ trì, phối hợp với
    các sở, ban, ngành ...:")."""
    return bool(_ROLE.match(fold(text))) and not text.rstrip(" *").endswith((".", ";"))


def is_item_of(following: Block, block: Block) -> bool:
    """Whether `following` is a sub-item of `block`: a deeper label, or a list item under a
    plain heading."""
    if block.kind is LabelKind.NONE:
        return following.kind in (LabelKind.LETTER, LabelKind.PAREN, LabelKind.DASH, LabelKind.PLUS)
    return following.kind is not LabelKind.NONE and following.kind > block.kind


def heading_with_names(
    text: str, directory: NameDirectory, *, set_apart: bool = False
) -> Assignment | None:
    """A short heading that names who the items below are for, some of them bodies the
    directory does not list ("Các chủ đầu tư; UBND các huyện, thị xã, thành phố:"); it ends
    with a colon unless it is `set_apart` (bold, a Markdown heading: "8. Các đơn vị có
    TTHC")."""
    label = text.strip().rstrip(":").strip()
    words = len(re.sub(r"\([^)]*\)", "", label).split())  # an aside lists members
    if not (set_apart or text.rstrip().endswith(":")) or words > 40:
        return None
    known: list[NameMatch] = []
    written: list[str] = []
    for part in re.split(r"\s*;\s*", label):
        assignment = read_assignment(part, directory)
        if assignment.assignees and assignment.is_header:
            known += assignment.assignees
            written += assignment.written_names
    if not known:
        # a heading may describe the bodies at length ("Đối với các cơ sở sản xuất có lưu
        # lượng xả bụi, khí thải lớn ra môi trường và ...:")
        return collective_heading(label, longest=40)
    return Assignment(
        assignees=known,
        assignees_written=label,
        written_names=written,
        coordinating=[],
        leads_explicitly=False,
        instruction="",
        cued=False,
        others_named=len(written) < len(re.split(r"\s*;\s*", label)),
    )


def reads_as_heading(block: Block) -> bool:
    """A heading rather than a sentence: all bold, a Markdown heading, or a short line
    ending with a colon ("4. Trung tâm Chuyển đổi số Thành phố", "a) Cục Báo chí:")."""
    text = block.text.strip()
    if text.upper() == text or _PREAMBLE.match(fold(text)) or _ROLE.match(fold(text)):
        return False  # the issuer in the letterhead, "Căn cứ ...", "QUYẾT ĐỊNH:"
    if block.is_heading or (block.bold_lead and block.bold_lead == text):
        return len(text.split()) <= 25
    return text.endswith(":") and len(text.split()) <= 25


# A sub-heading that states the role of the body above ("a) Chủ trì, phối hợp với ...:").
_ROLE = re.compile(r"^(chu tri|phoi hop|chu dong phoi hop)\b")
