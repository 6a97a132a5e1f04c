-- Deploy neuronplane:api/workspace to pg

BEGIN;

-- Endpoints: each is a thin wrapper over the area function that holds its rule, and the only
-- thing the API roles may call. SECURITY DEFINER, so that the area functions need no grant
-- to any API role; every area function runs as neuronplane_owner either way.

SET LOCAL ROLE neuronplane_owner;

CREATE VIEW api.ingest_jobs WITH (security_invoker = true) AS
SELECT j.id, j.project_id, j.dataset_id, j.dataset_name, j.if_exists, j.source_type, j.source,
       j.format, j.detected_format, j.options, j.embedding, j.index_config,
       j.has_credentials,
       j.status, j.phase, j.rows_done, j.rows_total, j.bytes_done, j.bytes_total,
       j.embed_done, j.embed_total, j.error, j.worker_id, j.attempt, j.heartbeat_at,
       j.started_at, j.finished_at, j.created_by, j.created_at, j.updated_at
  FROM workspace.ingest_jobs j;
COMMENT ON VIEW api.ingest_jobs IS
$$Dataset ingestion jobs of the projects you may read, newest first with ?order=created_at.desc; one job: ?id=eq.<id>. Start with /rpc/start_ingest, cancel with /rpc/cancel_ingest.$$;
COMMENT ON COLUMN api.ingest_jobs.id IS 'Job id.';
COMMENT ON COLUMN api.ingest_jobs.project_id IS 'The project the dataset belongs to.';
COMMENT ON COLUMN api.ingest_jobs.dataset_id IS 'The dataset, once the job succeeded (see api.dataset_tables).';
COMMENT ON COLUMN api.ingest_jobs.dataset_name IS 'Name of the dataset to create or replace.';
COMMENT ON COLUMN api.ingest_jobs.if_exists IS 'fail (default) or replace, when a dataset of that name exists.';
COMMENT ON COLUMN api.ingest_jobs.source_type IS 'upload, url, s3, github or huggingface.';
COMMENT ON COLUMN api.ingest_jobs.source IS 'Where the data comes from (upload_id, url, bucket/key, repo/path, dataset/split); never credentials.';
COMMENT ON COLUMN api.ingest_jobs.format IS 'Requested format: auto, csv, json, jsonl or parquet.';
COMMENT ON COLUMN api.ingest_jobs.detected_format IS 'The format the worker read.';
COMMENT ON COLUMN api.ingest_jobs.options IS 'delimiter, header, encoding, quote, null, column_mapping.';
COMMENT ON COLUMN api.ingest_jobs.embedding IS 'Auto-embedding: {"model", "text_columns"}, or null.';
COMMENT ON COLUMN api.ingest_jobs.index_config IS 'Indexes to create: {"btree": [columns], "fulltext": [columns], "hnsw": boolean}.';
COMMENT ON COLUMN api.ingest_jobs.has_credentials IS 'Whether credentials were given (they are stored encrypted and never shown).';
COMMENT ON COLUMN api.ingest_jobs.status IS 'queued, running, succeeded, failed or cancelled.';
COMMENT ON COLUMN api.ingest_jobs.phase IS 'While running: download, load, embed, index or publish.';
COMMENT ON COLUMN api.ingest_jobs.rows_done IS 'Rows read so far (exact once succeeded).';
COMMENT ON COLUMN api.ingest_jobs.rows_total IS 'Rows in all, when known.';
COMMENT ON COLUMN api.ingest_jobs.bytes_done IS 'Bytes of the source read so far.';
COMMENT ON COLUMN api.ingest_jobs.bytes_total IS 'Size of the source, when known.';
COMMENT ON COLUMN api.ingest_jobs.embed_done IS 'Rows embedded so far (embedding phase).';
COMMENT ON COLUMN api.ingest_jobs.embed_total IS 'Rows to embed.';
COMMENT ON COLUMN api.ingest_jobs.error IS 'Why the job failed, naming the line or column when the data was at fault.';
COMMENT ON COLUMN api.ingest_jobs.worker_id IS 'The worker running (or that last ran) the job.';
COMMENT ON COLUMN api.ingest_jobs.attempt IS 'How many times a worker started it (more than 1 after a worker died).';
COMMENT ON COLUMN api.ingest_jobs.heartbeat_at IS 'The worker''s last progress report.';
COMMENT ON COLUMN api.ingest_jobs.started_at IS 'When a worker first took it.';
COMMENT ON COLUMN api.ingest_jobs.finished_at IS 'When it succeeded, failed or was cancelled.';
COMMENT ON COLUMN api.ingest_jobs.created_by IS 'Who started it.';
COMMENT ON COLUMN api.ingest_jobs.created_at IS 'When it was queued.';
COMMENT ON COLUMN api.ingest_jobs.updated_at IS 'When it last changed.';

CREATE VIEW api.dataset_tables WITH (security_invoker = true) AS
SELECT d.id, d.project_id, d.name, d.target_schema, d.target_table, d.columns, d.row_count,
       d.embedding, d.indexes, d.created_by, d.created_at, d.updated_at
  FROM workspace.datasets d;
COMMENT ON VIEW api.dataset_tables IS
$$Loaded datasets you may read and where their tables are (schema ds_<project>, readable by those with read on the dataset). Delete a dataset (and its table) through api.datasets.$$;
COMMENT ON COLUMN api.dataset_tables.id IS 'Dataset id (as in api.datasets).';
COMMENT ON COLUMN api.dataset_tables.project_id IS 'The project.';
COMMENT ON COLUMN api.dataset_tables.name IS 'Dataset name.';
COMMENT ON COLUMN api.dataset_tables.target_schema IS 'Schema of the table.';
COMMENT ON COLUMN api.dataset_tables.target_table IS 'Table name (sanitized from the dataset name).';
COMMENT ON COLUMN api.dataset_tables.columns IS 'Columns: [{"name", "type", "source"}].';
COMMENT ON COLUMN api.dataset_tables.row_count IS 'Rows loaded.';
COMMENT ON COLUMN api.dataset_tables.embedding IS 'The embedding column''s model, type and source columns, if any.';
COMMENT ON COLUMN api.dataset_tables.indexes IS 'Indexes created: [{"name", "kind", "column"}].';
COMMENT ON COLUMN api.dataset_tables.created_by IS 'Who loaded it.';
COMMENT ON COLUMN api.dataset_tables.created_at IS 'When it was first loaded.';
COMMENT ON COLUMN api.dataset_tables.updated_at IS 'When it was last loaded.';

GRANT SELECT ON api.ingest_jobs, api.dataset_tables TO authenticated, service;


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
    new_id uuid := workspace.add_llm_model(project_id, provider, model_name, display_name, config, key);
    result api.llm_models;
BEGIN
    SELECT * INTO result FROM api.llm_models x WHERE x.id = new_id;
    RETURN result;
END
$$;
COMMENT ON FUNCTION api.add_llm_model(uuid, text, text, text, jsonb, text) IS
$$Add an LLM model to a project (needs write on it), optionally with its provider key (stored encrypted). Errors: 42704 unknown project, 42501, 22023 invalid field (named), 23505 model_name taken.$$;

CREATE FUNCTION api.set_llm_model_key(model_id uuid, key text)
RETURNS api.llm_models
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    new_id uuid := workspace.set_llm_model_key(model_id, key);
    result api.llm_models;
BEGIN
    SELECT * INTO result FROM api.llm_models x WHERE x.id = new_id;
    RETURN result;
END
$$;
COMMENT ON FUNCTION api.set_llm_model_key(uuid, text) IS
$$Store (or replace) the provider key of an LLM model, envelope-encrypted; the answer shows only its last four characters. Needs write on the model. Errors: 42704, 42501, 22023 bad key.$$;

CREATE FUNCTION api.set_llm_model_key(project_id uuid, model_name text, key text)
RETURNS api.llm_models
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    new_id uuid := workspace.set_llm_model_key(project_id, model_name, key);
    result api.llm_models;
BEGIN
    SELECT * INTO result FROM api.llm_models x WHERE x.id = new_id;
    RETURN result;
END
$$;
COMMENT ON FUNCTION api.set_llm_model_key(uuid, text, text) IS
$$Store the provider key of the model named model_name in a project (as the desktop's POST .../llm-models/{model_name}/key). Errors: 42704, 42501, 22023 bad key.$$;

CREATE VIEW api.profiles WITH (security_invoker = true) AS
SELECT p.id, p.org_id, p.user_id, p.name, p.description, p.neurondb_dsn,
       p.neurondb_dsn_secret IS NOT NULL AS has_dsn_password,
       p.mcp_config, p.agent_endpoint,
       k.project_id IS NOT NULL AS has_agent_api_key, k.key_last4 AS agent_api_key_last4,
       p.metadata, p.created_at, p.updated_at
  FROM identity.projects p
  LEFT JOIN workspace.project_agent_keys k ON k.project_id = p.id;
COMMENT ON VIEW api.profiles IS
$$The desktop's profiles: the projects you may read with their NeuronDB connection, MCP server and agent, and whether an agent API key is stored (only its last four characters are shown). Create with POST /rpc/create_profile; change the project through /projects.$$;
COMMENT ON COLUMN api.profiles.id IS 'Project (profile) id.';
COMMENT ON COLUMN api.profiles.org_id IS 'Owning organization, if any.';
COMMENT ON COLUMN api.profiles.user_id IS 'Owning user, if any (a personal profile).';
COMMENT ON COLUMN api.profiles.name IS 'Name, unique per owner (case-insensitive).';
COMMENT ON COLUMN api.profiles.description IS 'Free text.';
COMMENT ON COLUMN api.profiles.neurondb_dsn IS 'NeuronDB connection string, without its password.';
COMMENT ON COLUMN api.profiles.has_dsn_password IS 'True when a password for the DSN is stored (encrypted).';
COMMENT ON COLUMN api.profiles.mcp_config IS 'MCP server: {"command": "...", "args": [...], "env": {...}}.';
COMMENT ON COLUMN api.profiles.agent_endpoint IS 'NeuronAgent base URL (http or https).';
COMMENT ON COLUMN api.profiles.has_agent_api_key IS 'True when a NeuronAgent API key is stored (encrypted).';
COMMENT ON COLUMN api.profiles.agent_api_key_last4 IS 'The last four characters of the stored agent API key.';
COMMENT ON COLUMN api.profiles.metadata IS 'Free-form JSON object.';
COMMENT ON COLUMN api.profiles.created_at IS 'When it was created.';
COMMENT ON COLUMN api.profiles.updated_at IS 'When it last changed.';

CREATE FUNCTION api.create_profile(name text, neurondb_dsn text DEFAULT NULL,
                                   mcp_config jsonb DEFAULT NULL,
                                   agent_endpoint text DEFAULT NULL,
                                   agent_api_key text DEFAULT NULL,
                                   org_id uuid DEFAULT NULL, description text DEFAULT NULL,
                                   metadata jsonb DEFAULT '{}')
RETURNS api.profiles
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    new_id uuid := workspace.create_profile(name, neurondb_dsn, mcp_config, agent_endpoint, agent_api_key, org_id, description, metadata);
    result api.profiles;
BEGIN
    SELECT * INTO result FROM api.profiles x WHERE x.id = new_id;
    RETURN result;
END
$$;
COMMENT ON FUNCTION api.create_profile(text, text, jsonb, text, text, uuid, text, jsonb) IS
$$Create a profile (project) in one transaction: NeuronDB connection string (its password stored encrypted), MCP configuration, NeuronAgent endpoint and API key (stored envelope-encrypted; only its last four characters are shown). In an organization with org_id (needs write on it), else your own. Errors: 22023 invalid field (named in the message), 42501, 23505 name taken.$$;

CREATE FUNCTION api.set_profile_agent_key(project_id uuid, agent_api_key text)
RETURNS api.profiles
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    new_id uuid := workspace.set_profile_agent_key(project_id, agent_api_key);
    result api.profiles;
BEGIN
    SELECT * INTO result FROM api.profiles x WHERE x.id = new_id;
    RETURN result;
END
$$;
COMMENT ON FUNCTION api.set_profile_agent_key(uuid, text) IS
$$Store (or replace) a profile's NeuronAgent API key, envelope-encrypted; needs write on the project. Errors: 42704, 42501, 22023.$$;

CREATE FUNCTION api.authorize_onboarding_probe(kind text, target text)
RETURNS jsonb
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT workspace.authorize_onboarding_probe(kind, target)
$$;
COMMENT ON FUNCTION api.authorize_onboarding_probe(text, text) IS
$$For the glue: may the caller have the glue test a connection (kind database or agent) to target (host:port or a URL without credentials)? Any authenticated, active principal may; each probe is audited. Returns {"principal_id"}. Errors: 28000 anonymous, 42501 disabled, 22023 bad kind or target.$$;


-- A computed field of api.ingest_jobs (GET /ingest_jobs?select=*,details) rather than a new
-- column of the view: the view's row type is the return type of api.start_ingest() and
-- api.cancel_ingest(), so a column added to it could not be taken away again on revert.
CREATE FUNCTION api.details(job api.ingest_jobs)
RETURNS jsonb
LANGUAGE sql
STABLE
AS $$
    SELECT j.details FROM workspace.ingest_jobs j WHERE j.id = job.id
$$;
COMMENT ON FUNCTION api.details(api.ingest_jobs) IS
$$What the worker decided while reading the job's source; ask for it with GET /ingest_jobs?select=*,details. {"restarts": [{"column", "from", "to", "reason"}]} when a value beyond the sample did not fit its column and the load started again with a wider type; {"missing_values": {"marker", "columns", "source"}} when a marker such as NA was read as NULL (source: detected or options.null); {"compression": "gzip"|"bzip2"|"xz"|"zstd"}; {"byte_order_mark": true}; {"json_member": name} when a JSON object's one array member was read.$$;

CREATE FUNCTION api.start_ingest(project_id uuid, dataset_name text, source_type text,
                                 source jsonb, format text DEFAULT 'auto',
                                 options jsonb DEFAULT '{}', embedding jsonb DEFAULT NULL,
                                 index_config jsonb DEFAULT '{}', credentials jsonb DEFAULT NULL,
                                 if_exists text DEFAULT 'fail')
RETURNS api.ingest_jobs
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    new_id uuid := workspace.start_ingest(project_id, dataset_name, source_type, source, format, options, embedding, index_config, credentials, if_exists);
    result api.ingest_jobs;
BEGIN
    SELECT * INTO result FROM api.ingest_jobs j WHERE j.id = new_id;
    RETURN result;
END
$$;
COMMENT ON FUNCTION api.start_ingest(uuid, text, text, jsonb, text, jsonb, jsonb, jsonb, jsonb, text) IS
$$Queue the ingestion of a dataset into the project (needs write on it; replacing a dataset needs write on the dataset). source by source_type: upload {"upload_id"} (from the glue's POST /ingest/upload), url {"url"}, s3 {"bucket", "key", "region"?, "endpoint_url"?}, github {"repo": "owner/name", "path", "ref"?}, huggingface {"dataset", "path" or "split", "revision"?}. credentials (stored encrypted, never shown): s3 {"access_key_id", "secret_access_key", "session_token"?}; github, huggingface, url {"token"}. options: delimiter, header, encoding, quote, null, column_mapping. embedding: {"model", "text_columns", "batch_size"?}. index_config: {"btree": [...], "fulltext": [...], "hnsw": bool}. Errors: 28000, 42501, 42704 project or upload missing, 22023 invalid field (named), 23505 dataset exists.$$;

CREATE FUNCTION api.cancel_ingest(id uuid)
RETURNS api.ingest_jobs
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    new_id uuid := workspace.cancel_ingest(id);
    result api.ingest_jobs;
BEGIN
    SELECT * INTO result FROM api.ingest_jobs x WHERE x.id = new_id;
    RETURN result;
END
$$;
COMMENT ON FUNCTION api.cancel_ingest(uuid) IS
$$Cancel a queued or running ingestion job (its starter, or anyone with write on the project); a running load stops within seconds and leaves no table. Errors: 42704 unknown job, 42501, PT409 (HTTP 409) already finished.$$;

CREATE FUNCTION api.count_ingest_workers()
RETURNS integer
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT workspace.count_ingest_workers()
$$;
COMMENT ON FUNCTION api.count_ingest_workers() IS
$$The number of ingestion workers that heartbeated within workspace.ingest_settings.stale_after and have not stopped. 0 while jobs are queued: no worker is running (start one with `neuronplane worker`).$$;

GRANT SELECT, INSERT, UPDATE, DELETE ON api.llm_models TO authenticated, service;
GRANT EXECUTE ON FUNCTION api.add_llm_model(uuid, text, text, text, jsonb, text),
                          api.set_llm_model_key(uuid, text),
                          api.set_llm_model_key(uuid, text, text)
   TO authenticated, service;
GRANT SELECT ON api.profiles TO authenticated, service;
GRANT EXECUTE ON FUNCTION api.create_profile(text, text, jsonb, text, text, uuid, text, jsonb),
                          api.set_profile_agent_key(uuid, text)
   TO authenticated, service;
GRANT EXECUTE ON FUNCTION api.authorize_onboarding_probe(text, text) TO authenticated, service;
REVOKE ALL ON FUNCTION api.details(api.ingest_jobs) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.details(api.ingest_jobs) TO authenticated, service;
GRANT EXECUTE ON FUNCTION
    api.start_ingest(uuid, text, text, jsonb, text, jsonb, jsonb, jsonb, jsonb, text),
    api.cancel_ingest(uuid)
  TO authenticated, service;
GRANT EXECUTE ON FUNCTION api.count_ingest_workers() TO authenticated, service;

RESET ROLE;

COMMIT;
