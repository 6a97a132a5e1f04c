"""identity.decisions under concurrent writers: refreshes take turns (the row of
identity.decisions_epoch), so two transactions that change the sources of one decision at
once leave it right; a REPEATABLE READ writer that would compute from a snapshot older
than a concurrent refresh fails with 40001 instead."""

from __future__ import annotations

import threading
import time
import uuid

import psycopg
import pytest

PERMISSIONS = ("read", "write", "execute", "admin")


def _org_user_project(conn: psycopg.Connection) -> tuple[uuid.UUID, uuid.UUID, uuid.UUID]:
    tag = uuid.uuid4().hex[:10]
    user = conn.execute(
        "INSERT INTO identity.users (username, email) VALUES (%s, %s) RETURNING id",
        (f"dec-{tag}", f"dec-{tag}@example.org")).fetchone()[0]
    owner = conn.execute(
        "INSERT INTO identity.users (username, email) VALUES (%s, %s) RETURNING id",
        (f"dec-owner-{tag}", f"dec-owner-{tag}@example.org")).fetchone()[0]
    org = conn.execute(
        "INSERT INTO identity.organizations (name, slug) VALUES (%s, %s) RETURNING id",
        (f"Decisions {tag}", f"dec-{tag}")).fetchone()[0]
    conn.execute(
        "INSERT INTO identity.org_memberships (org_id, user_id, role) VALUES (%s, %s, 'owner')",
        (org, owner))
    project = conn.execute(
        "INSERT INTO identity.projects (org_id, name) VALUES (%s, 'p') RETURNING id",
        (org,)).fetchone()[0]
    return org, user, project


def _answers(conn: psycopg.Connection, user: uuid.UUID, project: uuid.UUID,
             function: str) -> list[bool]:
    return [conn.execute(f"SELECT identity.{function}(%s, 'project', %s, %s)",
                         (user, project, perm)).fetchone()[0] for perm in PERMISSIONS]


def _waiting_on_lock(conn: psycopg.Connection, pid: int, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        row = conn.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s",
                           (pid,)).fetchone()
        if row and row[0] == "Lock":
            return True
        time.sleep(0.05)
    return False


def test_two_writers_of_one_decision_take_turns_and_leave_it_right(database, superuser):
    org, user, project = _org_user_project(superuser)
    with psycopg.connect(database.superuser_conninfo()) as first, \
            psycopg.connect(database.superuser_conninfo()) as second:
        # The first makes the user a viewer of the organization (its refresh runs, its
        # transaction stays open); the second grants the user write on the project.
        first.execute("INSERT INTO identity.org_memberships (org_id, user_id, role) "
                      "VALUES (%s, %s, 'viewer')", (org, user))
        second_pid = second.info.backend_pid
        errors: list[BaseException] = []

        def grant() -> None:
            try:
                second.execute(
                    "INSERT INTO identity.policies (subject_id, subject_type, resource_type, "
                    "resource_id, permission) VALUES (%s, 'user', 'project', %s, 'write')",
                    (user, project))
                second.commit()
            except BaseException as exc:  # reported below
                errors.append(exc)

        thread = threading.Thread(target=grant)
        thread.start()
        assert _waiting_on_lock(superuser, second_pid), "the second refresh should wait"
        first.commit()
        thread.join(timeout=30)
        assert not thread.is_alive()
        assert errors == []

    # viewer: read; the policy: write; nothing else
    assert _answers(superuser, user, project, "has_permission") == [True, True, False, False]
    assert _answers(superuser, user, project, "decide_from_sources") == [True, True, False, False]
    assert superuser.execute("SELECT count(*) FROM identity.decisions_drift()").fetchone()[0] == 0


def test_a_repeatable_read_writer_behind_a_concurrent_refresh_gets_40001(database, superuser):
    org, user, project = _org_user_project(superuser)
    with psycopg.connect(database.superuser_conninfo()) as late:
        late.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        late.execute("SELECT 1").fetchone()  # its snapshot is taken here
        superuser.execute("INSERT INTO identity.org_memberships (org_id, user_id, role) "
                          "VALUES (%s, %s, 'member')", (org, user))
        with pytest.raises(psycopg.errors.SerializationFailure):
            late.execute(
                "INSERT INTO identity.policies (subject_id, subject_type, resource_type, "
                "resource_id, permission, effect) "
                "VALUES (%s, 'user', 'project', %s, 'write', 'deny')",
                (user, project))
        late.rollback()
    assert _answers(superuser, user, project, "has_permission") == [True, True, True, False]
    assert superuser.execute("SELECT count(*) FROM identity.decisions_drift()").fetchone()[0] == 0
