-- Revert neuronplane:workspace/ingest_details from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- A view cannot lose a column through CREATE OR REPLACE: api/ingest's view is made again,
-- with its comments and grants.
DROP VIEW api.ingest_jobs;
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
GRANT SELECT ON api.ingest_jobs TO authenticated, service;

DROP FUNCTION workspace.note_ingest(uuid, integer, jsonb);
REVOKE SELECT (details) ON workspace.ingest_jobs FROM authenticated, service;
ALTER TABLE workspace.ingest_jobs DROP COLUMN details;

COMMIT;
