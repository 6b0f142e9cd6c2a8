"""The directory as a CSV file: download it, or upload one to create and update agencies."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from tracker.access import role_required
from tracker.agencies.csv_io import export_csv, import_csv
from tracker.agencies.forms import CSV_MAX_BYTES, ImportForm
from tracker.agencies.services import DirectoryError
from tracker.auth.models import Role
from tracker.clock import today
from tracker.domain.formatting import vn_number
from tracker.extensions import db

blueprint = Blueprint("agency_csv", __name__, url_prefix="/quan-tri/co-quan")


@blueprint.route("/xuat-csv")
@role_required(Role.ADMIN)
def export() -> Response:
    name = f"danh-ba-co-quan-{today().isoformat()}.csv"
    return Response(
        export_csv(db.session()),
        mimetype="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@blueprint.route("/nhap-csv", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def upload() -> str | Response | tuple[str, int]:
    form = ImportForm()
    problems: list[str] = []
    if form.validate_on_submit():
        with form.document.data.stream as stream:  # a large upload is a temporary file
            data = stream.read(CSV_MAX_BYTES + 1)
        if len(data) > CSV_MAX_BYTES:
            problems = [f"Tệp quá lớn: tối đa {vn_number(CSV_MAX_BYTES // 1024)} KB."]
        else:
            try:
                summary = import_csv(db.session(), data, current_user)
            except DirectoryError as error:
                db.session.rollback()
                problems = error.problems
            else:
                db.session.commit()
                flash(
                    f"Đã nhập danh bạ: thêm {summary.created}, cập nhật {summary.updated} cơ quan.",
                    "info",
                )
                return redirect(url_for("agencies.agency_index"))
    status = 400 if problems or form.errors else 200
    return render_template("agencies/import.html", form=form, problems=problems), status
