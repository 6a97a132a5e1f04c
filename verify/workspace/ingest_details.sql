-- Verify neuronplane:workspace/ingest_details on pg

BEGIN;

SELECT details FROM workspace.ingest_jobs WHERE false;
SELECT j.id, api.details(j) FROM api.ingest_jobs j WHERE false;
SELECT 1/count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'workspace.note_ingest(uuid, integer, jsonb)'::regprocedure AND prosecdef;

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

ROLLBACK;
