"""Entering a notice and reviewing its split (the secretariat's screens)."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from tracker.access import NOTICE_EDITORS, get_draft_notice_or_404, role_required
from tracker.admin.models import holiday_dates
from tracker.clock import today
from tracker.domain.markdown import render_markdown
from tracker.extensions import db
from tracker.jobs.notifications import send_out_soon
from tracker.notices.forms import NoticeEntryForm, NoticeReviewForm
from tracker.notices.models import Notice
from tracker.notices.readers import UnreadableDocumentError, read_document
from tracker.notices.review_actions import run_action
from tracker.notices.review_form import fill_review_form, review_edits, unknown_name_suggestions
from tracker.notices.services import DuplicateNoticeError, create_draft, delete_draft
from tracker.tasks.amendments import proposed_links

blueprint = Blueprint("notice_entry", __name__, url_prefix="/thong-bao")


@blueprint.route("/moi", methods=["GET", "POST"])
@role_required(*NOTICE_EDITORS)
def new_notice() -> str | Response | tuple[str, int]:
    form = NoticeEntryForm()
    if not form.validate_on_submit():
        return render_template("notices/new.html", form=form)
    try:
        text, source_name = _submitted_text(form)
    except UnreadableDocumentError as error:
        form.document.errors = [error.message_vi]
        return render_template("notices/new.html", form=form), 400
    try:
        notice, parsed = create_draft(
            db.session(),
            text=text,
            source_name=source_name,
            author=current_user,
            today=today(),
            holidays=holiday_dates(db.session()),
        )
    except DuplicateNoticeError as duplicate:
        db.session.rollback()
        existing = duplicate.existing
        flash(
            f"Văn bản số {existing.number} năm {existing.issued_year} đã được nhập trước đây; "
            "không tạo bản trùng.",
            "error",
        )
        return redirect(url_for("notices.notice_detail", notice_id=existing.id))
    db.session.commit()
    for problem in parsed.problems:
        flash(problem, "warning")
    skipped = (
        f" Có {len(parsed.skipped)} đoạn có dấu hiệu giao việc nhưng chưa tạo nhiệm vụ."
        if parsed.skipped
        else ""
    )
    flash(
        f"Đã đọc văn bản: đề xuất {len(parsed.tasks)} nhiệm vụ.{skipped} "
        "Vui lòng kiểm tra trước khi ban hành.",
        "info",
    )
    return redirect(url_for("notice_entry.review", notice_id=notice.id))


def _submitted_text(form: NoticeEntryForm) -> tuple[str, str | None]:
    upload = form.document.data
    if upload and upload.filename:
        content = upload.read()
        return read_document(
            upload.filename, content, current_app.config["UPLOAD_MAX_BYTES"]
        ), upload.filename
    pasted = (form.text.data or "").strip()
    if not pasted:
        raise UnreadableDocumentError(
            "Vui lòng dán toàn văn hoặc chọn một tệp để tải lên.", "No text and no file given."
        )
    return read_document("van-ban.txt", pasted.encode("utf-8")), None


@blueprint.route("/<id:notice_id>/xoa", methods=["POST"])
@role_required(*NOTICE_EDITORS)
def delete(notice_id: int) -> Response:
    """Delete a draft the secretariat will not publish."""
    notice = get_draft_notice_or_404(current_user, notice_id)
    name = f"{notice.kind.label} {notice.number or '(chưa có số)'}"
    delete_draft(db.session(), notice, current_user)
    db.session.commit()
    flash(f"Đã xóa bản nháp {name}.", "info")
    return redirect(url_for("dashboard.home"))


@blueprint.route("/<id:notice_id>/xem-xet", methods=["GET", "POST"])
@role_required(*NOTICE_EDITORS)
def review(notice_id: int) -> str | Response | tuple[str, int]:
    notice = get_draft_notice_or_404(current_user, notice_id)
    form = NoticeReviewForm()
    holidays = holiday_dates(db.session())
    if request.method == "POST":
        fill_review_form(form, notice, holidays, from_request=True)
        if not form.validate():
            flash("Chưa lưu được: vui lòng sửa các ô báo lỗi.", "error")
            return _render_review(form, notice), 400
        outcome = run_action(
            db.session(),
            notice,
            review_edits(form),
            request.form.get("action", "save"),
            current_user,
            today(),
            holidays,
        )
        if outcome.failed:
            db.session.rollback()
            for message in outcome.messages:
                flash(message, "error")
            notice = get_draft_notice_or_404(current_user, notice_id)
            fill_review_form(form, notice, holidays, from_request=True)
            return _render_review(form, notice), 400
        db.session.commit()
        for message in outcome.messages:
            flash(message, "info")
        if outcome.published:
            send_out_soon()  # the agencies, by their channels and their systems
            return redirect(url_for("notices.notice_detail", notice_id=notice.id))
        return redirect(url_for("notice_entry.review", notice_id=notice.id) + outcome.anchor)
    fill_review_form(form, notice, holidays, from_request=False)
    return _render_review(form, notice)


def _render_review(form: NoticeReviewForm, notice: Notice) -> str:
    return render_template(
        "notices/review.html",
        form=form,
        notice=notice,
        body_html=render_markdown(notice.body),
        suggestions=unknown_name_suggestions(notice),
        earlier=proposed_links(db.session(), notice.body, notice.id),
    )
