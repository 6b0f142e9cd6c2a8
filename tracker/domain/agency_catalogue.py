"""The national catalogue: ministries, provincial departments, the bodies every province has,
state groups and the collective forms notices address, before and after the 2025
reorganisation. It lets the parser read names the province's directory does not know;
it never stands for the directory (see `NameDirectory.with_catalogue`)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from tracker.domain.agency_names import AGENCY, GROUP, NameDirectory
from tracker.domain.text import fold

CENTRAL = "central"
PROVINCE = "province"
ENTERPRISE = "enterprise"

_DATA = "data/national_bodies.json"
# How notices name the province after one of its bodies ("Sở Y tế tỉnh", "... Thành phố").
_OF_THE_PROVINCE = (" tỉnh", " thành phố")


@dataclass(frozen=True)
class CatalogueEntry:
    """One body or collective form of the catalogue, as the data file gives it."""

    name: str
    kind: str  # AGENCY or GROUP
    level: str  # CENTRAL, PROVINCE or ENTERPRISE
    aliases: tuple[str, ...]
    former: bool  # a name from before the 2025 reorganisation
    # Who took over its work: for the admin to read, never used to map a name.
    merged_into: tuple[str, ...]
    note: str | None


@cache
def catalogue_description() -> dict[str, Any]:
    """The data file as read: its `sources`, `fields` and `bodies`."""
    text = resources.files("tracker.domain").joinpath(_DATA).read_text("utf-8")
    description: dict[str, Any] = json.loads(text)
    return description


@cache
def catalogue_entries() -> tuple[CatalogueEntry, ...]:
    """The catalogue's bodies and collective forms, in the data file's order."""
    return tuple(
        CatalogueEntry(
            name=body["name"],
            kind=body["kind"],
            level=body["level"],
            aliases=tuple(body.get("aliases", ())),
            former=body.get("status") == "former",
            merged_into=tuple(body.get("merged_into", ())),
            note=body.get("note"),
        )
        for body in catalogue_description()["bodies"]
    )


@cache
def centrally_run_cities() -> frozenset[str]:
    """The folded names of the cities governed by the centre ("ha noi", "ho chi minh"): a
    list of "các tỉnh, thành phố: ..." names each as a province or as one of these."""
    units = catalogue_description()["provincial_units"]
    return frozenset(fold(city) for city in units["cities"])


@cache
def national_catalogue() -> NameDirectory:
    """The catalogue as a NameDirectory without members, to combine with a province's:
    `directory.with_catalogue(national_catalogue())`. Loaded once; do not change it."""
    entries = catalogue_entries()
    return NameDirectory(
        agency_aliases={e.name: written_forms(e) for e in entries if e.kind == AGENCY},
        group_aliases={e.name: written_forms(e) for e in entries if e.kind == GROUP},
        group_members={},
    )


def written_forms(entry: CatalogueEntry) -> list[str]:
    """The entry's name and aliases, each with its dashes spaced either way ("Lao động -
    Thương binh", "Lao động-Thương binh") and, for a provincial body, followed by the
    province ("Sở Y tế tỉnh")."""
    forms: list[str] = []
    for alias in (entry.name, *entry.aliases):
        for dashed in {alias, alias.replace(" - ", "-"), alias.replace(" - ", " – ")}:
            forms.append(dashed)
            if entry.level == PROVINCE and entry.kind == AGENCY and not _names_place(dashed):
                forms += [dashed + place for place in _OF_THE_PROVINCE]
    return forms


def _names_place(alias: str) -> bool:
    return any(place in alias.lower() for place in _OF_THE_PROVINCE)
