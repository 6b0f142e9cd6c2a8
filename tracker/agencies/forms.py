"""Forms of the directory's admin pages. Choices of agencies and groups are filled by the
views from the database."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional, Regexp

from tracker.agencies.models import AgencyKind
from tracker.notices.forms import DATE_FORMATS, DATE_MESSAGE, VietnameseDateField

CODE_RULE = Regexp(
    r"^[A-Za-z0-9][A-Za-z0-9_.-]*$",
    message="Mã chỉ gồm chữ không dấu, số, “-”, “_” hoặc “.”.",
)
CSV_MAX_BYTES = 2 * 1024 * 1024


def lines(text: str | None) -> tuple[str, ...]:
    """The non-blank lines of a text area: one alias per line."""
    return tuple(line.strip() for line in (text or "").splitlines() if line.strip())


class AgencyForm(FlaskForm):
    code = StringField(
        "Mã",
        validators=[DataRequired("Vui lòng nhập mã cơ quan."), Length(max=40), CODE_RULE],
    )
    name = StringField(
        "Tên cơ quan",
        validators=[DataRequired("Vui lòng nhập tên cơ quan."), Length(max=255)],
    )
    short_name = StringField("Tên viết tắt", validators=[Optional(), Length(max=80)])
    kind = SelectField("Loại", choices=[SelectChoice(k.value, k.label) for k in AgencyKind])
    groups = SelectMultipleField("Thuộc nhóm", coerce=int, choices=[])
    aliases = TextAreaField(
        "Tên gọi khác (mỗi dòng một tên)",
        validators=[Length(max=5000)],
        render_kw={"rows": 5},
    )


class GroupForm(FlaskForm):
    code = StringField(
        "Mã nhóm", validators=[DataRequired("Vui lòng nhập mã nhóm."), Length(max=40), CODE_RULE]
    )
    name = StringField(
        "Tên nhóm", validators=[DataRequired("Vui lòng nhập tên nhóm."), Length(max=255)]
    )
    aliases = TextAreaField(
        "Cách viết khác (mỗi dòng một cách)", validators=[Length(max=5000)], render_kw={"rows": 4}
    )
    members = SelectMultipleField(
        "Cơ quan thành viên",
        coerce=int,
        choices=[],
        render_kw={"size": 12, "data-searchable": "cơ quan"},
    )


class DecisionForm(FlaskForm):
    """The legal basis of a merge or split, and the day it takes effect."""

    basis_document = StringField(
        "Căn cứ pháp lý (số, ký hiệu văn bản)",
        validators=[DataRequired("Vui lòng nhập văn bản làm căn cứ."), Length(max=200)],
        render_kw={"placeholder": "Ví dụ: Quyết định 123/QĐ-UBND"},
    )
    basis_date = VietnameseDateField(
        "Ngày ký văn bản", format=DATE_FORMATS, validators=[DataRequired(DATE_MESSAGE)]
    )
    effective_on = VietnameseDateField(
        "Ngày có hiệu lực", format=DATE_FORMATS, validators=[DataRequired(DATE_MESSAGE)]
    )


class MergeForm(DecisionForm):
    merged = SelectMultipleField(
        "Cơ quan bị sáp nhập",
        coerce=int,
        choices=[],
        validators=[DataRequired("Chọn ít nhất một cơ quan bị sáp nhập.")],
        render_kw={"size": 10},
    )
    successor = SelectField("Cơ quan kế thừa", coerce=int, choices=[])


class SplitForm(DecisionForm):
    successors = SelectMultipleField(
        "Các cơ quan kế thừa",
        coerce=int,
        choices=[],
        validators=[DataRequired("Chọn các cơ quan kế thừa.")],
        render_kw={"size": 10},
    )
    default = SelectField("Nhận các nhiệm vụ không chọn riêng", coerce=int, choices=[])


class ImportForm(FlaskForm):
    document = FileField("Tệp CSV", validators=[FileRequired("Vui lòng chọn tệp CSV.")])
