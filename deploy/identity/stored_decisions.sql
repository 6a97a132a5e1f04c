-- Deploy neuronplane:identity/stored_decisions to pg (reworked after @v0.2.0)
-- requires: identity/stored_decisions@v0.2.0

BEGIN;

-- has_permission() read its row of identity.decisions in PL/pgSQL. At full size
-- (bench/authz.py) the read itself cost about as much as the baseline's primary-key
-- probe, and the rest was the call: a SECURITY DEFINER switch with a pinned search_path
-- (about 1.3 us in PostgreSQL 15, which recomputes the path on the way in and out), SPI
-- and an executor start for one index probe, a decision expression compiled at each
-- execution. It stayed at 2.8 times the probe; under pgbench, with a transaction per
-- call, at 0.5 to 0.6 times its TPS. The common case now runs in C
-- (ext/neuronplane_authz.c): one descent of the primary key and one heap fetch under the
-- calling query's snapshot, as the executor would do them, and nothing else.

SET LOCAL ROLE neuronplane_owner;

-- The PL/pgSQL reading, for everything the C function does not answer: an API key, a
-- NULL principal or resource, a stale row, no row, the nil uuid. Same answers as the landed
-- has_permission(), but for a NULL type or permission: false (the landed function answered
-- NULL, or false, or from the sources true for an owner asked a NULL permission, as admin
-- implies every permission). The decision is computed from variables (a PL/pgSQL simple
-- expression, prepared once per transaction) rather than in the statement (compiled at
-- each execution), and a row's absence is known without a second read. Not for the API
-- roles: has_permission() calls it through fmgr, which checks no EXECUTE privilege.
CREATE FUNCTION identity.has_permission_stored(
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
    r_type    text;
    r_project uuid;
    r_granted smallint;
    r_admin   boolean;
    r_until   timestamptz;
    v_key_ok  boolean;
BEGIN
    IF $2 IS NULL OR $4 IS NULL THEN                -- nothing is granted on nothing
        RETURN false;
    END IF;
    IF $5 IS NULL THEN
        SELECT d.resource_type, d.granted, d.is_admin, d.valid_until
          INTO r_type, r_granted, r_admin, r_until
          FROM identity.decisions d
         WHERE d.principal_id = $1 AND d.resource_id = $3;
    ELSE
        -- (with a key, the resource's project too: read from the table, not the index)
        SELECT d.resource_type, d.project_id, d.granted, d.is_admin, d.valid_until
          INTO r_type, r_project, r_granted, r_admin, r_until
          FROM identity.decisions d
         WHERE d.principal_id = $1 AND d.resource_id = $3;
    END IF;
    IF r_type IS NOT NULL AND (r_until IS NULL OR r_until > now()) THEN
        IF $5 IS NOT NULL THEN                      -- the key narrows first
            SELECT k.principal_id = $1
                   AND k.revoked_at IS NULL
                   AND (k.expires_at IS NULL OR k.expires_at > now())
                   AND $4 = ANY (identity.key_role_permissions(k.roles))
                   AND (k.project_id IS NULL OR k.project_id = r_project)
              INTO v_key_ok
              FROM identity.api_keys k
             WHERE k.id = $5;
            IF NOT coalesce(v_key_ok, false) THEN
                RETURN false;
            END IF;
        END IF;
        RETURN r_admin OR (r_type = CASE $2 WHEN 'audit' THEN 'org' ELSE $2 END
                           AND r_granted & identity.permission_bit($2, $4) <> 0);
    END IF;
    -- (FOUND: the row's statement above; the key's runs only on the way to a RETURN)
    IF FOUND THEN                                   -- stale; or the nil uuid asked
        RETURN identity.decide_from_sources($1, $2, $3, $4, $5);
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
REVOKE ALL ON FUNCTION identity.has_permission_stored(uuid, text, uuid, text, uuid) FROM PUBLIC;
COMMENT ON FUNCTION identity.has_permission_stored(uuid, text, uuid, text, uuid) IS
    'has_permission() read from identity.decisions in PL/pgSQL: what the C function identity.has_permission() hands on (an API key, a NULL argument, a stale row, no row on the resource); stale rows and the rest go on to identity.decide_from_sources().';

-- permitted_ids() found candidates through memberships, ownership and policy anchors and
-- decided the doubtful ones one by one: about 0.27 ms for a member of one organization at
-- a tenth of bench/authz's size, more than the listing it filters (GET /projects through
-- PostgREST fell to 0.74 times the explicit WHERE there). The stored decisions already hold
-- one row per resource on which the principal may hold a right, and has_permission()
-- refuses everything else (only a platform administrator passes without a row): the
-- principal's rows of the type, read by the primary key's prefix, are the answer; a stale
-- row is decided by has_permission(). A principal whose own row is missing or stale (past
-- its expiry, before the minute's refresh) is decided resource by resource over every
-- resource of the type. Same answers (tests/pgtap/22 and 25 compare it with
-- has_permission() on every resource); a NULL type or permission lists nothing, as
-- has_permission() refuses it.
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
    stype       constant text := CASE $2 WHEN 'audit' THEN 'org' ELSE $2 END;
    own_active  boolean;
    own_admin   boolean;
    own_until   timestamptz;
    key_project uuid;
    key_ok      boolean;
    result      uuid[];
BEGIN
    IF $1 IS NULL OR $2 IS NULL OR $3 IS NULL THEN
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
    SELECT d.active, d.is_admin, d.valid_until INTO own_active, own_admin, own_until
      FROM identity.decisions d
     WHERE d.principal_id = $1 AND d.resource_id = '00000000-0000-0000-0000-000000000000';
    IF NOT FOUND OR own_until <= now() THEN
        IF NOT EXISTS (SELECT FROM identity.principals p WHERE p.id = $1) THEN
            RETURN '{}';
        END IF;
        SELECT coalesce(array_agg(s.resource_id), '{}') INTO result
          FROM identity.resource_scopes s
         WHERE s.resource_type = stype
           AND identity.has_permission($1, $2, s.resource_id, $3);
        RETURN result;
    END IF;
    IF NOT own_active THEN                          -- disabled or expired
        RETURN '{}';
    END IF;
    IF own_admin THEN                               -- an active platform administrator
        SELECT coalesce(array_agg(s.resource_id), '{}') INTO result
          FROM identity.resource_scopes s
         WHERE s.resource_type = stype;
        RETURN result;
    END IF;
    SELECT coalesce(array_agg(d.resource_id), '{}') INTO result
      FROM identity.decisions d
     WHERE d.principal_id = $1
       AND d.resource_type = stype
       AND CASE WHEN d.valid_until IS NULL OR d.valid_until > now()
                THEN d.granted & identity.permission_bit($2, $3) <> 0
                ELSE identity.has_permission($1, $2, d.resource_id, $3) END;
    RETURN result;
END
$$;

RESET ROLE;

-- The same function (same OID: the row security policies that call it keep working), now
-- in C. A C function can only be created by a superuser; it stays owned by
-- neuronplane_owner, with its grants and comment. It is no longer SECURITY DEFINER: it
-- reads identity.decisions below row security and privileges, as the definer did, and
-- names every object it uses by schema (no search_path is involved).
CREATE OR REPLACE FUNCTION identity.has_permission(
    principal_id  uuid,
    resource_type text,
    resource_id   uuid,
    permission    text,
    api_key_id    uuid DEFAULT NULL
)
RETURNS boolean
LANGUAGE c
STABLE
AS '$libdir/neuronplane_authz', 'neuronplane_has_permission';

COMMIT;
