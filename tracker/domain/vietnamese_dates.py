"""How Vietnamese administrative text writes dates and time limits: folding that keeps track of
positions, the shapes of deadline phrases (matched on folded text), and calendar periods.

What a phrase means for a task is decided in `tracker.domain.deadlines`; the named groups of the
shapes below are the contract between the two modules.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import chain, compress

# Every Vietnamese diacritic, once decomposed, is a combining mark in this block.
_FIRST_MARK, _LAST_MARK = "\u0300", "\u036f"


def _fold_char(char: str) -> str:
    if char in "đĐ":
        return "d"
    decomposed = unicodedata.normalize("NFD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _build_fold_table() -> list[int]:
    """For each code point below U+2100, the folded letter or the code point itself, and NUL
    for a combining mark (a NUL of the text becomes a space), so that the translated text lines
    up with the original character for character. A list indexed by code point translates twice
    as fast as a dict; characters beyond it raise IndexError, which str.translate reads as
    "leave unchanged"."""
    table = list(range(0x2100))
    table[0] = ord(" ")
    for code in range(ord(_FIRST_MARK), ord(_LAST_MARK) + 1):
        table[code] = 0
    # Basic Latin capitals, Latin-1, Latin Extended-A and -B, Latin Extended Additional (ệ, ữ...)
    for code in chain(range(0x41, 0x5B), range(0xC0, 0x250), range(0x1E00, 0x1F00)):
        if len(folded := _fold_char(chr(code))) == 1:
            table[code] = ord(folded)
    return table


_FOLD_TABLE = _build_fold_table()


class FoldedText:
    """A text lowercased and stripped of diacritics ("Quý III" -> "quy iii"), able to quote a
    match in the folded text as originally written."""

    def __init__(self, original: str) -> None:
        self.original = original
        self._aligned = original.translate(_FOLD_TABLE)  # marks of decomposed text still NULs
        self.folded = self._aligned.replace("\0", "")
        self._origins: list[int] | None = None  # original index of each folded character

    def quote(self, start: int, end: int) -> str:
        """The original text behind folded[start:end], with any trailing combining marks."""
        if len(self.folded) == len(self.original):
            return self.original[start:end]
        if self._origins is None:
            # NUL (a mark) encodes to a zero byte, every other character to a non-zero one.
            kept = self._aligned.encode("latin-1", "replace")
            self._origins = list(compress(range(len(kept)), kept))
        first, last = self._origins[start], self._origins[end - 1] + 1
        while last < len(self.original) and _FIRST_MARK <= self.original[last] <= _LAST_MARK:
            last += 1
        return self.original[first:last]


# The words before a shape are looked for this far back at most.
_BEFORE_WINDOW = 40


@dataclass(frozen=True)
class Shape:
    """A phrase shape, split for speed: `core` starts with a key word or a digit, so that `re`
    jumps from one occurrence to the next instead of trying every position; `before` reads the
    words just before a core occurrence ("trong" in "trong Quý III/2017"). When `before` does
    not match, the occurrence is not this shape; make it optional to accept a bare core."""

    core: re.Pattern[str]
    before: re.Pattern[str] | None = None

    def find(self, folded: str) -> Iterator[tuple[int, int, dict[str, str | None]]]:
        """Each occurrence as (start, end, named groups of both parts)."""
        for core in self.core.finditer(folded):
            start, end = core.span()
            if self.before is None:
                yield start, end, core.groupdict()
                continue
            before = self.before.search(folded, max(0, start - _BEFORE_WINDOW), start)
            if before is not None:
                yield before.start(), end, before.groupdict() | core.groupdict()


def _pattern(source: str) -> re.Pattern[str]:
    # Verbose: layout is ignored, so "\s+" stands for every space.
    return re.compile(source, re.VERBOSE)


def _words_before(source: str, *, optional: bool = False) -> re.Pattern[str]:
    """`source` starting at a word boundary and ending exactly where the core starts; with
    `optional`, nothing at all is accepted too."""
    pattern = rf"(?<!\w) (?: {source} ) \Z"
    return _pattern(rf"(?: {pattern} | \Z )" if optional else pattern)


def _word(word: str) -> str:
    # The key word, checked afterwards not to end a longer word ("hang" in "thang").
    return rf"{word} (?<! \w{word} )"


# Fragments. "hàng" and "hằng" both fold to "hang", "sáu" (six) to "sau". A first digit is
# checked after it not to be glued to a word or a number, which keeps `re` fast.
_FIRST_DIGIT = r"[0-9] (?<![\w/.,-][0-9])"
# "15/8/2019", "15-08-2019", "30/6", "15 tháng 8 năm 2019": the year comes after the same
# separator as the month, or after "năm" when the month was written "tháng 8".
_DATE = rf"""(?P<day> {_FIRST_DIGIT} [0-9]? ) (?: (?P<sep> [/.-] ) | \s+thang\s+ )
    (?P<month> \d{{1,2}} ) (?: (?(sep) (?P=sep) | \s* (?: ,?\s*nam\s+ | / ) ) (?P<year> \d{{4}} ) )?
    (?! [/.-]? \d )"""
_EVERY = r"(?: hang | moi )"
_PERIOD_LEAD = r"(?P<lead> truoc | trong | den\s+het | den\s+cuoi | den | cuoi | het ) \s+"
_DURATION_LEAD = r"""(?P<lead> trong (?: \s+ (?: thoi\s+han | vong | thoi\s+gian | khoang ) )?
    | sau | cham\s+nhat (?: \s+la )? | khong\s+qua | toi\s+da ) \s+"""
_DEADLINE_WORD = r"""(?P<keyword> truoc | cham\s+nhat | muon\s+nhat | han\s+chot | han\s+cuoi
    | thoi\s+han (?: \s+hoan\s+thanh )? | khong\s+qua | khong\s+muon\s+hon
    | (?: xong | hoan\s+thanh ) \s+ (?: vao | trong ) | (?P<on> vao ) )
    (?: \s+ (?: la | vao ) )? \s* :? \s*"""
_YEAR_AFTER = r"(?: \s* (?: / | - | ,?\s*nam ) \s* (?P<year> \d{4} ) (?!\d) )?"

# Spans that never hold a deadline: "giai đoạn 2016-2020", "năm 2017 và các năm tiếp theo".
IGNORED = Shape(
    _pattern(rf"""{_FIRST_DIGIT} [0-9]{{3}}
        (?: \s* (?: - | – | — | den | toi ) \s* (?: nam\s+ )? \d{{4}} (?!\d)
          | \s*,?\s+ va \s+ (?: cac | nhung ) \s+nam\s+
            (?: tiep\s+theo | tiep | sau | toi ) \b )""")
)

# Spans that name a horizon or a part of the year, not a time limit: "tầm nhìn đến năm 2050",
# "những tháng cuối năm 2025", "giai đoạn cuối năm".
SPANS = (
    *(
        Shape(_pattern(rf"{words} \s+ (?: den | toi ) \s+ (?: nam\s+ )? \d{{4}} (?!\d)"))
        for words in (r"tam\s+nhin", r"dinh\s+huong")
    ),
    Shape(
        _pattern(rf"{_word('thang')} \s+ (?: dau | cuoi ) \s+ nam \b (?: \s+ \d{{4}} (?!\d) )?"),
        _words_before(r"(?: nhung | cac | may ) \s+"),
    ),
    Shape(_pattern(r"giai\s+doan \s+ (?: dau | cuoi ) \s+ nam \b (?: \s+ \d{4} (?!\d) )?")),
)
# Start dates and periods: "từ ngày 01/01/2026", "bắt đầu từ tháng 7/2025", "kể từ quý III/2025"
# (not "đầu tư năm 2026").
_STARTED = rf"""(?: ngay\s+ )? (?: {_DATE} | (?: quy | thang ) \s+ [0-9ivx]{{1,3}} \b
        (?: \s* (?: / | - | ,?\s*nam ) \s* \d{{4}} (?!\d) )? | nam \s+ \d{{4}} (?!\d) )"""
STARTS = (
    Shape(_pattern(rf"{_word('tu')} (?<! dau\stu ) \s+ {_STARTED}")),
    Shape(_pattern(rf"bat\s+dau \s+ (?: tu\s+ )? {_STARTED}")),
)

# Recurrences, in the order they are tried; group `unit` (thang, quy, nam, tuan) or `months`
# (a count of months) and, for "hằng"/"mỗi", `once` when "một lần" follows.
RECURRENCES = (
    Shape(  # "định kỳ hằng quý", "định kỳ 6 tháng"; not "định kỳ năm 2021"
        _pattern(rf"""{_word("dinh")} \s+ky \s+ (?: {_EVERY}\s+ )?
            (?: (?P<unit> thang | quy | nam | tuan ) \b (?! \s* [/-]? \s* \d )
              | (?P<months> \d{{1,2}} | mot | ba | sau ) \s+thang\b )""")
    ),
    Shape(  # "trước ngày 20 hằng quý": a day without its month
        _pattern(rf"""{_word("ngay")} \s+ \d{{1,2}} \s+ (?: cua\s+ )? {_EVERY} \s+
            (?P<unit> quy ) \b""")
    ),
    Shape(  # "tối thiểu 01 lần/năm"
        _pattern(r"lan \s* / \s* (?P<unit> thang | quy | nam ) \b"),
        _words_before(r"(?: mot | 0?1 ) \s+"),
    ),
    Shape(  # "06 tháng một lần", "6 tháng/lần"
        _pattern(rf"{_word('thang')} \s* (?: / \s* | (?: mot | 1 ) \s+ ) lan \b"),
        _words_before(r"(?P<months> \d{1,2} | mot | ba | sau ) \s+"),
    ),
    *(
        Shape(  # "hằng quý", "mỗi năm một lần"
            _pattern(rf"""{_word(every)} \s+ (?P<unit> thang | quy | nam | tuan ) \b
                (?! \s* [/-]? \s* \d ) (?P<once> \s+ (?: mot | 1 ) \s+ lan \b )?""")
        )
        for every in ("hang", "moi")
    ),
)
# Recurrences that name their days, read in this order: "trước ngày 20 hằng tháng" (group
# `day`), "ngày 15 của tháng cuối quý" (`day`), "trước ngày 15/6 và 15/12 hằng năm" (`dates`:
# day and month pairs), "tháng 12 hằng năm" (`month`).
_BY_DAY = _words_before(r"(?: truoc | cham\s+nhat (?: \s+la )? | khong\s+qua ) \s+", optional=True)
_DAY_MONTH = r"\d{1,2} \s* (?: / | - | \s+thang\s+ ) \s* \d{1,2}"
MONTHLY_DAY = Shape(
    _pattern(rf"""{_word("ngay")} \s+ (?P<day> \d{{1,2}} ) \s+ (?: cua\s+ )? {_EVERY} \s+
        thang \b (?! \s* [/-]? \s* \d )"""),
    _BY_DAY,
)
QUARTERLY_DAY = Shape(
    _pattern(rf"""{_word("ngay")} \s+ (?P<day> \d{{1,2}} ) \s+ (?: cua\s+ )? thang \s+ cuoi \s+
        (?: cua\s+ )? (?: {_EVERY} \s+ )? quy \b"""),
    _BY_DAY,
)
YEARLY_DAYS = Shape(
    _pattern(rf"""{_word("ngay")} \s+ (?P<dates> {_DAY_MONTH}
        (?: \s* (?: , | va | ; ) \s* (?: ngay\s+ )? {_DAY_MONTH} )* )
        \s+ (?: cua\s+ )? {_EVERY} \s+ nam \b"""),
    _BY_DAY,
)
YEARLY_MONTH = Shape(
    _pattern(rf"{_word('thang')} \s+ (?P<month> \d{{1,2}} ) \s+ {_EVERY} \s+ nam \b")
)
DAY_MONTH = _pattern(r"(\d{1,2}) \s* (?: / | - | \s+thang\s+ ) \s* (\d{1,2})")

REPORTING_VERB = _pattern(r"\b (?: bao\s+cao | tong\s+hop | gui ) \b")

# What happens, up to the end of its clause: "(sau khi) có ý kiến của Thủ tướng".
_EVENT_WORDS = r"\b (?: \s+ [^\s,.;:()]+ ){1,8}"
# The notice itself, whose receipt is taken as its date ("kể từ ngày nhận được văn bản",
# "kể từ ngày nhận Kế hoạch này"): its kind, then "này" or the end of the clause.
_NOTICE_NOUN = r"""(?: van\s+ban | thong\s+bao | ke\s+hoach | chi\s+thi | quyet\s+dinh | cong\s+van
    | cong\s+dien )"""
_THIS_NOTICE = rf"{_NOTICE_NOUN} (?: \s+ nay \b | \s* (?: [,.;:)\n] | \Z ) )"

# "trong 15 ngày kể từ ngày ký", "10 ngày làm việc", "trong vòng 02 tháng"; groups `lead`,
# `count`, `unit`, `since` and, for "kể từ ngày 01/8/2019", those of a date.
DURATION = Shape(
    _pattern(rf"""(?P<count> {_FIRST_DIGIT} [0-9]{{0,2}} ) \s+
        (?P<unit> ngay\s+lam\s+viec | ngay (?!\s+lam\s+viec) | tuan | thang ) \b
        (?! \s* [/.-]? \s* \d | \s+ (?: qua | gan\s+day | truoc | dau | cuoi | nua | tiep ) )
        (?! \s*,?\s* ke\s+tu\s+khi \b )  # a standing rule: "kể từ khi nhận đủ hồ sơ"
        (?: (?P<since> \s*,?\s* ke\s+tu\s+
            (?: (?: ngay\s+ )? {_DATE}
              | ngay (?: \s+[\w/-]+ ){{0,6}}? \s+ (?: ky | ban\s+hanh ) \b
              | ngay \s+ nhan (?: \s+duoc )? (?= \s+ {_THIS_NOTICE} ) )
            (?: \s+ {_NOTICE_NOUN} \s+ nay \b )? )
          | (?P<event> \s*,?\s*
            (?: ke\s+tu\s+ngay | tinh\s+tu\s+ngay | (?: ngay\s+ )? sau\s+khi )
            {_EVENT_WORDS} ) )?"""),
    _words_before(_DURATION_LEAD, optional=True),
)

# A calendar day; group `keyword` when a deadline word comes before it ("trước ngày 15/8/2019"),
# None for a cited document's date ("Quyết định số 1076/QĐ-UBND, ngày 30/6/2016").
DATE = Shape(
    _pattern(_DATE),
    _pattern(rf"(?: (?<!\w) {_DEADLINE_WORD} )? (?: (?<!\w) ngay \s+ )? \Z"),
)

# Periods: an optional `lead` word before, and a `year` group.
_HALF_YEAR = r"""\s+ (?P<half> dau | cuoi ) \s+nam \b
    (?: \s* \(? \s* (?P<year> \d{4} ) (?!\d) (?: \s* \) )? )?"""
HALF_YEARS = (  # "6 tháng cuối năm 2017", "trong nửa đầu năm"
    Shape(
        _pattern(rf"{_word('thang')} {_HALF_YEAR}"),
        _words_before(rf"(?: {_PERIOD_LEAD} )? (?: 0?6 | sau ) \s+"),
    ),
    Shape(_pattern(rf"{_word('nua')} {_HALF_YEAR}"), _words_before(_PERIOD_LEAD, optional=True)),
)
QUARTER = Shape(
    _pattern(rf"{_word('quy')} \s+ (?P<quarter> iv | iii | ii | i | [1-4] ) \b {_YEAR_AFTER}"),
    _words_before(_PERIOD_LEAD, optional=True),
)
MONTH = Shape(
    _pattern(rf"{_word('thang')} \s+ (?P<month> \d{{1,2}} ) (?!\d) {_YEAR_AFTER} (?! [/.-]? \d )"),
    _words_before(_PERIOD_LEAD, optional=True),
)
YEAR = Shape(  # "trong năm 2017", "đến năm 2018", a bare "trong năm"; not "trong năm qua"
    _pattern(r"""nam \b (?: \s+ (?P<year> \d{4} ) (?!\d) | \s+ (?P<this> nay ) \b
        | (?! \s+ (?: qua | hoc | truoc | toi | sau | dau | cuoi | nua | \d ) ) )"""),
    _words_before(_PERIOD_LEAD),
)

# Spans "from one period to another", read as the end of the second: "Quý IV/2025 - Quý II/2026",
# "từ tháng 10 đến tháng 12/2025" is not one (the first has no year); "trong năm 2025 - 2026"
# needs its lead word, unlike "giai đoạn 2021-2025" or "kế hoạch năm 2025-2026", which are names.
_TO = r"\s* (?: - | – | — | den | toi ) \s*"
_QUARTER_NAME = r"(?: iv | iii | ii | i | [1-4] ) \b"
_YEAR_OF_PERIOD = r"\s* (?: / | - | ,?\s*nam ) \s*"
QUARTER_RANGE = Shape(
    _pattern(rf"""{_word("quy")} \s+ {_QUARTER_NAME} {_YEAR_OF_PERIOD} \d{{4}} (?!\d) {_TO}
        quy \s+ (?P<quarter> {_QUARTER_NAME} ) {_YEAR_OF_PERIOD} (?P<year> \d{{4}} ) (?!\d)""")
)
MONTH_RANGE = Shape(
    _pattern(rf"""{_word("thang")} \s+ \d{{1,2}} {_YEAR_OF_PERIOD} \d{{4}} (?!\d) {_TO}
        thang \s+ (?P<month> \d{{1,2}} ) {_YEAR_OF_PERIOD} (?P<year> \d{{4}} ) (?!\d)""")
)
YEAR_RANGE = Shape(
    _pattern(rf"nam \s+ \d{{4}} {_TO} (?: nam\s+ )? (?P<year> \d{{4}} ) (?!\d)"),
    _words_before(_PERIOD_LEAD),
)

# A text that is nothing but a date or a year: a table's time cell ("01/01/2026", "2025").
WHOLE_DATE = Shape(_pattern(rf"\A [\s*_]* {_DATE} [\s*_.;]* \Z"))
WHOLE_YEAR = Shape(_pattern(r"\A [\s*_]* (?P<year> (?: 19 | 20 ) \d\d ) [\s*_.;]* \Z"))

# "trong tuần", "trong tuần này", "trong tuần tới"; not "trong tuần đầu tháng 12".
WEEK = Shape(
    _pattern(rf"""{_word("tuan")} \b (?: \s+ (?P<next> toi | sau | tiep\s+theo ) \b | \s+ nay \b
        | (?! \s+ (?: le | dau | cuoi | qua | truoc | thu | \d ) ) )"""),
    _words_before(r"(?P<lead> trong ) \s+"),
)

# Time limits counted from an event, which only a person can date: "ngay sau khi ...", "sau khi
# có ý kiến ...", "kể từ ngày nhận được hồ sơ ..." (a count of days before them is read by
# DURATION); and the lunar New Year, whose date the holidays do not name.
EVENTS = (
    Shape(_pattern(rf"sau\s+khi {_EVENT_WORDS}"), _words_before(r"ngay \s+")),
    Shape(_pattern(rf"sau\s+khi\s+ (?: co | duoc | nhan\s+duoc ) {_EVENT_WORDS}")),
    Shape(_pattern(rf"ke\s+tu\s+ngay\s+nhan\s+duoc {_EVENT_WORDS}")),
)
LUNAR_NEW_YEAR = Shape(
    _pattern(rf"""{_word("tet")} \b (?! \s+ duong\s+lich )
        (?: \s+ (?: nguyen\s+dan | am\s+lich | co\s+truyen ) \b )? (?: \s+ \d{{4}} (?!\d) )?"""),
    _words_before(r"(?: truoc | den | cham\s+nhat | xong\s+truoc ) \s+ (?: dip\s+ )?"),
)

_ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def quarter_number(numeral: str) -> int:
    """1 to 4 from a folded Roman ("iii") or Arabic ("3") numeral."""
    return _ROMAN_QUARTERS.get(numeral) or int(numeral)


@dataclass(frozen=True)
class Period:
    """A span of calendar days, both ends included."""

    first_day: date
    last_day: date


def month_period(year: int, month: int) -> Period:
    """The whole month; ValueError for a month outside 1-12."""
    last = calendar.monthrange(year, month)[1]
    return Period(date(year, month, 1), date(year, month, last))


def quarter_period(year: int, quarter: int) -> Period:
    """Quarter 1-4 of the year."""
    first, last = month_period(year, 3 * quarter - 2), month_period(year, 3 * quarter)
    return Period(first.first_day, last.last_day)


def half_year_period(year: int, *, second_half: bool) -> Period:
    """January-June or July-December."""
    if second_half:
        return Period(date(year, 7, 1), date(year, 12, 31))
    return Period(date(year, 1, 1), date(year, 6, 30))


def year_period(year: int) -> Period:
    """The calendar year."""
    return Period(date(year, 1, 1), date(year, 12, 31))


def add_months(start: date, months: int) -> date:
    """The same day `months` later, or the last day of that month when it is shorter
    (31/01 + 1 month -> 28/02 or 29/02), as the Civil Code counts a period in months."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def day_before(day: date) -> date:
    """The previous calendar day."""
    return day - timedelta(days=1)
