-- Deploy neuronplane:workspace/llm_models to pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- Key writes and reveals use the catalogue's workspace.model_key.set / .revealed.
INSERT INTO audit.actions (action, description) VALUES
    ('workspace.llm_model.created',  'An LLM model was added to a project; details name the provider and model, never a key.'),
    ('workspace.llm_model.updated',  'An LLM model''s display name or configuration changed; details.changed lists the columns.'),
    ('workspace.llm_model.deleted',  'An LLM model (and its stored key) was deleted.'),
    ('workspace.secrets.rotated',    'Every stored secret was encrypted again under fresh data keys and the current master key; details has the counts per kind.');

-- The LLM models of a project and their provider keys. The key is stored only
-- envelope-encrypted (key_ciphertext, which no API role may select) and shown by its last
-- four characters. Each row is a resource of type "model" of its project, so rights on the
-- project (or the organization) reach it and policies can name one model.
CREATE TABLE workspace.llm_models (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id     uuid NOT NULL REFERENCES identity.projects (id) ON DELETE CASCADE,
    provider       text NOT NULL CHECK (provider IN ('openai', 'anthropic', 'huggingface', 'local')),
    model_name     text NOT NULL CHECK (btrim(model_name) = model_name AND model_name <> ''
                                        AND length(model_name) <= 200
                                        AND model_name !~ '[[:cntrl:]/]'),
    display_name   text CHECK (length(display_name) <= 200),
    config         jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(config) = 'object'),
    key_ciphertext bytea,
    key_last4      text CHECK (length(key_last4) <= 4),
    key_updated_at timestamptz,
    created_by     uuid,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT llm_models_project_model_name_key UNIQUE (project_id, model_name),
    CONSTRAINT llm_models_key_check CHECK ((key_ciphertext IS NULL) = (key_last4 IS NULL)
                                           AND (key_ciphertext IS NULL) = (key_updated_at IS NULL))
);
COMMENT ON TABLE workspace.llm_models IS
    'LLM models of a project (OpenAI, Anthropic, HuggingFace, local) with their provider key, stored envelope-encrypted; rows are resources of type model.';
COMMENT ON COLUMN workspace.llm_models.key_ciphertext IS
    'The provider key, envelope-encrypted (internal.envelope_seal, context workspace.llm_models.key:<id>); no API role may select it.';
COMMENT ON COLUMN workspace.llm_models.key_last4 IS 'The last four characters of the key, to recognise it.';

ALTER TABLE workspace.llm_models ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

-- A configuration is free-form, but it is no place for a key: a name that says it holds
-- a secret is refused (the key goes through set_llm_model_key, encrypted).
CREATE FUNCTION workspace.secret_config_keys(config jsonb)
RETURNS text[]
LANGUAGE sql
IMMUTABLE
PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT array_agg(k ORDER BY k) FROM jsonb_object_keys(CASE jsonb_typeof(config)
                                                           WHEN 'object' THEN config END) k
     WHERE k ~* '(^|[_.-])(api_?key|api_?token|access_?token|secret_?key|private_?key|key|secret|password|passwd|pwd|token|credentials?|auth|authorization|bearer)($|[_.-])'
$$;
COMMENT ON FUNCTION workspace.secret_config_keys(jsonb) IS
    'Keys of a model configuration whose name (or a _-. separated part of it) says it holds a secret: key, api_key, secret, password, token, credential, auth, bearer, ... (max_tokens or top_k are fine).';

-- Field-by-field checks with messages a person can act on (the CHECK constraints stay as
-- the last line of defence).
CREATE FUNCTION workspace.tg_llm_models__check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    bad text[];
BEGIN
    IF NEW.provider IS NULL OR NEW.provider NOT IN ('openai', 'anthropic', 'huggingface', 'local') THEN
        RAISE EXCEPTION 'provider must be openai, anthropic, huggingface or local'
            USING ERRCODE = '22023', COLUMN = 'provider';
    END IF;
    IF NEW.model_name IS NULL OR btrim(NEW.model_name) = '' THEN
        RAISE EXCEPTION 'model_name is required' USING ERRCODE = '22023', COLUMN = 'model_name';
    END IF;
    NEW.model_name := btrim(NEW.model_name);
    IF length(NEW.model_name) > 200 OR NEW.model_name ~ '[[:cntrl:]/]' THEN
        RAISE EXCEPTION 'model_name must be at most 200 characters, without "/" or control characters'
            USING ERRCODE = '22023', COLUMN = 'model_name';
    END IF;
    IF length(NEW.display_name) > 200 THEN
        RAISE EXCEPTION 'display_name must be at most 200 characters'
            USING ERRCODE = '22023', COLUMN = 'display_name';
    END IF;
    IF NEW.config IS NULL OR jsonb_typeof(NEW.config) <> 'object' THEN
        RAISE EXCEPTION 'config must be a JSON object' USING ERRCODE = '22023', COLUMN = 'config';
    END IF;
    bad := workspace.secret_config_keys(NEW.config);
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'config must not hold secrets: % looks like one',
                        left(array_to_string(bad, ', '), 200)
            USING ERRCODE = '22023', COLUMN = 'config',
                  HINT = 'Store the provider key with set_llm_model_key: it is kept encrypted.';
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.project_id IS DISTINCT FROM OLD.project_id THEN
        RAISE EXCEPTION 'an LLM model cannot move to another project'
            USING ERRCODE = '22023', COLUMN = 'project_id';
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION workspace.tg_llm_models__check() IS
    'Trigger: validates provider, model_name, display_name and config with messages naming the field (and never echoing a long value).';

-- Every change is audited, whether it came through a function or a plain PATCH/DELETE on
-- the view; details never carry the key (nor its ciphertext).
-- SECURITY DEFINER: reads the principals table to name the actor.
CREATE FUNCTION workspace.tg_llm_models__audit()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    r       workspace.llm_models;
    org     uuid;
    changed text[];
BEGIN
    IF TG_OP = 'DELETE' THEN
        r := OLD;
    ELSE
        r := NEW;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        SELECT array_agg(n.key ORDER BY n.key) INTO changed
          FROM jsonb_each(to_jsonb(NEW)) n JOIN jsonb_each(to_jsonb(OLD)) o USING (key)
         WHERE n.value IS DISTINCT FROM o.value
           AND n.key NOT IN ('updated_at', 'key_ciphertext', 'key_last4', 'key_updated_at');
        IF changed IS NULL THEN
            RETURN NULL;  -- a key change: audited as workspace.model_key.set / by the rotation
        END IF;
    END IF;
    SELECT s.org_id INTO org FROM identity.resource_scopes s WHERE s.resource_id = r.project_id;
    PERFORM identity.audit(
        'workspace.llm_model.' || CASE TG_OP WHEN 'INSERT' THEN 'created'
                                             WHEN 'UPDATE' THEN 'updated' ELSE 'deleted' END,
        'model', r.id::text,
        CASE WHEN changed IS NOT NULL THEN jsonb_build_object('changed', changed)
             ELSE jsonb_build_object('provider', r.provider, 'model_name', r.model_name) END,
        org, r.project_id);
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION workspace.tg_llm_models__audit() IS
    'Trigger: an audit event for each LLM model created, changed (not its key) or deleted.';

-- Who added the model: the caller, whatever the insert says.
CREATE FUNCTION workspace.tg_llm_models__created_by()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    NEW.created_by := identity.current_principal_id();
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION workspace.tg_llm_models__created_by() IS
    'Trigger: created_by is the principal of the request that inserts the model.';

CREATE TRIGGER llm_models_check BEFORE INSERT OR UPDATE ON workspace.llm_models
    FOR EACH ROW EXECUTE FUNCTION workspace.tg_llm_models__check();
CREATE TRIGGER llm_models_created_by BEFORE INSERT ON workspace.llm_models
    FOR EACH ROW EXECUTE FUNCTION workspace.tg_llm_models__created_by();
CREATE TRIGGER llm_models_set_updated_at BEFORE UPDATE ON workspace.llm_models
    FOR EACH ROW EXECUTE FUNCTION internal.tg_set_updated_at();
CREATE TRIGGER llm_models_scope AFTER INSERT OR UPDATE OR DELETE ON workspace.llm_models
    FOR EACH ROW EXECUTE FUNCTION identity.tg_resource__scope('model');
CREATE TRIGGER llm_models_audit AFTER INSERT OR UPDATE OR DELETE ON workspace.llm_models
    FOR EACH ROW EXECUTE FUNCTION workspace.tg_llm_models__audit();

-- Policies: reading needs read on the model (inherited from its project and organization);
-- adding needs write on the project; changing and deleting need write on the model.
CREATE POLICY llm_models_select ON workspace.llm_models FOR SELECT TO authenticated, service
    USING ((SELECT identity.is_platform_admin((SELECT identity.current_principal_id())))
           OR id = ANY ((SELECT identity.permitted_ids((SELECT identity.current_principal_id()),
                                                      'model', 'read',
                                                      (SELECT identity.current_api_key_id())))::uuid[]));
CREATE POLICY llm_models_insert ON workspace.llm_models FOR INSERT TO authenticated, service
    WITH CHECK (identity.has_permission((SELECT identity.current_principal_id()), 'project',
                                        project_id, 'write', (SELECT identity.current_api_key_id())));
CREATE POLICY llm_models_update ON workspace.llm_models FOR UPDATE TO authenticated, service
    USING ((SELECT identity.is_platform_admin((SELECT identity.current_principal_id())))
           OR id = ANY ((SELECT identity.permitted_ids((SELECT identity.current_principal_id()),
                                                      'model', 'read',
                                                      (SELECT identity.current_api_key_id())))::uuid[]))
    WITH CHECK (identity.has_permission((SELECT identity.current_principal_id()), 'model', id,
                                        'write', (SELECT identity.current_api_key_id())));
CREATE POLICY llm_models_delete ON workspace.llm_models FOR DELETE TO authenticated, service
    USING (identity.has_permission((SELECT identity.current_principal_id()), 'model', id,
                                   'write', (SELECT identity.current_api_key_id())));

CREATE INDEX llm_models_project_idx ON workspace.llm_models (project_id);

-- No API role may read key_ciphertext: SELECT is granted column by column.
GRANT USAGE ON SCHEMA workspace TO authenticated, service;
GRANT SELECT (id, project_id, provider, model_name, display_name, config, key_last4,
              key_updated_at, created_by, created_at, updated_at),
      INSERT (project_id, provider, model_name, display_name, config),
      UPDATE (display_name, config),
      DELETE
   ON workspace.llm_models TO authenticated, service;

-- Stores a key for a model the caller may write; shared by both set_llm_model_key forms.
-- SECURITY DEFINER: the ciphertext column and the encryption are the owner's.
CREATE FUNCTION workspace.store_llm_model_key(model workspace.llm_models, key text)
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
        RAISE EXCEPTION 'key is required' USING ERRCODE = '22023', COLUMN = 'key';
    END IF;
    IF length(key) > 8192 OR key ~ '[[:space:][:cntrl:]]' THEN
        RAISE EXCEPTION 'key must be at most 8192 characters, without spaces or control characters'
            USING ERRCODE = '22023', COLUMN = 'key',
                  HINT = 'Paste the key exactly as the provider shows it.';
    END IF;
    UPDATE workspace.llm_models m
       SET key_ciphertext = internal.envelope_seal(key, 'workspace.llm_models.key:' || m.id),
           key_last4 = right(key, 4),
           key_updated_at = now()
     WHERE m.id = model.id;
    SELECT s.org_id INTO org FROM identity.resource_scopes s WHERE s.resource_id = model.project_id;
    PERFORM identity.audit('workspace.model_key.set', 'model', model.id::text,
                           jsonb_build_object('provider', model.provider, 'model_name', model.model_name,
                                              'key_last4', right(key, 4)),
                           org, model.project_id);
END
$$;
COMMENT ON FUNCTION workspace.store_llm_model_key(workspace.llm_models, text) IS
    'Encrypt and store a model''s provider key (after the caller''s rights were checked), audited.';
REVOKE ALL ON FUNCTION workspace.store_llm_model_key(workspace.llm_models, text) FROM PUBLIC;

-- The model for a change by the caller: 42704 when it does not exist or the caller cannot
-- read it, 42501 when it can read but not write.
CREATE FUNCTION workspace.llm_model_for_write(model_id uuid)
RETURNS workspace.llm_models
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    caller uuid := identity.require_caller();
    key_id uuid := identity.current_api_key_id();
    m workspace.llm_models;
BEGIN
    SELECT * INTO m FROM workspace.llm_models x WHERE x.id = model_id;
    IF NOT FOUND OR NOT identity.has_permission(caller, 'model', model_id, 'read', key_id) THEN
        RAISE EXCEPTION 'there is no LLM model with id %', coalesce(model_id::text, 'null')
            USING ERRCODE = '42704', HINT = 'List the models of a project with GET /llm_models?project_id=eq.<id>.';
    END IF;
    IF NOT identity.has_permission(caller, 'model', model_id, 'write', key_id) THEN
        RAISE EXCEPTION 'permission denied: write on model %', model_id
            USING ERRCODE = '42501', HINT = 'Changing a model needs write on its project.';
    END IF;
    RETURN m;
END
$$;
COMMENT ON FUNCTION workspace.llm_model_for_write(uuid) IS
    'The model if the caller may write it; 42704 if missing or invisible, 42501 if read-only.';
REVOKE ALL ON FUNCTION workspace.llm_model_for_write(uuid) FROM PUBLIC;

-- SECURITY DEFINER: writes the audit event and returns the new row, which RLS would hide
-- from the inserting statement until its resource scope exists.
CREATE FUNCTION workspace.add_llm_model(project_id uuid, provider text, model_name text,
                                  display_name text DEFAULT NULL, config jsonb DEFAULT '{}',
                                  key text DEFAULT NULL)
RETURNS uuid
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    caller uuid := identity.require_caller();
    key_id uuid := identity.current_api_key_id();
    m workspace.llm_models;
BEGIN
    IF project_id IS NULL OR NOT identity.has_permission(caller, 'project', project_id, 'read', key_id) THEN
        RAISE EXCEPTION 'there is no project with id %', coalesce(project_id::text, 'null')
            USING ERRCODE = '42704', COLUMN = 'project_id';
    END IF;
    IF NOT identity.has_permission(caller, 'project', project_id, 'write', key_id) THEN
        RAISE EXCEPTION 'permission denied: adding a model needs write on project %', project_id
            USING ERRCODE = '42501';
    END IF;
    BEGIN
        INSERT INTO workspace.llm_models (project_id, provider, model_name, display_name, config)
        VALUES (add_llm_model.project_id, add_llm_model.provider, add_llm_model.model_name,
                add_llm_model.display_name, coalesce(add_llm_model.config, '{}'))
        RETURNING * INTO m;
    EXCEPTION WHEN unique_violation THEN
        RAISE EXCEPTION 'model_name "%" is already in this project', btrim(model_name)
            USING ERRCODE = '23505', COLUMN = 'model_name',
                  HINT = 'Set its key with set_llm_model_key, or delete it first.';
    END;
    IF key IS NOT NULL THEN
        PERFORM workspace.store_llm_model_key(m, key);
    END IF;
    RETURN m.id;
END
$$;
COMMENT ON FUNCTION workspace.add_llm_model(uuid,text,text,text,jsonb,text) IS
    'What api.add_llm_model() does (see its comment there); only that endpoint calls it.';

-- SECURITY DEFINER: see workspace.store_llm_model_key().
CREATE FUNCTION workspace.set_llm_model_key(model_id uuid, key text)
RETURNS uuid
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    m workspace.llm_models := workspace.llm_model_for_write(model_id);
BEGIN
    PERFORM workspace.store_llm_model_key(m, key);
    RETURN m.id;
END
$$;
COMMENT ON FUNCTION workspace.set_llm_model_key(uuid,text) IS
    'What api.set_llm_model_key() does (see its comment there); only that endpoint calls it.';

-- The seed's POST /profiles/{profile_id}/llm-models/{model_name}/key.
-- SECURITY DEFINER: see workspace.store_llm_model_key().
CREATE FUNCTION workspace.set_llm_model_key(project_id uuid, model_name text, key text)
RETURNS uuid
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_id uuid;
BEGIN
    -- Only in a project the caller can read: elsewhere no model exists (not even its id).
    IF identity.has_permission(identity.require_caller(), 'project', project_id, 'read',
                               identity.current_api_key_id()) THEN
        SELECT m.id INTO v_id FROM workspace.llm_models m
         WHERE m.project_id = set_llm_model_key.project_id
           AND m.model_name = btrim(set_llm_model_key.model_name);
    END IF;
    IF v_id IS NULL THEN
        RAISE EXCEPTION 'there is no LLM model "%" in project %', model_name, coalesce(project_id::text, 'null')
            USING ERRCODE = '42704', COLUMN = 'model_name';
    END IF;
    RETURN workspace.set_llm_model_key(v_id, key);
END
$$;
COMMENT ON FUNCTION workspace.set_llm_model_key(uuid,text,text) IS
    'What api.set_llm_model_key() does (see its comment there); only that endpoint calls it.';

-- The key in clear, for the worker that calls the provider on an agent's behalf. Only
-- neuronplane_worker may run it; with agent_id the agent must hold execute on the model.
-- Every call is audited.
-- SECURITY DEFINER: decrypts with the owner's rights after its own checks.
CREATE FUNCTION workspace.reveal_llm_model_key(model_id uuid, agent_id uuid DEFAULT NULL)
RETURNS text
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    m workspace.llm_models;
    org uuid;
    agent_type text;
BEGIN
    SELECT * INTO m FROM workspace.llm_models x WHERE x.id = model_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'there is no LLM model with id %', coalesce(model_id::text, 'null')
            USING ERRCODE = '42704';
    END IF;
    IF agent_id IS NOT NULL THEN
        SELECT p.type INTO agent_type FROM identity.principals p WHERE p.id = agent_id;
        IF agent_type IS DISTINCT FROM 'agent'
           OR NOT identity.has_permission(agent_id, 'model', model_id, 'execute') THEN
            RAISE EXCEPTION 'permission denied: agent % may not use model %', agent_id, model_id
                USING ERRCODE = '42501', HINT = 'The agent needs execute on the model or its project.';
        END IF;
    END IF;
    IF m.key_ciphertext IS NULL THEN
        RAISE EXCEPTION 'LLM model % has no key', model_id
            USING ERRCODE = '55000', HINT = 'Set one with set_llm_model_key.';
    END IF;
    SELECT s.org_id INTO org FROM identity.resource_scopes s WHERE s.resource_id = m.project_id;
    PERFORM audit.record('workspace.model_key.revealed', 'success', 'model', m.id::text,
                         jsonb_build_object('agent_id', agent_id, 'by_role', session_user::text,
                                            'model_name', m.model_name),
                         agent_id, CASE WHEN agent_id IS NOT NULL THEN 'agent' END, org, m.project_id);
    RETURN internal.envelope_open(m.key_ciphertext, 'workspace.llm_models.key:' || m.id);
END
$$;
COMMENT ON FUNCTION workspace.reveal_llm_model_key(uuid, uuid) IS
    'The provider key of an LLM model in clear, for neuronplane_worker only (with agent_id: the agent needs execute on the model); every call is audited.';

REVOKE ALL ON FUNCTION workspace.reveal_llm_model_key(uuid, uuid) FROM PUBLIC;
GRANT USAGE ON SCHEMA workspace TO neuronplane_worker;
GRANT EXECUTE ON FUNCTION workspace.reveal_llm_model_key(uuid, uuid) TO neuronplane_worker;
GRANT EXECUTE ON FUNCTION workspace.secret_config_keys(jsonb) TO authenticated, service;

RESET ROLE;

-- This change's secret columns, for workspace.rotate_secrets().
SET LOCAL ROLE neuronplane_owner;
INSERT INTO internal.secret_columns (name, table_name, column_name, context_sql) VALUES
    ('llm_model_keys', 'workspace.llm_models', 'key_ciphertext', $$'workspace.llm_models.key:' || id$$);
RESET ROLE;

COMMIT;
