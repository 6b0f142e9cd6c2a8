"""A realistic province's history as plain rows, for benchmarks: notices over several years,
tasks with a mix of deadlines and outcomes, extensions, explanations asked of late tasks,
progress reports and the events that the workflow would have written, with the office's
queues of today (extensions to decide, answers to read). Deterministic for a given seed; no
database here."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from tracker.audit.models import NOTICE_PUBLISHED
from tracker.domain.periods import ROMAN, period_containing
from tracker.domain.recurrence import make_rule, occurrences_open

NOTICE_KINDS = (
    ("thong_bao", "TB-VPUBND", 0.55),
    ("cong_van", "UBND-KGVX", 0.25),
    ("chi_thi", "CT-UBND", 0.08),
    ("ke_hoach", "KH-UBND", 0.12),
)
VERBS = (
    "Chủ trì, phối hợp với các cơ quan liên quan tham mưu UBND tỉnh ban hành",
    "Khẩn trương hoàn thiện và trình UBND tỉnh",
    "Rà soát, đánh giá và báo cáo UBND tỉnh kết quả thực hiện",
    "Tổ chức triển khai thực hiện",
    "Hướng dẫn các địa phương thực hiện",
    "Kiểm tra, đôn đốc và tổng hợp tình hình thực hiện",
    "Xây dựng dự thảo",
    "Phối hợp với Sở Tài chính bố trí kinh phí thực hiện",
)
OBJECTS = (
    "Kế hoạch cải cách hành chính",
    "Đề án chuyển đổi số",
    "Quy chế phối hợp quản lý nhà nước về đất đai",
    "Chương trình mục tiêu quốc gia xây dựng nông thôn mới",
    "Kế hoạch phát triển du lịch",
    "phương án sắp xếp tổ chức bộ máy",
    "dự án đường giao thông liên huyện",
    "Kế hoạch phòng, chống thiên tai",
    "Đề án vị trí việc làm",
    "Kế hoạch đào tạo, bồi dưỡng cán bộ, công chức",
    "công tác giải phóng mặt bằng các dự án trọng điểm",
    "Chỉ số cải cách hành chính (PAR INDEX)",
    "Bộ chỉ số năng lực cạnh tranh cấp tỉnh (PCI)",
    "hồ sơ thủ tục hành chính trên Cổng dịch vụ công",
)

# The body of a notice, in the words such notices use; see `_notice_body`.
BODY_OPENING = (
    "Ngày 15, đồng chí Phó Chủ tịch UBND tỉnh đã chủ trì cuộc họp nghe các sở, ban, ngành "
    "báo cáo tình hình thực hiện nhiệm vụ. Tham dự cuộc họp có lãnh đạo các sở, ban, ngành "
    "và UBND các huyện, thành phố. Sau khi nghe báo cáo và ý kiến phát biểu của các đại biểu "
    "dự họp, đồng chí Phó Chủ tịch UBND tỉnh kết luận như sau. " * 4
)
BODY_PARAGRAPH = (
    "Thời gian thực hiện theo tiến độ đã đề ra; định kỳ hằng quý báo cáo kết quả về UBND "
    "tỉnh (qua Văn phòng UBND tỉnh) để tổng hợp, theo dõi. Trong quá trình thực hiện, nếu "
    "có khó khăn, vướng mắc vượt thẩm quyền, kịp thời báo cáo, đề xuất UBND tỉnh xem xét, "
    "chỉ đạo giải quyết; không để chậm trễ, ảnh hưởng đến tiến độ chung của tỉnh."
)


# The office's queues (see `_Builder._add_requests`): how often a request is made, and how
# long its steps take.
EXPLAINED_EVERY = 10
EXPLANATION_ANSWER_DAYS = 6
EXPLANATION_READ_DAYS = 20
PENDING_EVERY = 12
EXTENSION_NOTICE_DAYS = 20


@dataclass(frozen=True)
class SeedPlan:
    tasks: int
    agency_ids: list[int]
    today: date
    years: int = 8
    seed: int = 2017


@dataclass
class Dataset:
    notices: list[dict[str, object]] = field(default_factory=list)
    tasks: list[dict[str, object]] = field(default_factory=list)
    coordinators: list[dict[str, object]] = field(default_factory=list)
    extensions: list[dict[str, object]] = field(default_factory=list)
    explanations: list[dict[str, object]] = field(default_factory=list)
    progress: list[dict[str, object]] = field(default_factory=list)
    events: list[dict[str, object]] = field(default_factory=list)


@dataclass(frozen=True)
class Outcome:
    state: str
    submitted_on: date | None
    completed_on: date | None


def build_dataset(plan: SeedPlan, secretary_id: int, officer_ids: dict[int, int]) -> Dataset:
    """Rows for notices spread over the last `plan.years` years (the current one included)
    holding `plan.tasks` tasks in all. `officer_ids` maps an agency id to the user who reports
    for it; `secretary_id` is the secretariat's user who publishes and accepts."""
    builder = _Builder(plan, random.Random(plan.seed), secretary_id, officer_ids)  # noqa: S311
    first_day = date(plan.today.year - plan.years + 1, 1, 1)
    span = (plan.today - first_day).days
    rng = builder.rng
    count = max(1, plan.tasks // 25)
    issued_days = sorted(first_day + timedelta(days=rng.randrange(span)) for _ in range(count))
    numbers: dict[int, int] = {}
    sizes = _notice_sizes(rng, plan.tasks, count)
    for notice_id, (issued_on, size) in enumerate(zip(issued_days, sizes, strict=True), 1):
        numbers[issued_on.year] = numbers.get(issued_on.year, 0) + rng.randrange(1, 6)
        builder.add_notice(notice_id, issued_on, numbers[issued_on.year], size)
        for item in range(1, size + 1):
            builder.add_task(notice_id, item, issued_on)
    return builder.data


def _notice_sizes(rng: random.Random, total: int, count: int) -> list[int]:
    """Tasks per notice: most notices carry a handful, a few carry a hundred or more."""
    weights = [min(rng.paretovariate(1.5), 12.0) for _ in range(count)]
    sizes = [1] * count
    for index in rng.choices(range(count), weights, k=total - count):
        sizes[index] += 1
    return sizes


def _notice_row(
    rng: random.Random, notice_id: int, issued_on: date, sequence: int, size: int
) -> dict[str, object]:
    kind, code = _weighted_kind(rng)
    title = f"Kết luận của Lãnh đạo UBND tỉnh về {rng.choice(OBJECTS)}"
    return {
        "id": notice_id,
        "number": f"{sequence}/{code}",
        "issued_on": issued_on,
        "issued_year": issued_on.year,
        "place": "Đắk Nông",
        "signer": "Phó Chủ tịch UBND tỉnh",
        "title": title,
        "kind": kind,
        "body": _notice_body(notice_id, title, size),
        "state": "published",
    }


def _notice_body(notice_id: int, title: str, size: int) -> str:
    """A text about as long as a real notice's (those of the corpus in `shared/fixtures` run
    from 3.5 to 46 KB, 13 KB at the median): an opening, then a paragraph for each task.
    Written without the random generator, so that the rest of the data stays as it was."""
    items = (
        f"{item}. {VERBS[(notice_id + item) % len(VERBS)]} "
        f"{OBJECTS[(notice_id * 7 + item) % len(OBJECTS)]}. {BODY_PARAGRAPH}"
        for item in range(1, size + 1)
    )
    return "\n\n".join([f"# {title}", BODY_OPENING, *items])


def _weighted_kind(rng: random.Random) -> tuple[str, str]:
    pick = rng.random()
    for kind, code, share in NOTICE_KINDS:
        if pick < share:
            return kind, code
        pick -= share
    return NOTICE_KINDS[0][0], NOTICE_KINDS[0][1]


class _Builder:
    def __init__(
        self,
        plan: SeedPlan,
        rng: random.Random,
        secretary_id: int,
        officer_ids: dict[int, int],
    ) -> None:
        self.plan, self.rng, self.data = plan, rng, Dataset()
        self.secretary_id, self.officer_ids = secretary_id, officer_ids
        self.last_task_id = 0

    def _next_task_id(self) -> int:
        self.last_task_id += 1
        return self.last_task_id

    def add_notice(self, notice_id: int, issued_on: date, sequence: int, size: int) -> None:
        self.data.notices.append(_notice_row(self.rng, notice_id, issued_on, sequence, size))
        self.data.events.append(
            _event(self.secretary_id, NOTICE_PUBLISHED, notice_id, None, issued_on)
        )

    def add_task(self, notice_id: int, item: int, issued_on: date) -> None:
        """One item of a notice: a task, or a quarterly series (a few of those without a
        deadline) reported on for a year or two, with its occurrences."""
        rng, plan = self.rng, self.plan
        task_id = self._next_task_id()
        lead = rng.choice(plan.agency_ids)
        deadline, phrase = _deadline(rng, issued_on)
        recurring = deadline is None and rng.random() < 0.3
        original = None
        if deadline is not None and rng.random() < 0.06:
            original = deadline - timedelta(days=rng.randrange(20, 60))
            self.data.extensions.append(
                _extension(rng, task_id, self.officer_ids[lead], original, deadline, issued_on)
            )
        outcome = _outcome(rng, issued_on, deadline, plan.today)
        row: dict[str, object] = {
            "id": task_id,
            "notice_id": notice_id,
            "ref": str(item),
            "text": f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}"
            + (f" {phrase}." if phrase else "."),
            "lead_agency_id": lead,
            "assigned_agency_id": lead,
            "deadline": deadline,
            "original_deadline": original,
            "deadline_text": phrase,
            "recurrence": "quarterly" if recurring else None,
            "recurrence_until": None,
            "series_id": None,
            "period_key": None,
            "state": "in_progress" if recurring else outcome.state,
            "submitted_on": None if recurring else outcome.submitted_on,
            "completed_on": None if recurring else outcome.completed_on,
            # most tasks handed to the agency's officer (by id: the draws stay as they were)
            "assignee_id": self.officer_ids[lead] if task_id % 10 < 7 else None,
            "paused_until": _paused_until(task_id, deadline, outcome, plan.today),
        }
        self.data.tasks.append(row)
        self._add_requests(row)
        coordinators = {rng.choice(plan.agency_ids) for _ in range(rng.choice((0, 0, 1, 2)))}
        coordinators.discard(lead)
        self._add_coordinators(task_id, coordinators)
        if recurring:
            until = issued_on + timedelta(days=rng.choice((365, 730)))
            row["recurrence_until"] = until
            self._add_occurrences(row, coordinators, issued_on, until)
        else:
            self._add_history(task_id, notice_id, issued_on, outcome, lead)

    def _add_coordinators(self, task_id: int, agency_ids: set[int]) -> None:
        self.data.coordinators += [{"task_id": task_id, "agency_id": a} for a in agency_ids]

    def _add_occurrences(
        self, series: dict[str, object], coordinators: set[int], issued_on: date, until: date
    ) -> None:
        """The quarters of a series up to today, each with an outcome of its own."""
        notice_id, lead = series["notice_id"], series["lead_agency_id"]
        assert isinstance(notice_id, int) and isinstance(lead, int)  # noqa: S101 - built above
        rule = make_rule("quarterly", None)
        for occurrence in occurrences_open(rule, issued_on, until, self.plan.today):
            task_id = self._next_task_id()
            outcome = _outcome(
                self.rng, occurrence.period.start, occurrence.deadline, self.plan.today
            )
            self.data.tasks.append(
                {
                    **series,
                    "id": task_id,
                    "series_id": series["id"],
                    "period_key": occurrence.period.key,
                    "deadline": occurrence.deadline,
                    "original_deadline": occurrence.deadline,
                    "recurrence": None,
                    "recurrence_until": None,
                    "state": outcome.state,
                    "submitted_on": outcome.submitted_on,
                    "completed_on": outcome.completed_on,
                    "paused_until": _paused_until(
                        task_id, occurrence.deadline, outcome, self.plan.today
                    ),
                }
            )
            self._add_requests(self.data.tasks[-1])
            self._add_coordinators(task_id, coordinators)
            self._add_history(task_id, notice_id, occurrence.period.start, outcome, lead)

    def _add_requests(self, task: dict[str, object]) -> None:
        """An explanation asked of one task in `EXPLAINED_EVERY` that is still not done a week
        past its deadline, answered and read in the usual delays (so recent ones are still
        waiting); and an extension asked for one open task in `PENDING_EVERY` falling due in
        the next weeks, not yet decided. Chosen by id: the draws stay as they were."""
        task_id, deadline, completed_on = task["id"], task["deadline"], task["completed_on"]
        lead, notice_id = task["lead_agency_id"], task["notice_id"]
        assert isinstance(task_id, int) and isinstance(lead, int)  # noqa: S101 - built above
        assert isinstance(notice_id, int)  # noqa: S101 - built above
        if not isinstance(deadline, date):
            return
        today, officer_id = self.plan.today, self.officer_ids[lead]
        asked_on = deadline + timedelta(days=7)
        late = completed_on is None or (isinstance(completed_on, date) and completed_on > asked_on)
        if task_id % EXPLAINED_EVERY == 0 and late and asked_on <= today:
            row, actions = _explanation(task_id, officer_id, self.secretary_id, asked_on, today)
            self.data.explanations.append(row)
            for actor_id, action, day in actions:
                self.data.events.append(_event(actor_id, action, notice_id, task_id, day))
        due_soon = today <= deadline <= today + timedelta(days=EXTENSION_NOTICE_DAYS)
        if task_id % PENDING_EVERY == 0 and task["state"] == "in_progress" and due_soon:
            asked_on = today - timedelta(days=task_id % 5)
            self.data.extensions.append(_pending_extension(task_id, officer_id, deadline, asked_on))
            self.data.events.append(
                _event(officer_id, "task.extension_requested", notice_id, task_id, asked_on)
            )

    def _add_history(
        self, task_id: int, notice_id: int, issued_on: date, outcome: Outcome, agency_id: int
    ) -> None:
        """Progress reports while the task was open, then its submission and acceptance."""
        rng, officer_id = self.rng, self.officer_ids[agency_id]
        last = outcome.submitted_on or issued_on + timedelta(days=rng.randrange(1, 60))
        for day in _days_between(rng, issued_on, last, rng.choice((0, 1, 1, 2))):
            self.data.progress.append(
                {
                    "task_id": task_id,
                    "author_id": officer_id,
                    "agency_id": agency_id,
                    "body": "Đã tổ chức họp triển khai, đang hoàn thiện dự thảo.",
                    "percent": rng.choice((None, 30, 50, 80)),
                    "created_at": _at(day),
                }
            )
            self.data.events.append(
                _event(officer_id, "task.progress_reported", notice_id, task_id, day)
            )
        if outcome.submitted_on is not None:
            self.data.events.append(
                _event(officer_id, "task.submitted", notice_id, task_id, outcome.submitted_on)
            )
        if outcome.completed_on is not None:
            self.data.events.append(
                _event(self.secretary_id, "task.accepted", notice_id, task_id, outcome.completed_on)
            )


def _deadline(rng: random.Random, issued_on: date) -> tuple[date | None, str | None]:
    """A deadline and the phrase a notice would give it; one task in five has none."""
    pick = rng.random()
    if pick < 0.2:
        return None, None
    target = issued_on + timedelta(days=rng.randrange(10, 240))
    if pick < 0.45:
        quarter = period_containing(target, "quarterly")
        label = ROMAN[quarter.end.month // 3]
        return quarter.end, f"trong Quý {label}/{quarter.end.year}"
    if pick < 0.7:
        month = period_containing(target, "monthly")
        return month.end, f"trong tháng {month.end.month}/{month.end.year}"
    return target, f"trước ngày {target.day}/{target.month}/{target.year}"


def _outcome(rng: random.Random, issued_on: date, deadline: date | None, today: date) -> Outcome:
    """Most old tasks are done, a share of them late; recent ones are mostly still open."""
    if deadline is None:
        return _done(rng, issued_on, today) if rng.random() < 0.3 else _open(rng, issued_on, today)
    done_share = 0.85 if deadline < today - timedelta(days=14) else 0.25
    if rng.random() >= done_share:
        return _open(rng, issued_on, today)
    pick = rng.random()
    if pick < 0.5:
        completed = deadline - timedelta(days=rng.randrange(1, 30))
    elif pick < 0.65:
        completed = deadline
    else:
        completed = deadline + timedelta(days=rng.randrange(1, 90))
    completed = min(max(completed, issued_on + timedelta(days=1)), today)
    return Outcome("completed", completed, completed)


def _paused_until(
    task_id: int, deadline: date | None, outcome: Outcome, today: date
) -> date | None:
    """One open overdue task in two hundred paused by a later document for a month (chosen
    by id: the draws stay as they were)."""
    overdue = deadline is not None and deadline < today and outcome.completed_on is None
    return today + timedelta(days=30) if overdue and task_id % 200 == 0 else None


def _done(rng: random.Random, issued_on: date, today: date) -> Outcome:
    completed = min(issued_on + timedelta(days=rng.randrange(5, 200)), today)
    return Outcome("completed", completed, completed)


def _open(rng: random.Random, issued_on: date, today: date) -> Outcome:
    pick = rng.random()
    if pick < 0.05:
        return Outcome("submitted", max(issued_on, today - timedelta(days=rng.randrange(7))), None)
    if pick < 0.06:
        return Outcome("declined", None, None)
    return Outcome("in_progress", None, None)


def _extension(
    rng: random.Random,
    task_id: int,
    officer_id: int,
    original: date,
    approved: date,
    issued_on: date,
) -> dict[str, object]:
    objective = rng.random() < 0.5
    return {
        "task_id": task_id,
        "requested_by_id": officer_id,
        "previous_deadline": original,
        "requested_deadline": approved,
        "reason": "Chờ ý kiến thẩm định của bộ, ngành Trung ương."
        if objective
        else "Khối lượng công việc lớn, cần thêm thời gian.",
        "state": "approved",
        "approving_document": f"{rng.randrange(100, 9000)}/UBND-TH",
        "objective_reason": objective,
        "created_at": _at(max(issued_on, original - timedelta(days=7))),
    }


def _pending_extension(
    task_id: int, officer_id: int, deadline: date, asked_on: date
) -> dict[str, object]:
    return {
        "task_id": task_id,
        "requested_by_id": officer_id,
        "previous_deadline": deadline,
        "requested_deadline": deadline + timedelta(days=30),
        "reason": "Khối lượng công việc lớn, cần thêm thời gian.",
        "state": "pending",
        "approving_document": None,
        "objective_reason": False,
        "created_at": _at(asked_on),
    }


def _explanation(
    task_id: int, officer_id: int, secretary_id: int, asked_on: date, today: date
) -> tuple[dict[str, object], list[tuple[int, str, date]]]:
    """The request as it stands today, and the events of what happened to it: answered
    `EXPLANATION_ANSWER_DAYS` after it was asked, read `EXPLANATION_READ_DAYS` after that."""
    answered_on = asked_on + timedelta(days=EXPLANATION_ANSWER_DAYS)
    read_on = answered_on + timedelta(days=EXPLANATION_READ_DAYS)
    answered, read = answered_on <= today, read_on <= today
    actions = [(secretary_id, "task.explanation_requested", asked_on)]
    actions += [(officer_id, "task.explanation_answered", answered_on)] if answered else []
    actions += [(secretary_id, "task.explanation_reviewed", read_on)] if read else []
    row: dict[str, object] = {
        "task_id": task_id,
        "requested_by_id": secretary_id,
        "question": "Đề nghị giải trình lý do chậm thực hiện.",
        "answer_by": asked_on + timedelta(days=10),
        "answer": "Do vướng mắc về thủ tục, cơ quan đang khẩn trương hoàn thiện."
        if answered
        else None,
        "answered_by_id": officer_id if answered else None,
        "answered_at": _at(answered_on) if answered else None,
        "reviewed_at": _at(read_on) if read else None,
        "reviewed_by_id": secretary_id if read else None,
        "created_at": _at(asked_on),
    }
    return row, actions


def _days_between(rng: random.Random, first: date, last: date, count: int) -> Iterator[date]:
    span = max(1, (last - first).days)
    for day in sorted(rng.randrange(span) for _ in range(count)):
        yield first + timedelta(days=day)


def _event(
    actor_id: int, action: str, notice_id: int, task_id: int | None, day: date
) -> dict[str, object]:
    return {
        "occurred_at": _at(day),
        "actor_id": actor_id,
        "action": action,
        "subject_type": "notice" if task_id is None else "task",
        "subject_id": notice_id if task_id is None else task_id,
        "notice_id": notice_id,
        "task_id": task_id,
    }


def _at(day: date) -> datetime:
    return datetime.combine(day, time(2, 30), tzinfo=UTC)  # 9:30 in Hanoi
