from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import DataRequired, Length


class TokenForm(FlaskForm):
    name = StringField(
        "Tên gợi nhớ của khóa",
        filters=[lambda value: value.strip() if isinstance(value, str) else value],
        validators=[
            DataRequired("Vui lòng đặt tên cho khóa, ví dụ: Phần mềm tổng hợp của Sở."),
            Length(max=80, message="Tên khóa không quá 80 ký tự."),
        ],
    )
