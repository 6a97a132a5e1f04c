-- Revert neuronplane:auth/passwords from pg
-- Back to v0.3.0: auth.attempt_password_login() counts attempts itself again.

BEGIN;

SET LOCAL ROLE neuronplane_owner;

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
CREATE OR REPLACE FUNCTION auth.attempt_password_login(username_or_email text, password text, ip inet,
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

DROP FUNCTION auth.count_login_attempt(inet, timestamptz);

RESET ROLE;

COMMIT;
