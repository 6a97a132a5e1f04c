-- Verify neuronplane:auth/cookie_requests on pg

BEGIN;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'hooks.authenticate_cookie_request(text, text, text)'::regprocedure AND prosecdef;

DO $$
BEGIN
    ASSERT (SELECT NOT prosecdef FROM pg_catalog.pg_proc WHERE oid = 'hooks.pre_request()'::regprocedure),
           'hooks.pre_request() must stay SECURITY INVOKER';
    ASSERT pg_catalog.pg_get_functiondef('hooks.pre_request()'::regprocedure) LIKE '%np_access%',
           'hooks.pre_request() does not read the np_access cookie';
    ASSERT has_function_privilege('anon', 'hooks.authenticate_cookie_request(text, text, text)', 'EXECUTE');
    ASSERT NOT has_function_privilege('neuronplane_worker', 'hooks.authenticate_cookie_request(text, text, text)', 'EXECUTE');
END
$$;

ROLLBACK;
