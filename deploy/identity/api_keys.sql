-- Deploy neuronplane:identity/api_keys to pg
-- requires: identity/projects
-- requires: identity/service_accounts
-- requires: identity/resource_scopes

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

-- The permissions each API-key role lets through. A key narrows what its principal may
-- do to the union of its roles' permissions; it never adds any.
-- No SET clause, so that the planner inlines it into has_permission(); it names nothing
-- that a search_path could redirect.
CREATE FUNCTION identity.key_role_permissions(roles text[])
RETURNS text[]
LANGUAGE sql
IMMUTABLE
PARALLEL SAFE
AS $$
    SELECT CASE
        WHEN 'admin' = ANY (roles) THEN ARRAY['read', 'write', 'execute', 'admin']
        WHEN 'member' = ANY (roles) THEN ARRAY['read', 'write', 'execute']
        WHEN 'service' = ANY (roles) THEN ARRAY['read', 'execute']
        WHEN 'viewer' = ANY (roles) THEN ARRAY['read']
        ELSE ARRAY[]::text[]
    END
$$;
COMMENT ON FUNCTION identity.key_role_permissions(text[]) IS
    'Permissions an API key with these roles lets through: admin = all; member = read, write, execute; service = read, execute; viewer = read.';

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
                       CHECK (cardinality(roles) BETWEEN 1 AND 4
                              AND roles <@ ARRAY['admin', 'member', 'viewer', 'service']
                              AND array_position(roles, NULL) IS NULL),
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

COMMIT;
