"""Every page a signed-in user can reach by following links, checked as a browser and a
screen reader would read it: no id used twice, every input labelled, no "None" or other
English left over in the words shown."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient

Login = Callable[[str], FlaskClient]
PAGES_PER_ROLE = 45
SKIPPED = re.compile(
    r"\.(xlsx|docx|md|csv|pdf|svg|css|js)$|/tai-ve|/minh-chung/|/static/|/dang-xuat|/api/"
)
# Words that are never Vietnamese and only show through when a value or label went missing.
ENGLISH = re.compile(
    r"\b(None|True|False|undefined|null|NaN|Submit|Cancel|Error|Loading|Next|Previous|"
    r"Delete|Save|Search)\b"
)
LABELLED_ELSEWHERE = ("hidden", "submit", "button", "reset", "image")


class PageReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.label_targets: set[str] = set()
        self.controls: list[dict[str, str | None]] = []
        self.links: list[str] = []
        self.texts: list[str] = []
        self.attribute_values: list[str] = []
        self._open_labels = 0
        self._skip_text = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.append(str(found["id"]))
        self.attribute_values += [str(v) for k, v in attrs if k.startswith("aria-") and v]
        if tag == "label":
            self._open_labels += 1
            if found.get("for"):
                self.label_targets.add(str(found["for"]))
        elif tag in ("input", "select", "textarea"):
            if found.get("type") not in LABELLED_ELSEWHERE:
                self.controls.append({**found, "_wrapped": "1" if self._open_labels else None})
        elif tag == "a" and found.get("href"):
            self.links.append(str(found["href"]))
        elif tag in ("script", "style", "code", "pre", "textarea"):
            self._skip_text += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self._open_labels = max(0, self._open_labels - 1)
        elif tag in ("script", "style", "code", "pre", "textarea"):
            self._skip_text = max(0, self._skip_text - 1)

    def handle_data(self, data: str) -> None:
        if not self._skip_text and data.strip():
            self.texts.append(data)

    def unlabelled(self) -> list[str]:
        return [
            str(control.get("name") or control.get("id"))
            for control in self.controls
            if not control["_wrapped"]
            and not control.get("aria-label")
            and not control.get("aria-labelledby")
            and control.get("id") not in self.label_targets
        ]


def crawl(client: FlaskClient, start: str = "/") -> dict[str, PageReader]:
    seen: dict[str, PageReader] = {}
    queue = [start]
    while queue and len(seen) < PAGES_PER_ROLE:
        path = queue.pop(0)
        if path in seen:
            continue
        response = client.get(path)
        if response.status_code != 200 or response.mimetype != "text/html":
            response.close()
            continue
        reader = PageReader()
        reader.feed(response.get_data(as_text=True))
        seen[path] = reader
        for href in reader.links:
            link = urldefrag(href).url
            parts = urlsplit(link)
            if parts.netloc or not link.startswith("/") or SKIPPED.search(parts.path):
                continue
            if link not in seen and link not in queue:
                queue.append(link)
    return seen


@pytest.mark.parametrize(
    ("username", "start"),
    [
        ("vanphong", "/"),
        ("lanhdao", "/"),
        ("snv.lanhdao", "/"),
        ("quantri", "/"),
        ("quantri", "/quan-tri/"),  # the administration's pages, beyond the first 45
        ("stc", "/doi-mat-khau"),  # the account: password, notification channels, API tokens
    ],
)
def test_every_page_reached_is_well_formed_and_in_vietnamese(
    app: Flask, login: Login, username: str, start: str
) -> None:
    pages = crawl(login(username), start)
    assert len(pages) >= 10, f"the crawl reached only {list(pages)}"
    problems = []
    for path, page in pages.items():
        repeated = [value for value, count in Counter(page.ids).items() if count > 1]
        if repeated:
            problems.append(f"{path}: ids used twice {repeated}")
        if page.unlabelled():
            problems.append(f"{path}: inputs without a label {page.unlabelled()}")
        if "None" in page.attribute_values:
            problems.append(f"{path}: an aria attribute reads None")
        english = sorted({m for text in page.texts for m in ENGLISH.findall(text)})
        if english:
            problems.append(f"{path}: English words shown {english}")
    assert problems == []
