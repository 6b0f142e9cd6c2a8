"""The buttons of the review screen. Each first saves the reviewer's edits, then does the one
thing it names; the view commits once, or rolls back when the outcome failed."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from tracker.auth.models import User
from tracker.notices.models import Notice
from tracker.notices.review import (
    HeaderEdit,
    ItemEdit,
    add_item,
    apply_review,
    map_unknown_name,
    merge_with_next,
    remove_item,
    split_item,
)
from tracker.notices.services import PublishError, publish, reparse
from tracker.notices.skipped import restore, set_aside, take_as_task


@dataclass(frozen=True)
class SkippedChoice:
    """What the reviewer chose for a skipped passage should she make it a task."""

    item_id: int
    assignee: str  # "a<id>", "g<id>" or "" while none is chosen
    deadline: date | None


@dataclass(frozen=True)
class ReviewEdits:
    header: HeaderEdit
    items: list[ItemEdit]
    skipped: list[SkippedChoice]


@dataclass
class Outcome:
    messages: list[str] = field(default_factory=list)
    failed: bool = False
    published: bool = False
    anchor: str = ""


@dataclass(frozen=True)
class Pressed:
    """The button pressed ("verb:target"), with what its verb needs."""

    session: Session
    notice: Notice
    edits: ReviewEdits
    actor: User
    today: date
    holidays: Collection[date]
    target: str

    @property
    def target_id(self) -> int:
        return int(self.target) if self.target.isdigit() else -1


def run_action(
    session: Session,
    notice: Notice,
    edits: ReviewEdits,
    action: str,
    actor: User,
    today: date,
    holidays: Collection[date],
) -> Outcome:
    """Save the reviewer's edits, then do what the pressed button asks."""
    apply_review(session, notice, edits.header, edits.items, actor)
    verb, _, target = action.partition(":")
    handler = _VERBS.get(verb)
    if handler is None:
        return Outcome(["Đã lưu."])
    return handler(Pressed(session, notice, edits, actor, today, holidays, target))


def _publish(pressed: Pressed) -> Outcome:
    try:
        tasks = publish(pressed.session, pressed.notice, pressed.actor)
    except PublishError as error:
        return Outcome(messages=[p.vietnamese for p in error.problems], failed=True)
    return Outcome(messages=[f"Đã ban hành và giao {len(tasks)} nhiệm vụ."], published=True)


def _reparse(pressed: Pressed) -> Outcome:
    kept, proposed = reparse(
        pressed.session, pressed.notice, pressed.actor, pressed.today, pressed.holidays
    )
    return Outcome(
        [f"Đã phân tích lại: giữ nguyên {kept} mục đã chỉnh sửa, đề xuất {proposed} mục."]
    )


def _add(pressed: Pressed) -> Outcome:
    draft = add_item(pressed.notice)
    pressed.session.flush()
    return Outcome(["Đã thêm một mục trống ở cuối."], anchor=f"#muc-{draft.id}")


def _remove(pressed: Pressed) -> Outcome:
    remove_item(pressed.notice, pressed.target_id)
    return Outcome(["Đã xóa mục."])


def _merge(pressed: Pressed) -> Outcome:
    merged = merge_with_next(pressed.notice, pressed.target_id)
    return Outcome(["Đã gộp với mục bên dưới." if merged else "Không có mục bên dưới để gộp."])


def _split(pressed: Pressed) -> Outcome:
    done = split_item(pressed.notice, pressed.target_id)
    message = "Đã tách thành hai mục." if done else "Không tìm thấy chỗ ngắt câu để tách."
    return Outcome([message], anchor=f"#muc-{pressed.target}")


def _pick(pressed: Pressed) -> Outcome:
    """A suggested directory name for an item's unknown body ("pick:<item>:<agency>")."""
    draft_id, _, agency_id = pressed.target.partition(":")
    draft = None
    if draft_id.isdigit() and agency_id.isdigit():
        draft = map_unknown_name(pressed.session, pressed.notice, int(draft_id), int(agency_id))
    if draft is None or draft.agency is None:
        return Outcome(["Không chọn được cơ quan này."], anchor=f"#muc-{draft_id}")
    return Outcome(
        [
            f"Đã giao mục {draft.position + 1} cho {draft.agency.name}; khi ban hành, hệ thống "
            f"sẽ ghi nhớ “{draft.unknown_name}” là tên gọi khác của cơ quan này."
        ],
        anchor=f"#muc-{draft.id}",
    )


def _take(pressed: Pressed) -> Outcome:
    choice = next((c for c in pressed.edits.skipped if c.item_id == pressed.target_id), None)
    if choice is None or not choice.assignee:
        return Outcome(
            ["Hãy chọn cơ quan chủ trì cho đoạn này trước khi tạo nhiệm vụ."], failed=True
        )
    draft = take_as_task(
        pressed.session,
        pressed.notice,
        choice.item_id,
        choice.assignee,
        choice.deadline,
        pressed.actor,
        pressed.holidays,
    )
    if draft is None:
        return Outcome(["Đoạn này đã được xử lý trước đó."])
    return Outcome([f"Đã tạo nhiệm vụ ở mục {draft.position + 1}."], anchor=f"#muc-{draft.id}")


def _set_aside(pressed: Pressed) -> Outcome:
    done = set_aside(pressed.session, pressed.notice, pressed.target_id, pressed.actor)
    message = "Đã ghi nhận: đoạn này không phải nhiệm vụ." if done else "Đoạn này đã được xử lý."
    return Outcome([message], anchor="#doan-chua-xu-ly")


def _restore(pressed: Pressed) -> Outcome:
    restore(pressed.session, pressed.notice, pressed.target_id, pressed.actor)
    return Outcome(["Đã đưa đoạn này trở lại danh sách cần xem."], anchor="#doan-chua-xu-ly")


_VERBS: dict[str, Callable[[Pressed], Outcome]] = {
    "publish": _publish,
    "reparse": _reparse,
    "add": _add,
    "remove": _remove,
    "merge": _merge,
    "split": _split,
    "pick": _pick,
    "take": _take,
    "set-aside": _set_aside,
    "restore": _restore,
}
