-- Deploy neuronplane:workspace/profiles to pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

INSERT INTO audit.actions (action, description) VALUES
    ('workspace.profile.agent_key_set',      'The NeuronAgent API key of a project (profile) was stored, envelope-encrypted; the key is in no event.'),
    ('workspace.profile.agent_key_revealed', 'The worker read a project''s NeuronAgent API key in clear to call the agent.');

-- The NeuronAgent API key of a project, apart from identity.projects (whose columns every
-- API role may select): only its last four characters are readable through the API.
CREATE TABLE workspace.project_agent_keys (
    project_id     uuid PRIMARY KEY REFERENCES identity.projects (id) ON DELETE CASCADE,
    key_ciphertext bytea NOT NULL,
    key_last4      text NOT NULL CHECK (length(key_last4) <= 4),
    key_updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE workspace.project_agent_keys IS
    'The NeuronAgent API key of each project (profile), envelope-encrypted (context workspace.project_agent_keys.key:<project id>).';

ALTER TABLE workspace.project_agent_keys ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

CREATE POLICY project_agent_keys_select ON workspace.project_agent_keys FOR SELECT TO authenticated, service
    USING ((SELECT identity.is_platform_admin((SELECT identity.current_principal_id())))
           OR project_id = ANY ((SELECT identity.permitted_ids((SELECT identity.current_principal_id()),
                                                              'project', 'read',
                                                              (SELECT identity.current_api_key_id())))::uuid[]));

-- Written only by the definer functions below; read column by column, never the ciphertext.
GRANT SELECT (project_id, key_last4, key_updated_at) ON workspace.project_agent_keys
   TO authenticated, service;

-- Stores a project's agent API key (rights checked by the caller), audited.
-- SECURITY DEFINER: the key table and the encryption are the owner's.
CREATE FUNCTION workspace.store_project_agent_key(project_id uuid, key text)
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    org uuid;
BEGIN
    IF key IS NULL OR btrim(key) = '' THEN
        RAISE EXCEPTION 'agent_api_key must not be empty' USING ERRCODE = '22023', COLUMN = 'agent_api_key';
    END IF;
    IF length(key) > 8192 OR key ~ '[[:space:][:cntrl:]]' THEN
        RAISE EXCEPTION 'agent_api_key must be at most 8192 characters, without spaces or control characters'
            USING ERRCODE = '22023', COLUMN = 'agent_api_key';
    END IF;
    INSERT INTO workspace.project_agent_keys AS k (project_id, key_ciphertext, key_last4, key_updated_at)
    VALUES (store_project_agent_key.project_id,
            internal.envelope_seal(key, 'workspace.project_agent_keys.key:' || store_project_agent_key.project_id),
            right(key, 4), now())
    ON CONFLICT ON CONSTRAINT project_agent_keys_pkey DO UPDATE
       SET key_ciphertext = excluded.key_ciphertext, key_last4 = excluded.key_last4,
           key_updated_at = excluded.key_updated_at;
    SELECT s.org_id INTO org FROM identity.resource_scopes s
     WHERE s.resource_id = store_project_agent_key.project_id;
    PERFORM identity.audit('workspace.profile.agent_key_set', 'project', project_id::text, '{}',
                           org, project_id);
END
$$;
COMMENT ON FUNCTION workspace.store_project_agent_key(uuid, text) IS
    'Encrypt and store a project''s NeuronAgent API key (after the caller''s rights were checked), audited.';
REVOKE ALL ON FUNCTION workspace.store_project_agent_key(uuid, text) FROM PUBLIC;

-- The onboarding wizard's last step: the profile with its database, MCP server, agent and
-- agent key, all or nothing. Each field is checked first, with an error naming it.
-- SECURITY DEFINER: creates the project through api.create_project() and stores the key.
CREATE FUNCTION workspace.create_profile(name text, neurondb_dsn text DEFAULT NULL,
                                   mcp_config jsonb DEFAULT NULL,
                                   agent_endpoint text DEFAULT NULL,
                                   agent_api_key text DEFAULT NULL,
                                   org_id uuid DEFAULT NULL, description text DEFAULT NULL,
                                   metadata jsonb DEFAULT '{}')
RETURNS uuid
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    p uuid;
BEGIN
    PERFORM identity.require_caller();
    IF name IS NULL OR btrim(name) = '' THEN
        RAISE EXCEPTION 'name is required' USING ERRCODE = '22023', COLUMN = 'name';
    END IF;
    IF length(name) > 200 THEN
        RAISE EXCEPTION 'name must be at most 200 characters' USING ERRCODE = '22023', COLUMN = 'name';
    END IF;
    IF length(description) > 2000 THEN
        RAISE EXCEPTION 'description must be at most 2000 characters'
            USING ERRCODE = '22023', COLUMN = 'description';
    END IF;
    IF neurondb_dsn IS NOT NULL
       AND (length(neurondb_dsn) > 2048
            OR NOT (btrim(neurondb_dsn) ~* '^postgres(ql)?://'
                    OR btrim(neurondb_dsn) ~ '^[A-Za-z_]+\s*=')) THEN
        RAISE EXCEPTION 'neurondb_dsn must be a PostgreSQL connection string (postgresql://... or host=... dbname=...) of at most 2048 characters'
            USING ERRCODE = '22023', COLUMN = 'neurondb_dsn';
    END IF;
    IF mcp_config IS NOT NULL AND NOT identity.is_valid_mcp_config(mcp_config) THEN
        RAISE EXCEPTION 'mcp_config must be {"command": string, "args": [string], "env": {string: string}}'
            USING ERRCODE = '22023', COLUMN = 'mcp_config',
                  HINT = 'args and env are optional; no other key is allowed.';
    END IF;
    IF agent_endpoint IS NOT NULL
       AND (length(agent_endpoint) > 2048 OR agent_endpoint !~ '^https?://[^[:space:]/]+[^[:space:]]*$') THEN
        RAISE EXCEPTION 'agent_endpoint must be an http:// or https:// URL of at most 2048 characters'
            USING ERRCODE = '22023', COLUMN = 'agent_endpoint';
    END IF;
    IF agent_api_key IS NOT NULL AND agent_endpoint IS NULL THEN
        RAISE EXCEPTION 'agent_api_key needs an agent_endpoint'
            USING ERRCODE = '22023', COLUMN = 'agent_api_key';
    END IF;
    IF metadata IS NOT NULL AND jsonb_typeof(metadata) <> 'object' THEN
        RAISE EXCEPTION 'metadata must be a JSON object' USING ERRCODE = '22023', COLUMN = 'metadata';
    END IF;
    p := identity.create_project(btrim(name), org_id, description, btrim(neurondb_dsn), mcp_config,
                            agent_endpoint, coalesce(metadata, '{}'));
    IF agent_api_key IS NOT NULL THEN
        PERFORM workspace.store_project_agent_key(p, agent_api_key);
    END IF;
    RETURN p;
END
$$;
COMMENT ON FUNCTION workspace.create_profile(text,text,jsonb,text,text,uuid,text,jsonb) IS
    'What api.create_profile() does (see its comment there); only that endpoint calls it.';

-- SECURITY DEFINER: stores the key after checking write on the project.
CREATE FUNCTION workspace.set_profile_agent_key(project_id uuid, agent_api_key text)
RETURNS uuid
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    caller uuid := identity.require_caller();
    key_id uuid := identity.current_api_key_id();
BEGIN
    IF project_id IS NULL OR NOT identity.has_permission(caller, 'project', project_id, 'read', key_id) THEN
        RAISE EXCEPTION 'there is no project with id %', coalesce(project_id::text, 'null')
            USING ERRCODE = '42704', COLUMN = 'project_id';
    END IF;
    IF NOT identity.has_permission(caller, 'project', project_id, 'write', key_id) THEN
        RAISE EXCEPTION 'permission denied: write on project %', project_id USING ERRCODE = '42501';
    END IF;
    PERFORM workspace.store_project_agent_key(project_id, agent_api_key);
    RETURN set_profile_agent_key.project_id;
END
$$;
COMMENT ON FUNCTION workspace.set_profile_agent_key(uuid,text) IS
    'What api.set_profile_agent_key() does (see its comment there); only that endpoint calls it.';

-- The agent key in clear, for the worker that calls the agent; audited.
-- SECURITY DEFINER: decrypts with the owner's rights.
CREATE FUNCTION workspace.reveal_project_agent_key(project_id uuid)
RETURNS text
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    k workspace.project_agent_keys;
    org uuid;
BEGIN
    SELECT * INTO k FROM workspace.project_agent_keys x WHERE x.project_id = reveal_project_agent_key.project_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'project % has no agent API key', coalesce(project_id::text, 'null')
            USING ERRCODE = '42704';
    END IF;
    SELECT s.org_id INTO org FROM identity.resource_scopes s WHERE s.resource_id = k.project_id;
    PERFORM audit.record('workspace.profile.agent_key_revealed', 'success', 'project', k.project_id::text,
                         jsonb_build_object('by_role', session_user::text), NULL, NULL, org, k.project_id);
    RETURN internal.envelope_open(k.key_ciphertext, 'workspace.project_agent_keys.key:' || k.project_id);
END
$$;
COMMENT ON FUNCTION workspace.reveal_project_agent_key(uuid) IS
    'A project''s NeuronAgent API key in clear, for neuronplane_worker only; every call is audited.';
REVOKE ALL ON FUNCTION workspace.reveal_project_agent_key(uuid) FROM PUBLIC;

GRANT EXECUTE ON FUNCTION workspace.reveal_project_agent_key(uuid) TO neuronplane_worker;

RESET ROLE;

-- This change's secret columns, for workspace.rotate_secrets().
SET LOCAL ROLE neuronplane_owner;
INSERT INTO internal.secret_columns (name, table_name, column_name, context_sql) VALUES
    ('agent_api_keys', 'workspace.project_agent_keys', 'key_ciphertext', $$'workspace.project_agent_keys.key:' || project_id$$);
RESET ROLE;

COMMIT;
