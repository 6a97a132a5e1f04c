-- Deploy neuronplane:auth/passwords to pg

BEGIN;

-- argon2id (PL/Python, plpython/np_passwords.py) -------------------------------------------
-- PL/Python is an untrusted language: these functions are created by the deploying
-- superuser and handed to neuronplane_owner; nobody else may run them.

CREATE FUNCTION auth.argon2_hash(password text)
RETURNS text
LANGUAGE plpython3u
VOLATILE
STRICT
SET search_path = pg_catalog, pg_temp
AS $$
import np_passwords
return np_passwords.hash(password)
$$;
COMMENT ON FUNCTION auth.argon2_hash(text) IS
    'An argon2id hash of password (PHC string, fresh salt, the parameters of np_passwords.py).';

CREATE FUNCTION auth.argon2_verify(password_hash text, password text)
RETURNS boolean
LANGUAGE plpython3u
VOLATILE
STRICT
SET search_path = pg_catalog, pg_temp
AS $$
import np_passwords
return np_passwords.verify(password_hash, password)
$$;
COMMENT ON FUNCTION auth.argon2_verify(text, text) IS
    'Does password match the argon2 password_hash? False on a mismatch or a malformed hash; never raises for either.';

CREATE FUNCTION auth.argon2_needs_rehash(password_hash text)
RETURNS boolean
LANGUAGE plpython3u
STABLE
STRICT
SET search_path = pg_catalog, pg_temp
AS $$
import np_passwords
return np_passwords.needs_rehash(password_hash)
$$;
COMMENT ON FUNCTION auth.argon2_needs_rehash(text) IS
    'True when password_hash was made with other argon2 parameters than the current ones (rehash it at the next successful login).';

-- VOLATILE so that no plan ever skips the call: its cost is its purpose.
CREATE FUNCTION auth.argon2_verify_dummy(password text)
RETURNS boolean
LANGUAGE plpython3u
VOLATILE
STRICT
SET search_path = pg_catalog, pg_temp
AS $$
import np_passwords
return np_passwords.verify_dummy(password)
$$;
COMMENT ON FUNCTION auth.argon2_verify_dummy(text) IS
    'The work of auth.argon2_verify() against a fixed hash nobody knows the password of; always false. For unknown users, so that they cost the same time.';

REVOKE ALL ON FUNCTION auth.argon2_hash(text), auth.argon2_verify(text, text),
                       auth.argon2_needs_rehash(text), auth.argon2_verify_dummy(text)
  FROM PUBLIC;
ALTER FUNCTION auth.argon2_hash(text) OWNER TO neuronplane_owner;
ALTER FUNCTION auth.argon2_verify(text, text) OWNER TO neuronplane_owner;
ALTER FUNCTION auth.argon2_needs_rehash(text) OWNER TO neuronplane_owner;
ALTER FUNCTION auth.argon2_verify_dummy(text) OWNER TO neuronplane_owner;

SET LOCAL ROLE neuronplane_owner;

-- Tables ----------------------------------------------------------------------------------

CREATE TABLE auth.credentials (
    user_id       uuid PRIMARY KEY REFERENCES identity.users (id) ON DELETE CASCADE,
    password_hash text NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    changed_at    timestamptz NOT NULL DEFAULT now(),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE auth.credentials IS
    'Users'' passwords, as argon2id hashes only. Written by auth.set_password(), read by auth.attempt_password_login() and auth.verify_password(); no API role reads it.';
COMMENT ON COLUMN auth.credentials.password_hash IS
    'argon2id in the PHC string format ($argon2id$v=19$m=...,t=...,p=...$salt$tag); rehashed at login when the parameters change.';
COMMENT ON COLUMN auth.credentials.changed_at IS
    'When the password was last set (a rehash is not a change).';
ALTER TABLE auth.credentials ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE TRIGGER credentials_set_updated_at BEFORE UPDATE ON auth.credentials
    FOR EACH ROW EXECUTE FUNCTION internal.tg_set_updated_at();

CREATE TABLE auth.common_passwords (
    password text PRIMARY KEY
);
COMMENT ON TABLE auth.common_passwords IS
    'Passwords refused as too common, lower-cased: Django''s list of 20,000 (19,640 distinct), loaded from data/common-passwords.txt.gz by the deploy script of auth/passwords.';
ALTER TABLE auth.common_passwords ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

-- Failed logins per account. Unknown login names are counted too (under a digest of the
-- lower-cased name), so that a lockout does not tell which accounts exist.
CREATE TABLE auth.account_login_failures (
    account_key      text PRIMARY KEY CHECK (account_key ~ '^(user:[0-9a-f-]{36}|login:[0-9a-f]{64})$'),
    user_id          uuid REFERENCES identity.users (id) ON DELETE CASCADE,
    failure_count    integer NOT NULL CHECK (failure_count > 0),
    first_failure_at timestamptz NOT NULL,
    last_failure_at  timestamptz NOT NULL,
    locked_until     timestamptz,
    CHECK ((user_id IS NOT NULL) = (account_key LIKE 'user:%'))
);
COMMENT ON TABLE auth.account_login_failures IS
    'Recent failed password logins per account (user:<id>) or unknown login name (login:<sha256 of the lower-cased name>): the account lockout. Cleared by a successful login or a new password; old rows are purged by auth.purge_login_throttles().';
COMMENT ON COLUMN auth.account_login_failures.failure_count IS
    'Failures in a row, none more than auth.settings.lockout_window after the previous one (or after the end of its lock).';
COMMENT ON COLUMN auth.account_login_failures.locked_until IS
    'No login is tried before this time (lockout_threshold failures reached).';
CREATE INDEX account_login_failures_user_id_idx ON auth.account_login_failures (user_id)
    WHERE user_id IS NOT NULL;
ALTER TABLE auth.account_login_failures ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

-- Failed logins per client address (an IPv6 client counts by its /64).
CREATE TABLE auth.address_login_failures (
    address          inet PRIMARY KEY,
    failure_count    integer NOT NULL CHECK (failure_count > 0),
    first_failure_at timestamptz NOT NULL,
    last_failure_at  timestamptz NOT NULL,
    locked_until     timestamptz
);
COMMENT ON TABLE auth.address_login_failures IS
    'Recent failed password logins per client address (IPv4 host, IPv6 /64): the address lockout, same rule as per account. Old rows are purged by auth.purge_login_throttles().';
COMMENT ON COLUMN auth.address_login_failures.locked_until IS
    'No login from this address is tried before this time.';
ALTER TABLE auth.address_login_failures ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

-- Login attempts per client address in fixed one-minute windows.
CREATE TABLE auth.address_login_attempts (
    address           inet PRIMARY KEY,
    window_started_at timestamptz NOT NULL,
    attempt_count     integer NOT NULL CHECK (attempt_count > 0)
);
COMMENT ON TABLE auth.address_login_attempts IS
    'Password login attempts per client address in the current one-minute window, against auth.settings.login_rate_limit_per_min.';
ALTER TABLE auth.address_login_attempts ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

-- Policy ----------------------------------------------------------------------------------

-- Refuses a password that breaks the policy, saying which rule, never showing the password.
-- A username or e-mail local part shorter than 3 characters is not looked for: almost any
-- password would contain it.
-- SECURITY DEFINER: the settings and the list sit behind forced RLS; a caller that could
-- not read them must not see every password pass.
CREATE FUNCTION auth.check_password_policy(password text, username text, email text)
RETURNS void
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    s auth.settings;
    folded text := lower(password);
    local_part text := lower(split_part(email, '@', 1));
BEGIN
    SELECT * INTO s FROM auth.settings;
    IF password IS NULL OR password = '' THEN
        RAISE EXCEPTION 'a password is required'
            USING ERRCODE = '22023';
    END IF;
    IF char_length(password) < s.password_min_length THEN
        RAISE EXCEPTION 'the password is too short: use at least % characters', s.password_min_length
            USING ERRCODE = '22023',
                  HINT = 'A passphrase of several unrelated words is long and easy to remember.';
    END IF;
    IF char_length(password) > s.password_max_length THEN
        RAISE EXCEPTION 'the password is too long: use at most % characters', s.password_max_length
            USING ERRCODE = '22023';
    END IF;
    IF char_length(username) >= 3 AND strpos(folded, lower(username)) > 0 THEN
        RAISE EXCEPTION 'the password must not contain the username'
            USING ERRCODE = '22023', HINT = 'Choose a password unrelated to the account''s name.';
    END IF;
    IF char_length(local_part) >= 3 AND strpos(folded, local_part) > 0 THEN
        RAISE EXCEPTION 'the password must not contain the e-mail address or its part before the @'
            USING ERRCODE = '22023', HINT = 'Choose a password unrelated to the account''s e-mail address.';
    END IF;
    IF EXISTS (SELECT FROM auth.common_passwords c WHERE c.password = folded) THEN
        RAISE EXCEPTION 'the password is too common: it is on a list of frequently used passwords'
            USING ERRCODE = '22023',
                  HINT = 'Attackers try these first; choose one that is not a known password.';
    END IF;
END
$$;
COMMENT ON FUNCTION auth.check_password_policy(text, text, text) IS
    'Raises 22023 when password breaks the policy: shorter than password_min_length or longer than password_max_length (auth.settings), contains the username or the e-mail''s local part (whatever the case), or is a common password. The message names the rule, never the password.';

-- Sets a user's password: checked against the policy, stored as an argon2id hash. A new
-- password also ends the account's lockout. Writes no audit event: the callers
-- (change_password, an administrator's reset) say which event it was.
-- SECURITY DEFINER: writes auth.credentials, which no caller's role may touch.
CREATE FUNCTION auth.set_password(user_id uuid, password text)
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_username text;
    v_email text;
BEGIN
    SELECT u.username::text, u.email::text INTO v_username, v_email
      FROM identity.users u
     WHERE u.id = set_password.user_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'there is no user with id %', set_password.user_id
            USING ERRCODE = '42704';
    END IF;
    PERFORM auth.check_password_policy(password, v_username, v_email);
    INSERT INTO auth.credentials AS c (user_id, password_hash, changed_at)
    VALUES (set_password.user_id, auth.argon2_hash(password), now())
    ON CONFLICT ON CONSTRAINT credentials_pkey
    DO UPDATE SET password_hash = excluded.password_hash, changed_at = excluded.changed_at;
    DELETE FROM auth.account_login_failures f WHERE f.account_key = 'user:' || set_password.user_id;
END
$$;
COMMENT ON FUNCTION auth.set_password(uuid, text) IS
    'Set a user''s password (policy of auth.check_password_policy(), argon2id hash) and clear the account''s lockout. Errors: 42704 no such user, 22023 policy. Internal: writes no audit event.';

-- Lockout ---------------------------------------------------------------------------------

-- The key lockouts count a client by: an IPv4 address; an IPv6 /64 (one subscriber's
-- network: a single host address would let a client rotate through 2^64 of them). An
-- IPv4-mapped IPv6 address is one IPv4 client.
CREATE FUNCTION auth.login_address(ip inet)
RETURNS inet
LANGUAGE sql
IMMUTABLE
STRICT
PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT CASE WHEN family(ip) = 4 THEN set_masklen(ip, 32)
                WHEN ip << inet '::ffff:0:0/96' THEN set_masklen(ip, 128)
                ELSE network(set_masklen(ip, 64))::inet END
$$;
COMMENT ON FUNCTION auth.login_address(inet) IS
    'The client address login limits count by: the IPv4 host, an IPv4-mapped IPv6 host, or the /64 of any other IPv6 address.';

-- The failure count after one more failure at time at: one more, unless the previous
-- failure (or the end of its lock) is more than lockout_window ago, when counting starts
-- again. Counting from the end of the lock lets the delay keep doubling past the window.
CREATE FUNCTION auth.next_failure_count(failure_count integer, last_failure_at timestamptz,
                                        locked_until timestamptz, at timestamptz)
RETURNS integer
LANGUAGE sql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT CASE WHEN failure_count IS NULL
                  OR at > greatest(last_failure_at, locked_until) + s.lockout_window THEN 1
                ELSE failure_count + 1 END
      FROM auth.settings s
$$;
COMMENT ON FUNCTION auth.next_failure_count(integer, timestamptz, timestamptz, timestamptz) IS
    'The failure count after a failure at time at: reset to 1 when the previous one (or the end of its lock) is older than auth.settings.lockout_window.';

-- How long to wait after the failure_count-th failure: nothing below lockout_threshold,
-- then lockout_base_delay * 2^(failure_count - lockout_threshold), at most lockout_max_delay.
CREATE FUNCTION auth.lockout_delay(failure_count integer)
RETURNS interval
LANGUAGE sql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT CASE WHEN failure_count >= s.lockout_threshold THEN
                    least(s.lockout_base_delay * power(2, least(failure_count - s.lockout_threshold, 30)),
                          s.lockout_max_delay)
                END
      FROM auth.settings s
$$;
COMMENT ON FUNCTION auth.lockout_delay(integer) IS
    'The lock after the failure_count-th failure in a row: NULL below auth.settings.lockout_threshold, then lockout_base_delay * 2^(failure_count - lockout_threshold), capped at lockout_max_delay.';

-- Whole seconds until a time, at least 1.
CREATE FUNCTION auth.seconds_until(t timestamptz, at timestamptz)
RETURNS integer
LANGUAGE sql
IMMUTABLE
PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT greatest(1, ceil(extract(epoch FROM t - at)))::integer
$$;
COMMENT ON FUNCTION auth.seconds_until(timestamptz, timestamptz) IS
    'Whole seconds from at until t, rounded up, at least 1: a Retry-After value.';

-- Password login --------------------------------------------------------------------------

-- One password login attempt. It never raises for a wrong password: a raise would roll
-- back the failure counters and the audit event. In order:
--   1. the client address's attempts this minute (login_rate_limit_per_min): rate_limited;
--   2. a lock on the account (or unknown login name) or on the address: locked;
--   3. argon2id against the stored hash of an active user with a password; any other case
--      (unknown, disabled, expired, no password) runs the same argon2 work on a dummy hash
--      and fails like a wrong password: neither the answer nor its time says which;
--   4. success: rehash if the parameters changed, clear the account's failures, ok;
--      failure: count it for the account and the address (locking them at the
--      threshold), invalid.
-- Each outcome writes an audit event with the client's address and user agent; of a burst
-- refused by the rate limit only the first refusal of each minute, so that a flood cannot
-- flood the log.
-- SECURITY DEFINER: reads credentials and writes the lockout tables, which no caller's
-- role may touch.
CREATE FUNCTION auth.attempt_password_login(username_or_email text, password text, ip inet,
                                            user_agent text DEFAULT NULL,
                                            OUT outcome text, OUT user_id uuid,
                                            OUT retry_after integer)
RETURNS record
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    s auth.settings;
    v_now constant timestamptz := clock_timestamp();
    v_address inet := auth.login_address(ip);
    v_login text := left(username_or_email, 254);
    v_password text := coalesce(password, '');
    v_details jsonb;
    v_user uuid;
    v_active boolean;
    v_hash text;
    v_account text;
    v_window timestamptz;
    v_attempts integer;
    v_account_until timestamptz;
    v_address_until timestamptz;
    v_ok boolean := false;
    v_delay interval;
BEGIN
    SELECT * INTO s FROM auth.settings;
    v_details := jsonb_build_object('method', 'password', 'login', v_login);

    -- 1. Attempts from this address this minute.
    IF v_address IS NOT NULL THEN
        INSERT INTO auth.address_login_attempts AS a (address, window_started_at, attempt_count)
        VALUES (v_address, v_now, 1)
        ON CONFLICT (address) DO UPDATE
           SET window_started_at = CASE WHEN a.window_started_at <= v_now - interval '1 minute'
                                        THEN v_now ELSE a.window_started_at END,
               attempt_count = CASE WHEN a.window_started_at <= v_now - interval '1 minute'
                                    THEN 1 ELSE a.attempt_count + 1 END
        RETURNING a.window_started_at, a.attempt_count INTO v_window, v_attempts;
        IF v_attempts > s.login_rate_limit_per_min THEN
            outcome := 'rate_limited';
            retry_after := auth.seconds_until(v_window + interval '1 minute', v_now);
            IF v_attempts = s.login_rate_limit_per_min + 1 THEN
                PERFORM audit.record('auth.login.locked', 'denied',
                                     details => v_details || jsonb_build_object(
                                         'reason', 'rate_limited', 'scope', 'address',
                                         'retry_after', retry_after),
                                     ip => ip, user_agent => user_agent);
            END IF;
            RETURN;
        END IF;
    END IF;

    -- 2. The account, by username or e-mail whatever the case (they cannot collide: a
    -- username has no @).
    SELECT u.id, u.disabled_at IS NULL AND identity.is_active(u.id), c.password_hash
      INTO v_user, v_active, v_hash
      FROM identity.users u
      LEFT JOIN auth.credentials c ON c.user_id = u.id
     WHERE u.username OPERATOR(extensions.=) v_login::extensions.citext
        OR u.email OPERATOR(extensions.=) v_login::extensions.citext
     ORDER BY u.username OPERATOR(extensions.=) v_login::extensions.citext DESC
     LIMIT 1;
    v_account := CASE WHEN v_user IS NOT NULL THEN 'user:' || v_user
                      ELSE 'login:' || encode(sha256(convert_to(lower(coalesce(v_login, '')), 'UTF8')), 'hex')
                 END;

    -- 3. Locked out?
    SELECT f.locked_until INTO v_account_until
      FROM auth.account_login_failures f
     WHERE f.account_key = v_account AND f.locked_until > v_now;
    SELECT f.locked_until INTO v_address_until
      FROM auth.address_login_failures f
     WHERE f.address = v_address AND f.locked_until > v_now;
    IF v_account_until IS NOT NULL OR v_address_until IS NOT NULL THEN
        outcome := 'locked';
        retry_after := auth.seconds_until(greatest(v_account_until, v_address_until), v_now);
        PERFORM audit.record('auth.login.locked', 'denied',
                             CASE WHEN v_user IS NOT NULL THEN 'user' END, v_user::text,
                             v_details || jsonb_build_object(
                                 'reason', 'too_many_failures',
                                 'scope', CASE WHEN v_account_until >= v_address_until
                                                 OR v_address_until IS NULL THEN 'account'
                                               ELSE 'address' END,
                                 'retry_after', retry_after),
                             ip => ip, user_agent => user_agent);
        RETURN;
    END IF;

    -- 4. The password. A password longer than any the policy allows cannot match.
    IF v_active AND v_hash IS NOT NULL AND char_length(v_password) <= 4096 THEN
        v_ok := auth.argon2_verify(v_hash, v_password);
    ELSE
        PERFORM auth.argon2_verify_dummy(left(v_password, 4096));
    END IF;

    IF v_ok THEN
        IF auth.argon2_needs_rehash(v_hash) THEN
            UPDATE auth.credentials c SET password_hash = auth.argon2_hash(v_password)
             WHERE c.user_id = v_user;
        END IF;
        DELETE FROM auth.account_login_failures f WHERE f.account_key = v_account;
        PERFORM audit.record('auth.login.succeeded', 'success', 'user', v_user::text,
                             jsonb_build_object('method', 'password'), v_user, 'user',
                             ip => ip, user_agent => user_agent);
        outcome := 'ok';
        user_id := v_user;
        RETURN;
    END IF;

    -- 5. A failure, for the account and for the address.
    v_delay := auth.count_login_failure(v_account, v_user, v_address, v_now);
    PERFORM audit.record('auth.login.failed', 'failure',
                         CASE WHEN v_user IS NOT NULL THEN 'user' END, v_user::text,
                         v_details || jsonb_strip_nulls(jsonb_build_object(
                             'reason', 'invalid_credentials',
                             'locked_for', ceil(extract(epoch FROM v_delay))::integer)),
                         ip => ip, user_agent => user_agent);
    outcome := 'invalid';
END
$$;
COMMENT ON FUNCTION auth.attempt_password_login(text, text, inet, text) IS
    'One password login: outcome ok (with user_id), invalid (wrong password, unknown, disabled or expired user, or no password: indistinguishable, same argon2 cost), locked (too many failures for the account or the address; retry_after seconds) or rate_limited (too many attempts from the address this minute; retry_after). Never raises for a failed login, so its counters and audit events commit. ip may be NULL: no per-address limits then.';

-- Checks a user's password (to confirm a password change), rehashing it when the argon2
-- parameters changed. Counts no failure: the caller is already authenticated.
-- SECURITY DEFINER: reads auth.credentials, which no caller's role may touch.
CREATE FUNCTION auth.verify_password(user_id uuid, password text)
RETURNS boolean
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_hash text;
    v_password text := coalesce(password, '');
BEGIN
    SELECT c.password_hash INTO v_hash FROM auth.credentials c WHERE c.user_id = verify_password.user_id;
    IF v_hash IS NULL OR char_length(v_password) > 4096 THEN
        PERFORM auth.argon2_verify_dummy(left(v_password, 4096));
        RETURN false;
    END IF;
    IF NOT auth.argon2_verify(v_hash, v_password) THEN
        RETURN false;
    END IF;
    IF auth.argon2_needs_rehash(v_hash) THEN
        UPDATE auth.credentials c SET password_hash = auth.argon2_hash(v_password)
         WHERE c.user_id = verify_password.user_id;
    END IF;
    RETURN true;
END
$$;
COMMENT ON FUNCTION auth.verify_password(uuid, text) IS
    'True when password is the user''s (argon2id), rehashing it when the parameters changed; false otherwise, also for a user without password (same cost). Counts no failure and writes no audit event.';

-- Forgets what no longer counts: failures older than lockout_window past their last
-- failure or lock, attempt windows older than a minute. Run by pg_cron every 10 minutes;
-- the tables stay small even under a spray of logins from many addresses.
CREATE FUNCTION auth.purge_login_throttles()
RETURNS integer
LANGUAGE plpgsql
VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_now constant timestamptz := clock_timestamp();
    v_window interval;
    n integer;
    total integer := 0;
BEGIN
    SELECT s.lockout_window INTO v_window FROM auth.settings s;
    DELETE FROM auth.account_login_failures f
     WHERE greatest(f.last_failure_at, f.locked_until) + v_window < v_now;
    GET DIAGNOSTICS n = ROW_COUNT;
    total := total + n;
    DELETE FROM auth.address_login_failures f
     WHERE greatest(f.last_failure_at, f.locked_until) + v_window < v_now;
    GET DIAGNOSTICS n = ROW_COUNT;
    total := total + n;
    DELETE FROM auth.address_login_attempts a
     WHERE a.window_started_at < v_now - interval '1 minute';
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN total + n;
END
$$;
COMMENT ON FUNCTION auth.purge_login_throttles() IS
    'Deletes lockout rows that no longer count (older than auth.settings.lockout_window past their last failure or lock) and attempt windows older than a minute; returns how many. Scheduled by pg_cron.';

RESET ROLE;

-- pg_cron runs the job as the deploying superuser, in a background worker.
DO $do$
BEGIN
    PERFORM cron.schedule('neuronplane-auth-login-throttles', '*/10 * * * *',
                          'SELECT auth.purge_login_throttles()');
END
$do$;

SET LOCAL ROLE neuronplane_owner;

-- The list is data: data/common-passwords.txt.gz, one password per line, read by psql on
-- the deploying machine (sqitch runs from the project folder).
CREATE TEMPORARY TABLE common_passwords_load (password text) ON COMMIT DROP;
\copy common_passwords_load FROM PROGRAM 'gzip -dc data/common-passwords.txt.gz'
INSERT INTO auth.common_passwords (password)
SELECT DISTINCT lower(password) FROM common_passwords_load WHERE password <> '';
DO $$
BEGIN
    ASSERT (SELECT count(*) FROM auth.common_passwords) > 10000,
           'data/common-passwords.txt.gz was not loaded';
END
$$;

RESET ROLE;

-- A wrong current password in a password change counts towards the account's (and the
-- address's) lockout as a failed login does (auth.count_login_failure() is the one place
-- that counts) and is audited. The refusal rolls the request back, so the count and the
-- event are written through the autonomous connection.

INSERT INTO audit.actions (action, description) VALUES
    ('auth.password.change_failed', 'A password change gave a wrong current password; it counts towards the account''s lockout.')
-- A revert keeps an action that events name.
ON CONFLICT (action) DO NOTHING;

SET LOCAL ROLE neuronplane_owner;

-- One failed password check of an account key ('user:<id>' or 'login:<sha256>') from an
-- address (may be NULL): counted for both; returns how long the longer lock now runs.
CREATE FUNCTION auth.count_login_failure(failed_account text, failed_user uuid,
                                         failed_address inet, failed_at timestamptz)
RETURNS interval
LANGUAGE plpgsql
VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    delay interval;
BEGIN
    INSERT INTO auth.account_login_failures AS f (account_key, user_id, failure_count,
                                                  first_failure_at, last_failure_at, locked_until)
    VALUES (failed_account, failed_user, 1, failed_at, failed_at, failed_at + auth.lockout_delay(1))
    ON CONFLICT (account_key) DO UPDATE
       SET failure_count = auth.next_failure_count(f.failure_count, f.last_failure_at,
                                                   f.locked_until, failed_at),
           first_failure_at = CASE WHEN auth.next_failure_count(f.failure_count, f.last_failure_at,
                                                                f.locked_until, failed_at) = 1
                                   THEN failed_at ELSE f.first_failure_at END,
           last_failure_at = failed_at,
           locked_until = failed_at + auth.lockout_delay(auth.next_failure_count(
                                      f.failure_count, f.last_failure_at, f.locked_until, failed_at))
    RETURNING f.locked_until - failed_at INTO delay;
    IF failed_address IS NOT NULL THEN
        INSERT INTO auth.address_login_failures AS f (address, failure_count, first_failure_at,
                                                      last_failure_at, locked_until)
        VALUES (failed_address, 1, failed_at, failed_at, failed_at + auth.lockout_delay(1))
        ON CONFLICT (address) DO UPDATE
           SET failure_count = auth.next_failure_count(f.failure_count, f.last_failure_at,
                                                       f.locked_until, failed_at),
               first_failure_at = CASE WHEN auth.next_failure_count(f.failure_count, f.last_failure_at,
                                                                    f.locked_until, failed_at) = 1
                                       THEN failed_at ELSE f.first_failure_at END,
               last_failure_at = failed_at,
               locked_until = failed_at + auth.lockout_delay(auth.next_failure_count(
                                          f.failure_count, f.last_failure_at, f.locked_until, failed_at))
        RETURNING greatest(delay, f.locked_until - failed_at) INTO delay;
    END IF;
    RETURN delay;
END
$$;
COMMENT ON FUNCTION auth.count_login_failure(text, uuid, inet, timestamptz) IS
    'Counts one failed password check for the account key and the address (lockout, docs/auth.md); returns the longer lock it started, or NULL/0 for none.';

-- Seconds until the lock of an account key or an address ends; NULL when neither is locked.
CREATE FUNCTION auth.login_lock_seconds(account_key text, address inet)
RETURNS integer
LANGUAGE sql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT auth.seconds_until(max(l.locked_until), clock_timestamp())
      FROM (SELECT f.locked_until FROM auth.account_login_failures f
             WHERE f.account_key = login_lock_seconds.account_key AND f.locked_until > clock_timestamp()
            UNION ALL
            SELECT f.locked_until FROM auth.address_login_failures f
             WHERE f.address = login_lock_seconds.address AND f.locked_until > clock_timestamp()) l
    HAVING count(*) > 0
$$;
COMMENT ON FUNCTION auth.login_lock_seconds(text, inet) IS
    'Seconds until the lockout of the account key or the address ends, whichever is later; NULL when neither is locked.';

-- The autonomous side of a failed password change: counted and audited, committed whatever
-- becomes of the request. SECURITY DEFINER: neuronplane_autonomous may run this and
-- nothing else of the lockout tables.
CREATE FUNCTION auth.record_password_change_failure(user_id uuid, ip inet, user_agent text)
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    delay interval;
BEGIN
    delay := auth.count_login_failure('user:' || user_id, user_id, auth.login_address(ip),
                                      clock_timestamp());
    PERFORM audit.record('auth.password.change_failed', 'failure', 'user', user_id::text,
                         jsonb_strip_nulls(jsonb_build_object(
                             'reason', 'invalid_credentials',
                             'locked_for', nullif(ceil(extract(epoch FROM delay))::integer, 0))),
                         user_id, 'user', ip => ip, user_agent => user_agent);
    RETURN jsonb_build_object('counted', true);
END
$$;
COMMENT ON FUNCTION auth.record_password_change_failure(uuid, inet, text) IS
    'Autonomous side of a wrong current password in api.change_password(): counts it towards the lockout and audits auth.password.change_failed.';
REVOKE ALL ON FUNCTION auth.count_login_failure(text, uuid, inet, timestamptz) FROM PUBLIC;
REVOKE ALL ON FUNCTION auth.login_lock_seconds(text, inet) FROM PUBLIC;
REVOKE ALL ON FUNCTION auth.record_password_change_failure(uuid, inet, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth.record_password_change_failure(uuid, inet, text) TO neuronplane_autonomous;

RESET ROLE;

COMMIT;
