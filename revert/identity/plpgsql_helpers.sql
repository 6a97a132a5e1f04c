-- Revert neuronplane:identity/plpgsql_helpers from pg: the SQL bodies as landed.

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- The row security policies as they were.
ALTER POLICY agents_select ON identity.agents
    USING ((( SELECT identity.is_platform_admin(( SELECT identity.current_principal_id() AS current_principal_id)) AS is_platform_admin) OR (id = ANY (( SELECT identity.permitted_ids(( SELECT identity.current_principal_id() AS current_principal_id), 'agent'::text, 'read'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)) AS permitted_ids)::uuid[]))));
ALTER POLICY api_keys_select ON identity.api_keys
    USING ((( SELECT identity.is_platform_admin(( SELECT identity.current_principal_id() AS current_principal_id)) AS is_platform_admin) OR (id = ANY (( SELECT identity.permitted_ids(( SELECT identity.current_principal_id() AS current_principal_id), 'api_key'::text, 'read'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)) AS permitted_ids)::uuid[]))));
ALTER POLICY datasets_select ON identity.datasets
    USING ((( SELECT identity.is_platform_admin(( SELECT identity.current_principal_id() AS current_principal_id)) AS is_platform_admin) OR (id = ANY (( SELECT identity.permitted_ids(( SELECT identity.current_principal_id() AS current_principal_id), 'dataset'::text, 'read'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)) AS permitted_ids)::uuid[]))));
ALTER POLICY org_memberships_select ON identity.org_memberships
    USING ((( SELECT identity.is_platform_admin(( SELECT identity.current_principal_id() AS current_principal_id)) AS is_platform_admin) OR (org_id = ANY (( SELECT identity.permitted_ids(( SELECT identity.current_principal_id() AS current_principal_id), 'org'::text, 'read'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)) AS permitted_ids)::uuid[]))));
ALTER POLICY organizations_select ON identity.organizations
    USING ((( SELECT identity.is_platform_admin(( SELECT identity.current_principal_id() AS current_principal_id)) AS is_platform_admin) OR (id = ANY (( SELECT identity.permitted_ids(( SELECT identity.current_principal_id() AS current_principal_id), 'org'::text, 'read'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)) AS permitted_ids)::uuid[]))));
ALTER POLICY organizations_update ON identity.organizations
    USING (((id = ANY (( SELECT identity.permitted_ids(( SELECT identity.current_principal_id() AS current_principal_id), 'org'::text, 'read'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)) AS permitted_ids)::uuid[])) OR ( SELECT identity.is_platform_admin(( SELECT identity.current_principal_id() AS current_principal_id)) AS is_platform_admin)));
ALTER POLICY projects_select ON identity.projects
    USING ((( SELECT identity.is_platform_admin(( SELECT identity.current_principal_id() AS current_principal_id)) AS is_platform_admin) OR (id = ANY (( SELECT identity.permitted_ids(( SELECT identity.current_principal_id() AS current_principal_id), 'project'::text, 'read'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)) AS permitted_ids)::uuid[]))));
ALTER POLICY projects_update ON identity.projects
    USING ((( SELECT identity.is_platform_admin(( SELECT identity.current_principal_id() AS current_principal_id)) AS is_platform_admin) OR (id = ANY (( SELECT identity.permitted_ids(( SELECT identity.current_principal_id() AS current_principal_id), 'project'::text, 'read'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)) AS permitted_ids)::uuid[]))));
ALTER POLICY service_accounts_select ON identity.service_accounts
    USING ((( SELECT identity.is_platform_admin(( SELECT identity.current_principal_id() AS current_principal_id)) AS is_platform_admin) OR (id = ANY (( SELECT identity.permitted_ids(( SELECT identity.current_principal_id() AS current_principal_id), 'service_account'::text, 'read'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)) AS permitted_ids)::uuid[]))));
ALTER POLICY service_accounts_update ON identity.service_accounts
    USING ((( SELECT identity.is_platform_admin(( SELECT identity.current_principal_id() AS current_principal_id)) AS is_platform_admin) OR (id = ANY (( SELECT identity.permitted_ids(( SELECT identity.current_principal_id() AS current_principal_id), 'service_account'::text, 'read'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)) AS permitted_ids)::uuid[]))));
ALTER POLICY tools_select ON identity.tools
    USING ((( SELECT identity.is_platform_admin(( SELECT identity.current_principal_id() AS current_principal_id)) AS is_platform_admin) OR (id = ANY (( SELECT identity.permitted_ids(( SELECT identity.current_principal_id() AS current_principal_id), 'tool'::text, 'read'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)) AS permitted_ids)::uuid[]))));

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
AS $$
DECLARE
    stype   constant text := CASE $2 WHEN 'audit' THEN 'org' ELSE $2 END;
    anchors uuid[];
    deny_anchors uuid[];
    fast    boolean;
    result  uuid[];
    key_project uuid;
    key_ok  boolean;
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
    -- Anchors of the allow policies of the principal and of its organization roles: index
    -- probes by subject (an OR of the two would scan every policy).
    SELECT coalesce(array_agg(DISTINCT x.anchor_id), '{}') INTO anchors
      FROM (SELECT p.anchor_id FROM identity.policies p
             WHERE p.subject_id = $1 AND p.subject_role IS NULL AND p.effect = 'allow'
            UNION ALL
            SELECT p.anchor_id FROM identity.org_memberships m
              JOIN identity.policies p ON p.subject_id = m.org_id AND p.subject_role = m.role
             WHERE m.user_id = $1 AND p.effect = 'allow') x;
    IF '00000000-0000-0000-0000-000000000000' = ANY (anchors)
       OR EXISTS (SELECT FROM identity.users u WHERE u.id = $1 AND u.is_admin) THEN
        SELECT coalesce(array_agg(s.resource_id), '{}') INTO result
          FROM identity.resource_scopes s
         WHERE s.resource_type = stype
           AND identity.has_permission($1, $2, s.resource_id, $3);
        RETURN result;
    END IF;
    -- Anchors of the deny policies that could name the principal (directly or through one
    -- of its organization roles). A deny reaches only resources whose chain (itself, its
    -- project, its organization) holds its anchor, or every resource when platform-wide.
    SELECT coalesce(array_agg(DISTINCT x.anchor_id), '{}') INTO deny_anchors
      FROM (SELECT p.anchor_id FROM identity.policies p
             WHERE p.subject_id = $1 AND p.subject_role IS NULL AND p.effect = 'deny'
            UNION ALL
            SELECT p.anchor_id FROM identity.org_memberships m
              JOIN identity.policies p ON p.subject_id = m.org_id AND p.subject_role = m.role
             WHERE m.user_id = $1 AND p.effect = 'deny') x;
    -- The candidates, each found through an index: the resources of its organizations,
    -- those it owns, and those its allow and deny policies anchor on (themselves, their
    -- project or org). Most need no decision of their own: when the principal is active and
    -- no platform-wide deny names it, what its organization role or ownership grants on a
    -- resource no deny can reach is granted (has_permission() would say yes). Every other
    -- candidate is decided by has_permission(). tests/pgtap/22-has-permission.sql checks
    -- that the result equals has_permission() everywhere.
    fast := identity.is_active($1)
            AND NOT '00000000-0000-0000-0000-000000000000' = ANY (deny_anchors);
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

CREATE OR REPLACE FUNCTION identity.current_principal_id()
RETURNS uuid
LANGUAGE sql
STABLE
PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT CASE
        WHEN sub ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
        THEN sub::uuid
    END
      FROM (SELECT nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub'
                   AS sub) AS claims
$$;

CREATE OR REPLACE FUNCTION identity.current_api_key_id()
RETURNS uuid
LANGUAGE sql
STABLE
PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT CASE
        WHEN k ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN k::uuid
    END
      FROM (SELECT nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'api_key_id'
                   AS k) AS claims
$$;

CREATE OR REPLACE FUNCTION auth.current_session_id()
RETURNS uuid
LANGUAGE sql
STABLE
AS $$
    SELECT CASE
        WHEN sid ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN sid::uuid
    END
      FROM (SELECT nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sid' AS sid) c
$$;

CREATE OR REPLACE FUNCTION identity.is_platform_admin(principal_id uuid)
RETURNS boolean
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT EXISTS (
        SELECT FROM identity.users u
          JOIN identity.principals p ON p.id = u.id
         WHERE u.id = is_platform_admin.principal_id
           AND u.is_admin AND u.disabled_at IS NULL AND p.disabled_at IS NULL)
$$;

CREATE OR REPLACE FUNCTION identity.admin_org_ids(principal_id uuid)
RETURNS uuid[]
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT coalesce(array_agg(m.org_id), '{}')
      FROM identity.org_memberships m
      JOIN identity.users u ON u.id = m.user_id
      JOIN identity.principals p ON p.id = u.id
     WHERE m.user_id = admin_org_ids.principal_id
       AND m.role IN ('owner', 'admin')
       AND u.disabled_at IS NULL AND p.disabled_at IS NULL
$$;

CREATE OR REPLACE FUNCTION identity.visible_user_ids(principal_id uuid)
RETURNS uuid[]
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT array_agg(DISTINCT x.id)
      FROM (SELECT visible_user_ids.principal_id AS id
             UNION ALL
            SELECT other.user_id
              FROM identity.org_memberships mine
              JOIN identity.org_memberships other ON other.org_id = mine.org_id
             WHERE mine.user_id = visible_user_ids.principal_id) x
     WHERE x.id IS NOT NULL
$$;

COMMIT;
