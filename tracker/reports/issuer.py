"""Who issues a report: the heading, number, place, date and signature of an official
document (Nghị định 30/2020)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class ReportIssuer:
    """The issuing office as the document's heading and signature block show it.

    Example: superior "UBND TỈNH ĐẮK NÔNG", body "VĂN PHÒNG", number_line
    "Số:      /BC-VPUBND" (the sequence is filled in by the clerk's office when the report is
    registered), place "Đắk Nông", signer_title "CHÁNH VĂN PHÒNG". Recipients are listed under
    "Nơi nhận:" as given, e.g. ("Chủ tịch, các PCT UBND tỉnh", "Lưu: VT, TH").
    """

    superior: str
    body: str
    number_line: str
    place: str
    issued_on: date
    recipients: tuple[str, ...]
    signer_title: str
    signer_name: str

    @property
    def office(self) -> str:
        """The office on one line: "UBND TỈNH ĐẮK NÔNG - VĂN PHÒNG"."""
        return f"{self.superior} - {self.body}"
