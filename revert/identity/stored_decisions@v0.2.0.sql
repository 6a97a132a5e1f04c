-- Revert neuronplane:identity/stored_decisions from pg: has_permission() as landed.

BEGIN;

DO $do$
BEGIN
    PERFORM cron.unschedule(j.jobid) FROM cron.job j
     WHERE j.jobname = 'neuronplane-identity-decisions';
END
$do$;

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

DROP TRIGGER policies_decisions_insert ON identity.policies;
DROP TRIGGER policies_decisions_update ON identity.policies;
DROP TRIGGER policies_decisions_delete ON identity.policies;
DROP TRIGGER org_memberships_decisions_insert ON identity.org_memberships;
DROP TRIGGER org_memberships_decisions_update ON identity.org_memberships;
DROP TRIGGER org_memberships_decisions_delete ON identity.org_memberships;
DROP TRIGGER resource_scopes_decisions_insert ON identity.resource_scopes;
DROP TRIGGER resource_scopes_decisions_update ON identity.resource_scopes;
DROP TRIGGER resource_scopes_decisions_delete ON identity.resource_scopes;
DROP TRIGGER principals_decisions_insert ON identity.principals;
DROP TRIGGER principals_decisions_update ON identity.principals;
DROP TRIGGER principals_decisions_delete ON identity.principals;
DROP TRIGGER users_decisions_insert ON identity.users;
DROP TRIGGER users_decisions_update ON identity.users;

DROP FUNCTION identity.tg_policies__decisions();
DROP FUNCTION identity.tg_org_memberships__decisions();
DROP FUNCTION identity.policy_principals(uuid, text);
DROP FUNCTION identity.refresh_decisions_below(uuid[], uuid[]);
DROP FUNCTION identity.tg_resource_scopes__decisions();
DROP FUNCTION identity.tg_principals__decisions();
DROP FUNCTION identity.tg_users__decisions();
DROP FUNCTION identity.decisions_drift();
DROP FUNCTION identity.refresh_stale_decisions();
DROP FUNCTION identity.rebuild_decisions();
DROP FUNCTION identity.refresh_principal_decisions(uuid[]);
DROP FUNCTION identity.computed_principal_decisions(uuid[]);
DROP FUNCTION identity.refresh_decisions(uuid[], uuid[]);
DROP FUNCTION identity.computed_decisions(uuid[], uuid[]);
DROP FUNCTION identity.decide_from_sources(uuid, text, uuid, text, uuid);
DROP FUNCTION identity.decisions_turn();
DROP TABLE identity.decisions_epoch;
DROP TABLE identity.decisions;
DROP FUNCTION identity.role_bits(text, text, boolean);
DROP FUNCTION identity.policy_bits(text, uuid, text, text, text, uuid, uuid, uuid);
DROP FUNCTION identity.permission_bit(text, text);
DROP FUNCTION identity.policy_reaches(text, uuid, text, text, text, uuid, uuid, uuid, text);

COMMIT;
