-- Verify neuronplane:auth/token_session_binding on pg

BEGIN;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'auth.session_is_live_for(uuid, text)'::regprocedure;

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
