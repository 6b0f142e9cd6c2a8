"""Who holds a merged agency's work, the legal basis of a change, and a split's plan."""

from datetime import date

import pytest

from tracker.domain.agency_succession import (
    SuccessionError,
    creates_cycle,
    current_holder,
    legal_basis_text,
    split_plan,
)

# 1 merged into 2, 2 merged into 3 (active); 4 closed without successor; 5 <-> 6 loop
SUCCESSORS = {1: 2, 2: 3, 3: None, 4: None, 5: 6, 6: 5}
ACTIVE = {3}


@pytest.mark.parametrize(
    ("agency", "holder"), [(3, 3), (2, 3), (1, 3), (4, None), (5, None), (99, None)]
)
def test_the_holder_follows_successors_to_an_active_agency(agency: int, holder: int | None) -> None:
    assert current_holder(agency, SUCCESSORS, ACTIVE) == holder


def test_a_successor_that_leads_back_to_the_agency_is_a_cycle() -> None:
    assert creates_cycle(3, 1, SUCCESSORS)
    assert not creates_cycle(1, 3, SUCCESSORS)
    assert not creates_cycle(7, 5, SUCCESSORS)  # an old loop elsewhere does not hang


def test_the_legal_basis_needs_a_document_number_and_reads_with_its_date() -> None:
    text = legal_basis_text("Quyết định  123/QĐ-UBND", date(2025, 3, 1))
    assert text == "Quyết định 123/QĐ-UBND ngày 01/03/2025"
    with pytest.raises(SuccessionError, match="số văn bản"):
        legal_basis_text("Quyết định của UBND tỉnh", date(2025, 3, 1))


def test_a_split_sends_each_task_to_the_default_unless_chosen_otherwise() -> None:
    plan = split_plan([10, 11, 12], {2, 3}, default=2, overrides={11: 3})
    assert plan == {10: 2, 11: 3, 12: 2}


@pytest.mark.parametrize(
    ("successors", "default", "overrides", "message"),
    [
        ({2}, 2, {}, "ít nhất hai"),
        ({2, 3}, 4, {}, "mặc định"),
        ({2, 3}, 2, {11: 4}, "một trong các cơ quan kế thừa"),
        ({2, 3}, 2, {99: 3}, "không thuộc"),
    ],
)
def test_a_split_plan_outside_the_successors_is_refused(
    successors: set[int], default: int, overrides: dict[int, int], message: str
) -> None:
    with pytest.raises(SuccessionError, match=message):
        split_plan([10, 11], successors, default, overrides)
