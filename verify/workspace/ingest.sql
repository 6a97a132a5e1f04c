-- Verify neuronplane:workspace/ingest on pg

BEGIN;

SELECT id, stale_after, max_attempts, created_at, updated_at FROM workspace.ingest_settings WHERE false;

SELECT id, project_id, name, target_schema, target_table, columns, row_count, embedding, indexes,
       created_by, created_at, updated_at
  FROM workspace.datasets WHERE false;

SELECT id, path, filename, size_bytes, job_id, created_at FROM workspace.ingest_uploads WHERE false;

SELECT id, project_id, dataset_id, dataset_name, if_exists, source_type, source, format,
       detected_format, options, embedding, index_config, credentials_secret, has_credentials, status, phase,
       rows_done, rows_total, bytes_done, bytes_total, embed_done, embed_total, error, worker_id,
       attempt, heartbeat_at, started_at, finished_at, created_by, created_at, updated_at
  FROM workspace.ingest_jobs WHERE false;

SELECT worker_id, hostname, pid, started_at, heartbeat_at, current_job_id, jobs_done, stopped_at
  FROM workspace.ingest_workers WHERE false;

DO $$
BEGIN
    ASSERT workspace.sanitize_identifier('x"; drop table y', 'f') = 'x_drop_table_y',
           'sanitize_identifier must keep only [a-z0-9_]';
    ASSERT workspace.sanitize_identifier('1st', 'f') = 'c_1st', 'a leading digit gets a prefix';
    ASSERT (SELECT bool_and(relrowsecurity AND relforcerowsecurity) FROM pg_catalog.pg_class
             WHERE oid IN ('workspace.ingest_settings'::regclass, 'workspace.datasets'::regclass,
                           'workspace.ingest_uploads'::regclass, 'workspace.ingest_jobs'::regclass,
                           'workspace.ingest_workers'::regclass)),
           'the ingestion tables must have forced row level security';
    ASSERT NOT has_column_privilege('authenticated', 'workspace.ingest_jobs', 'credentials_secret', 'SELECT'),
           'the encrypted credentials must not be readable by API roles';
    ASSERT has_column_privilege('authenticated', 'workspace.ingest_jobs', 'status', 'SELECT'),
           'the API roles read jobs (RLS filters them)';
    ASSERT NOT has_table_privilege('neuronplane_worker', 'workspace.ingest_jobs', 'SELECT'),
           'the worker reads jobs only through its functions';
    ASSERT has_database_privilege('neuronplane_owner', current_database(), 'CREATE'),
           'the owner creates the dataset schemas';
    ASSERT (SELECT count(*) FROM audit.actions WHERE action LIKE 'workspace.ingest.%') = 4,
           'the ingest audit actions must be catalogued';
END
$$;

ROLLBACK;
