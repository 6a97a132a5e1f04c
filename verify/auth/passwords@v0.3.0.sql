-- Verify neuronplane:auth/passwords on pg

BEGIN;

SELECT user_id, password_hash, changed_at, created_at, updated_at FROM auth.credentials WHERE false;

SELECT account_key, user_id, failure_count, first_failure_at, last_failure_at, locked_until
  FROM auth.account_login_failures WHERE false;

SELECT address, failure_count, first_failure_at, last_failure_at, locked_until
  FROM auth.address_login_failures WHERE false;

SELECT address, window_started_at, attempt_count FROM auth.address_login_attempts WHERE false;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid IN ('auth.argon2_hash(text)'::regprocedure,
               'auth.argon2_verify(text, text)'::regprocedure,
               'auth.argon2_needs_rehash(text)'::regprocedure,
               'auth.argon2_verify_dummy(text)'::regprocedure,
               'auth.check_password_policy(text, text, text)'::regprocedure,
               'auth.set_password(uuid, text)'::regprocedure,
               'auth.login_address(inet)'::regprocedure,
               'auth.next_failure_count(integer, timestamptz, timestamptz, timestamptz)'::regprocedure,
               'auth.lockout_delay(integer)'::regprocedure,
               'auth.seconds_until(timestamptz, timestamptz)'::regprocedure,
               'auth.attempt_password_login(text, text, inet, text)'::regprocedure,
               'auth.verify_password(uuid, text)'::regprocedure,
               'auth.purge_login_throttles()'::regprocedure)
HAVING count(*) = 13;

DO $$
DECLARE
    h text := auth.argon2_hash('verify-Passw0rd-x');
BEGIN
    ASSERT h LIKE '$argon2id$v=19$m=19456,t=2,p=1$%', 'hashes must be argon2id with the current parameters';
    ASSERT auth.argon2_verify(h, 'verify-Passw0rd-x'), 'a hash must verify its password';
    ASSERT NOT auth.argon2_verify(h, 'verify-Passw0rd-y'), 'and not another';
    ASSERT NOT auth.argon2_needs_rehash(h), 'a fresh hash needs no rehash';
    ASSERT (SELECT count(*) FROM auth.common_passwords) >= 10000,
           'the common-password list must hold at least 10,000 entries';
    ASSERT EXISTS (SELECT FROM cron.job WHERE jobname = 'neuronplane-auth-login-throttles'
                      AND command = 'SELECT auth.purge_login_throttles()'
                      AND database = current_database()),
           'the lockout tables must be purged on a schedule';
    ASSERT NOT has_function_privilege('authenticated', 'auth.attempt_password_login(text, text, inet, text)', 'EXECUTE')
       AND NOT has_function_privilege('anon', 'auth.attempt_password_login(text, text, inet, text)', 'EXECUTE')
       AND NOT has_function_privilege('neuronplane_worker', 'auth.set_password(uuid, text)', 'EXECUTE')
       AND NOT has_function_privilege('anon', 'auth.argon2_verify(text, text)', 'EXECUTE'),
           'API roles and the worker must not call the password functions';
    ASSERT has_function_privilege('neuronplane_owner', 'auth.attempt_password_login(text, text, inet, text)', 'EXECUTE')
       AND has_function_privilege('neuronplane_owner', 'auth.argon2_hash(text)', 'EXECUTE'),
           'the owner (definer of the API functions) calls them';
    ASSERT NOT has_table_privilege('authenticated', 'auth.credentials', 'SELECT')
       AND NOT has_table_privilege('anon', 'auth.credentials', 'SELECT')
       AND NOT has_table_privilege('neuronplane_worker', 'auth.credentials', 'SELECT'),
           'no API role or the worker reads password hashes';
    ASSERT (SELECT relrowsecurity AND relforcerowsecurity FROM pg_catalog.pg_class
             WHERE oid = 'auth.credentials'::regclass), 'RLS must be enabled and forced on credentials';
END
$$;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'auth.count_login_failure(text, uuid, inet, timestamptz)'::regprocedure;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'auth.login_lock_seconds(text, inet)'::regprocedure;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'auth.record_password_change_failure(uuid, inet, text)'::regprocedure;

SELECT 1 / count(*) FROM audit.actions WHERE action = 'auth.password.change_failed';

ROLLBACK;
