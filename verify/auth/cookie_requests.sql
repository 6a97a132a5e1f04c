-- Verify neuronplane:auth/cookie_requests on pg

BEGIN;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'hooks.authenticate_cookie_request(text, text, text)'::regprocedure AND prosecdef;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'auth.record_csrf_refusal(uuid, uuid, text, text, text, inet, text, text)'::regprocedure
   AND prosecdef AND 'search_path=pg_catalog, pg_temp' = ANY (proconfig)
   AND has_function_privilege('neuronplane_autonomous', oid, 'EXECUTE')
   AND NOT has_function_privilege('anon', oid, 'EXECUTE');

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'hooks.authenticate_cookie_request(text, text, text)'::regprocedure
   AND prosrc LIKE '%auth.record_csrf_refusal%';

DO $$
BEGIN
    ASSERT pg_get_functiondef('hooks.check_access_token()'::regprocedure) LIKE '%session_is_live_for%',
        'bearer tokens must name a live session of their subject';
    ASSERT pg_get_functiondef('hooks.authenticate_cookie_request(text, text, text)'::regprocedure)
           LIKE '%session_is_live_for%',
        'cookie tokens must name a live session of their subject';
    ASSERT NOT has_function_privilege('anon', 'auth.session_is_live_for(uuid, text)', 'EXECUTE');
END
$$;

ROLLBACK;
