"""A frozen report as a file: XLSX, DOCX or Markdown, with the province's heading."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from tracker.domain.report_figures import ReportFigures
from tracker.reports.issuer import ReportIssuer
from tracker.reports.render_docx import render_docx
from tracker.reports.render_markdown import render_markdown
from tracker.reports.render_two_way import render_two_way_xlsx
from tracker.reports.render_xlsx import render_xlsx

MEDIA_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "md": "text/markdown; charset=utf-8",
}


def issuer_from_config(config: Mapping[str, Any], issued_on: date) -> ReportIssuer:
    province = config["PROVINCE_NAME"]
    return ReportIssuer(
        superior=f"UBND TỈNH {province.upper()}",
        body="VĂN PHÒNG",
        number_line="Số:       /BC-VPUBND",
        place=province,
        issued_on=issued_on,
        recipients=(
            "Chủ tịch, các Phó Chủ tịch UBND tỉnh",
            "Các Sở, Ban, ngành",
            "UBND các huyện, thị xã",
            "Lưu: VT, TH",
        ),
        signer_title=config["REPORT_SIGNER_TITLE"],
        signer_name=config["REPORT_SIGNER_NAME"],
    )


RENDERERS = {"xlsx": render_xlsx, "docx": render_docx, "hai-chieu": render_two_way_xlsx}


def render_report(
    figures: ReportFigures, file_format: str, config: Mapping[str, Any], issued_on: date
) -> bytes:
    """The report as "md", "xlsx", "docx", or "hai-chieu" (the two-way form, XLSX)."""
    if file_format == "md":
        return render_markdown(figures).encode("utf-8")
    return RENDERERS[file_format](figures, issuer_from_config(config, issued_on))
