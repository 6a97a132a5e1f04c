-- Deploy neuronplane:identity/legacy_import to pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- The import of NeuronDesktop's and NeuronAgent's old identity tables (restored into
-- schemas legacy_desktop and legacy_agent) into the unified model. An administrator runs
-- it from psql as the superuser: SELECT * FROM identity.import_legacy();
-- docs/legacy-migration.md is the operator's guide; the rules are in the functions below.

-- What was imported, so that running the import again changes nothing.
CREATE TABLE identity.legacy_id_map (
    source_system    text NOT NULL CHECK (source_system IN ('neurondesktop', 'neuronagent')),
    source_table     text NOT NULL CHECK (source_table IN ('users', 'profiles', 'api_keys', 'principals')),
    legacy_id        text NOT NULL,
    new_id           uuid NOT NULL,
    outcome          text NOT NULL CHECK (outcome IN ('imported', 'merged')),
    reason           text,
    -- Merged into another account by email: its API keys were imported revoked.
    is_account_merge boolean NOT NULL DEFAULT false,
    imported_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (source_system, source_table, legacy_id)
);
COMMENT ON TABLE identity.legacy_id_map IS
    'Rows of the legacy NeuronDesktop/NeuronAgent tables already imported by identity.import_legacy(), and what they became. Written by the import only.';
COMMENT ON COLUMN identity.legacy_id_map.source_system IS 'neurondesktop or neuronagent.';
COMMENT ON COLUMN identity.legacy_id_map.source_table IS 'The legacy table: users, profiles, api_keys (either system) or principals (NeuronAgent).';
COMMENT ON COLUMN identity.legacy_id_map.legacy_id IS 'The row''s id in the legacy table, as text (NeuronDesktop user ids were text).';
COMMENT ON COLUMN identity.legacy_id_map.new_id IS 'The id of the row it became (user, organization, service account, project or API key); for a merge, the row it was merged into.';
COMMENT ON COLUMN identity.legacy_id_map.outcome IS 'imported (a new row) or merged (mapped onto an existing row).';
COMMENT ON COLUMN identity.legacy_id_map.reason IS 'What the import changed or left out, as reported when it ran.';
COMMENT ON COLUMN identity.legacy_id_map.is_account_merge IS 'True for an account merged into another by email: its API keys were imported revoked.';
COMMENT ON COLUMN identity.legacy_id_map.imported_at IS 'When the row was imported.';

CREATE INDEX legacy_id_map_new_idx ON identity.legacy_id_map (new_id);

-- Administrators only: no policy, no grant.
ALTER TABLE identity.legacy_id_map ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

-- The rows of a legacy table as a JSON array, one object per row (a column the table
-- lacks is simply absent). Only plain tables: selecting from a view or a foreign table
-- restored from a dump could run its code with the superuser's rights.
CREATE FUNCTION internal.legacy_rows(schema_name text, table_name text, required text[])
RETURNS jsonb
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    rel     oid;
    kind    "char";
    missing text[];
    result  jsonb;
BEGIN
    SELECT c.oid, c.relkind INTO rel, kind
      FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = schema_name AND c.relname = table_name;
    IF rel IS NULL THEN
        RAISE EXCEPTION 'legacy table %.% does not exist', schema_name, table_name
            USING ERRCODE = '42P01',
                  HINT = 'Restore the legacy tables into that schema, or pass NULL for the system you do not import (docs/legacy-migration.md).';
    END IF;
    IF kind NOT IN ('r', 'p') THEN
        RAISE EXCEPTION '%.% is not a table', schema_name, table_name
            USING ERRCODE = '42809',
                  HINT = 'The import reads plain tables only: restore the table''s data, not a view or foreign table.';
    END IF;
    SELECT array_agg(r.col ORDER BY r.n) INTO missing
      FROM unnest(required) WITH ORDINALITY AS r(col, n)
     WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_attribute a
                        WHERE a.attrelid = rel AND a.attname = r.col
                          AND a.attnum > 0 AND NOT a.attisdropped);
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'legacy table %.% lacks column(s) %', schema_name, table_name,
                        array_to_string(missing, ', ')
            USING ERRCODE = '42703',
                  HINT = 'docs/legacy-migration.md lists the columns the import needs.';
    END IF;
    EXECUTE format('SELECT coalesce(jsonb_agg(to_jsonb(t)), ''[]'') FROM %I.%I AS t',
                   schema_name, table_name)
       INTO result;
    RETURN result;
END
$$;
COMMENT ON FUNCTION internal.legacy_rows(text, text, text[]) IS
    'The rows of a legacy table as a JSON array; raises 42P01, 42809 or 42703 when it is missing, not a plain table, or lacks a required column.';

-- An id for an imported row: the legacy id itself when it is a uuid no row uses yet
-- (other systems and old logs keep referring to it), a new one otherwise.
CREATE FUNCTION internal.legacy_free_id(candidate text)
RETURNS uuid
LANGUAGE plpgsql
VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_id uuid;
BEGIN
    IF candidate ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
        v_id := candidate::uuid;
        IF NOT EXISTS (SELECT FROM identity.principals p WHERE p.id = v_id)
           AND NOT EXISTS (SELECT FROM identity.resource_scopes s WHERE s.resource_id = v_id)
           AND NOT EXISTS (SELECT FROM identity.projects p WHERE p.id = v_id)
           AND NOT EXISTS (SELECT FROM identity.api_keys k WHERE k.id = v_id)
           AND NOT EXISTS (SELECT FROM identity.legacy_id_map m WHERE m.new_id = v_id) THEN
            RETURN v_id;
        END IF;
    END IF;
    RETURN gen_random_uuid();
END
$$;
COMMENT ON FUNCTION internal.legacy_free_id(text) IS
    'The legacy id as a uuid when it is one and unused, a new random uuid otherwise.';

-- A username (kind user) or platform service account name (kind service_account) that
-- fits the unified model's pattern and is free whatever the case: invalid characters
-- become "-", a taken name gets "-2", "-3", ...
CREATE FUNCTION internal.legacy_free_name(candidate text, kind text)
RETURNS text
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    base   text := left(regexp_replace(regexp_replace(coalesce(candidate, ''), '[^A-Za-z0-9._-]+', '-', 'g'),
                                       '^[^A-Za-z0-9]+', ''), 63);
    result text;
    n      integer := 1;
BEGIN
    IF base = '' THEN
        base := CASE kind WHEN 'user' THEN 'user' ELSE 'service-account' END;
    END IF;
    result := base;
    LOOP
        IF kind = 'user' THEN
            EXIT WHEN NOT EXISTS (SELECT FROM identity.users u
                                   WHERE u.username OPERATOR(extensions.=) result::extensions.citext);
        ELSE
            EXIT WHEN NOT EXISTS (SELECT FROM identity.service_accounts s
                                   WHERE s.org_id IS NULL AND s.project_id IS NULL
                                     AND lower(s.name) = lower(result));
        END IF;
        n := n + 1;
        result := left(base, 62 - length(n::text)) || '-' || n;
    END LOOP;
    RETURN result;
END
$$;
COMMENT ON FUNCTION internal.legacy_free_name(text, text) IS
    'A valid, unused username (kind user) or platform service account name (kind service_account) made from a legacy name.';

-- A project name free for this owner whatever the case: a taken one gets " (2)", " (3)", ...
CREATE FUNCTION internal.legacy_free_project_name(owner_id uuid, candidate text)
RETURNS text
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    base   text := left(coalesce(nullif(btrim(candidate), ''), 'Profile'), 200);
    result text := base;
    n      integer := 1;
BEGIN
    WHILE EXISTS (SELECT FROM identity.projects p
                   WHERE coalesce(p.org_id, p.user_id) = owner_id AND lower(p.name) = lower(result)) LOOP
        n := n + 1;
        result := left(base, 197 - length(n::text)) || ' (' || n || ')';
    END LOOP;
    RETURN result;
END
$$;
COMMENT ON FUNCTION internal.legacy_free_project_name(uuid, text) IS
    'A project name made from a legacy profile name, unused by this owner whatever the case.';

-- An organization slug from a legacy organization name.
CREATE FUNCTION internal.legacy_slug(name text)
RETURNS text
LANGUAGE sql
IMMUTABLE
PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT coalesce(nullif(rtrim(left(btrim(regexp_replace(lower(coalesce(name, '')), '[^a-z0-9]+', '-', 'g'),
                                            '-'), 63), '-'), ''), 'org')
$$;
COMMENT ON FUNCTION internal.legacy_slug(text) IS
    'A valid organization slug from a legacy name: lower case, runs of other characters as "-".';

-- The SHA-256 digest a legacy key hash holds, if it holds one: 64 hex digits or 32 bytes
-- in base64/base64url, optionally after "sha256:". NULL for bcrypt and anything else.
CREATE FUNCTION internal.legacy_key_digest(key_hash text)
RETURNS bytea
LANGUAGE plpgsql
IMMUTABLE
PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    h text := regexp_replace(btrim(coalesce(key_hash, '')), '^(sha256[:$]|\{SHA256\})', '', 'i');
BEGIN
    IF h ~ '^[0-9A-Fa-f]{64}$' THEN
        RETURN decode(lower(h), 'hex');
    END IF;
    IF h ~ '^[A-Za-z0-9+/_-]{43}=?$' THEN
        RETURN decode(translate(rtrim(h, '='), '-_', '+/') || '=', 'base64');
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION internal.legacy_key_digest(text) IS
    'The 32-byte SHA-256 digest in a legacy API key hash (hex or base64), or NULL (bcrypt, MD5, anything else).';

-- The unified roles of a legacy key's roles: admin -> admin; user, member, write ->
-- member; viewer, read, readonly -> viewer; service -> service. Others are dropped; a key
-- left without any gets viewer, the least.
CREATE FUNCTION internal.legacy_key_roles(legacy_roles text[], OUT roles text[], OUT dropped text[])
LANGUAGE sql
IMMUTABLE
PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT coalesce(array_agg(DISTINCT m.role ORDER BY m.role) FILTER (WHERE m.role IS NOT NULL),
                    ARRAY['viewer']),
           array_agg(DISTINCT m.legacy ORDER BY m.legacy) FILTER (WHERE m.role IS NULL)
      FROM (SELECT r AS legacy,
                   CASE lower(btrim(r))
                       WHEN 'admin' THEN 'admin'
                       WHEN 'user' THEN 'member' WHEN 'member' THEN 'member' WHEN 'write' THEN 'member'
                       WHEN 'viewer' THEN 'viewer' WHEN 'read' THEN 'viewer' WHEN 'readonly' THEN 'viewer'
                       WHEN 'service' THEN 'service'
                   END AS role
              FROM unnest(coalesce(legacy_roles, ARRAY[]::text[])) AS r) AS m
$$;
COMMENT ON FUNCTION internal.legacy_key_roles(text[]) IS
    'Unified API-key roles for legacy roles (admin; user/member/write = member; viewer/read/readonly = viewer; service), and the roles dropped. No known role: viewer.';

-- A legacy mcp_config the unified model accepts, or NULL, and what was changed. A JSON
-- string holding JSON (encoded twice) is decoded. env entries that hold a secret (by
-- name, or a value with a DSN password) are kept: the projects trigger stores them
-- encrypted, and the report says so.
CREATE FUNCTION internal.legacy_mcp_config(config jsonb, OUT mcp_config jsonb, OUT notes text[])
LANGUAGE plpgsql
IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    secret_env text[];
BEGIN
    mcp_config := config;
    IF jsonb_typeof(mcp_config) = 'null' THEN
        mcp_config := NULL;
    END IF;
    IF jsonb_typeof(mcp_config) = 'string' THEN
        BEGIN
            mcp_config := (mcp_config #>> '{}')::jsonb;
            notes := notes || 'mcp_config was JSON encoded twice: decoded'::text;
        EXCEPTION WHEN invalid_text_representation THEN
            NULL;  -- left as it is; refused below
        END;
    END IF;
    IF jsonb_typeof(mcp_config -> 'env') = 'object' THEN
        SELECT array_agg(e.key ORDER BY e.key) INTO secret_env
          FROM jsonb_each(mcp_config -> 'env') AS e
         WHERE identity.is_secret_env(e.key, e.value);
        IF secret_env IS NOT NULL THEN
            notes := notes || format('mcp_config env %s stored encrypted (shown as "[encrypted]")',
                                     array_to_string(secret_env, ', '));
        END IF;
    END IF;
    IF jsonb_typeof(mcp_config -> 'args') = 'array'
       AND EXISTS (SELECT FROM jsonb_array_elements(mcp_config -> 'args') a
                    WHERE jsonb_typeof(a) = 'string'
                      AND (identity.split_dsn_password(a #>> '{}')).password IS NOT NULL) THEN
        mcp_config := NULL;
        notes := notes || 'mcp_config not imported: an argument holds a DSN password; set it again without one'::text;
    ELSIF NOT identity.is_valid_mcp_config(mcp_config) THEN
        mcp_config := NULL;
        notes := notes || 'mcp_config not imported: it is not {"command": string, "args": [string], "env": {name: string}}; set it again'::text;
    END IF;
END
$$;
COMMENT ON FUNCTION internal.legacy_mcp_config(jsonb) IS
    'A legacy mcp_config made acceptable (decoded if encoded twice) or NULL, with notes on what changed and which env entries will be stored encrypted.';

-- A NeuronDesktop user by a legacy reference (profiles.user_id, api_keys.user_id, a
-- NeuronAgent user principal's name): the user whose id it is, else the user whose
-- username it is (exactly: older clients stored usernames), as already imported.
CREATE FUNCTION internal.legacy_desktop_user(desktop_users jsonb, ref text,
                                             OUT user_id uuid, OUT legacy_id text,
                                             OUT is_account_merge boolean)
LANGUAGE sql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT m.new_id, m.legacy_id, m.is_account_merge
      FROM identity.legacy_id_map m
     WHERE m.source_system = 'neurondesktop' AND m.source_table = 'users'
       AND (m.legacy_id = ref
            OR m.legacy_id IN (SELECT u.id
                                 FROM jsonb_to_recordset(coalesce(desktop_users, '[]')) AS u(id text, username text)
                                WHERE u.username = ref))
     ORDER BY m.legacy_id = ref DESC
     LIMIT 1
$$;
COMMENT ON FUNCTION internal.legacy_desktop_user(jsonb, text) IS
    'The imported user a NeuronDesktop user reference (an id, or else an exact username) stands for, if any.';

-- Inserts one legacy API key. The unified model keeps a SHA-256 digest of the whole key
-- and looks keys up by a 12-hex-digit prefix. A legacy hash that is such a digest is kept
-- and the prefix is its first 12 hex digits, so a validator can find the key from the
-- key alone; the key stays live. Any other hash (bcrypt, the legacy default) cannot be
-- turned into one: the key is imported revoked, with a random digest and prefix, so that
-- its owner sees what to replace. A key is also imported revoked when the caller says
-- why (its account was merged into another).
CREATE FUNCTION internal.legacy_import_key(
    legacy_id text, principal_id uuid, principal_type text, project_id uuid, name text,
    key_hash text, roles text[], rate_limit integer, expires_at timestamptz,
    revoked_at timestamptz, last_used_at timestamptz, created_at timestamptz,
    revoke_because text, notes text[],
    OUT new_id uuid, OUT outcome text, OUT reason text, OUT is_live boolean)
LANGUAGE plpgsql
VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    digest   bytea := internal.legacy_key_digest(key_hash);
    v_prefix text;
    revoked timestamptz := revoked_at;
    limit_  integer := rate_limit;
BEGIN
    IF revoked IS NOT NULL THEN
        notes := notes || format('revoked in the legacy system on %s', to_char(revoked AT TIME ZONE 'UTC', 'YYYY-MM-DD'));
    END IF;
    IF digest IS NULL THEN
        notes := notes || format('imported revoked: its %s hash cannot be checked against the SHA-256 the unified model keeps; issue a new key',
                                 CASE WHEN key_hash ~ '^\$2[abxy]?\$' THEN 'bcrypt' ELSE 'unrecognised' END);
        revoked := coalesce(revoked, now());
    END IF;
    IF revoke_because IS NOT NULL THEN
        notes := notes || ('imported revoked: ' || revoke_because);
        revoked := coalesce(revoked, now());
    END IF;

    IF digest IS NOT NULL THEN
        v_prefix := encode(substr(digest, 1, 6), 'hex');
        IF EXISTS (SELECT FROM identity.api_keys k WHERE k.prefix = v_prefix) THEN
            outcome := 'skipped';
            reason := format('a key with prefix %s exists already (the same key imported twice?)', v_prefix);
            RETURN;
        END IF;
    ELSE
        v_prefix := encode(extensions.gen_random_bytes(6), 'hex');
    END IF;
    IF revoked IS NULL THEN
        notes := notes || format('live: its SHA-256 digest is kept, prefix %s', v_prefix);
        IF expires_at <= now() THEN
            notes := notes || format('expired on %s', to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'));
        END IF;
    END IF;

    IF limit_ IS NULL OR limit_ < 1 THEN
        limit_ := identity.default_rate_limit_per_min();
        notes := notes || format('rate limit %s unusable: the default, %s per minute, applies',
                                 coalesce(rate_limit::text, 'NULL'), limit_);
    ELSIF limit_ > 1000000 THEN
        limit_ := 1000000;
        notes := notes || 'rate limit lowered to 1000000 per minute, the most the unified model allows'::text;
    END IF;

    new_id := internal.legacy_free_id(legacy_id);
    INSERT INTO identity.api_keys (id, principal_id, principal_type, project_id, name, prefix,
                                        secret_hash, roles, rate_limit_per_min, expires_at,
                                        revoked_at, last_used_at, created_at)
    VALUES (new_id, principal_id, principal_type, project_id,
            left(coalesce(nullif(btrim(name), ''), 'legacy key'), 200), v_prefix,
            coalesce(digest, extensions.gen_random_bytes(32)), roles, limit_, expires_at,
            revoked, last_used_at, coalesce(created_at, now()));
    outcome := 'imported';
    reason := array_to_string(notes, '; ');
    is_live := revoked IS NULL;
END
$$;
COMMENT ON FUNCTION internal.legacy_import_key(text, uuid, text, uuid, text, text, text[], integer, timestamptz, timestamptz, timestamptz, timestamptz, text, text[]) IS
    'Insert one legacy API key: live when its hash is a SHA-256 digest (prefix = the digest''s first 12 hex digits), revoked otherwise or when revoke_because says why.';

-- The import. Order: NeuronDesktop users, profiles, API keys; NeuronAgent principals, API
-- keys; each table by created_at, then id, so the report and every choice (which of two
-- accounts survives a merge, who keeps a contested username) are deterministic. A row
-- already in identity.legacy_id_map is reported and left alone; a skipped row is tried
-- again on the next run (fix the legacy data, run again). One audit event per run.
-- Not SECURITY DEFINER: the legacy schemas belong to whoever restored them, and the
-- import is an administrator's act, run by the superuser from psql; it checks so.
CREATE FUNCTION identity.import_legacy(desktop_schema text DEFAULT 'legacy_desktop',
                                       agent_schema text DEFAULT 'legacy_agent')
RETURNS TABLE (source text, legacy_id text, outcome text, reason text, new_id uuid)
LANGUAGE plpgsql
VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    valid_email  constant text := '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$';
    uuid_text    constant text := '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
    report       jsonb[] := ARRAY[]::jsonb[];
    d_users      jsonb := '[]'::jsonb;
    d_profiles   jsonb := '[]'::jsonb;
    d_keys       jsonb := '[]'::jsonb;
    a_principals jsonb := '[]'::jsonb;
    a_keys       jsonb := '[]'::jsonb;
    r            record;
    m            record;
    owner        record;
    k            record;
    v_config     record;
    v_roles      record;
    v_source     text;
    v_outcome    text;
    v_new_id     uuid;
    v_merge      boolean;
    v_email      text;
    v_name       text;
    v_slug       text;
    v_project    uuid;
    v_project_ref text;
    v_dsn        text;
    v_endpoint   text;
    v_revoke     text;
    -- The row an incoming one may be merged into, or a key's principal.
    t_id         uuid;
    t_name       text;
    t_type       text;
    t_is_admin   boolean;
    t_legacy_id  text;
    t_merge      boolean;
    notes        text[];
    keys_live    integer := 0;
    keys_revoked integer := 0;
    details      jsonb;
BEGIN
    IF NOT coalesce((SELECT ro.rolsuper FROM pg_catalog.pg_roles ro WHERE ro.rolname = current_user), false) THEN
        RAISE EXCEPTION 'identity.import_legacy() is run by a superuser, not by %', current_user
            USING ERRCODE = '42501',
                  HINT = 'Connect with ./neuronplane psql (the superuser) and run it there.';
    END IF;
    IF desktop_schema IS NULL AND agent_schema IS NULL THEN
        RAISE EXCEPTION 'nothing to import: both schemas are NULL'
            USING ERRCODE = '22023', HINT = 'Name the schema of the NeuronDesktop or NeuronAgent tables.';
    END IF;
    FOREACH v_name IN ARRAY array_remove(ARRAY[desktop_schema, agent_schema], NULL) LOOP
        IF NOT EXISTS (SELECT FROM pg_catalog.pg_namespace n WHERE n.nspname = v_name) THEN
            RAISE EXCEPTION 'schema "%" does not exist', v_name
                USING ERRCODE = '3F000',
                      HINT = 'Restore the legacy tables into it (docs/legacy-migration.md), or pass NULL for the system you do not import.';
        END IF;
    END LOOP;

    -- One import at a time: two would both find a row missing and import it twice.
    LOCK TABLE identity.legacy_id_map IN SHARE ROW EXCLUSIVE MODE;

    -- Read everything first: a missing table or column stops the import before any change.
    IF desktop_schema IS NOT NULL THEN
        d_users := internal.legacy_rows(desktop_schema, 'users', ARRAY['id', 'username']);
        d_profiles := internal.legacy_rows(desktop_schema, 'profiles', ARRAY['id', 'name', 'user_id']);
        d_keys := internal.legacy_rows(desktop_schema, 'api_keys', ARRAY['id', 'key_hash', 'key_prefix', 'user_id']);
    END IF;
    IF agent_schema IS NOT NULL THEN
        a_principals := internal.legacy_rows(agent_schema, 'principals', ARRAY['id', 'type', 'name']);
        a_keys := internal.legacy_rows(agent_schema, 'api_keys', ARRAY['id', 'key_hash', 'key_prefix']);
    END IF;

    ---------------------------------------------------------------- NeuronDesktop users
    -- Accounts with the same email (whatever the case) are one person: the oldest account
    -- survives, the others are merged into it. Their profiles follow; their keys do not
    -- (imported revoked), nor does a platform-admin flag: both would hand one account's
    -- credentials or rights to another on the strength of an unverified email. A user
    -- that neuronplane already had is never merged into: only rows this import created.
    v_source := 'neurondesktop.users';
    FOR r IN SELECT * FROM jsonb_to_recordset(d_users)
                      AS x(id text, username text, email text, is_admin boolean,
                           metadata jsonb, created_at timestamptz)
             ORDER BY x.created_at NULLS LAST, x.id
    LOOP
        SELECT * INTO m FROM identity.legacy_id_map x
         WHERE x.source_system = 'neurondesktop' AND x.source_table = 'users' AND x.legacy_id = r.id;
        IF FOUND THEN
            report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', 'already_imported',
                                                   'reason', m.outcome || coalesce(': ' || m.reason, ''), 'new_id', m.new_id);
            CONTINUE;
        END IF;
        notes := ARRAY[]::text[];
        BEGIN
            v_email := nullif(btrim(r.email), '');
            IF v_email IS NOT NULL AND (v_email !~ valid_email OR length(v_email) > 254) THEN
                notes := notes || format('email %L is not valid: imported without one', v_email);
                v_email := NULL;
            END IF;
            t_id := NULL;
            t_legacy_id := NULL;
            IF v_email IS NOT NULL THEN
                SELECT u.id, u.username::text, u.is_admin,
                       (SELECT x.legacy_id FROM identity.legacy_id_map x
                         WHERE x.new_id = u.id AND x.outcome = 'imported'
                           AND x.source_table IN ('users', 'principals')
                         ORDER BY x.imported_at, x.legacy_id LIMIT 1)
                  INTO t_id, t_name, t_is_admin, t_legacy_id
                  FROM identity.users u
                 WHERE u.email OPERATOR(extensions.=) v_email::extensions.citext;
            END IF;
            IF t_legacy_id IS NOT NULL THEN
                notes := notes || format('same email as legacy user %L (whatever the case): merged into %s; its profiles follow, its API keys are imported revoked',
                                         t_legacy_id, t_name);
                IF r.is_admin AND NOT t_is_admin THEN
                    notes := notes || format('it was a platform administrator, %s is not: make it one deliberately if that is right',
                                             t_name);
                END IF;
                v_outcome := 'merged';
                v_new_id := t_id;
                v_merge := true;
            ELSE
                IF t_id IS NOT NULL THEN
                    notes := notes || format('email %L belongs to user %s, who was not imported: imported without email; link the two accounts deliberately',
                                             v_email, t_name);
                    v_email := NULL;
                END IF;
                v_name := internal.legacy_free_name(r.username, 'user');
                IF v_name IS DISTINCT FROM r.username THEN
                    notes := notes || format('username %L is invalid or taken (whatever the case): imported as %s',
                                             r.username, v_name);
                END IF;
                IF jsonb_typeof(r.metadata) NOT IN ('object', 'null') THEN
                    notes := notes || 'metadata is not a JSON object: not imported'::text;
                END IF;
                v_new_id := internal.legacy_free_id(r.id);
                INSERT INTO identity.users (id, username, email, is_admin, metadata, created_at)
                VALUES (v_new_id, v_name, v_email, coalesce(r.is_admin, false),
                        CASE WHEN jsonb_typeof(r.metadata) = 'object' THEN r.metadata ELSE '{}' END,
                        coalesce(r.created_at, now()));
                v_outcome := 'imported';
                v_merge := false;
            END IF;
            INSERT INTO identity.legacy_id_map (source_system, source_table, legacy_id, new_id, outcome, reason, is_account_merge)
            VALUES ('neurondesktop', 'users', r.id, v_new_id, v_outcome, nullif(array_to_string(notes, '; '), ''), v_merge);
            report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', v_outcome,
                                                   'reason', nullif(array_to_string(notes, '; '), ''), 'new_id', v_new_id);
        EXCEPTION WHEN integrity_constraint_violation OR data_exception THEN
            report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', 'skipped',
                                                   'reason', 'refused by the unified model: ' || SQLERRM);
        END;
    END LOOP;

    ---------------------------------------------------------------- NeuronDesktop profiles
    v_source := 'neurondesktop.profiles';
    FOR r IN SELECT * FROM jsonb_to_recordset(d_profiles)
                      AS x(id text, name text, user_id text, mcp_config jsonb, neurondb_dsn text,
                           agent_endpoint text, agent_api_key text, default_collection text,
                           is_default boolean, created_at timestamptz)
             ORDER BY x.created_at NULLS LAST, x.id
    LOOP
        SELECT * INTO m FROM identity.legacy_id_map x
         WHERE x.source_system = 'neurondesktop' AND x.source_table = 'profiles' AND x.legacy_id = r.id;
        IF FOUND THEN
            report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', 'already_imported',
                                                   'reason', m.outcome || coalesce(': ' || m.reason, ''), 'new_id', m.new_id);
            CONTINUE;
        END IF;
        SELECT * INTO owner FROM internal.legacy_desktop_user(d_users, r.user_id);
        IF owner.user_id IS NULL THEN
            report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', 'skipped',
                'reason', format('orphaned: user_id %L is neither the id nor the username of an imported NeuronDesktop user', r.user_id));
            CONTINUE;
        END IF;
        notes := ARRAY[]::text[];
        BEGIN
            IF owner.is_account_merge THEN
                notes := notes || format('its user %L was merged into another account: it belongs to that account', owner.legacy_id);
            END IF;
            v_name := internal.legacy_free_project_name(owner.user_id, r.name);
            IF v_name IS DISTINCT FROM r.name THEN
                notes := notes || format('name %L is empty or taken by another project of the same user: imported as %L', r.name, v_name);
            END IF;
            v_dsn := nullif(btrim(r.neurondb_dsn), '');
            IF length((identity.split_dsn_password(v_dsn)).dsn_without_password) > 2048 THEN
                v_dsn := NULL;
                notes := notes || 'neurondb_dsn longer than 2048 characters: not imported'::text;
            ELSIF (identity.split_dsn_password(v_dsn)).password IS NOT NULL THEN
                notes := notes || 'the DSN''s password is stored encrypted'::text;
            END IF;
            SELECT * INTO v_config FROM internal.legacy_mcp_config(r.mcp_config);
            notes := notes || coalesce(v_config.notes, ARRAY[]::text[]);
            v_endpoint := nullif(btrim(r.agent_endpoint), '');
            IF v_endpoint IS NOT NULL AND (v_endpoint !~ '^https?://[^[:space:]]+$' OR length(v_endpoint) > 2048) THEN
                notes := notes || format('agent_endpoint %L is not an http(s) URL: not imported', v_endpoint);
                v_endpoint := NULL;
            END IF;
            IF nullif(btrim(r.agent_api_key), '') IS NOT NULL THEN
                notes := notes || 'agent_api_key (kept in clear by NeuronDesktop) not imported: issue an agent key'::text;
            END IF;
            v_new_id := internal.legacy_free_id(r.id);
            INSERT INTO identity.projects (id, user_id, name, neurondb_dsn, mcp_config, agent_endpoint,
                                           metadata, created_at)
            VALUES (v_new_id, owner.user_id, v_name, v_dsn, v_config.mcp_config, v_endpoint,
                    jsonb_strip_nulls(jsonb_build_object('default_collection', r.default_collection,
                                                         'is_default', r.is_default)),
                    coalesce(r.created_at, now()));
            INSERT INTO identity.legacy_id_map (source_system, source_table, legacy_id, new_id, outcome, reason)
            VALUES ('neurondesktop', 'profiles', r.id, v_new_id, 'imported', nullif(array_to_string(notes, '; '), ''));
            report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', 'imported',
                                                   'reason', nullif(array_to_string(notes, '; '), ''), 'new_id', v_new_id);
        EXCEPTION WHEN integrity_constraint_violation OR data_exception THEN
            report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', 'skipped',
                                                   'reason', 'refused by the unified model: ' || SQLERRM);
        END;
    END LOOP;

    ---------------------------------------------------------------- NeuronDesktop API keys
    -- A desktop key acted as its user, with no roles: it gets member, the default of a new
    -- key (a key only narrows its principal's rights; admin needs a key made for it).
    v_source := 'neurondesktop.api_keys';
    FOR r IN SELECT * FROM jsonb_to_recordset(d_keys)
                      AS x(id text, key_hash text, key_prefix text, user_id text, profile_id text,
                           name text, rate_limit integer, last_used_at timestamptz,
                           created_at timestamptz, revoked_at timestamptz, expires_at timestamptz)
             ORDER BY x.created_at NULLS LAST, x.id
    LOOP
        SELECT * INTO m FROM identity.legacy_id_map x
         WHERE x.source_system = 'neurondesktop' AND x.source_table = 'api_keys' AND x.legacy_id = r.id;
        IF FOUND THEN
            report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', 'already_imported',
                                                   'reason', m.outcome || coalesce(': ' || m.reason, ''), 'new_id', m.new_id);
            CONTINUE;
        END IF;
        SELECT * INTO owner FROM internal.legacy_desktop_user(d_users, r.user_id);
        IF owner.user_id IS NULL THEN
            report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', 'skipped',
                'reason', format('orphaned: user_id %L is neither the id nor the username of an imported NeuronDesktop user', r.user_id));
            CONTINUE;
        END IF;
        v_project := NULL;
        IF r.profile_id IS NOT NULL THEN
            SELECT x.new_id INTO v_project FROM identity.legacy_id_map x
             WHERE x.source_system = 'neurondesktop' AND x.source_table = 'profiles' AND x.legacy_id = r.profile_id;
            IF v_project IS NULL THEN
                -- Importing it without its profile would widen it to every project.
                report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', 'skipped',
                    'reason', format('its profile %s was not imported (see that row)', r.profile_id));
                CONTINUE;
            END IF;
        END IF;
        BEGIN
            SELECT * INTO k FROM internal.legacy_import_key(
                r.id, owner.user_id, 'user', v_project,
                coalesce(nullif(btrim(r.name), ''), 'legacy key ' || r.key_prefix),
                r.key_hash, ARRAY['member'], r.rate_limit, r.expires_at, r.revoked_at,
                r.last_used_at, r.created_at,
                CASE WHEN owner.is_account_merge
                     THEN format('its user %L was merged into another account, whose credentials it must not carry; issue a new key', owner.legacy_id)
                END,
                ARRAY[format('legacy prefix %s', r.key_prefix)]);
            IF k.outcome = 'imported' THEN
                INSERT INTO identity.legacy_id_map (source_system, source_table, legacy_id, new_id, outcome, reason)
                VALUES ('neurondesktop', 'api_keys', r.id, k.new_id, 'imported', k.reason);
                keys_live := keys_live + k.is_live::int;
                keys_revoked := keys_revoked + (NOT k.is_live)::int;
            END IF;
            report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', k.outcome,
                                                   'reason', k.reason, 'new_id', k.new_id);
        EXCEPTION WHEN integrity_constraint_violation OR data_exception THEN
            report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', 'skipped',
                                                   'reason', 'refused by the unified model: ' || SQLERRM);
        END;
    END LOOP;

    ---------------------------------------------------------------- NeuronAgent principals
    -- user: the NeuronDesktop user it names (by id, else username) when there is one
    -- (merged: the same person), else a new user, merged like desktop accounts by email.
    -- org: an organization, one per slug. service_account: a platform service account.
    -- agent, tool, dataset: skipped, they belong to a project and NeuronAgent names none.
    v_source := 'neuronagent.principals';
    FOR r IN SELECT * FROM jsonb_to_recordset(a_principals)
                      AS x(id text, type text, name text, metadata jsonb, created_at timestamptz)
             ORDER BY x.created_at NULLS LAST, x.id
    LOOP
        SELECT * INTO m FROM identity.legacy_id_map x
         WHERE x.source_system = 'neuronagent' AND x.source_table = 'principals' AND x.legacy_id = r.id;
        IF FOUND THEN
            report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', 'already_imported',
                                                   'reason', m.outcome || coalesce(': ' || m.reason, ''), 'new_id', m.new_id);
            CONTINUE;
        END IF;
        IF r.type IS NULL OR r.type NOT IN ('user', 'org', 'service_account') THEN
            report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', 'skipped',
                'reason', CASE WHEN r.type IN ('agent', 'tool', 'dataset')
                               THEN format('a NeuronAgent %s names no project, and every %s belongs to one in the unified model: register %L in its project',
                                           r.type, r.type, r.name)
                               ELSE format('unknown principal type %L', r.type) END);
            CONTINUE;
        END IF;
        notes := ARRAY[]::text[];
        v_merge := false;
        BEGIN
            IF r.type = 'user' THEN
                SELECT * INTO owner FROM internal.legacy_desktop_user(d_users, r.name);
                t_id := NULL;
                t_legacy_id := NULL;
                v_email := nullif(btrim(r.metadata ->> 'email'), '');
                IF owner.user_id IS NULL AND v_email IS NOT NULL THEN
                    IF v_email !~ valid_email OR length(v_email) > 254 THEN
                        notes := notes || format('email %L is not valid: imported without one', v_email);
                        v_email := NULL;
                    ELSE
                        SELECT u.id, u.username::text,
                               (SELECT x.legacy_id FROM identity.legacy_id_map x
                                 WHERE x.new_id = u.id AND x.outcome = 'imported'
                                   AND x.source_table IN ('users', 'principals')
                                 ORDER BY x.imported_at, x.legacy_id LIMIT 1)
                          INTO t_id, t_name, t_legacy_id
                          FROM identity.users u
                         WHERE u.email OPERATOR(extensions.=) v_email::extensions.citext;
                    END IF;
                END IF;
                IF owner.user_id IS NOT NULL THEN
                    notes := notes || format('the same person as NeuronDesktop user %L', owner.legacy_id);
                    v_outcome := 'merged';
                    v_new_id := owner.user_id;
                    v_merge := owner.is_account_merge;
                ELSIF t_legacy_id IS NOT NULL THEN
                    notes := notes || format('same email as legacy user %L (whatever the case): merged into %s; its API keys are imported revoked',
                                             t_legacy_id, t_name);
                    v_outcome := 'merged';
                    v_new_id := t_id;
                    v_merge := true;
                ELSE
                    IF t_id IS NOT NULL THEN
                        notes := notes || format('email %L belongs to user %s, who was not imported: imported without email; link the two accounts deliberately',
                                                 v_email, t_name);
                        v_email := NULL;
                    END IF;
                    v_name := internal.legacy_free_name(r.name, 'user');
                    IF v_name IS DISTINCT FROM r.name THEN
                        notes := notes || format('username %L is invalid or taken (whatever the case): imported as %s', r.name, v_name);
                    END IF;
                    v_new_id := internal.legacy_free_id(r.id);
                    INSERT INTO identity.users (id, username, email, metadata, created_at)
                    VALUES (v_new_id, v_name, v_email,
                            CASE WHEN jsonb_typeof(r.metadata) = 'object' THEN r.metadata - 'email' ELSE '{}' END,
                            coalesce(r.created_at, now()));
                    v_outcome := 'imported';
                END IF;
            ELSIF r.type = 'org' THEN
                v_slug := internal.legacy_slug(r.name);
                t_id := NULL;
                SELECT o.id, o.slug::text INTO t_id, t_name
                  FROM identity.organizations o
                 WHERE o.slug OPERATOR(extensions.=) v_slug::extensions.citext;
                IF t_id IS NOT NULL THEN
                    notes := notes || format('organization %s (same slug) exists already', t_name);
                    v_outcome := 'merged';
                    v_new_id := t_id;
                ELSE
                    v_new_id := internal.legacy_free_id(r.id);
                    INSERT INTO identity.organizations (id, name, slug, metadata, created_at)
                    VALUES (v_new_id, left(coalesce(nullif(btrim(r.name), ''), 'Organization'), 200), v_slug,
                            CASE WHEN jsonb_typeof(r.metadata) = 'object' THEN r.metadata ELSE '{}' END,
                            coalesce(r.created_at, now()));
                    notes := notes || format('slug %s; it has no members yet: add an owner', v_slug);
                    v_outcome := 'imported';
                END IF;
            ELSE
                v_name := internal.legacy_free_name(r.name, 'service_account');
                IF v_name IS DISTINCT FROM r.name THEN
                    notes := notes || format('name %L is invalid or taken: imported as %s', r.name, v_name);
                END IF;
                v_new_id := internal.legacy_free_id(r.id);
                INSERT INTO identity.service_accounts (id, name, metadata, created_at)
                VALUES (v_new_id, v_name,
                        CASE WHEN jsonb_typeof(r.metadata) = 'object' THEN r.metadata ELSE '{}' END,
                        coalesce(r.created_at, now()));
                notes := notes || 'a platform service account: it has rights only through policies; grant what it needs'::text;
                v_outcome := 'imported';
            END IF;
            INSERT INTO identity.legacy_id_map (source_system, source_table, legacy_id, new_id, outcome, reason, is_account_merge)
            VALUES ('neuronagent', 'principals', r.id, v_new_id, v_outcome, nullif(array_to_string(notes, '; '), ''), v_merge);
            report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', v_outcome,
                                                   'reason', nullif(array_to_string(notes, '; '), ''), 'new_id', v_new_id);
        EXCEPTION WHEN integrity_constraint_violation OR data_exception THEN
            report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', 'skipped',
                                                   'reason', 'refused by the unified model: ' || SQLERRM);
        END;
    END LOOP;

    ---------------------------------------------------------------- NeuronAgent API keys
    -- The key's principal (or, for keys 014 did not link, its user_id); keys of
    -- organizations have no owner in the unified model (a key belongs to a user, service
    -- account or agent) and are skipped.
    v_source := 'neuronagent.api_keys';
    FOR r IN SELECT * FROM jsonb_to_recordset(a_keys)
                      AS x(id text, key_hash text, key_prefix text, organization_id text, user_id text,
                           rate_limit_per_minute integer, roles text[], metadata jsonb,
                           created_at timestamptz, last_used_at timestamptz, expires_at timestamptz,
                           revoked_at timestamptz, principal_id text, project_id text)
             ORDER BY x.created_at NULLS LAST, x.id
    LOOP
        SELECT * INTO m FROM identity.legacy_id_map x
         WHERE x.source_system = 'neuronagent' AND x.source_table = 'api_keys' AND x.legacy_id = r.id;
        IF FOUND THEN
            report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', 'already_imported',
                                                   'reason', m.outcome || coalesce(': ' || m.reason, ''), 'new_id', m.new_id);
            CONTINUE;
        END IF;
        t_id := NULL;
        t_type := NULL;
        t_merge := false;
        IF r.principal_id IS NOT NULL THEN
            SELECT x.new_id, x.is_account_merge, p.type INTO t_id, t_merge, t_type
              FROM identity.legacy_id_map x JOIN identity.principals p ON p.id = x.new_id
             WHERE x.source_system = 'neuronagent' AND x.source_table = 'principals'
               AND x.legacy_id = r.principal_id;
            IF t_id IS NULL THEN
                report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', 'skipped',
                    'reason', CASE WHEN EXISTS (SELECT FROM jsonb_to_recordset(a_principals) AS p(id text) WHERE p.id = r.principal_id)
                                   THEN format('its principal %s was not imported (see that row)', r.principal_id)
                                   ELSE format('orphaned: principal_id %s matches no NeuronAgent principal', r.principal_id) END);
                CONTINUE;
            END IF;
        ELSIF nullif(btrim(r.organization_id), '') IS NOT NULL THEN
            t_type := 'org';
        ELSIF nullif(btrim(r.user_id), '') IS NOT NULL THEN
            SELECT * INTO owner FROM internal.legacy_desktop_user(d_users, r.user_id);
            IF owner.user_id IS NOT NULL THEN
                t_id := owner.user_id;
                t_merge := owner.is_account_merge;
                t_type := 'user';
            ELSE
                SELECT x.new_id, x.is_account_merge, p.type INTO t_id, t_merge, t_type
                  FROM jsonb_to_recordset(a_principals) AS a(id text, type text, name text)
                  JOIN identity.legacy_id_map x
                    ON x.source_system = 'neuronagent' AND x.source_table = 'principals' AND x.legacy_id = a.id
                  JOIN identity.principals p ON p.id = x.new_id
                 WHERE a.type = 'user' AND a.name = r.user_id;
            END IF;
            IF t_id IS NULL THEN
                report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', 'skipped',
                    'reason', format('orphaned: user_id %L is neither a NeuronDesktop user nor a NeuronAgent user principal', r.user_id));
                CONTINUE;
            END IF;
        ELSE
            report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', 'skipped',
                'reason', 'orphaned: it names no principal, user or organization');
            CONTINUE;
        END IF;
        IF t_type NOT IN ('user', 'service_account') THEN
            report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', 'skipped',
                'reason', 'a key of an organization: in the unified model keys belong to users, service accounts or agents; issue a service account key instead');
            CONTINUE;
        END IF;
        v_project := NULL;
        v_project_ref := nullif(btrim(r.project_id), '');
        IF v_project_ref IS NOT NULL THEN
            IF v_project_ref ~* uuid_text THEN
                v_project_ref := lower(v_project_ref);
            END IF;
            SELECT x.new_id INTO v_project FROM identity.legacy_id_map x
             WHERE x.source_system = 'neurondesktop' AND x.source_table = 'profiles' AND x.legacy_id = v_project_ref;
            IF v_project IS NULL THEN
                report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', 'skipped',
                    'reason', format('its project_id %L is not an imported NeuronDesktop profile', r.project_id));
                CONTINUE;
            END IF;
        END IF;
        BEGIN
            SELECT * INTO v_roles FROM internal.legacy_key_roles(r.roles);
            notes := ARRAY[format('legacy prefix %s', r.key_prefix)];
            IF v_roles.dropped IS NOT NULL THEN
                notes := notes || format('role(s) %s unknown to the unified model: dropped', array_to_string(v_roles.dropped, ', '));
            END IF;
            IF v_roles.roles = ARRAY['viewer'] AND NOT (coalesce(r.roles, ARRAY[]::text[]) && ARRAY['viewer', 'read', 'readonly']) THEN
                notes := notes || 'no known role left: viewer'::text;
            END IF;
            v_revoke := CASE WHEN t_merge
                             THEN 'its principal was merged into another account, whose credentials it must not carry; issue a new key'
                        END;
            SELECT * INTO k FROM internal.legacy_import_key(
                r.id, t_id, t_type, v_project,
                coalesce(nullif(btrim(r.metadata ->> 'name'), ''), 'legacy agent key ' || r.key_prefix),
                r.key_hash, v_roles.roles, r.rate_limit_per_minute, r.expires_at, r.revoked_at,
                r.last_used_at, r.created_at, v_revoke, notes);
            IF k.outcome = 'imported' THEN
                INSERT INTO identity.legacy_id_map (source_system, source_table, legacy_id, new_id, outcome, reason)
                VALUES ('neuronagent', 'api_keys', r.id, k.new_id, 'imported', k.reason);
                keys_live := keys_live + k.is_live::int;
                keys_revoked := keys_revoked + (NOT k.is_live)::int;
            END IF;
            report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', k.outcome,
                                                   'reason', k.reason, 'new_id', k.new_id);
        EXCEPTION WHEN integrity_constraint_violation OR data_exception THEN
            report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', 'skipped',
                                                   'reason', 'refused by the unified model: ' || SQLERRM);
        END;
    END LOOP;

    ---------------------------------------------------------------- the audit event
    -- Counts only: reasons may quote legacy values (emails, usernames).
    SELECT jsonb_agg(c.counts ORDER BY c.first) INTO details
      FROM (SELECT min(e.n) AS first,
                   jsonb_build_object('source', e.j ->> 'source',
                                      'imported', count(*) FILTER (WHERE e.j ->> 'outcome' = 'imported'),
                                      'merged', count(*) FILTER (WHERE e.j ->> 'outcome' = 'merged'),
                                      'already_imported', count(*) FILTER (WHERE e.j ->> 'outcome' = 'already_imported'),
                                      'skipped', count(*) FILTER (WHERE e.j ->> 'outcome' = 'skipped')) AS counts
              FROM unnest(report) WITH ORDINALITY AS e(j, n)
             GROUP BY e.j ->> 'source') AS c;
    details := jsonb_build_object('desktop_schema', desktop_schema, 'agent_schema', agent_schema,
                                  'counts', coalesce(details, '[]'),
                                  'imported_live', keys_live, 'imported_revoked', keys_revoked,
                                  'run_by', session_user);
    PERFORM audit.record('identity.legacy.imported', 'success', NULL, NULL, details);

    RETURN QUERY
        SELECT e.j ->> 'source', e.j ->> 'legacy_id', e.j ->> 'outcome', e.j ->> 'reason',
               (e.j ->> 'new_id')::uuid
          FROM unnest(report) WITH ORDINALITY AS e(j, n)
         ORDER BY e.n;
END
$$;
COMMENT ON FUNCTION identity.import_legacy(text, text) IS
    'Import the legacy NeuronDesktop (users, profiles, api_keys) and NeuronAgent (principals, api_keys) tables from the given schemas (NULL: skip that system) into the unified model, and report each row: imported, merged, already_imported or skipped, with the reason. Idempotent. Superuser only; see docs/legacy-migration.md.';

RESET ROLE;

COMMIT;
