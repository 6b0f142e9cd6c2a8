"""Recognising agency and group names in a notice, whatever the case and diacritics."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from tracker.domain.text import fold

AGENCY = "agency"
GROUP = "group"

# Words that open the name of a body the directory may not know yet ("Sở Du lịch").
_OPENING_WORDS = (
    r"(so|ban quan ly|ban|ubnd|uy ban nhan dan|uy ban|mat tran|thanh tra|van phong|cong an|"
    r"bo chi huy|bo tu lenh|bo|tap doan|tong cong ty|tong cuc|cuc|chi cuc|vu|kho bac|bao hiem|"
    r"ngan hang|trung tam|dai hoc|dai|bao|hoi|hiep hoi|lien doan|lien minh|tinh doan|thanh doan|"
    r"doan|truong|benh vien|hoc vien|quy|vien|cong ty|ho?i dong|thuong truc|tinh uy|thanh uy|"
    r"thue|buu dien|toa an|tieu ban|cong thong tin|thong tan xa|thanh pho|tinh)\s+[a-z0-9]"
)
_UNKNOWN_NAME_START = re.compile(r"(?!truong hop\b)" + _OPENING_WORDS)  # "Trường hợp ..."
# The title of whoever heads a body, written before its name ("Bộ trưởng Bộ Y tế"); "thu
# truong" is both Thủ trưởng and Thứ trưởng once folded.
_OFFICE = re.compile(
    r"((cac )?dong chi )?(pho )?(bo truong|thu truong|tong giam doc|giam doc|chu tich|bi thu|"
    r"truong ban|chanh van phong|chanh thanh tra|tong cuc truong|cuc truong|vu truong|"
    r"vien truong|hieu truong|chu nhiem|chanh an|nguoi dung dau|lanh dao)\s+"
)
# Where an unknown name stops: punctuation, another body's name after "và", or the verb or
# clause that follows it.
_UNKNOWN_NAME_END = re.compile(
    rf"\s*[:;,(]|\.(?:\s|$)|\s+(va|cung|voi)\s+(?={_OPENING_WORDS})|"
    # "Ban Quản lý dự án đầu tư xây dựng công trình ..." is a name
    r"(?<!dau tu)\s+xay dung\b|(?<!cong)\s+trinh\b|"
    r"\s+(chu tri|phoi hop|khan truong|trien khai|tham muu|thuc hien|"
    r"ra soat|theo doi|to chuc|nghien cuu|bao cao|hoan thien|hoan thanh|kiem tra|de xuat|"
    r"tang cuong|(?<!\bban )chi dao|huong dan|tiep tuc|cu the hoa|ban hanh|bo tri|don doc|lap|"
    r"cap nhat|giai quyet|xu ly|day manh|quan ly|phan cong|chuan bi|rut kinh nghiem|sap xep|"
    r"so hoa|thuyet minh|bao dam|dam bao|ho tro|tuyen truyen|van dong|giam sat|khao sat|"
    r"cung cap|tiep nhan|tham dinh|phe duyet|dieu chinh|bo sung|tap trung|quan tam|kien toan|"
    r"co trach nhiem|chiu trach nhiem|theo chuc nang|chu dong|khac phuc)\b"
)
# Words in the longest name read without a list ("Ban Quản lý các khu công nghệ cao và khu
# công nghiệp Thành phố Hồ Chí Minh").
_LONGEST_UNKNOWN_NAME = 14
# What may follow a collective name from the catalogue and still belong to it ("Các sở, ngành
# liên quan", "UBND các xã, phường trên địa bàn tỉnh").
_GROUP_TAIL = re.compile(
    r"( (co )?lien quan| duoc giao( nhiem vu)?| tren dia ban( tinh| thanh pho)?| trong tinh|"
    r"( cua)? (tinh|thanh pho))\b"
)
_LEVEL_WORD = re.compile(r"\b(tinh|thanh pho)\b")
# Abbreviations that notices use interchangeably with the words they stand for.
_VARIANTS = (("ubnd", "uy ban nhan dan"), ("hdnd", "hoi dong nhan dan"))


@dataclass(frozen=True)
class KnownName:
    canonical: str
    kind: str  # AGENCY or GROUP


@dataclass(frozen=True)
class NameMatch:
    """A name found in a folded text: [start, end) in the folded text."""

    start: int
    end: int
    known: KnownName | None  # None: a body the province's directory does not know
    # The national catalogue's name for a body the directory does not know: the parser may
    # use it, but the body is still not one of the province's agencies.
    catalogued: KnownName | None = None
    # After an office-holder's title ("Bộ trưởng Bộ Y tế"): where the body's own name begins.
    # The match spans the title too, so that the written form keeps it.
    body_start: int | None = None

    @property
    def canonical(self) -> str | None:
        """The body's name in the directory, else in the national catalogue."""
        found = self.known or self.catalogued
        return found.canonical if found else None


def partner_names(matches: Iterable[NameMatch]) -> list[str]:
    """The names of coordinating bodies: those of the directory, and single bodies of the
    national catalogue (its collectives, "các cơ quan thông tấn, báo chí", are generic)."""
    return [
        m.canonical
        for m in matches
        if m.canonical and (m.known or (m.catalogued and m.catalogued.kind == AGENCY))
    ]


@dataclass
class NameDirectory:
    """Agencies and groups with every spelling notices use for them."""

    agency_aliases: Mapping[str, Iterable[str]]
    group_aliases: Mapping[str, Iterable[str]]
    group_members: Mapping[str, list[str]]
    # Names to fall back on where this directory knows none (the national catalogue).
    catalogue: NameDirectory | None = None
    _by_alias: dict[str, KnownName] = field(init=False, default_factory=dict)
    _by_first_word: dict[str, list[str]] = field(init=False, default_factory=dict)
    _spellings_of: dict[str, list[str]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        for kind, table in ((AGENCY, self.agency_aliases), (GROUP, self.group_aliases)):
            for canonical, aliases in table.items():
                for alias in {canonical, *aliases}:
                    for spelling in _spellings(fold(alias)):
                        self._by_alias.setdefault(spelling, KnownName(canonical, kind))
        for alias in sorted(self._by_alias, key=len, reverse=True):
            self._by_first_word.setdefault(alias.split(" ", 1)[0], []).append(alias)
            self._spellings_of.setdefault(self._by_alias[alias].canonical, []).append(alias)

    def with_catalogue(self, catalogue: NameDirectory) -> NameDirectory:
        """This directory, reading the names it does not know from `catalogue` (see
        `national_catalogue`): where both know a name, or the catalogue's name is one this
        directory spells, the directory's wins; otherwise a match gives the catalogue's name
        as `catalogued`, with `known` None."""
        return replace(self, catalogue=catalogue)

    def match_at(self, folded: str, start: int) -> NameMatch | None:
        """The longest known name beginning at `start` and ending at a word boundary, with
        the title of the person who heads it, if written ("Giám đốc Sở Y tế")."""
        direct = self._layered_at(folded, start)
        office = _OFFICE.match(folded, start)
        if office is None:
            return direct
        body = self._layered_at(folded, office.end())
        if body is None or (direct is not None and direct.end >= body.end):
            return direct
        return replace(body, start=start, body_start=body.start)

    def unknown_at(self, folded: str, start: int) -> NameMatch | None:
        """A name that looks like a body's ("Sở Du lịch", "Tập đoàn ...", "Bộ trưởng Bộ
        ...") but that neither the directory nor its catalogue knows."""
        office = _OFFICE.match(folded, start)
        if office is not None:  # a title is no body: the name is the one after it
            body = self.match_at(folded, office.end()) or self.unknown_at(folded, office.end())
            return replace(body, start=start, body_start=body.start) if body else None
        opening = _UNKNOWN_NAME_START.match(folded, start)
        if opening is None:
            return None
        # the name goes on past its opening word ("Ban Quản lý ...") up to what follows it
        end_match = _UNKNOWN_NAME_END.search(folded, opening.end() - 1)
        end = end_match.start() if end_match else len(folded)
        words = folded[start:end].split()
        if not 2 <= len(words) <= _LONGEST_UNKNOWN_NAME:
            return None
        return NameMatch(start, end, None)

    def known(self, name: str) -> KnownName | None:
        """The directory's own name for `name` (never the catalogue's)."""
        return self._by_alias.get(fold(name))

    def catalogued(self, name: str) -> KnownName | None:
        """The catalogue's name for `name` when this directory does not know it."""
        if self.known(name) is not None or self.catalogue is None:
            return None
        return self.catalogue.known(name)

    def members(self, group: str) -> list[str]:
        return list(self.group_members.get(group, []))

    def _alias_at(self, folded: str, start: int) -> NameMatch | None:
        """The longest of this directory's own spellings at `start`."""
        word = re.match(r"[^\s,;:]+", folded[start:])
        if word is None:
            return None
        for alias in self._by_first_word.get(word.group(0), ()):
            end = start + len(alias)
            if folded.startswith(alias, start) and (
                end == len(folded) or not folded[end].isalnum()
            ):
                return NameMatch(start, end, self._by_alias[alias])
        return None

    def _layered_at(self, folded: str, start: int) -> NameMatch | None:
        """The directory's name at `start`, or the catalogue's where it is longer: the
        longest name wins, so "Sở Nông nghiệp và Môi trường" is never "Sở Nông nghiệp"."""
        own = self._alias_at(folded, start)
        if self.catalogue is None:
            return own
        listed = self.catalogue._alias_at(folded, start)
        if listed is None or listed.known is None or (own is not None and own.end >= listed.end):
            return own
        end = listed.end
        tail = _GROUP_TAIL.match(folded, end) if listed.known.kind == GROUP else None
        if tail:
            end = tail.end()
        # the directory may spell the same body differently ("Sở KH&ĐT" for its "Sở KHĐT"),
        # but a city's body is not the province's ("Công an thành phố" is no "Công an tỉnh")
        level = _level_word(folded[start : listed.end])
        for spelling in self.catalogue._spellings_of.get(listed.known.canonical, ()):
            if spelling in self._by_alias and _level_word(spelling) in (level, None):
                return NameMatch(start, end, self._by_alias[spelling])
        return NameMatch(start, end, None, catalogued=listed.known)


def _level_word(folded_name: str) -> str | None:
    """Whether a folded name says it is a province's or a city's body."""
    found = _LEVEL_WORD.search(folded_name)
    return found.group(0) if found else None


def _spellings(folded_alias: str) -> set[str]:
    """The alias with each abbreviation written out, and each written-out form abbreviated."""
    spellings = {folded_alias}
    for short, long in _VARIANTS:
        for spelling in list(spellings):
            spellings.add(re.sub(rf"\b{short}\b", long, spelling))
            spellings.add(spelling.replace(long, short))
    return spellings


def directory_from_description(description: Mapping[str, Any]) -> NameDirectory:
    """A NameDirectory from a directory described as JSON (the demo's format: agencies with
    code, name, short_name, kind and aliases; groups with aliases and member_kinds or
    members given by code)."""
    agencies = description["agencies"]
    group_members: dict[str, list[str]] = {}
    for group in description["groups"]:
        kinds = set(group.get("member_kinds", []))
        codes = set(group.get("members", []))
        group_members[group["name"]] = [
            a["name"] for a in agencies if a["kind"] in kinds or a["code"] in codes
        ]
    return NameDirectory(
        agency_aliases={
            a["name"]: [a.get("short_name") or a["name"], *a.get("aliases", [])] for a in agencies
        },
        group_aliases={g["name"]: list(g.get("aliases", [])) for g in description["groups"]},
        group_members=group_members,
    )
