"""Agencies over time: who holds an agency's work after merges and splits, the legal basis of
a change, and where each open task of a split agency goes."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from datetime import date

from tracker.domain.formatting import vn_date

# A document number as Nghị định 30/2020 writes it: "123/QĐ-UBND", "45/2025/NQ-HĐND".
_DOCUMENT_NUMBER = re.compile(r"\d+/\S*\w")


class SuccessionError(ValueError):
    """A merge or split that cannot be done as asked; the message is for the user."""


def current_holder(
    agency_id: int, successor_of: Mapping[int, int | None], active: Collection[int]
) -> int | None:
    """The active agency that holds `agency_id`'s work today, following successors through
    merges; None when the chain ends at an agency closed without successor, or loops."""
    seen: set[int] = set()
    current: int | None = agency_id
    while current is not None and current not in active:
        if current in seen:
            return None
        seen.add(current)
        current = successor_of.get(current)
    return current


def creates_cycle(
    agency_id: int, successor_id: int, successor_of: Mapping[int, int | None]
) -> bool:
    """Whether making `successor_id` the successor of `agency_id` closes a loop."""
    seen: set[int] = set()
    current: int | None = successor_id
    while current is not None and current not in seen:
        if current == agency_id:
            return True
        seen.add(current)
        current = successor_of.get(current)
    return False


def legal_basis_text(document: str, signed_on: date) -> str:
    """ "Quyết định 123/QĐ-UBND" and its date as the history states the basis of a change."""
    document = " ".join(document.split())
    if not _DOCUMENT_NUMBER.search(document):
        raise SuccessionError("Căn cứ pháp lý phải ghi số văn bản, ví dụ: Quyết định 123/QĐ-UBND.")
    return f"{document} ngày {vn_date(signed_on)}"


def split_plan(
    task_ids: Iterable[int],
    successors: Collection[int],
    default: int,
    overrides: Mapping[int, int],
) -> dict[int, int]:
    """Where each open task of a split agency goes: the default successor unless the admin
    chose another one of the successors for it."""
    if len(successors) < 2:
        raise SuccessionError("Chia tách cần ít nhất hai cơ quan kế thừa.")
    if default not in successors:
        raise SuccessionError("Cơ quan nhận mặc định phải là một trong các cơ quan kế thừa.")
    plan = {task_id: overrides.get(task_id, default) for task_id in task_ids}
    if set(overrides) - set(plan):
        raise SuccessionError("Có nhiệm vụ được chọn không thuộc cơ quan bị chia tách.")
    if any(target not in successors for target in plan.values()):
        raise SuccessionError("Mỗi nhiệm vụ chỉ được chuyển cho một trong các cơ quan kế thừa.")
    return plan
