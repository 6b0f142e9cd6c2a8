from __future__ import annotations

from typing import Any

from flask_wtf import FlaskForm
from wtforms import SelectChoice, SelectMultipleField, StringField, ValidationError, widgets
from wtforms.validators import DataRequired, Length

from tracker.api.scopes import Scope, refused_scopes, scope_text
from tracker.auth.models import Role


class TokenForm(FlaskForm):
    name = StringField(
        "Tên gợi nhớ của khóa",
        filters=[lambda value: value.strip() if isinstance(value, str) else value],
        validators=[
            DataRequired("Vui lòng đặt tên cho khóa, ví dụ: Phần mềm tổng hợp của Sở."),
            Length(max=80, message="Tên khóa không quá 80 ký tự."),
        ],
    )
    scopes = SelectMultipleField(
        "Quyền của khóa",
        choices=[SelectChoice(scope.value, scope_text(scope)) for scope in Scope],
        default=[Scope.READ.value],
        validate_choice=False,  # `validate_scopes` says in Vietnamese what is wrong
        widget=widgets.ListWidget(prefix_label=False),
        option_widget=widgets.CheckboxInput(),
    )

    def __init__(self, role: Role, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.role = role

    def validate_scopes(self, field: SelectMultipleField) -> None:
        """At least one scope, and only those the owner's role may hold: a page sent by hand
        with another is refused, nothing saved."""
        if not field.data:
            raise ValidationError("Vui lòng chọn ít nhất một quyền cho khóa.")
        refused = refused_scopes(self.role, field.data)
        if refused:
            labels = {scope.value: scope_text(scope) for scope in Scope}
            names = ", ".join(f"“{labels.get(code, code)}”" for code in refused)
            raise ValidationError(f"Vai trò {self.role.label} không được cấp quyền {names}.")
