-- Deploy neuronplane:workspace/ingest to pg

BEGIN;

-- Each project's dataset tables live in a schema of their own, created on its first job by
-- definer functions running as neuronplane_owner.
DO $$
BEGIN
    EXECUTE format('GRANT CREATE ON DATABASE %I TO neuronplane_owner', current_database());
END
$$;

SET LOCAL ROLE neuronplane_owner;

-- workspace.ingest.started and .cancelled are in the catalogue since audit/events.
INSERT INTO audit.actions (action, description) VALUES
    ('workspace.ingest.succeeded', 'A dataset ingestion job published its table; details: job_id, rows, table.'),
    ('workspace.ingest.failed',    'A dataset ingestion job failed; details: job_id and the error (never credentials).');

-- Tuning of the workers, one row.
CREATE TABLE workspace.ingest_settings (
    id            boolean PRIMARY KEY DEFAULT true CHECK (id),
    stale_after   interval NOT NULL DEFAULT '30 seconds'
                  CHECK (stale_after >= '1 second' AND stale_after <= '1 day'),
    max_attempts  integer NOT NULL DEFAULT 3 CHECK (max_attempts BETWEEN 1 AND 100),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE workspace.ingest_settings IS
    'Ingestion tuning (one row): a running job whose heartbeat is older than stale_after is taken over by another worker, at most max_attempts times.';
INSERT INTO workspace.ingest_settings DEFAULT VALUES;

-- A dataset's table: same id as its identity.datasets row (principal and project
-- resource), so has_permission(..., 'dataset', id, ...) decides who reads it.
CREATE TABLE workspace.datasets (
    id             uuid PRIMARY KEY REFERENCES identity.datasets (id) ON DELETE CASCADE,
    project_id     uuid NOT NULL REFERENCES identity.projects (id) ON DELETE CASCADE,
    name           text NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 200),
    target_schema  name NOT NULL,
    target_table   name NOT NULL,
    columns        jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(columns) = 'array'),
    row_count      bigint CHECK (row_count >= 0),
    embedding      jsonb,
    indexes        jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(indexes) = 'array'),
    created_by     uuid REFERENCES identity.principals (id) ON DELETE SET NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (target_schema, target_table)
);
COMMENT ON TABLE workspace.datasets IS
    'Loaded datasets: where the table lives (target_schema.target_table), its columns and row count. Deleting the row drops the table.';
CREATE INDEX datasets_project_idx ON workspace.datasets (project_id);

CREATE TABLE workspace.ingest_uploads (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    path        text NOT NULL CHECK (path ~ '^/'),
    filename    text,
    size_bytes  bigint NOT NULL CHECK (size_bytes >= 0),
    job_id      uuid,
    created_at  timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE workspace.ingest_uploads IS
    'Files the glue received through POST /ingest/upload; a job names one by id, never by path, and each is used once.';

CREATE TABLE workspace.ingest_jobs (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id         uuid NOT NULL REFERENCES identity.projects (id) ON DELETE CASCADE,
    dataset_id         uuid REFERENCES workspace.datasets (id) ON DELETE SET NULL,
    dataset_name       text NOT NULL CHECK (btrim(dataset_name) <> '' AND length(dataset_name) <= 200),
    if_exists          text NOT NULL DEFAULT 'fail' CHECK (if_exists IN ('fail', 'replace')),
    source_type        text NOT NULL CHECK (source_type IN ('upload', 'url', 's3', 'github', 'huggingface')),
    source             jsonb NOT NULL CHECK (jsonb_typeof(source) = 'object'),
    format             text NOT NULL DEFAULT 'auto' CHECK (format IN ('auto', 'csv', 'json', 'jsonl', 'parquet')),
    detected_format    text CHECK (detected_format IN ('csv', 'json', 'jsonl', 'parquet')),
    options            jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(options) = 'object'),
    embedding          jsonb CHECK (embedding IS NULL OR jsonb_typeof(embedding) = 'object'),
    index_config       jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(index_config) = 'object'),
    credentials_secret bytea,
    has_credentials    boolean GENERATED ALWAYS AS (credentials_secret IS NOT NULL) STORED,
    status             text NOT NULL DEFAULT 'queued'
                       CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    phase              text CHECK (phase IN ('download', 'load', 'embed', 'index', 'publish')),
    rows_done          bigint NOT NULL DEFAULT 0 CHECK (rows_done >= 0),
    rows_total         bigint CHECK (rows_total >= 0),
    bytes_done         bigint NOT NULL DEFAULT 0 CHECK (bytes_done >= 0),
    bytes_total        bigint CHECK (bytes_total >= 0),
    embed_done         bigint NOT NULL DEFAULT 0 CHECK (embed_done >= 0),
    embed_total        bigint CHECK (embed_total >= 0),
    error              text,
    worker_id          uuid,
    attempt            integer NOT NULL DEFAULT 0,
    heartbeat_at       timestamptz,
    started_at         timestamptz,
    finished_at        timestamptz,
    created_by         uuid REFERENCES identity.principals (id) ON DELETE SET NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CHECK ((status IN ('succeeded', 'failed', 'cancelled')) = (finished_at IS NOT NULL)),
    details jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(details) = 'object')
);
COMMENT ON COLUMN workspace.ingest_jobs.details IS
    'What the worker decided while reading the source: restarts of the load and why, missing-value markers, compression, byte order mark.';
COMMENT ON TABLE workspace.ingest_jobs IS
    'Dataset ingestion jobs: what to load from where, and the progress the worker reports. credentials_secret is AES-256-GCM encrypted and never leaves the database except to the worker.';
CREATE INDEX ingest_jobs_project_idx ON workspace.ingest_jobs (project_id, created_at DESC);
CREATE INDEX ingest_jobs_claim_idx ON workspace.ingest_jobs (created_at)
    WHERE status IN ('queued', 'running');
CREATE INDEX ingest_jobs_dataset_idx ON workspace.ingest_jobs (dataset_id);

ALTER TABLE workspace.ingest_uploads
    ADD FOREIGN KEY (job_id) REFERENCES workspace.ingest_jobs (id) ON DELETE SET NULL;

CREATE TABLE workspace.ingest_workers (
    worker_id       uuid PRIMARY KEY,
    hostname        text NOT NULL,
    pid             integer NOT NULL,
    started_at      timestamptz NOT NULL DEFAULT now(),
    heartbeat_at    timestamptz NOT NULL DEFAULT now(),
    current_job_id  uuid REFERENCES workspace.ingest_jobs (id) ON DELETE SET NULL,
    jobs_done       bigint NOT NULL DEFAULT 0,
    stopped_at      timestamptz
);
COMMENT ON TABLE workspace.ingest_workers IS
    'Ingestion workers and their heartbeats (connections with application_name neuronplane-ingest-worker).';

CREATE TRIGGER ingest_settings_set_updated_at BEFORE UPDATE ON workspace.ingest_settings
    FOR EACH ROW EXECUTE FUNCTION internal.tg_set_updated_at();
CREATE TRIGGER datasets_set_updated_at BEFORE UPDATE ON workspace.datasets
    FOR EACH ROW EXECUTE FUNCTION internal.tg_set_updated_at();
CREATE TRIGGER ingest_jobs_set_updated_at BEFORE UPDATE ON workspace.ingest_jobs
    FOR EACH ROW EXECUTE FUNCTION internal.tg_set_updated_at();

-- A name made safe for an identifier: lower case ASCII letters, digits and underscores, not
-- starting with a digit or an underscore, at most 50 bytes, never a system column's name.
-- Quoting with format('%I') remains the rule wherever it is used.
CREATE FUNCTION workspace.sanitize_identifier(raw text, fallback text)
RETURNS text
LANGUAGE sql
IMMUTABLE
PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT CASE
             WHEN s = '' THEN fallback
             WHEN s ~ '^[0-9]' THEN left('c_' || s, 50)
             WHEN s IN ('ctid', 'xmin', 'xmax', 'cmin', 'cmax', 'tableoid', 'oid') THEN s || '_'
             ELSE s
           END
      FROM (SELECT left(btrim(regexp_replace(lower(coalesce(raw, '')), '[^a-z0-9]+', '_', 'g'),
                              '_'), 50) AS s) x
$$;
COMMENT ON FUNCTION workspace.sanitize_identifier(text, text) IS
    'A safe identifier: [a-z0-9_], not starting with a digit or underscore, at most 50 bytes; fallback when nothing is left.';

-- The schema that holds a project's dataset tables.
CREATE FUNCTION workspace.dataset_schema(project_id uuid)
RETURNS name
LANGUAGE sql
IMMUTABLE
PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT ('ds_' || replace(project_id::text, '-', ''))::name
$$;
COMMENT ON FUNCTION workspace.dataset_schema(uuid) IS
    'The name of the schema of a project''s dataset tables: ds_<project id without dashes>.';

-- Creates the project's dataset schema when missing. Runs as its owner (called from
-- definer functions only): API roles and the worker get USAGE, tables get their own grants.
CREATE FUNCTION workspace.ensure_dataset_schema(project_id uuid)
RETURNS name
LANGUAGE plpgsql
VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    s name := workspace.dataset_schema(project_id);
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_namespace WHERE nspname = s) THEN
        -- Two first jobs of a project at once: one creates, the other waits and finds it.
        PERFORM pg_catalog.pg_advisory_xact_lock(hashtext('workspace.ensure_dataset_schema'));
        IF NOT EXISTS (SELECT FROM pg_catalog.pg_namespace WHERE nspname = s) THEN
            EXECUTE format('CREATE SCHEMA %I', s);
            EXECUTE format('COMMENT ON SCHEMA %I IS %L', s,
                           'Dataset tables of project ' || project_id);
            EXECUTE format('GRANT USAGE ON SCHEMA %I TO authenticated, service, neuronplane_worker', s);
        END IF;
    END IF;
    RETURN s;
END
$$;
COMMENT ON FUNCTION workspace.ensure_dataset_schema(uuid) IS
    'Creates ds_<project> (owned by neuronplane_owner, USAGE for the API roles and the worker) if missing.';

-- Deleting a dataset drops its table.
-- SECURITY DEFINER: the table belongs to neuronplane_owner, whoever deletes the dataset.
CREATE FUNCTION workspace.tg_datasets__drop_table()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    EXECUTE format('DROP TABLE IF EXISTS %I.%I', OLD.target_schema, OLD.target_table);
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION workspace.tg_datasets__drop_table() IS
    'Trigger: drops a dataset''s table with its row.';
CREATE TRIGGER datasets_drop_table AFTER DELETE ON workspace.datasets
    FOR EACH ROW EXECUTE FUNCTION workspace.tg_datasets__drop_table();

ALTER TABLE workspace.ingest_settings ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE workspace.datasets ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE workspace.ingest_uploads ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE workspace.ingest_jobs ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE workspace.ingest_workers ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

-- Datasets: whoever may read the dataset. Jobs: whoever may read the project.
-- Everything else happens through the definer functions of workspace/ingest_worker and
-- api/ingest (the worker role has no table rights at all).
CREATE POLICY datasets_select ON workspace.datasets FOR SELECT TO authenticated, service
    USING ((SELECT identity.is_platform_admin((SELECT identity.current_principal_id())))
           OR id = ANY ((SELECT identity.permitted_ids((SELECT identity.current_principal_id()),
                                                      'dataset', 'read',
                                                      (SELECT identity.current_api_key_id())))::uuid[]));
CREATE POLICY ingest_jobs_select ON workspace.ingest_jobs FOR SELECT TO authenticated, service
    USING ((SELECT identity.is_platform_admin((SELECT identity.current_principal_id())))
           OR project_id = ANY ((SELECT identity.permitted_ids((SELECT identity.current_principal_id()),
                                                              'project', 'read',
                                                              (SELECT identity.current_api_key_id())))::uuid[]));
CREATE POLICY ingest_settings_select ON workspace.ingest_settings FOR SELECT TO authenticated, service
    USING ((SELECT identity.is_platform_admin((SELECT identity.current_principal_id()))));
CREATE POLICY ingest_workers_select ON workspace.ingest_workers FOR SELECT TO authenticated, service
    USING ((SELECT identity.is_platform_admin((SELECT identity.current_principal_id()))));
-- Upload paths are for the glue and the worker, through definer functions: no API role
-- reads them.
CREATE POLICY ingest_uploads_select ON workspace.ingest_uploads FOR SELECT TO neuronplane_owner
    USING (true);

GRANT USAGE ON SCHEMA workspace TO authenticated, service, neuronplane_worker;
GRANT SELECT ON workspace.datasets, workspace.ingest_settings, workspace.ingest_workers
   TO authenticated, service;
-- Every column but the encrypted credentials.
GRANT SELECT (id, project_id, dataset_id, dataset_name, if_exists, source_type, source, format,
              has_credentials, detected_format, options, embedding, index_config, status, phase, rows_done,
              rows_total, bytes_done, bytes_total, embed_done, embed_total, error, worker_id,
              attempt, heartbeat_at, started_at, finished_at, created_by, created_at, updated_at)
   ON workspace.ingest_jobs TO authenticated, service;
GRANT EXECUTE ON FUNCTION workspace.sanitize_identifier(text, text), workspace.dataset_schema(uuid)
   TO authenticated, service, neuronplane_worker;




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

RESET ROLE;

-- This change's secret columns, for workspace.rotate_secrets().
SET LOCAL ROLE neuronplane_owner;
INSERT INTO internal.secret_columns (name, table_name, column_name, context_sql) VALUES
    ('ingest_credentials', 'workspace.ingest_jobs', 'credentials_secret', $$'workspace.ingest_jobs.credentials:' || id$$);
RESET ROLE;

COMMIT;
