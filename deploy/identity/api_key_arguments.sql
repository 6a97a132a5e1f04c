-- Deploy neuronplane:identity/api_key_arguments to pg
-- requires: identity/stored_decisions

BEGIN;

-- identity.issue_api_key() left its arguments to the table's constraints. It runs inside
-- api.create_api_key() as neuronplane_owner, which bypasses row-level security, so
-- PostgreSQL printed the whole new row in the violation's DETAIL ("Failing row contains
-- (...)": the key's secret_hash, a megabyte name) and PostgREST handed it to the client.
-- Each argument is now checked before the row is built, with its own message and 22023
-- (22004 for a missing name); the table's checks stay as the last line.

SET LOCAL ROLE neuronplane_owner;

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
    -- The same bounds as identity.api_keys' checks, whose violation would print the row.
    IF issue_api_key.name IS NULL THEN
        RAISE EXCEPTION 'name is required' USING ERRCODE = '22004',
              HINT = 'Name the key after where it is used, in at most 200 characters.';
    END IF;
    IF btrim(issue_api_key.name) = '' OR length(issue_api_key.name) > 200 THEN
        RAISE EXCEPTION 'name must be 1 to 200 characters, not blank' USING ERRCODE = '22023';
    END IF;
    -- (each role must be a row of identity.api_key_roles: the table's trigger says so)
    IF roles IS NULL OR cardinality(roles) = 0 THEN
        RAISE EXCEPTION 'an API key needs at least one role' USING ERRCODE = '22023';
    END IF;
    IF array_position(roles, NULL) IS NOT NULL
       OR (SELECT count(DISTINCT r) FROM unnest(roles) r) > 4 THEN
        RAISE EXCEPTION 'roles must be 1 to 4 distinct roles, none of them null'
            USING ERRCODE = '22023';
    END IF;
    IF rate_limit_per_min IS NOT NULL AND rate_limit_per_min NOT BETWEEN 1 AND 1000000 THEN
        RAISE EXCEPTION 'rate_limit_per_min must be between 1 and 1000000'
            USING ERRCODE = '22023', HINT = 'Leave it out for the default.';
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
COMMENT ON FUNCTION identity.issue_api_key(uuid, text, text[], uuid, integer, timestamptz, uuid) IS
    'Insert an API key (npk_<12 hex>_<64 hex>: 256 random bits) and return it; only its SHA-256 is stored. Arguments are checked first (22004, 22023), so no constraint violation shows the row.';
COMMENT ON FUNCTION api.create_api_key(text, text[], uuid, uuid, integer, timestamptz) IS
$$Create an API key for yourself, or for a service account or agent you administer. Returns the key (npk_<prefix>_<secret>) once: it cannot be shown again. roles (admin, member, viewer, service) narrow what the key may do; project_id limits it to one project; name is 1 to 200 characters; rate_limit_per_min is 1 to 1000000 (default when left out); expires_at is in the future. Errors: 42501, 22004 (no name), 22023.$$;

COMMIT;
