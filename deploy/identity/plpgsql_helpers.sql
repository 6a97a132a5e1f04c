-- Deploy neuronplane:identity/plpgsql_helpers to pg
-- requires: identity/current_principal
-- requires: identity/admin_checks
-- requires: identity/authz
-- requires: identity/row_security
-- requires: auth/sessions

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- The helpers that every RLS policy and every request calls were SQL functions with a SET
-- clause. PostgreSQL never inlines such a function and keeps no plan for its body: each
-- call parses and plans it again. As PL/pgSQL, the body is planned once per session and
-- the plan reused. Same signatures, results, volatility, security and grants.

CREATE OR REPLACE FUNCTION identity.current_principal_id()
RETURNS uuid
LANGUAGE plpgsql
STABLE
PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    sub text := nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub';
BEGIN
    IF sub ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
        RETURN sub::uuid;
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION identity.current_api_key_id()
RETURNS uuid
LANGUAGE plpgsql
STABLE
PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    k text := nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'api_key_id';
BEGIN
    IF k ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
        RETURN k::uuid;
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION auth.current_session_id()
RETURNS uuid
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    sid text := nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sid';
BEGIN
    IF sid ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
        RETURN sid::uuid;
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION identity.is_platform_admin(principal_id uuid)
RETURNS boolean
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN EXISTS (
        SELECT FROM identity.users u
          JOIN identity.principals p ON p.id = u.id
         WHERE u.id = $1
           AND u.is_admin AND u.disabled_at IS NULL AND p.disabled_at IS NULL);
END
$$;

CREATE OR REPLACE FUNCTION identity.admin_org_ids(principal_id uuid)
RETURNS uuid[]
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN (SELECT coalesce(array_agg(m.org_id), '{}')
              FROM identity.org_memberships m
              JOIN identity.users u ON u.id = m.user_id
              JOIN identity.principals p ON p.id = u.id
             WHERE m.user_id = $1
               AND m.role IN ('owner', 'admin')
               AND u.disabled_at IS NULL AND p.disabled_at IS NULL);
END
$$;

CREATE OR REPLACE FUNCTION identity.visible_user_ids(principal_id uuid)
RETURNS uuid[]
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN (SELECT array_agg(DISTINCT x.id)
              FROM (SELECT $1 AS id
                     UNION ALL
                    SELECT other.user_id
                      FROM identity.org_memberships mine
                      JOIN identity.org_memberships other ON other.org_id = mine.org_id
                     WHERE mine.user_id = $1) x
             WHERE x.id IS NOT NULL);
END
$$;

-- permitted_ids(): first, only the policies that can reach a resource of the type asked
-- become candidates' anchors, so that a principal's policies on other types no longer send
-- resources through has_permission() one by one. Second, its statements take arrays of
-- anchors; with the default plan cache mode such a statement may be planned afresh on
-- every call (when the generic plan's estimate looks worse than the custom plans'), which
-- costs more than running it. Every statement is a set of index probes whatever the
-- arguments, so the generic plan is kept.
CREATE OR REPLACE FUNCTION identity.permitted_ids(
    principal_id  uuid,
    resource_type text,
    permission    text,
    api_key_id    uuid DEFAULT NULL
)
RETURNS uuid[]
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
    stype   constant text := CASE $2 WHEN 'audit' THEN 'org' ELSE $2 END;
    anchors uuid[];
    deny_anchors uuid[];
    fast    boolean;
    result  uuid[];
    key_project uuid;
    key_ok  boolean;
    active  boolean;
    admin   boolean;
BEGIN
    IF $1 IS NULL THEN
        RETURN '{}';
    END IF;
    -- Through a key: the key is one extra condition (as in has_permission()), checked once;
    -- then what the principal may do, within the key's project if it has one.
    IF $4 IS NOT NULL THEN
        SELECT k.project_id,
               k.principal_id = $1 AND k.revoked_at IS NULL
               AND (k.expires_at IS NULL OR k.expires_at > now())
               AND $3 = ANY (identity.key_role_permissions(k.roles))
          INTO key_project, key_ok
          FROM identity.api_keys k
         WHERE k.id = $4;
        IF NOT coalesce(key_ok, false) THEN
            RETURN '{}';
        END IF;
        result := identity.permitted_ids($1, $2, $3);
        IF key_project IS NULL THEN
            RETURN result;
        END IF;
        SELECT coalesce(array_agg(s.resource_id), '{}') INTO result
          FROM identity.resource_scopes s
         WHERE s.resource_id = ANY (result) AND s.project_id = key_project;
        RETURN result;
    END IF;
    -- A missing, disabled or expired principal may do nothing (has_permission()'s step 1);
    -- an active platform administrator everything (its step 3, before any policy), so it
    -- gets every resource of the type without asking has_permission() one by one.
    SELECT pr.disabled_at IS NULL AND (pr.expires_at IS NULL OR pr.expires_at > now()),
           coalesce(u.is_admin, false)
      INTO active, admin
      FROM identity.principals pr
      LEFT JOIN identity.users u ON u.id = pr.id
     WHERE pr.id = $1;
    IF NOT coalesce(active, false) THEN
        RETURN '{}';
    END IF;
    IF admin THEN
        SELECT coalesce(array_agg(s.resource_id), '{}') INTO result
          FROM identity.resource_scopes s
         WHERE s.resource_type = stype;
        RETURN result;
    END IF;
    -- Anchors of the allow and of the deny policies of the principal and of its
    -- organization roles: index probes by subject (an OR of the two would scan every
    -- policy). Only policies that can reach a resource of this type count: has_permission()
    -- matches a policy on the resource itself (of its type), on its project or on its
    -- organization, or a wildcard of its type, of projects or of organizations; a policy
    -- on an agent, say, can neither grant nor deny anything on a project. Nor can a policy
    -- for another permission, or one not in force; these are has_permission()'s filters.
    SELECT coalesce(array_agg(DISTINCT x.anchor_id) FILTER (WHERE x.effect = 'allow'), '{}'),
           coalesce(array_agg(DISTINCT x.anchor_id) FILTER (WHERE x.effect = 'deny'), '{}')
      INTO anchors, deny_anchors
      FROM (SELECT p.anchor_id, p.effect FROM identity.policies p
             WHERE p.subject_id = $1 AND p.subject_role IS NULL
               AND p.resource_type IN ($2, stype, 'project', 'org')
               AND (p.permission = $3 OR p.permission = 'admin' OR ($3 = 'admin' AND p.effect = 'deny'))
               AND (p.resource_type = $2 OR p.effect = 'deny' OR p.permission = 'admin'
                    OR $2 NOT IN ('api_key', 'service_account', 'audit'))
               AND (p.expires_at IS NULL OR p.expires_at > now())
               AND (p.not_before IS NULL OR p.not_before <= now())
            UNION ALL
            SELECT p.anchor_id, p.effect FROM identity.org_memberships m
              JOIN identity.policies p ON p.subject_id = m.org_id AND p.subject_role = m.role
             WHERE m.user_id = $1
               AND p.resource_type IN ($2, stype, 'project', 'org')
               AND (p.permission = $3 OR p.permission = 'admin' OR ($3 = 'admin' AND p.effect = 'deny'))
               AND (p.resource_type = $2 OR p.effect = 'deny' OR p.permission = 'admin'
                    OR $2 NOT IN ('api_key', 'service_account', 'audit'))
               AND (p.expires_at IS NULL OR p.expires_at > now())
               AND (p.not_before IS NULL OR p.not_before <= now())) x;
    IF '00000000-0000-0000-0000-000000000000' = ANY (anchors) THEN
        SELECT coalesce(array_agg(s.resource_id), '{}') INTO result
          FROM identity.resource_scopes s
         WHERE s.resource_type = stype
           AND identity.has_permission($1, $2, s.resource_id, $3);
        RETURN result;
    END IF;
    -- A deny reaches only resources whose chain (itself, its project, its organization)
    -- holds its anchor, or every resource when platform-wide.
    -- The candidates, each found through an index: the resources of its organizations,
    -- those it owns, and those its allow and deny policies anchor on (themselves, their
    -- project or org). Most need no decision of their own: when (the principal being
    -- active) no platform-wide deny names it, what its organization role or ownership grants on a
    -- resource no deny can reach is granted (has_permission() would say yes). Every other
    -- candidate is decided by has_permission(). tests/pgtap/22-has-permission.sql checks
    -- that the result equals has_permission() everywhere.
    fast := NOT '00000000-0000-0000-0000-000000000000' = ANY (deny_anchors);
    WITH candidates AS (
            SELECT s.resource_id AS id,
                   fast AND NOT coalesce(s.resource_id = ANY (deny_anchors)
                                         OR s.project_id = ANY (deny_anchors)
                                         OR s.org_id = ANY (deny_anchors), false) AS granted
              FROM identity.org_memberships m
              JOIN identity.resource_scopes s ON s.org_id = m.org_id AND s.resource_type = stype
             WHERE m.user_id = $1
               -- on the fast path, only roles that grant; the others come as policy anchors
               AND (NOT fast
                    OR m.role IN ('owner', 'admin')
                    OR ($2 NOT IN ('api_key', 'service_account', 'audit')
                        AND ((m.role = 'member' AND $3 <> 'admin')
                             OR (m.role = 'viewer' AND $3 = 'read'))))
            UNION ALL
            SELECT s.resource_id,
                   fast AND NOT coalesce(s.resource_id = ANY (deny_anchors)
                                         OR s.project_id = ANY (deny_anchors)
                                         OR s.org_id = ANY (deny_anchors), false)
              FROM identity.resource_scopes s
             WHERE s.owner_id = $1 AND s.resource_type = stype
            UNION ALL
            SELECT s.resource_id, false FROM identity.resource_scopes s
             WHERE s.resource_id = ANY (anchors || deny_anchors) AND s.resource_type = stype
            UNION ALL
            SELECT s.resource_id, false FROM identity.resource_scopes s
             WHERE s.project_id = ANY (anchors || deny_anchors) AND s.resource_type = stype
            UNION ALL
            SELECT s.resource_id, false FROM identity.resource_scopes s
             WHERE s.org_id = ANY (anchors || deny_anchors) AND s.resource_type = stype)
    SELECT coalesce(array_agg(d.id), '{}') INTO result
      FROM (SELECT c.id FROM candidates c
             GROUP BY c.id
            HAVING bool_or(c.granted) OR identity.has_permission($1, $2, c.id, $3)) d;
    RETURN result;
END
$$;


-- Row security: "is_platform_admin() OR id = ANY (permitted_ids())" could not use an index
-- (an OR with a value known only at run time), so every listing read the whole table.
-- permitted_ids() now answers for platform administrators itself, and the policies are a
-- single "id = ANY (...)", an index probe per permitted row. Through an API key, an
-- administrator's key now narrows what it lists too, as has_permission() always did.
ALTER POLICY organizations_select ON identity.organizations
    USING (id = ANY ((SELECT identity.permitted_ids((SELECT identity.current_principal_id()),
                                                        'org', 'read',
                                                        (SELECT identity.current_api_key_id())))::uuid[]));
ALTER POLICY organizations_update ON identity.organizations
    USING (id = ANY ((SELECT identity.permitted_ids((SELECT identity.current_principal_id()),
                                                        'org', 'read',
                                                        (SELECT identity.current_api_key_id())))::uuid[]));
ALTER POLICY org_memberships_select ON identity.org_memberships
    USING (org_id = ANY ((SELECT identity.permitted_ids((SELECT identity.current_principal_id()),
                                                        'org', 'read',
                                                        (SELECT identity.current_api_key_id())))::uuid[]));
ALTER POLICY projects_select ON identity.projects
    USING (id = ANY ((SELECT identity.permitted_ids((SELECT identity.current_principal_id()),
                                                        'project', 'read',
                                                        (SELECT identity.current_api_key_id())))::uuid[]));
ALTER POLICY projects_update ON identity.projects
    USING (id = ANY ((SELECT identity.permitted_ids((SELECT identity.current_principal_id()),
                                                        'project', 'read',
                                                        (SELECT identity.current_api_key_id())))::uuid[]));
ALTER POLICY service_accounts_select ON identity.service_accounts
    USING (id = ANY ((SELECT identity.permitted_ids((SELECT identity.current_principal_id()),
                                                        'service_account', 'read',
                                                        (SELECT identity.current_api_key_id())))::uuid[]));
ALTER POLICY service_accounts_update ON identity.service_accounts
    USING (id = ANY ((SELECT identity.permitted_ids((SELECT identity.current_principal_id()),
                                                        'service_account', 'read',
                                                        (SELECT identity.current_api_key_id())))::uuid[]));
ALTER POLICY agents_select ON identity.agents
    USING (id = ANY ((SELECT identity.permitted_ids((SELECT identity.current_principal_id()),
                                                        'agent', 'read',
                                                        (SELECT identity.current_api_key_id())))::uuid[]));
ALTER POLICY tools_select ON identity.tools
    USING (id = ANY ((SELECT identity.permitted_ids((SELECT identity.current_principal_id()),
                                                        'tool', 'read',
                                                        (SELECT identity.current_api_key_id())))::uuid[]));
ALTER POLICY datasets_select ON identity.datasets
    USING (id = ANY ((SELECT identity.permitted_ids((SELECT identity.current_principal_id()),
                                                        'dataset', 'read',
                                                        (SELECT identity.current_api_key_id())))::uuid[]));
ALTER POLICY api_keys_select ON identity.api_keys
    USING (id = ANY ((SELECT identity.permitted_ids((SELECT identity.current_principal_id()),
                                                        'api_key', 'read',
                                                        (SELECT identity.current_api_key_id())))::uuid[]));

COMMIT;
