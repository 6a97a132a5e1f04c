-- Verify neuronplane:auth/read_only_refusal on pg

BEGIN;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid IN ('auth.require_read_write(text)'::regprocedure,
               'hooks.refuse_read_only_write()'::regprocedure);

DO $$
BEGIN
    ASSERT pg_get_functiondef('hooks.pre_request()'::regprocedure) LIKE '%hooks.refuse_read_only_write()%',
        'the pre-request hook must refuse writes in read-only transactions';
    ASSERT pg_get_functiondef('api.login(text, text)'::regprocedure) LIKE '%auth.require_read_write(''api.login'')%',
        'api.login must refuse a read-only transaction';
    ASSERT has_function_privilege('anon', 'hooks.refuse_read_only_write()', 'EXECUTE');
    ASSERT NOT has_function_privilege('anon', 'auth.require_read_write(text)', 'EXECUTE');
END
$$;

ROLLBACK;
