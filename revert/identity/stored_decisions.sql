-- Revert neuronplane:identity/stored_decisions from pg (the rework after @v0.2.0)
-- Back to the stored decisions as @v0.2.0 left them: the functions as they were, the fixed
-- lists of roles, types and permissions, then identity/stored_decisions@v0.2.0 deployed
-- again (the decisions table, its triggers, its job and has_permission(), which the
-- rework dropped or replaced).

BEGIN;

SET LOCAL ROLE neuronplane_owner;

CREATE OR REPLACE FUNCTION identity.key_role_permissions(roles text[])
 RETURNS text[]
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
    SELECT CASE
        WHEN 'admin' = ANY (roles) THEN ARRAY['read', 'write', 'execute', 'admin']
        WHEN 'member' = ANY (roles) THEN ARRAY['read', 'write', 'execute']
        WHEN 'service' = ANY (roles) THEN ARRAY['read', 'execute']
        WHEN 'viewer' = ANY (roles) THEN ARRAY['read']
        ELSE ARRAY[]::text[]
    END
$function$;
COMMENT ON FUNCTION identity.key_role_permissions(text[]) IS
    'Permissions an API key with these roles lets through: admin = all; member = read, write, execute; service = read, execute; viewer = read.';

CREATE OR REPLACE FUNCTION identity.admin_org_ids(principal_id uuid)
 RETURNS uuid[]
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
BEGIN
    RETURN (SELECT coalesce(array_agg(m.org_id), '{}')
              FROM identity.org_memberships m
              JOIN identity.users u ON u.id = m.user_id
              JOIN identity.principals p ON p.id = u.id
             WHERE m.user_id = $1
               AND m.role IN ('owner', 'admin')
               AND u.disabled_at IS NULL AND p.disabled_at IS NULL);
END
$function$;
COMMENT ON FUNCTION identity.admin_org_ids(uuid) IS
    'The organizations an enabled user owns or administers.';

CREATE OR REPLACE FUNCTION api.add_member(org_id uuid, user_id uuid, role text DEFAULT 'member')
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

CREATE OR REPLACE FUNCTION api.change_member_role(org_id uuid, user_id uuid, role text)
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

CREATE OR REPLACE FUNCTION identity.issue_api_key(principal_id uuid, name text, roles text[],
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

CREATE OR REPLACE FUNCTION identity.key_allows(api_key_id uuid, principal_id uuid, permission text)
 RETURNS boolean
 LANGUAGE sql
 STABLE
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
    SELECT api_key_id IS NULL OR EXISTS (
        SELECT FROM identity.api_keys k
         WHERE k.id = api_key_id AND k.principal_id = key_allows.principal_id
           AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())
           AND k.project_id IS NULL
           AND key_allows.permission = ANY (identity.key_role_permissions(k.roles)))
$function$;

CREATE OR REPLACE FUNCTION identity.may_create_project(principal_id uuid, org_id uuid, user_id uuid, api_key_id uuid DEFAULT NULL::uuid)
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
    SELECT CASE
        WHEN $1 IS NULL THEN false
        WHEN $2 IS NOT NULL THEN ($3 IS NULL OR $3 = $1)
                                 AND identity.has_permission($1, 'org', $2, 'write', $4)
        ELSE $3 = $1
             AND EXISTS (SELECT FROM identity.users u JOIN identity.principals p ON p.id = u.id
                          WHERE u.id = $1 AND p.disabled_at IS NULL
                            AND (p.expires_at IS NULL OR p.expires_at > now()))
             AND ($4 IS NULL OR EXISTS (
                    SELECT FROM identity.api_keys k
                     WHERE k.id = $4 AND k.principal_id = $1 AND k.revoked_at IS NULL
                       AND (k.expires_at IS NULL OR k.expires_at > now())
                       AND k.project_id IS NULL
                       AND 'write' = ANY (identity.key_role_permissions(k.roles))))
    END
$function$;

CREATE OR REPLACE FUNCTION identity.permitted_ids(principal_id uuid, resource_type text, permission text, api_key_id uuid DEFAULT NULL::uuid)
 RETURNS uuid[]
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'pg_temp'
 SET plan_cache_mode TO 'force_generic_plan'
AS $function$
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
$function$;

CREATE OR REPLACE FUNCTION identity.explain_permission(principal_id uuid, resource_type text, resource_id uuid, permission text, api_key_id uuid DEFAULT NULL::uuid)
 RETURNS TABLE(source text, source_id uuid, effect text, detail text)
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
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
$function$;

CREATE OR REPLACE FUNCTION identity.check_permission_args(resource_type text, permission text)
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
COMMENT ON FUNCTION identity.has_permission(uuid, text, uuid, text, uuid) IS
    'May principal_id exercise permission (read, write, execute, admin) on resource_id of resource_type (NULL id: every resource of the type)? Optionally through api_key_id, whose roles narrow the answer. Deny wins; platform admins may do everything; rights are inherited org -> project -> resources.';
COMMENT ON FUNCTION identity.explain_permission(uuid, text, uuid, text, uuid) IS
    'The facts behind has_permission() with the same arguments (principal state, API key, platform admin, matching policies, ownership, membership), then the decision.';
COMMENT ON FUNCTION identity.permitted_ids(uuid, text, text, uuid) IS
    'The ids of every resource of resource_type on which the principal holds permission, as has_permission() decides; for RLS policies and listings.';


COMMENT ON FUNCTION identity.issue_api_key(uuid, text, text[], uuid, integer, timestamptz, uuid) IS
    'Insert an API key (npk_<12 hex>_<64 hex>: 256 random bits) and return it; only its SHA-256 is stored.';
COMMENT ON FUNCTION api.create_api_key(text, text[], uuid, uuid, integer, timestamptz) IS
$$Create an API key for yourself, or for a service account or agent you administer. Returns the key (npk_<prefix>_<secret>) once: it cannot be shown again. roles (admin, member, viewer, service) narrow what the key may do; project_id limits it to one project. Errors: 42501, 22023.$$;

ALTER POLICY events_select_org_admin ON audit.events
    USING (org_id = ANY ((SELECT identity.admin_org_ids((SELECT identity.current_principal_id())))::uuid[]));
COMMENT ON VIEW api.audit_events IS
$$The audit log, read-only. You see the events you performed; owners and admins of an organization also see its events; platform administrators see all. Filter with PostgREST operators, e.g. ?occurred_at=gte.2026-11-01&action=eq.auth.login.failed&order=occurred_at.desc&limit=50.$$;

DROP TRIGGER api_keys_check_roles ON identity.api_keys;
DROP FUNCTION identity.tg_api_keys__check_roles();
ALTER TABLE identity.api_keys DROP CONSTRAINT api_keys_roles_check,
    ADD CONSTRAINT api_keys_roles_check
        CHECK (cardinality(roles) BETWEEN 1 AND 4
               AND roles <@ ARRAY['admin', 'member', 'viewer', 'service']
               AND array_position(roles, NULL) IS NULL);
ALTER TABLE identity.policies DROP CONSTRAINT policies_subject_role_fkey,
    DROP CONSTRAINT policies_resource_type_fkey,
    DROP CONSTRAINT policies_permission_fkey,
    ADD CONSTRAINT policies_subject_role_check
        CHECK (subject_role IN ('owner', 'admin', 'member', 'viewer')),
    ADD CONSTRAINT policies_resource_type_check
        CHECK (resource_type IN ('org', 'project', 'agent', 'tool', 'dataset', 'model',
                                 'service_account', 'api_key', 'audit')),
    ADD CONSTRAINT policies_permission_check
        CHECK (permission IN ('read', 'write', 'execute', 'admin'));
ALTER TABLE identity.org_memberships DROP CONSTRAINT org_memberships_role_fkey,
    ADD CONSTRAINT org_memberships_role_check CHECK (role IN ('owner', 'admin', 'member', 'viewer'));

DROP FUNCTION identity.check_role(text);
DROP FUNCTION identity.decide(text[]);
DROP FUNCTION identity.grants(uuid, text, text, uuid);
DROP FUNCTION identity.policy_applies(text, text, text, uuid, timestamptz, timestamptz, text, text, boolean, boolean);
DROP FUNCTION identity.authz_context(uuid, text, text, uuid);
DROP TABLE identity.api_key_roles;
DROP TABLE identity.role_grants;
DROP TABLE identity.roles;
DROP TABLE identity.resource_types;
DROP TABLE identity.permissions;

COMMIT;

\ir ../../deploy/identity/stored_decisions@v0.2.0.sql
