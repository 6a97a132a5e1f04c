-- Deploy neuronplane:workspace/ingest to pg
-- requires: identity/registries
-- requires: identity/row_security
-- requires: identity/manage
-- requires: internal/secrets
-- requires: audit/record
-- requires: roles
-- requires: schemas

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
    CHECK ((status IN ('succeeded', 'failed', 'cancelled')) = (finished_at IS NOT NULL))
);
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

COMMIT;
