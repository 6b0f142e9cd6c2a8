"""The hand-annotated notices: the Đắk Nông one, those written here on real shapes
(tests/fixtures/notices) and the real documents of tests/fixtures/corpus (a copy of
shared/fixtures/corpus), read against the demo directory as `notices parse` reads them."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from tracker.demo.loader import DATA as DEMO_DATA
from tracker.domain.agency_catalogue import national_catalogue
from tracker.domain.agency_names import NameDirectory, directory_from_description
from tracker.domain.notice_parser import ParsedNotice, parse_notice
from tracker.notices.readers import read_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "notices"
CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"


@dataclass(frozen=True)
class AnnotatedNotice:
    name: str
    text: str
    expected: dict[str, Any]
    directory: NameDirectory

    def parse(self) -> ParsedNotice:
        issued_on = date.fromisoformat(self.expected["issued_on"])
        return parse_notice(self.text, self.directory, today=issued_on)


def annotated_notices() -> list[AnnotatedNotice]:
    notices = [
        _load(
            "notice_473_daknong",
            DEMO_DATA / "notice_473_daknong.md",
            DEMO_DATA / "notice_473_daknong.expected.json",
            DEMO_DATA / "directory.json",
        )
    ]
    for expected_path in sorted(FIXTURES.glob("*.expected.json")):
        name = expected_path.name.removesuffix(".expected.json")
        document = next(p for p in FIXTURES.glob(f"{name}.*") if p != expected_path)
        expected = json.loads(expected_path.read_text("utf-8"))
        notices.append(_load(name, document, expected_path, FIXTURES / expected["directory"]))
    return notices


def corpus_notices() -> list[AnnotatedNotice]:
    """The real documents, each read as the app reads them: the demo province's directory
    over the national catalogue."""
    directory = DEMO_DATA / "directory.json"
    return [
        replace(notice, directory=notice.directory.with_catalogue(national_catalogue()))
        for path in sorted(CORPUS.glob("*.md"))
        if path.with_name(f"{path.stem}.expected.json").exists()
        for notice in [
            _load(path.stem, path, path.with_name(f"{path.stem}.expected.json"), directory)
        ]
    ]


def _load(name: str, document: Path, expected: Path, directory: Path) -> AnnotatedNotice:
    return AnnotatedNotice(
        name=name,
        text=read_document(document.name, document.read_bytes()),
        expected=json.loads(expected.read_text("utf-8")),
        directory=directory_from_description(json.loads(directory.read_text("utf-8"))),
    )
