"""The text of an SMS: Vietnamese without diacritics when the gateway sends GSM 7-bit only,
and the number of segments it costs (160 characters in one GSM message, 153 in each part of
a longer one; 70 and 67 for Unicode)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from tracker.domain.text import strip_diacritics

# The GSM 03.38 basic alphabet, and the characters that take two places (an escape first).
GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "ÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXTENDED = frozenset("^{}\\[~]|€\f")


@dataclass(frozen=True)
class SmsText:
    text: str
    unicode: bool
    segments: int


def is_gsm(text: str) -> bool:
    return all(char in GSM_BASIC or char in GSM_EXTENDED for char in text)


def _gsm_length(text: str) -> int:
    return sum(2 if char in GSM_EXTENDED else 1 for char in text)


def count_segments(text: str) -> SmsText:
    """How the text goes out: GSM 7-bit when every character allows it, else Unicode."""
    gsm = is_gsm(text)
    if gsm:
        length, single, part = _gsm_length(text), 160, 153
    else:
        length, single, part = len(text), 70, 67
    segments = 1 if length <= single else math.ceil(length / part)
    return SmsText(text, unicode=not gsm, segments=segments)


def sms_text(message: str, link: str, *, unicode: bool, max_segments: int) -> SmsText:
    """The message and its link, folded to GSM when the gateway wants no diacritics, the
    message cut at a word so that the whole costs at most `max_segments`. The link is kept
    whole: it is how the reader finds the rest."""
    words = " ".join(message.split())
    if not unicode:
        words = _to_gsm(words)
    suffix = f" {link}" if link else ""
    while True:
        measured = count_segments(words + suffix)
        if measured.segments <= max_segments or len(words) <= 1:
            return measured
        words = _cut(words)


def _to_gsm(text: str) -> str:
    folded = strip_diacritics(text)
    return "".join(char if char in GSM_BASIC or char in GSM_EXTENDED else "?" for char in folded)


def _cut(words: str) -> str:
    """A word (or ten characters) fewer, with an ellipsis of three dots."""
    body = words.removesuffix("...")
    head, space, _ = body.rpartition(" ")
    shorter = head if space and len(body) - len(head) <= 10 else body[:-10]
    return shorter.rstrip(" ,;:.") + "..."
