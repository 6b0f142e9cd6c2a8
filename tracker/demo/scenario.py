"""What the demo shows: the work already done on its tasks, a recent letter whose deadlines
are set relative to the day the demo is loaded, and a plan still under review."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from tracker.domain.formatting import vn_date


@dataclass(frozen=True)
class Citation:
    """The document that did the work, cited as evidence."""

    kind: str
    number: str
    issuer: str


@dataclass(frozen=True)
class ScenarioStep:
    """Work done on one item of a notice's split (by its position in the split).

    `submitted_after_deadline` is in days (negative: before it); for a task with no deadline
    it counts back from today. `accepted` means the secretariat accepted the submission.
    `occurrence` picks an occurrence of a recurring item, the oldest first.
    """

    item_index: int
    occurrence: int | None = None
    progress: str | None = None
    percent: int | None = None
    evidence_file: str | None = None
    citation: Citation | None = None
    submitted_after_deadline: int | None = None
    accepted: bool = False


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

LETTER_NUMBER = "1520/UBND-KGVX"
LETTER_AGE_DAYS = 100
# (agency as the letter names it, instruction, deadline in days from today; None: the
# instruction says when, every month or quarter)
LETTER_ITEMS = [
    ("Sở Tài chính", "tham mưu bố trí kinh phí triển khai các nền tảng số dùng chung", -20),
    (
        "Sở TT&TT",
        "hoàn thành kết nối hệ thống quản lý văn bản với Trục liên thông văn bản quốc gia",
        2,
    ),
    ("Sở KH&ĐT", "tổng hợp danh mục dự án chuyển đổi số đề xuất bố trí vốn đầu tư công", -35),
    ("Sở Y tế", "triển khai bệnh án điện tử tại Bệnh viện đa khoa tỉnh", 20),
    ("Sở GD&ĐT", "báo cáo kết quả triển khai học bạ số trong các trường phổ thông", -5),
    ("UBND huyện Cư Jút", "rà soát, cập nhật dữ liệu dân cư phục vụ Đề án 06", 1),
    (
        "Sở TN&MT chủ trì, phối hợp với Sở TT&TT",
        "số hóa hồ sơ địa chính, cập nhật vào cơ sở dữ liệu đất đai",
        -10,
    ),
    (
        "Sở Nội vụ",
        "định kỳ hằng quý báo cáo tình hình sử dụng chữ ký số của cán bộ, công chức",
        None,
    ),
    (
        "Sở KH&ĐT",
        "báo cáo tình hình giải ngân vốn đầu tư công các dự án chuyển đổi số trước ngày 25"
        " hằng tháng",
        None,
    ),
]

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
    # The monthly report: the first month's came in late, the second's early; the third's
    # is overdue. The quarterly one has not come in for the quarter that has ended.
    ScenarioStep(
        8,
        occurrence=0,
        citation=Citation("Báo cáo", "412/BC-SKHĐT", "Sở Kế hoạch và Đầu tư"),
        submitted_after_deadline=3,
        accepted=True,
    ),
    ScenarioStep(
        8,
        occurrence=1,
        citation=Citation("Báo cáo", "468/BC-SKHĐT", "Sở Kế hoạch và Đầu tư"),
        submitted_after_deadline=-2,
        accepted=True,
    ),
]


# A later letter amends the first one: a deadline moved, a task paused, a task cancelled.
AMENDING_LETTER = "1702/UBND-KGVX"
AMENDING_LETTER_AGE_DAYS = 5
# (item of the first letter, what the later one does, days from today)
LETTER_AMENDMENTS = [(3, "deadline", 50), (6, "pause", 30), (1, "cancel", None)]


def letter_text(today: date) -> str:
    """The letter as the secretariat would paste it, deadlines written around today."""
    issued_on = today - timedelta(days=LETTER_AGE_DAYS)
    items = []
    for number, (assignee, instruction, days) in enumerate(LETTER_ITEMS, start=1):
        when = (
            f", chậm nhất ngày {vn_date(today + timedelta(days=days))}" if days is not None else ""
        )
        items.append(f"{number}. Giao {assignee} {instruction}{when}.")
    return "\n\n".join(
        [
            "ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG",
            f"Số: {LETTER_NUMBER}",
            f"Đắk Nông, ngày {issued_on.day:02d} tháng {issued_on.month:02d} năm {issued_on.year}",
            "V/v triển khai các nhiệm vụ chuyển đổi số trọng tâm",
            "Để bảo đảm tiến độ các nhiệm vụ chuyển đổi số trọng tâm, Chủ tịch UBND tỉnh giao:",
            *items,
            "Yêu cầu các cơ quan, đơn vị khẩn trương triển khai thực hiện./.",
            "KT. CHỦ TỊCH",
            "PHÓ CHỦ TỊCH",
            "Trần Văn Hùng",
        ]
    )
