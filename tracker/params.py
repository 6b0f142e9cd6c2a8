"""Numbers read from URLs and query strings, always within bounds.

An id in a path goes through the `id` URL converter: `/nhiem-vu/<id:task_id>` matches only
1..MAX_ID, so a huge number, "0", "-1" or "²" is a plain 404 and never reaches the database
(where a number past the 32-bit column overflows and the page answers 500). Query-string
numbers go through `whole_number`: the pages ignore a malformed one, as they ignore any
malformed filter; the API refuses it (`tracker.api.params`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from math import ceil

from flask import Flask
from werkzeug.routing import BaseConverter, ValidationError

# ASCII digits only: int() would also take "+1", " 1", "1_0" and other scripts' digits ("²"
# passes str.isdigit() yet int() refuses it).
DIGITS = re.compile(r"[0-9]{1,10}", re.ASCII)
MAX_ID = 2**31 - 1  # the largest id a 32-bit integer column holds
MAX_PAGE = 100_000


def whole_number(raw: str | None, minimum: int, maximum: int) -> int | None:
    """`raw` as a whole number between `minimum` and `maximum`; None when it is missing, is
    not written in ASCII digits, or falls outside the bounds."""
    if raw is None or not DIGITS.fullmatch(raw):
        return None
    number = int(raw)
    return number if minimum <= number <= maximum else None


def query_id(args: Mapping[str, str], name: str) -> int | None:
    """An optional id in the query string (?co_quan=12); None when absent or malformed."""
    return whole_number(args.get(name), 1, MAX_ID)


def page_count(total: int, per_page: int) -> int:
    """How many pages a list of `total` items takes: one at least, even empty."""
    return max(1, ceil(total / per_page))


class PageNumbers:
    """Where a page stands among a list's pages, as the pagination macro reads it. The
    subclass holds `page` (from 1), `per_page` and `total`."""

    page: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return page_count(self.total, self.per_page)

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def prev_num(self) -> int:
        return self.page - 1

    @property
    def next_num(self) -> int:
        return self.page + 1


def page_number(args: Mapping[str, str]) -> int:
    """The page of a list asked for by ?page=, from 1; the first page when it is malformed."""
    return whole_number(args.get("page"), 1, MAX_PAGE) or 1


class IdConverter(BaseConverter):
    """`<id:name>`: a row id, 1..MAX_ID; anything else matches no route (404)."""

    regex = r"[0-9]{1,10}"
    part_isolating = True

    def to_python(self, value: str) -> int:
        number = whole_number(value, 1, MAX_ID)
        if number is None:
            raise ValidationError()
        return number

    def to_url(self, value: int) -> str:
        return str(int(value))


def register_converters(app: Flask) -> None:
    """Before the blueprints: a rule's converters are looked up when it is added."""
    app.url_map.converters["id"] = IdConverter
