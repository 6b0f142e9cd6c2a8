"""How each kind of event reads on a task's timeline."""

EVENT_LABELS = {
    "notice.published": "Văn bản được ban hành, nhiệm vụ được giao",
    "task.progress_reported": "Báo cáo tiến độ",
    "task.evidence_added": "Bổ sung minh chứng",
    "task.submitted": "Báo cáo hoàn thành, chờ xác nhận",
    "task.accepted": "Văn phòng UBND xác nhận hoàn thành",
    "task.contributed": "Cơ quan phối hợp gửi kết quả phối hợp",
    "task.returned": "Văn phòng UBND trả lại để thực hiện lại",
    "task.extension_requested": "Đề nghị gia hạn",
    "task.extension_approved": "Gia hạn được chấp thuận",
    "task.extension_rejected": "Gia hạn không được chấp thuận",
    "task.declined": "Cơ quan đề nghị giao cơ quan khác (không thuộc thẩm quyền)",
    "task.reassigned": "Giao lại cho cơ quan khác",
    "task.insisted": "Văn phòng UBND đề nghị tiếp tục thực hiện",
    "task.explanation_requested": "Lãnh đạo yêu cầu giải trình",
    "task.explanation_answered": "Cơ quan gửi giải trình",
    "task.officer_assigned": "Phân công chuyên viên thực hiện",
    "task.agency_merged": "Chuyển cho cơ quan kế thừa do sáp nhập cơ quan",
    "task.agency_split": "Chuyển cho cơ quan kế thừa do chia tách cơ quan",
    "task.amended.deadline": "Điều chỉnh thời hạn",
    "task.amended.lead": "Đổi cơ quan chủ trì",
    "task.amended.coordinators": "Đổi cơ quan phối hợp",
    "task.amended.text": "Sửa nội dung nhiệm vụ",
    "task.amended.pause": "Tạm dừng thực hiện",
    "task.amended.cancel": "Hủy, dừng thực hiện nhiệm vụ",
    "task.amended.replace": "Thay thế bằng nhiệm vụ khác",
}


def event_label(action: str) -> str:
    return EVENT_LABELS.get(action, action)
