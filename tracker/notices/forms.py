"""Forms for entering a notice and reviewing its split."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    DateField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from tracker.clock import today
from tracker.domain.formatting import vn_date
from tracker.domain.recurrence import RuleError, make_rule
from tracker.notices.models import NoticeKind
from tracker.tasks.models import Recurrence

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
DATE_MESSAGE = "Ngày không hợp lệ hoặc còn trống: nhập theo dạng ngày/tháng/năm."


def invalid_date_message() -> str:
    """The refusal of a date that does not exist, with an example a month from today."""
    example = vn_date(today() + timedelta(days=30))
    return f"Ngày không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ {example}."


class VietnameseDateField(DateField):
    """A date typed dd/mm/yyyy (or sent as yyyy-mm-dd), refused in Vietnamese when it does
    not exist, such as 31/02/2020. Shown as a text box, since a browser's date picker follows
    the browser's language rather than the Vietnamese order."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        render_kw = {"type": "text", "placeholder": "ngày/tháng/năm", "inputmode": "numeric"}
        kwargs["render_kw"] = {**render_kw, **(kwargs.get("render_kw") or {})}
        super().__init__(*args, **kwargs)

    def process_formdata(self, valuelist: list[str]) -> None:
        try:
            super().process_formdata(valuelist)
        except ValueError as error:
            raise ValueError(invalid_date_message()) from error


class NoticeEntryForm(FlaskForm):
    """Paste the text, or upload a file."""

    text = TextAreaField("Dán toàn văn", validators=[Optional(), Length(max=2_000_000)])
    document = FileField("Hoặc tải lên tệp (.docx, .pdf, .md, .txt)")


class DraftItemForm(Form):
    """One proposed task. `assignee` is "a<id>" for an agency, "g<id>" for a group, or
    "keep" for what the parser found (several groups together, or an unknown name)."""

    draft_id = HiddenField()
    assignee = SelectField("Cơ quan chủ trì", choices=[], validate_choice=False)
    coordinating = SelectMultipleField(
        "Cơ quan phối hợp",
        coerce=int,
        choices=[],
        validate_choice=False,
        render_kw={"data-searchable": "cơ quan"},
    )
    text = TextAreaField(
        "Nội dung nhiệm vụ", validators=[DataRequired("Nội dung nhiệm vụ không được để trống.")]
    )
    deadline = VietnameseDateField("Hạn xử lý", format=DATE_FORMATS, validators=[Optional()])
    deadline_text = StringField("Cụm từ về thời hạn", validators=[Length(max=255)])
    recurrence = SelectField(
        "Định kỳ",
        choices=[SelectChoice("", "Không định kỳ")]
        + [SelectChoice(r.value, r.label) for r in Recurrence],
    )
    recurrence_days = StringField("Các ngày trong năm (nếu cố định)", validators=[Length(max=200)])
    recurrence_until = VietnameseDateField(
        "Định kỳ đến ngày", format=DATE_FORMATS, validators=[Optional()]
    )

    def validate_recurrence(self, field: SelectField) -> None:
        if not field.data:
            return
        try:
            make_rule(field.data, self.deadline.data, self.recurrence_days.data)
        except RuleError as error:
            raise ValidationError(str(error)) from error

    class Meta:
        csrf = False  # the enclosing review form carries the token


class SkippedItemForm(Form):
    """What to make of a passage the parser skipped, should the reviewer make it a task:
    `assignee` as for an item ("a<id>" or "g<id>"), and the deadline its text gives."""

    item_id = HiddenField()
    assignee = SelectField("Cơ quan chủ trì", choices=[], validate_choice=False)
    deadline = VietnameseDateField("Hạn xử lý", format=DATE_FORMATS, validators=[Optional()])

    class Meta:
        csrf = False  # the enclosing review form carries the token


class NoticeReviewForm(FlaskForm):
    number = StringField("Số, ký hiệu", validators=[Length(max=60)])
    issued_on = VietnameseDateField(
        "Ngày ban hành", format=DATE_FORMATS, validators=[DataRequired(DATE_MESSAGE)]
    )
    kind = SelectField("Loại văn bản", choices=[SelectChoice(k.value, k.label) for k in NoticeKind])
    place = StringField("Địa danh", validators=[Length(max=120)])
    signer = StringField("Người ký", validators=[Length(max=160)])
    title = TextAreaField("Trích yếu", validators=[DataRequired("Trích yếu không được để trống.")])
    items = FieldList(FormField(DraftItemForm))
    skipped = FieldList(FormField(SkippedItemForm))


class FollowUpForm(FlaskForm):
    """How the secretariat follows a published notice: the leader who directs it, and whether
    the period reports give it a section of its own."""

    directing_leader = SelectField("Lãnh đạo chỉ đạo", coerce=int, validate_choice=True)
    reported_apart = BooleanField("Báo cáo riêng văn bản này trong báo cáo định kỳ")
    public = BooleanField(
        "Công khai kết quả thực hiện trên trang công khai (ai cũng xem được, không cần đăng nhập)"
    )
