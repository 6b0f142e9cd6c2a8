"""What users do on a task page: each route checks its form, calls one verb, commits once
and returns to the task page with a message. A form made on an older version of the task
(or without one) changes nothing: the page comes back (409) with the latest state, the
conflict message and what the user typed, ready to send again."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Blueprint, abort, flash, redirect, url_for
from flask_login import current_user
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.wrappers import Response

from tracker.access import get_task_or_404, role_required
from tracker.auth.models import Role, User
from tracker.clock import today
from tracker.extensions import db
from tracker.jobs.notifications import send_out_soon
from tracker.tasks import amendments, forms, services
from tracker.tasks.choices import agency_choices, fill_amend_choices, officer_choices
from tracker.tasks.models import Task
from tracker.tasks.uploads import attach_file
from tracker.tasks.views import render_task_page
from tracker.tasks.workflow import ConflictError, NotAllowedError, WorkflowError

blueprint = Blueprint("task_actions", __name__, url_prefix="/nhiem-vu/<id:task_id>")
ANYONE = tuple(Role)


Answer = Response | tuple[str, int]


def _act(
    task_id: int,
    form: forms.VersionedForm,
    verb: Callable[[Task], object],
    done: str,
    *,
    keep: bool = False,
) -> Answer:
    """Validate, run the verb, commit; any refusal comes back as a message, nothing saved.
    With `keep`, a refused form is shown again as filled in, so a long text is not lost."""
    task = get_task_or_404(current_user, task_id)
    back = redirect(url_for("tasks.task_detail", task_id=task_id))
    if not form.validate_on_submit():
        for errors in form.errors.values():
            for error in errors:
                flash(str(error), "error")
        return _shown_again(task_id, form, 422) if keep else back
    if form.seen_version is None:
        return _conflict(task_id, form)
    try:
        verb(task)
        db.session.commit()
    except ConflictError:
        return _conflict(task_id, form)
    except StaleDataError:  # another request saved the task between our read and our write
        return _conflict(task_id, form)
    except NotAllowedError:
        db.session.rollback()
        abort(403)
    except WorkflowError as error:
        db.session.rollback()
        flash(error.message, "error")
        return _shown_again(task_id, form, 422) if keep else back
    send_out_soon()
    flash(done, "info")
    return back


def _conflict(task_id: int, form: forms.VersionedForm) -> tuple[str, int]:
    db.session.rollback()
    flash(ConflictError().message, "error")
    return _shown_again(task_id, form, 409)


def _shown_again(task_id: int, form: forms.VersionedForm, status: int) -> tuple[str, int]:
    """The task page as it is now, with the user's form as she filled it in, on the current
    version: she checks the task and sends it again without typing it anew."""
    if isinstance(form, forms.ProgressForm):
        if any(upload and upload.filename for upload in form.files.data or []):
            # A browser never fills a file field in again.
            flash("Nội dung đã nhập vẫn được giữ; vui lòng chọn lại tệp đính kèm.", "info")
        form.files.data = None
    return render_task_page(get_task_or_404(current_user, task_id), kept=form), status


def _as_user(
    verb: Callable[..., object], form: forms.VersionedForm, *args: Any
) -> Callable[[Task], object]:
    """The verb called on the task by the signed-in user, today, on the version she saw."""
    return lambda task: verb(
        db.session(), task, current_user, *args, today=today(), version=form.seen_version
    )


@blueprint.route("/tien-do", methods=["POST"])
@role_required(Role.AGENCY_OFFICER, Role.AGENCY_HEAD)
def progress(task_id: int) -> Answer:
    form = forms.ProgressForm()

    def verb(task: Task) -> None:
        services.report_progress(
            db.session(),
            task,
            current_user,
            form.body.data or "",
            form.percent.data,
            today=today(),
            version=form.seen_version,
        )
        for upload in form.files.data or []:
            if upload and upload.filename:  # part of the report, on the version just checked
                attach_file(
                    task,
                    current_user,
                    upload.filename,
                    upload.read(),
                    version=None,
                    contribution=True,
                )

    return _act(task_id, form, verb, "Đã gửi báo cáo tiến độ.", keep=True)


@blueprint.route("/minh-chung", methods=["POST"])
@role_required(Role.AGENCY_OFFICER, Role.AGENCY_HEAD)
def upload_evidence(task_id: int) -> Answer:
    form = forms.FileEvidenceForm()

    def verb(task: Task) -> None:
        upload = form.document.data
        if not upload or not upload.filename:
            raise WorkflowError("Vui lòng chọn tệp minh chứng.")
        attach_file(task, current_user, upload.filename, upload.read(), version=form.seen_version)

    return _act(task_id, form, verb, "Đã thêm minh chứng.")


@blueprint.route("/minh-chung/<id:evidence_id>/rut", methods=["POST"])
@role_required(Role.AGENCY_OFFICER, Role.AGENCY_HEAD)
def withdraw_evidence(task_id: int, evidence_id: int) -> Answer:
    form = forms.SubmitForm()
    return _act(
        task_id,
        form,
        _as_user(services.withdraw_evidence, form, evidence_id),
        "Đã rút minh chứng.",
    )


@blueprint.route("/van-ban", methods=["POST"])
@role_required(Role.AGENCY_OFFICER, Role.AGENCY_HEAD)
def cite(task_id: int) -> Answer:
    form = forms.CitationForm()

    def verb(task: Task) -> None:
        assert form.signed_on.data is not None  # noqa: S101 - required by the form
        services.add_citation(
            db.session(),
            task,
            current_user,
            kind=form.kind.data or "",
            number=form.number.data or "",
            signed_on=form.signed_on.data,
            issuer=form.issuer.data or "",
            today=today(),
            version=form.seen_version,
        )

    return _act(task_id, form, verb, "Đã thêm văn bản minh chứng.")


@blueprint.route("/bao-cao-hoan-thanh", methods=["POST"])
@role_required(Role.AGENCY_OFFICER, Role.AGENCY_HEAD)
def submit(task_id: int) -> Answer:
    form = forms.SubmitForm()
    return _act(
        task_id,
        form,
        _as_user(services.submit, form),
        "Đã báo cáo hoàn thành; đang chờ Văn phòng UBND xác nhận.",
    )


@blueprint.route("/xac-nhan", methods=["POST"])
@role_required(Role.SECRETARIAT)
def accept(task_id: int) -> Answer:
    form = forms.SubmitForm()
    return _act(task_id, form, _as_user(services.accept, form), "Đã xác nhận hoàn thành.")


@blueprint.route("/tra-lai", methods=["POST"])
@role_required(Role.SECRETARIAT)
def return_task(task_id: int) -> Answer:
    form = forms.ReasonForm()
    return _act(
        task_id,
        form,
        _as_user(services.return_task, form, form.reason.data or ""),
        "Đã trả lại nhiệm vụ để thực hiện lại.",
    )


@blueprint.route("/gia-han", methods=["POST"])
@role_required(Role.AGENCY_OFFICER, Role.AGENCY_HEAD)
def request_extension(task_id: int) -> Answer:
    form = forms.ExtensionForm()

    def verb(task: Task) -> None:
        assert form.new_deadline.data is not None  # noqa: S101 - required by the form
        services.request_extension(
            db.session(),
            task,
            current_user,
            form.new_deadline.data,
            form.reason.data or "",
            today=today(),
            version=form.seen_version,
        )

    return _act(task_id, form, verb, "Đã gửi đề nghị gia hạn.")


@blueprint.route("/gia-han/quyet-dinh", methods=["POST"])
@role_required(Role.SECRETARIAT, Role.LEADER)
def decide_extension(task_id: int) -> Answer:
    form = forms.ExtensionDecisionForm()
    return _act(
        task_id,
        form,
        lambda task: services.decide_extension(
            db.session(),
            task,
            current_user,
            approve=form.decision.data == "approve",
            note=form.note.data or "",
            approving_document=form.approving_document.data or "",
            objective_reason=bool(form.objective_reason.data),
            today=today(),
            version=form.seen_version,
        ),
        "Đã ghi nhận quyết định về đề nghị gia hạn.",
    )


@blueprint.route("/tu-choi", methods=["POST"])
@role_required(Role.AGENCY_OFFICER, Role.AGENCY_HEAD)
def decline(task_id: int) -> Answer:
    form = forms.ReasonForm()
    return _act(
        task_id,
        form,
        _as_user(services.decline, form, form.reason.data or ""),
        "Đã gửi đề nghị giao nhiệm vụ cho cơ quan khác.",
    )


@blueprint.route("/giao-lai", methods=["POST"])
@role_required(Role.SECRETARIAT)
def reassign(task_id: int) -> Answer:
    form = forms.ReassignForm()
    form.agency_id.choices = agency_choices()
    verb = _as_user(services.reassign, form, form.agency_id.data, form.note.data or "")
    return _act(task_id, form, verb, "Đã giao lại nhiệm vụ.")


@blueprint.route("/giu-nguyen", methods=["POST"])
@role_required(Role.SECRETARIAT)
def insist(task_id: int) -> Answer:
    form = forms.InsistForm()
    return _act(
        task_id,
        form,
        _as_user(services.insist, form, form.note.data or ""),
        "Đã đề nghị cơ quan tiếp tục thực hiện.",
    )


@blueprint.route("/giai-trinh", methods=["POST"])
@role_required(Role.LEADER)
def request_explanation(task_id: int) -> Answer:
    form = forms.ExplanationRequestForm()

    def verb(task: Task) -> None:
        assert form.answer_by.data is not None  # noqa: S101 - required by the form
        services.request_explanation(
            db.session(),
            task,
            current_user,
            form.question.data or "",
            form.answer_by.data,
            today=today(),
            version=form.seen_version,
        )

    return _act(task_id, form, verb, "Đã gửi yêu cầu giải trình.")


@blueprint.route("/tra-loi-giai-trinh", methods=["POST"])
@role_required(Role.AGENCY_OFFICER, Role.AGENCY_HEAD)
def answer_explanation(task_id: int) -> Answer:
    form = forms.ExplanationAnswerForm()
    return _act(
        task_id,
        form,
        _as_user(services.answer_explanation, form, form.answer.data or ""),
        "Đã gửi giải trình.",
    )


@blueprint.route("/giai-trinh/da-xem", methods=["POST"])
@role_required(Role.SECRETARIAT, Role.LEADER)
def review_explanation(task_id: int) -> Answer:
    form = forms.ExplanationReviewForm()
    return _act(
        task_id,
        form,
        _as_user(services.review_explanation, form, form.note.data or ""),
        "Đã ghi nhận: giải trình đã được xem xét.",
    )


@blueprint.route("/phan-cong", methods=["POST"])
@role_required(Role.AGENCY_HEAD)
def assign_officer(task_id: int) -> Answer:
    form = forms.AssignOfficerForm()
    form.officer_id.choices = officer_choices(current_user)
    officer = db.session.get(User, form.officer_id.data) if form.officer_id.data else None
    return _act(
        task_id,
        form,
        _as_user(services.assign_officer, form, officer),
        "Đã phân công chuyên viên.",
    )


@blueprint.route("/dieu-chinh", methods=["POST"])
@role_required(Role.SECRETARIAT, Role.ADMIN)
def amend(task_id: int) -> Answer:
    form = forms.AmendForm()
    fill_amend_choices(form)

    def verb(task: Task) -> object:
        return amendments.amend(
            db.session(),
            task,
            current_user,
            form.change(),
            form.document(),
            today=today(),
            version=form.seen_version,
        )

    return _act(task_id, form, verb, "Đã ghi nhận điều chỉnh nhiệm vụ.", keep=True)
