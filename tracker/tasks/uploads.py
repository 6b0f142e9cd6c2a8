"""Attaching an uploaded file to a task as evidence, the same way from a page and from the API:
checked against its kind and the size limit, stored by its content, then added by the verb."""

from __future__ import annotations

from flask import current_app

from tracker.auth.models import User
from tracker.clock import today
from tracker.domain.evidence_files import RejectedFileError, check_evidence_file
from tracker.extensions import db
from tracker.tasks import services
from tracker.tasks.models import Evidence, Task
from tracker.tasks.storage import EvidenceStore
from tracker.tasks.workflow import WorkflowError


def attach_file(
    task: Task,
    actor: User,
    file_name: str,
    content: bytes,
    *,
    version: int | None,
    contribution: bool = False,
) -> Evidence:
    """Check and store the file, then add it to the task; a refused file raises WorkflowError
    with the reason in Vietnamese."""
    try:
        checked = check_evidence_file(file_name, content, current_app.config["UPLOAD_MAX_BYTES"])
    except RejectedFileError as error:
        raise WorkflowError(error.message_vi) from error
    store = EvidenceStore(current_app.config["UPLOAD_FOLDER"])
    return services.add_file(
        db.session(),
        task,
        actor,
        checked,
        content,
        store,
        today=today(),
        version=version,
        contribution=contribution,
    )
