"""A frozen report as a file: XLSX, DOCX or Markdown, with the province's heading.

The writers of Word and Excel files (python-docx, openpyxl and lxml: some 20 MB) are imported
when a file is asked for, here and in the views that send one, so that a web worker that never
sends one does not hold them.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from tracker.domain.report_narrative import narrative_for
from tracker.reports.figures_store import figures_from_json
from tracker.reports.issuer import ReportIssuer
from tracker.reports.models import Report
from tracker.reports.render_markdown import render_markdown

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


def render_report(
    report: Report, file_format: str, config: Mapping[str, Any], issued_on: date
) -> bytes:
    """A built report as "md", "xlsx", "docx", or "hai-chieu" (the two-way form, XLSX),
    with its narrative as edited; "DỰ THẢO" on the Word file until it is frozen."""
    if report.figures is None:
        raise ValueError(f"report {report.id} has no figures yet")
    figures = figures_from_json(report.figures)
    narrative = narrative_for(report.narrative, figures)
    if file_format == "md":
        return render_markdown(figures, narrative).encode("utf-8")
    issuer = issuer_from_config(config, issued_on)
    from tracker.reports.render_docx import render_docx
    from tracker.reports.render_two_way import render_two_way_xlsx
    from tracker.reports.render_xlsx import render_xlsx

    if file_format == "docx":
        return render_docx(figures, issuer, narrative, draft=not report.frozen)
    if file_format == "xlsx":
        return render_xlsx(figures, issuer)
    if file_format == "hai-chieu":
        return render_two_way_xlsx(figures, issuer)
    raise ValueError(f"unknown report format {file_format!r}")
