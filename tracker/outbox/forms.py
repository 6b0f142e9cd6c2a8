from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import SelectChoice, SelectField, SelectMultipleField, StringField
from wtforms.validators import DataRequired, Length
from wtforms.widgets import CheckboxInput, ListWidget

from tracker.outbox.events import TaskEvent


def _strip(value: str | None) -> str | None:
    return value.strip() if isinstance(value, str) else value


class WebhookForm(FlaskForm):
    name = StringField(
        "Tên hệ thống nhận",
        filters=[_strip],
        validators=[
            DataRequired("Vui lòng đặt tên, ví dụ: Phần mềm quản lý văn bản của Sở Tài chính."),
            Length(max=120, message="Tên không quá 120 ký tự."),
        ],
    )
    agency_id = SelectField(
        "Nhận sự kiện về nhiệm vụ của",
        choices=[],  # "the whole province" and the active agencies, filled by the view
        validate_choice=True,
    )
    url = StringField(
        "Địa chỉ nhận (URL)",
        filters=[_strip],
        validators=[
            DataRequired("Vui lòng nhập địa chỉ nhận."),
            Length(max=500, message="Địa chỉ không quá 500 ký tự."),
        ],
        render_kw={"inputmode": "url", "placeholder": "https://qlvb.stc.example.gov.vn/tracker"},
    )
    events = SelectMultipleField(
        "Sự kiện",
        choices=[SelectChoice(event.value, event.label) for event in TaskEvent],
        default=[event.value for event in TaskEvent],
        option_widget=CheckboxInput(),
        widget=ListWidget(prefix_label=False),
        validators=[DataRequired("Hãy chọn ít nhất một sự kiện.")],
    )
