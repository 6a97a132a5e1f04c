-- Revert neuronplane:identity/stored_decisions from pg (the rework after @v0.2.0):
-- has_permission() in PL/pgSQL again, as identity/stored_decisions@v0.2.0 left it, and
-- permitted_ids() as identity/plpgsql_helpers left it.

BEGIN;

SET LOCAL ROLE neuronplane_owner;

CREATE OR REPLACE FUNCTION identity.has_permission(
    principal_id  uuid,
    resource_type text,
    resource_id   uuid,
    permission    text,
    api_key_id    uuid DEFAULT NULL
)
RETURNS boolean
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_answer  boolean;
    r_type    text;
    r_project uuid;
    r_granted smallint;
    r_admin   boolean;
    r_until   timestamptz;
    v_key_ok  boolean;
BEGIN
    IF $5 IS NULL THEN
        -- (on the principal's own row, asked with the nil uuid: true for an active
        -- platform admin, as the sources answer; NULL otherwise)
        SELECT CASE WHEN d.valid_until IS NULL OR d.valid_until > now()
                    THEN d.is_admin
                         OR (d.resource_type = CASE $2 WHEN 'audit' THEN 'org' ELSE $2 END
                             AND d.granted & identity.permission_bit($2, $4) <> 0) END
          INTO v_answer
          FROM identity.decisions d
         WHERE d.principal_id = $1 AND d.resource_id = $3;
        IF v_answer IS NOT NULL THEN
            RETURN v_answer;
        END IF;
        IF FOUND THEN                               -- stale; or the nil uuid asked
            RETURN identity.decide_from_sources($1, $2, $3, $4, $5);
        END IF;
    ELSE
        SELECT d.resource_type, d.project_id, d.granted, d.is_admin, d.valid_until
          INTO r_type, r_project, r_granted, r_admin, r_until
          FROM identity.decisions d
         WHERE d.principal_id = $1 AND d.resource_id = $3;
    END IF;
    IF r_type IS NOT NULL THEN                      -- a row, and a key to check
        IF r_until <= now() THEN
            RETURN identity.decide_from_sources($1, $2, $3, $4, $5);
        END IF;
        SELECT k.principal_id = $1
               AND k.revoked_at IS NULL
               AND (k.expires_at IS NULL OR k.expires_at > now())
               AND $4 = ANY (identity.key_role_permissions(k.roles))
               AND (k.project_id IS NULL OR k.project_id = r_project)
          INTO v_key_ok
          FROM identity.api_keys k
         WHERE k.id = $5;
        RETURN coalesce(v_key_ok, false)            -- the key narrows, then as above
               AND (r_admin
                    OR (r_type = CASE $2 WHEN 'audit' THEN 'org' ELSE $2 END
                        AND r_granted & identity.permission_bit($2, $4) <> 0));
    END IF;
    -- No row on the resource (or a NULL resource): the principal's own row.
    SELECT d.is_admin, d.valid_until INTO r_admin, r_until
      FROM identity.decisions d
     WHERE d.principal_id = $1 AND d.resource_id = '00000000-0000-0000-0000-000000000000';
    IF NOT FOUND OR r_until <= now() OR $3 IS NULL OR (r_admin AND $5 IS NOT NULL) THEN
        RETURN identity.decide_from_sources($1, $2, $3, $4, $5);
    END IF;
    RETURN r_admin;                                 -- only a platform administrator
END
$$;

-- permitted_ids() as identity/plpgsql_helpers left it.
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

DROP FUNCTION identity.has_permission_stored(uuid, text, uuid, text, uuid);

RESET ROLE;

COMMIT;
