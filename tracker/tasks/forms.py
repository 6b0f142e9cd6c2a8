"""Forms on the task page. Each carries the task's version, so that two people saving the
same task at once do not overwrite each other silently; a form posted without it is taken
as made on an older page."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    HiddenField,
    IntegerField,
    MultipleFileField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from tracker.notices.forms import DATE_FORMATS, DATE_MESSAGE, VietnameseDateField
from tracker.params import MAX_ID, whole_number
from tracker.tasks.amendments import ChangeRequest, DocumentEntry
from tracker.tasks.models import ChangeKind

# The kinds of document an agency cites as what did the work (the API accepts the same).
CITATION_KINDS = (
    "Quyết định",
    "Kế hoạch",
    "Báo cáo",
    "Công văn",
    "Thông báo",
    "Tờ trình",
    "Chỉ thị",
    "Văn bản khác",
)
PROGRESS_BODY_LENGTH = 20_000
CITATION_NUMBER_LENGTH = 60
CITATION_ISSUER_LENGTH = 255


class VersionedForm(FlaskForm):
    version = HiddenField()

    @property
    def seen_version(self) -> int | None:
        """The version of the task on the page the form came from; None when missing."""
        return whole_number(self.version.data, 1, MAX_ID)


class ProgressForm(VersionedForm):
    body = TextAreaField(
        "Nội dung báo cáo",
        validators=[
            DataRequired("Vui lòng nhập nội dung báo cáo."),
            Length(max=PROGRESS_BODY_LENGTH),
        ],
        description="Mỗi ý một dòng; viết **chữ đậm** giữa hai cặp dấu sao, gạch đầu dòng bằng "
        "dấu - ở đầu dòng.",
    )
    percent = IntegerField(
        "Tỷ lệ hoàn thành (%)",
        render_kw={"inputmode": "numeric", "min": 0, "max": 100, "placeholder": "0–100"},
        validators=[Optional(), NumberRange(0, 100, "Tỷ lệ phải từ 0 đến 100.")],
    )
    files = MultipleFileField("Tệp đính kèm (PDF, DOC, DOCX, XLS, XLSX, ODT, JPG, PNG)")


class FileEvidenceForm(VersionedForm):
    document = FileField("Tệp minh chứng")


class CitationForm(VersionedForm):
    kind = SelectField(
        "Loại văn bản",
        choices=[SelectChoice(kind) for kind in CITATION_KINDS],
    )
    number = StringField(
        "Số, ký hiệu",
        validators=[
            DataRequired("Vui lòng nhập số, ký hiệu văn bản."),
            Length(max=CITATION_NUMBER_LENGTH),
        ],
    )
    signed_on = VietnameseDateField(
        "Ngày ban hành", format=DATE_FORMATS, validators=[DataRequired(DATE_MESSAGE)]
    )
    issuer = StringField("Cơ quan ban hành", validators=[Length(max=CITATION_ISSUER_LENGTH)])


class SubmitForm(VersionedForm):
    pass


class ReasonForm(VersionedForm):
    reason = TextAreaField(
        "Lý do", validators=[DataRequired("Vui lòng nêu lý do."), Length(max=5_000)]
    )


class ExtensionForm(VersionedForm):
    new_deadline = VietnameseDateField(
        "Hạn mới đề nghị", format=DATE_FORMATS, validators=[DataRequired(DATE_MESSAGE)]
    )
    reason = TextAreaField(
        "Lý do xin gia hạn",
        validators=[DataRequired("Vui lòng nêu lý do xin gia hạn."), Length(max=5_000)],
    )


class ExtensionDecisionForm(VersionedForm):
    decision = SelectField(
        "Quyết định",
        choices=[SelectChoice("approve", "Chấp thuận"), SelectChoice("reject", "Không chấp thuận")],
    )
    approving_document = StringField(
        "Văn bản chấp thuận (số, ký hiệu)", validators=[Length(max=120)]
    )
    objective_reason = BooleanField("Lý do khách quan (không tính là chậm khi đánh giá)")
    note = TextAreaField("Ghi chú", validators=[Length(max=5_000)])


class ReassignForm(VersionedForm):
    agency_id = SelectField("Giao lại cho cơ quan", coerce=int, choices=[])
    note = TextAreaField("Ghi chú", validators=[Length(max=5_000)])


class InsistForm(VersionedForm):
    note = TextAreaField("Ghi chú", validators=[Length(max=5_000)])


class ExplanationReviewForm(VersionedForm):
    note = TextAreaField("Ý kiến (nếu có)", validators=[Length(max=5_000)])


class ExplanationRequestForm(VersionedForm):
    question = TextAreaField("Nội dung yêu cầu giải trình", validators=[Length(max=5_000)])
    answer_by = VietnameseDateField(
        "Hạn giải trình", format=DATE_FORMATS, validators=[DataRequired(DATE_MESSAGE)]
    )


class ExplanationAnswerForm(VersionedForm):
    answer = TextAreaField(
        "Nội dung giải trình",
        validators=[DataRequired("Vui lòng nhập nội dung giải trình."), Length(max=20_000)],
    )


class AssignOfficerForm(VersionedForm):
    officer_id = SelectField("Chuyên viên thực hiện", coerce=int, choices=[])


class AmendForm(VersionedForm):
    """A change by a later document (chosen among the notices, or entered by number, date
    and issuer), or a correction with a reason."""

    kind = SelectField(
        "Nội dung điều chỉnh", choices=[SelectChoice(k.value, k.label) for k in ChangeKind]
    )
    notice_id = SelectField("Văn bản trong hệ thống", coerce=int, choices=[], validate_choice=False)
    number = StringField("Số, ký hiệu văn bản", validators=[Length(max=60)])
    issued_on = VietnameseDateField("Ngày ban hành", format=DATE_FORMATS, validators=[Optional()])
    issuer = StringField("Cơ quan ban hành", validators=[Length(max=255)])
    deadline = VietnameseDateField("Thời hạn mới", format=DATE_FORMATS, validators=[Optional()])
    lead_agency_id = SelectField(
        "Cơ quan chủ trì mới", coerce=int, choices=[], validate_choice=False
    )
    coordinating_ids = SelectMultipleField(
        "Cơ quan phối hợp",
        coerce=int,
        choices=[],
        validate_choice=False,
        render_kw={"data-searchable": "cơ quan"},
    )
    text = TextAreaField("Nội dung mới", validators=[Length(max=20_000)])
    paused_until = VietnameseDateField(
        "Tạm dừng đến ngày", format=DATE_FORMATS, validators=[Optional()]
    )
    reason = TextAreaField(
        "Lý do (bắt buộc khi sửa sai sót không theo văn bản)", validators=[Length(max=5_000)]
    )

    def change(self) -> ChangeRequest:
        """What the form asks for; call it once the form is valid."""
        return ChangeRequest(
            kind=ChangeKind(self.kind.data),
            deadline=self.deadline.data,
            lead_agency_id=self.lead_agency_id.data,
            coordinating_ids=tuple(self.coordinating_ids.data or ()),
            text=self.text.data or "",
            paused_until=self.paused_until.data,
            reason=self.reason.data or "",
        )

    def document(self) -> DocumentEntry:
        return DocumentEntry(
            notice_id=self.notice_id.data or None,
            number=self.number.data or "",
            issued_on=self.issued_on.data,
            issuer=self.issuer.data or "",
        )
