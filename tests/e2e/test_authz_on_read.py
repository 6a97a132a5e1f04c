"""Authorization is computed on read, inside the caller's transaction: a rights change is
seen by the very next statement of another session, and rights-changing writes in
different organizations take no lock in common."""

from __future__ import annotations

import json
import uuid

import psycopg
import pytest
from psycopg.types.json import Jsonb

ORGS = 8


def _user(conn: psycopg.Connection, tag: str) -> uuid.UUID:
    return conn.execute(
        "INSERT INTO identity.users (username, email) VALUES (%s, %s) RETURNING id",
        (tag, f"{tag}@example.org")).fetchone()[0]


def _org(conn: psycopg.Connection, tag: str, owner: uuid.UUID) -> uuid.UUID:
    org = conn.execute(
        "INSERT INTO identity.organizations (name, slug) VALUES (%s, %s) RETURNING id",
        (f"Org {tag}", tag)).fetchone()[0]
    conn.execute("INSERT INTO identity.org_memberships (org_id, user_id, role) "
                 "VALUES (%s, %s, 'owner')", (org, owner))
    return org


def _act_as(conn: psycopg.Connection, principal: uuid.UUID) -> None:
    """Inside the open transaction: the API role and claims PostgREST would set."""
    conn.execute("SET LOCAL ROLE authenticated")
    conn.execute("SELECT set_config('request.jwt.claims', %s, true)",
                 (json.dumps({"sub": str(principal), "role": "authenticated"}),))


def test_writers_in_different_organizations_never_wait_for_each_other(database, superuser):
    tag = uuid.uuid4().hex[:8]
    owners, orgs = [], []
    for i in range(ORGS):
        owner = _user(superuser, f"onread-{tag}-{i}")
        org = _org(superuser, f"onread-{tag}-{i}", owner)
        for j in range(5):   # members whose rights the new project changes
            member = _user(superuser, f"onread-{tag}-{i}-m{j}")
            superuser.execute("INSERT INTO identity.org_memberships (org_id, user_id, role) "
                              "VALUES (%s, %s, 'member')", (org, member))
        owners.append(owner)
        orgs.append(org)
    sessions = [psycopg.connect(database.superuser_conninfo()) for _ in range(ORGS)]
    try:
        # One after the other, each leaving its transaction open: a lock that one of them
        # needed and another held would stop it (lock_timeout turns the wait into 55P03).
        for conn, owner, org in zip(sessions, owners, orgs, strict=True):
            conn.execute("SET lock_timeout = '3s'")
            _act_as(conn, owner)
            project = conn.execute("SELECT id FROM api.create_project(%s, %s)",
                                   (f"p-{tag}", org)).fetchone()[0]
            assert conn.execute("SELECT identity.has_permission(%s, 'project', %s, 'admin')",
                                (owner, project)).fetchone()[0]
        pids = [conn.info.backend_pid for conn in sessions]
        states = superuser.execute(
            "SELECT count(*) FILTER (WHERE state = 'idle in transaction'), "
            "       count(*) FILTER (WHERE wait_event_type = 'Lock') "
            "  FROM pg_stat_activity WHERE pid = ANY (%s)", (pids,)).fetchone()
        assert states == (ORGS, 0), "all transactions open, none waiting on a lock"
        waiting = superuser.execute("SELECT count(*) FROM pg_locks WHERE pid = ANY (%s) "
                                    "AND NOT granted", (pids,)).fetchone()[0]
        assert waiting == 0
        for conn in sessions:
            conn.commit()
    finally:
        for conn in sessions:
            conn.close()
    created = superuser.execute("SELECT count(*) FROM identity.projects WHERE org_id = ANY (%s)",
                                (orgs,)).fetchone()[0]
    assert created == ORGS


def test_a_removed_membership_denies_in_the_next_statement_of_another_session(database, superuser):
    tag = uuid.uuid4().hex[:8]
    owner = _user(superuser, f"rm-{tag}-owner")
    member = _user(superuser, f"rm-{tag}-member")
    org = _org(superuser, f"rm-{tag}", owner)
    superuser.execute("INSERT INTO identity.org_memberships (org_id, user_id, role) "
                      "VALUES (%s, %s, 'member')", (org, member))
    project = superuser.execute(
        "INSERT INTO identity.projects (org_id, name) VALUES (%s, 'p') RETURNING id",
        (org,)).fetchone()[0]
    with psycopg.connect(database.superuser_conninfo()) as reader, \
            psycopg.connect(database.superuser_conninfo()) as writer:
        _act_as(reader, member)
        listed = "SELECT count(*) FROM api.projects WHERE id = %s"
        decided = "SELECT identity.has_permission(%s, 'project', %s, 'write')"
        assert reader.execute(listed, (project,)).fetchone()[0] == 1
        assert reader.execute(decided, (member, project)).fetchone()[0] is True
        writer.execute("DELETE FROM identity.org_memberships WHERE org_id = %s AND user_id = %s",
                       (org, member))
        writer.commit()
        # the reader's transaction is still the same one: its next statements see the change
        assert reader.execute(decided, (member, project)).fetchone()[0] is False
        assert reader.execute(listed, (project,)).fetchone()[0] == 0
        # and a grant is seen as soon, through a policy this time
        writer.execute("INSERT INTO identity.policies (subject_id, subject_type, resource_type, "
                       "resource_id, permission, conditions) "
                       "VALUES (%s, 'user', 'project', %s, 'read', %s)",
                       (member, project, Jsonb({})))
        writer.commit()
        assert reader.execute(listed, (project,)).fetchone()[0] == 1
        assert reader.execute(decided, (member, project)).fetchone()[0] is False


@pytest.mark.parametrize("role", ["viewer", "member"])
def test_a_role_grant_added_by_insert_counts_at_once(database, superuser, role):
    tag = uuid.uuid4().hex[:8]
    owner = _user(superuser, f"rg-{tag}-owner")
    user = _user(superuser, f"rg-{tag}-{role}")
    org = _org(superuser, f"rg-{tag}", owner)
    superuser.execute("INSERT INTO identity.org_memberships (org_id, user_id, role) "
                      "VALUES (%s, %s, %s)", (org, user, role))
    with superuser.transaction(force_rollback=True):
        ask = "SELECT identity.has_permission(%s, 'audit', %s, 'read')"
        assert superuser.execute(ask, (user, org)).fetchone()[0] is False
        superuser.execute("INSERT INTO identity.role_grants (role, resource_type, permission) "
                          "VALUES (%s, 'audit', 'read')", (role,))
        assert superuser.execute(ask, (user, org)).fetchone()[0] is True
