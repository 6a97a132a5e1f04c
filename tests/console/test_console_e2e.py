"""The console in a real Chromium against the real stack, through `up`'s Nginx: one test
per flow, each page checked with axe-core (no serious or critical violation) and
screenshotted, and failure paths showing their messages."""

from __future__ import annotations

import json
import os
import re
import uuid

import httpx
import psycopg
import pytest

from tests.conftest import run_cli
from tests.console.conftest import PASSWORD, Page, User
from tests.e2e.oidc_support import CLIENT_ID, CLIENT_SECRET, OpenIDProvider

pytestmark = pytest.mark.e2e

PAGES = ["Organizations", "Projects", "API keys", "Policies", "Models", "Datasets",
         "Observability", "Audit log", "Your sessions"]


def expect_no_axe_violations(tab: Page) -> None:
    violations = tab.axe()
    assert violations == [], violations


def make_project(superuser, user: User) -> str:
    return str(superuser.execute(
        "INSERT INTO identity.projects (name, user_id) VALUES (%s, %s) RETURNING id",
        (f"proj-{uuid.uuid4().hex[:6]}", user.id)).fetchone()[0])


def test_sign_in_wrong_password_then_right_one_and_sign_out(tab, user, superuser):
    tab.open()
    page = tab.page
    page.get_by_role("heading", name="Sign in to neuronplane").wait_for()
    expect_no_axe_violations(tab)
    tab.shot("sign-in")
    page.get_by_label("Username or e-mail").fill(user.name)
    page.get_by_label("Password", exact=True).fill("not the password at all")
    page.get_by_role("button", name="Sign in").click()
    alert = page.get_by_role("alert")
    alert.wait_for()
    assert "invalid username or password" in alert.inner_text()

    tab.sign_in(user)
    cookies = {c["name"]: c for c in tab.context.cookies()}
    assert cookies["np_access"]["httpOnly"] and cookies["np_refresh"]["httpOnly"]
    assert not cookies["np_csrf"]["httpOnly"]
    # No token where the page's scripts could read it.
    stored = "() => Object.keys(localStorage).length + Object.keys(sessionStorage).length"
    assert page.evaluate(stored) == 0
    assert "np_access" not in page.evaluate("() => document.cookie")

    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("heading", name="Sign in to neuronplane").wait_for()
    revoked = superuser.execute(
        "SELECT count(*) FILTER (WHERE revoked_at IS NULL), count(*) FROM auth.sessions"
        " WHERE principal_id = %s", (user.id,)).fetchone()
    assert revoked == (0, 1)


def test_every_page_is_accessible_and_keyboard_usable(tab, user, superuser):
    make_project(superuser, user)
    tab.sign_in(user)
    for title in PAGES:
        tab.go(title)
        tab.page.wait_for_function("() => !document.body.innerText.includes('Loading…')")
        expect_no_axe_violations(tab)
        tab.shot(re.sub(r"\W+", "-", title.lower()))
    # The keyboard reaches the navigation and follows a link with Enter.
    tab.open("/#/organizations")
    tab.page.get_by_role("heading", level=1, name="Organizations").wait_for()
    for _ in range(30):
        tab.page.keyboard.press("Tab")
        if tab.page.evaluate("() => document.activeElement.textContent") == "Audit log":
            break
    else:
        pytest.fail("Tab never reached the Audit log link")
    tab.page.keyboard.press("Enter")
    tab.page.get_by_role("heading", level=1, name="Audit log").wait_for()


def test_organization_and_member(tab, user, superuser):
    other = f"member-{uuid.uuid4().hex[:8]}"
    other_id = superuser.execute(
        "INSERT INTO identity.users (username, email) VALUES (%s, %s) RETURNING id",
        (other, f"{other}@example.test")).fetchone()[0]
    tab.sign_in(user)
    page = tab.page
    slug = f"org-{uuid.uuid4().hex[:6]}"
    page.get_by_label("Name", exact=True).fill("Acme Research")
    page.get_by_label("Slug").fill(slug)
    page.get_by_role("button", name="Create organization").click()
    page.get_by_role("button", name="Acme Research").click()
    page.get_by_label("E-mail or user id").fill(f"{other}@example.test")
    page.get_by_role("button", name="Invite").click()
    page.get_by_text(f"Invitation sent to {other}@example.test").wait_for()
    # Until the person accepts, the organization does not see them.
    assert page.get_by_role("cell", name=other, exact=True).count() == 0
    with superuser.transaction():
        (invitation,) = superuser.execute(
            "SELECT i.id FROM identity.org_invitations i JOIN identity.organizations o "
            "ON o.id = i.org_id WHERE o.slug = %s", (slug,)).fetchone()
        superuser.execute("SELECT set_config('request.jwt.claims', %s, true)",
                          (json.dumps({"sub": str(other_id), "role": "authenticated"}),))
        superuser.execute("SET LOCAL ROLE authenticated")
        superuser.execute("SELECT api.accept_invitation(%s)", (invitation,))
    page.reload()
    page.get_by_role("button", name="Acme Research").click()
    page.get_by_role("cell", name=other, exact=True).wait_for()
    page.get_by_label(f"Role of {other}").select_option("admin")
    page.get_by_text("Role changed.").wait_for()
    role = superuser.execute(
        "SELECT m.role FROM identity.org_memberships m JOIN identity.users u ON u.id = m.user_id"
        " JOIN identity.organizations o ON o.id = m.org_id WHERE u.username = %s AND o.slug = %s",
        (other, slug)).fetchone()
    assert role == ("admin",)
    # Neither an e-mail address nor a user id: the console says what it needs.
    page.get_by_label("E-mail or user id").fill("nobody-like-this")
    page.get_by_role("button", name="Invite").click()
    assert "Enter an e-mail address or a user id." in page.get_by_role("alert").inner_text()


def test_onboarding_creates_a_profile_and_an_unreachable_database_fails(tab, user, superuser):
    tab.sign_in(user)
    tab.go("Projects")
    page = tab.page
    name = f"zips-{uuid.uuid4().hex[:6]}"
    page.get_by_label("Profile name").fill(name)
    # Nothing listens on port 1: the test says so and Continue stays disabled.
    page.get_by_label("NeuronDB connection (postgresql://…), optional").fill(
        "postgresql://nobody:secret@127.0.0.1:1/neurondb")
    page.get_by_role("button", name="Test connection").click()
    alert = page.get_by_role("alert")
    alert.wait_for()
    assert "Connection failed" in alert.inner_text()
    assert "secret" not in alert.inner_text()
    assert page.get_by_role("button", name="Continue").is_disabled()
    tab.shot("onboarding-error")
    page.get_by_label("NeuronDB connection (postgresql://…), optional").fill("")
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("heading", name="New profile (step 2 of 3)").wait_for()
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("button", name="Create profile").click()
    page.get_by_text(f"Profile {name} created.").wait_for()
    page.get_by_role("cell", name=name).wait_for()
    assert superuser.execute(
        "SELECT count(*) FROM identity.projects WHERE name = %s AND user_id = %s",
        (name, user.id)).fetchone() == (1,)


def test_model_key_is_stored_and_never_returned(tab, user, superuser, entry):
    project = make_project(superuser, user)
    secret = f"sk-test-{uuid.uuid4().hex}"
    tab.sign_in(user)
    tab.go("Models")
    page = tab.page
    page.get_by_label("Provider").select_option("anthropic")
    page.get_by_label("Model name").fill("claude-test")
    page.get_by_role("button", name="Add model").click()
    row = page.get_by_role("row", name=re.compile("claude-test"))
    row.get_by_text("none").wait_for()
    row.get_by_label("New key for claude-test").fill(secret)
    row.get_by_role("button", name="Set key").click()
    row.get_by_text(f"…{secret[-4:]}").wait_for()
    tab.shot("models")
    # Through the API with the browser's own session: the key is there, never returned.
    cookies = {c["name"]: c["value"] for c in tab.context.cookies()}
    r = httpx.get(f"{entry.url}/rest/llm_models", params={"project_id": f"eq.{project}"},
                  cookies={"np_access": cookies["np_access"]})
    assert r.status_code == 200, r.text
    [model] = r.json()
    assert model["has_key"] is True and model["key_last4"] == secret[-4:]
    assert secret not in r.text
    stored = superuser.execute("SELECT count(*) FROM workspace.llm_models WHERE id = %s",
                               (model["id"],)).fetchone()
    assert stored == (1,)
    assert secret not in page.content()


def test_upload_csv_reaches_done_and_a_malformed_file_fails(tab, user, superuser, worker, tmp_path):
    make_project(superuser, user)
    good = tmp_path / "zips.csv"
    good.write_text("zip,city\n" + "".join(f"{10000 + i},City {i}\n" for i in range(137)))
    bad = tmp_path / "broken.parquet"
    bad.write_bytes(b"this is not parquet at all\n" * 10)
    tab.sign_in(user)
    tab.go("Datasets")
    page = tab.page
    page.get_by_label("Dataset name").fill("zips")
    page.get_by_label("File (CSV, JSON, JSONL, Parquet; compressed too)").set_input_files(str(good))
    page.get_by_role("button", name="Start ingestion").click()
    row = page.locator("tr[data-job='zips']")
    row.locator("td.status", has_text="succeeded").wait_for(timeout=60_000)
    assert "137 rows" in row.inner_text()
    tab.shot("datasets")

    page.get_by_label("Dataset name").fill("broken")
    page.get_by_label("File (CSV, JSON, JSONL, Parquet; compressed too)").set_input_files(str(bad))
    page.get_by_role("button", name="Start ingestion").click()
    bad_row = page.locator("tr[data-job='broken']")
    bad_row.locator("td.status", has_text="failed").wait_for(timeout=60_000)
    assert bad_row.locator(".error").inner_text().strip()


def test_api_key_created_once_used_and_revoked(tab, user, superuser, entry):
    make_project(superuser, user)
    tab.sign_in(user)
    tab.go("API keys")
    page = tab.page
    page.get_by_label("Name").fill("ci")
    page.get_by_role("button", name="Create key").click()
    secret = page.get_by_test_id("new-secret").inner_text()
    assert secret.startswith("npk_")
    r = httpx.get(f"{entry.url}/rest/projects", headers={"X-API-Key": secret})
    assert r.status_code == 200, r.text
    page.get_by_role("button", name="I have saved it").click()
    assert secret not in page.content()
    page.get_by_role("button", name="Revoke key ci").click()
    page.get_by_text("Key ci revoked.").wait_for()
    r = httpx.get(f"{entry.url}/rest/projects", headers={"X-API-Key": secret})
    assert r.status_code == 401, r.text


def test_revoke_another_session_and_see_the_audit_chain(tab, user, entry, superuser):
    # The chain is verified by platform administrators.
    superuser.execute("UPDATE identity.users SET is_admin = true WHERE id = %s", (user.id,))
    # A second session of the same user, as another browser would open it.
    other = httpx.post(f"{entry.url}/auth/login",
                       json={"username_or_email": user.name, "password": PASSWORD})
    assert other.status_code == 200, other.text
    access = other.cookies["np_access"]
    assert httpx.get(f"{entry.url}/auth/session", cookies={"np_access": access}).status_code == 200
    tab.sign_in(user)
    tab.go("Your sessions")
    page = tab.page
    page.get_by_role("button", name=re.compile("^Revoke the password session")).click()
    page.get_by_text("Session revoked.").wait_for()
    r = httpx.get(f"{entry.url}/rest/projects", cookies={"np_access": access})
    assert r.status_code == 401, r.text

    tab.go("Audit log")
    page.get_by_label("Action starts with").fill("auth.session")
    page.get_by_role("button", name="Apply filters").click()
    page.get_by_role("cell", name=re.compile(r"^auth\.session")).first.wait_for()
    page.get_by_role("button", name="Verify the chain").click()
    page.get_by_text("Chain verified").wait_for()
    tab.shot("audit-log")


def test_explain_a_decision(tab, user, superuser):
    project = make_project(superuser, user)
    tab.sign_in(user)
    tab.go("Policies")
    page = tab.page
    page.get_by_label("Resource id").fill(project)
    page.get_by_role("button", name="Explain").click()
    page.get_by_role("heading", name="Allowed").wait_for()
    tab.shot("policies-explain")
    page.get_by_label("Resource id").fill(str(uuid.uuid4()))
    page.get_by_role("button", name="Explain").click()
    page.get_by_role("heading", name="Denied").wait_for()


@pytest.fixture(scope="module")
def oidc_provider(database, entry, tmp_path_factory):
    name = "console-idp"
    callback = f"{entry.url}/auth/oidc/{name}/callback"
    op = OpenIDProvider(tmp_path_factory.mktemp("console-oidc"), [callback])
    op.start()
    try:
        run_cli("oidc", "add-provider", "--name", name, "--issuer", op.issuer,
                "--client-id", CLIENT_ID, "--callback-url", callback, "--redirect-uri", "/",
                "--dsn", database.superuser_conninfo(),
                env={**os.environ, "OIDC_CLIENT_SECRET": CLIENT_SECRET})
        yield name
    finally:
        op.stop()
        with psycopg.connect(database.superuser_conninfo(), autocommit=True) as conn:
            conn.execute("DELETE FROM auth.oidc_providers WHERE name = %s", (name,))


def test_sign_in_with_oidc(tab, oidc_provider):
    tab.open()
    tab.page.get_by_role("link", name=f"Sign in with {oidc_provider}").click()
    tab.page.get_by_text("Signed in as").wait_for()
    assert tab.page.get_by_text("Signed in as").inner_text().endswith("alice")


def test_password_login_endpoint_refusals_and_headers(entry, user):
    url = f"{entry.url}/auth/login"
    form = httpx.post(url, data={"username_or_email": user.name, "password": PASSWORD})
    assert form.status_code == 415 and "np_access" not in form.cookies
    odd = httpx.post(url, json={"username_or_email": user.name, "password": 42})
    assert odd.status_code == 400 and odd.json()["code"] == "22023"
    wrong = httpx.post(url, json={"username_or_email": user.name, "password": "nope nope"})
    assert wrong.status_code == 401 and wrong.json()["code"] == "28P01"
    assert "np_access" not in wrong.cookies
    ok = httpx.post(url, json={"username_or_email": user.name, "password": PASSWORD})
    assert ok.status_code == 200
    assert set(ok.json()) == {"session_id", "principal_id", "expires_in", "expires_at"}
    assert {"np_access", "np_refresh", "np_csrf"} <= set(ok.cookies.keys())
    # The proxy's headers are on every answer, the console's page included.
    page = httpx.get(f"{entry.url}/")
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert page.headers["x-frame-options"] == "DENY" and page.headers["x-request-id"]
    assert httpx.get(f"{entry.url}/rest/rpc/health").json()["status"] == "ok"
