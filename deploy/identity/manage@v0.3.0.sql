-- Deploy neuronplane:identity/manage to pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

INSERT INTO audit.actions (action, description) VALUES
    ('api_key.rotated',              'An API key was replaced by a new secret; the old one was revoked (its prefix in details.old_prefix).'),
    ('identity.org.updated',         'An organization''s name or metadata changed.'),
    ('identity.project.updated',     'A project (profile) changed; details.changed lists the columns, never a DSN password.'),
    ('identity.principal.disabled',  'A principal (user, service account, agent, tool, dataset or org) was disabled.'),
    ('identity.principal.enabled',   'A disabled principal was enabled again.'),
    ('identity.legacy.imported',     'Rows of the legacy NeuronDesktop/NeuronAgent tables were imported; details has the counts.');

-- The authenticated caller, or an error: every management function starts here.
CREATE FUNCTION identity.require_caller()
RETURNS uuid
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    caller uuid := identity.current_principal_id();
BEGIN
    IF caller IS NULL THEN
        RAISE EXCEPTION 'authentication required'
            USING ERRCODE = '28000', HINT = 'Log in, or send an API key.';
    END IF;
    RETURN caller;
END
$$;
COMMENT ON FUNCTION identity.require_caller() IS
    'The current principal; raises 28000 when the request is anonymous.';

-- Does the request's API key (if any) let this principal use a permission outside any
-- project? No key: yes.
CREATE FUNCTION identity.key_allows(api_key_id uuid, principal_id uuid, permission text)
RETURNS boolean
LANGUAGE sql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT api_key_id IS NULL OR EXISTS (
        SELECT FROM identity.authz_context(key_allows.principal_id, NULL, key_allows.permission,
                                           key_allows.api_key_id) c
         WHERE c.key_refusal IS NULL AND c.key_project_id IS NULL)
$$;
COMMENT ON FUNCTION identity.key_allows(uuid, uuid, text) IS
    'True without a key, or when the key is the principal''s, live, not limited to a project and allows the permission by its roles.';

-- has_permission() for the caller (through the request's API key), or a 42501 error
-- naming what was missing.
CREATE FUNCTION identity.require_permission(resource_type text, resource_id uuid,
                                            permission text)
RETURNS uuid
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    caller uuid := identity.require_caller();
BEGIN
    IF NOT identity.has_permission(caller, resource_type, resource_id, permission,
                                   identity.current_api_key_id()) THEN
        RAISE EXCEPTION 'permission denied: % on % %', permission, resource_type,
                        coalesce(resource_id::text, '(all)')
            USING ERRCODE = '42501',
                  HINT = 'An administrator of the organization or project can grant it.';
    END IF;
    RETURN caller;
END
$$;
COMMENT ON FUNCTION identity.require_permission(text, uuid, text) IS
    'The current principal if it holds permission on the resource; raises 42501 otherwise.';

-- The caller, if it is a platform administrator (through a key only with the admin role),
-- or a 42501 error: "only platform administrators can <what>".
CREATE FUNCTION identity.require_platform_admin(what text)
RETURNS uuid
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    caller uuid := identity.require_caller();
BEGIN
    IF NOT identity.is_platform_admin(caller)
       OR NOT identity.has_permission(caller, 'org', NULL, 'admin', identity.current_api_key_id()) THEN
        RAISE EXCEPTION 'only platform administrators can %', what USING ERRCODE = '42501';
    END IF;
    RETURN caller;
END
$$;
COMMENT ON FUNCTION identity.require_platform_admin(text) IS
    'The current principal if it is a platform administrator; raises 42501 ("only platform administrators can <what>") otherwise.';

-- Arguments naming a resource type and a permission of the catalogue, or a 22023 error
-- quoting at most 64 characters of what was refused (a megabyte argument is no message).
CREATE FUNCTION identity.check_permission_args(resource_type text, permission text)
RETURNS void
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM identity.resource_types t WHERE t.name = $1) THEN
        RAISE EXCEPTION 'unknown resource type %',
                        CASE WHEN length($1) > 64 THEN left($1, 64) || '...' ELSE coalesce($1, 'null') END
            USING ERRCODE = '22023',
                  HINT = 'One of ' || (SELECT string_agg(t.name, ', ' ORDER BY t.name)
                                         FROM identity.resource_types t) || '.';
    END IF;
    IF NOT EXISTS (SELECT FROM identity.permissions p WHERE p.name = $2) THEN
        RAISE EXCEPTION 'permission must be one of %, not %',
                        (SELECT string_agg(p.name, ', ' ORDER BY p.name) FROM identity.permissions p),
                        CASE WHEN length($2) > 64 THEN left($2, 64) || '...' ELSE coalesce($2, 'null') END
            USING ERRCODE = '22023';
    END IF;
END
$$;
COMMENT ON FUNCTION identity.check_permission_args(text, text) IS
    'Raises 22023 unless resource_type and permission are rows of identity.resource_types and identity.permissions.';

-- Records an audit event as the current caller (with its principal type).
CREATE FUNCTION identity.audit(action text, resource_type text, resource_id text,
                               details jsonb DEFAULT '{}', org_id uuid DEFAULT NULL,
                               project_id uuid DEFAULT NULL)
RETURNS bigint
LANGUAGE sql
VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT audit.record(action, 'success', resource_type, resource_id, details,
                        p.id, p.type, org_id, project_id)
      FROM (SELECT identity.current_principal_id() AS pid) c
      LEFT JOIN identity.principals p ON p.id = c.pid
$$;
COMMENT ON FUNCTION identity.audit(text, text, text, jsonb, uuid, uuid) IS
    'Append a success audit event performed by the current principal.';

-- Projects and organizations change through the API both by function and by plain
-- PATCH on their views: a trigger records every change, so no path goes unaudited.
-- Argument: the resource type (org or project); the action is identity.<type>.<created |
-- updated | deleted>, per the operations the trigger is created for. details names the
-- changed columns, never their values (a DSN may have held a password on its way in).
-- SECURITY DEFINER: reads the principals table to name the actor.
CREATE FUNCTION identity.tg_entity__audit()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    rtype   constant text := TG_ARGV[0];
    r       jsonb := to_jsonb(CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END);
    id      uuid := (r ->> 'id')::uuid;
    changed text[];
BEGIN
    IF TG_OP = 'UPDATE' THEN
        SELECT array_agg(n.key ORDER BY n.key) INTO changed
          FROM jsonb_each(r) n JOIN jsonb_each(to_jsonb(OLD)) o USING (key)
         WHERE n.value IS DISTINCT FROM o.value AND n.key <> 'updated_at';
        IF changed IS NULL THEN
            RETURN NULL;
        END IF;
    END IF;
    PERFORM identity.audit(
        'identity.' || rtype || '.' || CASE TG_OP WHEN 'INSERT' THEN 'created'
                                                  WHEN 'UPDATE' THEN 'updated'
                                                  ELSE 'deleted' END,
        rtype, id::text,
        CASE WHEN changed IS NOT NULL THEN jsonb_build_object('changed', changed)
             ELSE jsonb_build_object('name', r ->> 'name') END,
        CASE rtype WHEN 'org' THEN id ELSE (r ->> 'org_id')::uuid END,
        CASE rtype WHEN 'project' THEN id END);
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION identity.tg_entity__audit() IS
    'Trigger: an audit event for each organization or project created, changed or deleted (argument: org or project).';

CREATE TRIGGER projects_audit AFTER INSERT OR UPDATE OR DELETE ON identity.projects
    FOR EACH ROW EXECUTE FUNCTION identity.tg_entity__audit('project');
CREATE TRIGGER organizations_audit AFTER UPDATE ON identity.organizations
    FOR EACH ROW EXECUTE FUNCTION identity.tg_entity__audit('org');


-- Every function here is SECURITY DEFINER for the same reason: it writes rows that no API
-- role may write directly (memberships, keys, policies, principals) or that need an
-- audit event; each checks the caller's permission with has_permission() first, through
-- the request's API key if there is one.

-- Organizations and members ------------------------------------------------------------

CREATE FUNCTION identity.create_organization(name text, slug text, metadata jsonb DEFAULT '{}')
RETURNS uuid
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    caller uuid := identity.require_caller();
    v_id uuid;
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
    RETURN v_id;
END
$$;
COMMENT ON FUNCTION identity.create_organization(text,text,jsonb) IS
    'What api.create_organization() does (see its comment there); only that endpoint calls it.';

CREATE FUNCTION identity.add_member(org_id uuid, user_id uuid, role text DEFAULT 'member')
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
BEGIN
    PERFORM identity.check_role(role);
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
    RETURN;
END
$$;
COMMENT ON FUNCTION identity.add_member(uuid,uuid,text) IS
    'What api.add_member() does (see its comment there); only that endpoint calls it.';

CREATE FUNCTION identity.change_member_role(org_id uuid, user_id uuid, role text)
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    old_role text;
BEGIN
    PERFORM identity.check_role(role);
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
    RETURN;
END
$$;
COMMENT ON FUNCTION identity.change_member_role(uuid,uuid,text) IS
    'What api.change_member_role() does (see its comment there); only that endpoint calls it.';

CREATE FUNCTION identity.remove_member(org_id uuid, user_id uuid)
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
COMMENT ON FUNCTION identity.remove_member(uuid,uuid) IS
    'What api.remove_member() does (see its comment there); only that endpoint calls it.';

-- Users ----------------------------------------------------------------------------------

CREATE FUNCTION identity.create_user(username text, email text DEFAULT NULL,
                                display_name text DEFAULT NULL, is_admin boolean DEFAULT false)
RETURNS uuid
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_id uuid;
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
    RETURN v_id;
END
$$;
COMMENT ON FUNCTION identity.create_user(text,text,text,bool) IS
    'What api.create_user() does (see its comment there); only that endpoint calls it.';

-- The user principal for an external identity, created on first sight: what the desktop
-- did with getOrCreateUserPrincipal(). Looked up by username or e-mail, ignoring case.
CREATE FUNCTION identity.get_or_create_user_principal(username text, email text DEFAULT NULL,
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
COMMENT ON FUNCTION identity.get_or_create_user_principal(text,text,text) IS
    'What api.get_or_create_user_principal() does (see its comment there); only that endpoint calls it.';

-- Projects and service accounts -----------------------------------------------------------

CREATE FUNCTION identity.create_project(name text, org_id uuid DEFAULT NULL,
                                   description text DEFAULT NULL, neurondb_dsn text DEFAULT NULL,
                                   mcp_config jsonb DEFAULT NULL, agent_endpoint text DEFAULT NULL,
                                   metadata jsonb DEFAULT '{}')
RETURNS uuid
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    caller uuid := identity.require_caller();
    v_user uuid;
    v_id uuid;
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
    RETURN v_id;
END
$$;
COMMENT ON FUNCTION identity.create_project(text,uuid,text,text,jsonb,text,jsonb) IS
    'What api.create_project() does (see its comment there); only that endpoint calls it.';

-- The full connection string, password included, for those who may execute in the
-- project (the desktop connecting to NeuronDB).
CREATE FUNCTION identity.project_dsn(project_id uuid)
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
COMMENT ON FUNCTION identity.project_dsn(uuid) IS
    'What api.project_dsn() does (see its comment there); only that endpoint calls it.';

-- The MCP configuration with its secret environment values, for those who may execute in
-- the project (the desktop starting the MCP server).
CREATE FUNCTION identity.project_mcp_config(project_id uuid)
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
COMMENT ON FUNCTION identity.project_mcp_config(uuid) IS
    'What api.project_mcp_config() does (see its comment there); only that endpoint calls it.';

CREATE FUNCTION identity.create_service_account(name text, org_id uuid DEFAULT NULL,
                                           project_id uuid DEFAULT NULL,
                                           description text DEFAULT NULL,
                                           metadata jsonb DEFAULT '{}')
RETURNS uuid
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_org uuid := org_id;
    v_id uuid;
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
    RETURN v_id;
END
$$;
COMMENT ON FUNCTION identity.create_service_account(text,uuid,uuid,text,jsonb) IS
    'What api.create_service_account() does (see its comment there); only that endpoint calls it.';

CREATE FUNCTION identity.create_api_key(name text, roles text[] DEFAULT ARRAY['member'],
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
COMMENT ON FUNCTION identity.create_api_key(text,text[],uuid,uuid,int4,timestamptz) IS
    'What api.create_api_key() does (see its comment there); only that endpoint calls it.';

CREATE FUNCTION identity.revoke_api_key(id uuid)
RETURNS uuid
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    k identity.api_keys;
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
    RETURN k.id;
END
$$;
COMMENT ON FUNCTION identity.revoke_api_key(uuid) IS
    'What api.revoke_api_key() does (see its comment there); only that endpoint calls it.';

CREATE FUNCTION identity.rotate_api_key(id uuid, OUT new_id uuid, OUT prefix text, OUT api_key text)
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
COMMENT ON FUNCTION identity.rotate_api_key(uuid) IS
    'What api.rotate_api_key() does (see its comment there); only that endpoint calls it.';

CREATE FUNCTION identity.grant_permission(subject_id uuid, resource_type text, permission text,
                                     resource_id uuid DEFAULT NULL, effect text DEFAULT 'allow',
                                     org_id uuid DEFAULT NULL, project_id uuid DEFAULT NULL,
                                     subject_role text DEFAULT NULL,
                                     expires_at timestamptz DEFAULT NULL,
                                     conditions jsonb DEFAULT NULL)
RETURNS uuid
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
    RETURN v_id;
END
$$;
COMMENT ON FUNCTION identity.grant_permission(uuid,text,text,uuid,text,uuid,uuid,text,timestamptz,jsonb) IS
    'What api.grant_permission() does (see its comment there); only that endpoint calls it.';

CREATE FUNCTION identity.revoke_permission(policy_id uuid)
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
COMMENT ON FUNCTION identity.revoke_permission(uuid) IS
    'What api.revoke_permission() does (see its comment there); only that endpoint calls it.';

-- Principals -------------------------------------------------------------------------------

CREATE FUNCTION identity.disable_principal(principal_id uuid, disabled boolean DEFAULT true)
RETURNS uuid
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    caller uuid := identity.require_caller();
    v_type text;
    v_at timestamptz := CASE WHEN coalesce(disabled, true) THEN now() END;
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
    RETURN principal_id;
END
$$;
COMMENT ON FUNCTION identity.disable_principal(uuid,bool) IS
    'What api.disable_principal() does (see its comment there); only that endpoint calls it.';

CREATE FUNCTION identity.resolve_principal(principal_id uuid)
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
COMMENT ON FUNCTION identity.resolve_principal(uuid) IS
    'What api.resolve_principal() does (see its comment there); only that endpoint calls it.';

CREATE FUNCTION identity.answer_has_permission(resource_type text, resource_id uuid, permission text,
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
COMMENT ON FUNCTION identity.answer_has_permission(text,uuid,text,uuid) IS
    'What api.has_permission() does (see its comment there); only that endpoint calls it.';

CREATE FUNCTION identity.answer_explain_permission(resource_type text, resource_id uuid, permission text,
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
COMMENT ON FUNCTION identity.answer_explain_permission(text,uuid,text,uuid) IS
    'What api.explain_permission() does (see its comment there); only that endpoint calls it.';


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


-- Every argument is checked before the row is built: a constraint violation inside a
-- definer function prints the whole row (the key's secret hash too) in its DETAIL.
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
    -- The same bounds as identity.api_keys' checks, whose violation would print the row.
    IF issue_api_key.name IS NULL THEN
        RAISE EXCEPTION 'name is required' USING ERRCODE = '22004',
              HINT = 'Name the key after where it is used, in at most 200 characters.';
    END IF;
    IF btrim(issue_api_key.name) = '' OR length(issue_api_key.name) > 200 THEN
        RAISE EXCEPTION 'name must be 1 to 200 characters, not blank' USING ERRCODE = '22023';
    END IF;
    -- (each role must be a row of identity.api_key_roles: the table's trigger says so)
    IF roles IS NULL OR cardinality(roles) = 0 THEN
        RAISE EXCEPTION 'an API key needs at least one role' USING ERRCODE = '22023';
    END IF;
    IF array_position(roles, NULL) IS NOT NULL
       OR (SELECT count(DISTINCT r) FROM unnest(roles) r) > 4 THEN
        RAISE EXCEPTION 'roles must be 1 to 4 distinct roles, none of them null'
            USING ERRCODE = '22023';
    END IF;
    IF rate_limit_per_min IS NOT NULL AND rate_limit_per_min NOT BETWEEN 1 AND 1000000 THEN
        RAISE EXCEPTION 'rate_limit_per_min must be between 1 and 1000000'
            USING ERRCODE = '22023', HINT = 'Leave it out for the default.';
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
    'Insert an API key (npk_<12 hex>_<64 hex>: 256 random bits) and return it; only its SHA-256 is stored. Arguments are checked first (22004, 22023), so no constraint violation shows the row.';


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

RESET ROLE;

COMMIT;
