-- Deploy neuronplane:identity/stored_decisions to pg
-- requires: identity/authz
-- requires: identity/plpgsql_helpers
-- requires: extensions/pg_cron

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- has_permission() decided every call from its sources: the principal, its user row, the
-- resource's scope, the membership, then eight probes of the policies; about ten times
-- the cost of one primary-key probe (bench/README.md). Here the decision is stored: a row
-- per active principal and resource it may hold a right on (a membership of the
-- resource's organization, ownership, a direct policy on the resource or above it) with
-- the permissions granted as bits, and a row of the principal's own state. Statement-level
-- triggers on everything a decision depends on keep them; has_permission() reads one
-- row by its primary key (two when the principal has none on the resource). The sources
-- stay the truth: a row past its valid_until (a policy starts or ends, the principal
-- expires), a missing principal row, a NULL resource and an administrator's key on a
-- resource without a row are decided by identity.decide_from_sources(), the rules as
-- identity/authz landed them.

-- The rule of one policy for one asked (type, resource, permission), as has_permission()
-- matches it: the permission (admin implies the rest; a deny of any permission also denies
-- admin), the resource or its ancestors (a named resource, or a wildcard of the type, of
-- organizations, or of projects for a resource in a project), and the special types (API
-- keys, service accounts, the audit log) reached from above only by admin grants or denies.
-- No SET clause and one expression, so that the planner inlines it; it names no relation.
CREATE FUNCTION identity.policy_reaches(
    policy_resource_type text, policy_resource_id uuid, policy_permission text,
    policy_effect text, resource_type text, resource_id uuid, project_id uuid, org_id uuid,
    permission text
)
RETURNS boolean
LANGUAGE sql
IMMUTABLE
PARALLEL SAFE
AS $$
    SELECT ($3 = $9 OR $3 = 'admin' OR ($9 = 'admin' AND $4 = 'deny'))
       AND CASE WHEN $2 IS NOT NULL
                THEN ($2 = $6 AND $1 = CASE $5 WHEN 'audit' THEN 'org' ELSE $5 END)
                     OR ($2 = $7 AND $1 = 'project')
                     OR ($2 = $8 AND $1 = 'org')
                ELSE $1 = $5 OR $1 = 'org' OR ($1 = 'project' AND $7 IS NOT NULL) END
       AND ($1 = $5 OR $4 = 'deny' OR $3 = 'admin'
            OR $5 NOT IN ('api_key', 'service_account', 'audit'))
$$;
COMMENT ON FUNCTION identity.policy_reaches(text, uuid, text, text, text, uuid, uuid, uuid, text) IS
    'Does a policy (its resource_type, resource_id, permission, effect) reach this asked resource type, resource (with its project and organization) and permission? has_permission()''s matching rule for one policy.';

-- The bits of a stored decision: read 1, write 2, execute 4, admin 8 on the resource as
-- its own type; the same shifted by 4 for the audit log of an organization.
CREATE FUNCTION identity.permission_bit(resource_type text, permission text)
RETURNS integer
LANGUAGE sql
IMMUTABLE
PARALLEL SAFE
AS $$
    SELECT CASE $2 WHEN 'read' THEN 1 WHEN 'write' THEN 2 WHEN 'execute' THEN 4
                   WHEN 'admin' THEN 8 ELSE 0 END
           << CASE WHEN $1 = 'audit' THEN 4 ELSE 0 END
$$;
COMMENT ON FUNCTION identity.permission_bit(text, text) IS
    'The bit of a permission in identity.decisions.granted: read 1, write 2, execute 4, admin 8; shifted by 4 for the audit log of an organization.';

-- The bits one policy sets for a resource: its own type, and the audit log if an org.
CREATE FUNCTION identity.policy_bits(
    policy_resource_type text, policy_resource_id uuid, policy_permission text,
    policy_effect text, resource_type text, resource_id uuid, project_id uuid, org_id uuid
)
RETURNS integer
LANGUAGE sql
IMMUTABLE
PARALLEL SAFE
AS $$
    SELECT (CASE WHEN identity.policy_reaches($1, $2, $3, $4, $5, $6, $7, $8, 'read') THEN 1 ELSE 0 END)
         | (CASE WHEN identity.policy_reaches($1, $2, $3, $4, $5, $6, $7, $8, 'write') THEN 2 ELSE 0 END)
         | (CASE WHEN identity.policy_reaches($1, $2, $3, $4, $5, $6, $7, $8, 'execute') THEN 4 ELSE 0 END)
         | (CASE WHEN identity.policy_reaches($1, $2, $3, $4, $5, $6, $7, $8, 'admin') THEN 8 ELSE 0 END)
         | CASE WHEN $5 <> 'org' THEN 0 ELSE
               (CASE WHEN identity.policy_reaches($1, $2, $3, $4, 'audit', $6, $7, $8, 'read') THEN 16 ELSE 0 END)
             | (CASE WHEN identity.policy_reaches($1, $2, $3, $4, 'audit', $6, $7, $8, 'write') THEN 32 ELSE 0 END)
             | (CASE WHEN identity.policy_reaches($1, $2, $3, $4, 'audit', $6, $7, $8, 'execute') THEN 64 ELSE 0 END)
             | (CASE WHEN identity.policy_reaches($1, $2, $3, $4, 'audit', $6, $7, $8, 'admin') THEN 128 ELSE 0 END)
           END
$$;
COMMENT ON FUNCTION identity.policy_bits(text, uuid, text, text, text, uuid, uuid, uuid) IS
    'The identity.decisions bits one policy reaches on a resource (see permission_bit()).';

-- What an organization role and ownership grant, as bits: owner and admin everything;
-- member read, write, execute and viewer read, except on API keys, service accounts and
-- the audit log; the owner of a resource everything on it (the audit log has no owner).
CREATE FUNCTION identity.role_bits(role text, resource_type text, is_owner boolean)
RETURNS integer
LANGUAGE sql
IMMUTABLE
PARALLEL SAFE
AS $$
    SELECT CASE WHEN $3 THEN 15 ELSE 0 END
         | CASE WHEN $1 IN ('owner', 'admin') THEN 15
                WHEN $2 IN ('api_key', 'service_account') THEN 0
                WHEN $1 = 'member' THEN 7 WHEN $1 = 'viewer' THEN 1 ELSE 0 END
         | CASE WHEN $2 <> 'org' THEN 0
                WHEN $1 IN ('owner', 'admin') THEN 240 ELSE 0 END
$$;
COMMENT ON FUNCTION identity.role_bits(text, text, boolean) IS
    'The identity.decisions bits an organization role (and ownership of the resource) grants on a resource of this type.';

CREATE TABLE identity.decisions (
    principal_id  uuid NOT NULL,
    -- the resource; the nil uuid for the principal's own row
    resource_id   uuid NOT NULL,
    resource_type text,
    project_id    uuid,
    granted       smallint NOT NULL DEFAULT 0,
    -- present, enabled, not expired: the principal's row only (a disabled or expired
    -- principal has no other row); an active platform administrator: on every row
    active        boolean,
    is_admin      boolean,
    -- from this time on the row is stale (a policy starts or ends, the principal expires):
    -- has_permission() asks the sources until the row is computed again
    valid_until   timestamptz,
    -- what has_permission() reads, in the index: an index-only scan answers
    PRIMARY KEY (principal_id, resource_id) INCLUDE (resource_type, granted, is_admin, valid_until),
    CONSTRAINT decisions_shape_check CHECK (
        CASE WHEN resource_id = '00000000-0000-0000-0000-000000000000'
             THEN active IS NOT NULL AND is_admin IS NOT NULL AND resource_type IS NULL
             ELSE active IS NULL AND is_admin IS NOT NULL AND resource_type IS NOT NULL END)
);
COMMENT ON TABLE identity.decisions IS
    'has_permission() stored: per principal, one row of its own state (active, platform admin; resource_id the nil uuid) and, while it is active, one row per resource it may hold a right on (bits in granted, see identity.permission_bit()). Kept by triggers on policies, memberships, resource scopes, principals and users; a row past valid_until is decided from the sources until refreshed.';
COMMENT ON COLUMN identity.decisions.granted IS
    'Bits of the permissions the principal holds on the resource, denies applied: read 1, write 2, execute 4, admin 8; the audit log of an organization 16, 32, 64, 128.';
COMMENT ON COLUMN identity.decisions.valid_until IS
    'When a policy behind the row starts or ends, or the principal expires; from then on has_permission() decides from the sources until identity.refresh_stale_decisions() runs.';

CREATE INDEX decisions_resource_idx ON identity.decisions (resource_id);
CREATE INDEX decisions_valid_until_idx ON identity.decisions (valid_until)
    WHERE valid_until IS NOT NULL;

ALTER TABLE identity.decisions ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

-- One row that the first refresh of a transaction updates (identity.decisions_turn()):
-- concurrent refreshes take turns on its row lock, and each then reads what the one
-- before committed. Under REPEATABLE READ a
-- refresh after a concurrent one fails with 40001 (retry), instead of computing from a
-- snapshot that misses it.
CREATE TABLE identity.decisions_epoch (
    id      boolean PRIMARY KEY DEFAULT true CHECK (id),
    counter bigint NOT NULL DEFAULT 0
);
COMMENT ON TABLE identity.decisions_epoch IS
    'One row: refreshes of identity.decisions update it first, so that they run one after the other.';
INSERT INTO identity.decisions_epoch DEFAULT VALUES;
ALTER TABLE identity.decisions_epoch ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

-- A refresh's turn: the first refresh of a transaction updates the row of
-- identity.decisions_epoch (and holds its lock until the end); the others of the same
-- transaction need not, and must not: every update of one row in one transaction leaves
-- a version the next update walks past, so thousands of them (a bulk load) would take
-- quadratic time. A transaction-local setting remembers the turn (undone with the
-- subtransaction that took it).
-- SECURITY DEFINER: updates identity.decisions_epoch for the refreshes.
CREATE FUNCTION identity.decisions_turn()
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF current_setting('neuronplane.decisions_turn', true) IS DISTINCT FROM 'taken' THEN
        UPDATE identity.decisions_epoch SET counter = counter + 1;
        PERFORM set_config('neuronplane.decisions_turn', 'taken', true);
    END IF;
END
$$;
COMMENT ON FUNCTION identity.decisions_turn() IS
    'Takes the transaction''s turn to refresh identity.decisions (the row lock of identity.decisions_epoch), once per transaction.';

-- The decision from its sources: has_permission() as it landed in identity/authz.
-- SECURITY DEFINER: reads policies and memberships for every caller of has_permission().
CREATE FUNCTION identity.decide_from_sources(
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
        RETURN false;
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
            RETURN false;
        END IF;
    END IF;
    IF v_admin THEN
        RETURN true;
    END IF;
    IF $3 IS NOT NULL AND NOT v_found THEN
        RETURN false;
    END IF;
    SELECT bool_or(p.effect = 'deny'), bool_or(p.effect = 'allow')
      INTO v_denied, v_allowed
      FROM unnest(ARRAY[$1, v_org]) AS subject (id)
     CROSS JOIN unnest(ARRAY[$3, v_project, v_org,
                             '00000000-0000-0000-0000-000000000000'::uuid]) AS anchor (id)
      JOIN identity.policies p ON p.subject_id = subject.id AND p.anchor_id = anchor.id
     WHERE CASE WHEN p.subject_role IS NULL THEN p.subject_id = $1
                ELSE p.subject_id = v_org AND p.subject_role = v_role END
       AND (p.expires_at IS NULL OR p.expires_at > now())
       AND (p.not_before IS NULL OR p.not_before <= now())
       AND identity.policy_reaches(p.resource_type, p.resource_id, p.permission, p.effect,
                                   $2, $3, v_project, v_org, $4);
    IF v_denied THEN
        RETURN false;
    END IF;
    RETURN coalesce(v_allowed, false)
        OR coalesce(v_owner = $1, false)
        OR coalesce(v_role IN ('owner', 'admin'), false)
        OR coalesce($2 NOT IN ('api_key', 'service_account', 'audit')
                    AND ((v_role = 'member' AND $4 <> 'admin') OR (v_role = 'viewer' AND $4 = 'read')),
                    false);
END
$$;
COMMENT ON FUNCTION identity.decide_from_sources(uuid, text, uuid, text, uuid) IS
    'has_permission() decided from its sources (principal, key, platform admin, resource scope, policies, ownership, membership), without identity.decisions: its fallback, and the reference the stored decisions are tested against.';

-- What the sources give for every principal in principal_ids (NULL: all) on every
-- resource in resource_ids (NULL: all): a row for each pair that holds a right or has one
-- starting or ending later. The candidates are the pairs that can hold a right: a
-- membership of the resource's organization, ownership, a direct policy anchored on the
-- resource or above it (organization-role policies reach only members of their
-- organization). Dynamic SQL: each call is planned for the filters it has. For a few
-- principals or resources (a trigger's usual work) the candidates are a few hundred pairs:
-- nested loops of index probes, without hash or merge joins, which would read whole
-- tables for them (the SET clauses keep those settings inside the function).
-- SECURITY DEFINER: reads every source, for the refreshes and decisions_drift().
CREATE FUNCTION identity.computed_decisions(principal_ids uuid[], resource_ids uuid[])
RETURNS TABLE (principal_id uuid, resource_id uuid, resource_type text, project_id uuid,
               granted smallint, is_admin boolean, valid_until timestamptz)
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET enable_hashjoin = on
SET enable_mergejoin = on
AS $$
DECLARE
    candidates text;
BEGIN
    IF cardinality(principal_ids) = 0 OR cardinality(resource_ids) = 0 THEN
        RETURN;
    END IF;
    IF least(cardinality(principal_ids), cardinality(resource_ids)) <= 1000 THEN
        PERFORM set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true);
    END IF;
    -- @P(column) and @R(column): the filters on principals and resources, or nothing.
    candidates := regexp_replace(regexp_replace($q$
            SELECT m.user_id AS pid, s.resource_id AS rid
              FROM identity.org_memberships m
              JOIN identity.resource_scopes s ON s.org_id = m.org_id
             WHERE @P(m.user_id) AND @R(s.resource_id)
            UNION
            SELECT s.owner_id, s.resource_id FROM identity.resource_scopes s
             WHERE s.owner_id IS NOT NULL AND @P(s.owner_id) AND @R(s.resource_id)
            UNION
            SELECT p.subject_id, s.resource_id FROM identity.policies p
              JOIN identity.resource_scopes s ON s.resource_id = p.anchor_id
             WHERE p.subject_role IS NULL AND @P(p.subject_id) AND @R(s.resource_id)
            UNION
            SELECT p.subject_id, s.resource_id FROM identity.policies p
              JOIN identity.resource_scopes s ON s.project_id = p.anchor_id
             WHERE p.subject_role IS NULL AND @P(p.subject_id) AND @R(s.resource_id)
            UNION
            SELECT p.subject_id, s.resource_id FROM identity.policies p
              JOIN identity.resource_scopes s ON s.org_id = p.anchor_id
             WHERE p.subject_role IS NULL AND @P(p.subject_id) AND @R(s.resource_id)
            UNION
            SELECT p.subject_id, s.resource_id FROM identity.policies p
             CROSS JOIN identity.resource_scopes s
             WHERE p.anchor_id = '00000000-0000-0000-0000-000000000000'
               AND p.subject_role IS NULL AND @P(p.subject_id) AND @R(s.resource_id)
        $q$,
        '@P\(([a-z_.]+)\)', CASE WHEN principal_ids IS NULL THEN 'true' ELSE '\1 = ANY ($1)' END, 'g'),
        '@R\(([a-z_.]+)\)', CASE WHEN resource_ids IS NULL THEN 'true' ELSE '\1 = ANY ($2)' END, 'g');
    RETURN QUERY EXECUTE format($q$
        SELECT c.pid, s.resource_id, s.resource_type, s.project_id, x.granted,
               coalesce(u.is_admin, false), x.valid_until
          FROM (%s) c
          JOIN identity.resource_scopes s ON s.resource_id = c.rid
          JOIN identity.principals pr
            ON pr.id = c.pid AND pr.disabled_at IS NULL
           AND (pr.expires_at IS NULL OR pr.expires_at > now())
          LEFT JOIN identity.users u ON u.id = c.pid
          LEFT JOIN identity.org_memberships m ON m.org_id = s.org_id AND m.user_id = c.pid
         CROSS JOIN LATERAL (
                SELECT coalesce(bit_or(f.bits) FILTER (WHERE p.effect = 'allow' AND f.in_force),
                                0) AS allowed,
                       coalesce(bit_or(f.bits) FILTER (WHERE p.effect = 'deny' AND f.in_force),
                                0) AS denied,
                       min(least(CASE WHEN p.expires_at > now() THEN p.expires_at END,
                                 CASE WHEN p.not_before > now() THEN p.not_before END)) AS boundary
                  -- one probe of policies_lookup_idx per (subject, anchor) pair
                  FROM unnest(ARRAY[c.pid, c.pid, c.pid, c.pid, s.org_id, s.org_id, s.org_id],
                              ARRAY[s.resource_id, s.project_id, s.org_id,
                                    '00000000-0000-0000-0000-000000000000'::uuid,
                                    s.resource_id, s.project_id, s.org_id]) AS k (subject, anchor)
                  JOIN identity.policies p ON p.subject_id = k.subject AND p.anchor_id = k.anchor
                 CROSS JOIN LATERAL (
                        SELECT (p.expires_at IS NULL OR p.expires_at > now())
                               AND (p.not_before IS NULL OR p.not_before <= now()) AS in_force,
                               identity.policy_bits(p.resource_type, p.resource_id, p.permission,
                                                    p.effect, s.resource_type, s.resource_id,
                                                    s.project_id, s.org_id) AS bits) f
                 WHERE CASE WHEN p.subject_role IS NULL THEN p.subject_id = c.pid
                            ELSE p.subject_id = s.org_id AND p.subject_role = m.role END
             ) pol
         CROSS JOIN LATERAL (
                SELECT ((pol.allowed | identity.role_bits(m.role, s.resource_type,
                                                          coalesce(s.owner_id = c.pid, false)))
                        & ~pol.denied & 255)::smallint AS granted,
                       least(pol.boundary, pr.expires_at) AS valid_until) x
        $q$, candidates)
    USING principal_ids, resource_ids;
END
$$;
COMMENT ON FUNCTION identity.computed_decisions(uuid[], uuid[]) IS
    'The stored decisions the sources give now for these principals (NULL: all) on these resources (NULL: all).';

-- Recompute the stored rows of these principals (NULL: all) on these resources (NULL:
-- all) in one statement: delete those the sources no longer give, insert the new ones,
-- update those that changed. A row that did not change is not written: no churn, no bloat.
-- Returns the number of rows inserted or updated.
-- SECURITY DEFINER: triggers of every writer of the sources call it.
CREATE FUNCTION identity.refresh_decisions(principal_ids uuid[], resource_ids uuid[])
RETURNS bigint
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    n bigint;
BEGIN
    IF cardinality(principal_ids) = 0 OR cardinality(resource_ids) = 0 THEN
        RETURN 0;
    END IF;
    PERFORM identity.decisions_turn();
    EXECUTE format($q$
        WITH computed AS MATERIALIZED (
                SELECT * FROM identity.computed_decisions($1, $2)),
             gone AS (
                DELETE FROM identity.decisions d
                 WHERE d.resource_id <> '00000000-0000-0000-0000-000000000000' AND %s AND %s
                   AND NOT EXISTS (SELECT FROM computed c
                                    WHERE c.principal_id = d.principal_id
                                      AND c.resource_id = d.resource_id))
        INSERT INTO identity.decisions AS d (principal_id, resource_id, resource_type,
                                             project_id, granted, is_admin, valid_until)
        SELECT * FROM computed
        ON CONFLICT (principal_id, resource_id) DO UPDATE
           SET resource_type = EXCLUDED.resource_type, project_id = EXCLUDED.project_id,
               granted = EXCLUDED.granted, is_admin = EXCLUDED.is_admin,
               valid_until = EXCLUDED.valid_until
         WHERE (d.resource_type, d.project_id, d.granted, d.is_admin, d.valid_until)
               IS DISTINCT FROM (EXCLUDED.resource_type, EXCLUDED.project_id, EXCLUDED.granted,
                                 EXCLUDED.is_admin, EXCLUDED.valid_until)
        $q$,
        CASE WHEN principal_ids IS NULL THEN 'true' ELSE 'd.principal_id = ANY ($1)' END,
        CASE WHEN resource_ids IS NULL THEN 'true' ELSE 'd.resource_id = ANY ($2)' END)
    USING principal_ids, resource_ids;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;
COMMENT ON FUNCTION identity.refresh_decisions(uuid[], uuid[]) IS
    'Recomputes from the sources the stored decisions of these principals (NULL: all) on these resources (NULL: all), writing only what changed; returns the rows inserted or updated. Called by the triggers that keep identity.decisions.';

-- The principals' own rows as the sources give them now: present, enabled, not expired
-- (until when), platform administrator.
-- SECURITY DEFINER: reads principals and users, for the refreshes and decisions_drift().
CREATE FUNCTION identity.computed_principal_decisions(principal_ids uuid[])
RETURNS TABLE (principal_id uuid, active boolean, is_admin boolean, valid_until timestamptz)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT pr.id, a.active, a.active AND coalesce(u.is_admin, false),
           CASE WHEN a.active THEN pr.expires_at END
      FROM identity.principals pr
      LEFT JOIN identity.users u ON u.id = pr.id
     CROSS JOIN LATERAL (
            SELECT pr.disabled_at IS NULL
                   AND (pr.expires_at IS NULL OR pr.expires_at > now()) AS active) a
     WHERE principal_ids IS NULL OR pr.id = ANY (principal_ids)
$$;
COMMENT ON FUNCTION identity.computed_principal_decisions(uuid[]) IS
    'The principals'' own rows of identity.decisions as the sources give them now (NULL: every principal): active, and is_admin for an active platform administrator.';

-- Recompute the principals' own rows (writing only what changed); drop every row of a
-- principal that is gone.
-- SECURITY DEFINER: triggers of every writer of principals and users call it.
CREATE FUNCTION identity.refresh_principal_decisions(principal_ids uuid[])
RETURNS bigint
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    n bigint;
BEGIN
    IF principal_ids IS NULL OR cardinality(principal_ids) = 0 THEN
        RETURN 0;
    END IF;
    PERFORM identity.decisions_turn();
    DELETE FROM identity.decisions d
     WHERE d.principal_id = ANY (principal_ids)
       AND NOT EXISTS (SELECT FROM identity.principals pr WHERE pr.id = d.principal_id);
    INSERT INTO identity.decisions AS d (principal_id, resource_id, active, is_admin, valid_until)
    SELECT c.principal_id, '00000000-0000-0000-0000-000000000000', c.active, c.is_admin,
           c.valid_until
      FROM identity.computed_principal_decisions(principal_ids) c
    ON CONFLICT (principal_id, resource_id) DO UPDATE
       SET active = EXCLUDED.active, is_admin = EXCLUDED.is_admin, valid_until = EXCLUDED.valid_until
     WHERE (d.active, d.is_admin, d.valid_until)
           IS DISTINCT FROM (EXCLUDED.active, EXCLUDED.is_admin, EXCLUDED.valid_until);
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;
COMMENT ON FUNCTION identity.refresh_principal_decisions(uuid[]) IS
    'Recomputes the principals'' own rows in identity.decisions (active, platform admin, expiry), writing only what changed, and drops every row of a principal that no longer exists; returns the rows inserted or updated.';

-- Everything recomputed from the sources: every principal's own row, every decision.
-- After a bulk import run with the decision triggers disabled (ALTER TABLE ... DISABLE
-- TRIGGER, as a superuser, inside the import's transaction), which is much faster than a
-- refresh per written row. Returns the rows inserted or updated.
-- SECURITY DEFINER: for administrators; nothing is granted.
CREATE FUNCTION identity.rebuild_decisions()
RETURNS bigint
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    n bigint;
BEGIN
    PERFORM identity.decisions_turn();
    DELETE FROM identity.decisions d
     WHERE NOT EXISTS (SELECT FROM identity.principals pr WHERE pr.id = d.principal_id);
    n := identity.refresh_principal_decisions(ARRAY(SELECT pr.id FROM identity.principals pr));
    RETURN n + identity.refresh_decisions(NULL, NULL);
END
$$;
COMMENT ON FUNCTION identity.rebuild_decisions() IS
    'Recomputes every row of identity.decisions from the sources (after a bulk import with the decision triggers disabled); returns the rows inserted or updated.';

-- Rows whose time has come (a policy started or ended, a principal expired): recomputed.
-- Scheduled every minute; until then has_permission() decides them from the sources.
-- SECURITY DEFINER: pg_cron and administrators run it.
CREATE FUNCTION identity.refresh_stale_decisions()
RETURNS bigint
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    stale uuid[];
    n bigint;
BEGIN
    SELECT array_agg(DISTINCT d.principal_id) INTO stale
      FROM identity.decisions d WHERE d.valid_until <= now();
    IF stale IS NULL THEN
        RETURN 0;
    END IF;
    n := identity.refresh_principal_decisions(stale);
    RETURN n + identity.refresh_decisions(stale, NULL);
END
$$;
COMMENT ON FUNCTION identity.refresh_stale_decisions() IS
    'Recomputes every principal with a stored decision past its valid_until; returns the rows written. pg_cron runs it every minute.';

-- Stored rows that differ from what the sources give now (one row per difference: the
-- stored and the computed bits and times); empty when identity.decisions is right. It
-- computes everything: slow on a large database, for tests and for an administrator in
-- doubt. Changes nothing.
-- SECURITY DEFINER: reads identity.decisions for administrators.
CREATE FUNCTION identity.decisions_drift()
RETURNS TABLE (principal_id uuid, resource_id uuid, stored smallint, computed smallint,
               stored_valid_until timestamptz, computed_valid_until timestamptz)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    WITH computed AS (
            SELECT c.principal_id, c.resource_id, c.resource_type, c.project_id, c.granted,
                   NULL::boolean AS active, c.is_admin, c.valid_until
              FROM identity.computed_decisions(NULL, NULL) c
            UNION ALL
            SELECT c.principal_id, '00000000-0000-0000-0000-000000000000', NULL, NULL, 0,
                   c.active, c.is_admin, c.valid_until
              FROM identity.computed_principal_decisions(NULL) c)
    SELECT coalesce(b.principal_id, a.principal_id), coalesce(b.resource_id, a.resource_id),
           b.granted, a.granted, b.valid_until, a.valid_until
      FROM identity.decisions b
      FULL JOIN computed a ON a.principal_id = b.principal_id AND a.resource_id = b.resource_id
     WHERE (b.granted, b.resource_type, b.project_id, b.active, b.is_admin, b.valid_until)
           IS DISTINCT FROM
           (a.granted, a.resource_type, a.project_id, a.active, a.is_admin, a.valid_until)
$$;
COMMENT ON FUNCTION identity.decisions_drift() IS
    'Stored decisions that differ from a full recomputation from the sources; empty when identity.decisions is right. Changes nothing; slow on a large database: for tests and checks.';

-- The triggers. Statement-level, with transition tables: a bulk write recomputes once.

-- What a change of policies or memberships recomputes: these principals, on what lies at
-- or below the anchor when there is one (an organization: its resources; a project: the
-- project and what is in it; a resource: itself), else on every resource.
-- SECURITY DEFINER: the triggers of both tables call it.
CREATE FUNCTION identity.refresh_decisions_below(principal_ids uuid[], anchors uuid[])
RETURNS bigint
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    resources uuid[];
BEGIN
    SELECT array_agg(DISTINCT a) INTO anchors FROM unnest(anchors) a;
    IF cardinality(anchors) = 1 AND anchors[1] <> '00000000-0000-0000-0000-000000000000' THEN
        SELECT coalesce(array_agg(s.resource_id), '{}') INTO resources
          FROM identity.resource_scopes s
         WHERE s.resource_id = anchors[1] OR s.project_id = anchors[1] OR s.org_id = anchors[1];
    END IF;
    RETURN identity.refresh_decisions(ARRAY(SELECT DISTINCT unnest(principal_ids)), resources);
END
$$;
COMMENT ON FUNCTION identity.refresh_decisions_below(uuid[], uuid[]) IS
    'Recomputes the stored decisions of these principals on what lies at or below the one anchor given (an organization, project or resource), or on every resource when there are several or none.';

-- The principals a policy names: its subject, or the members holding the role of an
-- organization-role policy.
CREATE FUNCTION identity.policy_principals(subject_id uuid, subject_role text)
RETURNS SETOF uuid
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT subject_id WHERE subject_role IS NULL
    UNION ALL
    SELECT m.user_id FROM identity.org_memberships m
     WHERE m.org_id = subject_id AND m.role = subject_role
$$;
COMMENT ON FUNCTION identity.policy_principals(uuid, text) IS
    'The principals a policy applies to: its subject, or the members of its organization holding its subject_role.';

-- Policies: the principals they name, on what lies below their anchor.
CREATE FUNCTION identity.tg_policies__decisions()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    principal_ids uuid[] := '{}';
    anchors uuid[] := '{}';
BEGIN
    IF TG_OP <> 'DELETE' THEN
        SELECT principal_ids || coalesce(array_agg(x.id), '{}'), anchors || array_agg(p.anchor_id)
          INTO principal_ids, anchors
          FROM new_policies p LEFT JOIN identity.policy_principals(p.subject_id, p.subject_role) x (id) ON true;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        SELECT principal_ids || coalesce(array_agg(x.id), '{}'), anchors || array_agg(p.anchor_id)
          INTO principal_ids, anchors
          FROM old_policies p LEFT JOIN identity.policy_principals(p.subject_id, p.subject_role) x (id) ON true;
    END IF;
    PERFORM identity.refresh_decisions_below(array_remove(principal_ids, NULL), anchors);
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION identity.tg_policies__decisions() IS
    'Trigger: recomputes the stored decisions a statement on identity.policies changed.';

CREATE TRIGGER policies_decisions_insert AFTER INSERT ON identity.policies
    REFERENCING NEW TABLE AS new_policies
    FOR EACH STATEMENT EXECUTE FUNCTION identity.tg_policies__decisions();
CREATE TRIGGER policies_decisions_update AFTER UPDATE ON identity.policies
    REFERENCING OLD TABLE AS old_policies NEW TABLE AS new_policies
    FOR EACH STATEMENT EXECUTE FUNCTION identity.tg_policies__decisions();
CREATE TRIGGER policies_decisions_delete AFTER DELETE ON identity.policies
    REFERENCING OLD TABLE AS old_policies
    FOR EACH STATEMENT EXECUTE FUNCTION identity.tg_policies__decisions();

-- Memberships: their users, on the resources of the organization when it is one.
CREATE FUNCTION identity.tg_org_memberships__decisions()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    users uuid[] := '{}';
    orgs  uuid[] := '{}';
BEGIN
    IF TG_OP <> 'DELETE' THEN
        SELECT users || array_agg(m.user_id), orgs || array_agg(m.org_id) INTO users, orgs
          FROM new_memberships m;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        SELECT users || array_agg(m.user_id), orgs || array_agg(m.org_id) INTO users, orgs
          FROM old_memberships m;
    END IF;
    PERFORM identity.refresh_decisions_below(users, orgs);
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION identity.tg_org_memberships__decisions() IS
    'Trigger: recomputes the stored decisions a statement on identity.org_memberships changed.';

CREATE TRIGGER org_memberships_decisions_insert AFTER INSERT ON identity.org_memberships
    REFERENCING NEW TABLE AS new_memberships
    FOR EACH STATEMENT EXECUTE FUNCTION identity.tg_org_memberships__decisions();
CREATE TRIGGER org_memberships_decisions_update AFTER UPDATE ON identity.org_memberships
    REFERENCING OLD TABLE AS old_memberships NEW TABLE AS new_memberships
    FOR EACH STATEMENT EXECUTE FUNCTION identity.tg_org_memberships__decisions();
CREATE TRIGGER org_memberships_decisions_delete AFTER DELETE ON identity.org_memberships
    REFERENCING OLD TABLE AS old_memberships
    FOR EACH STATEMENT EXECUTE FUNCTION identity.tg_org_memberships__decisions();

-- Resource scopes (a resource made, moved to another project or organization, given
-- another owner, or deleted): every principal's rows on those resources.
CREATE FUNCTION identity.tg_resource_scopes__decisions()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    resources uuid[] := '{}';
BEGIN
    IF TG_OP <> 'DELETE' THEN
        SELECT resources || array_agg(s.resource_id) INTO resources FROM new_scopes s;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        SELECT resources || array_agg(s.resource_id) INTO resources FROM old_scopes s;
    END IF;
    PERFORM identity.refresh_decisions(NULL, ARRAY(SELECT DISTINCT unnest(resources)));
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION identity.tg_resource_scopes__decisions() IS
    'Trigger: recomputes the stored decisions on the resources a statement on identity.resource_scopes changed.';

CREATE TRIGGER resource_scopes_decisions_insert AFTER INSERT ON identity.resource_scopes
    REFERENCING NEW TABLE AS new_scopes
    FOR EACH STATEMENT EXECUTE FUNCTION identity.tg_resource_scopes__decisions();
CREATE TRIGGER resource_scopes_decisions_update AFTER UPDATE ON identity.resource_scopes
    REFERENCING OLD TABLE AS old_scopes NEW TABLE AS new_scopes
    FOR EACH STATEMENT EXECUTE FUNCTION identity.tg_resource_scopes__decisions();
CREATE TRIGGER resource_scopes_decisions_delete AFTER DELETE ON identity.resource_scopes
    REFERENCING OLD TABLE AS old_scopes
    FOR EACH STATEMENT EXECUTE FUNCTION identity.tg_resource_scopes__decisions();

-- Principals (made, disabled, expiring, deleted) and users (platform administrators):
-- the principal's own row; a deleted principal loses every row. A user's principal is
-- made before the user's row (a row trigger of users): a platform administrator's row is
-- computed again once the user's row exists.
CREATE FUNCTION identity.tg_principals__decisions()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    ids uuid[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(x.id) INTO ids FROM new_rows x;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(x.id) INTO ids FROM old_rows x;
    ELSE
        SELECT array_agg(n.id) INTO ids
          FROM new_rows n JOIN old_rows o ON o.id = n.id
         WHERE (o.disabled_at, o.expires_at) IS DISTINCT FROM (n.disabled_at, n.expires_at);
    END IF;
    PERFORM identity.refresh_principal_decisions(ids);
    IF TG_OP = 'UPDATE' AND ids IS NOT NULL THEN
        PERFORM identity.refresh_decisions(ids, NULL);  -- its rights come back or go
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION identity.tg_principals__decisions() IS
    'Trigger: recomputes the principals'' own rows in identity.decisions when principals are made, disabled, given an end of validity or deleted.';

CREATE FUNCTION identity.tg_users__decisions()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    ids uuid[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(x.id) INTO ids FROM new_rows x WHERE x.is_admin;
    ELSE
        SELECT array_agg(n.id) INTO ids
          FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.is_admin IS DISTINCT FROM n.is_admin;
    END IF;
    PERFORM identity.refresh_principal_decisions(ids);
    IF TG_OP = 'UPDATE' AND ids IS NOT NULL THEN
        PERFORM identity.refresh_decisions(ids, NULL);  -- every row carries is_admin
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION identity.tg_users__decisions() IS
    'Trigger: recomputes the users'' own rows in identity.decisions when one becomes or stops being a platform administrator.';

CREATE TRIGGER principals_decisions_insert AFTER INSERT ON identity.principals
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION identity.tg_principals__decisions();
CREATE TRIGGER principals_decisions_update AFTER UPDATE ON identity.principals
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION identity.tg_principals__decisions();
CREATE TRIGGER principals_decisions_delete AFTER DELETE ON identity.principals
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION identity.tg_principals__decisions();
CREATE TRIGGER users_decisions_insert AFTER INSERT ON identity.users
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION identity.tg_users__decisions();
CREATE TRIGGER users_decisions_update AFTER UPDATE ON identity.users
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION identity.tg_users__decisions();

-- The one decision, now read from identity.decisions. Without a key, one statement: the
-- principal's row on the resource, fresh: platform admin, or the bit of the permission on
-- a resource of the type asked. With a key, the row is read whole and the key checked
-- against its project first. Without a row: the principal's own row, where only an
-- active platform admin passes. The sources decide
-- (identity.decide_from_sources()) a stale row, a missing principal row, a NULL resource
-- and an administrator's key on a resource without a row (the key's project check needs
-- the resource's project). tests/pgtap/25-identity-decisions.sql compares the answers
-- with the sources' on every principal, resource, type, permission and key of a fixture,
-- after each kind of change.
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

RESET ROLE;

-- pg_cron runs the job as the deploying superuser, in a background worker.
DO $do$
BEGIN
    PERFORM cron.schedule('neuronplane-identity-decisions', '* * * * *',
                          'SELECT identity.refresh_stale_decisions()');
END
$do$;

SET LOCAL ROLE neuronplane_owner;

-- What exists now.
SELECT identity.rebuild_decisions();

COMMIT;
