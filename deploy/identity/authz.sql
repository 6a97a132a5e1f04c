-- Deploy neuronplane:identity/authz to pg
-- requires: identity/policies
-- requires: identity/api_keys
-- requires: identity/org_memberships
-- requires: identity/principal_expiry
-- requires: identity/current_principal

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- The API key the current request was authenticated with (JWT claim "api_key_id", set
-- by the API-key login), or NULL.
CREATE FUNCTION identity.current_api_key_id()
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
COMMENT ON FUNCTION identity.current_api_key_id() IS
    'The API key the request came with (JWT claim "api_key_id"), or NULL.';

-- The one permission decision. In order:
--   1. a missing, disabled or expired principal: false;
--   2. through an API key (api_key_id): the key must be the principal's, live, allow the
--      permission by its roles and, if it belongs to a project, the resource must be in
--      it; otherwise false. A key only narrows;
--   3. a platform administrator: true;
--   4. a resource that does not exist (with that type): false;
--   5. a matching deny policy: false;
--   6. a matching allow policy, ownership of the resource, or an organization role:
--      owner/admin -> admin; member -> read, write, execute; viewer -> read (member and
--      viewer roles give nothing on api_key, service_account and audit resources, and
--      policies on an organization or project reach those only when they grant admin).
-- Policies match by subject (the principal, or its role in the resource's organization)
-- and by anchor: the resource itself, its project, its organization, or the platform.
-- Two statements (three with a key), every join an index probe, cheapest exits first:
-- the principal with its user row, the resource's scope and the membership in one; the
-- key; the policies. PL/pgSQL so that the plans are cached per session.
-- SECURITY DEFINER: every component asks, but none may read policies or memberships.
CREATE FUNCTION identity.has_permission(
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
    v_active  boolean;
    v_admin   boolean;
    v_found   boolean;
    v_org     uuid;
    v_project uuid;
    v_owner   uuid;
    v_role    text;
    v_key_ok  boolean;
    v_denied  boolean;
    v_allowed boolean;
BEGIN
    SELECT pr.disabled_at IS NULL AND (pr.expires_at IS NULL OR pr.expires_at > now()),
           coalesce(u.is_admin, false), s.resource_id IS NOT NULL, s.org_id, s.project_id,
           s.owner_id, m.role
      INTO v_active, v_admin, v_found, v_org, v_project, v_owner, v_role
      FROM identity.principals pr
      LEFT JOIN identity.users u ON u.id = pr.id
      LEFT JOIN identity.resource_scopes s
             ON s.resource_id = $3
            AND s.resource_type = CASE $2 WHEN 'audit' THEN 'org' ELSE $2 END
      LEFT JOIN identity.org_memberships m ON m.org_id = s.org_id AND m.user_id = pr.id
     WHERE pr.id = $1;
    IF NOT coalesce(v_active, false) THEN
        RETURN false;                                   -- 1. missing, disabled, expired
    END IF;
    IF $5 IS NOT NULL THEN
        SELECT k.principal_id = $1
               AND k.revoked_at IS NULL
               AND (k.expires_at IS NULL OR k.expires_at > now())
               AND $4 = ANY (identity.key_role_permissions(k.roles))
               AND (k.project_id IS NULL OR k.project_id = v_project)
          INTO v_key_ok
          FROM identity.api_keys k
         WHERE k.id = $5;
        IF NOT coalesce(v_key_ok, false) THEN
            RETURN false;                               -- 2. the key does not let it through
        END IF;
    END IF;
    IF v_admin THEN
        RETURN true;                                    -- 3. platform administrator
    END IF;
    IF $3 IS NOT NULL AND NOT v_found THEN
        RETURN false;                                   -- no such resource of that type
    END IF;
    -- One index probe of policies_lookup_idx per (subject, anchor) pair: PostgreSQL 15
    -- would not use "anchor_id = ANY (...)" as an index condition after "subject_id = ANY".
    SELECT bool_or(p.effect = 'deny'), bool_or(p.effect = 'allow')
      INTO v_denied, v_allowed
      FROM unnest(ARRAY[$1, v_org]) AS subject (id)
     CROSS JOIN unnest(ARRAY[$3, v_project, v_org,
                             '00000000-0000-0000-0000-000000000000'::uuid]) AS anchor (id)
      JOIN identity.policies p ON p.subject_id = subject.id AND p.anchor_id = anchor.id
     WHERE CASE WHEN p.subject_role IS NULL THEN p.subject_id = $1
                ELSE p.subject_id = v_org AND p.subject_role = v_role END
       -- allow: the permission or admin; deny: also any, when admin is asked
       AND (p.permission = $4 OR p.permission = 'admin' OR ($4 = 'admin' AND p.effect = 'deny'))
       AND (p.expires_at IS NULL OR p.expires_at > now())
       AND (p.not_before IS NULL OR p.not_before <= now())
       -- the resource itself (of the type asked), its project or its organization; or a
       -- wildcard of its type or an ancestor's
       AND CASE WHEN p.resource_id IS NOT NULL
                THEN (p.resource_id = $3 AND p.resource_type = CASE $2 WHEN 'audit' THEN 'org' ELSE $2 END)
                     OR (p.resource_id = v_project AND p.resource_type = 'project')
                     OR (p.resource_id = v_org AND p.resource_type = 'org')
                ELSE p.resource_type = $2 OR p.resource_type = 'org'
                     OR (p.resource_type = 'project' AND v_project IS NOT NULL) END
       -- API keys, service accounts and the audit log inherit only admin grants (any
       -- deny) from above, as with organization roles
       AND (p.resource_type = $2 OR p.effect = 'deny' OR p.permission = 'admin'
            OR $2 NOT IN ('api_key', 'service_account', 'audit'));
    IF v_denied THEN
        RETURN false;                                   -- 4. deny wins
    END IF;
    RETURN coalesce(v_allowed, false)                   -- 5. allow, ownership, membership
        OR coalesce(v_owner = $1, false)
        OR coalesce(v_role IN ('owner', 'admin'), false)
        OR coalesce($2 NOT IN ('api_key', 'service_account', 'audit')
                    AND ((v_role = 'member' AND $4 <> 'admin') OR (v_role = 'viewer' AND $4 = 'read')),
                    false);
END
$$;
COMMENT ON FUNCTION identity.has_permission(uuid, text, uuid, text, uuid) IS
    'May principal_id exercise permission (read, write, execute, admin) on resource_id of resource_type (NULL id: every resource of the type)? Optionally through api_key_id, whose roles narrow the answer. Deny wins; platform admins may do everything; rights are inherited org -> project -> resources.';

-- Why has_permission() answers as it does: one row per fact that counted, then the
-- decision. Mirrors has_permission() step by step (tests compare the two on a matrix).
-- SECURITY DEFINER: reads policies and memberships for the administrators who ask.
CREATE FUNCTION identity.explain_permission(
    principal_id  uuid,
    resource_type text,
    resource_id   uuid,
    permission    text,
    api_key_id    uuid DEFAULT NULL
)
RETURNS TABLE (source text, source_id uuid, effect text, detail text)
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    pr    identity.principals;
    s     identity.resource_scopes;
    v_role text;
    k     identity.api_keys;
BEGIN
    SELECT * INTO pr FROM identity.principals x WHERE x.id = $1;
    IF NOT FOUND THEN
        RETURN QUERY SELECT 'principal', $1, 'deny', 'no such principal';
    ELSIF pr.disabled_at IS NOT NULL THEN
        RETURN QUERY SELECT 'principal', $1, 'deny', format('disabled at %s', pr.disabled_at);
    ELSIF pr.expires_at <= now() THEN
        RETURN QUERY SELECT 'principal', $1, 'deny', format('expired at %s', pr.expires_at);
    END IF;
    SELECT * INTO s FROM identity.resource_scopes x
     WHERE x.resource_id = $3 AND x.resource_type = CASE $2 WHEN 'audit' THEN 'org' ELSE $2 END;
    IF $3 IS NOT NULL AND s.resource_id IS NULL THEN
        RETURN QUERY SELECT 'resource', $3, 'deny', format('there is no %s with this id', $2);
    END IF;
    SELECT m.role INTO v_role FROM identity.org_memberships m
     WHERE m.org_id = s.org_id AND m.user_id = $1;
    IF $5 IS NOT NULL THEN
        SELECT * INTO k FROM identity.api_keys x WHERE x.id = $5;
        RETURN QUERY SELECT 'api_key', $5,
            CASE WHEN k.id IS NOT NULL AND k.principal_id = $1 AND k.revoked_at IS NULL
                      AND (k.expires_at IS NULL OR k.expires_at > now())
                      AND $4 = ANY (identity.key_role_permissions(k.roles))
                      AND (k.project_id IS NULL OR k.project_id = s.project_id)
                 THEN 'allow' ELSE 'deny' END,
            CASE WHEN k.id IS NULL THEN 'no such API key'
                 WHEN k.principal_id <> $1 THEN 'the key belongs to another principal'
                 WHEN k.revoked_at IS NOT NULL THEN format('revoked at %s', k.revoked_at)
                 WHEN k.expires_at <= now() THEN format('expired at %s', k.expires_at)
                 WHEN NOT $4 = ANY (identity.key_role_permissions(k.roles))
                      THEN format('roles %s do not include %s', k.roles, $4)
                 WHEN k.project_id IS NOT NULL AND k.project_id IS DISTINCT FROM s.project_id
                      THEN format('the key is limited to project %s', k.project_id)
                 ELSE format('roles %s allow %s', k.roles, $4) END;
    END IF;
    RETURN QUERY SELECT 'platform_admin', u.id, 'allow', 'platform administrator'
      FROM identity.users u WHERE u.id = $1 AND u.is_admin;
    RETURN QUERY
        SELECT 'policy', p.id, p.effect,
               format('%s %s on %s %s to %s%s', p.effect, p.permission, p.resource_type,
                      coalesce(p.resource_id::text,
                               'every one in ' || coalesce('project ' || p.project_id,
                                                           'org ' || p.org_id, 'the platform')),
                      CASE WHEN p.subject_role IS NULL THEN p.subject_type || ' ' || p.subject_id
                           ELSE p.subject_role || 's of org ' || p.subject_id END,
                      coalesce(', until ' || p.expires_at, ''))
          FROM identity.policies p
         WHERE p.subject_id = ANY (ARRAY[$1, s.org_id])
           AND p.anchor_id = ANY (ARRAY[$3, s.project_id, s.org_id,
                                        '00000000-0000-0000-0000-000000000000'::uuid])
           AND CASE WHEN p.subject_role IS NULL THEN p.subject_id = $1
                    ELSE p.subject_id = s.org_id AND p.subject_role = v_role END
           AND (p.permission = $4 OR p.permission = 'admin' OR ($4 = 'admin' AND p.effect = 'deny'))
           AND (p.expires_at IS NULL OR p.expires_at > now())
           AND (p.not_before IS NULL OR p.not_before <= now())
           AND CASE WHEN p.resource_id IS NOT NULL
                    THEN (p.resource_id = $3 AND p.resource_type = CASE $2 WHEN 'audit' THEN 'org' ELSE $2 END)
                         OR (p.resource_id = s.project_id AND p.resource_type = 'project')
                         OR (p.resource_id = s.org_id AND p.resource_type = 'org')
                    ELSE p.resource_type = $2 OR p.resource_type = 'org'
                         OR (p.resource_type = 'project' AND s.project_id IS NOT NULL) END
           AND (p.resource_type = $2 OR p.effect = 'deny' OR p.permission = 'admin'
                OR $2 NOT IN ('api_key', 'service_account', 'audit'))
         ORDER BY p.effect DESC, p.created_at;
    IF s.owner_id = $1 THEN
        RETURN QUERY SELECT 'owner', $3, 'allow', format('owns this %s', $2);
    END IF;
    IF v_role IS NOT NULL THEN
        RETURN QUERY SELECT 'membership', s.org_id,
            CASE WHEN v_role IN ('owner', 'admin') THEN 'allow'
                 WHEN $2 IN ('api_key', 'service_account', 'audit') THEN 'none'
                 WHEN v_role = 'member' AND $4 <> 'admin' THEN 'allow'
                 WHEN v_role = 'viewer' AND $4 = 'read' THEN 'allow'
                 ELSE 'none' END,
            format('%s of organization %s', v_role, s.org_id);
    END IF;
    RETURN QUERY SELECT 'decision', NULL::uuid,
        CASE WHEN identity.has_permission($1, $2, $3, $4, $5) THEN 'allow' ELSE 'deny' END,
        'deny wins over allow; platform admins and a failing principal or key decide first';
END
$$;
COMMENT ON FUNCTION identity.explain_permission(uuid, text, uuid, text, uuid) IS
    'The facts behind has_permission() with the same arguments (principal state, API key, platform admin, matching policies, ownership, membership), then the decision.';

-- Every resource of a type on which the principal holds the permission: the candidates
-- (its organizations' resources, what it owns, what its allow policies anchor on), each
-- decided by has_permission() itself, so no second copy of the rules exists.
-- SECURITY DEFINER: RLS policies call it for roles that cannot read the identity tables.
CREATE FUNCTION identity.permitted_ids(
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
COMMENT ON FUNCTION identity.permitted_ids(uuid, text, text, uuid) IS
    'The ids of every resource of resource_type on which the principal holds permission, as has_permission() decides; for RLS policies and listings.';

GRANT EXECUTE ON FUNCTION identity.current_api_key_id(),
                          identity.has_permission(uuid, text, uuid, text, uuid),
                          identity.permitted_ids(uuid, text, text, uuid)
   TO authenticated, service, neuronplane_worker;
GRANT EXECUTE ON FUNCTION identity.explain_permission(uuid, text, uuid, text, uuid)
   TO neuronplane_worker;

COMMIT;
