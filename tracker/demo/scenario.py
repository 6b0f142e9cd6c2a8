"""What the demo shows: the work already done on its tasks, and a recent letter whose
deadlines are set relative to the day the demo is loaded."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from tracker.domain.formatting import vn_date
from tracker.tasks.models import Recurrence


@dataclass(frozen=True)
class TaskPlan:
    """One item of a notice's split: a task, or one per member when addressed to a group."""

    ref: str
    assignee: str
    text: str
    assignee_is_group: bool = False
    coordinating: list[str] = field(default_factory=list)
    deadline: date | None = None
    deadline_text: str | None = None
    recurrence: Recurrence | None = None


@dataclass(frozen=True)
class Citation:
    """The document that did the work, cited as evidence."""

    kind: str
    number: str
    issuer: str


@dataclass(frozen=True)
class ScenarioStep:
    """Work done on one task of the demo (by its position in the notice's split).

    `submitted_after_deadline` is in days (negative: before it); for a task with no deadline
    it counts back from today. `accepted` means the secretariat accepted the submission.
    """

    task_index: int
    progress: str | None = None
    percent: int | None = None
    evidence_file: str | None = None
    citation: Citation | None = None
    submitted_after_deadline: int | None = None
    accepted: bool = False


@dataclass(frozen=True)
class NoticeHeader:
    number: str
    place: str
    signer: str
    title: str


NOTICE_473 = NoticeHeader(
    number="473/TB-VPUBND",
    place="Đắk Nông",
    signer="Ngô Xuân Lộc",
    title=(
        "Kết luận của đồng chí Cao Huy, Phó Chủ tịch UBND tỉnh, Trưởng Ban Chỉ đạo Cải cách "
        "hành chính tỉnh tại Hội nghị sơ kết công tác Cải cách hành chính tỉnh 6 tháng đầu năm "
        "2017 và triển khai nhiệm vụ trong thời gian tới"
    ),
)

# Item references of the annotated split, in its order (section II items 1-11, then III).
NOTICE_473_REFS = [
    "II.1",
    *[f"II.2.{n}" for n in range(1, 8)],
    *[f"II.3.{n}" for n in range(1, 4)],
    "II.4.1",
    "II.4.2",
    "II.5",
    *[f"II.6.{n}" for n in range(1, 5)],
    "II.7",
    "II.8",
    "II.9",
    "II.10.1",
    "II.10.2",
    *[f"II.11.{n}" for n in range(1, 9)],
    "III",
]

NOTICE_473_STEPS = [
    ScenarioStep(1, submitted_after_deadline=-3),
    ScenarioStep(
        2,
        progress="Đã hoàn thiện dự thảo kế hoạch, gửi xin ý kiến các Sở, Ban, ngành.",
        percent=80,
        evidence_file="Ke-hoach-cai-thien-chi-so-CCHC.pdf",
        citation=Citation("Quyết định", "1118/QĐ-UBND", "UBND tỉnh Đắk Nông"),
        submitted_after_deadline=0,
        accepted=True,
    ),
    ScenarioStep(
        3,
        progress="Đã thành lập đoàn kiểm tra; đang kiểm tra **5/12** cơ quan theo kế hoạch.",
        percent=40,
    ),
    ScenarioStep(8, progress="Đang rà soát cơ chế tự chủ tại 14 đơn vị sự nghiệp."),
    ScenarioStep(
        16,
        progress="Tỷ lệ văn bản trao đổi dưới dạng điện tử đạt 86%.",
        percent=100,
        citation=Citation("Báo cáo", "215/BC-STTTT", "Sở Thông tin và Truyền thông"),
        submitted_after_deadline=-75,
        accepted=True,
    ),
]

LETTER = NoticeHeader(
    number="1520/UBND-KGVX",
    place="Đắk Nông",
    signer="Trần Văn Hùng",
    title="V/v triển khai các nhiệm vụ chuyển đổi số trọng tâm",
)
LETTER_AGE_DAYS = 40


def letter_plans(today: date) -> list[TaskPlan]:
    """The letter's tasks, deadlines set around today so that every status shows."""

    def due(days: int) -> tuple[date, str]:
        deadline = today + timedelta(days=days)
        return deadline, f"chậm nhất ngày {vn_date(deadline)}"

    items = [
        ("Sở Tài chính", "Tham mưu bố trí kinh phí triển khai các nền tảng số dùng chung.", -20),
        (
            "Sở TT&TT",
            "Hoàn thành kết nối hệ thống quản lý văn bản với Trục liên thông văn bản quốc gia.",
            2,
        ),
        ("Sở KH&ĐT", "Tổng hợp danh mục dự án chuyển đổi số đề xuất bố trí vốn đầu tư công.", -35),
        ("Sở Y tế", "Triển khai bệnh án điện tử tại Bệnh viện đa khoa tỉnh.", 20),
        ("Sở GD&ĐT", "Báo cáo kết quả triển khai học bạ số trong các trường phổ thông.", -5),
        ("UBND huyện Cư Jút", "Rà soát, cập nhật dữ liệu dân cư phục vụ Đề án 06.", 1),
        ("Sở TN&MT", "Số hóa hồ sơ địa chính, cập nhật vào cơ sở dữ liệu đất đai.", -10),
    ]
    plans = []
    for number, (assignee, text, days) in enumerate(items, start=1):
        deadline, phrase = due(days)
        coordinating = ["Sở TT&TT"] if assignee == "Sở TN&MT" else []
        plans.append(
            TaskPlan(
                ref=str(number),
                assignee=assignee,
                text=text,
                coordinating=coordinating,
                deadline=deadline,
                deadline_text=phrase,
            )
        )
    quarter_end = _quarter_end(today)
    plans.append(
        TaskPlan(
            ref=str(len(items) + 1),
            assignee="Sở Nội vụ",
            text="Báo cáo tình hình sử dụng chữ ký số của cán bộ, công chức.",
            deadline=quarter_end,
            deadline_text="định kỳ hằng quý",
            recurrence=Recurrence.QUARTERLY,
        )
    )
    return plans


LETTER_STEPS = [
    ScenarioStep(
        0,
        evidence_file="Bao-cao-kinh-phi-nen-tang-so.pdf",
        submitted_after_deadline=5,
        accepted=True,
    ),
    ScenarioStep(2, progress="Đã tổng hợp đề xuất của 9/21 Sở, ngành.", percent=40),
    ScenarioStep(
        4,
        citation=Citation("Báo cáo", "88/BC-SGDĐT", "Sở Giáo dục và Đào tạo"),
        submitted_after_deadline=0,
        accepted=True,
    ),
    ScenarioStep(
        5, progress="Đã rà soát xong 7/9 xã, thị trấn.", percent=100, submitted_after_deadline=-1
    ),
]


def letter_body(plans: list[TaskPlan], issued_on: date) -> str:
    """The letter's text in Markdown, naming each task, its agency and its deadline."""
    lines = [
        f"**ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG**\n\nSố: {LETTER.number}\n",
        f"Đắk Nông, ngày {issued_on.day:02d} tháng {issued_on.month:02d} năm {issued_on.year}\n",
        f"## {LETTER.title}\n",
        "Để bảo đảm tiến độ các nhiệm vụ chuyển đổi số trọng tâm, Chủ tịch UBND tỉnh giao:\n",
    ]
    for plan in plans:
        when = f", {plan.deadline_text}" if plan.deadline_text else ""
        instruction = plan.text[0].lower() + plan.text[1:].rstrip(".")
        lines.append(f"{plan.ref}. Giao **{plan.assignee}**: {instruction}{when}.\n")
    lines.append("Yêu cầu các cơ quan, đơn vị khẩn trương triển khai thực hiện./.\n")
    return "\n".join(lines)


def _quarter_end(day: date) -> date:
    last_month = 3 * ((day.month - 1) // 3 + 1)
    first_of_next = date(day.year + last_month // 12, last_month % 12 + 1, 1)
    return first_of_next - timedelta(days=1)
