-- Verify neuronplane:api/workspace on pg

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

SELECT 1/count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'api.count_ingest_workers()'::regprocedure AND prosecdef AND provolatile = 's';

DO $$
BEGIN
    ASSERT has_function_privilege('authenticated', 'api.count_ingest_workers()', 'EXECUTE'),
           'job owners may ask whether a worker runs';
    ASSERT has_function_privilege('service', 'api.count_ingest_workers()', 'EXECUTE'),
           'API keys and service accounts may ask whether a worker runs';
    ASSERT NOT has_function_privilege('anon', 'api.count_ingest_workers()', 'EXECUTE'),
           'anon must not';
END
$$;

SELECT j.id, api.details(j) FROM api.ingest_jobs j WHERE false;

DO $$
BEGIN
    ASSERT has_function_privilege('neuronplane_worker', 'workspace.note_ingest(uuid, integer, jsonb)', 'EXECUTE'),
           'the worker notes what it decided';
    ASSERT NOT has_function_privilege('authenticated', 'workspace.note_ingest(uuid, integer, jsonb)', 'EXECUTE'),
           'API roles must not write a job''s details';
    ASSERT NOT has_function_privilege('service', 'workspace.note_ingest(uuid, integer, jsonb)', 'EXECUTE'),
           'API roles must not write a job''s details';
    ASSERT has_function_privilege('authenticated', 'api.details(api.ingest_jobs)', 'EXECUTE'),
           'job readers see the details';
    ASSERT NOT has_function_privilege('anon', 'api.details(api.ingest_jobs)', 'EXECUTE'),
           'anon must not read details';
    ASSERT has_column_privilege('service', 'workspace.ingest_jobs', 'details', 'SELECT'),
           'the view is security_invoker: its readers need the column';
    ASSERT NOT has_column_privilege('authenticated', 'workspace.ingest_jobs', 'details', 'UPDATE'),
           'API roles must not write a job''s details';
    ASSERT NOT has_table_privilege('anon', 'api.ingest_jobs', 'SELECT'), 'anon must not list jobs';
END
$$;

SELECT id, project_id, provider, model_name, display_name, config, has_key, key_last4,
       key_updated_at, created_by, created_at, updated_at
  FROM api.llm_models WHERE false;

SELECT 1/count(*) FROM pg_catalog.pg_proc
 WHERE oid IN ('api.add_llm_model(uuid, text, text, text, jsonb, text)'::regprocedure,
               'api.set_llm_model_key(uuid, text)'::regprocedure,
               'api.set_llm_model_key(uuid, text, text)'::regprocedure,
               'workspace.reveal_llm_model_key(uuid, uuid)'::regprocedure);

DO $$
BEGIN
    ASSERT (SELECT relrowsecurity AND relforcerowsecurity FROM pg_catalog.pg_class
             WHERE oid = 'workspace.llm_models'::regclass),
           'workspace.llm_models must have forced row level security';
    ASSERT has_column_privilege('authenticated', 'workspace.llm_models', 'key_last4', 'SELECT')
       AND NOT has_column_privilege('authenticated', 'workspace.llm_models', 'key_ciphertext', 'SELECT')
       AND NOT has_column_privilege('service', 'workspace.llm_models', 'key_ciphertext', 'SELECT')
       AND NOT has_column_privilege('neuronplane_worker', 'workspace.llm_models', 'key_ciphertext', 'SELECT'),
           'no API or worker role may select key_ciphertext';
    ASSERT has_function_privilege('neuronplane_worker', 'workspace.reveal_llm_model_key(uuid, uuid)', 'EXECUTE')
       AND NOT has_function_privilege('authenticated', 'workspace.reveal_llm_model_key(uuid, uuid)', 'EXECUTE')
       AND NOT has_function_privilege('service', 'workspace.reveal_llm_model_key(uuid, uuid)', 'EXECUTE')
       AND NOT has_function_privilege('anon', 'workspace.reveal_llm_model_key(uuid, uuid)', 'EXECUTE'),
           'only neuronplane_worker may reveal a model key';
    ASSERT NOT has_function_privilege('anon', 'api.set_llm_model_key(uuid, text)', 'EXECUTE'),
           'anon may not set keys';
END
$$;

SELECT 1/count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'api.authorize_onboarding_probe(text, text)'::regprocedure;

DO $$
BEGIN
    ASSERT has_function_privilege('authenticated', 'api.authorize_onboarding_probe(text, text)', 'EXECUTE')
       AND NOT has_function_privilege('anon', 'api.authorize_onboarding_probe(text, text)', 'EXECUTE'),
           'authenticated callers may ask, anonymous ones may not';
END
$$;

SELECT id, org_id, user_id, name, description, neurondb_dsn, has_dsn_password, mcp_config,
       agent_endpoint, has_agent_api_key, agent_api_key_last4, metadata, created_at, updated_at
  FROM api.profiles WHERE false;

SELECT 1/count(*) FROM pg_catalog.pg_proc
 WHERE oid IN ('api.create_profile(text, text, jsonb, text, text, uuid, text, jsonb)'::regprocedure,
               'api.set_profile_agent_key(uuid, text)'::regprocedure,
               'workspace.reveal_project_agent_key(uuid)'::regprocedure);

ROLLBACK;
