"""Recognising agency and group names in a notice, whatever the case and diacritics."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from tracker.domain.text import fold

AGENCY = "agency"
GROUP = "group"

# Words that open the name of a body the directory may not know yet ("Sở Du lịch").
_UNKNOWN_NAME_START = re.compile(
    r"(so|ban quan ly|ban|ubnd|uy ban nhan dan|uy ban|mat tran|thanh tra|van phong|cong an|"
    r"bo chi huy|bo|tong cong ty|cuc|"
    r"chi cuc|kho bac|bao hiem|ngan hang|trung tam|dai|bao|hoi|lien doan|tinh doan|doan|"
    r"benh vien|vien|cong ty|ho?i dong|toa an|tap doan|vu|tieu ban|hiep hoi|lien minh|"
    r"cong thong tin|thong tan xa|thanh pho|tinh)\s+[a-z0-9]"
)
# Where an unknown name stops: punctuation, or the verb or clause that follows it.
_UNKNOWN_NAME_END = re.compile(
    r"\s*[:;,(]|\s+(chu tri|phoi hop|khan truong|trien khai|tham muu|thuc hien|xay dung|"
    r"ra soat|theo doi|to chuc|nghien cuu|bao cao|hoan thien|hoan thanh|kiem tra|de xuat|"
    r"tang cuong|chi dao|huong dan|tiep tuc|cu the hoa|ban hanh|bo tri|don doc|lap|trinh|"
    r"cap nhat|giai quyet|xu ly|day manh|quan ly|phan cong|chuan bi|rut kinh nghiem|sap xep|"
    r"so hoa|thuyet minh|bao dam|dam bao|ho tro|tuyen truyen|van dong|giam sat|khao sat|"
    r"cung cap|tiep nhan|tham dinh|phe duyet|dieu chinh|bo sung|tap trung|quan tam|kien toan|"
    r"co trach nhiem|chiu trach nhiem|theo chuc nang|can|phai|chu dong|khac phuc)\b"
)
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
    known: KnownName | None  # None: a body the directory does not know


@dataclass
class NameDirectory:
    """Agencies and groups with every spelling notices use for them."""

    agency_aliases: Mapping[str, Iterable[str]]
    group_aliases: Mapping[str, Iterable[str]]
    group_members: Mapping[str, list[str]]
    _by_alias: dict[str, KnownName] = field(init=False, default_factory=dict)
    _by_first_word: dict[str, list[str]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        for kind, table in ((AGENCY, self.agency_aliases), (GROUP, self.group_aliases)):
            for canonical, aliases in table.items():
                for alias in {canonical, *aliases}:
                    for spelling in _spellings(fold(alias)):
                        self._by_alias.setdefault(spelling, KnownName(canonical, kind))
        for alias in sorted(self._by_alias, key=len, reverse=True):
            self._by_first_word.setdefault(alias.split(" ", 1)[0], []).append(alias)

    def match_at(self, folded: str, start: int) -> NameMatch | None:
        """The longest known name beginning at `start` and ending at a word boundary."""
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

    def unknown_at(self, folded: str, start: int) -> NameMatch | None:
        """A name that looks like a body's ("Sở Du lịch") but that the directory lacks."""
        opening = _UNKNOWN_NAME_START.match(folded, start)
        if opening is None:
            return None
        # the name goes on past its opening word ("Ban Quản lý ...") up to what follows it
        end_match = _UNKNOWN_NAME_END.search(folded, opening.end() - 1)
        end = end_match.start() if end_match else len(folded)
        words = folded[start:end].split()
        if not 2 <= len(words) <= 10:
            return None
        return NameMatch(start, end, None)

    def known(self, name: str) -> KnownName | None:
        return self._by_alias.get(fold(name))

    def members(self, group: str) -> list[str]:
        return list(self.group_members.get(group, []))


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
