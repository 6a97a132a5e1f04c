-- Verify neuronplane:auth/passwords on pg

BEGIN;

SELECT address, window_started_at, attempt_count FROM auth.address_login_attempts WHERE false;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'auth.count_login_attempt(inet, timestamptz)'::regprocedure
   AND NOT prosecdef
   AND NOT has_function_privilege('anon', oid, 'EXECUTE')
   AND NOT has_function_privilege('authenticated', oid, 'EXECUTE')
   AND NOT has_function_privilege('neuronplane_worker', oid, 'EXECUTE');

DO $$
BEGIN
    ASSERT pg_get_functiondef('auth.attempt_password_login(text, text, inet, text)'::regprocedure)
           LIKE '%auth.count_login_attempt(ip, v_now)%',
           'auth.attempt_password_login() does not count through auth.count_login_attempt()';
END
$$;

ROLLBACK;
