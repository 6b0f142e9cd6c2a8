from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    PasswordField,
    RadioField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
)
from wtforms.validators import DataRequired, EqualTo, Length, Optional, Regexp, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from tracker.auth.accounts import MIN_PASSWORD_LENGTH, AccountDetails
from tracker.auth.models import NotifyRhythm, Role
from tracker.domain.phones import PhoneNumberError, normalize_mobile


def _strip(value: str | None) -> str | None:
    return value.strip() if isinstance(value, str) else value


class LoginForm(FlaskForm):
    username = StringField(
        "Tên đăng nhập",
        validators=[DataRequired("Vui lòng nhập tên đăng nhập."), Length(max=80)],
        render_kw={"autocomplete": "username", "autofocus": True},
    )
    password = PasswordField(
        "Mật khẩu",
        validators=[DataRequired("Vui lòng nhập mật khẩu."), Length(max=200)],
        render_kw={"autocomplete": "current-password"},
    )
    remember = BooleanField("Ghi nhớ đăng nhập trên máy này")


PASSWORD_LENGTH = Length(
    min=MIN_PASSWORD_LENGTH, max=200, message="Mật khẩu phải có từ 8 đến 200 ký tự."
)
EMAIL = Regexp(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", message="Địa chỉ thư điện tử không hợp lệ.")
NO_AGENCY = 0


class AccountForm(FlaskForm):
    """The account details the admin edits; the agency choices are filled by the view."""

    full_name = StringField(
        "Họ và tên, chức vụ",
        validators=[DataRequired("Vui lòng nhập họ và tên."), Length(max=160)],
    )
    email = StringField(
        "Thư điện tử", validators=[Optional(), Length(max=254), EMAIL], filters=[_strip]
    )
    role = SelectField(
        "Vai trò",
        choices=[SelectChoice(role.value, role.label) for role in Role],
        validate_choice=True,
    )
    agency = SelectField("Cơ quan (với lãnh đạo, chuyên viên cơ quan)", coerce=int)

    def details(self) -> AccountDetails:
        return AccountDetails(
            full_name=self.full_name.data or "",
            email=self.email.data or "",
            role=Role(self.role.data),
            agency_id=self.agency.data or None,
        )


class NewAccountForm(AccountForm):
    username = StringField(
        "Tên đăng nhập",
        validators=[
            DataRequired("Vui lòng nhập tên đăng nhập."),
            Length(max=80),
            Regexp(
                r"^[A-Za-z0-9._-]+$",
                message="Tên đăng nhập chỉ gồm chữ không dấu, chữ số và các dấu . _ -",
            ),
        ],
        filters=[_strip],
    )
    password = PasswordField(
        "Mật khẩu ban đầu (để trống để hệ thống tạo)",
        validators=[Optional(), PASSWORD_LENGTH],
        render_kw={"autocomplete": "new-password"},
    )


class ChangePasswordForm(FlaskForm):
    current = PasswordField(
        "Mật khẩu hiện tại",
        validators=[DataRequired("Vui lòng nhập mật khẩu hiện tại."), Length(max=200)],
        render_kw={"autocomplete": "current-password"},
    )
    new = PasswordField(
        "Mật khẩu mới (ít nhất 8 ký tự)",
        validators=[DataRequired("Vui lòng nhập mật khẩu mới."), PASSWORD_LENGTH],
        render_kw={"autocomplete": "new-password"},
    )
    repeat = PasswordField(
        "Nhập lại mật khẩu mới",
        validators=[EqualTo("new", message="Hai lần nhập mật khẩu mới không khớp.")],
        render_kw={"autocomplete": "new-password"},
    )


class NotifySettingsForm(FlaskForm):
    """Where notifications go besides the app: the channels (those set up here), the phone
    number Zalo and SMS need, and at once or once a day."""

    channels = SelectMultipleField(
        "Gửi thêm qua",
        choices=[],  # the channels set up here, filled by the view
        option_widget=CheckboxInput(),
        widget=ListWidget(prefix_label=False),
        validate_choice=True,
    )
    phone = StringField(
        "Số điện thoại di động (cho Zalo và SMS)",
        filters=[_strip],
        validators=[Length(max=20, message="Số điện thoại quá dài.")],
        render_kw={"inputmode": "tel", "autocomplete": "tel", "placeholder": "0912 345 678"},
    )
    rhythm = RadioField(
        "Khi nào gửi",
        choices=[SelectChoice(choice.value, choice.label) for choice in NotifyRhythm],
        validators=[DataRequired(message="Hãy chọn khi nào gửi thông báo.")],
    )

    def validate_phone(self, field: StringField) -> None:
        if field.data:
            try:
                field.data = normalize_mobile(field.data)
            except PhoneNumberError as error:
                raise ValidationError(str(error)) from error
        needs_phone = {"zalo", "sms"} & set(self.channels.data or [])
        if needs_phone and not field.data:
            raise ValidationError("Nhận qua Zalo hoặc SMS cần số điện thoại di động.")
