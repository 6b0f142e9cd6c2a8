"""Reading who is assigned in one sentence of a notice: "Giao Sở A chủ trì, phối hợp với
Sở B và các đơn vị liên quan tham mưu ..." gives lead Sở A, coordinating Sở B and the
instruction "tham mưu ..."."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from tracker.domain.agency_names import AGENCY, NameDirectory, NameMatch
from tracker.domain.assignee_lists import kind_list, places
from tracker.domain.assignee_names import (
    MODAL,
    collective_runs_on,
    cut_at_modal,
    name_runs_on,
    past_filler,
    read_names,
    reads_as_name,
    skip_spaces,
    with_proper_name,
)
from tracker.domain.text import fold_with_positions

# Words that hand out the task; "đồng ý" (an approval) is not one of them, nor "chỉ đạo",
# which in an item usually says what the assignee must direct others to do.
_CUE = re.compile(
    r"(dong thoi,? )?((chu tich )?(ubnd|uy ban nhan dan) tinh )?"
    r"(giao cho|giao|yeu cau|de nghi|uy quyen|phan cong|doi voi)\s+"
)
# Where an assignment may start inside a paragraph: at its start or after a sentence or
# clause, optionally with the province as subject ("UBND tỉnh giao ...").
# "giao" that begins a word of its own: Giáo dục, Giao thông, giao dịch, giao lưu ...
_NOT_A_CUE = r"(?! (?:duc|thong|dich|luu|nhan|thuong|hang|ket|tiep|khoan|dat|ngay)\b)"
_SENTENCE_CUE = re.compile(
    r"(?:^|(?<=[.;:!?])\s+)((?:dong thoi,? )?(?:(?:chu tich )?(?:ubnd|uy ban nhan dan) tinh )?"
    rf"(?:giao cho|giao{_NOT_A_CUE}|yeu cau|de nghi|doi voi))\s+"
    rf"|(?<=,)\s+((?:dong thoi )?giao{_NOT_A_CUE})\s+"  # "Riêng dự án ..., giao Sở GTVT ..."
)
# "Cục Báo chí: khẩn trương ...": a name of a few words, then a colon.
_NAMED_BEFORE_COLON = re.compile(r"[^:;.,()]{3,90}(\([^)]{0,200}\))?\s*:")
# The last clause of a lead-in, its subject first: "..., <body> cần ... sau đây:".
_SUBJECT_LEAD_IN = re.compile(
    r"(?:^|[.;,]\s+)([^.;,]{3,60}?)\s+(?:can|phai|co trach nhiem|"
    r"tap trung|tiep tuc|chu dong)\b[^.;]*\b(?:sau|sau day|nhu sau|cu the)\s*:$"
)
# Where a clause may begin: after a full stop or a semicolon, or after an ordinal that opens
# a paragraph ("Thứ tư, các địa phương cần ...").
_CLAUSE_START = re.compile(r"(?<=[.;])\s+|^thu (nhat|hai|ba|tu|nam|sau|bay|tam|chin|muoi),\s+")
_FOLLOWED_BY_A_VERB = re.compile(r"( tinh)?\s+(?!va\b|cac\b|cung\b|la\b)[a-z]")
# What a body "đã" or "đang" do is a statement of fact, not an assignment.
_STATEMENT = re.compile(r"(da|dang|vua|duoc|cung da|cung dang|co y kien|bao cao ket qua)\b")
# An instruction that announces the items below it: "... một số nội dung sau:".
_LEADS_IN = re.compile(r"\b(sau|nhu sau|sau day|cu the|gom|bao gom)\s*:$")
_ASIDE = re.compile(r"\s*\([^)]{0,300}\)")
_THEN_PLACES = re.compile(r"\s*(?:,|\bva\b)?\s*(?=cac (?:tinh|thanh pho) [a-z])")
_ROLE_NAMED = re.compile(r"(nha dau tu|chu dau tu|nha thau|co quan chu quan) \(")
# A circumstance before the subject: "Căn cứ ..., ", "Hằng năm, ", "Trên cơ sở đó, ".
_INTRODUCTION = re.compile(r"(can cu|tren co so|hang nam|hang quy|hang thang)\b[^.;:]{0,160}?,\s+")
# A sentence of its own that reports on a schedule: "... . Hằng năm báo cáo kết quả ...".
_REPORT_OPENING = re.compile(r"(?:hang|dinh ky)(?: hang)? (?:nam|quy|thang|6 thang),? bao cao\b")
_PERIODIC_REPORT = re.compile(r"(?<=\.)\s+(" + _REPORT_OPENING.pattern + ")")  # a new sentence
_COLLECTIVE_SUBJECT = re.compile(
    r"((?:cac|tung|nhung) [^,.;:()]{2,60}?)\s+"
    r"(?=(?:can|phai|co trach nhiem|chu dong|khan truong)\b)"
)
# What a body named as the subject does next (the verbs that end an unknown name).
_VERB = re.compile(
    r"(tang cuong|trien khai|thuc hien|to chuc|xay dung|ra soat|nghien cuu|hoan thanh|"
    r"chi dao|tham muu|chu tri|phoi hop|theo doi|don doc|bao cao|kiem tra|huong dan|day manh)\b"
)
_LEADS = re.compile(r"\s*[,:]?\s*chu tri\b\s*,?\s*")
_COORDINATES = re.compile(r"\s*[,:]?\s*(phoi hop|cung phoi hop)( chat che)?( voi| cung)?\s+")
_GENERIC_PARTNERS = re.compile(
    r"(cac\s+)?((co quan|don vi|so|nganh|dia phuong|to chuc|ban|cap)[\s,]*)+(co\s+)?lien quan"
    r"|cac (co quan bao chi|dia phuong|hiep hoi doanh nghiep|doanh nghiep)"
    r"( trong tinh| cua tinh| tren dia ban( tinh)?)?"
)
_HEADER_REMAINDER = re.compile(
    r"^((thuc hien|trien khai|tap trung)\s+)?((cac|mot so|nhung)\s+)?"
    r"(nhiem vu|noi dung|cong viec|viec)(\s+(cu the|trong tam|chu yeu))?(\s+(sau|nhu sau))?\s*:?$"
)


@dataclass(frozen=True)
class Assignment:
    """Who a sentence assigns (matches over the folded text) and the instruction that
    follows, as written."""

    assignees: list[NameMatch]
    assignees_written: str
    written_names: list[str]
    coordinating: list[NameMatch]
    leads_explicitly: bool
    instruction: str
    cued: bool
    # Bodies the directory does not know were named beside the assignees ("Các chủ đầu tư").
    others_named: bool = False

    @property
    def is_header(self) -> bool:
        """The sentence only names who is assigned; the tasks follow as sub-items."""
        folded = _folded(self.instruction)
        return not folded or bool(_HEADER_REMAINDER.match(folded) or _LEADS_IN.search(folded))


def read_assignment(text: str, directory: NameDirectory, *, names_only: bool = False) -> Assignment:
    """Read the assignee names at the start of `text`, the "chủ trì, phối hợp" clause, and
    the instruction after them. A body the directory lacks is read after a cue ("Giao Sở Du
    lịch ..."), before a colon ("Cục Báo chí: ..."), or anywhere in a cell that holds only
    names (`names_only`)."""
    folded, positions = fold_with_positions(text)
    position = skip_spaces(folded, 0)
    cue = _CUE.match(folded, position)
    if cue:
        position = cue.end()
    names_start = position
    position = past_filler(folded, position, directory)
    listed = kind_list(text, folded, positions, position, directory) or places(
        text, positions[position], directory
    )
    if listed is not None:
        return Assignment(
            assignees=listed.matches,
            assignees_written=", ".join(listed.written),
            written_names=listed.written,
            coordinating=[],
            leads_explicitly=False,
            instruction=text[listed.rest :].lstrip(" ,;:-–").strip(),
            cued=False,
        )
    assignees, position = _assignees(
        (text, folded, positions), position, directory, cued=bool(cue), names_only=names_only
    )
    intro = _INTRODUCTION.match(folded, position) if not assignees and not cue else None
    if intro:  # "Căn cứ nội dung Kế hoạch, các sở, ban, ngành ... xây dựng kế hoạch ..."
        assignees, after = _assignees(
            (text, folded, positions), intro.end(), directory, cued=False, names_only=False
        )
        names_start, position = (intro.end(), after) if assignees else (names_start, position)
    aside = _ASIDE.match(folded, position) if assignees else None
    if aside:  # "Sở Khoa học và Công nghệ (cơ quan tiếp nhận ...):"
        position = aside.end()
    # as written, with a title before the names ("Thủ trưởng các sở, ngành tỉnh, ...")
    written = text[positions[names_start] : positions[assignees[-1].end]] if assignees else ""
    written_names = [text[positions[m.start] : positions[m.end]] for m in assignees]
    joined = _THEN_PLACES.match(folded, position) if assignees else None
    listed = places(text, positions[joined.end()], directory) if joined else None
    if listed is not None:  # "Bộ Xây dựng, Bộ Quốc phòng các tỉnh Ninh Bình, Hưng Yên ..."
        assignees, written_names = assignees + listed.matches, written_names + listed.written
        position = positions.index(listed.rest)
    leads = _LEADS.match(folded, position)
    if leads:
        position = leads.end()
    coordinating: list[NameMatch] = []
    coordinates = _COORDINATES.match(folded, position)
    if coordinates:
        coordinating, after = read_names(folded, coordinates.end(), directory, allow_unknown=False)
        after = _skip_generic_partners(folded, after)
        if coordinating or after > coordinates.end():
            position = after
    instruction = text[positions[position] :].lstrip(" ,;:-–").strip()
    if not cue and _STATEMENT.match(_folded(instruction)):
        assignees, written, written_names = [], "", []
    return Assignment(
        assignees=assignees,
        assignees_written=written,
        written_names=written_names,
        coordinating=coordinating,
        leads_explicitly=bool(leads),
        instruction=instruction,
        cued=bool(cue),
    )


def _assignees(
    texts: tuple[str, str, list[int]],
    start: int,
    directory: NameDirectory,
    *,
    cued: bool,
    names_only: bool,
) -> tuple[list[NameMatch], int]:
    """The names at `start` (in the folded text) and where they end."""
    text, folded, positions = texts
    bracketed = _bracketed_body(folded, start, directory) if cued else None
    if bracketed is not None:
        return bracketed
    allow_unknown = cued or names_only or bool(_NAMED_BEFORE_COLON.match(folded, start))
    assignees, position = read_names(folded, start, directory, allow_unknown=allow_unknown)
    if not assignees and not allow_unknown:
        # a body the directory lacks, as the subject: "UBND thành phố Đà Nẵng cần ...",
        # "Văn phòng Thường trực Ban Chỉ đạo 389 tăng cường ...", "Các lực lượng chức năng
        # phải ..."
        assignees, position = read_names(folded, start, directory, allow_unknown=True)
        if not assignees:
            assignees, position = _collective_subject(folded, start)
        following = skip_spaces(folded, position)
        verb = MODAL.match(folded, following) or _VERB.match(folded, following)
        if not assignees or not verb or not _goes_on(text[positions[verb.end()] :]):
            return [], start
    if not cued and assignees and not reads_as_name(text, positions, assignees[0]):
        return [], start
    if assignees and assignees[-1].known is None:
        assignees, position = cut_at_modal(text, positions, assignees, position)
    if assignees and assignees[-1].known is None and assignees[-1].catalogued is not None:
        assignees, position = with_proper_name(text, positions, assignees, position)
    if names_only and assignees:
        assignees, position = name_runs_on(folded, assignees, position, directory)
    if assignees and assignees[-1].known and assignees[-1].known.kind != AGENCY:
        assignees, position = collective_runs_on(folded, assignees, position)
    return assignees, position


def _goes_on(rest: str) -> bool:
    """Whether the words after a verb read as an instruction, not as the end of a name
    ("Công ty TNHH Tập đoàn xây dựng Thanh Bình" is a company, not a task)."""
    words = rest.split()[:3]
    return any(word[:1].islower() for word in words)


def _bracketed_body(
    folded: str, start: int, directory: NameDirectory
) -> tuple[list[NameMatch], int] | None:
    """The body in brackets after a role: "Nhà đầu tư (Tập đoàn Đèo Cả)"."""
    role = _ROLE_NAMED.match(folded, start)
    if role is None:
        return None
    named, end = read_names(folded, role.end(), directory, allow_unknown=True)
    close = folded.find(")", role.end())
    if not named or not 0 <= close <= end:
        return None
    return [*named[:-1], replace(named[-1], end=min(named[-1].end, close))], close + 1


def _collective_subject(folded: str, start: int) -> tuple[list[NameMatch], int]:
    """Bodies named as a collective before what they must do: "Các lực lượng chức năng phải
    ...", "Các địa phương cần ..."."""
    subject = _COLLECTIVE_SUBJECT.match(folded, start)
    if subject is None:
        return [], start
    return [NameMatch(start, subject.end(1), None)], subject.end(1)


def is_periodic_report(text: str) -> bool:
    """Whether `text` is a report on a schedule ("Hằng năm báo cáo kết quả ...")."""
    return bool(_REPORT_OPENING.match(fold_with_positions(text)[0].strip()))


def cued_sentences(
    text: str, directory: NameDirectory, *, names_too: bool = True
) -> list[tuple[int, int]]:
    """Spans of `text` that start with an assignment cue ("Giao ...", "Đề nghị ...") or, when
    `names_too`, with a known body's name as the subject of a new clause after a clause that
    said something ("... lập quy hoạch; Sở GTVT phối hợp ..."), each running to the next such
    start or the end."""
    folded, positions = fold_with_positions(text)
    cued = [m.start(m.lastindex or 1) for m in _SENTENCE_CUE.finditer(folded)]
    cued += [m.start(1) for m in _PERIODIC_REPORT.finditer(folded)]
    clause_starts = [0, *(m.end() for m in _CLAUSE_START.finditer(folded))]
    named = [
        start
        for previous, start in zip(clause_starts, clause_starts[1:], strict=False)
        if names_too
        and not _only_names(folded, previous, start, directory)
        and _acts(folded, start, directory)
    ]
    starts = [positions[start] for start in sorted({*cued, *named})]
    ends = [*starts[1:], len(text)] if starts else []
    return list(zip(starts, ends, strict=True))


def _only_names(folded: str, start: int, end: int, directory: NameDirectory) -> bool:
    """Whether folded[start:end] is nothing but names ("Thủ trưởng các Sở, Ban, ngành;")."""
    _, after = read_names(folded, skip_spaces(folded, start), directory, allow_unknown=False)
    return after > start and not folded[after:end].strip(" ;,.")


def _acts(folded: str, position: int, directory: NameDirectory) -> bool:
    """A known body named as the subject of a clause, followed by what it is to do (not a
    list of bodies: "...; Chủ tịch UBND các huyện, thị xã; Lãnh đạo ...")."""
    match = directory.match_at(folded, position)
    return match is not None and bool(_FOLLOWED_BY_A_VERB.match(folded, match.end))


def subject_lead_in(text: str, directory: NameDirectory) -> Assignment | None:
    """A lead-in whose subject is the body itself: "..., thành phố Đà Nẵng cần tập trung
    thực hiện tốt một số nhiệm vụ, giải pháp sau đây:"."""
    folded, positions = fold_with_positions(text)
    lead_in = _SUBJECT_LEAD_IN.search(folded)
    if lead_in is None:
        return None
    found = read_assignment(text[positions[lead_in.start(1)] :], directory, names_only=True)
    if not found.assignees or not MODAL.match(_folded(found.instruction)):
        return None
    return found


def lead_in_assignment(text: str, directory: NameDirectory) -> Assignment | None:
    """Who a lead-in paragraph asks to carry out the items after it ("... Yêu cầu Thủ trưởng
    các Sở, Ban, ngành ... thực hiện các nội dung sau:"): the names after each cue in it."""
    folded, positions = fold_with_positions(text)
    assignees: list[NameMatch] = []
    written: list[str] = []
    for cue in re.finditer(r"\b(yeu cau|de nghi|giao)\s+", folded):
        found = read_assignment(text[positions[cue.start()] :], directory)
        assignees += found.assignees
        written += found.written_names
    if not assignees:
        return None
    return Assignment(
        assignees=assignees,
        assignees_written="; ".join(written),
        written_names=written,
        coordinating=[],
        leads_explicitly=False,
        instruction="",
        cued=True,
    )


def _skip_generic_partners(folded: str, position: int) -> int:
    start = position
    separator = re.compile(r"\s*(,|va)?\s*").match(folded, position)
    candidate = separator.end() if separator else position
    partners = _GENERIC_PARTNERS.match(folded, candidate)
    return partners.end() if partners else start


def _folded(text: str) -> str:
    return fold_with_positions(text)[0].strip()
