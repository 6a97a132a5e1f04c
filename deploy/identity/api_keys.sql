-- Deploy neuronplane:identity/api_keys to pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- Settings administrators change with SQL (one row).
CREATE TABLE identity.settings (
    id                         boolean PRIMARY KEY DEFAULT true CHECK (id),
    -- Requests per minute allowed to a new API key when its creator names no limit.
    default_rate_limit_per_min integer NOT NULL DEFAULT 60
                               CHECK (default_rate_limit_per_min BETWEEN 1 AND 1000000)
);
COMMENT ON TABLE identity.settings IS 'Identity settings (one row), changed by administrators with SQL.';
INSERT INTO identity.settings DEFAULT VALUES;
ALTER TABLE identity.settings ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

-- The rate limit a new API key gets by default.
-- SECURITY DEFINER: evaluated as a column default by callers that cannot read settings.
CREATE FUNCTION identity.default_rate_limit_per_min()
RETURNS integer
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT s.default_rate_limit_per_min FROM identity.settings s
$$;
COMMENT ON FUNCTION identity.default_rate_limit_per_min() IS
    'identity.settings.default_rate_limit_per_min: the rate limit of a new API key by default.';

-- The rule source ---------------------------------------------------------------------------

-- The permissions API-key roles let through, from identity.api_key_roles (admin: every
-- permission). PL/pgSQL keeps its plan for the session.
CREATE FUNCTION identity.key_role_permissions(roles text[])
RETURNS text[]
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN (SELECT coalesce(array_agg(p.name ORDER BY p.name), '{}')
              FROM identity.permissions p
             WHERE EXISTS (SELECT FROM identity.api_key_roles r
                            WHERE r.role = ANY ($1) AND r.permission IN (p.name, 'admin')));
END
$$;
COMMENT ON FUNCTION identity.key_role_permissions(text[]) IS
    'The permissions an API key with these roles lets through (identity.api_key_roles; admin: all).';

CREATE TABLE identity.api_keys (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    principal_id       uuid NOT NULL,
    principal_type     text NOT NULL CHECK (principal_type IN ('user', 'service_account', 'agent')),
    project_id         uuid REFERENCES identity.projects (id) ON DELETE CASCADE,
    name               text NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 200),
    -- The visible part of the key (npk_<prefix>_<secret>): shown in listings and logs.
    prefix             text NOT NULL UNIQUE CHECK (prefix ~ '^[0-9a-f]{12}$'),
    -- SHA-256 of the whole key. The key holds 256 random bits, so a fast hash suffices.
    secret_hash        bytea NOT NULL CHECK (length(secret_hash) = 32),
    roles              text[] NOT NULL
                       CHECK (cardinality(roles) BETWEEN 1 AND 4 AND array_position(roles, NULL) IS NULL),
    rate_limit_per_min integer NOT NULL DEFAULT identity.default_rate_limit_per_min()
                       CHECK (rate_limit_per_min BETWEEN 1 AND 1000000),
    expires_at         timestamptz,
    revoked_at         timestamptz,
    last_used_at       timestamptz,
    created_by         uuid REFERENCES identity.principals (id) ON DELETE SET NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (principal_id, principal_type)
        REFERENCES identity.principals (id, type) ON DELETE CASCADE
);
COMMENT ON TABLE identity.api_keys IS
    'API keys of users, service accounts and agents. Only a SHA-256 of the secret is kept; the key is shown once at creation.';

CREATE INDEX api_keys_principal_idx ON identity.api_keys (principal_id);
CREATE INDEX api_keys_project_idx ON identity.api_keys (project_id);

ALTER TABLE identity.api_keys ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

CREATE TRIGGER api_keys_set_updated_at BEFORE UPDATE ON identity.api_keys
    FOR EACH ROW EXECUTE FUNCTION internal.tg_set_updated_at();
CREATE TRIGGER api_keys_scope AFTER INSERT OR UPDATE OF principal_id, project_id OR DELETE
    ON identity.api_keys FOR EACH ROW EXECUTE FUNCTION identity.tg_resource__scope('api_key');

GRANT EXECUTE ON FUNCTION identity.default_rate_limit_per_min() TO authenticated, service;


RESET ROLE;

SET LOCAL ROLE neuronplane_owner;

-- An array cannot reference rows: a key's roles are checked by trigger.
-- SECURITY DEFINER: reads identity.api_key_roles whoever writes the key.
CREATE FUNCTION identity.tg_api_keys__check_roles()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF EXISTS (SELECT FROM unnest(NEW.roles) r
                WHERE NOT EXISTS (SELECT FROM identity.api_key_roles k WHERE k.role = r)) THEN
        RAISE EXCEPTION 'roles must be a non-empty subset of {%}',
                        (SELECT string_agg(DISTINCT k.role, ', ') FROM identity.api_key_roles k)
            USING ERRCODE = '22023', HINT = 'API-key roles are the rows of identity.api_key_roles.';
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION identity.tg_api_keys__check_roles() IS
    'Trigger: every role of an API key is a row of identity.api_key_roles.';
CREATE TRIGGER api_keys_check_roles BEFORE INSERT OR UPDATE OF roles ON identity.api_keys
    FOR EACH ROW EXECUTE FUNCTION identity.tg_api_keys__check_roles();

RESET ROLE;

COMMIT;
