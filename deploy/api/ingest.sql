-- Deploy neuronplane:api/ingest to pg
-- requires: workspace/ingest_worker
-- requires: api/identity_functions

BEGIN;

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

-- Raises 22023 naming the offending key unless obj is a JSON object whose keys are all in
-- allowed.
CREATE FUNCTION workspace.check_keys(field text, obj jsonb, allowed text[])
RETURNS void
LANGUAGE plpgsql
IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    k text;
BEGIN
    IF obj IS NULL OR jsonb_typeof(obj) <> 'object' THEN
        RAISE EXCEPTION '% must be a JSON object', field USING ERRCODE = '22023';
    END IF;
    FOR k IN SELECT jsonb_object_keys(obj) LOOP
        IF NOT k = ANY (allowed) THEN
            RAISE EXCEPTION '%: unknown key "%"', field, k
                USING ERRCODE = '22023', HINT = 'Allowed: ' || array_to_string(allowed, ', ') || '.';
        END IF;
    END LOOP;
END
$$;
COMMENT ON FUNCTION workspace.check_keys(text, jsonb, text[]) IS
    'Raises 22023 naming field and key unless obj is an object with only allowed keys.';

-- A required non-empty string member, or 22023 naming it.
CREATE FUNCTION workspace.require_string(field text, obj jsonb, key text, pattern text DEFAULT NULL)
RETURNS text
LANGUAGE plpgsql
IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF jsonb_typeof(obj -> key) IS DISTINCT FROM 'string' OR btrim(obj ->> key) = '' THEN
        RAISE EXCEPTION '%.% is required (a non-empty string)', field, key USING ERRCODE = '22023';
    END IF;
    IF pattern IS NOT NULL AND (obj ->> key) !~ pattern THEN
        RAISE EXCEPTION '%.% is not valid', field, key
            USING ERRCODE = '22023', HINT = 'It must match ' || pattern;
    END IF;
    RETURN obj ->> key;
END
$$;
COMMENT ON FUNCTION workspace.require_string(text, jsonb, text, text) IS
    'obj->>key when it is a non-empty string (matching pattern, if given); 22023 naming field.key otherwise.';

-- Every argument of start_ingest checked, or a 22023 naming the field.
CREATE FUNCTION workspace.check_ingest_request(source_type text, source jsonb, format text,
                                               options jsonb, embedding jsonb,
                                               index_config jsonb, credentials jsonb)
RETURNS void
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    url_re constant text := '^https?://[^\s/?#]+([/?#]\S*)?$';
    v jsonb;
BEGIN
    IF source_type IS NULL OR source_type NOT IN ('upload', 'url', 's3', 'github', 'huggingface') THEN
        RAISE EXCEPTION 'source_type must be upload, url, s3, github or huggingface'
            USING ERRCODE = '22023';
    END IF;
    IF format IS NULL OR format NOT IN ('auto', 'csv', 'json', 'jsonl', 'parquet') THEN
        RAISE EXCEPTION 'format must be auto, csv, json, jsonl or parquet' USING ERRCODE = '22023';
    END IF;
    CASE source_type
    WHEN 'upload' THEN
        PERFORM workspace.check_keys('source', source, ARRAY['upload_id']);
        PERFORM workspace.require_string('source', source, 'upload_id',
                                         '^[0-9a-fA-F-]{36}$');
    WHEN 'url' THEN
        PERFORM workspace.check_keys('source', source, ARRAY['url']);
        PERFORM workspace.require_string('source', source, 'url', url_re);
    WHEN 's3' THEN
        PERFORM workspace.check_keys('source', source, ARRAY['bucket', 'key', 'region', 'endpoint_url']);
        PERFORM workspace.require_string('source', source, 'bucket', '^[A-Za-z0-9._-]{1,255}$');
        PERFORM workspace.require_string('source', source, 'key');
        IF source ? 'region' THEN
            PERFORM workspace.require_string('source', source, 'region', '^[a-z0-9-]{1,40}$');
        END IF;
        IF source ? 'endpoint_url' THEN
            PERFORM workspace.require_string('source', source, 'endpoint_url', url_re);
        END IF;
    WHEN 'github' THEN
        PERFORM workspace.check_keys('source', source, ARRAY['repo', 'path', 'ref']);
        PERFORM workspace.require_string('source', source, 'repo', '^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$');
        PERFORM workspace.require_string('source', source, 'path', '^[^\s]+$');
        IF source ? 'ref' THEN
            PERFORM workspace.require_string('source', source, 'ref', '^[A-Za-z0-9_./-]+$');
        END IF;
    WHEN 'huggingface' THEN
        PERFORM workspace.check_keys('source', source, ARRAY['dataset', 'path', 'split', 'revision']);
        PERFORM workspace.require_string('source', source, 'dataset', '^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)?$');
        IF NOT (source ? 'path' OR source ? 'split') THEN
            RAISE EXCEPTION 'source.path or source.split is required for huggingface'
                USING ERRCODE = '22023';
        END IF;
        IF source ? 'path' THEN
            PERFORM workspace.require_string('source', source, 'path', '^[^\s]+$');
        END IF;
        IF source ? 'split' THEN
            PERFORM workspace.require_string('source', source, 'split', '^[A-Za-z0-9_.-]+$');
        END IF;
        IF source ? 'revision' THEN
            PERFORM workspace.require_string('source', source, 'revision', '^[A-Za-z0-9_./-]+$');
        END IF;
    END CASE;

    PERFORM workspace.check_keys('options', options,
                                 ARRAY['delimiter', 'header', 'encoding', 'quote', 'null',
                                       'column_mapping']);
    IF options ? 'delimiter' THEN
        PERFORM workspace.require_string('options', options, 'delimiter', '^[^\r\n"]$');
    END IF;
    IF options ? 'quote' THEN
        PERFORM workspace.require_string('options', options, 'quote', '^[^\r\n]$');
    END IF;
    IF options ? 'header' AND jsonb_typeof(options -> 'header') <> 'boolean' THEN
        RAISE EXCEPTION 'options.header must be true or false' USING ERRCODE = '22023';
    END IF;
    IF options ? 'null' AND jsonb_typeof(options -> 'null') <> 'string' THEN
        RAISE EXCEPTION 'options.null must be a string' USING ERRCODE = '22023';
    END IF;
    IF options ? 'encoding' AND (jsonb_typeof(options -> 'encoding') <> 'string'
                                 OR pg_catalog.pg_char_to_encoding(options ->> 'encoding') < 0) THEN
        RAISE EXCEPTION 'options.encoding is not an encoding PostgreSQL knows'
            USING ERRCODE = '22023', HINT = 'For example UTF8, LATIN1, WIN1252.';
    END IF;
    IF options ? 'column_mapping' THEN
        IF jsonb_typeof(options -> 'column_mapping') <> 'object' THEN
            RAISE EXCEPTION 'options.column_mapping must be an object {source column: new name}'
                USING ERRCODE = '22023';
        END IF;
        FOR v IN SELECT value FROM jsonb_each(options -> 'column_mapping') LOOP
            IF jsonb_typeof(v) <> 'string' THEN
                RAISE EXCEPTION 'options.column_mapping values must be strings' USING ERRCODE = '22023';
            END IF;
        END LOOP;
    END IF;

    IF embedding IS NOT NULL THEN
        PERFORM workspace.check_keys('embedding', embedding, ARRAY['model', 'text_columns', 'batch_size']);
        PERFORM workspace.require_string('embedding', embedding, 'model');
        IF jsonb_typeof(embedding -> 'text_columns') IS DISTINCT FROM 'array'
           OR jsonb_array_length(embedding -> 'text_columns') = 0
           OR EXISTS (SELECT FROM jsonb_array_elements(embedding -> 'text_columns') e
                       WHERE jsonb_typeof(e) <> 'string') THEN
            RAISE EXCEPTION 'embedding.text_columns must be a non-empty array of column names'
                USING ERRCODE = '22023';
        END IF;
        IF embedding ? 'batch_size' AND (jsonb_typeof(embedding -> 'batch_size') <> 'number'
                                         OR (embedding ->> 'batch_size')::numeric NOT BETWEEN 1 AND 4096) THEN
            RAISE EXCEPTION 'embedding.batch_size must be a number from 1 to 4096' USING ERRCODE = '22023';
        END IF;
    END IF;

    PERFORM workspace.check_keys('index_config', index_config, ARRAY['btree', 'fulltext', 'hnsw']);
    FOREACH v IN ARRAY ARRAY[index_config -> 'btree', index_config -> 'fulltext'] LOOP
        IF v IS NOT NULL AND (jsonb_typeof(v) <> 'array' OR EXISTS (
                SELECT FROM jsonb_array_elements(v) e WHERE jsonb_typeof(e) <> 'string')) THEN
            RAISE EXCEPTION 'index_config.btree and index_config.fulltext must be arrays of column names'
                USING ERRCODE = '22023';
        END IF;
    END LOOP;
    IF index_config ? 'hnsw' AND jsonb_typeof(index_config -> 'hnsw') <> 'boolean' THEN
        RAISE EXCEPTION 'index_config.hnsw must be true or false' USING ERRCODE = '22023';
    END IF;

    IF credentials IS NOT NULL THEN
        CASE source_type
        WHEN 's3' THEN
            PERFORM workspace.check_keys('credentials', credentials,
                                         ARRAY['access_key_id', 'secret_access_key', 'session_token']);
            PERFORM workspace.require_string('credentials', credentials, 'access_key_id');
            PERFORM workspace.require_string('credentials', credentials, 'secret_access_key');
        WHEN 'github', 'huggingface', 'url' THEN
            PERFORM workspace.check_keys('credentials', credentials, ARRAY['token']);
            PERFORM workspace.require_string('credentials', credentials, 'token');
        ELSE
            RAISE EXCEPTION 'credentials are not used with source_type %', source_type
                USING ERRCODE = '22023';
        END CASE;
    END IF;
END
$$;
COMMENT ON FUNCTION workspace.check_ingest_request(text, jsonb, text, jsonb, jsonb, jsonb, jsonb) IS
    'Validates the arguments of api.start_ingest(); 22023 naming the field otherwise.';

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
    caller  uuid := identity.require_caller();
    v_id    uuid := gen_random_uuid();
    up      workspace.ingest_uploads;
    result  api.ingest_jobs;
BEGIN
    IF project_id IS NULL OR NOT EXISTS (SELECT FROM identity.projects p WHERE p.id = start_ingest.project_id) THEN
        RAISE EXCEPTION 'project % does not exist', coalesce(project_id::text, 'null')
            USING ERRCODE = '42704';
    END IF;
    PERFORM identity.require_permission('project', project_id, 'write');
    IF dataset_name IS NULL OR btrim(dataset_name) = '' OR length(dataset_name) > 200 THEN
        RAISE EXCEPTION 'dataset_name is required (1 to 200 characters)' USING ERRCODE = '22023';
    END IF;
    IF if_exists IS NULL OR if_exists NOT IN ('fail', 'replace') THEN
        RAISE EXCEPTION 'if_exists must be fail or replace' USING ERRCODE = '22023';
    END IF;
    PERFORM workspace.check_ingest_request(source_type, source, format, coalesce(options, '{}'),
                                           embedding, coalesce(index_config, '{}'), credentials);
    IF if_exists = 'fail' AND EXISTS (
        SELECT FROM identity.datasets d
         WHERE d.project_id = start_ingest.project_id AND lower(d.name) = lower(dataset_name)) THEN
        RAISE EXCEPTION 'a dataset named "%" already exists in this project', dataset_name
            USING ERRCODE = '23505', HINT = 'Choose another dataset_name, or if_exists => replace.';
    END IF;
    IF if_exists = 'replace' THEN
        -- Replacing a dataset is writing it.
        PERFORM identity.require_permission('dataset', d.id, 'write')
           FROM identity.datasets d
          WHERE d.project_id = start_ingest.project_id AND lower(d.name) = lower(dataset_name);
    END IF;
    IF source_type = 'upload' THEN
        SELECT * INTO up FROM workspace.ingest_uploads u
         WHERE u.id = (source ->> 'upload_id')::uuid AND u.job_id IS NULL
           AND u.created_at > now() - interval '1 day'
           FOR UPDATE;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'upload % does not exist or was used already', source ->> 'upload_id'
                USING ERRCODE = '42704', HINT = 'Send the file to the glue''s POST /ingest/upload.';
        END IF;
    END IF;
    PERFORM workspace.ensure_dataset_schema(project_id);

    INSERT INTO workspace.ingest_jobs (id, project_id, dataset_name, if_exists, source_type,
                                       source, format, options, embedding, index_config,
                                       credentials_secret, created_by)
    VALUES (v_id, project_id, btrim(dataset_name), if_exists, source_type, source, format,
            coalesce(options, '{}'), embedding, coalesce(index_config, '{}'),
            CASE WHEN credentials IS NOT NULL THEN
                internal.encrypt_secret(credentials::text, 'workspace.ingest_jobs.credentials:' || v_id)
            END,
            caller);
    IF up.id IS NOT NULL THEN
        UPDATE workspace.ingest_uploads u SET job_id = v_id WHERE u.id = up.id;
    END IF;
    PERFORM identity.audit('workspace.ingest.started', 'project', project_id::text,
                           jsonb_build_object('job_id', v_id, 'dataset_name', dataset_name,
                                              'source_type', source_type, 'format', format),
                           NULL, project_id);
    PERFORM pg_catalog.pg_notify('neuronplane_ingest', v_id::text);
    SELECT * INTO result FROM api.ingest_jobs j WHERE j.id = v_id;
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
    caller uuid := identity.require_caller();
    j      workspace.ingest_jobs;
    result api.ingest_jobs;
BEGIN
    SELECT * INTO j FROM workspace.ingest_jobs x WHERE x.id = cancel_ingest.id FOR UPDATE;
    IF NOT FOUND OR NOT identity.has_permission(caller, 'project', j.project_id, 'read',
                                                identity.current_api_key_id()) THEN
        RAISE EXCEPTION 'ingest job % does not exist', coalesce(id::text, 'null')
            USING ERRCODE = '42704';
    END IF;
    IF j.created_by IS DISTINCT FROM caller THEN
        PERFORM identity.require_permission('project', j.project_id, 'write');
    END IF;
    IF j.status NOT IN ('queued', 'running') THEN
        -- PT409: PostgREST answers 409 Conflict.
        RAISE EXCEPTION 'ingest job % has already finished (%)', id, j.status
            USING ERRCODE = 'PT409';
    END IF;
    UPDATE workspace.ingest_jobs x
       SET status = 'cancelled', finished_at = now(), phase = NULL,
           error = 'cancelled'
     WHERE x.id = j.id;
    PERFORM identity.audit('workspace.ingest.cancelled', 'project', j.project_id::text,
                           jsonb_build_object('job_id', j.id, 'was', j.status), NULL, j.project_id);
    PERFORM pg_catalog.pg_notify('neuronplane_ingest', j.id::text);
    SELECT * INTO result FROM api.ingest_jobs x WHERE x.id = j.id;
    RETURN result;
END
$$;
COMMENT ON FUNCTION api.cancel_ingest(uuid) IS
$$Cancel a queued or running ingestion job (its starter, or anyone with write on the project); a running load stops within seconds and leaves no table. Errors: 42704 unknown job, 42501, PT409 (HTTP 409) already finished.$$;

GRANT SELECT ON api.ingest_jobs, api.dataset_tables TO authenticated, service;
GRANT EXECUTE ON FUNCTION
    api.start_ingest(uuid, text, text, jsonb, text, jsonb, jsonb, jsonb, jsonb, text),
    api.cancel_ingest(uuid)
  TO authenticated, service;

COMMIT;
