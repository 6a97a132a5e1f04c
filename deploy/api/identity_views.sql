-- Deploy neuronplane:api/identity_views to pg
-- requires: identity/row_security

BEGIN;

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

COMMIT;
