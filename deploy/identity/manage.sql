-- Deploy neuronplane:identity/manage to pg
-- requires: identity/authz
-- requires: audit/record

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
        SELECT FROM identity.api_keys k
         WHERE k.id = api_key_id AND k.principal_id = key_allows.principal_id
           AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())
           AND k.project_id IS NULL
           AND key_allows.permission = ANY (identity.key_role_permissions(k.roles)))
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

-- Arguments naming a resource type and a permission, or a 22023 error.
CREATE FUNCTION identity.check_permission_args(resource_type text, permission text)
RETURNS void
LANGUAGE plpgsql
IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF resource_type IS NULL OR resource_type NOT IN ('org', 'project', 'agent', 'tool', 'dataset',
                                                      'model', 'service_account', 'api_key', 'audit') THEN
        RAISE EXCEPTION 'unknown resource type %', coalesce(resource_type, 'null')
            USING ERRCODE = '22023',
                  HINT = 'One of org, project, agent, tool, dataset, model, service_account, api_key, audit.';
    END IF;
    IF permission IS NULL OR permission NOT IN ('read', 'write', 'execute', 'admin') THEN
        RAISE EXCEPTION 'permission must be read, write, execute or admin' USING ERRCODE = '22023';
    END IF;
END
$$;
COMMENT ON FUNCTION identity.check_permission_args(text, text) IS
    'Raises 22023 unless resource_type and permission are among those policies use.';

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

COMMIT;
