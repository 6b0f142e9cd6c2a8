from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, StringField
from wtforms.validators import DataRequired, Length, NumberRange, ValidationError

from tracker.notices.forms import DATE_FORMATS, DATE_MESSAGE, VietnameseDateField


class HolidayForm(FlaskForm):
    day = VietnameseDateField(
        "Ngày nghỉ", format=DATE_FORMATS, validators=[DataRequired(DATE_MESSAGE)]
    )
    name = StringField(
        "Tên ngày nghỉ",
        validators=[DataRequired("Vui lòng nhập tên ngày nghỉ."), Length(max=120)],
    )


class FixedHolidaysForm(FlaskForm):
    year = IntegerField(
        "Năm",
        validators=[
            DataRequired("Vui lòng nhập năm."),
            NumberRange(2000, 2100, "Năm phải từ 2000 đến 2100."),
        ],
    )


class ReminderPolicyForm(FlaskForm):
    days_before = StringField(
        "Nhắc trước hạn (số ngày, cách nhau bởi dấu phẩy)",
        validators=[DataRequired("Vui lòng nhập số ngày nhắc trước hạn."), Length(max=40)],
    )
    on_overdue_day = BooleanField("Nhắc vào ngày nhiệm vụ bắt đầu quá hạn")
    weekly_while_overdue = BooleanField("Nhắc hằng tuần khi còn quá hạn")
    escalate_after_days = IntegerField(
        "Báo lãnh đạo cơ quan và Văn phòng UBND khi quá hạn (ngày)",
        validators=[
            DataRequired("Vui lòng nhập số ngày."),
            NumberRange(1, 365, "Từ 1 đến 365 ngày."),
        ],
    )
    digest_without_deadline = BooleanField("Gửi tổng hợp hằng quý các nhiệm vụ thường xuyên")

    def validate_days_before(self, field: StringField) -> None:
        parts = [p.strip() for p in (field.data or "").split(",") if p.strip()]
        if not parts or not all(p.isdigit() and 0 < int(p) <= 90 for p in parts):
            raise ValidationError(
                "Nhập các số ngày từ 1 đến 90, cách nhau bởi dấu phẩy, ví dụ: 7, 1."
            )

    @property
    def days(self) -> tuple[int, ...]:
        parts = (p.strip() for p in (self.days_before.data or "").split(","))
        return tuple(sorted({int(p) for p in parts if p}, reverse=True))
