-- Revert neuronplane:auth/passwords from pg

BEGIN;

DO $$
BEGIN
    PERFORM cron.unschedule(j.jobid) FROM cron.job j
      WHERE j.jobname = 'neuronplane-auth-login-throttles';
END
$$;
DELETE FROM audit.actions WHERE action = 'auth.password.change_failed'
   AND NOT EXISTS (SELECT FROM audit.events e WHERE e.action = 'auth.password.change_failed');

SET LOCAL ROLE neuronplane_owner;

DROP TABLE auth.address_login_attempts;
DROP TABLE auth.address_login_failures;
DROP TABLE auth.account_login_failures;
DROP TABLE auth.common_passwords;
DROP TABLE auth.credentials;
DROP FUNCTION auth.record_password_change_failure(uuid,inet,text);
DROP FUNCTION auth.login_lock_seconds(text,inet);
DROP FUNCTION auth.count_login_failure(text,uuid,inet,timestamptz);
DROP FUNCTION auth.purge_login_throttles();
DROP FUNCTION auth.verify_password(uuid,text);
DROP FUNCTION auth.attempt_password_login(text,text,inet,text);
DROP FUNCTION auth.seconds_until(timestamptz,timestamptz);
DROP FUNCTION auth.lockout_delay(int4);
DROP FUNCTION auth.next_failure_count(int4,timestamptz,timestamptz,timestamptz);
DROP FUNCTION auth.login_address(inet);
DROP FUNCTION auth.set_password(uuid,text);
DROP FUNCTION auth.check_password_policy(text,text,text);
DROP FUNCTION auth.argon2_verify_dummy(text);
DROP FUNCTION auth.argon2_needs_rehash(text);
DROP FUNCTION auth.argon2_verify(text,text);
DROP FUNCTION auth.argon2_hash(text);

COMMIT;
