"""Every model of the application, imported once so that the metadata (and so Alembic) sees
all tables."""

from tracker.admin.models import Holiday, Setting
from tracker.agencies.models import Agency, AgencyAlias, AgencyChange, AgencyGroup
from tracker.api.models import ApiToken, IdempotentAnswer
from tracker.audit.models import Event
from tracker.auth.models import User
from tracker.figures.models import CoordinatedFigure, FigureClock, ProvinceFigure, TaskFigure
from tracker.notices.drafts import DraftSkippedItem, DraftTask
from tracker.notices.models import Notice
from tracker.notifications.models import Notification, ReminderLog
from tracker.outbox.models import OutboxMessage, Webhook, ZaloToken
from tracker.reports.models import Report
from tracker.search.models import SearchDocument
from tracker.tasks.models import (
    Evidence,
    ExplanationRequest,
    ExtensionRequest,
    ProgressUpdate,
    Task,
)

__all__ = [
    "Agency",
    "AgencyAlias",
    "AgencyChange",
    "AgencyGroup",
    "ApiToken",
    "CoordinatedFigure",
    "DraftSkippedItem",
    "DraftTask",
    "Event",
    "Evidence",
    "ExplanationRequest",
    "Holiday",
    "IdempotentAnswer",
    "ExtensionRequest",
    "FigureClock",
    "Notice",
    "Notification",
    "OutboxMessage",
    "ProgressUpdate",
    "ProvinceFigure",
    "ReminderLog",
    "Report",
    "SearchDocument",
    "Setting",
    "Task",
    "TaskFigure",
    "User",
    "Webhook",
    "ZaloToken",
]
