"""How each kind of event reads on a task's timeline."""

EVENT_LABELS = {
    "notice.published": "Văn bản được ban hành, nhiệm vụ được giao",
    "task.progress_reported": "Báo cáo tiến độ",
    "task.evidence_added": "Bổ sung minh chứng",
    "task.submitted": "Báo cáo hoàn thành, chờ xác nhận",
    "task.accepted": "Văn phòng UBND xác nhận hoàn thành",
}


def event_label(action: str) -> str:
    return EVENT_LABELS.get(action, action)
