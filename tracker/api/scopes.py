"""What a token may do. Reading is open to every role; each kind of write is offered only to
the roles that do the same on the web, and is checked again on every request, since the
owner's role may change after the token was made."""

from __future__ import annotations

from collections.abc import Iterable

from tracker.access import NOTICE_EDITORS
from tracker.auth.models import Role
from tracker.domain.labels import LabelledEnum


class Scope(LabelledEnum):
    READ = "read", "Đọc dữ liệu"
    NOTICES_WRITE = "notices:write", "Nhập văn bản mới (Văn phòng UBND tỉnh)"
    TASKS_WRITE = "tasks:write", "Cập nhật nhiệm vụ của cơ quan mình"


def scopes_for(role: Role) -> list[Scope]:
    """The scopes a user of this role may give her tokens, in the order the page lists them."""
    allowed = [Scope.READ]
    if role in NOTICE_EDITORS:
        allowed.append(Scope.NOTICES_WRITE)
    if role.is_agency_role:
        allowed.append(Scope.TASKS_WRITE)
    return allowed


def refused_scopes(role: Role, wanted: Iterable[str]) -> list[str]:
    """The wanted scopes that do not exist or that the role may not hold."""
    allowed = {scope.value for scope in scopes_for(role)}
    return [scope for scope in wanted if scope not in allowed]


def scope_text(scope: Scope) -> str:
    """A scope as people read it: its label and its code."""
    return f"{scope.label} ({scope.value})"
