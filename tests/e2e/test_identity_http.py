"""The identity model over HTTP: organizations, members, projects, API keys, policies and
row-level security, through a real PostgREST process with signed JWTs.

Fixture users are inserted as superuser (authentication proper comes later); everything
else goes through the API as those users. The database is shared by the whole session,
so every name carries a uuid suffix and every assertion filters on this test's own ids.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import jwt
import pytest

pytestmark = pytest.mark.e2e

API_KEY = re.compile(r"^npk_([0-9a-f]{12})_[0-9a-f]{64}$")
RLS_REFUSAL = 'new row violates row-level security policy for table "projects"'

def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def expect_error(r: httpx.Response, status: int, code: str) -> dict[str, Any]:
    """The PostgREST error body, after checking its HTTP status and SQLSTATE."""
    body = r.json()
    assert (r.status_code, isinstance(body, dict) and body.get("code")) == (status, code), r.text
    return body


def ok(r: httpx.Response, status: int = 200) -> Any:
    assert r.status_code == status, r.text
    return r.json() if r.content else None


class Client:
    """Requests as one principal (or anonymously) against the test PostgREST."""

    def __init__(self, postgrest, sub: str | None, api_key_id: str | None = None) -> None:
        headers = postgrest.auth(sub, api_key_id=api_key_id) if sub else {}
        self.sub = sub
        self.http = httpx.Client(base_url=postgrest.url, headers=headers, timeout=30)

    def rpc(self, function: str, /, **args: Any) -> httpx.Response:
        return self.http.post(f"/rpc/{function}", json=args)

    def get(self, path: str, **params: str) -> httpx.Response:
        return self.http.get(path, params=params)

    def rows(self, path: str, **params: str) -> list[dict[str, Any]]:
        return ok(self.get(path, **params))

    def patch(self, path: str, body: dict[str, Any], **params: str) -> httpx.Response:
        return self.http.patch(path, params=params, json=body,
                               headers={"Prefer": "return=representation"})

    def post(self, path: str, body: dict[str, Any]) -> httpx.Response:
        return self.http.post(path, json=body, headers={"Prefer": "return=minimal"})


@pytest.fixture
def new_user(superuser):
    """Insert a user as superuser; returns its id."""

    def make(*, admin: bool = False) -> str:
        name = unique("admin" if admin else "user")
        return str(superuser.execute(
            "INSERT INTO identity.users (username, email, is_admin) VALUES (%s, %s, %s) "
            "RETURNING id", (name, f"{name}@example.test", admin)).fetchone()[0])

    return make


@pytest.fixture
def client(postgrest) -> Iterator:
    """client(sub, api_key_id=None): a Client as that principal; client(None): anonymous."""
    made: list[Client] = []

    def make(sub: str | None, api_key_id: str | None = None) -> Client:
        made.append(Client(postgrest, sub, api_key_id))
        return made[-1]

    yield make
    for c in made:
        c.http.close()


class Org:
    """An organization created over HTTP by a new owner, with a member and a viewer invited
    by that owner (who accept), and a project in it."""

    def __init__(self, new_user, client) -> None:
        self.owner_id, self.member_id, self.viewer_id = new_user(), new_user(), new_user()
        self.owner = client(self.owner_id)
        self.member = client(self.member_id)
        self.viewer = client(self.viewer_id)
        self.slug = unique("org")
        self.id = ok(self.owner.rpc("create_organization", name="Org " + self.slug,
                                    slug=self.slug))["id"]
        for who, user_id, role in ((self.member, self.member_id, "member"),
                                   (self.viewer, self.viewer_id, "viewer")):
            invitation = ok(self.owner.rpc("add_member", org_id=self.id, user_id=user_id,
                                           role=role))
            ok(who.rpc("accept_invitation", invitation_id=invitation["id"]))
        self.project_id = ok(self.owner.rpc("create_project", name=unique("project"),
                                            org_id=self.id))["id"]


@pytest.fixture
def org(new_user, client) -> Org:
    return Org(new_user, client)


# Organizations and members -----------------------------------------------------------------

def test_create_organization_makes_the_caller_its_owner(new_user, client):
    alice = client(new_user())
    slug = unique("acme")
    org = ok(alice.rpc("create_organization", name="Acme", slug=slug,
                       metadata={"tier": "test"}))
    assert (org["name"], org["slug"], org["metadata"]) == ("Acme", slug, {"tier": "test"})
    assert alice.rows("/organizations", id=f"eq.{org['id']}") == [org]
    members = alice.rows("/memberships", org_id=f"eq.{org['id']}", select="user_id,role")
    assert members == [{"user_id": alice.sub, "role": "owner"}]


def test_duplicate_slug_is_a_conflict_whatever_the_case(new_user, client):
    alice, bob = client(new_user()), client(new_user())
    slug = unique("dup")
    ok(alice.rpc("create_organization", name="First", slug=slug))
    body = expect_error(bob.rpc("create_organization", name="Second", slug=slug.upper()),
                        409, "23505")
    assert body["message"] == f'an organization with slug "{slug.upper()}" already exists'
    assert body["hint"] == "Choose another slug."
    assert bob.rows("/organizations", slug=f"eq.{slug}") == []


def test_invalid_slug_is_a_bad_request(new_user, client):
    alice = client(new_user())
    expect_error(alice.rpc("create_organization", name="Bad", slug="no spaces allowed"),
                 400, "23514")


def test_owner_adds_members_with_roles(org):
    expected = {(org.owner_id, "owner"), (org.member_id, "member"), (org.viewer_id, "viewer")}
    # every member, whatever its role, sees the same list
    for who in (org.owner, org.member, org.viewer):
        members = who.rows("/memberships", org_id=f"eq.{org.id}", select="user_id,role")
        assert {(m["user_id"], m["role"]) for m in members} == expected


def test_adding_a_user_invites_them_and_shows_nothing_until_they_accept(new_user, client):
    # No Org fixture: it accepts invitations itself, and this test must show what an owner
    # reads of a user added without consent (it read the e-mail before invitations).
    owner, stranger_id, other_id = client(new_user()), new_user(), new_user()
    org_id = ok(owner.rpc("create_organization", name="Org", slug=unique("inv")))["id"]
    invitation = ok(owner.rpc("add_member", org_id=org_id, user_id=stranger_id, role="member"))
    # Before the stranger accepts, the owner reads nothing of them: no profile, no e-mail.
    assert owner.rows("/users", id=f"eq.{stranger_id}") == []
    assert owner.rows("/memberships", user_id=f"eq.{stranger_id}") == []
    assert (invitation["invitee_user_id"], invitation["status"]) == (stranger_id, "pending")
    assert owner.rows("/invitations", id=f"eq.{invitation['id']}") == [invitation]
    stranger = client(stranger_id)
    assert stranger.rows("/invitations", select="id,org_id,role") == [
        {"id": invitation["id"], "org_id": org_id, "role": "member"}]
    # Only the invitee answers it.
    expect_error(client(other_id).rpc("accept_invitation", invitation_id=invitation["id"]),
                 400, "42704")
    membership = ok(stranger.rpc("accept_invitation", invitation_id=invitation["id"]))
    assert (membership["org_id"], membership["user_id"], membership["role"]) == (
        org_id, stranger_id, "member")
    [profile] = owner.rows("/users", id=f"eq.{stranger_id}", select="email")
    assert profile["email"].endswith("@example.test")


def test_adding_a_member_twice_or_with_a_bad_role_is_refused(org):
    expect_error(org.owner.rpc("add_member", org_id=org.id, user_id=org.member_id), 409, "23505")
    expect_error(org.owner.rpc("add_member", org_id=org.id, user_id=org.member_id,
                               role="superhero"), 400, "22023")
    expect_error(org.owner.rpc("add_member", org_id=org.id, user_id=str(uuid.uuid4())),
                 409, "23503")


def test_members_and_viewers_cannot_manage_members(org, new_user):
    outsider = new_user()
    for who in (org.member, org.viewer):
        expect_error(who.rpc("add_member", org_id=org.id, user_id=outsider), 403, "42501")
        expect_error(who.rpc("change_member_role", org_id=org.id, user_id=org.viewer_id,
                             role="admin"), 403, "42501")


def test_owner_renames_the_organization_and_members_cannot(org):
    [renamed] = ok(org.owner.patch("/organizations", {"name": "Renamed"}, id=f"eq.{org.id}"))
    assert (renamed["name"], renamed["slug"]) == ("Renamed", org.slug)
    body = expect_error(org.member.patch("/organizations", {"name": "Mine now"},
                                         id=f"eq.{org.id}"), 403, "42501")
    assert body["message"] == ('new row violates row-level security policy for table '
                               '"organizations"')
    # the slug is not updatable through the API
    expect_error(org.owner.patch("/organizations", {"slug": unique("s")}, id=f"eq.{org.id}"),
                 403, "42501")
    events = org.owner.rows("/audit_events", action="eq.identity.org.updated",
                            resource_id=f"eq.{org.id}")
    assert len(events) == 1 and events[0]["principal_id"] == org.owner_id


def test_change_member_role_and_remove_member(org):
    changed = ok(org.owner.rpc("change_member_role", org_id=org.id, user_id=org.viewer_id,
                               role="member"))
    assert (changed["user_id"], changed["role"]) == (org.viewer_id, "member")
    assert ok(org.owner.rpc("remove_member", org_id=org.id, user_id=org.viewer_id),
              204) is None
    assert org.owner.rows("/memberships", org_id=f"eq.{org.id}",
                          user_id=f"eq.{org.viewer_id}") == []
    # a former member sees nothing of the organization any more
    assert org.viewer.rows("/organizations", id=f"eq.{org.id}") == []


def test_the_last_owner_cannot_leave(org):
    expect_error(org.owner.rpc("remove_member", org_id=org.id, user_id=org.owner_id),
                 400, "23514")
    expect_error(org.owner.rpc("change_member_role", org_id=org.id, user_id=org.owner_id,
                               role="admin"), 400, "23514")


@pytest.mark.parametrize(("function", "args"), [
    ("change_member_role", {"user_id": "{stranger}", "role": "member"}),
    ("remove_member", {"user_id": "{stranger}"}),
    ("revoke_permission", {"policy_id": "{random}"}),
    ("disable_principal", {"principal_id": "{random}"}),
    ("resolve_principal", {"principal_id": "{random}"}),
])
def test_something_missing_is_a_client_error(org, new_user, function, args):
    # 42704 (undefined_object), which PostgREST answers with 400; P0002 would be a 500
    values = {"stranger": new_user(), "random": str(uuid.uuid4())}
    args = {k: v.format(**values) if isinstance(v, str) else v for k, v in args.items()}
    if function in ("change_member_role", "remove_member"):
        args["org_id"] = org.id
    expect_error(org.owner.rpc(function, **args), 400, "42704")


# Projects ----------------------------------------------------------------------------------

def test_viewer_cannot_patch_a_project(org):
    body = expect_error(org.viewer.patch("/projects", {"description": "by viewer"},
                                         id=f"eq.{org.project_id}"), 403, "42501")
    assert body["message"] == RLS_REFUSAL
    assert org.viewer.rows("/projects", id=f"eq.{org.project_id}",
                           select="description") == [{"description": None}]


def test_member_can_patch_a_project_without_a_key_or_with_a_member_key(org, client):
    rows = ok(org.member.patch("/projects", {"description": "by member"},
                               id=f"eq.{org.project_id}"))
    assert [(p["id"], p["description"]) for p in rows] == [(org.project_id, "by member")]
    assert org.viewer.rows("/projects", id=f"eq.{org.project_id}",
                           select="description") == [{"description": "by member"}]
    key = ok(org.member.rpc("create_api_key", name="rw", roles=["member"]))
    rows = ok(client(org.member_id, api_key_id=key["id"]).patch(
        "/projects", {"description": "via member key"}, id=f"eq.{org.project_id}"))
    assert [p["description"] for p in rows] == ["via member key"]


def test_member_can_insert_projects_directly(org):
    # the view's comment: POST here with Prefer: return=minimal
    name = unique("direct")
    assert ok(org.member.post("/projects", {"name": name, "org_id": org.id}), 201) is None
    assert len(org.viewer.rows("/projects", name=f"eq.{name}")) == 1
    personal = unique("mine")
    ok(org.member.post("/projects", {"name": personal, "user_id": org.member_id}), 201)
    [row] = org.member.rows("/projects", name=f"eq.{personal}")
    assert (row["user_id"], row["org_id"]) == (org.member_id, None)
    assert org.owner.rows("/projects", name=f"eq.{personal}") == []


def test_only_admins_delete_projects(org):
    r = org.member.http.delete("/projects", params={"id": f"eq.{org.project_id}"})
    # DELETE's USING hides the row: nothing is deleted, and PostgREST says so with 204
    assert r.status_code == 204, r.text
    assert len(org.owner.rows("/projects", id=f"eq.{org.project_id}")) == 1
    r = org.owner.http.delete("/projects", params={"id": f"eq.{org.project_id}"},
                              headers={"Prefer": "return=representation"})
    assert [p["id"] for p in ok(r)] == [org.project_id]
    assert org.owner.rows("/projects", id=f"eq.{org.project_id}") == []


def test_dsn_password_is_stored_encrypted_and_never_shown(org, superuser, new_user, client):
    password = "pw-" + uuid.uuid4().hex
    dsn = f"postgresql://neuron:{password}@db.example.test:5432/neurondb?sslmode=require"
    created = org.owner.rpc("create_project", name=unique("dsn"), org_id=org.id, neurondb_dsn=dsn)
    assert password not in created.text
    project = ok(created)
    assert project["neurondb_dsn"] == "postgresql://neuron@db.example.test:5432/neurondb?sslmode=require"
    assert project["has_dsn_password"] is True

    admin = client(new_user(admin=True))  # sees every audit event
    for who in (org.owner, org.member, org.viewer, admin):
        listing = who.get("/projects", id=f"eq.{project['id']}")
        assert password not in listing.text
        assert ok(listing) == [project]
        audit = who.get("/audit_events", order="id.desc", limit="200")
        assert audit.status_code == 200 and password not in audit.text

    # Nowhere in the database in clear either: not in the table, not in the audit log.
    stored = superuser.execute(
        "SELECT neurondb_dsn, neurondb_dsn_secret FROM identity.projects WHERE id = %s",
        (project["id"],)).fetchone()
    assert password not in stored[0] and password.encode() not in stored[1]
    assert superuser.execute("SELECT count(*) FROM audit.events WHERE details::text LIKE %s",
                             (f"%{password}%",)).fetchone()[0] == 0

    full = f"postgresql://neuron@db.example.test:5432/neurondb?sslmode=require&password={password}"
    assert ok(org.member.rpc("project_dsn", project_id=project["id"])) == full
    assert ok(org.owner.rpc("project_dsn", project_id=project["id"])) == full
    # read is not execute: a viewer may see the project, not its password
    expect_error(org.viewer.rpc("project_dsn", project_id=project["id"]), 403, "42501")


def test_key_value_dsn_password_is_taken_out_too(org):
    password = "it's-" + uuid.uuid4().hex
    quoted = password.replace("'", "\\'")
    dsn = f"host=db.example.test dbname=neurondb user=neuron password='{quoted}'"
    project = ok(org.member.rpc("create_project", name=unique("kv"), org_id=org.id,
                                neurondb_dsn=dsn))
    assert project["neurondb_dsn"] == "host=db.example.test dbname=neurondb user=neuron"
    assert project["has_dsn_password"] is True
    assert ok(org.member.rpc("project_dsn", project_id=project["id"])) == (
        f"host=db.example.test dbname=neurondb user=neuron password='{quoted}'")


def test_patching_the_dsn_replaces_the_password_and_audits_without_it(org, superuser):
    password = "pw-" + uuid.uuid4().hex
    r = org.member.patch("/projects",
                         {"neurondb_dsn": f"postgresql://u:{password}@h.example.test/db"},
                         id=f"eq.{org.project_id}")
    assert password not in r.text
    [row] = ok(r)
    assert (row["neurondb_dsn"], row["has_dsn_password"]) == ("postgresql://u@h.example.test/db",
                                                              True)
    assert ok(org.member.rpc("project_dsn", project_id=org.project_id)) == (
        f"postgresql://u@h.example.test/db?password={password}")
    changed = superuser.execute(
        "SELECT details FROM audit.events WHERE action = 'identity.project.updated' "
        "AND resource_id = %s ORDER BY id DESC LIMIT 1", (org.project_id,)).fetchone()[0]
    assert "neurondb_dsn" in changed["changed"] and password not in str(changed)


def test_create_project_validates_its_fields(org):
    expect_error(org.member.rpc("create_project", name=unique("mcp"), org_id=org.id,
                                mcp_config={"cmd": "x"}), 400, "22023")
    name = unique("same")
    ok(org.member.rpc("create_project", name=name, org_id=org.id))
    expect_error(org.member.rpc("create_project", name=name.upper(), org_id=org.id),
                 409, "23505")
    expect_error(org.viewer.rpc("create_project", name=unique("v"), org_id=org.id),
                 403, "42501")


def test_members_register_agents_and_viewers_cannot(org, new_user, client):
    name = unique("agent")
    assert ok(org.member.post("/agents", {"project_id": org.project_id, "name": name}),
              201) is None
    [agent] = org.viewer.rows("/agents", name=f"eq.{name}")
    assert agent["project_id"] == org.project_id
    # the agent is a principal of its own
    assert [p["type"] for p in org.viewer.rows("/principals", id=f"eq.{agent['id']}")] == [
        "agent"]
    body = expect_error(org.viewer.post("/agents", {"project_id": org.project_id,
                                                    "name": unique("agent")}), 403, "42501")
    assert body["message"] == 'new row violates row-level security policy for table "agents"'
    assert client(new_user()).rows("/agents", id=f"eq.{agent['id']}") == []


# Row-level security between organizations --------------------------------------------------

def test_another_organization_sees_nothing_of_org_a(org, new_user, client):
    sa = ok(org.owner.rpc("create_service_account", name=unique("sa"), org_id=org.id))
    key = ok(org.owner.rpc("create_api_key", name="owner key"))
    policy = ok(org.owner.rpc("grant_permission", subject_id=org.viewer_id,
                              resource_type="project", resource_id=org.project_id,
                              permission="write"))
    # org A's owner sees what it made
    assert [r["id"] for r in org.owner.rows("/service_accounts", id=f"eq.{sa['id']}")] == [sa["id"]]
    assert [r["id"] for r in org.owner.rows("/api_keys", id=f"eq.{key['id']}")] == [key["id"]]
    assert [r["id"] for r in org.owner.rows("/policies", id=f"eq.{policy['id']}")] == [policy["id"]]

    bob = client(new_user())
    org_b = ok(bob.rpc("create_organization", name="B", slug=unique("b")))
    assert [o["id"] for o in bob.rows("/organizations")] == [org_b["id"]]
    for path, column, value in [
        ("/organizations", "id", org.id),
        ("/projects", "org_id", org.id),
        ("/projects", "id", org.project_id),
        ("/memberships", "org_id", org.id),
        ("/service_accounts", "org_id", org.id),
        ("/api_keys", "id", key["id"]),
        ("/api_keys", "principal_id", org.owner_id),
        ("/policies", "id", policy["id"]),
        ("/users", "id", org.owner_id),
        ("/principals", "id", org.id),
        ("/principals", "id", sa["id"]),
        ("/audit_events", "org_id", org.id),
    ]:
        assert bob.rows(path, **{column: f"eq.{value}"}) == [], path


def test_writing_into_another_organization_is_refused(org, new_user, client):
    bob_id = new_user()
    bob = client(bob_id)
    ok(bob.rpc("create_organization", name="B", slug=unique("b")))

    expect_error(bob.rpc("create_project", name=unique("p"), org_id=org.id), 403, "42501")
    body = expect_error(bob.post("/projects", {"name": unique("p"), "org_id": org.id}),
                        403, "42501")
    assert body["message"] == RLS_REFUSAL
    expect_error(bob.rpc("add_member", org_id=org.id, user_id=bob_id, role="owner"),
                 403, "42501")
    expect_error(bob.rpc("create_service_account", name=unique("sa"), org_id=org.id),
                 403, "42501")
    expect_error(bob.rpc("grant_permission", subject_id=bob_id, resource_type="project",
                         resource_id=org.project_id, permission="admin"), 403, "42501")
    expect_error(bob.rpc("project_dsn", project_id=org.project_id), 403, "42501")
    # rows of org A are invisible to UPDATE and DELETE: nothing matches, nothing changes
    assert ok(bob.patch("/projects", {"name": "hijacked"}, id=f"eq.{org.project_id}")) == []
    assert ok(bob.patch("/organizations", {"name": "hijacked"}, id=f"eq.{org.id}")) == []
    assert bob.http.delete("/projects", params={"id": f"eq.{org.project_id}"}).status_code == 204
    [project] = org.owner.rows("/projects", id=f"eq.{org.project_id}")
    assert project["name"] != "hijacked"
    assert org.owner.rows("/organizations", id=f"eq.{org.id}", select="name") == [
        {"name": "Org " + org.slug}]


def test_only_an_administrator_of_both_organizations_moves_a_project(org):
    move_refused = (f"moving project {org.project_id} to another organization needs admin on "
                    "it and write on the destination")
    # Neither a viewer nor a plain member (who may write the project) may take the project
    # to an organization of their own: that would take it, DSN password and all, from org A.
    own = {}
    for who in (org.viewer, org.member):
        own[who] = ok(who.rpc("create_organization", name="Mine", slug=unique("mine")))["id"]
        body = expect_error(who.patch("/projects", {"org_id": own[who]},
                                      id=f"eq.{org.project_id}"), 403, "42501")
        assert body["message"] == move_refused
    # Nor the owner of org A into an organization where it may not write.
    destination = own[org.member]
    body = expect_error(org.owner.patch("/projects", {"org_id": destination},
                                        id=f"eq.{org.project_id}"), 403, "42501")
    assert body["message"] == move_refused
    assert org.owner.rows("/projects", id=f"eq.{org.project_id}", select="org_id") == [
        {"org_id": org.id}]
    # Once owner of the destination too, it may.
    invitation = ok(org.member.rpc("add_member", org_id=destination, user_id=org.owner_id,
                                   role="owner"))
    ok(org.owner.rpc("accept_invitation", invitation_id=invitation["id"]))
    [moved] = ok(org.owner.patch("/projects", {"org_id": destination},
                                 id=f"eq.{org.project_id}"))
    assert moved["org_id"] == destination
    assert org.viewer.rows("/projects", id=f"eq.{org.project_id}") == []


# API keys ----------------------------------------------------------------------------------

def test_api_key_is_shown_once_and_never_listed(new_user, client, superuser):
    alice = client(new_user())
    issued = ok(alice.rpc("create_api_key", name="laptop", roles=["viewer", "member"]))
    assert set(issued) == {"id", "prefix", "api_key"}
    match = API_KEY.match(issued["api_key"])
    assert match and match.group(1) == issued["prefix"]

    listing = alice.get("/api_keys", id=f"eq.{issued['id']}")
    [row] = ok(listing)
    assert issued["api_key"] not in listing.text
    secret_part = issued["api_key"].rsplit("_", 1)[1]
    assert secret_part not in listing.text
    assert set(row) == {"id", "principal_id", "principal_type", "project_id", "name", "prefix",
                        "roles", "rate_limit_per_min", "expires_at", "revoked_at",
                        "last_used_at", "created_by", "created_at", "updated_at"}
    assert (row["prefix"], row["principal_id"], row["roles"], row["revoked_at"]) == (
        issued["prefix"], alice.sub, ["member", "viewer"], None)
    expect_error(alice.get("/api_keys", select="secret_hash"), 400, "42703")
    # what is stored is the SHA-256 of the key, not the key
    stored = superuser.execute(
        "SELECT secret_hash = sha256(convert_to(%s, 'UTF8')) FROM identity.api_keys "
        "WHERE id = %s", (issued["api_key"], issued["id"])).fetchone()[0]
    assert stored is True
    audit = alice.get("/audit_events", resource_id=f"eq.{issued['prefix']}")
    assert [e["action"] for e in ok(audit)] == ["api_key.created"]
    assert secret_part not in audit.text


def test_api_key_arguments_are_checked(new_user, client):
    alice = client(new_user())
    expect_error(alice.rpc("create_api_key", name="k", roles=["root"]), 400, "22023")
    expect_error(alice.rpc("create_api_key", name="k", roles=[]), 400, "22023")
    expect_error(alice.rpc("create_api_key", name="k", expires_at="2000-01-01T00:00:00Z"),
                 400, "22023")
    # keys of another user are not yours to make
    expect_error(alice.rpc("create_api_key", name="k", principal_id=new_user()), 403, "42501")


def test_revoke_and_rotate_api_key(new_user, client):
    alice = client(new_user())
    issued = ok(alice.rpc("create_api_key", name="ci", roles=["member"]))

    rotated = ok(alice.rpc("rotate_api_key", id=issued["id"]))
    assert set(rotated) == {"new_id", "prefix", "api_key"}
    assert API_KEY.match(rotated["api_key"])
    assert rotated["api_key"] != issued["api_key"] and rotated["new_id"] != issued["id"]
    assert rotated["prefix"] != issued["prefix"]
    [old] = alice.rows("/api_keys", id=f"eq.{issued['id']}")
    [new] = alice.rows("/api_keys", id=f"eq.{rotated['new_id']}")
    assert old["revoked_at"] is not None and new["revoked_at"] is None
    assert (new["name"], new["roles"]) == ("ci", ["member"])
    assert rotated["api_key"] not in str(new)
    # a revoked key cannot be rotated again
    expect_error(alice.rpc("rotate_api_key", id=issued["id"]), 400, "22023")

    revoked = ok(alice.rpc("revoke_api_key", id=rotated["new_id"]))
    assert revoked["id"] == rotated["new_id"] and revoked["revoked_at"] is not None
    # revoking twice changes nothing
    again = ok(alice.rpc("revoke_api_key", id=rotated["new_id"]))
    assert again["revoked_at"] == revoked["revoked_at"]


def test_api_keys_can_be_renamed_and_nothing_else(new_user, client):
    alice = client(new_user())
    issued = ok(alice.rpc("create_api_key", name="old name"))
    [row] = ok(alice.patch("/api_keys", {"name": "new name"}, id=f"eq.{issued['id']}"))
    assert row["name"] == "new name"
    for column, value in [("revoked_at", None), ("roles", ["admin"]),
                          ("expires_at", "2100-01-01T00:00:00Z")]:
        body = expect_error(alice.patch("/api_keys", {column: value}, id=f"eq.{issued['id']}"),
                            403, "42501")
        assert body["message"] == "permission denied for view api_keys", column


def test_keys_of_others_cannot_be_revoked_or_rotated(new_user, client):
    alice, bob = client(new_user()), client(new_user())
    issued = ok(alice.rpc("create_api_key", name="mine"))
    expect_error(bob.rpc("revoke_api_key", id=issued["id"]), 403, "42501")
    expect_error(bob.rpc("rotate_api_key", id=issued["id"]), 403, "42501")
    [row] = alice.rows("/api_keys", id=f"eq.{issued['id']}")
    assert row["revoked_at"] is None


def test_a_viewer_key_narrows_what_a_member_may_do(org, client):
    key = ok(org.member.rpc("create_api_key", name="read only", roles=["viewer"]))
    through_key = client(org.member_id, api_key_id=key["id"])

    assert [p["id"] for p in through_key.rows("/projects", id=f"eq.{org.project_id}")] == [
        org.project_id]
    body = expect_error(through_key.patch("/projects", {"description": "via key"},
                                          id=f"eq.{org.project_id}"), 403, "42501")
    assert body["message"] == RLS_REFUSAL
    assert ok(through_key.rpc("has_permission", resource_type="project",
                              resource_id=org.project_id, permission="write")) is False
    assert ok(through_key.rpc("has_permission", resource_type="project",
                              resource_id=org.project_id, permission="read")) is True
    expect_error(through_key.rpc("project_dsn", project_id=org.project_id), 403, "42501")
    expect_error(through_key.rpc("create_project", name=unique("k"), org_id=org.id),
                 403, "42501")
    # a key without the admin role cannot make keys, nor create organizations
    expect_error(through_key.rpc("create_api_key", name="escalate", roles=["admin"]),
                 403, "42501")
    expect_error(through_key.rpc("create_organization", name="K", slug=unique("k")),
                 403, "42501")
    # the same user without the key holds write (the PATCH itself:
    # test_member_can_patch_a_project_without_a_key_or_with_a_member_key)
    assert ok(org.member.rpc("has_permission", resource_type="project",
                             resource_id=org.project_id, permission="write")) is True


def test_a_revoked_or_foreign_key_gives_nothing(org, client, new_user):
    key = ok(org.member.rpc("create_api_key", name="k", roles=["member"]))
    ok(org.member.rpc("revoke_api_key", id=key["id"]))
    revoked = client(org.member_id, api_key_id=key["id"])
    assert revoked.rows("/projects", id=f"eq.{org.project_id}") == []
    assert revoked.rows("/organizations", id=f"eq.{org.id}") == []
    # someone else's key id in the token does not lend its rights
    live = ok(org.owner.rpc("create_api_key", name="owner's", roles=["admin"]))
    borrowed = client(new_user(), api_key_id=live["id"])
    assert borrowed.rows("/projects", id=f"eq.{org.project_id}") == []


# Policies ----------------------------------------------------------------------------------

def test_deny_policy_wins_and_is_explained(org):
    ask = {"resource_type": "project", "resource_id": org.project_id, "permission": "write"}
    assert ok(org.member.rpc("has_permission", **ask)) is True

    policy = ok(org.owner.rpc("grant_permission", subject_id=org.member_id,
                              resource_type="project", resource_id=org.project_id,
                              permission="write", effect="deny"))
    assert (policy["effect"], policy["subject_id"], policy["subject_type"]) == (
        "deny", org.member_id, "user")
    assert ok(org.member.rpc("has_permission", **ask)) is False
    assert ok(org.member.rpc("has_permission", **{**ask, "permission": "read"})) is True
    body = expect_error(org.member.patch("/projects", {"description": "denied"},
                                         id=f"eq.{org.project_id}"), 403, "42501")
    assert body["message"] == RLS_REFUSAL

    explained = ok(org.member.rpc("explain_permission", **ask))
    assert {"source": "policy", "source_id": policy["id"], "effect": "deny"} in [
        {k: row[k] for k in ("source", "source_id", "effect")} for row in explained]
    assert {"source": "membership", "source_id": org.id, "effect": "allow"} in [
        {k: row[k] for k in ("source", "source_id", "effect")} for row in explained]
    assert (explained[-1]["source"], explained[-1]["effect"]) == ("decision", "deny")
    # the member sees the policy that names it
    assert [p["id"] for p in org.member.rows("/policies", id=f"eq.{policy['id']}")] == [
        policy["id"]]
    # the owner may ask about the member; the viewer may not
    assert ok(org.owner.rpc("has_permission", **ask, principal_id=org.member_id)) is False
    expect_error(org.viewer.rpc("has_permission", **ask, principal_id=org.member_id),
                 403, "42501")
    # the member cannot lift its own deny
    expect_error(org.member.rpc("revoke_permission", policy_id=policy["id"]), 403, "42501")

    assert ok(org.owner.rpc("revoke_permission", policy_id=policy["id"]), 204) is None
    assert ok(org.member.rpc("has_permission", **ask)) is True
    assert ok(org.member.rpc("explain_permission", **ask))[-1]["effect"] == "allow"
    assert org.member.rows("/policies", id=f"eq.{policy['id']}") == []


def test_allow_policy_lifts_a_viewer_until_revoked(org):
    ask = {"resource_type": "project", "resource_id": org.project_id, "permission": "execute"}
    assert ok(org.viewer.rpc("has_permission", **ask)) is False
    policy = ok(org.owner.rpc("grant_permission", subject_id=org.viewer_id,
                              resource_type="project", resource_id=org.project_id,
                              permission="execute"))
    assert ok(org.viewer.rpc("has_permission", **ask)) is True
    assert ok(org.viewer.rpc("project_dsn", project_id=org.project_id)) is None  # no DSN set
    ok(org.owner.rpc("revoke_permission", policy_id=policy["id"]), 204)
    assert ok(org.viewer.rpc("has_permission", **ask)) is False
    expect_error(org.viewer.rpc("project_dsn", project_id=org.project_id), 403, "42501")


def test_a_project_write_grant_lets_a_viewer_patch_the_project(org):
    ok(org.owner.rpc("grant_permission", subject_id=org.viewer_id, resource_type="project",
                     resource_id=org.project_id, permission="write"))
    assert ok(org.viewer.rpc("has_permission", resource_type="project",
                             resource_id=org.project_id, permission="write")) is True
    [row] = ok(org.viewer.patch("/projects", {"description": "granted"},
                                id=f"eq.{org.project_id}"))
    assert row["description"] == "granted"


def test_permission_questions_check_their_arguments(org):
    expect_error(org.member.rpc("has_permission", resource_type="planet",
                                resource_id=org.project_id, permission="read"), 400, "22023")
    expect_error(org.member.rpc("has_permission", resource_type="project",
                                resource_id=org.project_id, permission="fly"), 400, "22023")
    expect_error(org.owner.rpc("grant_permission", subject_id=org.member_id,
                               resource_type="project", resource_id=org.project_id,
                               permission="write", effect="maybe"), 400, "22023")
    expect_error(org.owner.rpc("grant_permission", subject_id=str(uuid.uuid4()),
                               resource_type="project", resource_id=org.project_id,
                               permission="write"), 409, "23503")


# Anonymous callers and tokens --------------------------------------------------------------

@pytest.mark.parametrize("path", ["/projects", "/organizations", "/users", "/memberships",
                                  "/api_keys", "/policies", "/principals", "/service_accounts"])
def test_anonymous_callers_cannot_read(postgrest, path):
    body = expect_error(httpx.get(f"{postgrest.url}{path}"), 401, "42501")
    assert body["message"] == f"permission denied for view {path[1:]}"


@pytest.mark.parametrize(("function", "args"), [
    ("create_organization", {"name": "Anon", "slug": "anon"}),
    ("create_project", {"name": "anon"}),
    ("create_api_key", {"name": "anon"}),
    ("has_permission", {"resource_type": "org", "resource_id": None, "permission": "read"}),
])
def test_anonymous_callers_cannot_call(postgrest, function, args):
    r = httpx.post(f"{postgrest.url}/rpc/{function}", json=args)
    body = expect_error(r, 401, "42501")
    assert body["message"] == f"permission denied for function {function}"


def test_a_token_without_subject_is_not_a_caller(postgrest, client):
    # A token without sub names no session of a subject: the pre-request hook refuses it.
    nobody = client(None)
    nobody.http.headers.update(postgrest.auth(None))
    body = expect_error(nobody.get("/organizations"), 401, "PT401")
    assert body["message"] == "the access token names no session of its subject"
    expect_error(nobody.rpc("create_organization", name="X", slug=unique("x")), 401, "PT401")


def test_bad_and_expired_tokens_are_refused(postgrest, new_user):
    user = new_user()
    forged = jwt.encode({"role": "authenticated", "sub": user, "exp": 4102444800},
                        "not-the-secret-" * 4, algorithm="HS256")
    r = httpx.get(f"{postgrest.url}/projects", headers={"Authorization": f"Bearer {forged}"})
    expect_error(r, 401, "PGRST301")
    expired = postgrest.token(sub=user, ttl=-60)
    r = httpx.get(f"{postgrest.url}/projects", headers={"Authorization": f"Bearer {expired}"})
    expect_error(r, 401, "PGRST301")
    # a role the authenticator cannot switch to, in a token signed with the real key (the
    # database issues none: auth.issue_access_token() refuses any role but two)
    postgres_token = postgrest.sign(postgrest.claims(sub=user, role="postgres"))
    r = httpx.get(f"{postgrest.url}/projects",
                  headers={"Authorization": f"Bearer {postgres_token}"})
    body = expect_error(r, 403, "42501")
    assert body["message"] == 'permission denied to set role "postgres"'


# Platform administrators -------------------------------------------------------------------

def test_platform_admin_sees_every_organization(new_user, client):
    alice, bob = client(new_user()), client(new_user())
    a = ok(alice.rpc("create_organization", name="A", slug=unique("a")))
    b = ok(bob.rpc("create_organization", name="B", slug=unique("b")))
    admin = client(new_user(admin=True))
    seen = {o["id"] for o in admin.rows("/organizations", id=f"in.({a['id']},{b['id']})")}
    assert seen == {a["id"], b["id"]}
    assert {m["user_id"] for m in admin.rows("/memberships",
                                             org_id=f"in.({a['id']},{b['id']})")} == {
        alice.sub, bob.sub}


def test_platform_admin_creates_users_and_others_cannot(new_user, client):
    admin = client(new_user(admin=True))
    name = unique("Carol")
    created = ok(admin.rpc("create_user", username=name, email=f"{name}@example.test",
                           display_name="Carol"))
    assert (created["username"], created["display_name"], created["is_admin"]) == (
        name, "Carol", False)
    expect_error(admin.rpc("create_user", username=name.lower()), 409, "23505")
    expect_error(admin.rpc("create_user", username="no spaces"), 400, "23514")

    plain = client(new_user())
    body = expect_error(plain.rpc("create_user", username=unique("mallory")), 403, "42501")
    assert body["message"] == "only platform administrators can create users"
    # nor by making itself an administrator
    r = plain.patch("/users", {"is_admin": True}, id=f"eq.{plain.sub}")
    assert expect_error(r, 403, "42501")["message"] == "permission denied for view users"
    [me] = ok(plain.patch("/users", {"display_name": "Plain"}, id=f"eq.{plain.sub}"))
    assert (me["display_name"], me["is_admin"]) == ("Plain", False)


def test_platform_admin_disables_and_enables_a_user(org, new_user, client):
    admin = client(new_user(admin=True))
    expect_error(org.owner.rpc("disable_principal", principal_id=org.member_id), 403, "42501")

    disabled = ok(admin.rpc("disable_principal", principal_id=org.member_id))
    assert (disabled["id"], disabled["type"]) == (org.member_id, "user")
    assert disabled["disabled_at"] is not None
    # a disabled user can do nothing: its sessions were revoked, so its token, although
    # its signature and expiry are still good, is refused (pgTAP 22 and 24 cover the
    # disabled principal in has_permission and row security)
    body = expect_error(org.member.get("/organizations"), 401, "PT401")
    assert body["message"] == "the session of this access token has ended"
    expect_error(org.member.rpc("create_organization", name="X", slug=unique("x")), 401, "PT401")

    enabled = ok(admin.rpc("disable_principal", principal_id=org.member_id, disabled=False))
    assert enabled["disabled_at"] is None
    assert len(client(org.member_id).rows("/projects", id=f"eq.{org.project_id}")) == 1


# OpenAPI -----------------------------------------------------------------------------------

def test_openapi_documents_identity_from_comments(postgrest, client, new_user):
    openapi = {"Accept": "application/openapi+json"}
    spec = ok(client(new_user()).http.get("/", headers=openapi))
    assert spec["paths"]["/projects"]["get"]["summary"].startswith(
        "Projects (the desktop's profiles) you may read.")
    projects = spec["definitions"]["projects"]
    assert "A password inside neurondb_dsn is stored encrypted" in projects["description"]
    assert projects["properties"]["has_dsn_password"]["description"].startswith(
        "True when a password for the DSN is stored")
    assert "secret_hash" not in spec["definitions"]["api_keys"]["properties"]
    op = spec["paths"]["/rpc/create_api_key"]["post"]
    assert op["summary"].startswith("Create an API key for yourself")
    assert "once: it cannot be shown again" in op["summary"]
    # PostgREST lists only what the caller's role may use: anonymous callers see neither
    anonymous = ok(httpx.get(f"{postgrest.url}/", headers=openapi))
    assert "/projects" not in anonymous["paths"]
    assert "/rpc/create_api_key" not in anonymous["paths"]
