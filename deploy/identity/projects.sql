-- Deploy neuronplane:identity/projects to pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- Is this a usable MCP server configuration? {"command": "...", "args": [...], "env": {...}}:
-- command a non-empty string, args strings, env string values, no other key.
CREATE FUNCTION identity.is_valid_mcp_config(config jsonb)
RETURNS boolean
LANGUAGE sql
IMMUTABLE
STRICT
PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT coalesce(jsonb_typeof(config) = 'object'
       AND (SELECT bool_and(k IN ('command', 'args', 'env')) FROM jsonb_object_keys(config) k)
       AND jsonb_typeof(config -> 'command') = 'string'
       AND btrim(config ->> 'command') <> ''
       AND coalesce(jsonb_typeof(config -> 'args'), 'array') = 'array'
       AND coalesce((SELECT bool_and(jsonb_typeof(a) = 'string')
                       FROM jsonb_array_elements(CASE jsonb_typeof(config -> 'args')
                                                 WHEN 'array' THEN config -> 'args' END) a), true)
       AND coalesce(jsonb_typeof(config -> 'env'), 'object') = 'object'
       AND coalesce((SELECT bool_and(jsonb_typeof(e.value) = 'string')
                       FROM jsonb_each(CASE jsonb_typeof(config -> 'env')
                                       WHEN 'object' THEN config -> 'env' END) e), true), false)
$$;
COMMENT ON FUNCTION identity.is_valid_mcp_config(jsonb) IS
    'NULL for NULL (no MCP server); otherwise true for {"command": string, "args": [string, ...], "env": {name: string}} (args and env optional, no other key).';

-- A NeuronDB connection string split into its password and the rest. Both libpq forms:
-- URIs (postgresql://user:secret@host/db?password=...) and key=value strings
-- (host=... password='...'). The password comes back percent-decoded or unquoted.
CREATE FUNCTION identity.split_dsn_password(dsn text, OUT dsn_without_password text,
                                            OUT password text)
LANGUAGE plpgsql
IMMUTABLE
PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    m text[];
BEGIN
    dsn_without_password := btrim(dsn);
    IF dsn_without_password ~* '^postgres(ql)?://' THEN
        -- userinfo password: scheme://user:password@
        m := regexp_match(dsn_without_password, '^([a-zA-Z]+://[^:@/?#]*):([^@/?#]*)@(.*)$');
        IF m IS NOT NULL THEN
            password := m[2];
            dsn_without_password := m[1] || '@' || m[3];
        END IF;
        -- query parameter password=...
        m := regexp_match(dsn_without_password, '[?&]password=([^&#]*)');
        IF m IS NOT NULL THEN
            password := m[1];
            dsn_without_password := regexp_replace(
                regexp_replace(dsn_without_password, '([?&])password=[^&#]*&?', '\1'),
                '[?&]$', '');
        END IF;
        IF password IS NOT NULL THEN
            -- percent-decoding, byte by byte
            SELECT convert_from(string_agg(
                       CASE WHEN t.m[1] ~ '^%[0-9A-Fa-f]{2}$' THEN decode(substr(t.m[1], 2), 'hex')
                            ELSE convert_to(t.m[1], 'UTF8') END, ''::bytea ORDER BY t.n), 'UTF8')
              INTO password
              FROM regexp_matches(password, '%[0-9A-Fa-f]{2}|[^%]+|%', 'g') WITH ORDINALITY AS t(m, n);
        END IF;
    ELSE
        m := regexp_match(dsn_without_password,
                          '(^|\s)password\s*=\s*(''((\\.|[^''\\])*)''|(\S+))');
        IF m IS NOT NULL THEN
            password := coalesce(regexp_replace(m[3], '\\(.)', '\1', 'g'), m[5]);
            dsn_without_password := btrim(regexp_replace(
                dsn_without_password, '(^|\s)password\s*=\s*(''(\\.|[^''\\])*''|\S+)', ' '));
        END IF;
    END IF;
    password := nullif(password, '');
END
$$;
COMMENT ON FUNCTION identity.split_dsn_password(text) IS
    'Split a libpq connection string (URI or key=value) into the string without its password, and the password.';

-- Projects: the desktop's profiles. Owned by an organization, a user, or both (a user's
-- project inside an organization).
CREATE TABLE identity.projects (
    id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id                uuid REFERENCES identity.organizations (id) ON DELETE CASCADE,
    user_id               uuid REFERENCES identity.users (id) ON DELETE CASCADE,
    name                  text NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 200),
    description           text CHECK (length(description) <= 2000),
    -- The NeuronDB connection string without its password; the password, if any, is in
    -- neurondb_dsn_secret, encrypted.
    neurondb_dsn          text CHECK (length(neurondb_dsn) <= 2048),
    neurondb_dsn_secret   bytea,
    -- The MCP server configuration; env values whose names say they hold a secret are
    -- shown as "[encrypted]" and kept, encrypted, in mcp_env_secret.
    mcp_config            jsonb CHECK (identity.is_valid_mcp_config(mcp_config)),
    mcp_env_secret        bytea,
    agent_endpoint        text CHECK (length(agent_endpoint) <= 2048
                                      AND agent_endpoint ~ '^https?://[^[:space:]]+$'),
    metadata              jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(metadata) = 'object'),
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT projects_owner_check CHECK (org_id IS NOT NULL OR user_id IS NOT NULL)
);
COMMENT ON TABLE identity.projects IS
    'Projects, which the desktop calls profiles: a NeuronDB connection, an MCP server and an agent endpoint, owned by an organization and/or a user.';
COMMENT ON COLUMN identity.projects.mcp_env_secret IS
    'Encrypted JSON object of the secret mcp_config.env values (shown there as "[encrypted]").';
COMMENT ON COLUMN identity.projects.neurondb_dsn IS
    'NeuronDB connection string without its password (the password is kept encrypted in neurondb_dsn_secret).';

-- One name per owner, whatever the case.
CREATE UNIQUE INDEX projects_owner_name_key ON identity.projects (coalesce(org_id, user_id), lower(name));
CREATE INDEX projects_org_idx ON identity.projects (org_id);
CREATE INDEX projects_user_idx ON identity.projects (user_id);

ALTER TABLE identity.projects ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

-- A password given in neurondb_dsn is moved, encrypted, to neurondb_dsn_secret; the
-- stored DSN never holds it. A DSN given without password keeps the stored one.
-- SECURITY DEFINER: encryption is reserved to the owner.
CREATE FUNCTION identity.tg_projects__protect_dsn()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    split record;
BEGIN
    IF NEW.neurondb_dsn IS NULL THEN
        NEW.neurondb_dsn_secret := NULL;
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.neurondb_dsn IS NOT DISTINCT FROM OLD.neurondb_dsn
       AND NEW.neurondb_dsn_secret IS NOT DISTINCT FROM OLD.neurondb_dsn_secret THEN
        RETURN NEW;
    END IF;
    split := identity.split_dsn_password(NEW.neurondb_dsn);
    NEW.neurondb_dsn := split.dsn_without_password;
    IF split.password IS NOT NULL THEN
        NEW.neurondb_dsn_secret := internal.encrypt_secret(
            split.password, 'identity.projects.neurondb_dsn:' || NEW.id);
    ELSIF TG_OP = 'UPDATE' THEN
        NEW.neurondb_dsn_secret := OLD.neurondb_dsn_secret;
    ELSE
        NEW.neurondb_dsn_secret := NULL;
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION identity.tg_projects__protect_dsn() IS
    'Trigger: takes the password out of neurondb_dsn and stores it encrypted.';

-- Does an environment variable hold a secret? By its name, or because its value is a
-- connection string with a password.
CREATE FUNCTION identity.is_secret_env(name text, value jsonb)
RETURNS boolean
LANGUAGE sql
IMMUTABLE
PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT name ~* '(pass|secret|token|key|credential|dsn|auth|cookie|private)'
        OR (jsonb_typeof(value) = 'string'
            AND (identity.split_dsn_password(value #>> '{}')).password IS NOT NULL)
$$;
COMMENT ON FUNCTION identity.is_secret_env(text, jsonb) IS
    'True for an environment variable whose name suggests a secret (PASSWORD, SECRET, TOKEN, KEY, CREDENTIAL, DSN, AUTH, COOKIE, PRIVATE) or whose value is a DSN with a password.';

-- The values of secret variables in mcp_config.env (identity.is_secret_env) move, encrypted, to
-- mcp_env_secret; mcp_config keeps "[encrypted]" in their place. Writing the placeholder
-- back keeps the stored value, so a configuration read from the API can be sent back.
-- SECURITY DEFINER: encryption is reserved to the owner.
CREATE FUNCTION identity.tg_projects__protect_mcp_env()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    placeholder constant jsonb := '"[encrypted]"';
    env      jsonb := NEW.mcp_config -> 'env';
    stored   jsonb := '{}';
    secrets  jsonb;
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.mcp_config IS NOT DISTINCT FROM OLD.mcp_config
       AND NEW.mcp_env_secret IS NOT DISTINCT FROM OLD.mcp_env_secret THEN
        RETURN NEW;
    END IF;
    IF jsonb_typeof(env) IS DISTINCT FROM 'object' THEN
        NEW.mcp_env_secret := NULL;
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.mcp_env_secret IS NOT NULL THEN
        stored := internal.decrypt_secret(OLD.mcp_env_secret, 'identity.projects.mcp_env:' || OLD.id)::jsonb;
    END IF;
    SELECT jsonb_object_agg(e.key, CASE WHEN e.value = placeholder THEN stored -> e.key ELSE e.value END)
      INTO secrets
      FROM jsonb_each(env) e
     WHERE (e.value = placeholder AND stored ? e.key)
        OR (e.value <> placeholder AND identity.is_secret_env(e.key, e.value));
    -- A placeholder with nothing stored behind it is dropped.
    NEW.mcp_config := jsonb_set(NEW.mcp_config, '{env}', (
        SELECT coalesce(jsonb_object_agg(e.key, CASE WHEN secrets ? e.key
                                                     THEN placeholder ELSE e.value END), '{}')
          FROM jsonb_each(env) e
         WHERE e.value <> placeholder OR secrets ? e.key));
    NEW.mcp_env_secret := CASE WHEN secrets IS NOT NULL
                               THEN internal.encrypt_secret(secrets::text,
                                                            'identity.projects.mcp_env:' || NEW.id) END;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION identity.tg_projects__protect_mcp_env() IS
    'Trigger: stores the secret-named environment variables of mcp_config encrypted, leaving "[encrypted]" in their place.';

CREATE TRIGGER projects_protect_mcp_env BEFORE INSERT OR UPDATE OF mcp_config, mcp_env_secret
    ON identity.projects FOR EACH ROW EXECUTE FUNCTION identity.tg_projects__protect_mcp_env();
CREATE TRIGGER projects_protect_dsn BEFORE INSERT OR UPDATE OF neurondb_dsn, neurondb_dsn_secret
    ON identity.projects FOR EACH ROW EXECUTE FUNCTION identity.tg_projects__protect_dsn();
CREATE TRIGGER projects_set_updated_at BEFORE UPDATE ON identity.projects
    FOR EACH ROW EXECUTE FUNCTION internal.tg_set_updated_at();
CREATE TRIGGER projects_scope AFTER INSERT OR UPDATE OR DELETE ON identity.projects
    FOR EACH ROW EXECUTE FUNCTION identity.tg_resource__scope('project');

-- The mcp_config CHECK runs with the rights of whoever writes a project.
GRANT EXECUTE ON FUNCTION identity.is_valid_mcp_config(jsonb) TO authenticated, service;

RESET ROLE;

-- This change's secret columns, for workspace.rotate_secrets().
SET LOCAL ROLE neuronplane_owner;
INSERT INTO internal.secret_columns (name, table_name, column_name, context_sql) VALUES
    ('dsn_passwords', 'identity.projects', 'neurondb_dsn_secret', $$'identity.projects.neurondb_dsn:' || id$$),
    ('mcp_environments', 'identity.projects', 'mcp_env_secret', $$'identity.projects.mcp_env:' || id$$);
RESET ROLE;

COMMIT;
