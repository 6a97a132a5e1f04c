-- Deploy neuronplane:workspace/llm_models to pg
-- requires: workspace/envelope
-- requires: identity/row_security
-- requires: identity/manage
-- requires: identity/resource_scopes
-- requires: audit/record
-- requires: roles

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- Key writes and reveals use the catalogue's workspace.model_key.set / .revealed.
INSERT INTO audit.actions (action, description) VALUES
    ('workspace.llm_model.created',  'An LLM model was added to a project; details name the provider and model, never a key.'),
    ('workspace.llm_model.updated',  'An LLM model''s display name or configuration changed; details.changed lists the columns.'),
    ('workspace.llm_model.deleted',  'An LLM model (and its stored key) was deleted.'),
    ('workspace.secrets.rotated',    'Stored workspace secrets were encrypted again under fresh data keys and the current master key; details has the counts.');

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
        RAISE EXCEPTION 'provider must be openai, anthropic, huggingface or local, not "%"',
                        coalesce(NEW.provider, 'null')
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
        RAISE EXCEPTION 'config must not hold secrets: % looks like one', array_to_string(bad, ', ')
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
    'Trigger: validates provider, model_name, display_name and config with messages naming the field.';

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

-- The API -------------------------------------------------------------------------------------

CREATE VIEW api.llm_models WITH (security_invoker = true) AS
SELECT m.id, m.project_id, m.provider, m.model_name, m.display_name, m.config,
       m.key_last4 IS NOT NULL AS has_key, m.key_last4, m.key_updated_at, m.created_by,
       m.created_at, m.updated_at
  FROM workspace.llm_models m;
COMMENT ON VIEW api.llm_models IS
$$LLM models of the projects (profiles) you may read; filter with ?project_id=eq.<id>. Add with POST /rpc/add_llm_model (or POST here with Prefer: return=minimal; needs write on the project); PATCH display_name or config and DELETE need write on the model. Keys are set with /rpc/set_llm_model_key and never shown, only their last four characters.$$;
COMMENT ON COLUMN api.llm_models.id IS 'Model id.';
COMMENT ON COLUMN api.llm_models.project_id IS 'The project (profile) it belongs to.';
COMMENT ON COLUMN api.llm_models.provider IS 'openai, anthropic, huggingface or local.';
COMMENT ON COLUMN api.llm_models.model_name IS 'The provider''s model name, unique in the project (e.g. gpt-4o).';
COMMENT ON COLUMN api.llm_models.display_name IS 'Name shown to people.';
COMMENT ON COLUMN api.llm_models.config IS 'Free-form JSON object (base URL, temperature, ...); no secrets.';
COMMENT ON COLUMN api.llm_models.has_key IS 'True when a provider key is stored.';
COMMENT ON COLUMN api.llm_models.key_last4 IS 'The last four characters of the stored key.';
COMMENT ON COLUMN api.llm_models.key_updated_at IS 'When the key was last set.';
COMMENT ON COLUMN api.llm_models.created_by IS 'The principal that added the model.';
COMMENT ON COLUMN api.llm_models.created_at IS 'When it was added.';
COMMENT ON COLUMN api.llm_models.updated_at IS 'When it last changed.';

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
CREATE FUNCTION api.add_llm_model(project_id uuid, provider text, model_name text,
                                  display_name text DEFAULT NULL, config jsonb DEFAULT '{}',
                                  key text DEFAULT NULL)
RETURNS api.llm_models
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    caller uuid := identity.require_caller();
    key_id uuid := identity.current_api_key_id();
    m workspace.llm_models;
    result api.llm_models;
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
    SELECT * INTO result FROM api.llm_models x WHERE x.id = m.id;
    RETURN result;
END
$$;
COMMENT ON FUNCTION api.add_llm_model(uuid, text, text, text, jsonb, text) IS
$$Add an LLM model to a project (needs write on it), optionally with its provider key (stored encrypted). Errors: 42704 unknown project, 42501, 22023 invalid field (named), 23505 model_name taken.$$;

-- SECURITY DEFINER: see workspace.store_llm_model_key().
CREATE FUNCTION api.set_llm_model_key(model_id uuid, key text)
RETURNS api.llm_models
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    m workspace.llm_models := workspace.llm_model_for_write(model_id);
    result api.llm_models;
BEGIN
    PERFORM workspace.store_llm_model_key(m, key);
    SELECT * INTO result FROM api.llm_models x WHERE x.id = m.id;
    RETURN result;
END
$$;
COMMENT ON FUNCTION api.set_llm_model_key(uuid, text) IS
$$Store (or replace) the provider key of an LLM model, envelope-encrypted; the answer shows only its last four characters. Needs write on the model. Errors: 42704, 42501, 22023 bad key.$$;

-- The seed's POST /profiles/{profile_id}/llm-models/{model_name}/key.
-- SECURITY DEFINER: see workspace.store_llm_model_key().
CREATE FUNCTION api.set_llm_model_key(project_id uuid, model_name text, key text)
RETURNS api.llm_models
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
    RETURN api.set_llm_model_key(v_id, key);
END
$$;
COMMENT ON FUNCTION api.set_llm_model_key(uuid, text, text) IS
$$Store the provider key of the model named model_name in a project (as the desktop's POST .../llm-models/{model_name}/key). Errors: 42704, 42501, 22023 bad key.$$;

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
GRANT EXECUTE ON FUNCTION api.add_llm_model(uuid, text, text, text, jsonb, text),
                          api.set_llm_model_key(uuid, text),
                          api.set_llm_model_key(uuid, text, text)
   TO authenticated, service;
GRANT SELECT, INSERT, UPDATE, DELETE ON api.llm_models TO authenticated, service;

COMMIT;
