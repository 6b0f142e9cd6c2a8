"""How a sender says that a message did not go."""

from __future__ import annotations


class DeliveryError(Exception):
    """The provider could not be reached or refused the message. The message is read by the
    administrator, hence in Vietnamese. `permanent`: trying again cannot help (a number that
    is not on Zalo, a URL that answers 410), so the message fails at once."""

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent
