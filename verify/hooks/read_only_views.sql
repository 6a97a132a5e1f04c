-- Verify neuronplane:hooks/read_only_views on pg

BEGIN;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'hooks.refuse_read_only_view_write()'::regprocedure;

DO $$
BEGIN
    ASSERT pg_get_functiondef('hooks.pre_request()'::regprocedure) LIKE '%hooks.refuse_read_only_view_write()%',
        'the pre-request hook must refuse writes to read-only views';
    ASSERT has_function_privilege('anon', 'hooks.refuse_read_only_view_write()', 'EXECUTE');
END
$$;

ROLLBACK;
