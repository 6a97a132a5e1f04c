"""The audit log from outside: its documented catalogue, and its HTTP surface."""

import re

import httpx
import pytest

from ..conftest import ROOT

pytestmark = pytest.mark.e2e


def test_documented_catalogue_is_the_deployed_one(superuser):
    doc = (ROOT / "docs" / "audit.md").read_text()
    documented = dict(re.findall(r"^\| `([a-z_]+(?:\.[a-z_]+)+)` \| (.+?) \|$", doc, flags=re.M))
    deployed = dict(superuser.execute("SELECT action, description FROM audit.actions").fetchall())
    assert documented == deployed


def test_anonymous_callers_cannot_read_the_log(postgrest):
    r = httpx.get(f"{postgrest.url}/audit_events")
    assert r.status_code == 401
    assert r.json()["code"] == "42501"


def test_view_and_columns_carry_comments(superuser):
    missing = superuser.execute(
        "SELECT a.attname FROM pg_attribute a WHERE a.attrelid = 'api.audit_events'::regclass "
        "AND a.attnum > 0 AND col_description(a.attrelid, a.attnum) IS NULL").fetchall()
    assert missing == []
    comment = superuser.execute(
        "SELECT obj_description('api.audit_events'::regclass, 'pg_class')").fetchone()[0]
    assert "PostgREST operators" in comment


def test_verify_audit_is_refused_to_anonymous_callers(postgrest):
    r = httpx.get(f"{postgrest.url}/rpc/verify_audit")
    assert r.status_code == 401
    assert r.json()["message"] == "permission denied for function verify_audit"
