"""The directory's CSV format: BOM, quoting, either separator, row-numbered errors."""

from tracker.domain.agency_csv import HEADERS, AgencyRecord, read_agency_csv, write_agency_csv

KINDS = {"department": "Sở, ban, ngành", "district": "UBND cấp huyện"}
RECORDS = [
    AgencyRecord(
        code="svhttdl",
        name="Sở Văn hóa, Thể thao và Du lịch",
        short_name="Sở VHTT&DL",
        kind="department",
        active=True,
        groups=("so-ban-nganh", "bcd-cchc"),
        aliases=("Sở VHTTDL", 'Sở "Văn hóa"'),
    ),
    AgencyRecord(
        code="stttt",
        name="Sở Thông tin và Truyền thông",
        short_name=None,
        kind="department",
        active=False,
        successor_code="skhcn",
    ),
]


def test_the_file_starts_with_a_bom_and_reads_back_the_same() -> None:
    data = write_agency_csv(RECORDS, KINDS)
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0] == ",".join(HEADERS)
    assert '"Sở Văn hóa, Thể thao và Du lịch"' in text  # the comma is quoted
    records, errors = read_agency_csv(data, KINDS)
    assert errors == []
    assert [record for _, record in records] == RECORDS
    assert [line for line, _ in records] == [2, 3]


def test_excel_files_saved_with_semicolons_and_labels_in_any_case_are_read() -> None:
    text = ";".join(HEADERS) + "\r\nsnv;Sở Nội vụ;;sở, BAN, ngành;không;;;\r\n"
    records, errors = read_agency_csv(text.encode("utf-8"), KINDS)
    assert errors == []
    assert records[0][1] == AgencyRecord("snv", "Sở Nội vụ", None, "department", False)


def test_every_bad_row_is_named_by_its_line() -> None:
    rows = [
        ",".join(HEADERS),
        "snv,Sở Nội vụ,,Sở, ban, ngành,Có,,,",  # unquoted comma: too many columns
        "Mã sai!,,,Bộ,Có lẽ,,,",
        "stc,Sở Tài chính,,department,Có,,,",
        "",
        "stc,Sở Tài chính mới,STC,department,Có,,,",
    ]
    records, errors = read_agency_csv("\n".join(rows).encode("utf-8-sig"), KINDS)
    assert errors[0] == "Dòng 2: cần 8 cột, có 10 cột."
    assert [e for e in errors if e.startswith("Dòng 3")] == [
        "Dòng 3: mã phải có từ 1 đến 40 ký tự: chữ không dấu, số, “-”, “_” hoặc “.”.",
        "Dòng 3: tên cơ quan không được để trống và không quá 255 ký tự.",
        "Dòng 3: loại “Bộ” không có; dùng một trong: "
        "so, ban, nganh, ubnd cap huyen, department, district.",
        "Dòng 3: cột “Đang hoạt động” ghi “Có” hoặc “Không”.",
    ]
    assert errors[-1] == "Dòng 6: mã “stc” đã có ở dòng 4."
    assert [line for line, _ in records] == [4, 6]


def test_a_file_that_is_not_utf8_or_lacks_the_header_is_refused() -> None:
    assert "UTF-8" in read_agency_csv("Mã,Tên".encode("utf-16"), KINDS)[1][0]
    assert read_agency_csv(b"code,name\n", KINDS)[1][0].startswith("Dòng 1: tiêu đề cột")
