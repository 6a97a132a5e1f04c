-- Verify neuronplane:auth/password_change_lockout on pg

BEGIN;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'auth.count_login_failure(text, uuid, inet, timestamptz)'::regprocedure;
SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'auth.login_lock_seconds(text, inet)'::regprocedure;
SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'auth.record_password_change_failure(uuid, inet, text)'::regprocedure;
SELECT 1 / count(*) FROM audit.actions WHERE action = 'auth.password.change_failed';

DO $$
BEGIN
    ASSERT pg_get_functiondef('api.change_password(text, text)'::regprocedure)
           LIKE '%auth.record_password_change_failure%',
        'api.change_password must count and audit a wrong current password';
    ASSERT pg_get_functiondef('auth.attempt_password_login(text, text, inet, text)'::regprocedure)
           LIKE '%auth.count_login_failure(%',
        'logins must count failures through auth.count_login_failure()';
    ASSERT has_function_privilege('neuronplane_autonomous', 'auth.record_password_change_failure(uuid, inet, text)', 'EXECUTE');
    ASSERT NOT has_function_privilege('authenticated', 'auth.record_password_change_failure(uuid, inet, text)', 'EXECUTE');
    ASSERT NOT has_function_privilege('neuronplane_autonomous', 'auth.count_login_failure(text, uuid, inet, timestamptz)', 'EXECUTE');
END
$$;

ROLLBACK;
