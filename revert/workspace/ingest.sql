-- Revert neuronplane:workspace/ingest from pg

BEGIN;

DELETE FROM internal.secret_columns WHERE name IN ('ingest_credentials');

-- The dataset schemas this change created (ds_<project>, owned by neuronplane_owner) go
-- with it; their tables are the datasets' data.
DO $$
DECLARE
    s name;
BEGIN
    FOR s IN SELECT n.nspname FROM pg_catalog.pg_namespace n
              WHERE n.nspname ~ '^ds_[0-9a-f]{32}$'
                AND n.nspowner = 'neuronplane_owner'::regrole LOOP
        EXECUTE format('DROP SCHEMA %I CASCADE', s);
    END LOOP;
END
$$;
REVOKE USAGE ON SCHEMA workspace FROM authenticated, service, neuronplane_worker;
ALTER TABLE workspace.ingest_uploads DROP CONSTRAINT ingest_uploads_job_id_fkey;
DO $$
BEGIN
    EXECUTE format('REVOKE CREATE ON DATABASE %I FROM neuronplane_owner', current_database());
END
$$;
DELETE FROM audit.actions
 WHERE action IN ('workspace.ingest.succeeded', 'workspace.ingest.failed');

SET LOCAL ROLE neuronplane_owner;

DROP TABLE workspace.ingest_workers;
DROP TABLE workspace.ingest_jobs;
DROP TABLE workspace.ingest_uploads;
DROP TABLE workspace.datasets;
DROP TABLE workspace.ingest_settings;
DROP FUNCTION workspace.check_ingest_request(text,jsonb,text,jsonb,jsonb,jsonb,jsonb);
DROP FUNCTION workspace.require_string(text,jsonb,text,text);
DROP FUNCTION workspace.check_keys(text,jsonb,text[]);
DROP FUNCTION workspace.tg_datasets__drop_table();
DROP FUNCTION workspace.ensure_dataset_schema(uuid);
DROP FUNCTION workspace.dataset_schema(uuid);
DROP FUNCTION workspace.sanitize_identifier(text,text);

COMMIT;
