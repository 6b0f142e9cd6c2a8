"""Report figures against hand-computed examples, including the hard cases."""

from datetime import date

import pytest

from tracker.domain.report_figures import (
    StatusCounts,
    TaskFacts,
    count_items,
    count_statuses,
    figures_by_agency,
    overdue_rows,
)

CUT_OFF = date(2017, 9, 30)


def fact(deadline: date | None, completed: date | None = None, **more: object) -> TaskFacts:
    return TaskFacts(
        agency=str(more.pop("agency", "Sở Nội vụ")),
        deadline=deadline,
        completed_on=completed,
        **more,
    )  # type: ignore[arg-type]


def test_hand_computed_quarter() -> None:
    facts = [
        fact(date(2017, 9, 30), date(2017, 9, 29)),  # early
        fact(date(2017, 9, 30), date(2017, 9, 30)),  # completed on the deadline day: on time
        fact(date(2017, 9, 15), date(2017, 9, 20)),  # late
        fact(date(2017, 10, 31)),  # within
        fact(date(2017, 9, 1)),  # overdue
        fact(None),  # ongoing
        fact(date(2017, 9, 10), date(2017, 10, 3)),  # completed after the cut-off: overdue then
    ]
    counts = count_statuses(facts, CUT_OFF)
    assert counts == StatusCounts(early=1, on_time=1, late=1, within=1, overdue=2, ongoing=1)
    assert counts.total == 7 and counts.completed == 3 and counts.with_deadline == 6
    assert counts.share(counts.early + counts.on_time) == "33,33%"


def test_extension_approved_after_the_deadline() -> None:
    """Deadline 15/9 extended (after it passed) to 15/10; done on 10/10. Against the current
    deadline it is early; against the original it is late, unless the reason was objective."""
    extended = fact(date(2017, 10, 15), date(2017, 10, 10), original_deadline=date(2017, 9, 15))
    objective = fact(
        date(2017, 10, 15),
        date(2017, 10, 10),
        original_deadline=date(2017, 9, 15),
        objective_delay=True,
    )
    cut_off = date(2017, 12, 31)
    assert count_statuses([extended], cut_off).early == 1
    assert count_statuses([extended], cut_off, against_original=True).late == 1
    assert count_statuses([objective], cut_off, against_original=True).early == 1


def test_returned_then_resubmitted_counts_from_the_accepted_submission() -> None:
    """A task returned on 25/9 and resubmitted on 5/10 completes on 5/10: late for 30/9."""
    resubmitted = fact(date(2017, 9, 30), date(2017, 10, 5))
    assert count_statuses([resubmitted], date(2017, 12, 31)).late == 1


def test_by_agency_and_overdue_list() -> None:
    facts = [
        fact(date(2017, 9, 1), agency="Sở Tài chính", notice="473/TB-VPUBND", ref="II.3.1"),
        fact(date(2017, 8, 1), agency="Sở Nội vụ", notice="473/TB-VPUBND", ref="II.2.3"),
        fact(date(2017, 9, 30), date(2017, 9, 1), agency="Sở Tài chính"),
    ]
    rows = figures_by_agency(facts, CUT_OFF)
    assert [(r.agency, r.counts.overdue, r.counts.early) for r in rows] == [
        ("Sở Tài chính", 1, 1),
        ("Sở Nội vụ", 1, 0),
    ]
    overdue = overdue_rows(facts, CUT_OFF)
    assert [(r.agency, r.days_overdue) for r in overdue] == [
        ("Sở Nội vụ", 60),
        ("Sở Tài chính", 29),
    ]


def test_nothing_to_count() -> None:
    counts = count_statuses([], CUT_OFF)
    assert counts.total == 0 and counts.share(0) == "—"


def test_a_group_item_given_to_several_agencies_is_one_item() -> None:
    group = [
        fact(None, notice="473/TB-VPUBND", ref="II.1", text="Rà soát thủ tục", agency=name)
        for name in ("Sở Nội vụ", "Sở Tài chính", "Sở Tư pháp")
    ]
    alone = fact(None, notice="473/TB-VPUBND", ref="II.2", text="Báo cáo kết quả")
    same_item_elsewhere = fact(None, notice="12/TB-UBND", ref="II.1", text="Rà soát thủ tục")
    assert count_items([*group, alone, same_item_elsewhere]) == 3
    unnumbered = fact(None, notice="473/TB-VPUBND", text="Rà soát thủ tục")
    assert count_items([unnumbered, unnumbered]) == 2  # no item number: nothing ties them
    assert count_items([]) == 0


PAUSE_CUT_OFF = date(2030, 3, 31)


@pytest.mark.parametrize(
    ("cancelled_on", "paused_until", "counted_as"),
    [
        # cancelled by the cut-off: apart from every other figure; after it: still overdue
        (date(2030, 3, 30), None, "cancelled"),
        (PAUSE_CUT_OFF, None, "cancelled"),
        (date(2030, 4, 1), None, "overdue"),
        # paused through the cut-off: not overdue; a pause over before it: overdue again
        (None, date(2030, 3, 30), "overdue"),
        (None, PAUSE_CUT_OFF, "within"),
        (None, date(2030, 4, 30), "within"),
    ],
)
def test_cancellations_and_pauses_on_the_cut_off(
    cancelled_on: date | None, paused_until: date | None, counted_as: str
) -> None:
    fact = TaskFacts(
        agency="Sở Xây dựng",
        deadline=date(2030, 2, 10),
        completed_on=None,
        cancelled_on=cancelled_on,
        paused_until=paused_until,
    )
    counts = count_statuses([fact], PAUSE_CUT_OFF)
    assert {name: getattr(counts, name) for name in ("cancelled", "overdue", "within")} == {
        name: int(name == counted_as) for name in ("cancelled", "overdue", "within")
    }
    assert counts.total == (0 if counted_as == "cancelled" else 1)
    assert len(overdue_rows([fact], PAUSE_CUT_OFF)) == int(counted_as == "overdue")


def test_occurrences_count_in_the_period_they_fall_due() -> None:
    """A quarterly report's occurrences are facts like tasks: each in its own quarter."""
    q4 = TaskFacts("Sở Xây dựng", date(2030, 12, 20), date(2030, 12, 23), ref="3", text="Báo cáo")
    q1 = TaskFacts("Sở Xây dựng", date(2031, 3, 20), None, ref="3", text="Báo cáo")
    assert count_statuses([q4], date(2030, 12, 31)).late == 1
    assert count_statuses([q1], date(2031, 3, 31)).overdue == 1
    assert count_items([q4, q1]) == 1  # one item of the notice, due twice
