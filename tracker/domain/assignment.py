"""Reading who is assigned in one sentence of a notice: "Giao Sở A chủ trì, phối hợp với
Sở B và các đơn vị liên quan tham mưu ..." gives lead Sở A, coordinating Sở B and the
instruction "tham mưu ..."."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from tracker.domain.agency_names import AGENCY, NameDirectory, NameMatch
from tracker.domain.place_lists import place_list, unit_list
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
    rf"(?:giao cho|giao{_NOT_A_CUE}|yeu cau|de nghi))\s+"
    rf"|(?<=,)\s+((?:dong thoi )?giao{_NOT_A_CUE})\s+"  # "Riêng dự án ..., giao Sở GTVT ..."
)
# "Cục Báo chí: khẩn trương ...": a name of a few words, then a colon.
_NAMED_BEFORE_COLON = re.compile(r"[^:;.,()]{3,90}(\([^)]{0,200}\))?\s*:")
# Up to eight words after a name, to a colon or the end, in a heading or a cell.
_NAME_TAIL = re.compile(r"[ ,]*((?:va |, )?[a-z0-9][^:;.()]{0,80}?)\s*(?::.*)?$")
_STARTS_CLAUSE = re.compile(
    r"(va )?(chu tri|phoi hop|co trach nhiem|thuc hien|trien khai|tham muu|khan truong|can|phai|"
    r"tap trung|chu dong|chi dao|"
    r"chiu trach nhiem|tiep tuc|cac (co quan|don vi) (co )?lien quan|lien quan)\b"
)
# "(Bộ trưởng) các Bộ: ...", "các Cục: ...": the kind, then its members' own names.
_KIND_LIST = re.compile(
    r"(?:(?:bo truong|cuc truong|giam doc|thu truong|chu tich) )?cac "
    r"(?P<kind>bo|cuc|vu|so|tap doan|tong cong ty|tinh|thanh pho|ubnd tinh)"
    r"(?:, (?:co quan|nganh))?\s*:\s*"
)
# "Các Cục: Bản quyền tác giả; Xuất bản, In và Phát hành; Báo chí": names with commas
_SEMICOLON_ITEMS = re.compile(r"[^:.()]{2,300}?;[^:.()]{2,300}?(?=\s*(?:[:.(]|$))")
_LIST_SEPARATOR = re.compile(r"(?:\s*(?:,|;|\bva\b)\s*)*")
_LIST_ITEMS = re.compile(
    r"[^:.;()]{2,300}?(?=\s*(?:[:;.(]|$| (?:chu tri|phoi hop|khan truong|theo chuc nang)))"
)
_COLLECTIVE_TAIL = re.compile(
    r"(?:\s*(?:,|;| va)\s+(?:cac |thu truong cac |chu tich )?"
    r"(?:ubnd|uy ban nhan dan|co quan|to chuc|don vi|doanh nghiep|dia phuong|xa|phuong|"
    r"dac khu|thanh pho|tinh|cap xa|huyen)\b(?: (?!chu tri|phoi hop|co trach)(?:-|[a-z]+))*?)+"
    r"(?= (?:co lien quan|lien quan)|(?=\s*[,;:.(]|\s+(?:chu tri|phoi hop|co trach nhiem|"
    r"thuc hien|trien khai|tham muu|khan truong|can|phai|chu dong|tiep tuc|to chuc|xay dung)\b|$))"
    r"(?: co lien quan| lien quan)?"
)
# The last clause of a lead-in, its subject first: "..., <body> cần ... sau đây:".
_SUBJECT_LEAD_IN = re.compile(
    r"(?:^|[.;,]\s+)([^.;,]{3,60}?)\s+(?:can|phai|co trach nhiem|"
    r"tap trung|tiep tuc|chu dong)\b[^.;]*\b(?:sau|sau day|nhu sau|cu the)\s*:$"
)
_MODAL = re.compile(
    r"(can(?! cu)|phai|co trach nhiem|tap trung|tiep tuc|chu dong|khan truong|theo chuc nang)\b"
)
_CLAUSE_START = re.compile(r"(?<=[.;])\s+")
_FOLLOWED_BY_A_VERB = re.compile(r"( tinh)?\s+(?!va\b|cac\b|cung\b)[a-z]")
# What a body "đã" or "đang" do is a statement of fact, not an assignment.
_STATEMENT = re.compile(r"(da|dang|vua|duoc|cung da|cung dang|co y kien|bao cao ket qua)\b")
# An instruction that announces the items below it: "... một số nội dung sau:".
_LEADS_IN = re.compile(r"\b(sau|nhu sau|sau day|cu the|gom|bao gom)\s*:$")
_OF_THE_PROVINCE = re.compile(r" tinh\b")
_ASIDE = re.compile(r"\s*\([^)]{0,300}\)")
# Words that may stand between the cue and the name: "mỗi Thành viên", "Giám đốc Sở".
_FILLER = re.compile(
    r"(moi|dong chi|giam doc|chu tich|thu truong|truong ban|chanh thanh tra|chanh van phong|"
    r"lanh dao|co quan|cuc truong|vu truong|tong giam doc|truong phong)\s+"
)
_SEPARATOR = re.compile(r"\s*(,|;|va|cung|voi)\s+|\s*[,;]\s*")
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
    position = _skip_spaces(folded, 0)
    cue = _CUE.match(folded, position)
    if cue:
        position = cue.end()
    names_start = position
    position = _past_filler(folded, position, directory)
    listed = _kind_list(text, folded, positions, position, directory)
    if listed is None:
        listed = _places(text, positions[position], directory)
    if listed is not None:
        return listed
    assignees, position = _assignees(
        (text, folded, positions), position, directory, cued=bool(cue), names_only=names_only
    )
    aside = _ASIDE.match(folded, position) if assignees else None
    if aside:  # "Sở Khoa học và Công nghệ (cơ quan tiếp nhận ...):"
        position = aside.end()
    # as written, with a title before the names ("Thủ trưởng các sở, ngành tỉnh, ...")
    written = text[positions[names_start] : positions[assignees[-1].end]] if assignees else ""
    written_names = [text[positions[m.start] : positions[m.end]] for m in assignees]
    leads = _LEADS.match(folded, position)
    if leads:
        position = leads.end()
    coordinating: list[NameMatch] = []
    coordinates = _COORDINATES.match(folded, position)
    if coordinates:
        coordinating, after = _read_names(folded, coordinates.end(), directory, allow_unknown=False)
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


# Openers of one word that also start ordinary phrases ("số hóa", "bảo đảm", "bổ sung").
_ONE_WORD_OPENERS = {
    *("so", "bao", "bo", "ban", "cuc", "dai", "hoi", "doan", "vien", "quy", "vu", "tinh", "truong"),
    "thanh",  # "thành phố" is a body only as a proper name: "Thành phố Đà Nẵng"
}


def _folded_opener(written: str) -> str:
    return _folded(written).split(" ", 1)[0]


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
    allow_unknown = cued or names_only or bool(_NAMED_BEFORE_COLON.match(folded, start))
    assignees, position = _read_names(folded, start, directory, allow_unknown=allow_unknown)
    if not assignees and not allow_unknown:
        # a body the directory lacks, as the subject: "UBND thành phố Đà Nẵng cần ..."
        assignees, position = _read_names(folded, start, directory, allow_unknown=True)
        if not _MODAL.match(folded, _skip_spaces(folded, position)):
            return [], start
    if not cued and assignees and not _reads_as_name(text, positions, assignees[0]):
        return [], start
    if assignees and assignees[-1].known is None:
        assignees, position = _cut_at_modal(text, positions, assignees, position)
    if assignees and assignees[-1].known is None and assignees[-1].catalogued is not None:
        assignees, position = _with_proper_name(text, positions, assignees, position)
    if names_only and assignees:
        assignees, position = _name_runs_on(folded, assignees, position, directory)
    if assignees and assignees[-1].known and assignees[-1].known.kind != AGENCY:
        assignees, position = _collective_runs_on(folded, assignees, position)
    return assignees, position


def _with_proper_name(
    text: str, positions: list[int], assignees: list[NameMatch], position: int
) -> tuple[list[NameMatch], int]:
    """A catalogued body written with its place or number after it ("Thuế tỉnh Đắk Lắk",
    "Chi cục Hải quan khu vực XIX", "Ban quản lý Khu Kinh tế Phú Yên") keeps them."""
    end = positions[position]
    while word := re.compile(r"\s+([^\s,;:.()]+)").match(text, end):
        if not (word.group(1)[:1].isupper() or re.fullmatch(r"[IVXLC]+", word.group(1))):
            break
        if _STARTS_CLAUSE.match(fold_with_positions(text[word.start(1) :])[0]):
            break  # "Bộ Y tế Chỉ đạo ...": a verb, written with a capital
        end = word.end()
    if end == positions[position]:
        return assignees, position
    folded_end = positions.index(end)
    return [*assignees[:-1], replace(assignees[-1], end=folded_end)], folded_end


def _cut_at_modal(
    text: str, positions: list[int], assignees: list[NameMatch], position: int
) -> tuple[list[NameMatch], int]:
    """An unknown name ends before "cần" or "phải" written in lower case: "thành phố Đà Nẵng
    cần tập trung ...", but "Trường Đại học Cần Thơ" keeps its name."""
    last = assignees[-1]
    for word in re.finditer(r"\S+", text[positions[last.start] : positions[last.end]]):
        if word.group(0) in ("cần", "phải") and word.start() > 0:
            cut = positions.index(positions[last.start] + word.start()) - 1
            return [*assignees[:-1], replace(last, end=cut)], cut
    return assignees, position


def _past_filler(folded: str, position: int, directory: NameDirectory) -> int:
    """Past a title before the names ("Giám đốc Sở ...", "mỗi Thành viên ...")."""
    filler = _FILLER.match(folded, position)
    return filler.end() if filler and directory.match_at(folded, position) is None else position


def _kind_list(
    text: str, folded: str, positions: list[int], position: int, directory: NameDirectory
) -> Assignment | None:
    """Bodies of one kind listed after it: "Các Bộ: Tài chính, Y tế, Tư pháp", "các Cục: Di
    sản văn hóa, Bản quyền tác giả" give Bộ Tài chính, Bộ Y tế ... one task each. Items are
    cut at commas only: "và" joins words inside names ("Dân tộc và Tôn giáo")."""
    listing = _KIND_LIST.match(folded, position)
    if listing is None:
        return None
    kind = text[positions[listing.start("kind")] : positions[listing.end("kind")]]
    names = _SEMICOLON_ITEMS.match(folded, listing.end()) or _LIST_ITEMS.match(
        folded, listing.end()
    )
    if names is None:
        return None
    kind = f"{kind[:1].upper()}{kind[1:]}"
    matches, written = _list_members(kind, text, positions, (names.start(), names.end()), directory)
    rest = text[positions[names.end()] :].lstrip(" ,;:-–").strip()
    return Assignment(
        assignees=matches,
        assignees_written=", ".join(written),
        written_names=written,
        coordinating=[],
        leads_explicitly=False,
        instruction=rest,
        cued=False,
    )


def _places(text: str, start: int, directory: NameDirectory) -> Assignment | None:
    """Provinces and cities listed by name ("Các tỉnh Nghệ An, Quảng Ngãi ...", "UBND các
    tỉnh, thành phố: Tuyên Quang, Hồ Chí Minh"), one each."""
    found = place_list(text[start:]) or unit_list(text[start:])
    if found is None:
        return None
    places, end = found
    matches = [
        NameMatch(start, start + end, directory.known(place), directory.catalogued(place))
        for place in places
    ]
    return Assignment(
        assignees=matches,
        assignees_written=text[start : start + end],
        written_names=places,
        coordinating=[],
        leads_explicitly=False,
        instruction=text[start + end :].lstrip(" ,;:-–").strip(),
        cued=False,
    )


def _list_members(
    kind: str,
    text: str,
    positions: list[int],
    span: tuple[int, int],
    directory: NameDirectory,
) -> tuple[list[NameMatch], list[str]]:
    """The members of a kind list, each the longest name known with the kind before it ("Văn
    hóa, Thể thao và Du lịch" is one ministry), or a known body's own name ("Tập đoàn Điện lực
    Việt Nam"), else the words up to the next comma."""
    folded = fold_with_positions(text)[0]
    matches: list[NameMatch] = []
    written: list[str] = []
    position, end = span
    separator = ";" if ";" in folded[position:end] else ","
    while position < end:
        position = _LIST_SEPARATOR.match(folded, position).end()  # type: ignore[union-attr]
        if position >= end:
            break
        own = directory.match_at(folded, position)
        if own is not None and own.end <= end:
            matches.append(own)
            written.append(text[positions[position] : positions[own.end]])
            position = own.end
            continue
        rest = text[positions[position] : positions[end]]
        combined, _ = fold_with_positions(f"{kind} {rest}")
        known = directory.match_at(combined, 0)
        stop = folded.find(separator, position, end)
        stop = end if stop < 0 else stop
        if known is not None and known.end > len(kind) + 1:
            stop = position + known.end - len(kind) - 1
        matches.append(NameMatch(position, stop, known.known if known else None))
        if known is not None and known.known is None:
            matches[-1] = replace(matches[-1], catalogued=known.catalogued)
        written.append(f"{kind} {text[positions[position] : positions[stop]].strip()}")
        position = stop
    return matches, written


def _reads_as_name(text: str, positions: list[int], match: NameMatch) -> bool:
    """An unknown body's name, read without a cue, is capitalised as a proper name: "Cục Báo
    chí", "Ủy ban nhân dân tỉnh Tuyên Quang", not "Số hóa hồ sơ" or "Bảo đảm an toàn"."""
    if match.known is not None:
        return True
    written = text[positions[match.start] : positions[match.end]].split()
    if _folded_opener(" ".join(written)) not in _ONE_WORD_OPENERS:
        return True
    return any(word[:1].isupper() for word in written[1:])


def _collective_runs_on(
    folded: str, assignees: list[NameMatch], position: int
) -> tuple[list[NameMatch], int]:
    """A group named with more collectives after it ("Các Sở, ban, ngành, UBND xã, phường và
    các cơ quan, tổ chức có liên quan") is addressed by all those words."""
    tail = _COLLECTIVE_TAIL.match(folded, position)
    if tail is None:
        return assignees, position
    last = assignees[-1]
    return [*assignees[:-1], NameMatch(last.start, tail.end(), last.known)], tail.end()


def _name_runs_on(
    folded: str, assignees: list[NameMatch], position: int, directory: NameDirectory
) -> tuple[list[NameMatch], int]:
    """In a heading or a cell that holds only names, words left after the last name that
    start no clause belong to it: "Sở Nông nghiệp" + "và Môi trường", "Báo và Phát thanh" +
    ", Truyền hình Cần Thơ". The longer name is one the directory does not know, never the
    shorter one it does."""
    rest = _NAME_TAIL.match(folded, position)
    if rest is None or _STARTS_CLAUSE.match(folded, rest.start(1)):
        return assignees, position
    end = rest.end(1)
    if folded[position:].startswith(", ") and _body_at(folded, position + 2, directory):
        end = position  # the next body's name follows at once
    for comma in re.finditer(r", ", folded[rest.start(1) : end]):
        following = rest.start(1) + comma.end()
        if _body_at(folded, following, directory):
            end = rest.start(1) + comma.start()  # another body's name begins: the run stops
            break
    last = assignees[-1]
    known = last.known if last.known and last.known.kind != AGENCY else None
    extended = [*assignees[:-1], NameMatch(last.start, end, known)] if end > position else assignees
    separator = re.compile(r"\s*,\s*").match(folded, end)
    if separator is None:
        return extended, max(end, position)
    more, after = _read_names(folded, separator.end(), directory, allow_unknown=True)
    if more and after > end:
        return _name_runs_on(folded, [*extended, *more], after, directory)
    return extended, max(end, position)


def _body_at(folded: str, position: int, directory: NameDirectory) -> bool:
    return bool(directory.match_at(folded, position) or directory.unknown_at(folded, position))


def cued_sentences(
    text: str, directory: NameDirectory, *, names_too: bool = True
) -> list[tuple[int, int]]:
    """Spans of `text` that start with an assignment cue ("Giao ...", "Đề nghị ...") or, when
    `names_too`, with a known body's name as the subject of a new clause after a clause that
    said something ("... lập quy hoạch; Sở GTVT phối hợp ..."), each running to the next such
    start or the end."""
    folded, positions = fold_with_positions(text)
    cued = [m.start(m.lastindex or 1) for m in _SENTENCE_CUE.finditer(folded)]
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
    _, after = _read_names(folded, _skip_spaces(folded, start), directory, allow_unknown=False)
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
    if not found.assignees or not _MODAL.match(_folded(found.instruction)):
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


def _read_names(
    folded: str, position: int, directory: NameDirectory, *, allow_unknown: bool
) -> tuple[list[NameMatch], int]:
    names: list[NameMatch] = []
    while True:
        match = directory.match_at(folded, position)
        if match is None and allow_unknown:
            match = directory.unknown_at(folded, position)
        if match is None:
            return names, position
        province = _OF_THE_PROVINCE.match(folded, match.end)  # "Sở Y tế tỉnh"
        if province and match.known and match.known.kind == AGENCY:
            match = NameMatch(match.start, province.end(), match.known)
        names.append(match)
        position = match.end
        separator = _SEPARATOR.match(folded, position)
        if separator is None:
            return names, position
        following = _skip_spaces(folded, separator.end())
        filler = _FILLER.match(folded, following)
        if filler and directory.match_at(folded, following) is None:
            following = filler.end()
        if directory.match_at(folded, following) is None and not (
            allow_unknown and directory.unknown_at(folded, following)
        ):
            return names, position
        position = following


def _skip_generic_partners(folded: str, position: int) -> int:
    start = position
    separator = re.compile(r"\s*(,|va)?\s*").match(folded, position)
    candidate = separator.end() if separator else position
    partners = _GENERIC_PARTNERS.match(folded, candidate)
    return partners.end() if partners else start


def _skip_spaces(folded: str, position: int) -> int:
    while position < len(folded) and folded[position] == " ":
        position += 1
    return position


def _folded(text: str) -> str:
    return fold_with_positions(text)[0].strip()
