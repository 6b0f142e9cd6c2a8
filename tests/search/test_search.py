"""Search over notices and tasks on both databases: diacritics and case ignored, ranked,
limited to what the user may see, and kept fresh as notices, tasks and agencies change."""

from collections.abc import Callable

from flask import Flask
from sqlalchemy import func, inspect, select, update

from tests.factories import agency, make_notice, make_task
from tracker.auth.models import User
from tracker.extensions import db
from tracker.notices.models import Notice, NoticeState
from tracker.search.index import rebuild, reindex_tasks
from tracker.search.models import SearchDocument
from tracker.search.queries import SearchResults, search
from tracker.tasks.models import Task

Find = Callable[[str], User]


def found(results: SearchResults) -> list[tuple[str, int]]:
    return [(hit.kind, hit.task.id if hit.task else hit.notice.id) for hit in results.hits]


def task_ids(user: User, query: str) -> list[int]:
    return [hit.task.id for hit in search(db.session(), user, query, limit=100).hits if hit.task]


def new_task(lead: str, text: str, **kwargs: object) -> Task:
    task = make_task(lead=lead, **kwargs)  # type: ignore[arg-type]
    task.text = text
    db.session.flush()
    return task


def test_a_leader_finds_the_home_affairs_tasks_due_in_the_third_quarter(user: Find) -> None:
    """The user story: typed without diacritics, "Quý III/2017" written in the notice."""
    expected = set(
        db.session.scalars(
            select(Task.id).where(
                Task.lead_agency_id == agency("snv").id, Task.deadline_text.like("%Quý III/2017%")
            )
        )
    )
    results = search(db.session(), user("lanhdao"), "so noi vu quy iii")
    assert len(expected) == 2
    assert set(task_ids(user("lanhdao"), "so noi vu quy iii")) == expected
    assert results.total == 2 and results.terms == ["so", "noi", "vu", "quy", "iii"]


def test_case_diacritics_and_d_stroke_do_not_matter(user: Find) -> None:
    leader = user("lanhdao")
    spellings = ["Đắk Nông", "đắk nông", "DAK NONG", "dak nong", "Dak Nong"]
    results = [found(search(db.session(), leader, spelling, limit=500)) for spelling in spellings]
    assert results[0]
    assert all(result == results[0] for result in results)


def test_every_word_must_match_as_a_word_prefix(user: Find) -> None:
    leader = user("lanhdao")
    task = new_task("snv", "Xây dựng cơ sở dữ liệu điện tử về cán bộ")
    assert task.id in task_ids(leader, "co so du lieu")
    assert task.id in task_ids(leader, "du lie can")  # prefixes
    assert task.id not in task_ids(leader, "co so du lieu khongcotu")
    assert task.id not in task_ids(leader, "ieu")  # inside a word, not a prefix


def test_a_hit_in_the_lead_agency_ranks_above_one_in_the_text(user: Find) -> None:
    mention = new_task("stc", "Phối hợp với Sở Nội vụ kiểm tra quykhoa")
    led = new_task("snv", "Kiểm tra quykhoa trên địa bàn toàn tỉnh trong năm")
    assert task_ids(user("lanhdao"), "noi vu quykhoa") == [led.id, mention.id]


def test_agencies_find_only_the_tasks_they_lead_or_coordinate(user: Find) -> None:
    home_affairs = new_task("snv", "Rà soát biên chế toàn tỉnh")
    shared = new_task("stc", "Rà soát biên chế sự nghiệp", coordinating=("snv",))
    assert set(task_ids(user("snv"), "bien che")) >= {home_affairs.id, shared.id}
    finance_sees = task_ids(user("stc"), "bien che")
    assert shared.id in finance_sees and home_affairs.id not in finance_sees
    assert task_ids(user("syt"), "bien che") == []


def test_drafts_are_found_by_the_secretariat_only(user: Find) -> None:
    draft = db.session.scalar(select(Notice).where(Notice.state == NoticeState.DRAFT))
    assert draft is not None
    assert ("notice", draft.id) in found(search(db.session(), user("vanphong"), "du lich so"))
    assert ("notice", draft.id) not in found(search(db.session(), user("lanhdao"), "du lich so"))


def test_notices_are_found_by_number_and_title(user: Find) -> None:
    notice = make_notice()
    notice.title = "Thông báo kết luận về phòng chống sạt lở đất"
    db.session.flush()
    number = notice.number or ""
    assert ("notice", notice.id) in found(search(db.session(), user("lanhdao"), "sat lo dat"))
    assert ("notice", notice.id) in found(search(db.session(), user("lanhdao"), number))


def test_an_edited_task_is_found_by_its_new_words_only(user: Find) -> None:
    task = new_task("snv", "Chuẩn bị hội nghị tổng kết")
    task.text, task.deadline_text = "Tổ chức lễ kỷ niệm", "trong Quý IV/2026"
    db.session.flush()
    assert task.id not in task_ids(user("lanhdao"), "hoi nghi tong ket")
    assert task.id in task_ids(user("lanhdao"), "le ky niem quy iv")


def test_renaming_an_agency_and_adding_an_alias_reindex_its_tasks(user: Find) -> None:
    task = new_task("snv", "Thẩm định đề án vị trí việc làm")
    home_affairs = agency("snv")
    home_affairs.name = "Sở Nội vụ và Lao động"
    db.session.flush()
    assert task.id in task_ids(user("lanhdao"), "lao dong vi tri viec lam")
    home_affairs.aliases.append(type(home_affairs.aliases[0])(name="Sở NV-LĐ"))
    db.session.flush()
    assert task.id in task_ids(user("lanhdao"), "nv ld vi tri viec lam")


def test_a_new_notice_number_reaches_its_tasks(user: Find) -> None:
    task = new_task("snv", "Báo cáo tổng hợp")
    task.notice.number = "77/TB-VPUBND"
    db.session.flush()
    assert task.id in task_ids(user("lanhdao"), "77 tb bao cao")


def test_deleted_tasks_leave_the_index(user: Find) -> None:
    task = new_task("snv", "Nhiệm vụ sẽ bị xóa khoixoa")
    db.session.delete(task)
    db.session.flush()
    assert search(db.session(), user("lanhdao"), "khoixoa").total == 0
    assert db.session.scalar(select(func.count()).where(SearchDocument.task_id == task.id)) == 0


def test_a_bulk_update_needs_reindex_tasks(user: Find) -> None:
    task = new_task("snv", "Văn bản cũ")
    db.session.execute(update(Task).where(Task.id == task.id).values(text="Văn bản mới tinhkhiet"))
    assert task.id not in task_ids(user("lanhdao"), "tinhkhiet")  # bulk SQL skips the hook
    assert reindex_tasks(db.session(), [task.id]) == 1
    assert task.id in task_ids(user("lanhdao"), "tinhkhiet")


def test_rebuild_writes_one_document_per_notice_and_task(user: Find) -> None:
    before = found(search(db.session(), user("vanphong"), "so noi vu", limit=500))
    written = rebuild(db.session())
    notices = db.session.scalar(select(func.count()).select_from(Notice))
    # a recurring task is found as its series, not once per occurrence
    items = select(func.count()).select_from(Task).where(Task.series_id.is_(None))
    assert written == notices + db.session.scalar(items)
    assert db.session.scalar(select(func.count()).select_from(SearchDocument)) == written
    assert found(search(db.session(), user("vanphong"), "so noi vu", limit=500)) == before


def test_the_rebuild_command(app: Flask) -> None:
    result = app.test_cli_runner().invoke(args=["search", "rebuild"])
    assert result.exit_code == 0, result.output
    assert "Indexed" in result.output


def test_pages_of_results_follow_the_ranking(user: Find) -> None:
    leader = user("lanhdao")
    everything = found(search(db.session(), leader, "so", limit=1000))
    first = search(db.session(), leader, "so", limit=5)
    second = search(db.session(), leader, "so", limit=5, page=2)
    assert first.total == len(everything) > 10
    assert found(first) + found(second) == everything[:10]
    assert (second.page, second.has_prev, second.has_next) == (2, True, True)


def test_an_empty_query_finds_nothing(user: Find) -> None:
    results = search(db.session(), user("lanhdao"), " -- ")
    assert (results.terms, results.hits, results.total) == ([], [], 0)


def test_the_migration_built_the_full_text_index(app: Flask) -> None:
    connection = db.session.connection()
    if connection.dialect.name == "sqlite":
        assert "search_fts" in inspect(connection).get_table_names()
    else:
        columns = {c["name"] for c in inspect(connection).get_columns("search_document")}
        assert "search_fts" in columns
