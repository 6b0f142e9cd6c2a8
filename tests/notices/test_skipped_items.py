"""Passages the parser skipped: kept with the draft, made a task or set aside by the reviewer,
and counted before publishing."""

from collections.abc import Callable
from datetime import date

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from tests.factories import agency
from tests.notices.test_notice_review import form_of, post
from tracker.agencies.models import AgencyGroup
from tracker.audit.models import Event
from tracker.auth.models import User
from tracker.domain.skipped_items import SkippedItem, SkipReason
from tracker.extensions import db
from tracker.notices.drafts import DraftSkippedItem, SkipDecision
from tracker.notices.models import Notice, NoticeState
from tracker.notices.services import create_draft, publish, reparse
from tracker.notices.skipped import restore, set_aside, skipped_rows, take_as_task

Login = Callable[[str], FlaskClient]
TODAY = date(2026, 11, 20)
APPROVAL = (
    "Đồng ý chủ trương đầu tư dự án X; giao Phòng Quản lý đô thị rà soát hồ sơ trong tháng 12/2026."
)
TEXT = f"""Số: 302/TB-UBND

Đắk Nông, ngày 10 tháng 11 năm 2026

THÔNG BÁO

Kết luận về phát triển đô thị

1. Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ bố trí kinh phí trong Quý I/2027.

2. {APPROVAL}

3. Giao Sở Xây dựng lập quy hoạch chung trước ngày 31/3/2027.

Văn phòng UBND tỉnh thông báo để các cơ quan biết, thực hiện./.
"""


@pytest.fixture
def clerk(user: Callable[[str], User]) -> User:
    return user("vanphong")


@pytest.fixture
def notice(clerk: User) -> Notice:
    """A pasted notice whose item 2 reads like an instruction to a body the parser misses."""
    created, _parsed = create_draft(
        db.session(), text=TEXT, source_name=None, author=clerk, today=TODAY, holidays=()
    )
    return created


def events(notice: Notice, action: str) -> list[Event]:
    query = select(Event).where(Event.notice_id == notice.id, Event.action == action)
    return list(db.session.scalars(query.order_by(Event.id)))


def test_the_draft_keeps_the_skipped_passages_with_their_reason(notice: Notice) -> None:
    assert [d.ref for d in notice.draft_tasks] == ["1", "3"]
    (item,) = notice.draft_skipped
    assert (item.position, item.ref, item.text) == (0, "2", APPROVAL)
    assert item.reason is SkipReason.APPROVAL and item.pending
    assert notice.pending_skipped == [item]
    assert events(notice, "notice.created")[0].after == {
        "number": "302/TB-UBND",
        "proposed_tasks": 2,
        "skipped_items": 1,
    }


def test_a_passage_made_a_task_goes_after_the_item_before_it(notice: Notice, clerk: User) -> None:
    item = notice.draft_skipped[0]
    urban = agency("sxd")
    draft = take_as_task(
        db.session(), notice, item.id, f"a{urban.id}", date(2026, 12, 31), clerk, ()
    )
    assert draft is not None
    assert [d.ref for d in notice.draft_tasks] == ["1", "2", "3"]
    assert [d.position for d in notice.draft_tasks] == [0, 1, 2]
    assert (draft.agency_id, draft.text, draft.edited) == (urban.id, APPROVAL, True)
    assert (draft.deadline, draft.deadline_text) == (date(2026, 12, 31), "trong tháng 12/2026")
    assert item.decision is SkipDecision.TASK and item.draft_task_id == draft.id
    assert notice.pending_skipped == []
    (event,) = events(notice, "notice.skipped_taken")
    assert event.after == {"ref": "2", "text": APPROVAL, "reason": "approval", "item_number": 2}
    # a second press finds nothing left to take
    assert take_as_task(db.session(), notice, item.id, f"a{urban.id}", None, clerk, ()) is None


def test_a_changed_deadline_drops_the_phrase_and_a_group_gives_its_members(
    notice: Notice, clerk: User
) -> None:
    group = db.session.scalars(select(AgencyGroup).order_by(AgencyGroup.id)).first()
    assert group is not None
    item_id, later = notice.draft_skipped[0].id, date(2027, 1, 15)
    draft = take_as_task(db.session(), notice, item_id, f"g{group.id}", later, clerk, ())
    assert draft is not None
    assert (draft.deadline, draft.deadline_text) == (date(2027, 1, 15), None)
    assert draft.agency_id is None and draft.is_group and draft.assignee_label == group.name


def test_set_aside_and_restore(notice: Notice, clerk: User) -> None:
    item = notice.draft_skipped[0]
    assert set_aside(db.session(), notice, item.id, clerk)
    assert item.decision is SkipDecision.NOT_TASK and notice.pending_skipped == []
    assert not set_aside(db.session(), notice, item.id, clerk)
    assert restore(db.session(), notice, item.id, clerk)
    assert notice.pending_skipped == [item]
    assert not restore(db.session(), notice, item.id, clerk)
    assert len(events(notice, "notice.skipped_set_aside")) == 1
    assert len(events(notice, "notice.skipped_restored")) == 1


def test_parsing_again_keeps_the_reviewers_decisions(notice: Notice, clerk: User) -> None:
    session = db.session()
    taken = notice.draft_skipped[0]
    draft = take_as_task(session, notice, taken.id, f"a{agency('sxd').id}", None, clerk, ())
    assert draft is not None
    # a passage set aside that the parser no longer gives goes
    notice.draft_skipped.append(
        DraftSkippedItem(
            position=1,
            ref="9",
            text="Cũ.",
            reason=SkipReason.STATEMENT,
            decision=SkipDecision.NOT_TASK,
        )
    )
    session.flush()
    kept, proposed = reparse(session, notice, clerk, TODAY, ())
    # the item made from the passage is kept (first, as edited items are), and no parsed item
    # is lost because of its ref
    assert (kept, proposed) == (1, 2)
    assert [d.ref for d in notice.draft_tasks] == ["2", "1", "3"]
    assert [(i.ref, i.decision) for i in notice.draft_skipped] == [("2", SkipDecision.TASK)]
    assert notice.draft_skipped[0] is taken and notice.pending_skipped == []
    assert events(notice, "notice.reparsed")[-1].after["skipped_items"] == 1


def test_rows_follow_the_parsers_order_and_keep_decisions_by_passage() -> None:
    decided = DraftSkippedItem(
        position=5, ref="b", text="Hai.", reason=SkipReason.NO_BODY, decision=SkipDecision.NOT_TASK
    )
    pending = DraftSkippedItem(position=0, ref="a", text="Một.", reason=SkipReason.NO_BODY)
    items = [
        SkippedItem("a", "Một.", SkipReason.APPROVAL),
        SkippedItem("b", "Hai.", SkipReason.CLOSING),
    ]
    rows = skipped_rows(items, [pending, decided])
    assert rows[1] is decided and rows[0] is not pending
    assert [(r.position, r.reason, r.decision) for r in rows] == [
        (0, SkipReason.APPROVAL, None),
        (1, SkipReason.CLOSING, SkipDecision.NOT_TASK),
    ]


def test_publishing_past_pending_passages_records_them(notice: Notice, clerk: User) -> None:
    tasks = publish(db.session(), notice, clerk)
    assert len(tasks) == 2 and notice.state is NoticeState.PUBLISHED
    assert notice.draft_skipped == []
    left = select(DraftSkippedItem).where(DraftSkippedItem.notice_id == notice.id)
    assert db.session.scalars(left).all() == []
    (event,) = events(notice, "notice.published")
    assert event.after["skipped_unhandled"] == [{"ref": "2", "text": APPROVAL}]


def skipped_form(client: FlaskClient, notice: Notice, action: str, **choices: str) -> MultiDict:
    """The review form with its skipped passages, as the browser sends it."""
    data = form_of(client, notice, action)
    for index, item in enumerate(notice.pending_skipped):
        data.add(f"skipped-{index}-item_id", str(item.id))
        data.add(f"skipped-{index}-assignee", choices.get(f"assignee_{index}", ""))
        data.add(f"skipped-{index}-deadline", choices.get(f"deadline_{index}", "31/12/2026"))
    return data


def test_the_review_page_lists_the_passages_and_warns_before_publishing(
    login: Login, notice: Notice
) -> None:
    page = login("vanphong").get(f"/thong-bao/{notice.id}/xem-xet").get_data(as_text=True)
    assert "Đoạn có dấu hiệu giao việc nhưng chưa tạo nhiệm vụ (1)" in page
    assert "Đồng ý chủ trương đầu tư dự án X" in page
    assert SkipReason.APPROVAL.label in page
    assert 'value="31/12/2026"' in page  # the deadline "trong tháng 12/2026" proposes
    assert "Còn 1 đoạn có dấu hiệu giao việc chưa được xử lý" in page
    assert "Vẫn ban hành và giao nhiệm vụ" in page


def test_making_a_task_needs_a_body_then_takes_the_passage_off_the_list(
    login: Login, notice: Notice
) -> None:
    client = login("vanphong")
    item_id = notice.draft_skipped[0].id
    refused = post(client, notice, skipped_form(client, notice, f"take:{item_id}"))
    assert refused.status_code == 400
    assert "Hãy chọn cơ quan chủ trì cho đoạn này" in refused.get_data(as_text=True)
    urban = agency("sxd")
    response = post(
        client,
        notice,
        skipped_form(client, notice, f"take:{item_id}", assignee_0=f"a{urban.id}"),
    )
    assert response.status_code == 302
    db.session.refresh(notice)
    assert [d.agency_id for d in notice.draft_tasks][1] == urban.id
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Đã tạo nhiệm vụ ở mục 2." in page
    assert "chưa tạo nhiệm vụ (0)" in page and "Còn 1 đoạn" not in page
    assert "Vẫn ban hành" not in page


def test_removing_the_task_made_from_a_passage_puts_it_back(
    login: Login, notice: Notice, clerk: User
) -> None:
    item = notice.draft_skipped[0]
    draft = take_as_task(db.session(), notice, item.id, f"a{agency('sxd').id}", None, clerk, ())
    assert draft is not None
    db.session.commit()
    client = login("vanphong")
    post(client, notice, form_of(client, notice, f"remove:{draft.id}"))
    db.session.expire_all()
    assert [i.id for i in notice.pending_skipped] == [item.id]


def test_set_aside_from_the_page_leaves_it_out_of_the_count(login: Login, notice: Notice) -> None:
    client = login("vanphong")
    item_id = notice.draft_skipped[0].id
    post(client, notice, skipped_form(client, notice, f"set-aside:{item_id}"))
    page = client.get(f"/thong-bao/{notice.id}/xem-xet").get_data(as_text=True)
    assert "chưa tạo nhiệm vụ (0)" in page
    assert "Đã xác nhận không phải nhiệm vụ (1)" in page
    assert "Ban hành và giao nhiệm vụ" in page and "Vẫn ban hành" not in page
