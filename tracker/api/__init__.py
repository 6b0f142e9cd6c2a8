"""A read-only JSON API for machines, authenticated by personal tokens that users manage on
their account page; it honours the same access rules as the pages."""
