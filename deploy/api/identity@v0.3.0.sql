-- Deploy neuronplane:api/identity to pg

BEGIN;

-- Endpoints: each is a thin wrapper over the area function that holds its rule, and the only
-- thing the API roles may call. SECURITY DEFINER, so that the area functions need no grant
-- to any API role; every area function runs as neuronplane_owner either way.

SET LOCAL ROLE neuronplane_owner;

-- Every view is security_invoker: the caller's own rights and the tables' RLS apply.

CREATE VIEW api.organizations WITH (security_invoker = true) AS
SELECT o.id, o.name, o.slug, o.metadata, o.created_at, o.updated_at
  FROM identity.organizations o;
COMMENT ON VIEW api.organizations IS
$$Organizations you belong to or were granted (platform administrators see all). Owners and admins may PATCH name and metadata. Create with POST /rpc/create_organization.$$;
COMMENT ON COLUMN api.organizations.id IS 'Organization id (also its principal id).';
COMMENT ON COLUMN api.organizations.name IS 'Display name.';
COMMENT ON COLUMN api.organizations.slug IS 'Unique short name, case-insensitive (letters, digits, hyphens).';
COMMENT ON COLUMN api.organizations.metadata IS 'Free-form JSON object.';
COMMENT ON COLUMN api.organizations.created_at IS 'When it was created.';
COMMENT ON COLUMN api.organizations.updated_at IS 'When it last changed.';

CREATE VIEW api.users WITH (security_invoker = true) AS
SELECT u.id, u.username, u.email, u.display_name, u.is_admin, u.disabled_at, u.metadata,
       u.created_at, u.updated_at
  FROM identity.users u;
COMMENT ON VIEW api.users IS
$$Yourself and the users who share an organization with you (platform administrators see all). You may PATCH your own display_name and metadata.$$;
COMMENT ON COLUMN api.users.id IS 'User id (also its principal id).';
COMMENT ON COLUMN api.users.username IS 'Unique login name, case-insensitive.';
COMMENT ON COLUMN api.users.email IS 'Unique e-mail address, case-insensitive.';
COMMENT ON COLUMN api.users.display_name IS 'Name shown to people.';
COMMENT ON COLUMN api.users.is_admin IS 'Platform administrator.';
COMMENT ON COLUMN api.users.disabled_at IS 'When the user was disabled; a disabled user can do nothing.';
COMMENT ON COLUMN api.users.metadata IS 'Free-form JSON object.';
COMMENT ON COLUMN api.users.created_at IS 'When the user was created.';
COMMENT ON COLUMN api.users.updated_at IS 'When the user last changed.';

CREATE VIEW api.memberships WITH (security_invoker = true) AS
SELECT m.org_id, m.user_id, m.role, m.created_at, m.updated_at
  FROM identity.org_memberships m;
COMMENT ON VIEW api.memberships IS
$$Members of the organizations you can read. Change with /rpc/add_member, /rpc/change_member_role and /rpc/remove_member.$$;
COMMENT ON COLUMN api.memberships.org_id IS 'The organization.';
COMMENT ON COLUMN api.memberships.user_id IS 'The member.';
COMMENT ON COLUMN api.memberships.role IS 'owner, admin, member or viewer.';
COMMENT ON COLUMN api.memberships.created_at IS 'When the user joined.';
COMMENT ON COLUMN api.memberships.updated_at IS 'When the role last changed.';

CREATE VIEW api.projects WITH (security_invoker = true) AS
SELECT p.id, p.org_id, p.user_id, p.name, p.description, p.neurondb_dsn,
       p.neurondb_dsn_secret IS NOT NULL AS has_dsn_password,
       p.mcp_config, p.agent_endpoint, p.metadata, p.created_at, p.updated_at
  FROM identity.projects p;
COMMENT ON VIEW api.projects IS
$$Projects (the desktop's profiles) you may read. Create with POST /rpc/create_project (or POST here with Prefer: return=minimal); PATCH needs write, DELETE needs admin on the project. A password inside neurondb_dsn is stored encrypted and never shown.$$;
COMMENT ON COLUMN api.projects.id IS 'Project id.';
COMMENT ON COLUMN api.projects.org_id IS 'Owning organization, if any.';
COMMENT ON COLUMN api.projects.user_id IS 'Owning user, if any (a personal profile).';
COMMENT ON COLUMN api.projects.name IS 'Name, unique per owner (case-insensitive).';
COMMENT ON COLUMN api.projects.description IS 'Free text.';
COMMENT ON COLUMN api.projects.neurondb_dsn IS 'NeuronDB connection string, without its password.';
COMMENT ON COLUMN api.projects.has_dsn_password IS 'True when a password for the DSN is stored (encrypted).';
COMMENT ON COLUMN api.projects.mcp_config IS 'MCP server: {"command": "...", "args": [...], "env": {...}}.';
COMMENT ON COLUMN api.projects.agent_endpoint IS 'NeuronAgent base URL (http or https).';
COMMENT ON COLUMN api.projects.metadata IS 'Free-form JSON object.';
COMMENT ON COLUMN api.projects.created_at IS 'When it was created.';
COMMENT ON COLUMN api.projects.updated_at IS 'When it last changed.';

CREATE VIEW api.service_accounts WITH (security_invoker = true) AS
SELECT s.id, s.name, s.org_id, s.project_id, s.description, s.disabled_at, s.metadata,
       s.created_at, s.updated_at
  FROM identity.service_accounts s;
COMMENT ON VIEW api.service_accounts IS
$$Service accounts you may read (organization admins and those granted). Create with /rpc/create_service_account; PATCH or DELETE needs admin on the account.$$;
COMMENT ON COLUMN api.service_accounts.id IS 'Service account id (also its principal id).';
COMMENT ON COLUMN api.service_accounts.name IS 'Name, unique in its project or organization.';
COMMENT ON COLUMN api.service_accounts.org_id IS 'Organization, if any.';
COMMENT ON COLUMN api.service_accounts.project_id IS 'Project, if any.';
COMMENT ON COLUMN api.service_accounts.description IS 'Free text.';
COMMENT ON COLUMN api.service_accounts.disabled_at IS 'When it was disabled; a disabled account can do nothing.';
COMMENT ON COLUMN api.service_accounts.metadata IS 'Free-form JSON object.';
COMMENT ON COLUMN api.service_accounts.created_at IS 'When it was created.';
COMMENT ON COLUMN api.service_accounts.updated_at IS 'When it last changed.';

CREATE VIEW api.agents WITH (security_invoker = true) AS
SELECT a.id, a.project_id, a.name, a.disabled_at, a.created_at, a.updated_at FROM identity.agents a;
COMMENT ON VIEW api.agents IS
$$Agents of the projects you may read. POST needs write on the project; PATCH write, DELETE admin on the agent.$$;
COMMENT ON COLUMN api.agents.id IS 'Agent id (also its principal id).';
COMMENT ON COLUMN api.agents.project_id IS 'The project.';
COMMENT ON COLUMN api.agents.name IS 'Name, unique in the project.';
COMMENT ON COLUMN api.agents.disabled_at IS 'When it was disabled (/rpc/disable_principal).';
COMMENT ON COLUMN api.agents.created_at IS 'When it was registered.';
COMMENT ON COLUMN api.agents.updated_at IS 'When it last changed.';

CREATE VIEW api.tools WITH (security_invoker = true) AS
SELECT t.id, t.project_id, t.name, t.disabled_at, t.created_at, t.updated_at FROM identity.tools t;
COMMENT ON VIEW api.tools IS
$$Tools of the projects you may read. POST needs write on the project; PATCH write, DELETE admin on the tool.$$;
COMMENT ON COLUMN api.tools.id IS 'Tool id (also its principal id).';
COMMENT ON COLUMN api.tools.project_id IS 'The project.';
COMMENT ON COLUMN api.tools.name IS 'Name, unique in the project.';
COMMENT ON COLUMN api.tools.disabled_at IS 'When it was disabled (/rpc/disable_principal).';
COMMENT ON COLUMN api.tools.created_at IS 'When it was registered.';
COMMENT ON COLUMN api.tools.updated_at IS 'When it last changed.';

CREATE VIEW api.datasets WITH (security_invoker = true) AS
SELECT d.id, d.project_id, d.name, d.disabled_at, d.created_at, d.updated_at FROM identity.datasets d;
COMMENT ON VIEW api.datasets IS
$$Datasets of the projects you may read. POST needs write on the project; PATCH write, DELETE admin on the dataset.$$;
COMMENT ON COLUMN api.datasets.id IS 'Dataset id (also its principal id).';
COMMENT ON COLUMN api.datasets.project_id IS 'The project.';
COMMENT ON COLUMN api.datasets.name IS 'Name, unique in the project.';
COMMENT ON COLUMN api.datasets.disabled_at IS 'When it was disabled (/rpc/disable_principal).';
COMMENT ON COLUMN api.datasets.created_at IS 'When it was registered.';
COMMENT ON COLUMN api.datasets.updated_at IS 'When it last changed.';

CREATE VIEW api.api_keys WITH (security_invoker = true) AS
SELECT k.id, k.principal_id, k.principal_type, k.project_id, k.name, k.prefix, k.roles,
       k.rate_limit_per_min, k.expires_at, k.revoked_at, k.last_used_at, k.created_by,
       k.created_at, k.updated_at
  FROM identity.api_keys k;
COMMENT ON VIEW api.api_keys IS
$$API keys you may read: your own, and those of the organizations you administer. Never the secret or its hash. Create with /rpc/create_api_key (the key is shown once), /rpc/revoke_api_key, /rpc/rotate_api_key; PATCH renames.$$;
COMMENT ON COLUMN api.api_keys.id IS 'Key id.';
COMMENT ON COLUMN api.api_keys.principal_id IS 'Who the key acts as.';
COMMENT ON COLUMN api.api_keys.principal_type IS 'user, service_account or agent.';
COMMENT ON COLUMN api.api_keys.project_id IS 'If set, the key reaches only this project and what it holds.';
COMMENT ON COLUMN api.api_keys.name IS 'A name to recognise the key by.';
COMMENT ON COLUMN api.api_keys.prefix IS 'The visible part of the key: npk_<prefix>_...';
COMMENT ON COLUMN api.api_keys.roles IS 'admin, member, viewer, service: narrow what the principal may do through this key.';
COMMENT ON COLUMN api.api_keys.rate_limit_per_min IS 'Requests per minute allowed with this key.';
COMMENT ON COLUMN api.api_keys.expires_at IS 'When the key stops working, if ever.';
COMMENT ON COLUMN api.api_keys.revoked_at IS 'When the key was revoked.';
COMMENT ON COLUMN api.api_keys.last_used_at IS 'Last successful use.';
COMMENT ON COLUMN api.api_keys.created_by IS 'Principal that created the key.';
COMMENT ON COLUMN api.api_keys.created_at IS 'When the key was created.';
COMMENT ON COLUMN api.api_keys.updated_at IS 'When the key last changed.';

CREATE VIEW api.policies WITH (security_invoker = true) AS
SELECT p.id, p.subject_id, p.subject_type, p.subject_role, p.resource_type, p.resource_id,
       p.org_id, p.project_id, p.permission, p.effect, p.expires_at, p.conditions,
       p.created_by, p.created_at
  FROM identity.policies p;
COMMENT ON VIEW api.policies IS
$$Permission policies that name you, and those of the organizations you administer. Change with /rpc/grant_permission and /rpc/revoke_permission; ask with /rpc/has_permission and /rpc/explain_permission.$$;
COMMENT ON COLUMN api.policies.id IS 'Policy id.';
COMMENT ON COLUMN api.policies.subject_id IS 'The principal granted (or denied), or the organization whose role is.';
COMMENT ON COLUMN api.policies.subject_type IS 'Type of the subject principal.';
COMMENT ON COLUMN api.policies.subject_role IS 'If set: every member with this role in organization subject_id.';
COMMENT ON COLUMN api.policies.resource_type IS 'org, project, agent, tool, dataset, model, service_account, api_key or audit.';
COMMENT ON COLUMN api.policies.resource_id IS 'The resource; empty = every resource of the type in the scope.';
COMMENT ON COLUMN api.policies.org_id IS 'Scope of a wildcard: an organization.';
COMMENT ON COLUMN api.policies.project_id IS 'Scope of a wildcard: a project.';
COMMENT ON COLUMN api.policies.permission IS 'read, write, execute or admin (admin implies the others).';
COMMENT ON COLUMN api.policies.effect IS 'allow or deny; a matching deny always wins.';
COMMENT ON COLUMN api.policies.expires_at IS 'When the policy stops counting, if ever.';
COMMENT ON COLUMN api.policies.conditions IS 'Optional conditions: {"not_before": timestamp}.';
COMMENT ON COLUMN api.policies.created_by IS 'Principal that granted it.';
COMMENT ON COLUMN api.policies.created_at IS 'When it was granted.';

CREATE VIEW api.principals WITH (security_invoker = true) AS
SELECT p.id, p.type, p.name, p.disabled_at, p.expires_at, p.created_at, p.updated_at
  FROM identity.principals p;
COMMENT ON VIEW api.principals IS
$$Principals (users, organizations, service accounts, agents, tools, datasets) you can see. /rpc/resolve_principal describes one; /rpc/disable_principal disables one.$$;
COMMENT ON COLUMN api.principals.id IS 'Principal id (the id of the user, organization, ... it stands for).';
COMMENT ON COLUMN api.principals.type IS 'user, org, agent, tool, dataset or service_account.';
COMMENT ON COLUMN api.principals.name IS 'Name of what it stands for.';
COMMENT ON COLUMN api.principals.disabled_at IS 'When it was disabled.';
COMMENT ON COLUMN api.principals.expires_at IS 'When it stops being valid, if ever.';
COMMENT ON COLUMN api.principals.created_at IS 'When it was created.';
COMMENT ON COLUMN api.principals.updated_at IS 'When it last changed.';

GRANT SELECT ON api.organizations, api.users, api.memberships, api.projects,
                api.service_accounts, api.agents, api.tools, api.datasets, api.api_keys,
                api.policies, api.principals
   TO authenticated, service;
GRANT UPDATE (name, metadata) ON api.organizations TO authenticated, service;
GRANT UPDATE (display_name, metadata) ON api.users TO authenticated;
GRANT INSERT (org_id, user_id, name, description, neurondb_dsn, mcp_config, agent_endpoint, metadata),
      UPDATE (org_id, name, description, neurondb_dsn, mcp_config, agent_endpoint, metadata),
      DELETE
   ON api.projects TO authenticated, service;
GRANT UPDATE (name, description, metadata), DELETE
   ON api.service_accounts TO authenticated, service;
GRANT INSERT (project_id, name), UPDATE (name), DELETE
   ON api.agents, api.tools, api.datasets TO authenticated, service;
GRANT UPDATE (name) ON api.api_keys TO authenticated, service;

CREATE FUNCTION api.create_organization(name text, slug text, metadata jsonb DEFAULT '{}')
RETURNS api.organizations
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    new_id uuid := identity.create_organization(name, slug, metadata);
    result api.organizations;
BEGIN
    SELECT * INTO result FROM api.organizations o WHERE o.id = new_id;
    RETURN result;
END
$$;
COMMENT ON FUNCTION api.create_organization(text, text, jsonb) IS
$$Create an organization; you become its owner. Errors: 23505 slug taken, 23514 invalid name or slug, 42501 not a user.$$;

CREATE FUNCTION api.add_member(org_id uuid, user_id uuid, role text DEFAULT 'member')
RETURNS api.memberships
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    result api.memberships;
BEGIN
    PERFORM identity.add_member(org_id, user_id, role);
    SELECT * INTO result FROM api.memberships m
     WHERE m.org_id = add_member.org_id AND m.user_id = add_member.user_id;
    RETURN result;
END
$$;
COMMENT ON FUNCTION api.add_member(uuid, uuid, text) IS
$$Add a user to an organization (owners and admins; only owners add owners). Errors: 42501, 23503 no such user, 23505 already a member, 22023 bad role.$$;

CREATE FUNCTION api.change_member_role(org_id uuid, user_id uuid, role text)
RETURNS api.memberships
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    result api.memberships;
BEGIN
    PERFORM identity.change_member_role(org_id, user_id, role);
    SELECT * INTO result FROM api.memberships m
     WHERE m.org_id = change_member_role.org_id AND m.user_id = change_member_role.user_id;
    RETURN result;
END
$$;
COMMENT ON FUNCTION api.change_member_role(uuid, uuid, text) IS
$$Change a member's role (owners and admins; the owner role only by owners). Errors: 42501, 42704 not a member, 23514 last owner, 22023 bad role.$$;

CREATE FUNCTION api.remove_member(org_id uuid, user_id uuid)
RETURNS void
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT identity.remove_member(org_id, user_id)
$$;
COMMENT ON FUNCTION api.remove_member(uuid, uuid) IS
$$Remove a member (owners and admins; only owners remove owners; anyone may remove themselves). Errors: 42501, 42704 not a member, 23514 last owner.$$;

CREATE FUNCTION api.create_user(username text, email text DEFAULT NULL,
                                display_name text DEFAULT NULL, is_admin boolean DEFAULT false)
RETURNS api.users
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    new_id uuid := identity.create_user(username, email, display_name, is_admin);
    result api.users;
BEGIN
    SELECT * INTO result FROM api.users u WHERE u.id = new_id;
    RETURN result;
END
$$;
COMMENT ON FUNCTION api.create_user(text, text, text, boolean) IS
$$Platform administrators: create a user. Errors: 42501, 23505 username or e-mail taken (case-insensitive), 23514 invalid username or e-mail.$$;

CREATE FUNCTION api.get_or_create_user_principal(username text, email text DEFAULT NULL,
                                                 display_name text DEFAULT NULL)
RETURNS uuid
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT identity.get_or_create_user_principal(username, email, display_name)
$$;
COMMENT ON FUNCTION api.get_or_create_user_principal(text, text, text) IS
$$The id of the user (and principal) with this username or e-mail (case-insensitive), created if missing. For the neuronplane service and platform administrators.$$;

CREATE FUNCTION api.create_project(name text, org_id uuid DEFAULT NULL,
                                   description text DEFAULT NULL, neurondb_dsn text DEFAULT NULL,
                                   mcp_config jsonb DEFAULT NULL, agent_endpoint text DEFAULT NULL,
                                   metadata jsonb DEFAULT '{}')
RETURNS api.projects
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    new_id uuid := identity.create_project(name, org_id, description, neurondb_dsn, mcp_config, agent_endpoint, metadata);
    result api.projects;
BEGIN
    SELECT * INTO result FROM api.projects p WHERE p.id = new_id;
    RETURN result;
END
$$;
COMMENT ON FUNCTION api.create_project(text, uuid, text, text, jsonb, text, jsonb) IS
$$Create a project (profile): in an organization (needs write on it) or, without org_id, your own. A password in neurondb_dsn is stored encrypted. Errors: 42501, 23505 name taken, 22023 bad mcp_config, 23514 invalid field.$$;

CREATE FUNCTION api.project_dsn(project_id uuid)
RETURNS text
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT identity.project_dsn(project_id)
$$;
COMMENT ON FUNCTION api.project_dsn(uuid) IS
$$The project's NeuronDB connection string with its password, for principals with execute on the project. Errors: 42501.$$;

CREATE FUNCTION api.project_mcp_config(project_id uuid)
RETURNS jsonb
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT identity.project_mcp_config(project_id)
$$;
COMMENT ON FUNCTION api.project_mcp_config(uuid) IS
$$The project's MCP server configuration with its secret environment values (shown as "[encrypted]" elsewhere), for principals with execute on the project. Errors: 42501.$$;

CREATE FUNCTION api.create_service_account(name text, org_id uuid DEFAULT NULL,
                                           project_id uuid DEFAULT NULL,
                                           description text DEFAULT NULL,
                                           metadata jsonb DEFAULT '{}')
RETURNS api.service_accounts
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    new_id uuid := identity.create_service_account(name, org_id, project_id, description, metadata);
    result api.service_accounts;
BEGIN
    SELECT * INTO result FROM api.service_accounts s WHERE s.id = new_id;
    RETURN result;
END
$$;
COMMENT ON FUNCTION api.create_service_account(text, uuid, uuid, text, jsonb) IS
$$Create a service account in an organization or project you administer (none: platform administrators). It has no rights until granted. Errors: 42501, 23505 name taken, 22023.$$;

CREATE FUNCTION api.create_api_key(name text, roles text[] DEFAULT ARRAY['member'],
                                   project_id uuid DEFAULT NULL, principal_id uuid DEFAULT NULL,
                                   rate_limit_per_min integer DEFAULT NULL,
                                   expires_at timestamptz DEFAULT NULL,
                                   OUT id uuid, OUT prefix text, OUT api_key text)
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT * FROM identity.create_api_key(name, roles, project_id, principal_id, rate_limit_per_min, expires_at)
$$;
COMMENT ON FUNCTION api.create_api_key(text, text[], uuid, uuid, integer, timestamptz) IS
$$Create an API key for yourself, or for a service account or agent you administer. Returns the key (npk_<prefix>_<secret>) once: it cannot be shown again. roles (admin, member, viewer, service) narrow what the key may do; project_id limits it to one project; name is 1 to 200 characters; rate_limit_per_min is 1 to 1000000 (default when left out); expires_at is in the future. Errors: 42501, 22004 (no name), 22023.$$;

CREATE FUNCTION api.revoke_api_key(id uuid)
RETURNS api.api_keys
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    new_id uuid := identity.revoke_api_key(id);
    result api.api_keys;
BEGIN
    SELECT * INTO result FROM api.api_keys x WHERE x.id = new_id;
    RETURN result;
END
$$;
COMMENT ON FUNCTION api.revoke_api_key(uuid) IS
$$Revoke an API key (its principal, or an administrator of it); revoking twice changes nothing. Errors: 42501.$$;

CREATE FUNCTION api.rotate_api_key(id uuid, OUT new_id uuid, OUT prefix text, OUT api_key text)
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT * FROM identity.rotate_api_key(id)
$$;
COMMENT ON FUNCTION api.rotate_api_key(uuid) IS
$$Replace an API key by a new one with the same name, roles, project, rate limit and expiry, and revoke the old one. Returns the new key once. Errors: 42501, 22023 already revoked.$$;

CREATE FUNCTION api.grant_permission(subject_id uuid, resource_type text, permission text,
                                     resource_id uuid DEFAULT NULL, effect text DEFAULT 'allow',
                                     org_id uuid DEFAULT NULL, project_id uuid DEFAULT NULL,
                                     subject_role text DEFAULT NULL,
                                     expires_at timestamptz DEFAULT NULL,
                                     conditions jsonb DEFAULT NULL)
RETURNS api.policies
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    new_id uuid := identity.grant_permission(subject_id, resource_type, permission, resource_id, effect, org_id, project_id, subject_role, expires_at, conditions);
    result api.policies;
BEGIN
    SELECT * INTO result FROM api.policies p WHERE p.id = new_id;
    RETURN result;
END
$$;
COMMENT ON FUNCTION api.grant_permission(uuid, text, text, uuid, text, uuid, uuid, text, timestamptz, jsonb) IS
$$Allow (or with effect = deny, forbid) a permission to a principal, or with subject_role to every member of organization subject_id with that role, on a resource, or on every resource of the type in a project/org scope. You must administer what it covers. Granting the same again updates expires_at and conditions. Errors: 42501, 22023, 23503.$$;

CREATE FUNCTION api.revoke_permission(policy_id uuid)
RETURNS void
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT identity.revoke_permission(policy_id)
$$;
COMMENT ON FUNCTION api.revoke_permission(uuid) IS
$$Remove a policy; you must administer what it covers. Errors: 42704 no such policy, 42501.$$;

CREATE FUNCTION api.disable_principal(principal_id uuid, disabled boolean DEFAULT true)
RETURNS api.principals
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    new_id uuid := identity.disable_principal(principal_id, disabled);
    result api.principals;
BEGIN
    SELECT * INTO result FROM api.principals p WHERE p.id = new_id;
    RETURN result;
END
$$;
COMMENT ON FUNCTION api.disable_principal(uuid, boolean) IS
$$Disable (or with disabled = false, enable) a principal: users and organizations by platform administrators, service accounts, agents, tools and datasets by their administrators. A disabled principal can do nothing. Errors: 42704, 42501.$$;

CREATE FUNCTION api.resolve_principal(principal_id uuid)
RETURNS TABLE (id uuid, type text, name text, is_active boolean, is_platform_admin boolean,
               org_id uuid, project_id uuid)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT * FROM identity.resolve_principal(principal_id)
$$;
COMMENT ON FUNCTION api.resolve_principal(uuid) IS
$$What a principal is (for NeuronAgent and NeuronMCP): type, name, whether it may act, whether it is a platform administrator, and its organization and project. Errors: 42704 unknown or not visible to you.$$;

CREATE FUNCTION api.has_permission(resource_type text, resource_id uuid, permission text,
                                   principal_id uuid DEFAULT NULL)
RETURNS boolean
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT identity.answer_has_permission(resource_type, resource_id, permission, principal_id)
$$;
COMMENT ON FUNCTION api.has_permission(text, uuid, text, uuid) IS
$$May you (or principal_id: for the service, platform administrators and administrators of the resource) exercise permission (read, write, execute, admin) on the resource? Your own question goes through your API key, if you use one. Errors: 22023, 42501.$$;

CREATE FUNCTION api.explain_permission(resource_type text, resource_id uuid, permission text,
                                       principal_id uuid DEFAULT NULL)
RETURNS TABLE (source text, source_id uuid, effect text, detail text)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT * FROM identity.answer_explain_permission(resource_type, resource_id, permission, principal_id)
$$;
COMMENT ON FUNCTION api.explain_permission(text, uuid, text, uuid) IS
$$Why has_permission answers as it does: the principal's state, the API key, platform administration, each matching policy, ownership and membership, then the decision. Same rules on who may ask. Errors: 22023, 42501.$$;

GRANT EXECUTE ON FUNCTION
    api.create_organization(text, text, jsonb),
    api.add_member(uuid, uuid, text),
    api.change_member_role(uuid, uuid, text),
    api.remove_member(uuid, uuid),
    api.create_user(text, text, text, boolean),
    api.create_project(text, uuid, text, text, jsonb, text, jsonb),
    api.project_dsn(uuid),
    api.project_mcp_config(uuid),
    api.create_service_account(text, uuid, uuid, text, jsonb),
    api.create_api_key(text, text[], uuid, uuid, integer, timestamptz),
    api.revoke_api_key(uuid),
    api.rotate_api_key(uuid),
    api.grant_permission(uuid, text, text, uuid, text, uuid, uuid, text, timestamptz, jsonb),
    api.revoke_permission(uuid),
    api.disable_principal(uuid, boolean),
    api.resolve_principal(uuid),
    api.has_permission(text, uuid, text, uuid),
    api.explain_permission(text, uuid, text, uuid)
   TO authenticated, service;
GRANT EXECUTE ON FUNCTION
    api.get_or_create_user_principal(text, text, text),
    api.resolve_principal(uuid),
    api.has_permission(text, uuid, text, uuid),
    api.explain_permission(text, uuid, text, uuid)
   TO authenticated, service, neuronplane_worker;

RESET ROLE;

COMMIT;
