"""Vietnamese mobile numbers as people write them ("0912 345 678", "+84 912.345.678",
"84912345678") read into one form, 84 and nine digits, which the SMS gateways and Zalo take."""

from __future__ import annotations

import re

# The mobile prefixes in use since the 2018 renumbering (Viettel, VinaPhone, MobiFone,
# Vietnamobile, Gmobile, Itelecom, Reddi, Wintel): the two digits after the leading 0.
MOBILE_PREFIXES = frozenset(
    ["32", "33", "34", "35", "36", "37", "38", "39"]
    + ["52", "55", "56", "58", "59"]
    + ["70", "76", "77", "78", "79"]
    + ["81", "82", "83", "84", "85", "86", "87", "88", "89"]
    + ["90", "91", "92", "93", "94", "96", "97", "98", "99"]
)
_SEPARATORS = re.compile(r"[\s.\-()]")


class PhoneNumberError(ValueError):
    """A number that is not a Vietnamese mobile; the message says why, in Vietnamese."""


def normalize_mobile(raw: str) -> str:
    """The number as 84xxxxxxxxx, or a PhoneNumberError whose message tells the user what
    to fix."""
    digits = _SEPARATORS.sub("", raw.strip())
    if digits.startswith("+"):
        digits = digits[1:]
    if not digits.isdigit():
        raise PhoneNumberError("Số điện thoại chỉ gồm chữ số (có thể bắt đầu bằng +84).")
    international = digits.startswith("84") and len(digits) == 11
    national = "0" + digits[2:] if international else digits
    if len(national) == 11 and national.startswith("01"):
        raise PhoneNumberError(
            "Số 11 chữ số đầu 01 đã được chuyển sang 10 chữ số từ năm 2018; vui lòng nhập số mới."
        )
    if len(national) != 10 or not national.startswith("0"):
        raise PhoneNumberError(
            "Số di động Việt Nam có 10 chữ số, bắt đầu bằng 0, ví dụ 0912345678."
        )
    if national[1:3] not in MOBILE_PREFIXES:
        raise PhoneNumberError(
            f"Đầu số {national[:3]} không phải đầu số di động tại Việt Nam; vui lòng kiểm tra lại."
        )
    return "84" + national[1:]


def display_mobile(normalized: str) -> str:
    """84912345678 as people read it: 0912 345 678."""
    national = "0" + normalized[2:]
    return f"{national[:4]} {national[4:7]} {national[7:]}"
