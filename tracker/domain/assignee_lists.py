"""Bodies listed after their kind or by place: "Các Bộ: Tài chính, Y tế", "các Cục: Bản quyền
tác giả; Báo chí", "Các tỉnh Nghệ An, Quảng Ngãi", "UBND các tỉnh, thành phố: Tuyên Quang, Hồ Chí
Minh": one body each."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from tracker.domain.agency_names import NameDirectory, NameMatch
from tracker.domain.assignee_names import STARTS_CLAUSE
from tracker.domain.place_lists import place_list, unit_list
from tracker.domain.text import fold_with_positions

# "(Bộ trưởng) các Bộ: ...", "các Cục: ...": the kind, then its members' own names.
_KIND_LIST = re.compile(
    r"(?:(?:bo truong|cuc truong|giam doc|thu truong|chu tich) )?cac "
    r"(?P<kind>bo|cuc|vu|so|tap doan|tong cong ty|tinh|thanh pho|ubnd tinh)"
    r"(?:, (?:co quan|nganh))?\s*:\s*"
)
# "Các Cục: Bản quyền tác giả; Xuất bản, In và Phát hành; Báo chí": names with commas
_SEMICOLON_ITEMS = re.compile(r"[^:.()]{2,300}?;[^:.()]{2,300}?(?=\s*(?:[:.(]|$))")
_LIST_SEPARATOR = re.compile(r"(?:\s*(?:,|;|\bva\b)\s*)*")
# The list ends at a stop or where what the bodies are to do begins ("... Công an chủ động").
_LIST_ITEMS = re.compile(
    r"[^:.;()]{2,300}?(?=\s*(?:[:;.(]|$)| (?:theo chuc nang|" + STARTS_CLAUSE.pattern + "))"
)


@dataclass(frozen=True)
class Listed:
    """The bodies a list names, as written, and where in the text what follows them begins."""

    matches: list[NameMatch]
    written: list[str]
    rest: int


def kind_list(
    text: str, folded: str, positions: list[int], position: int, directory: NameDirectory
) -> Listed | None:
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
    return Listed(matches, written, positions[names.end()])


def places(text: str, start: int, directory: NameDirectory) -> Listed | None:
    """Provinces and cities listed by name ("Các tỉnh Nghệ An, Quảng Ngãi ...", "UBND các
    tỉnh, thành phố: Tuyên Quang, Hồ Chí Minh"), one each."""
    found = place_list(text[start:]) or unit_list(text[start:])
    if found is None:
        return None
    named, end = found
    matches = [
        NameMatch(start, start + end, directory.known(place), directory.catalogued(place))
        for place in named
    ]
    return Listed(matches, named, start + end)


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
