"""Query parameters of the API, read strictly: unlike the pages, which ignore a malformed
filter, a program is told what it got wrong (400 with a Vietnamese message)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TypeVar

from tracker.api.errors import BadParameterError
from tracker.params import MAX_PAGE, whole_number

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
MAX_PER_PAGE = 100
DEFAULT_PER_PAGE = 20
Choice = TypeVar("Choice", bound=StrEnum)


@dataclass(frozen=True)
class Paging:
    page: int
    per_page: int


def only(args: Mapping[str, object], *accepted: str) -> None:
    """Refuse parameters (or fields of a body) the operation does not know: a misspelt filter
    would otherwise be ignored and the caller would take an unfiltered list for a filtered
    one."""
    unknown = sorted(set(args) - set(accepted))
    if unknown:
        hint = (
            f"các tham số được chấp nhận: {', '.join(accepted)}"
            if accepted
            else "không có tham số nào"
        )
        raise BadParameterError(f"Tham số “{unknown[0]}” không được hỗ trợ ({hint}).")


def integer(args: Mapping[str, str], name: str, minimum: int, maximum: int) -> int | None:
    """An optional whole number between `minimum` and `maximum`."""
    raw = args.get(name)
    if raw is None:
        return None
    number = whole_number(raw, minimum, maximum)
    if number is None:
        raise BadParameterError(f"Tham số “{name}” phải là số nguyên từ {minimum} đến {maximum}.")
    return number


def iso_date(args: Mapping[str, str], name: str) -> date | None:
    """An optional date written YYYY-MM-DD."""
    raw = args.get(name)
    if raw is None:
        return None
    try:
        if not _ISO_DATE.fullmatch(raw):
            raise ValueError(raw)
        return date.fromisoformat(raw)
    except ValueError:
        raise BadParameterError(
            f"Tham số “{name}” phải là một ngày viết theo ISO 8601 (YYYY-MM-DD), ví dụ 2024-06-30."
        ) from None


def choice(args: Mapping[str, str], name: str, choices: type[Choice]) -> Choice | None:
    """An optional value among those of a string enum."""
    raw = args.get(name)
    if raw is None:
        return None
    try:
        return choices(raw)
    except ValueError:
        accepted = ", ".join(member.value for member in choices)
        raise BadParameterError(
            f"Tham số “{name}” không hợp lệ; các giá trị được chấp nhận: {accepted}."
        ) from None


PAGING = ("page", "per_page")


def paging(args: Mapping[str, str]) -> Paging:
    """The page asked for (from 1) and its size (at most MAX_PER_PAGE)."""
    return Paging(
        page=integer(args, "page", 1, MAX_PAGE) or 1,
        per_page=integer(args, "per_page", 1, MAX_PER_PAGE) or DEFAULT_PER_PAGE,
    )
