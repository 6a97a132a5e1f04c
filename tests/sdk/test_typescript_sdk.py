"""The TypeScript SDK's own tests (sdks/typescript/test, Node's test runner) against the
running stack; the database side of its refresh is checked here."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from .conftest import TS_SDK, expired_session, rotations

pytestmark = pytest.mark.e2e


def test_the_typescript_sdk_against_the_stack(postgrest, glue, superuser, account,
                                             typescript_dist):
    session = expired_session(postgrest, superuser, account)
    env = {**os.environ, **account.env(postgrest.url, glue),
           "NP_EXPIRED_ACCESS": session.expired_access, "NP_REFRESH": session.refresh_token}
    done = subprocess.run(["node", "--test", "--test-reporter=tap", "test/"], cwd=TS_SDK,
                          env=env, text=True, capture_output=True, timeout=300)
    print(done.stdout[-4000:], done.stderr[-2000:])
    assert done.returncode == 0
    assert "# pass 4" in done.stdout and "# fail 0" in done.stdout
    # One rotation of the session's refresh token for the 20 concurrent calls.
    assert rotations(superuser, session.session_id) == 2
    [example] = [json.loads(line.split("EXAMPLE ", 1)[1]) for line in done.stdout.splitlines()
                 if "EXAMPLE " in line]
    [(role,)] = superuser.execute(
        "SELECT role FROM identity.org_memberships WHERE org_id = %s AND user_id = %s",
        (example["org_id"], account.id)).fetchall()
    assert role == "owner"
