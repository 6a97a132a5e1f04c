-- Verify neuronplane:api/ingest on pg

BEGIN;

SELECT id, project_id, dataset_id, dataset_name, if_exists, source_type, source, format,
       detected_format, options, embedding, index_config, has_credentials, status, phase,
       rows_done, rows_total, bytes_done, bytes_total, embed_done, embed_total, error, worker_id,
       attempt, heartbeat_at, started_at, finished_at, created_by, created_at, updated_at
  FROM api.ingest_jobs WHERE false;
SELECT id, project_id, name, target_schema, target_table, columns, row_count, embedding, indexes,
       created_by, created_at, updated_at
  FROM api.dataset_tables WHERE false;

DO $$
BEGIN
    ASSERT has_function_privilege('authenticated',
             'api.start_ingest(uuid, text, text, jsonb, text, jsonb, jsonb, jsonb, jsonb, text)', 'EXECUTE'),
           'authenticated starts ingestion';
    ASSERT NOT has_function_privilege('anon',
             'api.start_ingest(uuid, text, text, jsonb, text, jsonb, jsonb, jsonb, jsonb, text)', 'EXECUTE'),
           'anon must not start ingestion';
    ASSERT has_function_privilege('service', 'api.cancel_ingest(uuid)', 'EXECUTE'),
           'service cancels ingestion';
    ASSERT NOT has_table_privilege('anon', 'api.ingest_jobs', 'SELECT'), 'anon must not list jobs';
END
$$;

ROLLBACK;
