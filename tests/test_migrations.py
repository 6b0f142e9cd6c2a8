"""The schema exists only through migrations: upgrading an empty database gives all of it."""

import json
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask import Flask
from flask_migrate import downgrade, upgrade
from sqlalchemy import Connection, inspect, text

from tests.support.apps import settings_for
from tracker import create_app
from tracker.db import Base
from tracker.extensions import db
from tracker.search.schema import include_name


def test_migrated_schema_matches_the_models(app: Flask) -> None:
    connection = db.session.connection()
    context = MigrationContext.configure(connection, opts={"include_name": include_name})
    differences = compare_metadata(context, Base.metadata)
    tables = set(inspect(connection).get_table_names())
    assert differences == []
    assert {"agency", "notice", "task", "event", "reminder_log", "alembic_version"} <= tables
    assert "search_document" in tables


def _insert_agency_and_notice(connection: Connection, body: str = "") -> None:
    """Agency 1 and its published notice 1, written as rows (the models may be newer)."""
    connection.execute(
        text(
            "INSERT INTO agency (id, code, name, kind, active) "
            "VALUES (1, 'sxd', 'Sở Xây dựng', 'department', true)"
        )
    )
    connection.execute(
        text(
            "INSERT INTO notice (id, number, issued_on, issued_year, title, kind, body, state,"
            " created_at) VALUES (1, '5/TB-UBND', '2026-02-10', 2026, 'Thông báo',"
            " 'thong_bao', :body, 'published', '2026-02-10 08:00:00')"
        ),
        {"body": body},
    )


def test_recurring_tasks_become_a_series_with_their_work_on_the_first_occurrence(
    empty_database: str, tmp_path: Path
) -> None:
    migrated = create_app(settings_for(empty_database, tmp_path))
    with migrated.app_context():
        upgrade(revision="0013")
        connection = db.session.connection()
        _insert_agency_and_notice(connection)
        for task_id, deadline, recurrence, state, completed in [
            (1, "2026-03-20", "quarterly", "completed", "2026-03-18"),
            (2, None, "monthly", "in_progress", None),
            (3, "2026-05-01", None, "in_progress", None),
        ]:
            connection.execute(
                text(
                    "INSERT INTO task (id, notice_id, ref, text, lead_agency_id,"
                    " assigned_agency_id, deadline, original_deadline, recurrence, state,"
                    " completed_on, version, created_at, updated_at) VALUES (:id, 1, '1',"
                    " 'Báo cáo', 1, 1, :deadline, :deadline, :recurrence, :state, :completed, 1,"
                    " '2026-02-10 08:00:00', '2026-02-10 08:00:00')"
                ),
                {
                    "id": task_id,
                    "deadline": deadline,
                    "recurrence": recurrence,
                    "state": state,
                    "completed": completed,
                },
            )
        connection.execute(text("INSERT INTO task_coordinator VALUES (1, 1)"))
        if connection.dialect.name == "postgresql":  # rows inserted with their ids, as restored
            connection.execute(text("SELECT setval(pg_get_serial_sequence('task', 'id'), 3)"))
        db.session.commit()
        upgrade()
        rows = db.session.execute(
            text(
                "SELECT id, series_id, period_key, deadline, recurrence, state FROM task"
                " ORDER BY id"
            )
        ).all()
        assert [(r[0], r[1], r[2], str(r[3]) if r[3] else None, r[4], r[5]) for r in rows] == [
            (1, 4, "2026-Q1", "2026-03-20", None, "completed"),
            (2, 5, "2026-02", "2026-02-28", None, "in_progress"),
            (3, None, None, "2026-05-01", None, "in_progress"),
            (4, None, None, "2026-03-20", "quarterly", "in_progress"),
            (5, None, None, None, "monthly", "in_progress"),
        ]
        coordinators = db.session.execute(text("SELECT task_id FROM task_coordinator ORDER BY 1"))
        assert [row[0] for row in coordinators] == [1, 4]
        db.session.commit()
        downgrade(revision="0013")
        back = db.session.execute(text("SELECT id, recurrence FROM task ORDER BY id")).all()
        assert [tuple(row) for row in back] == [(1, "quarterly"), (2, "monthly"), (3, None)]
        db.session.remove()
        db.engine.dispose()


def test_queued_mail_moves_to_the_outbox_and_no_mail_means_no_channel(
    empty_database: str, tmp_path: Path
) -> None:
    migrated = create_app(settings_for(empty_database, tmp_path))
    with migrated.app_context():
        upgrade(revision="0019")
        connection = db.session.connection()
        for user_id, name, preference in [(1, "a", "none"), (2, "b", "daily")]:
            connection.execute(
                text(
                    "INSERT INTO user_account (id, username, full_name, email, password_hash,"
                    " role, active, must_change_password, created_at, session_version,"
                    " mail_preference) VALUES (:id, :name, :full_name, :email, 'x',"
                    " 'secretariat', true, false, '2026-12-01 08:00:00', 0, :preference)"
                ),
                {
                    "id": user_id,
                    "name": name,
                    "full_name": name,
                    "email": f"{name}@x.vn",
                    "preference": preference,
                },
            )
        connection.execute(
            text(
                "INSERT INTO outgoing_mail (kind, recipients, subject, text, html, state,"
                " attempts, created_at) VALUES ('reminder', :recipients, 'Nhắc việc', 't', 'h',"
                " 'queued', 1, '2026-12-01 08:00:00')"
            ),
            {"recipients": '["a@x.vn", "b@x.vn"]'},
        )
        db.session.commit()
        upgrade()
        rows = db.session.execute(
            text("SELECT channel, address, subject, state, attempts FROM outbox_message ORDER BY 2")
        ).all()
        assert [tuple(row) for row in rows] == [
            ("email", "a@x.vn", "Nhắc việc", "queued", 1),
            ("email", "b@x.vn", "Nhắc việc", "queued", 1),
        ]
        users = db.session.execute(
            text("SELECT username, notify_rhythm, notify_channels FROM user_account ORDER BY 1")
        ).all()
        assert [
            (u[0], u[1], json.loads(u[2]) if isinstance(u[2], str) else u[2]) for u in users
        ] == [
            ("a", "immediate", []),
            ("b", "daily", ["email"]),
        ]
        db.session.commit()
        downgrade(revision="0019")
        back = db.session.execute(text("SELECT recipients FROM outgoing_mail")).all()
        assert len(back) == 2
        db.session.remove()
        db.engine.dispose()


def test_tokens_made_before_scopes_keep_reading_only(empty_database: str, tmp_path: Path) -> None:
    migrated = create_app(settings_for(empty_database, tmp_path))
    with migrated.app_context():
        upgrade(revision="0019")
        connection = db.session.connection()
        connection.execute(
            text(
                "INSERT INTO user_account (id, username, full_name, password_hash, role, active,"
                " created_at) VALUES (1, 'stc', 'Chuyên viên', 'x', 'agency_officer', true,"
                " '2026-02-10 08:00:00')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO api_token (id, user_id, name, prefix, digest, created_at)"
                " VALUES (1, 1, 'Bảng tin', 'abcdefgh', :digest, '2026-02-10 08:00:00')"
            ),
            {"digest": "0" * 64},
        )
        db.session.commit()
        upgrade()
        scopes = db.session.execute(text("SELECT scopes FROM api_token")).scalar_one()
        assert (json.loads(scopes) if isinstance(scopes, str) else scopes) == ["read"]
        db.session.commit()
        downgrade(revision="0019")
        assert db.session.execute(text("SELECT count(*) FROM api_token")).scalar_one() == 1
        db.session.remove()
        db.engine.dispose()


def test_a_notice_body_moves_after_the_other_columns_on_sqlite_and_nothing_is_lost(
    empty_database: str, tmp_path: Path
) -> None:
    migrated = create_app(settings_for(empty_database, tmp_path))
    body = "Nội dung kết luận. " * 2000  # 38 KB, longer than a page
    with migrated.app_context():
        upgrade(revision="0026")
        connection = db.session.connection()
        _insert_agency_and_notice(connection, body)
        connection.execute(
            text(
                "INSERT INTO task (id, notice_id, ref, text, lead_agency_id, assigned_agency_id,"
                " state, version, created_at, updated_at) VALUES (1, 1, '1',"
                " 'Báo cáo', 1, 1, 'in_progress', 1, '2026-02-10 08:00:00',"
                " '2026-02-10 08:00:00')"
            )
        )
        db.session.commit()
        before = [column["name"] for column in inspect(db.engine).get_columns("notice")]
        upgrade()
        after = [column["name"] for column in inspect(db.engine).get_columns("notice")]
        sqlite = db.engine.dialect.name == "sqlite"
        assert after == (
            [name for name in before if name != "body"] + ["body"] if sqlite else before
        )
        assert before[-1] != "body"
        kept = db.session.execute(text("SELECT number, body, state FROM notice")).one()
        assert tuple(kept) == ("5/TB-UBND", body, "published")
        assert db.session.execute(text("SELECT notice_id FROM task")).scalar_one() == 1
        db.session.commit()
        downgrade(revision="0026")  # leaves the order as it is
        assert db.session.execute(text("SELECT body FROM notice")).scalar_one() == body
        db.session.remove()
        db.engine.dispose()
