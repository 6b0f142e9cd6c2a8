"""The agency directory as a CSV file that Excel opens with its Vietnamese text intact.

Written as UTF-8 with a byte-order mark (Excel reads a CSV without one in the machine's
legacy code page and garbles "Sở"), comma-separated, every field quoted by the csv module
when it holds a comma, a quote or a line break. Lists inside a cell (groups, aliases) are
separated by "; ". Excel set to Vietnamese regional settings saves CSV with ";" between
fields, so reading accepts either separator, told apart by the header line. A cell that a
spreadsheet would run as a formula ("=...", "-...") is written as text, with the leading
apostrophe of tracker/domain/spreadsheet_text.py, and read back as it was.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from tracker.domain.spreadsheet_text import from_spreadsheet, spreadsheet_safe
from tracker.domain.text import fold

HEADERS = (
    "Mã",
    "Tên cơ quan",
    "Tên viết tắt",
    "Loại",
    "Đang hoạt động",
    "Nhóm",
    "Tên gọi khác",
    "Mã cơ quan kế thừa",
)
LIST_SEPARATOR = "; "
YES, NO = "Có", "Không"
_YES_WORDS = {"co", "x", "1", "true"}
_NO_WORDS = {"khong", "0", "false"}
_CODE = re.compile(r"[a-z0-9][a-z0-9_.-]{0,39}")
MAX_ROWS = 5000


@dataclass(frozen=True)
class AgencyRecord:
    """One agency as a CSV row holds it; `kind` is the stored value, not the label."""

    code: str
    name: str
    short_name: str | None
    kind: str
    active: bool
    groups: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    successor_code: str | None = None


def write_agency_csv(records: Iterable[AgencyRecord], kind_labels: Mapping[str, str]) -> bytes:
    """The records as CSV bytes, BOM first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADERS)
    for record in records:
        cells = (
            record.code,
            record.name,
            record.short_name or "",
            kind_labels[record.kind],
            YES if record.active else NO,
            LIST_SEPARATOR.join(record.groups),
            LIST_SEPARATOR.join(record.aliases),
            record.successor_code or "",
        )
        writer.writerow(spreadsheet_safe(cell) for cell in cells)
    return buffer.getvalue().encode("utf-8-sig")


def read_agency_csv(
    data: bytes, kind_labels: Mapping[str, str]
) -> tuple[list[tuple[int, AgencyRecord]], list[str]]:
    """The records of a CSV file with their line numbers (the header is line 1, as Excel
    numbers rows) and, for every bad row, a message naming its line. Any message means
    nothing should be saved."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], ["Tệp không phải văn bản UTF-8: hãy lưu lại bằng “CSV UTF-8” trong Excel."]
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    if not rows or [fold(cell) for cell in rows[0]] != [fold(h) for h in HEADERS]:
        return [], [f"Dòng 1: tiêu đề cột phải là: {', '.join(HEADERS)}."]
    if len(rows) - 1 > MAX_ROWS:
        return [], [f"Tệp có quá {MAX_ROWS} dòng."]
    kinds = {fold(label): value for value, label in kind_labels.items()}
    kinds.update({value: value for value in kind_labels})
    records: list[tuple[int, AgencyRecord]] = []
    errors: list[str] = []
    for line, row in enumerate(rows[1:], 2):
        if not any(cell.strip() for cell in row):
            continue
        record, problems = _record(row, kinds)
        errors += [f"Dòng {line}: {problem}" for problem in problems]
        if record is not None:
            records.append((line, record))
    errors += _duplicates(records)
    return records, errors


def _record(row: list[str], kinds: Mapping[str, str]) -> tuple[AgencyRecord | None, list[str]]:
    if len(row) != len(HEADERS):
        return None, [f"cần {len(HEADERS)} cột, có {len(row)} cột."]
    code, name, short_name, kind, active, groups, aliases, successor = (
        from_spreadsheet(cell.strip()) for cell in row
    )
    code = code.lower()
    problems = []
    if not _CODE.fullmatch(code):
        problems.append("mã phải có từ 1 đến 40 ký tự: chữ không dấu, số, “-”, “_” hoặc “.”.")
    if not name or len(name) > 255:
        problems.append("tên cơ quan không được để trống và không quá 255 ký tự.")
    if len(short_name) > 80:
        problems.append("tên viết tắt không quá 80 ký tự.")
    if fold(kind) not in kinds:
        problems.append(f"loại “{kind}” không có; dùng một trong: {', '.join(kinds)}.")
    if fold(active) not in _YES_WORDS | _NO_WORDS | {""}:
        problems.append(f"cột “Đang hoạt động” ghi “{YES}” hoặc “{NO}”.")
    if problems:
        return None, problems
    return AgencyRecord(
        code=code,
        name=name,
        short_name=short_name or None,
        kind=kinds[fold(kind)],
        active=fold(active) not in _NO_WORDS,
        groups=_split_list(groups, lower=True),
        aliases=_split_list(aliases),
        successor_code=successor.lower() or None,
    ), []


def _split_list(cell: str, *, lower: bool = False) -> tuple[str, ...]:
    items = (item.strip() for item in cell.split(LIST_SEPARATOR.strip()))
    return tuple(item.lower() if lower else item for item in items if item)


def _duplicates(records: list[tuple[int, AgencyRecord]]) -> list[str]:
    """Codes, names or spellings given to two rows of the file."""
    first_line: dict[str, int] = {}
    errors = []
    for line, record in records:
        names = {fold(s): s for s in (record.name, record.short_name, *record.aliases) if s}
        checks = [(f"code:{record.code}", f"mã “{record.code}”")]
        checks += [(f"name:{folded}", f"tên “{name}”") for folded, name in names.items()]
        for key, shown in checks:
            first = first_line.setdefault(key, line)
            if first != line:
                errors.append(f"Dòng {line}: {shown} đã có ở dòng {first}.")
    return errors
