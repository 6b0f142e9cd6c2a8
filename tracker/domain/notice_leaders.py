"""Which leader a notice belongs to: the one named to direct it, or else the one who signed
it, recognised by name in the signature ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Trần Văn Hùng")."""

from __future__ import annotations

import unicodedata

from tracker.domain.text import fold


def personal_name(full_name: str) -> str:
    """A user's name without the title after a dash: "Trần Văn Hùng - Phó Chủ tịch UBND
    tỉnh" gives "Trần Văn Hùng"."""
    return full_name.split(" - ", 1)[0].strip()


def signed_by(signer: str | None, full_name: str) -> bool:
    """Whether the signature names the person in whole words, case aside; accents count
    (Hùng is not Hưng) unless the signature was typed without any."""
    signer = unicodedata.normalize("NFC", signer or "")
    plain = fold(signer) == signer.lower()
    words = (fold(signer) if plain else signer.casefold()).split()
    person = unicodedata.normalize("NFC", personal_name(full_name))
    name = (fold(person) if plain else person.casefold()).split()
    if not name:
        return False
    return any(words[i : i + len(name)] == name for i in range(len(words) - len(name) + 1))
