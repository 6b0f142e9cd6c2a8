"""Reading the names of bodies in a notice's folded text: where a name starts and ends, the
title before it, the words after it that still belong to it, and the collectives that run on
from a group ("Các Sở, ban, ngành, UBND xã, phường và các cơ quan có liên quan")."""

from __future__ import annotations

import re
from dataclasses import replace

from tracker.domain.agency_names import AGENCY, NameDirectory, NameMatch
from tracker.domain.text import fold_with_positions

# Up to eight words after a name, to a colon or the end, in a heading or a cell.
_NAME_TAIL = re.compile(r"[ ,]*((?:va |, )?[a-z0-9][^:;.()]{0,80}?)\s*(?::.*)?$")
STARTS_CLAUSE = re.compile(
    r"(va )?(chu tri|phoi hop|co trach nhiem|thuc hien|trien khai|tham muu|khan truong|can|phai|"
    r"tap trung|chu dong|chi dao|"
    r"chiu trach nhiem|tiep tuc|cac (co quan|don vi) (co )?lien quan|lien quan)\b"
)
# A few words after a catalogued name, up to the comma before the next body's name.
_PLACE_BEFORE_NEXT = re.compile(r"(?: [a-z]+){1,3}(?=,)")
_COLLECTIVE_TAIL = re.compile(
    r"(?:\s*(?:,|;| va)\s+(?:cac |thu truong cac |chu tich )?"
    r"(?:ubnd|uy ban nhan dan|co quan|to chuc|don vi|doanh nghiep|dia phuong|xa|phuong|"
    r"dac khu|thanh pho|tinh|cap xa|huyen)\b(?: (?!chu tri|phoi hop|co trach)(?:-|[a-z]+))*?)+"
    r"(?= (?:co lien quan|lien quan)|(?=\s*[,;:.(]|\s+(?:chu tri|phoi hop|co trach nhiem|"
    r"thuc hien|trien khai|tham muu|khan truong|can|phai|chu dong|tiep tuc|to chuc|xay dung)\b|$))"
    r"(?: co lien quan| lien quan)?"
)
MODAL = re.compile(
    r"(can(?! cu)|phai|co trach nhiem|tap trung|tiep tuc|chu dong|khan truong|theo chuc nang)\b"
)
_OF_THE_PROVINCE = re.compile(r" tinh\b")
# Words that may stand between the cue and the name: "mỗi Thành viên", "Giám đốc Sở".
_FILLER = re.compile(
    r"(moi|dong chi|giam doc|chu tich|thu truong|truong ban|chanh thanh tra|chanh van phong|"
    r"lanh dao|co quan|cuc truong|vu truong|tong giam doc|truong phong)\s+"
)
_SEPARATOR = re.compile(r"\s*(,|;|va|cung|voi)\s+|\s*[,;]\s*")
# Openers of one word that also start ordinary phrases ("số hóa", "bảo đảm", "bổ sung").
_ONE_WORD_OPENERS = {
    *("so", "bao", "bo", "ban", "cuc", "dai", "hoi", "doan", "vien", "quy", "vu", "tinh", "truong"),
    "thanh",  # "thành phố" is a body only as a proper name: "Thành phố Đà Nẵng"
}


def _folded_opener(written: str) -> str:
    return fold_with_positions(written)[0].strip().split(" ", 1)[0]


def with_proper_name(
    text: str, positions: list[int], assignees: list[NameMatch], position: int
) -> tuple[list[NameMatch], int]:
    """A catalogued body written with its place or number after it ("Thuế tỉnh Đắk Lắk",
    "Chi cục Hải quan khu vực XIX", "Ban quản lý Khu Kinh tế Phú Yên") keeps them."""
    end = positions[position]
    while word := re.compile(r"\s+([^\s,;:.()]+)").match(text, end):
        if not (word.group(1)[:1].isupper() or re.fullmatch(r"[IVXLC]+", word.group(1))):
            break
        if STARTS_CLAUSE.match(fold_with_positions(text[word.start(1) :])[0]):
            break  # "Bộ Y tế Chỉ đạo ...": a verb, written with a capital
        end = word.end()
    if end == positions[position]:
        return assignees, position
    folded_end = positions.index(end)
    return [*assignees[:-1], replace(assignees[-1], end=folded_end)], folded_end


def cut_at_modal(
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


def past_filler(folded: str, position: int, directory: NameDirectory) -> int:
    """Past a title before the names ("Giám đốc Sở ...", "mỗi Thành viên ...")."""
    filler = _FILLER.match(folded, position)
    return filler.end() if filler and directory.match_at(folded, position) is None else position


def reads_as_name(text: str, positions: list[int], match: NameMatch) -> bool:
    """An unknown body's name, read without a cue, is capitalised as a proper name: "Cục Báo
    chí", "Ủy ban nhân dân tỉnh Tuyên Quang", not "Số hóa hồ sơ" or "Bảo đảm an toàn"."""
    if match.known is not None:
        return True
    written = text[positions[match.start] : positions[match.end]].split()
    if _folded_opener(" ".join(written)) not in _ONE_WORD_OPENERS:
        return True
    return any(word[:1].isupper() for word in written[1:])


def collective_runs_on(
    folded: str, assignees: list[NameMatch], position: int
) -> tuple[list[NameMatch], int]:
    """A group named with more collectives after it ("Các Sở, ban, ngành, UBND xã, phường và
    các cơ quan, tổ chức có liên quan") is addressed by all those words."""
    tail = _COLLECTIVE_TAIL.match(folded, position)
    if tail is None:
        return assignees, position
    last = assignees[-1]
    return [*assignees[:-1], NameMatch(last.start, tail.end(), last.known)], tail.end()


def name_runs_on(
    folded: str, assignees: list[NameMatch], position: int, directory: NameDirectory
) -> tuple[list[NameMatch], int]:
    """In a heading or a cell that holds only names, words left after the last name that
    start no clause belong to it: "Sở Nông nghiệp" + "và Môi trường", "Báo và Phát thanh" +
    ", Truyền hình Cần Thơ". The longer name is one the directory does not know, never the
    shorter one it does."""
    rest = _NAME_TAIL.match(folded, position)
    if rest is None or STARTS_CLAUSE.match(folded, rest.start(1)):
        return assignees, position
    end = rest.end(1)
    if folded[position:].startswith(", ") and body_at(folded, position + 2, directory):
        end = position  # the next body's name follows at once
    for comma in re.finditer(r", ", folded[rest.start(1) : end]):
        following = rest.start(1) + comma.end()
        if body_at(folded, following, directory):
            end = rest.start(1) + comma.start()  # another body's name begins: the run stops
            break
    last = assignees[-1]
    known = last.known if last.known and last.known.kind != AGENCY else None
    extended = [*assignees[:-1], NameMatch(last.start, end, known)] if end > position else assignees
    separator = re.compile(r"\s*,\s*").match(folded, end)
    if separator is None:
        return extended, max(end, position)
    more, after = read_names(folded, separator.end(), directory, allow_unknown=True)
    if more and after > end:
        return name_runs_on(folded, [*extended, *more], after, directory)
    return extended, max(end, position)


def body_at(folded: str, position: int, directory: NameDirectory) -> bool:
    """Whether a body's name, known or by its grammar, begins at `position`."""
    return bool(directory.match_at(folded, position) or directory.unknown_at(folded, position))


def read_names(
    folded: str, position: int, directory: NameDirectory, *, allow_unknown: bool
) -> tuple[list[NameMatch], int]:
    """The names listed from `position` ("Sở A, Sở B và UBND các huyện"), each known to the
    directory or, when `allow_unknown`, read by the grammar of bodies' names; and where they
    end."""
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
        place = _PLACE_BEFORE_NEXT.match(folded, match.end) if match.catalogued else None
        if place and body_at(folded, skip_spaces(folded, place.end() + 1), directory):
            # "Ban quản lý Khu Kinh tế Phú Yên, Ban quản lý ...": the place is the name's
            match = replace(match, end=place.end())
        names.append(match)
        position = match.end
        separator = _SEPARATOR.match(folded, position)
        if separator is None:
            return names, position
        following = skip_spaces(folded, separator.end())
        filler = _FILLER.match(folded, following)
        if filler and directory.match_at(folded, following) is None:
            following = filler.end()
        if directory.match_at(folded, following) is None and not (
            allow_unknown and directory.unknown_at(folded, following)
        ):
            return names, position
        position = following


def skip_spaces(folded: str, position: int) -> int:
    """The first position from `position` that is not a space."""
    while position < len(folded) and folded[position] == " ":
        position += 1
    return position
