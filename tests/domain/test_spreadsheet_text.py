"""Text that opens like a formula is written for a spreadsheet as text, and read back as it
was; signed numbers stay numbers."""

import pytest

from tracker.domain.agency_csv import AgencyRecord, read_agency_csv, write_agency_csv
from tracker.domain.spreadsheet_text import (
    FORMULA_STARTS,
    from_spreadsheet,
    spreadsheet_safe,
    starts_like_formula,
)

KINDS = {"department": "Sở, ban, ngành"}


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_a_formula_start_gains_the_text_mark_and_loses_it_on_reading(start: str) -> None:
    value = f'{start}HYPERLINK("http://example.com","Sở Nội vụ")'
    assert starts_like_formula(value)
    assert spreadsheet_safe(value) == "'" + value
    assert from_spreadsheet(spreadsheet_safe(value)) == value


@pytest.mark.parametrize(
    "value", ["Sở Nội vụ", "", "-5", "+12", "-1.234,5", "87,27%", "a=b", "'quoted", "''"]
)
def test_other_text_and_signed_numbers_read_back_unchanged(value: str) -> None:
    assert not starts_like_formula(value)
    assert from_spreadsheet(spreadsheet_safe(value)) == value


def test_plain_text_and_numbers_are_written_as_they_are() -> None:
    assert spreadsheet_safe("Sở Nội vụ") == "Sở Nội vụ"
    assert spreadsheet_safe("-5") == "-5"
    assert spreadsheet_safe("-1+1") == "'-1+1"
    assert from_spreadsheet("'abc") == "'abc"  # a mark this module did not write stays


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_the_directory_csv_writes_formula_names_as_text_and_reads_them_back(start: str) -> None:
    record = AgencyRecord(
        code="snv",
        name=f"{start}1+1 Sở Nội vụ",
        short_name=f"{start}SNV",
        kind="department",
        active=True,
        groups=(f"{start}nhom",),
        aliases=(f"{start}Nội vụ", "Sở NV"),
    )
    data = write_agency_csv([record], KINDS)
    row = data.decode("utf-8-sig").splitlines()[1]
    assert row.startswith(f"snv,'{start}1+1 Sở Nội vụ,'{start}SNV,")
    assert f",'{start}nhom,'{start}Nội vụ; Sở NV," in row
    records, errors = read_agency_csv(data, KINDS)
    assert errors == []
    assert [read for _, read in records] == [record]
