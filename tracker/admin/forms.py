from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import IntegerField, StringField
from wtforms.validators import DataRequired, Length, NumberRange

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
