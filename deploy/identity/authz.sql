-- Deploy neuronplane:identity/authz to pg

BEGIN;



-- Authorization computed on read from one rule source. Roles, what they grant, the
-- permissions, the resource types and the API-key roles are rows; identity.grants() turns
-- them, with memberships, ownership, policies and platform administrators, into the facts
-- that decide; has_permission(), permitted_ids() and explain_permission() read those facts.
-- The stored decisions (identity.decisions, their triggers, epoch row and cron job) go.


SET LOCAL ROLE neuronplane_owner;

-- The catalogue -----------------------------------------------------------------------------



-- Who asks, and through what: one row whatever the arguments. subject_ids and
-- subject_roles are whose policies reach the principal: itself (role NULL), and each
-- organization it belongs to with its role there. refusal says why the principal may do
-- nothing (missing, disabled, expired; an unknown type or permission), key_refusal why the
-- key lets nothing through; both NULL when neither refuses. The key's project
-- (key_project_id) still narrows resource by resource, in identity.grants().
-- Plain SQL without SET so that the planner inlines it into its callers.
CREATE FUNCTION identity.authz_context(principal_id uuid, resource_type text, permission text,
                                       api_key_id uuid)
RETURNS TABLE (principal_id uuid, scope_type text, inherits_admin_only boolean,
               is_admin boolean, key_project_id uuid, subject_ids uuid[], subject_roles text[],
               refusal text, key_refusal text)
LANGUAGE sql
STABLE
AS $$
    SELECT pr.id, t.scope_type, t.inherits_admin_only, coalesce(u.is_admin, false), k.project_id,
           pr.id || coalesce(ms.org_ids, '{}'), NULL::text || coalesce(ms.roles, '{}'),
           CASE WHEN pr.id IS NULL THEN 'no such principal'
                WHEN pr.disabled_at IS NOT NULL THEN format('disabled at %s', pr.disabled_at)
                WHEN pr.expires_at <= now() THEN format('expired at %s', pr.expires_at)
                WHEN t.name IS NULL THEN format('no resource type %s', coalesce(a.resource_type, 'null'))
                WHEN perm.name IS NULL THEN format('no permission %s', coalesce(a.permission, 'null'))
           END,
           CASE WHEN a.api_key_id IS NULL THEN NULL
                WHEN k.id IS NULL THEN 'no such API key'
                WHEN k.principal_id IS DISTINCT FROM pr.id THEN 'the key belongs to another principal'
                WHEN k.revoked_at IS NOT NULL THEN format('revoked at %s', k.revoked_at)
                WHEN k.expires_at <= now() THEN format('expired at %s', k.expires_at)
                WHEN a.permission IS NULL OR NOT a.permission = ANY (identity.key_role_permissions(k.roles))
                     THEN format('roles %s do not include %s', k.roles, coalesce(a.permission, 'null'))
           END
      FROM (VALUES ($1, $2, $3, $4)) AS a (principal_id, resource_type, permission, api_key_id)
      LEFT JOIN identity.principals pr ON pr.id = a.principal_id
      LEFT JOIN identity.users u ON u.id = a.principal_id
      LEFT JOIN identity.resource_types t ON t.name = a.resource_type
      LEFT JOIN identity.permissions perm ON perm.name = a.permission
      LEFT JOIN identity.api_keys k ON k.id = a.api_key_id
      LEFT JOIN LATERAL (SELECT array_agg(m.org_id ORDER BY m.org_id) AS org_ids,
                                array_agg(m.role ORDER BY m.org_id) AS roles
                           FROM identity.org_memberships m WHERE m.user_id = pr.id) ms ON true
$$;
COMMENT ON FUNCTION identity.authz_context(uuid, text, text, uuid) IS
    'The asking principal and key as authorization sees them: platform admin, the key''s project, the subjects whose policies reach it (itself, and each organization with its role there), and why either refuses everything (NULL: neither does).';

-- Does one policy bear on a question about a resource? Its permission (admin implies every
-- other; any deny denies admin), its time window, its reach (a policy on a named resource
-- or an enclosing one; a wildcard of the type, of organizations, or of projects for a
-- resource in a project) and the types that inherit only admin grants and denies.
-- The anchor (which resource, project, organization or platform) is matched by the caller.
-- One expression without SET, so that the planner inlines it.
CREATE FUNCTION identity.policy_applies(effect text, permission text, resource_type text,
                                        resource_id uuid, expires_at timestamptz,
                                        not_before timestamptz, asked_type text,
                                        asked_permission text, inherits_admin_only boolean,
                                        in_project boolean)
RETURNS boolean
LANGUAGE sql
STABLE
AS $$
    SELECT (permission = asked_permission OR permission = 'admin'
            OR (asked_permission = 'admin' AND effect = 'deny'))
       AND (expires_at IS NULL OR expires_at > now())
       AND (not_before IS NULL OR not_before <= now())
       AND (resource_id IS NOT NULL OR resource_type = asked_type OR resource_type = 'org'
            OR (resource_type = 'project' AND in_project))
       AND (resource_type = asked_type OR effect = 'deny' OR permission = 'admin'
            OR NOT inherits_admin_only)
$$;
COMMENT ON FUNCTION identity.policy_applies(text, text, text, uuid, timestamptz, timestamptz, text, text, boolean, boolean) IS
    'Whether a policy with these columns bears on asked_permission over a resource of asked_type it is anchored above.';

-- The one rule source: every fact that bears on the principal holding the permission on a
-- resource of the type, one row per fact and resource (resource_id NULL: every resource of
-- the type, the platform); identity.decide() turns a resource's facts into the decision.
-- Facts: platform administrator (override); ownership and an organization role's grants
-- (allow); policies of the principal and of its roles, anchored on the resource, its
-- project, its organization or the platform (allow or deny). A refused principal or key
-- yields nothing; a key's project keeps only the resources inside it. Plain SQL without
-- SET, inlined into each caller: a listing runs from the principal's memberships,
-- ownerships and policies, a question about one resource by index probes around it.
CREATE FUNCTION identity.grants(principal_id uuid, resource_type text, permission text,
                                api_key_id uuid DEFAULT NULL)
RETURNS TABLE (resource_id uuid, effect text, permission text, source text, source_id uuid)
LANGUAGE sql
STABLE
AS $$
    SELECT f.resource_id, f.effect, f.permission, f.source, f.source_id
      FROM identity.authz_context($1, $2, $3, $4) c
     CROSS JOIN LATERAL (
            SELECT s.resource_id, s.project_id, 'override', 'admin', 'platform_admin', c.principal_id
              FROM identity.resource_scopes s
             WHERE c.is_admin AND s.resource_type = c.scope_type
            UNION ALL
            SELECT NULL, NULL, 'override', 'admin', 'platform_admin', c.principal_id
             WHERE c.is_admin
            UNION ALL
            SELECT s.resource_id, s.project_id, 'allow', 'admin', 'owner', s.owner_id
              FROM identity.resource_scopes s
             WHERE s.owner_id = c.principal_id AND s.resource_type = c.scope_type
            UNION ALL
            SELECT s.resource_id, s.project_id, 'allow', g.permission, 'membership', m.org_id
              FROM identity.org_memberships m
              JOIN identity.role_grants g ON g.role = m.role
              JOIN identity.resource_scopes s ON s.org_id = m.org_id
             WHERE m.user_id = c.principal_id AND s.resource_type = c.scope_type
               AND g.resource_type = $2 AND g.permission IN ($3, 'admin')
            UNION ALL
            SELECT s.resource_id, s.project_id, p.effect, p.permission, 'policy', p.id
              FROM identity.policies p
              JOIN identity.resource_scopes s ON s.resource_id = p.anchor_id
             WHERE p.subject_id = ANY (c.subject_ids)
               AND p.subject_role IS NOT DISTINCT FROM c.subject_roles[array_position(c.subject_ids, p.subject_id)]
               AND s.resource_type = c.scope_type
               AND identity.policy_applies(p.effect, p.permission, p.resource_type, p.resource_id,
                                           p.expires_at, p.not_before, $2, $3,
                                           c.inherits_admin_only, s.project_id IS NOT NULL)
            UNION ALL
            SELECT s.resource_id, s.project_id, p.effect, p.permission, 'policy', p.id
              FROM identity.policies p
              JOIN identity.resource_scopes s ON s.project_id = p.anchor_id
             WHERE p.subject_id = ANY (c.subject_ids)
               AND p.subject_role IS NOT DISTINCT FROM c.subject_roles[array_position(c.subject_ids, p.subject_id)]
               AND s.resource_type = c.scope_type AND s.resource_id <> p.anchor_id
               AND identity.policy_applies(p.effect, p.permission, p.resource_type, p.resource_id,
                                           p.expires_at, p.not_before, $2, $3,
                                           c.inherits_admin_only, true)
            UNION ALL
            SELECT s.resource_id, s.project_id, p.effect, p.permission, 'policy', p.id
              FROM identity.policies p
              JOIN identity.resource_scopes s ON s.org_id = p.anchor_id
             WHERE p.subject_id = ANY (c.subject_ids)
               AND p.subject_role IS NOT DISTINCT FROM c.subject_roles[array_position(c.subject_ids, p.subject_id)]
               AND s.resource_type = c.scope_type AND s.resource_id <> p.anchor_id
               AND identity.policy_applies(p.effect, p.permission, p.resource_type, p.resource_id,
                                           p.expires_at, p.not_before, $2, $3,
                                           c.inherits_admin_only, s.project_id IS NOT NULL)
            UNION ALL
            SELECT s.resource_id, s.project_id, p.effect, p.permission, 'policy', p.id
              FROM identity.policies p
              CROSS JOIN (SELECT r.resource_id, r.project_id FROM identity.resource_scopes r
                           WHERE r.resource_type = c.scope_type
                          UNION ALL
                          SELECT NULL, NULL) s
             WHERE p.subject_id = ANY (c.subject_ids)
               AND p.subject_role IS NOT DISTINCT FROM c.subject_roles[array_position(c.subject_ids, p.subject_id)]
               AND p.anchor_id = '00000000-0000-0000-0000-000000000000'
               AND identity.policy_applies(p.effect, p.permission, p.resource_type, p.resource_id,
                                           p.expires_at, p.not_before, $2, $3,
                                           c.inherits_admin_only, s.project_id IS NOT NULL)
           ) AS f (resource_id, project_id, effect, permission, source, source_id)
     WHERE c.refusal IS NULL AND c.key_refusal IS NULL
       AND (c.key_project_id IS NULL OR f.project_id = c.key_project_id)
$$;
COMMENT ON FUNCTION identity.grants(uuid, text, text, uuid) IS
    'The rule source: each fact (source platform_admin, owner, membership or policy; effect override, allow or deny; permission the fact names, admin covering all) bearing on the permission over a resource of the type (resource_id NULL: the whole type). identity.decide() of a resource''s effects is the decision.';

-- The decision from a resource's facts: a platform administrator may do everything; else
-- an allow and no deny (deny wins). One expression, inlined where it is used.
CREATE FUNCTION identity.decide(effects text[])
RETURNS boolean
LANGUAGE sql
IMMUTABLE
AS $$
    SELECT coalesce('override' = ANY (effects)
                    OR ('allow' = ANY (effects) AND NOT 'deny' = ANY (effects)), false)
$$;
COMMENT ON FUNCTION identity.decide(text[]) IS
    'The decision from the effects of identity.grants() on one resource: any override (platform administrator), else an allow and no deny.';

-- A role of the catalogue, or a 22023 error.
CREATE FUNCTION identity.check_role(role text)
RETURNS void
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM identity.roles r WHERE r.name = $1) THEN
        RAISE EXCEPTION 'role must be one of %, not %',
                        (SELECT string_agg(r.name, ', ' ORDER BY r.name) FROM identity.roles r),
                        coalesce(role, 'null')
            USING ERRCODE = '22023', HINT = 'Roles are the rows of identity.roles.';
    END IF;
END
$$;
COMMENT ON FUNCTION identity.check_role(text) IS
    'Raises 22023 unless role is a row of identity.roles.';

GRANT EXECUTE ON FUNCTION identity.grants(uuid, text, text, uuid),
                          identity.check_role(text)
   TO neuronplane_worker;

RESET ROLE;

SET LOCAL ROLE neuronplane_owner;

-- The API key the current request was authenticated with (JWT claim "api_key_id", set
-- by the API-key login), or NULL.
CREATE FUNCTION identity.current_api_key_id()
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
COMMENT ON FUNCTION identity.current_api_key_id() IS
    'The API key the request came with (JWT claim "api_key_id"), or NULL.';

-- Derived from the rule source ---------------------------------------------------------------

-- The one decision: identity.decide() over the facts on the resource (NULL: on every
-- resource of the type, which only platform-wide facts answer).
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
BEGIN
    IF $3 IS NULL THEN
        RETURN (SELECT identity.decide(array_agg(g.effect)) FROM identity.grants($1, $2, $4, $5) g
                 WHERE g.resource_id IS NULL);
    END IF;
    RETURN (SELECT identity.decide(array_agg(g.effect)) FROM identity.grants($1, $2, $4, $5) g
             WHERE g.resource_id = $3);
END
$$;
COMMENT ON FUNCTION identity.has_permission(uuid, text, uuid, text, uuid) IS
    'May principal_id exercise permission on resource_id of resource_type (NULL id: every resource of the type)? Optionally through api_key_id, whose roles and project narrow the answer. identity.decide() over identity.grants(): platform admins may do everything, else an allow and no deny; rights are inherited org -> project -> resources.';

-- Why has_permission() answers as it does: what refuses the principal or the key, each fact
-- of identity.grants() on the resource, then the decision.
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
BEGIN
    RETURN QUERY
        SELECT 'principal', $1, 'deny', c.refusal
          FROM identity.authz_context($1, $2, $4, $5) c
         WHERE c.refusal IS NOT NULL
        UNION ALL
        SELECT 'api_key', $5, CASE WHEN c.key_refusal IS NULL THEN 'allow' ELSE 'deny' END,
               coalesce(c.key_refusal,
                        format('roles %s allow %s', k.roles, $4)
                        || coalesce(format(', only on what project %s holds', c.key_project_id), ''))
          FROM identity.authz_context($1, $2, $4, $5) c
          LEFT JOIN identity.api_keys k ON k.id = $5
         WHERE $5 IS NOT NULL
        UNION ALL
        SELECT 'resource', $3, 'deny', format('there is no %s with this id', $2)
         WHERE $3 IS NOT NULL
           AND NOT EXISTS (SELECT FROM identity.resource_scopes s
                             JOIN identity.resource_types t ON t.scope_type = s.resource_type
                            WHERE s.resource_id = $3 AND t.name = $2);
    RETURN QUERY
        SELECT DISTINCT g.source, g.source_id, g.effect,
               CASE g.source
               WHEN 'platform_admin' THEN 'platform administrator'
               WHEN 'owner' THEN format('owns this %s', $2)
               WHEN 'membership' THEN format('%s of organization %s, a role granting %s on %s',
                                             m.role, m.org_id, g.permission, $2)
               ELSE format('%s %s on %s %s to %s%s', p.effect, p.permission, p.resource_type,
                           coalesce(p.resource_id::text,
                                    'every one in ' || coalesce('project ' || p.project_id,
                                                                'org ' || p.org_id, 'the platform')),
                           CASE WHEN p.subject_role IS NULL THEN p.subject_type || ' ' || p.subject_id
                                ELSE p.subject_role || 's of org ' || p.subject_id END,
                           coalesce(', until ' || p.expires_at, ''))
               END
          FROM identity.grants($1, $2, $4, $5) g
          LEFT JOIN identity.policies p ON g.source = 'policy' AND p.id = g.source_id
          LEFT JOIN identity.org_memberships m
                 ON g.source = 'membership' AND m.org_id = g.source_id AND m.user_id = $1
         WHERE g.resource_id = $3 OR ($3 IS NULL AND g.resource_id IS NULL)
         ORDER BY g.effect DESC, g.source, g.source_id;
    RETURN QUERY SELECT 'decision', NULL::uuid,
        CASE WHEN identity.has_permission($1, $2, $3, $4, $5) THEN 'allow' ELSE 'deny' END,
        'a platform administrator may do everything; else an allow and no deny; a refused principal or key allows nothing';
END
$$;
COMMENT ON FUNCTION identity.explain_permission(uuid, text, uuid, text, uuid) IS
    'Why has_permission() with the same arguments answers as it does: what refuses the principal or key, each fact of identity.grants() on the resource (platform admin, ownership, membership role, policy), then the decision.';

-- Every resource of the type that identity.decide() allows: the same facts, listed from
-- the principal's side. One generic plan: the arguments change the rows, not the plan.
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
SET plan_cache_mode = force_generic_plan
AS $$
BEGIN
    RETURN (SELECT coalesce(array_agg(d.resource_id), '{}')
              FROM (SELECT g.resource_id FROM identity.grants($1, $2, $3, $4) g
                     WHERE g.resource_id IS NOT NULL
                     GROUP BY g.resource_id
                    HAVING identity.decide(array_agg(g.effect))) d);
END
$$;
COMMENT ON FUNCTION identity.permitted_ids(uuid, text, text, uuid) IS
    'The ids of every resource of resource_type on which the principal holds permission (through api_key_id if given): the resources identity.decide() allows over identity.grants(); for RLS policies and listings.';

GRANT EXECUTE ON FUNCTION identity.current_api_key_id(),
                          identity.has_permission(uuid, text, uuid, text, uuid),
                          identity.permitted_ids(uuid, text, text, uuid)
   TO authenticated, service, neuronplane_worker;
GRANT EXECUTE ON FUNCTION identity.explain_permission(uuid, text, uuid, text, uuid)
   TO neuronplane_worker;

RESET ROLE;

SET LOCAL ROLE neuronplane_owner;

-- The organizations whose membership role makes the principal an administrator.
-- SECURITY DEFINER: for callers that cannot read memberships.
CREATE FUNCTION identity.admin_org_ids(principal_id uuid)
RETURNS uuid[]
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN (SELECT coalesce(array_agg(DISTINCT g.resource_id), '{}')
              FROM identity.grants($1, 'org', 'admin') g
             WHERE g.source = 'membership');
END
$$;
COMMENT ON FUNCTION identity.admin_org_ids(uuid) IS
    'The organizations an active principal administers by its membership role (identity.grants()).';
GRANT EXECUTE ON FUNCTION identity.admin_org_ids(uuid) TO authenticated, service;

RESET ROLE;

COMMIT;
