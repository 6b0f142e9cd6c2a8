"""Deadline phrases of real notices (DESIGN.md, "Deadline phrases")."""

import timeit
import unicodedata
from collections.abc import Callable
from datetime import date
from functools import partial

import pytest

from tracker.domain.deadline_readings import add_working_days
from tracker.domain.deadlines import DeadlineFinding, find_deadline, fixed_public_holidays

# Thông báo 473/TB-VPUBND of Đắk Nông was issued on Wednesday 19 July 2017.
ISSUED = date(2017, 7, 19)


def read(text: str, issued_on: date = ISSUED) -> tuple[date | None, str | None]:
    finding = find_deadline(text, issued_on)
    return finding.deadline, finding.phrase


QUARTERS = [
    (
        "trình UBND tỉnh ban hành trong Quý III/2017 để thay thế",
        date(2017, 9, 30),
        "trong Quý III/2017",
    ),
    ("Hoàn thành Quý I năm 2018.", date(2018, 3, 31), "Quý I năm 2018"),
    ("triển khai thí điểm trong quý 4/2019", date(2019, 12, 31), "trong quý 4/2019"),
    ("trong quý II năm 2020", date(2020, 6, 30), "trong quý II năm 2020"),
    ("xong trong quý iv/2017", date(2017, 12, 31), "trong quý iv/2017"),
    ("báo cáo trong Quý I, năm 2018", date(2018, 3, 31), "trong Quý I, năm 2018"),
    ("trình phê duyệt trước Quý IV/2017", date(2017, 9, 30), "trước Quý IV/2017"),
    ("đến hết quý 3 năm 2018", date(2018, 9, 30), "đến hết quý 3 năm 2018"),
    ("hoàn thành trong quý IV", date(2017, 12, 31), "trong quý IV"),  # the notice's year
]
MONTHS = [
    ("Hoàn thành trong tháng 8/2017.", date(2017, 8, 31), "trong tháng 8/2017"),
    ("tổ chức hội nghị tháng 8 năm 2017", date(2017, 8, 31), "tháng 8 năm 2017"),
    ("trình UBND tỉnh trong tháng 12/2019", date(2019, 12, 31), "trong tháng 12/2019"),
    ("trong tháng 2/2020", date(2020, 2, 29), "trong tháng 2/2020"),  # leap year
    ("trong tháng 02/2019", date(2019, 2, 28), "trong tháng 02/2019"),
    ("trong tháng 9", date(2017, 9, 30), "trong tháng 9"),  # the notice's year
    ("trước tháng 10/2017", date(2017, 9, 30), "trước tháng 10/2017"),
]
EXACT_DATES = [
    ("gửi Sở Nội vụ trước ngày 15/8/2019.", date(2019, 8, 15), "trước ngày 15/8/2019"),
    ("chậm nhất ngày 15/8/2019", date(2019, 8, 15), "chậm nhất ngày 15/8/2019"),
    ("chậm nhất là ngày 15/8/2019", date(2019, 8, 15), "chậm nhất là ngày 15/8/2019"),
    ("xong trước ngày 15/8/2019", date(2019, 8, 15), "trước ngày 15/8/2019"),
    ("hoàn thành trước ngày 15/08/2019", date(2019, 8, 15), "trước ngày 15/08/2019"),
    ("báo cáo trước 15/8/2019", date(2019, 8, 15), "trước 15/8/2019"),
    ("hạn chót ngày 20/9/2017", date(2017, 9, 20), "hạn chót ngày 20/9/2017"),
    ("trước ngày 15 tháng 8 năm 2019", date(2019, 8, 15), "trước ngày 15 tháng 8 năm 2019"),
    (
        "chậm nhất là ngày 05 tháng 02 năm 2018",
        date(2018, 2, 5),
        "chậm nhất là ngày 05 tháng 02 năm 2018",
    ),
    (
        "thời hạn hoàn thành: ngày 30/11/2017",
        date(2017, 11, 30),
        "thời hạn hoàn thành: ngày 30/11/2017",
    ),
    ("hoàn thành trước ngày 15-8-2019", date(2019, 8, 15), "trước ngày 15-8-2019"),
    ("trước ngày 31/12/2017", date(2017, 12, 31), "trước ngày 31/12/2017"),
]
YEARS = [
    ("đạt trên 80% trở lên trong năm 2017.", date(2017, 12, 31), "trong năm 2017"),
    ("Phấn đấu đến năm 2018, một số đơn vị", date(2018, 12, 31), "đến năm 2018"),
    ("hoàn thành trước năm 2019", date(2018, 12, 31), "trước năm 2019"),
    ("đưa vào sử dụng cuối năm 2017", date(2017, 12, 31), "cuối năm 2017"),
    ("hoàn thành đến hết năm 2018", date(2018, 12, 31), "đến hết năm 2018"),
    ("hoàn thành trong năm.", date(2017, 12, 31), "trong năm"),
    ("triển khai trong năm nay", date(2017, 12, 31), "trong năm nay"),
]
HALF_YEARS = [
    ("nhiệm vụ 6 tháng cuối năm 2017", date(2017, 12, 31), "6 tháng cuối năm 2017"),
    ("thực hiện trong 6 tháng đầu năm 2018", date(2018, 6, 30), "trong 6 tháng đầu năm 2018"),
    ("trong 06 tháng cuối năm", date(2017, 12, 31), "trong 06 tháng cuối năm"),
]
CALENDAR_DAYS = [
    ("trong 15 ngày kể từ ngày ký", date(2017, 8, 3), "trong 15 ngày kể từ ngày ký"),
    (
        "trong thời hạn 15 ngày kể từ ngày ban hành",
        date(2017, 8, 3),
        "trong thời hạn 15 ngày kể từ ngày ban hành",
    ),
    ("báo cáo trong vòng 30 ngày.", date(2017, 8, 18), "trong vòng 30 ngày"),
    ("trong 30 ngày kể từ ngày 01/8/2017", date(2017, 8, 31), "trong 30 ngày kể từ ngày 01/8/2017"),
    ("trong 02 tuần", date(2017, 8, 2), "trong 02 tuần"),
    ("trong 02 tháng kể từ ngày ký", date(2017, 9, 19), "trong 02 tháng kể từ ngày ký"),
]


@pytest.mark.parametrize(
    ("text", "deadline", "phrase"),
    QUARTERS + MONTHS + EXACT_DATES + YEARS + HALF_YEARS + CALENDAR_DAYS,
)
def test_phrase_gives_deadline(text: str, deadline: date, phrase: str) -> None:
    assert find_deadline(text, ISSUED) == DeadlineFinding(deadline, phrase, None, None)


@pytest.mark.parametrize(
    ("text", "issued_on", "deadline"),
    [
        ("trước 30/6", date(2017, 3, 1), date(2017, 6, 30)),
        ("trước 30/6", date(2017, 6, 30), date(2017, 6, 30)),  # the day itself is not past
        ("trước 30/6", date(2017, 8, 10), date(2018, 6, 30)),  # already past: next year
        ("trước ngày 30/6", date(2017, 8, 10), date(2018, 6, 30)),
        ("chậm nhất ngày 30/6", date(2017, 8, 10), date(2018, 6, 30)),
        ("trước ngày 15/01", date(2017, 12, 20), date(2018, 1, 15)),
    ],
)
def test_day_and_month_fall_on_or_after_the_notice(
    text: str, issued_on: date, deadline: date
) -> None:
    assert read(text, issued_on) == (deadline, text)


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("trong Quý I/2018", date(2018, 3, 31)),
        ("trong Quý II/2018", date(2018, 6, 30)),
        ("trong Quý III/2018", date(2018, 9, 30)),
        ("trong Quý IV/2018", date(2018, 12, 31)),
        ("trong tháng 2/2019", date(2019, 2, 28)),
        ("trong tháng 2/2020", date(2020, 2, 29)),
        ("trong tháng 2/2100", date(2100, 2, 28)),  # not a leap year
        ("trong tháng 4/2018", date(2018, 4, 30)),
    ],
)
def test_period_ends(text: str, deadline: date) -> None:
    assert read(text) == (deadline, text)


def test_working_days_skip_weekends_and_holidays() -> None:
    # Thursday 29/8/2019; Monday 2/9 is National Day.
    issued_on = date(2019, 8, 29)
    text = "trong 05 ngày làm việc kể từ ngày nhận được văn bản"
    plain = find_deadline(text, issued_on)
    assert plain.deadline == date(2019, 9, 5)
    assert plain.phrase == "trong 05 ngày làm việc kể từ ngày nhận được"
    with_holiday = find_deadline(text, issued_on, fixed_public_holidays(2019))
    assert with_holiday.deadline == date(2019, 9, 6)


@pytest.mark.parametrize(
    ("start", "days", "holidays", "expected"),
    [
        (date(2017, 7, 19), 10, set(), date(2017, 8, 2)),
        (date(2019, 8, 30), 1, set(), date(2019, 9, 2)),  # Friday -> Monday
        (date(2019, 8, 30), 1, {date(2019, 9, 2)}, date(2019, 9, 3)),
        (date(2019, 8, 31), 1, set(), date(2019, 9, 2)),  # from a Saturday
        (date(2019, 9, 2), 0, set(), date(2019, 9, 2)),
        (date(2019, 9, 3), -1, {date(2019, 9, 2)}, date(2019, 8, 30)),
    ],
)
def test_add_working_days(start: date, days: int, holidays: set[date], expected: date) -> None:
    assert add_working_days(start, days, holidays) == expected


def test_ten_working_days_from_the_notice() -> None:
    assert read("Báo cáo kết quả trong 10 ngày làm việc.") == (
        date(2017, 8, 2),
        "trong 10 ngày làm việc",
    )
    assert read("10 ngày làm việc") == (date(2017, 8, 2), "10 ngày làm việc")


def test_fixed_public_holidays() -> None:
    assert fixed_public_holidays(2019) == {
        date(2019, 1, 1),
        date(2019, 4, 30),
        date(2019, 5, 1),
        date(2019, 9, 2),
    }
    # From 2021 (Bộ luật Lao động 2019) National Day has a second day, taken as 1 September.
    assert fixed_public_holidays(2024) == {
        date(2024, 1, 1),
        date(2024, 4, 30),
        date(2024, 5, 1),
        date(2024, 9, 1),
        date(2024, 9, 2),
    }


@pytest.mark.parametrize(
    ("text", "recurrence", "deadline"),
    [
        ("Định kỳ hàng tháng báo cáo UBND tỉnh.", "monthly", None),
        ("định kỳ hằng quý báo cáo UBND tỉnh", "quarterly", None),
        ("báo cáo định kỳ 6 tháng", "semiannual", None),
        ("định kỳ 06 tháng một lần báo cáo UBND tỉnh", "semiannual", None),
        ("06 tháng một lần tổng hợp kết quả", "semiannual", None),
        ("định kỳ 03 tháng một lần", "quarterly", None),
        ("định kỳ hằng năm", "annual", None),
        ("báo cáo kết quả về Sở Nội vụ hằng quý", "quarterly", None),
        ("Hằng tháng báo cáo UBND tỉnh", "monthly", None),
        ("Hàng quý, tổng hợp báo cáo UBND tỉnh", "quarterly", None),
        ("tổ chức kiểm tra mỗi năm một lần", "annual", None),
        # the first such day is the deadline (corpus README; it was None before issue 11)
        ("báo cáo trước ngày 20 hằng tháng", "monthly", date(2017, 7, 20)),
        (
            "trình đề án trước ngày 30/9/2017; định kỳ hằng quý báo cáo",
            "quarterly",
            date(2017, 9, 30),
        ),
    ],
)
def test_recurrences(text: str, recurrence: str, deadline: date | None) -> None:
    finding = find_deadline(text, ISSUED)
    assert (finding.recurrence, finding.deadline, finding.problem) == (recurrence, deadline, None)


@pytest.mark.parametrize(
    "text",
    [
        "xây dựng các kế hoạch ứng dụng CNTT trên địa bàn tỉnh hàng năm phù hợp tình hình",
        "bố trí kinh phí thực hiện CCHC hàng năm bảo đảm đủ nguồn lực thực hiện",
        "định kỳ báo cáo kết quả về UBND tỉnh.",
        "hướng dẫn Báo cáo CCHC định kỳ năm 2021",
        "xây dựng kế hoạch hằng năm, báo cáo UBND tỉnh",
        "giao ban định kỳ hàng tuần",  # weekly is not a recurrence the tracker keeps
        "kết quả xếp hạng năm 2016 giảm 3 bậc",
    ],
)
def test_not_recurrences(text: str) -> None:
    assert find_deadline(text, ISSUED).recurrence is None


@pytest.mark.parametrize(
    "text",
    [
        "để thay thế Quyết định số 1076/QĐ-UBND, ngày 30/6/2016 về kế hoạch",
        "quán triệt Nghị quyết số 39-NQ/TW ngày 17/4/2015 của Bộ Chính trị",
        "Chỉ thị số 02/CT-TTg ngày 06/01/2017 của Thủ tướng Chính phủ",
        "theo Quyết định số 12/QĐ-UBND ngày 15 tháng 8 năm 2017",
        "Thông tư số 01/2020/TT-VPCP ngày 21/10/2020",
        "ban hành kế hoạch CCHC năm 2018 phù hợp, kịp thời",
        "giảm điểm chỉ số CCHC năm 2016",
        "nâng cao chỉ số CCHC tỉnh Đắk Nông giai đoạn 2016-2020",
        "quy hoạch từ năm 2016 đến năm 2020",
        "kế hoạch năm 2017 và các năm tiếp theo",
        "thực hiện trong năm 2017 và các năm tiếp theo",
        "trong năm qua đã đạt nhiều kết quả",
        "rút ngắn 15 ngày so với quy định",
        "tiếp nhận 2.608 hồ sơ, chiếm 87,27%",
        "xếp hạng trong năm 2016 giảm 3 bậc",  # a period already over describes the past
        "sơ kết công tác 6 tháng đầu năm 2017",
        "báo cáo kết quả quý I",  # a bare quarter names a subject
    ],
)
def test_not_deadlines(text: str) -> None:
    assert read(text) == (None, None)


@pytest.mark.parametrize(
    ("text", "phrase", "problem"),
    [
        ("trước ngày 31/2/2020", "trước ngày 31/2/2020", "Ngày 31/02/2020 không có thật"),
        ("chậm nhất ngày 31/4/2019", "chậm nhất ngày 31/4/2019", "Ngày 31/04/2019 không có thật"),
        ("trước ngày 29/2/2019", "trước ngày 29/2/2019", "Ngày 29/02/2019 không có thật"),
        (
            "trước ngày 32 tháng 1 năm 2018",
            "trước ngày 32 tháng 1 năm 2018",
            "Ngày 32/01/2018 không có thật",
        ),
        ("hoàn thành trong tháng 13/2017", "trong tháng 13/2017", "Tháng 13/2017 không có thật"),
    ],
)
def test_impossible_dates_give_no_deadline_and_a_problem(
    text: str, phrase: str, problem: str
) -> None:
    assert find_deadline(text, ISSUED) == DeadlineFinding(None, phrase, None, problem)


def test_impossible_date_beside_a_good_one_keeps_the_good_one() -> None:
    finding = find_deadline("trong tháng 12/2019 và trước ngày 31/2/2020", ISSUED)
    assert (finding.deadline, finding.phrase) == (date(2019, 12, 31), "trong tháng 12/2019")
    assert finding.problem == "Ngày 31/02/2020 không có thật"


def test_several_deadlines_give_the_earliest_and_a_problem() -> None:
    text = "Tổ chức thực hiện trong Quý IV/2017. Xây dựng kế hoạch trước ngày 15/8/2017."
    assert find_deadline(text, ISSUED) == DeadlineFinding(
        date(2017, 8, 15),
        "trước ngày 15/8/2017",
        None,
        "Có nhiều thời hạn khác nhau: trong Quý IV/2017 (31/12/2017), "
        "trước ngày 15/8/2017 (15/08/2017)",
    )


def test_the_same_deadline_twice_is_no_problem() -> None:
    text = "Trình UBND tỉnh trong Quý III/2017; báo cáo kết quả trước ngày 30/9/2017."
    assert find_deadline(text, ISSUED) == DeadlineFinding(
        date(2017, 9, 30), "trong Quý III/2017", None, None
    )


def test_a_date_earlier_than_the_notice_is_kept_and_flagged() -> None:
    finding = find_deadline("hoàn thành trước ngày 30/6/2016", ISSUED)
    assert (finding.deadline, finding.phrase) == (date(2016, 6, 30), "trước ngày 30/6/2016")
    assert finding.problem == "Thời hạn 30/06/2016 sớm hơn ngày ban hành 19/07/2017"


NOTICE_473 = [
    (
        "Chủ trì, phối hợp các Sở, Ban, ngành hoàn thiện dự thảo kế hoạch cải thiện chỉ số CCHC "
        "năm 2017 và các năm tiếp theo, trình UBND tỉnh ban hành trong Quý III/2017 để thay thế "
        "Quyết định số 1076/QĐ-UBND, ngày 30/6/2016 về kế hoạch nâng cao chỉ số CCHC tỉnh Đắk "
        "Nông giai đoạn 2016-2020.",
        DeadlineFinding(date(2017, 9, 30), "trong Quý III/2017", None, None),
    ),
    (
        "Tham mưu UBND tỉnh bố trí kinh phí thực hiện CCHC hàng năm bảo đảm đủ nguồn lực thực "
        "hiện, kịp thời. Phấn đấu đến năm 2018, một số đơn vị sự nghiệp công lập trên địa bàn tỉnh "
        "vận hành như doanh nghiệp.",
        DeadlineFinding(date(2018, 12, 31), "đến năm 2018", None, None),
    ),
    (
        "Theo dõi, đánh giá tình hình trao đổi văn bản giữa các cơ quan hành chính nhà nước dưới "
        "dạng điện tử, việc kết nối liên thông các phần mềm quản lý văn bản từ cấp xã đến cấp tỉnh "
        "để có giải pháp nâng cao tỷ lệ văn bản trao đổi giữa các cơ quan hành chính dưới dạng "
        "điện tử đạt trên 80% trở lên trong năm 2017.",
        DeadlineFinding(date(2017, 12, 31), "trong năm 2017", None, None),
    ),
    (
        "Tham mưu UBND tỉnh ban hành kế hoạch CCHC năm 2018 phù hợp, kịp thời. Tiếp tục theo dõi, "
        "tham mưu thực hiện tốt các nhiệm vụ về cải cách công vụ công chức, tổ chức bộ máy.",
        DeadlineFinding(None, None, None, None),
    ),
    (
        "Tham mưu UBND tỉnh thực hiện theo dõi, đánh giá và xếp loại kết quả thực hiện nhiệm vụ "
        "CCHC của các cơ quan, đơn vị trên địa bàn tỉnh năm 2017 theo hướng thực chất",
        DeadlineFinding(None, None, None, None),
    ),
    (
        "Chủ trì, phối hợp với các đơn vị liên quan tham mưu UBND tỉnh quán triệt thực hiện "
        "nghiêm Nghị quyết số 39-NQ/TW ngày 17/4/2015 của Bộ Chính trị về tinh giản biên chế và "
        "Chỉ thị số 02/CT-TTg ngày 06/01/2017 của Thủ tướng Chính phủ.",
        DeadlineFinding(None, None, None, None),
    ),
    (
        "Theo dõi, đôn đốc kết quả thực hiện của các đơn vị tại Thông báo này, định kỳ báo cáo "
        "kết quả về UBND tỉnh.",
        DeadlineFinding(None, None, None, None),
    ),
    (
        "Đánh giá tổng thể hạ tầng CNTT trên địa bàn tỉnh, tham mưu UBND tỉnh xây dựng các kế "
        "hoạch ứng dụng CNTT trên địa bàn tỉnh hàng năm phù hợp tình hình hạ tầng",
        DeadlineFinding(None, None, None, None),
    ),
]


@pytest.mark.parametrize(("text", "finding"), NOTICE_473)
def test_notice_473_of_dak_nong(text: str, finding: DeadlineFinding) -> None:
    assert find_deadline(text, ISSUED) == finding


def _decomposed(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize(
    "transform", [str.upper, _decomposed, lambda text: _decomposed(text.upper())]
)
@pytest.mark.parametrize(("text", "deadline", "phrase"), QUARTERS + EXACT_DATES + YEARS)
def test_any_case_composed_or_decomposed(
    transform: Callable[[str], str], text: str, deadline: date, phrase: str
) -> None:
    written = transform(text)
    finding = find_deadline(written, ISSUED)
    assert finding.deadline == deadline
    assert finding.phrase == transform(phrase)
    assert finding.phrase in written


def test_phrase_is_quoted_as_written_around_decomposed_text() -> None:
    text = _decomposed("Sở Nội vụ trình UBND tỉnh trong Quý III/2017 để thay thế")
    finding = find_deadline(text, ISSUED)
    assert finding.phrase == _decomposed("trong Quý III/2017")
    assert finding.deadline == date(2017, 9, 30)


def test_a_phrase_broken_across_lines() -> None:
    assert read("trình UBND tỉnh ban hành trong Quý\nIII/2017.") == (
        date(2017, 9, 30),
        "trong Quý\nIII/2017",
    )


def test_a_long_task_is_read_in_well_under_a_millisecond() -> None:
    text = " ".join(text for text, _ in NOTICE_473)
    text = (text * 3)[:2000]
    for written in (text, _decomposed(text)):
        best = min(timeit.repeat(partial(find_deadline, written, ISSUED), number=20, repeat=5))
        assert best / 20 < 0.001


# Issue 11: deadlines as a clerk reads them, measured on the corpus of late-2025 notices.
# Thursday 20 November 2025.
ISSUED_2025 = date(2025, 11, 20)
SATURDAY = date(2025, 11, 22)


@pytest.mark.parametrize(
    ("text", "issued_on", "deadline", "recurrence"),
    [
        # counted from the signing date
        ("báo cáo trong vòng 15 ngày", ISSUED_2025, date(2025, 12, 5), None),
        ("trong thời hạn 10 ngày", ISSUED_2025, date(2025, 11, 30), None),
        ("05 ngày làm việc kể từ ngày ban hành", ISSUED_2025, date(2025, 11, 27), None),
        # signed on a Saturday: the count starts on Monday
        ("chậm nhất 05 ngày làm việc kể từ ngày ban hành", SATURDAY, date(2025, 11, 28), None),
        ("trong 01 tháng kể từ ngày ký", ISSUED_2025, date(2025, 12, 20), None),
        # receipt of the notice itself is taken as its date
        (
            "trong thời hạn 10 ngày kể từ ngày nhận Kế hoạch này",
            date(2025, 11, 17),
            date(2025, 11, 27),
            None,
        ),
        ("hoàn thành trong tuần", ISSUED_2025, date(2025, 11, 21), None),  # its Friday
        ("báo cáo trong tuần tới", ISSUED_2025, date(2025, 11, 28), None),
        # recurrences naming their days: the first such day on or after the notice
        ("trước ngày 20 hằng tháng", ISSUED_2025, date(2025, 11, 20), "monthly"),
        ("trước ngày 15 hằng tháng", ISSUED_2025, date(2025, 12, 15), "monthly"),
        ("trước ngày 31 hằng tháng", date(2026, 2, 10), date(2026, 2, 28), "monthly"),
        ("trước ngày 30 tháng 11 hàng năm", ISSUED_2025, date(2025, 11, 30), "annual"),
        ("trước ngày 15/01 hằng năm", ISSUED_2025, date(2026, 1, 15), "annual"),
        ("trước ngày 15/6 và 15/12 hằng năm", ISSUED_2025, date(2025, 12, 15), "semiannual"),
        ("trước ngày 15 của tháng cuối quý", ISSUED_2025, date(2025, 12, 15), "quarterly"),
        ("Tháng 12 hằng năm", ISSUED_2025, date(2025, 12, 31), "annual"),
        ("tổ chức diễn tập tối thiểu 01 lần/năm", ISSUED_2025, None, "annual"),
        (
            "Hằng năm, căn cứ vào nội dung kế hoạch, các xã xây dựng dự toán kinh phí",
            ISSUED_2025,
            None,
            "annual",
        ),
        # a day and month without a year
        ("trước ngày 30/9", ISSUED_2025, date(2026, 9, 30), None),
        ("trước 15/01", ISSUED_2025, date(2026, 1, 15), None),
        # periods
        ("6 tháng đầu năm (2026)", ISSUED_2025, date(2026, 6, 30), None),
        ("trong 6 tháng cuối năm", date(2025, 3, 2), date(2025, 12, 31), None),
        ("hoàn thành quý I năm 2026", ISSUED_2025, date(2026, 3, 31), None),
        ("tổ chức tháng 12 năm 2025", ISSUED_2025, date(2025, 12, 31), None),
        ("hoàn thành trong năm 2025", ISSUED_2025, date(2025, 12, 31), None),
        ("đến năm 2026", ISSUED_2025, date(2026, 12, 31), None),  # near: a time limit
        ("đến đến hết năm 2025", ISSUED_2025, date(2025, 12, 31), None),
        ("trước ngày 31 tháng 12 năm 2025", ISSUED_2025, date(2025, 12, 31), None),
        # a span from one period to another ends with the second
        ("Quý IV/2025- Quý II/2026", ISSUED_2025, date(2026, 6, 30), None),
        ("từ tháng 10/2025 đến tháng 3/2026", ISSUED_2025, date(2026, 3, 31), None),
        ("trong năm 2025 - 2026", ISSUED_2025, date(2026, 12, 31), None),
        # the day of an event the work must be ready for
        ("khởi công dự án vào ngày 19 tháng 12 năm 2025", ISSUED_2025, date(2025, 12, 19), None),
        # a table's time cell holding only a date or a year
        ("01/01/2026", ISSUED_2025, date(2026, 1, 1), None),
        ("31/12/2025.", ISSUED_2025, date(2025, 12, 31), None),
        ("2025", ISSUED_2025, date(2025, 12, 31), None),
    ],
)
def test_deadlines_as_a_clerk_reads_them(
    text: str, issued_on: date, deadline: date | None, recurrence: str | None
) -> None:
    finding = find_deadline(text, issued_on)
    assert (finding.deadline, finding.recurrence) == (deadline, recurrence)
    assert finding.problem is None


@pytest.mark.parametrize(
    "text",
    [
        "thực hiện giai đoạn 2021–2025",
        "kế hoạch giai đoạn 2026 - 2030",
        "kế hoạch năm 2025-2026",  # a year range needs a lead word to be a time limit
        "quy hoạch thời kỳ 2021-2030, tầm nhìn đến năm 2050",
        "tầm nhìn đến 2045",
        "phấn đấu đến năm 2030 đạt 70% số xã",  # a target years ahead, not a time limit
        "rà soát Chiến lược dữ liệu đến năm 2030",
        "nhiệm kỳ 2025–2030",
        "quán triệt Nghị quyết số 57-NQ/TW ngày 22/12/2024",
        "thay thế Quyết định số 1118/QĐ-UBND ngày 03/6/2020",
        "theo Thông báo số 591/TB-VPCP ngày 31 tháng 10 năm 2025",
        "Công văn số 123/UBND-KT ngày 15/11/2025",
        "áp dụng từ ngày 01/01/2026",
        "bắt đầu từ tháng 12/2025",
        "kể từ ngày 01/7/2025",
        "triển khai từ quý I/2026",
        "Hội nghị đã tổ chức vào ngày 08/11/2025",  # an event already held
        "đạt 5.000 km vào năm 2030",
        "xây dựng kịch bản tăng trưởng cho những tháng cuối năm 2025",
        "không cấp phép đào đường trong giai đoạn cuối năm",
        "tổ chức trong tuần đầu tháng 12",
    ],
)
def test_never_deadlines(text: str) -> None:
    assert find_deadline(text, ISSUED_2025) == DeadlineFinding(None, None, None, None)


@pytest.mark.parametrize(
    ("text", "issued_on", "phrase", "note"),
    [
        (
            "giải quyết trong 10 ngày kể từ ngày nhận được hồ sơ hợp lệ",
            ISSUED_2025,
            "trong 10 ngày kể từ ngày nhận được hồ sơ hợp lệ",
            "Hạn tính từ một sự kiện (trong 10 ngày kể từ ngày nhận được hồ sơ hợp lệ): "
            "cần nhập tay",
        ),
        (
            "trình UBND tỉnh trong 05 ngày làm việc sau khi có ý kiến của Sở Tư pháp",
            ISSUED_2025,
            "trong 05 ngày làm việc sau khi có ý kiến của Sở Tư pháp",
            "Hạn tính từ một sự kiện (trong 05 ngày làm việc sau khi có ý kiến của Sở Tư "
            "pháp): cần nhập tay",
        ),
        (
            "báo cáo ngay sau khi có ý kiến của Thủ tướng",
            ISSUED_2025,
            "ngay sau khi có ý kiến của Thủ tướng",
            "Hạn tính từ một sự kiện (ngay sau khi có ý kiến của Thủ tướng): cần nhập tay",
        ),
        (
            "xong trước Tết Nguyên đán",
            ISSUED_2025,
            "xong trước Tết Nguyên đán",
            "Hạn theo Tết âm lịch (xong trước Tết Nguyên đán): cần nhập tay",
        ),
        (
            "hoàn thành trong tuần này",
            SATURDAY,
            "trong tuần này",
            "Không rõ tuần nào (trong tuần này): cần nhập tay",
        ),
    ],
)
def test_events_give_no_deadline_and_a_note(
    text: str, issued_on: date, phrase: str, note: str
) -> None:
    assert find_deadline(text, issued_on) == DeadlineFinding(None, phrase, None, note)


def test_an_event_beside_a_date_gives_the_date_and_no_note() -> None:
    text = "báo cáo trước ngày 30/11/2025; ngay sau khi có kết quả, gửi Sở Tài chính"
    assert find_deadline(text, ISSUED_2025) == DeadlineFinding(
        date(2025, 11, 30), "trước ngày 30/11/2025", None, None
    )


def test_several_schedules_give_the_first_ones_own_day_and_list_the_others() -> None:
    text = (
        "Định kỳ hàng tháng (trước ngày 16 hàng tháng), 6 tháng (trước ngày 16/6), "
        "tổng kết năm (trước ngày 20/11 hàng năm)"
    )
    assert find_deadline(text, ISSUED_2025) == DeadlineFinding(
        date(2025, 12, 16),  # not 20/11/2025, the earliest: the task is monthly
        "trước ngày 16 hàng tháng",
        "monthly",
        "Có nhiều thời hạn khác nhau: trước ngày 16 hàng tháng (16/12/2025), "
        "trước ngày 16/6 (16/06/2026), trước ngày 20/11 hàng năm (20/11/2025)",
    )
