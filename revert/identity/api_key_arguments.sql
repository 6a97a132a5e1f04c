-- Revert neuronplane:identity/api_key_arguments from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- As identity/stored_decisions made it.
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
    -- (each role must be a row of identity.api_key_roles: the table's trigger says so)
    IF roles IS NULL OR cardinality(roles) = 0 THEN
        RAISE EXCEPTION 'an API key needs at least one role' USING ERRCODE = '22023';
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
    'Insert an API key (npk_<12 hex>_<64 hex>: 256 random bits) and return it; only its SHA-256 is stored.';
COMMENT ON FUNCTION api.create_api_key(text, text[], uuid, uuid, integer, timestamptz) IS
$$Create an API key for yourself, or for a service account or agent you administer. Returns the key (npk_<prefix>_<secret>) once: it cannot be shown again. roles (admin, member, viewer, service) narrow what the key may do; project_id limits it to one project. Errors: 42501, 22023.$$;

COMMIT;
