-- Deploy neuronplane:api/identity_functions to pg
-- requires: api/identity_views
-- requires: identity/manage

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- Every function here is SECURITY DEFINER for the same reason: it writes rows that no API
-- role may write directly (memberships, keys, policies, principals) or that need an
-- audit event; each checks the caller's permission with has_permission() first, through
-- the request's API key if there is one.

-- Organizations and members ------------------------------------------------------------

CREATE FUNCTION api.create_organization(name text, slug text, metadata jsonb DEFAULT '{}')
RETURNS api.organizations
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    caller uuid := identity.require_caller();
    v_id uuid;
    result api.organizations;
BEGIN
    IF NOT EXISTS (SELECT FROM identity.users u WHERE u.id = caller) THEN
        RAISE EXCEPTION 'only users can create organizations'
            USING ERRCODE = '42501', HINT = 'Service accounts and agents belong to an existing organization.';
    END IF;
    IF NOT identity.is_active(caller) THEN
        RAISE EXCEPTION 'user % is disabled', caller USING ERRCODE = '42501';
    END IF;
    IF NOT identity.key_allows(identity.current_api_key_id(), caller, 'admin') THEN
        RAISE EXCEPTION 'an API key needs the admin role, and no project limit, to create organizations'
            USING ERRCODE = '42501';
    END IF;
    BEGIN
        INSERT INTO identity.organizations (name, slug, metadata)
        VALUES (create_organization.name, create_organization.slug,
                coalesce(create_organization.metadata, '{}'))
        RETURNING id INTO v_id;
    EXCEPTION WHEN unique_violation THEN
        RAISE EXCEPTION 'an organization with slug "%" already exists', slug
            USING ERRCODE = '23505', HINT = 'Choose another slug.';
    END;
    INSERT INTO identity.org_memberships (org_id, user_id, role) VALUES (v_id, caller, 'owner');
    PERFORM identity.audit('identity.org.created', 'org', v_id::text,
                           jsonb_build_object('slug', slug), v_id);
    SELECT * INTO result FROM api.organizations o WHERE o.id = v_id;
    RETURN result;
END
$$;
COMMENT ON FUNCTION api.create_organization(text, text, jsonb) IS
$$Create an organization; you become its owner. Errors: 23505 slug taken, 23514 invalid name or slug, 42501 not a user.$$;

-- The caller may give or take the owner role only as an owner (or platform admin).
CREATE FUNCTION identity.require_member_admin(org_id uuid, role text)
RETURNS uuid
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    caller uuid := identity.require_permission('org', org_id, 'admin');
BEGIN
    IF role = 'owner'
       AND NOT identity.is_platform_admin(caller)
       AND NOT EXISTS (SELECT FROM identity.org_memberships m
                        WHERE m.org_id = require_member_admin.org_id AND m.user_id = caller
                          AND m.role = 'owner') THEN
        RAISE EXCEPTION 'only an owner of organization % can give or take the owner role', org_id
            USING ERRCODE = '42501';
    END IF;
    RETURN caller;
END
$$;
COMMENT ON FUNCTION identity.require_member_admin(uuid, text) IS
    'The caller, if it may manage members of org_id with this role (owner role: owners only); 42501 otherwise.';

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
    IF role IS NULL OR role NOT IN ('owner', 'admin', 'member', 'viewer') THEN
        RAISE EXCEPTION 'role must be owner, admin, member or viewer, not %', coalesce(role, 'null')
            USING ERRCODE = '22023';
    END IF;
    PERFORM identity.require_member_admin(org_id, role);
    IF NOT EXISTS (SELECT FROM identity.users u WHERE u.id = add_member.user_id) THEN
        RAISE EXCEPTION 'there is no user with id %', user_id USING ERRCODE = '23503';
    END IF;
    BEGIN
        INSERT INTO identity.org_memberships (org_id, user_id, role)
        VALUES (add_member.org_id, add_member.user_id, add_member.role);
    EXCEPTION WHEN unique_violation THEN
        RAISE EXCEPTION 'user % is already a member of organization %', user_id, org_id
            USING ERRCODE = '23505', HINT = 'Use change_member_role to change the role.';
    END;
    PERFORM identity.audit('identity.membership.changed', 'org', org_id::text,
                           jsonb_build_object('user_id', user_id, 'role', role, 'change', 'added'),
                           org_id);
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
    old_role text;
    result api.memberships;
BEGIN
    IF role IS NULL OR role NOT IN ('owner', 'admin', 'member', 'viewer') THEN
        RAISE EXCEPTION 'role must be owner, admin, member or viewer, not %', coalesce(role, 'null')
            USING ERRCODE = '22023';
    END IF;
    SELECT m.role INTO old_role FROM identity.org_memberships m
     WHERE m.org_id = change_member_role.org_id AND m.user_id = change_member_role.user_id;
    PERFORM identity.require_member_admin(org_id, CASE WHEN 'owner' IN (role, old_role)
                                                       THEN 'owner' ELSE role END);
    IF old_role IS NULL THEN
        RAISE EXCEPTION 'user % is not a member of organization %', user_id, org_id
            USING ERRCODE = '42704', HINT = 'Use add_member first.';
    END IF;
    UPDATE identity.org_memberships m SET role = change_member_role.role
     WHERE m.org_id = change_member_role.org_id AND m.user_id = change_member_role.user_id;
    PERFORM identity.audit('identity.membership.changed', 'org', org_id::text,
                           jsonb_build_object('user_id', user_id, 'role', role,
                                              'previous_role', old_role, 'change', 'role'),
                           org_id);
    SELECT * INTO result FROM api.memberships m
     WHERE m.org_id = change_member_role.org_id AND m.user_id = change_member_role.user_id;
    RETURN result;
END
$$;
COMMENT ON FUNCTION api.change_member_role(uuid, uuid, text) IS
$$Change a member's role (owners and admins; the owner role only by owners). Errors: 42501, 42704 not a member, 23514 last owner, 22023 bad role.$$;

CREATE FUNCTION api.remove_member(org_id uuid, user_id uuid)
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    caller uuid := identity.require_caller();
    old_role text;
BEGIN
    SELECT m.role INTO old_role FROM identity.org_memberships m
     WHERE m.org_id = remove_member.org_id AND m.user_id = remove_member.user_id;
    -- Anyone may leave; removing someone else needs admin (owner, to remove an owner).
    IF user_id IS DISTINCT FROM caller THEN
        PERFORM identity.require_member_admin(org_id, coalesce(old_role, 'member'));
    END IF;
    IF old_role IS NULL THEN
        RAISE EXCEPTION 'user % is not a member of organization %', user_id, org_id
            USING ERRCODE = '42704';
    END IF;
    DELETE FROM identity.org_memberships m
     WHERE m.org_id = remove_member.org_id AND m.user_id = remove_member.user_id;
    PERFORM identity.audit('identity.membership.changed', 'org', org_id::text,
                           jsonb_build_object('user_id', user_id, 'previous_role', old_role,
                                              'change', 'removed'),
                           org_id);
END
$$;
COMMENT ON FUNCTION api.remove_member(uuid, uuid) IS
$$Remove a member (owners and admins; only owners remove owners; anyone may remove themselves). Errors: 42501, 42704 not a member, 23514 last owner.$$;

-- Users ----------------------------------------------------------------------------------

CREATE FUNCTION api.create_user(username text, email text DEFAULT NULL,
                                display_name text DEFAULT NULL, is_admin boolean DEFAULT false)
RETURNS api.users
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_id uuid;
    result api.users;
BEGIN
    PERFORM identity.require_platform_admin('create users');
    BEGIN
        INSERT INTO identity.users (username, email, display_name, is_admin)
        VALUES (create_user.username, create_user.email, create_user.display_name,
                coalesce(create_user.is_admin, false))
        RETURNING id INTO v_id;
    EXCEPTION WHEN unique_violation THEN
        RAISE EXCEPTION 'a user with this username or e-mail already exists (case is ignored)'
            USING ERRCODE = '23505';
    END;
    PERFORM identity.audit('identity.user.created', 'user', v_id::text,
                           jsonb_build_object('username', username, 'is_admin', coalesce(is_admin, false)));
    SELECT * INTO result FROM api.users u WHERE u.id = v_id;
    RETURN result;
END
$$;
COMMENT ON FUNCTION api.create_user(text, text, text, boolean) IS
$$Platform administrators: create a user. Errors: 42501, 23505 username or e-mail taken (case-insensitive), 23514 invalid username or e-mail.$$;

-- The user principal for an external identity, created on first sight: what the desktop
-- did with getOrCreateUserPrincipal(). Looked up by username or e-mail, ignoring case.
CREATE FUNCTION api.get_or_create_user_principal(username text, email text DEFAULT NULL,
                                                 display_name text DEFAULT NULL)
RETURNS uuid
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_id uuid;
BEGIN
    IF session_user <> 'neuronplane_worker'
       AND NOT identity.is_platform_admin(identity.current_principal_id()) THEN
        RAISE EXCEPTION 'only the neuronplane service and platform administrators may create user principals'
            USING ERRCODE = '42501';
    END IF;
    SELECT u.id INTO v_id FROM identity.users u
     WHERE u.username OPERATOR(extensions.=) get_or_create_user_principal.username::extensions.citext
        OR (get_or_create_user_principal.email IS NOT NULL
            AND u.email OPERATOR(extensions.=) get_or_create_user_principal.email::extensions.citext)
     ORDER BY u.username OPERATOR(extensions.=) get_or_create_user_principal.username::extensions.citext DESC
     LIMIT 1;
    IF v_id IS NOT NULL THEN
        RETURN v_id;
    END IF;
    INSERT INTO identity.users (username, email, display_name)
    VALUES (get_or_create_user_principal.username, get_or_create_user_principal.email,
            get_or_create_user_principal.display_name)
    RETURNING id INTO v_id;
    PERFORM audit.record('identity.user.created', 'success', 'user', v_id::text,
                         jsonb_build_object('username', username, 'via', 'get_or_create_user_principal'));
    RETURN v_id;
END
$$;
COMMENT ON FUNCTION api.get_or_create_user_principal(text, text, text) IS
$$The id of the user (and principal) with this username or e-mail (case-insensitive), created if missing. For the neuronplane service and platform administrators.$$;

-- Projects and service accounts -----------------------------------------------------------

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
    caller uuid := identity.require_caller();
    v_user uuid;
    v_id uuid;
    result api.projects;
BEGIN
    IF org_id IS NULL THEN
        v_user := caller;  -- a personal project
    END IF;
    IF NOT identity.may_create_project(caller, org_id, v_user, identity.current_api_key_id()) THEN
        RAISE EXCEPTION 'permission denied: cannot create a project in %',
                        coalesce('organization ' || org_id, 'your own name')
            USING ERRCODE = '42501',
                  HINT = 'Projects of an organization need write on it; personal projects are for users.';
    END IF;
    IF mcp_config IS NOT NULL AND NOT identity.is_valid_mcp_config(mcp_config) THEN
        RAISE EXCEPTION 'mcp_config must be {"command": string, "args": [string], "env": {string: string}}'
            USING ERRCODE = '22023', HINT = 'args and env are optional; no other key is allowed.';
    END IF;
    BEGIN
        INSERT INTO identity.projects (org_id, user_id, name, description, neurondb_dsn,
                                       mcp_config, agent_endpoint, metadata)
        VALUES (create_project.org_id, v_user, create_project.name, create_project.description,
                create_project.neurondb_dsn, create_project.mcp_config,
                create_project.agent_endpoint, coalesce(create_project.metadata, '{}'))
        RETURNING id INTO v_id;
    EXCEPTION WHEN unique_violation THEN
        RAISE EXCEPTION 'a project named "%" already exists for this owner', name
            USING ERRCODE = '23505';
    END;
    SELECT * INTO result FROM api.projects p WHERE p.id = v_id;
    RETURN result;
END
$$;
COMMENT ON FUNCTION api.create_project(text, uuid, text, text, jsonb, text, jsonb) IS
$$Create a project (profile): in an organization (needs write on it) or, without org_id, your own. A password in neurondb_dsn is stored encrypted. Errors: 42501, 23505 name taken, 22023 bad mcp_config, 23514 invalid field.$$;

-- The full connection string, password included, for those who may execute in the
-- project (the desktop connecting to NeuronDB).
CREATE FUNCTION api.project_dsn(project_id uuid)
RETURNS text
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    p identity.projects;
    pw text;
BEGIN
    PERFORM identity.require_permission('project', project_id, 'execute');
    SELECT * INTO p FROM identity.projects x WHERE x.id = project_dsn.project_id;
    IF p.neurondb_dsn IS NULL OR p.neurondb_dsn_secret IS NULL THEN
        RETURN p.neurondb_dsn;
    END IF;
    pw := internal.decrypt_secret(p.neurondb_dsn_secret, 'identity.projects.neurondb_dsn:' || p.id);
    IF p.neurondb_dsn ~* '^postgres(ql)?://' THEN
        RETURN p.neurondb_dsn || CASE WHEN position('?' IN p.neurondb_dsn) > 0 THEN '&' ELSE '?' END
               || 'password=' || (SELECT string_agg(
                      CASE WHEN c ~ '^[A-Za-z0-9._~-]$' THEN c
                           ELSE upper(regexp_replace(encode(convert_to(c, 'UTF8'), 'hex'),
                                                     '(..)', '%\1', 'g')) END, '' ORDER BY n)
                   FROM regexp_split_to_table(pw, '') WITH ORDINALITY AS t(c, n));
    END IF;
    RETURN p.neurondb_dsn || ' password=''' || replace(replace(pw, '\', '\\'), '''', '\''') || '''';
END
$$;
COMMENT ON FUNCTION api.project_dsn(uuid) IS
$$The project's NeuronDB connection string with its password, for principals with execute on the project. Errors: 42501.$$;

-- The MCP configuration with its secret environment values, for those who may execute in
-- the project (the desktop starting the MCP server).
CREATE FUNCTION api.project_mcp_config(project_id uuid)
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    p identity.projects;
BEGIN
    PERFORM identity.require_permission('project', project_id, 'execute');
    SELECT * INTO p FROM identity.projects x WHERE x.id = project_mcp_config.project_id;
    IF p.mcp_env_secret IS NULL THEN
        RETURN p.mcp_config;
    END IF;
    RETURN jsonb_set(p.mcp_config, '{env}',
                     (p.mcp_config -> 'env')
                     || internal.decrypt_secret(p.mcp_env_secret, 'identity.projects.mcp_env:' || p.id)::jsonb);
END
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
    v_org uuid := org_id;
    v_id uuid;
    result api.service_accounts;
BEGIN
    IF project_id IS NOT NULL THEN
        PERFORM identity.require_permission('project', project_id, 'admin');
        SELECT p.org_id INTO v_org FROM identity.projects p WHERE p.id = create_service_account.project_id;
        IF org_id IS NOT NULL AND org_id IS DISTINCT FROM v_org THEN
            RAISE EXCEPTION 'project % is not in organization %', project_id, org_id
                USING ERRCODE = '22023';
        END IF;
    ELSE
        PERFORM identity.require_permission('org', org_id, 'admin');
    END IF;
    BEGIN
        INSERT INTO identity.service_accounts (name, org_id, project_id, description, metadata)
        VALUES (create_service_account.name, v_org, create_service_account.project_id,
                create_service_account.description, coalesce(create_service_account.metadata, '{}'))
        RETURNING id INTO v_id;
    EXCEPTION WHEN unique_violation THEN
        RAISE EXCEPTION 'a service account named "%" already exists there', name
            USING ERRCODE = '23505';
    END;
    PERFORM identity.audit('identity.service_account.created', 'service_account', v_id::text,
                           jsonb_build_object('name', name), v_org, project_id);
    SELECT * INTO result FROM api.service_accounts s WHERE s.id = v_id;
    RETURN result;
END
$$;
COMMENT ON FUNCTION api.create_service_account(text, uuid, uuid, text, jsonb) IS
$$Create a service account in an organization or project you administer (none: platform administrators). It has no rights until granted. Errors: 42501, 23505 name taken, 22023.$$;

-- API keys ---------------------------------------------------------------------------------

-- Inserts a key and returns the secret, which exists nowhere else afterwards.
CREATE FUNCTION identity.issue_api_key(principal_id uuid, name text, roles text[],
                                       project_id uuid, rate_limit_per_min integer,
                                       expires_at timestamptz, created_by uuid,
                                       OUT id uuid, OUT prefix text, OUT api_key text)
LANGUAGE plpgsql
VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_type text;
BEGIN
    SELECT p.type INTO v_type FROM identity.principals p WHERE p.id = issue_api_key.principal_id;
    IF v_type IS NULL OR v_type NOT IN ('user', 'service_account', 'agent') THEN
        RAISE EXCEPTION 'API keys are for users, service accounts and agents'
            USING ERRCODE = '22023';
    END IF;
    IF roles IS NULL OR cardinality(roles) = 0
       OR NOT roles <@ ARRAY['admin', 'member', 'viewer', 'service'] THEN
        RAISE EXCEPTION 'roles must be a non-empty subset of {admin, member, viewer, service}'
            USING ERRCODE = '22023';
    END IF;
    IF expires_at IS NOT NULL AND expires_at <= now() THEN
        RAISE EXCEPTION 'expires_at must be in the future' USING ERRCODE = '22023';
    END IF;
    prefix := encode(extensions.gen_random_bytes(6), 'hex');
    api_key := 'npk_' || prefix || '_' || encode(extensions.gen_random_bytes(32), 'hex');
    INSERT INTO identity.api_keys (principal_id, principal_type, project_id, name, prefix,
                                   secret_hash, roles, rate_limit_per_min, expires_at, created_by)
    VALUES (issue_api_key.principal_id, v_type, issue_api_key.project_id, issue_api_key.name,
            prefix, sha256(convert_to(api_key, 'UTF8')),
            (SELECT array_agg(DISTINCT r ORDER BY r) FROM unnest(roles) r),
            coalesce(rate_limit_per_min, identity.default_rate_limit_per_min()),
            issue_api_key.expires_at, created_by)
    RETURNING api_keys.id INTO id;
END
$$;
COMMENT ON FUNCTION identity.issue_api_key(uuid, text, text[], uuid, integer, timestamptz, uuid) IS
    'Insert an API key (npk_<12 hex>_<64 hex>: 256 random bits) and return it; only its SHA-256 is stored.';

-- May the caller manage keys of this principal? Its own (unless the request's key lacks
-- the admin role), or those of a service account or agent it administers.
CREATE FUNCTION identity.require_key_manager(principal_id uuid)
RETURNS uuid
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    caller uuid := identity.require_caller();
    key_id uuid := identity.current_api_key_id();
    v_type text;
BEGIN
    IF key_id IS NOT NULL AND NOT EXISTS (
           SELECT FROM identity.api_keys k WHERE k.id = key_id AND 'admin' = ANY (k.roles)) THEN
        RAISE EXCEPTION 'an API key without the admin role cannot manage API keys'
            USING ERRCODE = '42501';
    END IF;
    IF principal_id = caller THEN
        IF NOT identity.is_active(caller) THEN
            RAISE EXCEPTION 'principal % is disabled', caller USING ERRCODE = '42501';
        END IF;
        RETURN caller;
    END IF;
    SELECT p.type INTO v_type FROM identity.principals p WHERE p.id = require_key_manager.principal_id;
    IF v_type IN ('service_account', 'agent') THEN
        RETURN identity.require_permission(v_type, principal_id, 'admin');
    END IF;
    RAISE EXCEPTION 'permission denied: you cannot manage the API keys of principal %', principal_id
        USING ERRCODE = '42501',
              HINT = 'Keys are managed by their principal, or by admins of a service account or agent.';
END
$$;
COMMENT ON FUNCTION identity.require_key_manager(uuid) IS
    'The caller, if it may manage API keys of principal_id; 42501 otherwise.';

CREATE FUNCTION api.create_api_key(name text, roles text[] DEFAULT ARRAY['member'],
                                   project_id uuid DEFAULT NULL, principal_id uuid DEFAULT NULL,
                                   rate_limit_per_min integer DEFAULT NULL,
                                   expires_at timestamptz DEFAULT NULL,
                                   OUT id uuid, OUT prefix text, OUT api_key text)
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    caller uuid := identity.require_caller();
    v_principal uuid := coalesce(create_api_key.principal_id, caller);
    issued record;
BEGIN
    PERFORM identity.require_key_manager(v_principal);
    IF project_id IS NOT NULL THEN
        PERFORM identity.require_permission('project', project_id, 'read');
    END IF;
    issued := identity.issue_api_key(v_principal, name, roles, project_id, rate_limit_per_min,
                                     expires_at, caller);
    id := issued.id;
    prefix := issued.prefix;
    api_key := issued.api_key;
    PERFORM identity.audit('api_key.created', 'api_key', prefix,
                           jsonb_build_object('key_id', id, 'principal_id', v_principal,
                                              'roles', roles),
                           (SELECT s.org_id FROM identity.resource_scopes s WHERE s.resource_id = id),
                           project_id);
END
$$;
COMMENT ON FUNCTION api.create_api_key(text, text[], uuid, uuid, integer, timestamptz) IS
$$Create an API key for yourself, or for a service account or agent you administer. Returns the key (npk_<prefix>_<secret>) once: it cannot be shown again. roles (admin, member, viewer, service) narrow what the key may do; project_id limits it to one project. Errors: 42501, 22023.$$;

CREATE FUNCTION api.revoke_api_key(id uuid)
RETURNS api.api_keys
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    k identity.api_keys;
    result api.api_keys;
BEGIN
    SELECT * INTO k FROM identity.api_keys x WHERE x.id = revoke_api_key.id;
    IF NOT FOUND OR NOT identity.has_permission(identity.require_caller(), 'api_key', k.id, 'admin',
                                                identity.current_api_key_id()) THEN
        RAISE EXCEPTION 'permission denied: no API key % that you administer', id
            USING ERRCODE = '42501';
    END IF;
    IF k.revoked_at IS NULL THEN
        UPDATE identity.api_keys x SET revoked_at = now() WHERE x.id = k.id;
        PERFORM identity.audit('api_key.revoked', 'api_key', k.prefix,
                               jsonb_build_object('key_id', k.id), NULL, k.project_id);
    END IF;
    SELECT * INTO result FROM api.api_keys x WHERE x.id = k.id;
    RETURN result;
END
$$;
COMMENT ON FUNCTION api.revoke_api_key(uuid) IS
$$Revoke an API key (its principal, or an administrator of it); revoking twice changes nothing. Errors: 42501.$$;

CREATE FUNCTION api.rotate_api_key(id uuid, OUT new_id uuid, OUT prefix text, OUT api_key text)
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    caller uuid := identity.require_caller();
    k identity.api_keys;
    issued record;
BEGIN
    SELECT * INTO k FROM identity.api_keys x WHERE x.id = rotate_api_key.id FOR UPDATE;
    IF NOT FOUND OR NOT identity.has_permission(caller, 'api_key', k.id, 'admin',
                                                identity.current_api_key_id()) THEN
        RAISE EXCEPTION 'permission denied: no API key % that you administer', id
            USING ERRCODE = '42501';
    END IF;
    IF k.revoked_at IS NOT NULL THEN
        RAISE EXCEPTION 'API key % is revoked', k.prefix
            USING ERRCODE = '22023', HINT = 'Create a new key instead.';
    END IF;
    PERFORM identity.require_key_manager(k.principal_id);
    UPDATE identity.api_keys x SET revoked_at = now() WHERE x.id = k.id;
    issued := identity.issue_api_key(k.principal_id, k.name, k.roles, k.project_id,
                                     k.rate_limit_per_min,
                                     CASE WHEN k.expires_at > now() THEN k.expires_at END, caller);
    new_id := issued.id;
    prefix := issued.prefix;
    api_key := issued.api_key;
    PERFORM identity.audit('api_key.rotated', 'api_key', prefix,
                           jsonb_build_object('key_id', new_id, 'old_key_id', k.id,
                                              'old_prefix', k.prefix),
                           NULL, k.project_id);
END
$$;
COMMENT ON FUNCTION api.rotate_api_key(uuid) IS
$$Replace an API key by a new one with the same name, roles, project, rate limit and expiry, and revoke the old one. Returns the new key once. Errors: 42501, 22023 already revoked.$$;

-- Policies ---------------------------------------------------------------------------------

-- What a policy's grantor must administer: the resource, else its wildcard scope, else
-- (platform-wide) the platform.
CREATE FUNCTION identity.require_policy_admin(resource_type text, resource_id uuid,
                                              org_id uuid, project_id uuid)
RETURNS uuid
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF resource_id IS NOT NULL THEN
        RETURN identity.require_permission(resource_type, resource_id, 'admin');
    ELSIF project_id IS NOT NULL THEN
        RETURN identity.require_permission('project', project_id, 'admin');
    ELSIF org_id IS NOT NULL THEN
        RETURN identity.require_permission('org', org_id, 'admin');
    END IF;
    RETURN identity.require_permission(resource_type, NULL, 'admin');
END
$$;
COMMENT ON FUNCTION identity.require_policy_admin(text, uuid, uuid, uuid) IS
    'The caller, if it administers what a policy would cover; 42501 otherwise.';

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
#variable_conflict use_column
DECLARE
    caller uuid;
    v_type text;
    v_id uuid;
    v_org uuid := org_id;
    result api.policies;
BEGIN
    PERFORM identity.check_permission_args(resource_type, permission);
    IF effect IS NULL OR effect NOT IN ('allow', 'deny') THEN
        RAISE EXCEPTION 'effect must be allow or deny' USING ERRCODE = '22023';
    END IF;
    -- The audit log of an organization is named by the organization.
    IF resource_type = 'audit' AND resource_id IS NOT NULL THEN
        v_org := coalesce(v_org, resource_id);
        resource_id := NULL;
    END IF;
    caller := identity.require_policy_admin(CASE WHEN resource_type = 'audit' THEN 'org'
                                                 ELSE resource_type END,
                                            resource_id, v_org, project_id);
    SELECT p.type INTO v_type FROM identity.principals p WHERE p.id = grant_permission.subject_id;
    IF v_type IS NULL THEN
        RAISE EXCEPTION 'there is no principal with id %', subject_id USING ERRCODE = '23503';
    END IF;
    INSERT INTO identity.policies AS p (subject_id, subject_type, subject_role, resource_type,
                                        resource_id, org_id, project_id, permission, effect,
                                        expires_at, conditions, created_by)
    VALUES (grant_permission.subject_id, v_type, grant_permission.subject_role,
            grant_permission.resource_type, grant_permission.resource_id, v_org,
            grant_permission.project_id, grant_permission.permission, grant_permission.effect,
            grant_permission.expires_at, grant_permission.conditions, caller)
    ON CONFLICT (subject_id, subject_role, resource_type, resource_id, org_id, project_id,
                 permission, effect)
    DO UPDATE SET expires_at = EXCLUDED.expires_at, conditions = EXCLUDED.conditions
    RETURNING p.id INTO v_id;
    PERFORM identity.audit('policy.granted', resource_type,
                           coalesce(resource_id, project_id, v_org)::text,
                           jsonb_build_object('policy_id', v_id, 'subject_id', subject_id,
                                              'subject_role', subject_role,
                                              'permission', permission, 'effect', effect),
                           (SELECT p.scope_org_id FROM identity.policies p WHERE p.id = v_id),
                           project_id);
    SELECT * INTO result FROM api.policies p WHERE p.id = v_id;
    RETURN result;
END
$$;
COMMENT ON FUNCTION api.grant_permission(uuid, text, text, uuid, text, uuid, uuid, text, timestamptz, jsonb) IS
$$Allow (or with effect = deny, forbid) a permission to a principal, or with subject_role to every member of organization subject_id with that role, on a resource, or on every resource of the type in a project/org scope. You must administer what it covers. Granting the same again updates expires_at and conditions. Errors: 42501, 22023, 23503.$$;

CREATE FUNCTION api.revoke_permission(policy_id uuid)
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    p identity.policies;
BEGIN
    SELECT * INTO p FROM identity.policies x WHERE x.id = policy_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'there is no policy with id %', policy_id USING ERRCODE = '42704';
    END IF;
    PERFORM identity.require_policy_admin(CASE WHEN p.resource_type = 'audit' THEN 'org'
                                               ELSE p.resource_type END,
                                          p.resource_id, p.org_id, p.project_id);
    DELETE FROM identity.policies x WHERE x.id = p.id;
    PERFORM identity.audit('policy.revoked', p.resource_type,
                           coalesce(p.resource_id, p.project_id, p.org_id)::text,
                           jsonb_build_object('policy_id', p.id, 'subject_id', p.subject_id,
                                              'permission', p.permission, 'effect', p.effect),
                           p.scope_org_id, p.project_id);
END
$$;
COMMENT ON FUNCTION api.revoke_permission(uuid) IS
$$Remove a policy; you must administer what it covers. Errors: 42704 no such policy, 42501.$$;

-- Principals -------------------------------------------------------------------------------

CREATE FUNCTION api.disable_principal(principal_id uuid, disabled boolean DEFAULT true)
RETURNS api.principals
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    caller uuid := identity.require_caller();
    v_type text;
    v_at timestamptz := CASE WHEN coalesce(disabled, true) THEN now() END;
    result api.principals;
BEGIN
    SELECT p.type INTO v_type FROM identity.principals p WHERE p.id = disable_principal.principal_id;
    IF v_type IS NULL THEN
        RAISE EXCEPTION 'there is no principal with id %', principal_id USING ERRCODE = '42704';
    END IF;
    IF v_type IN ('user', 'org') THEN
        PERFORM identity.require_platform_admin('disable users and organizations');
        IF principal_id = caller THEN
            RAISE EXCEPTION 'you cannot disable yourself' USING ERRCODE = '42501';
        END IF;
    ELSE
        PERFORM identity.require_permission(v_type, principal_id, 'admin');
    END IF;
    CASE v_type
    WHEN 'user' THEN UPDATE identity.users x SET disabled_at = v_at WHERE x.id = principal_id;
    WHEN 'service_account' THEN
        UPDATE identity.service_accounts x SET disabled_at = v_at WHERE x.id = principal_id;
    WHEN 'agent' THEN UPDATE identity.agents x SET disabled_at = v_at WHERE x.id = principal_id;
    WHEN 'tool' THEN UPDATE identity.tools x SET disabled_at = v_at WHERE x.id = principal_id;
    WHEN 'dataset' THEN UPDATE identity.datasets x SET disabled_at = v_at WHERE x.id = principal_id;
    ELSE UPDATE identity.organizations x SET disabled_at = v_at WHERE x.id = principal_id;
    END CASE;
    PERFORM identity.audit(CASE WHEN v_at IS NULL THEN 'identity.principal.enabled'
                                WHEN v_type = 'user' THEN 'identity.user.disabled'
                                ELSE 'identity.principal.disabled' END,
                           v_type, principal_id::text, jsonb_build_object('type', v_type));
    SELECT * INTO result FROM api.principals p WHERE p.id = principal_id;
    RETURN result;
END
$$;
COMMENT ON FUNCTION api.disable_principal(uuid, boolean) IS
$$Disable (or with disabled = false, enable) a principal: users and organizations by platform administrators, service accounts, agents, tools and datasets by their administrators. A disabled principal can do nothing. Errors: 42704, 42501.$$;

CREATE FUNCTION api.resolve_principal(principal_id uuid)
RETURNS TABLE (id uuid, type text, name text, is_active boolean, is_platform_admin boolean,
               org_id uuid, project_id uuid)
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    caller uuid := identity.current_principal_id();
BEGIN
    -- Visible to itself, the service, platform admins and whoever can read what it is.
    IF NOT (session_user = 'neuronplane_worker'
            OR principal_id = caller
            OR identity.is_platform_admin(caller)
            OR EXISTS (SELECT FROM identity.principals p
                        WHERE p.id = resolve_principal.principal_id
                          AND CASE p.type
                              WHEN 'user' THEN p.id = ANY (identity.visible_user_ids(caller))
                              ELSE identity.has_permission(caller, p.type, p.id, 'read',
                                                           identity.current_api_key_id())
                              END)) THEN
        RAISE EXCEPTION 'there is no principal % that you can see', principal_id
            USING ERRCODE = '42704';
    END IF;
    RETURN QUERY
        SELECT p.id, p.type, p.name,
               p.disabled_at IS NULL AND (p.expires_at IS NULL OR p.expires_at > now()),
               coalesce(u.is_admin, false), s.org_id, s.project_id
          FROM identity.principals p
          LEFT JOIN identity.users u ON u.id = p.id
          LEFT JOIN identity.resource_scopes s ON s.resource_id = p.id
         WHERE p.id = principal_id;
END
$$;
COMMENT ON FUNCTION api.resolve_principal(uuid) IS
$$What a principal is (for NeuronAgent and NeuronMCP): type, name, whether it may act, whether it is a platform administrator, and its organization and project. Errors: 42704 unknown or not visible to you.$$;

-- Permission questions ---------------------------------------------------------------------

-- Shared argument checks of the two question functions.
CREATE FUNCTION identity.check_question(principal_id uuid, resource_type text,
                                        resource_id uuid, permission text)
RETURNS uuid
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    caller uuid := identity.require_caller();
BEGIN
    PERFORM identity.check_permission_args(resource_type, permission);
    -- About someone else: the service, platform admins, and administrators of the resource.
    IF principal_id IS DISTINCT FROM caller
       AND session_user <> 'neuronplane_worker'
       AND NOT identity.is_platform_admin(caller)
       AND NOT identity.has_permission(caller, resource_type, resource_id, 'admin',
                                       identity.current_api_key_id()) THEN
        RAISE EXCEPTION 'permission denied: only administrators of the resource may ask about another principal'
            USING ERRCODE = '42501';
    END IF;
    RETURN caller;
END
$$;
COMMENT ON FUNCTION identity.check_question(uuid, text, uuid, text) IS
    'Validates the arguments of api.has_permission()/api.explain_permission() and who may ask.';

CREATE FUNCTION api.has_permission(resource_type text, resource_id uuid, permission text,
                                   principal_id uuid DEFAULT NULL)
RETURNS boolean
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    caller uuid := identity.current_principal_id();
BEGIN
    PERFORM identity.check_question(coalesce(principal_id, caller), resource_type, resource_id,
                                    permission);
    IF principal_id IS NULL OR principal_id = caller THEN
        RETURN identity.has_permission(caller, resource_type, resource_id, permission,
                                       identity.current_api_key_id());
    END IF;
    RETURN identity.has_permission(principal_id, resource_type, resource_id, permission);
END
$$;
COMMENT ON FUNCTION api.has_permission(text, uuid, text, uuid) IS
$$May you (or principal_id: for the service, platform administrators and administrators of the resource) exercise permission (read, write, execute, admin) on the resource? Your own question goes through your API key, if you use one. Errors: 22023, 42501.$$;

CREATE FUNCTION api.explain_permission(resource_type text, resource_id uuid, permission text,
                                       principal_id uuid DEFAULT NULL)
RETURNS TABLE (source text, source_id uuid, effect text, detail text)
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    caller uuid := identity.current_principal_id();
BEGIN
    PERFORM identity.check_question(coalesce(principal_id, caller), resource_type, resource_id,
                                    permission);
    RETURN QUERY SELECT * FROM identity.explain_permission(
        coalesce(principal_id, caller), resource_type, resource_id, permission,
        CASE WHEN principal_id IS NULL OR principal_id = caller
             THEN identity.current_api_key_id() END);
END
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

COMMIT;
