"""String enums whose members carry the Vietnamese label a user reads."""

from __future__ import annotations

from enum import StrEnum


class LabelledEnum(StrEnum):
    """Declare members as `NAME = "stored_value", "Nhãn tiếng Việt"`; `.label` gives the
    label and the value is what the database stores."""

    label: str

    def __new__(cls, value: str, label: str = "") -> LabelledEnum:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member
