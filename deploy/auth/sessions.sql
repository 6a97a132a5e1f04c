-- Deploy neuronplane:auth/sessions to pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- A login: what a refresh token keeps alive. idle_expires_at moves with each refresh;
-- expires_at never moves.
CREATE TABLE auth.sessions (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    principal_id    uuid NOT NULL REFERENCES identity.principals (id) ON DELETE CASCADE,
    auth_method     text NOT NULL CHECK (auth_method IN ('password', 'oidc')),
    created_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    refreshed_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    expires_at      timestamptz NOT NULL,
    idle_expires_at timestamptz NOT NULL,
    revoked_at      timestamptz,
    revoked_reason  text CHECK (revoked_reason IN ('logout', 'logout_all', 'revoked', 'refresh_reused',
                                                   'password_changed', 'password_reset',
                                                   'principal_disabled', 'expired')),
    user_agent      text CHECK (length(user_agent) <= 512),
    ip              inet,
    CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL))
);
COMMENT ON TABLE auth.sessions IS
    'Login sessions: absolute and idle expiry, revocation with its reason, the device (user agent, address) and method.';
CREATE INDEX sessions_principal_idx ON auth.sessions (principal_id) WHERE revoked_at IS NULL;
ALTER TABLE auth.sessions ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

-- Refresh tokens, each used once. A token's successor names it as parent; the token itself
-- is never stored, only its SHA-256 (a random 256-bit token needs no slow hash). A
-- session's first token is random; each successor is derived from its parent's token with
-- a server-side HMAC key, so a concurrent duplicate refresh within the grace interval
-- derives the same successor, the chain does not fork, and no copy of a token is kept.
CREATE TABLE auth.refresh_tokens (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    session_id      uuid NOT NULL REFERENCES auth.sessions (id) ON DELETE CASCADE,
    token_hash      bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    parent_id       uuid REFERENCES auth.refresh_tokens (id) ON DELETE CASCADE,
    issued_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    expires_at      timestamptz NOT NULL,
    used_at         timestamptz,
    revoked_at      timestamptz
);
COMMENT ON TABLE auth.refresh_tokens IS
    'Refresh tokens (SHA-256 only), each spent once; parent_id chains a session''s rotations.';
CREATE INDEX refresh_tokens_session_idx ON auth.refresh_tokens (session_id);
CREATE UNIQUE INDEX refresh_tokens_one_child_idx ON auth.refresh_tokens (parent_id);
ALTER TABLE auth.refresh_tokens ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

-- The HMAC key that derives successor refresh tokens (one row, made at deploy). Without it
-- and a live token, no successor can be computed; a leaked table of hashes is useless.
CREATE TABLE auth.refresh_token_key (
    id  boolean PRIMARY KEY DEFAULT true CHECK (id),
    key bytea NOT NULL CHECK (length(key) = 32)
);
COMMENT ON TABLE auth.refresh_token_key IS
    'The HMAC-SHA-256 key that derives a refresh token''s successor from it (one row).';
INSERT INTO auth.refresh_token_key (key) VALUES (extensions.gen_random_bytes(32));
ALTER TABLE auth.refresh_token_key ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

-- PL/pgSQL rather than SQL: a SQL function with a SET clause is never inlined and keeps no
-- plan; PL/pgSQL keeps its plan for the session.
CREATE FUNCTION auth.successor_refresh_token(token text)
RETURNS text
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN (SELECT 'npr_' || encode(extensions.hmac(convert_to(token, 'UTF8'), k.key, 'sha256'), 'hex')
              FROM auth.refresh_token_key k);
END
$$;
COMMENT ON FUNCTION auth.successor_refresh_token(text) IS
    'npr_<HMAC-SHA-256 of the token under auth.refresh_token_key>: the token that replaces it.';

-- These small helpers have no SET clause so that the planner can inline them; they name
-- only schema-qualified objects and built-in operators.
-- The client of the current request: for a PostgREST request, the address its trusted
-- proxy header gives (PostgREST itself does not pass the client's address, and its own
-- connection address would put every client in one lockout bucket); for a direct SQL
-- client, the connection's address.
CREATE FUNCTION auth.request_ip()
RETURNS inet
LANGUAGE sql
STABLE
AS $$
    SELECT CASE WHEN nullif(current_setting('request.headers', true), '') IS NOT NULL
                THEN audit.client_ip(current_setting('request.headers', true)::jsonb)
                WHEN nullif(current_setting('neuronplane.client_ip', true), '') IS NOT NULL
                THEN audit.try_inet(current_setting('neuronplane.client_ip', true))
                ELSE inet_client_addr() END
$$;
COMMENT ON FUNCTION auth.request_ip() IS
    'The address of the current request''s client, when known: from PostgREST''s headers, else the one the glue named (neuronplane.client_ip), else the connection''s peer.';

CREATE FUNCTION auth.request_user_agent()
RETURNS text
LANGUAGE sql
STABLE
AS $$
    SELECT left(CASE WHEN nullif(current_setting('request.headers', true), '') IS NOT NULL
                     THEN current_setting('request.headers', true)::jsonb ->> 'user-agent'
                     ELSE nullif(current_setting('neuronplane.client_user_agent', true), '') END,
                512)
$$;
COMMENT ON FUNCTION auth.request_user_agent() IS
    'The User-Agent of the current request, when known: from PostgREST''s headers, else the one the glue named (neuronplane.client_user_agent).';

-- A new refresh token of a session (random, or the given successor): its row and plaintext.
CREATE FUNCTION auth.new_refresh_token(session_id uuid, parent_id uuid, successor text DEFAULT NULL,
                                       OUT id uuid, OUT token text)
LANGUAGE plpgsql
VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    token := coalesce(successor, 'npr_' || encode(extensions.gen_random_bytes(32), 'hex'));
    INSERT INTO auth.refresh_tokens (session_id, token_hash, parent_id, expires_at)
    VALUES (new_refresh_token.session_id, sha256(convert_to(token, 'UTF8')), new_refresh_token.parent_id,
            clock_timestamp() + (SELECT s.refresh_ttl FROM auth.settings s))
    RETURNING refresh_tokens.id INTO id;
END
$$;
COMMENT ON FUNCTION auth.new_refresh_token(uuid, uuid, text) IS
    'Insert a refresh token (npr_<64 hex>: 256 random bits, or a derived successor) for a session; only its SHA-256 is stored.';

-- auth.token_response(): the session, its principal and the access TTL in one statement.
CREATE FUNCTION auth.token_response(session_id uuid, refresh_token text)
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    r record;
BEGIN
    SELECT s.id, p.id AS principal_id, p.type AS principal_type, x.access_ttl INTO r
      FROM auth.sessions s
      LEFT JOIN identity.principals p ON p.id = s.principal_id
     CROSS JOIN auth.settings x
     WHERE s.id = token_response.session_id;
    RETURN jsonb_build_object(
        'access_token', auth.issue_access_token(
            r.principal_id, r.principal_type,
            CASE r.principal_type WHEN 'user' THEN 'authenticated' ELSE 'service' END, r.id),
        'token_type', 'bearer',
        'expires_in', extract(epoch FROM r.access_ttl)::integer,
        'expires_at', extract(epoch FROM clock_timestamp() + r.access_ttl)::bigint,
        'refresh_token', refresh_token,
        'session_id', r.id,
        'principal_id', r.principal_id,
        'principal_type', r.principal_type);
END
$$;
COMMENT ON FUNCTION auth.token_response(uuid, text) IS
    'A fresh access token for the session and the given refresh token, as the login/refresh answer.';

-- Open a session for an authenticated principal and answer with its tokens.
CREATE FUNCTION auth.create_session(principal_id uuid, auth_method text,
                                    ip inet DEFAULT NULL, user_agent text DEFAULT NULL)
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_session uuid;
    rt record;
BEGIN
    INSERT INTO auth.sessions (principal_id, auth_method, expires_at, idle_expires_at, user_agent, ip)
    SELECT create_session.principal_id, create_session.auth_method,
           clock_timestamp() + x.session_lifetime, clock_timestamp() + x.idle_timeout,
           left(create_session.user_agent, 512), create_session.ip
      FROM auth.settings x
    RETURNING id INTO v_session;
    rt := auth.new_refresh_token(v_session, NULL);
    RETURN auth.token_response(v_session, rt.token);
END
$$;
COMMENT ON FUNCTION auth.create_session(uuid, text, inet, text) IS
    'Open a session for a principal that has just authenticated; returns the token answer.';

-- Revoke sessions (and their refresh tokens): one, or all of a principal's but one.
CREATE FUNCTION auth.revoke_sessions(principal_id uuid, reason text, only_session uuid DEFAULT NULL,
                                     except_session uuid DEFAULT NULL)
RETURNS integer
LANGUAGE plpgsql
VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    ids uuid[];
BEGIN
    WITH r AS (
        UPDATE auth.sessions s SET revoked_at = clock_timestamp(), revoked_reason = reason
         WHERE s.principal_id = revoke_sessions.principal_id AND s.revoked_at IS NULL
           AND (only_session IS NULL OR s.id = only_session)
           AND (except_session IS NULL OR s.id <> except_session)
        RETURNING s.id)
    SELECT coalesce(array_agg(r.id), '{}') INTO ids FROM r;
    UPDATE auth.refresh_tokens t SET revoked_at = clock_timestamp()
     WHERE t.session_id = ANY (ids) AND t.revoked_at IS NULL;
    RETURN cardinality(ids);
END
$$;
COMMENT ON FUNCTION auth.revoke_sessions(uuid, text, uuid, uuid) IS
    'Revoke a principal''s live sessions (only_session: that one; except_session: all but that one) and their refresh tokens; returns how many.';

-- Is this session live? Called for every request that carries a session id.
-- SECURITY DEFINER: API roles cannot read sessions. PL/pgSQL keeps its plan per session
-- (a SQL function with SET would be planned at every call).
CREATE FUNCTION auth.session_is_active(session_id uuid)
RETURNS boolean
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN EXISTS (SELECT FROM auth.sessions s
                    WHERE s.id = session_is_active.session_id AND s.revoked_at IS NULL
                      AND s.expires_at > now() AND s.idle_expires_at > now());
END
$$;
COMMENT ON FUNCTION auth.session_is_active(uuid) IS
    'True while the session is neither revoked nor past its absolute or idle expiry.';

-- The session id of the current request (JWT claim "sid"), or NULL.
CREATE FUNCTION auth.current_session_id()
RETURNS uuid
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    sid text := nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sid';
BEGIN
    IF sid ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
        RETURN sid::uuid;
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION auth.current_session_id() IS 'The session of the current request (JWT claim "sid"), or NULL.';

-- The answer to a failed login or refresh: an error object, with the HTTP status for
-- PostgREST. These functions return instead of raising, so that what they recorded
-- (failure counters, a revoked session) is committed.
CREATE FUNCTION auth.error_response(status integer, error text, code text, message text,
                                    retry_after integer DEFAULT NULL)
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM set_config('response.status', status::text, true);
    IF retry_after IS NOT NULL THEN
        PERFORM set_config('response.headers',
                           jsonb_build_array(jsonb_build_object('Retry-After', retry_after::text))::text,
                           true);
    END IF;
    RETURN jsonb_strip_nulls(jsonb_build_object('error', error, 'code', code, 'message', message,
                                                'retry_after', retry_after));
END
$$;
COMMENT ON FUNCTION auth.error_response(integer, text, text, text, integer) IS
    'An error answer ({error, code, message, retry_after}) that also sets PostgREST''s response status and Retry-After.';

-- A principal that is disabled (or given an expiry) loses its sessions at once; the
-- pre-request check then refuses its access tokens too.
CREATE FUNCTION auth.tg_principals__end_sessions()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NEW.disabled_at IS NOT NULL AND OLD.disabled_at IS NULL THEN
        PERFORM auth.revoke_sessions(NEW.id, 'principal_disabled');
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION auth.tg_principals__end_sessions() IS
    'Trigger: revokes the sessions of a principal that is disabled.';

CREATE TRIGGER principals_end_sessions AFTER UPDATE OF disabled_at ON identity.principals
    FOR EACH ROW EXECUTE FUNCTION auth.tg_principals__end_sessions();

-- Ended sessions are kept auth.settings.session_retention after they end (for
-- api.sessions() history and investigations), then deleted with their refresh tokens.
-- Run by pg_cron every hour.
CREATE FUNCTION auth.purge_sessions()
RETURNS integer
LANGUAGE plpgsql
VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    n integer;
BEGIN
    DELETE FROM auth.sessions s
     USING auth.settings x
     WHERE least(coalesce(s.revoked_at, 'infinity'), s.expires_at, s.idle_expires_at)
           < now() - x.session_retention;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;
COMMENT ON FUNCTION auth.purge_sessions() IS
    'Deletes sessions (and their refresh tokens) that ended more than auth.settings.session_retention ago; returns how many. Scheduled by pg_cron.';

RESET ROLE;

-- pg_cron runs the job as the deploying superuser, in a background worker.
DO $do$
BEGIN
    PERFORM cron.schedule('neuronplane-auth-sessions', '17 * * * *', 'SELECT auth.purge_sessions()');
END
$do$;

SET LOCAL ROLE neuronplane_owner;

-- The API ---------------------------------------------------------------------------------

CREATE FUNCTION auth.login(username_or_email text, password text)
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    ip inet := auth.request_ip();
    ua text := auth.request_user_agent();
    attempt record;
BEGIN
    -- Before anything: in a read-only transaction the login would fail at its first write,
    -- which differs for a right and a wrong password, and its counters would roll back.
    PERFORM auth.require_read_write('api.login');
    SELECT * INTO attempt
      FROM auth.attempt_password_login(username_or_email, password, ip, ua);
    CASE attempt.outcome
    WHEN 'ok' THEN
        RETURN auth.create_session(attempt.user_id, 'password', ip, ua);
    WHEN 'locked' THEN
        RETURN auth.error_response(429, 'locked', '28P01',
                                   'too many failed logins; try again later', attempt.retry_after);
    WHEN 'rate_limited' THEN
        RETURN auth.error_response(429, 'rate_limited', '53400',
                                   'too many login attempts from this address; try again later',
                                   attempt.retry_after);
    ELSE
        RETURN auth.error_response(401, 'invalid_grant', '28P01', 'invalid username or password');
    END CASE;
END
$$;
COMMENT ON FUNCTION auth.login(text,text) IS
    'What api.login() does (see its comment there); only that endpoint calls it.';

CREATE FUNCTION auth.refresh_checked(refresh_token text)
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    t    auth.refresh_tokens;
    s    auth.sessions;
    x    auth.settings;
    rt   record;
    now_ timestamptz;
BEGIN
    SELECT * INTO x FROM auth.settings;
    -- The row lock makes concurrent refreshes of one token take turns.
    SELECT * INTO t FROM auth.refresh_tokens r
     WHERE r.token_hash = sha256(convert_to(coalesce(refresh_token, ''), 'UTF8'))
       FOR UPDATE;
    IF NOT FOUND THEN
        RETURN auth.error_response(401, 'invalid_grant', '28000', 'unknown refresh token');
    END IF;
    SELECT * INTO s FROM auth.sessions ss WHERE ss.id = t.session_id FOR UPDATE;
    now_ := clock_timestamp();
    IF s.revoked_at IS NOT NULL OR t.revoked_at IS NOT NULL THEN
        RETURN auth.error_response(401, 'invalid_grant', '28000', 'the session has ended');
    END IF;
    IF s.expires_at <= now_ OR s.idle_expires_at <= now_ OR t.expires_at <= now_ THEN
        PERFORM auth.revoke_sessions(s.principal_id, 'expired', only_session => s.id);
        RETURN auth.error_response(401, 'invalid_grant', '28000', 'the session has expired');
    END IF;
    IF NOT identity.is_active(s.principal_id) THEN
        PERFORM auth.revoke_sessions(s.principal_id, 'principal_disabled', only_session => s.id);
        RETURN auth.error_response(401, 'invalid_grant', '28000', 'the account is disabled');
    END IF;
    IF t.used_at IS NULL THEN
        -- Spend it; issue its successor.
        rt := auth.new_refresh_token(s.id, t.id, auth.successor_refresh_token(refresh_token));
        UPDATE auth.refresh_tokens r SET used_at = now_ WHERE r.id = t.id;
        UPDATE auth.sessions ss SET refreshed_at = now_,
                                    idle_expires_at = least(now_ + x.idle_timeout, ss.expires_at)
         WHERE ss.id = s.id;
        PERFORM audit.record('auth.refresh.rotated', 'success', 'session', s.id::text, '{}',
                             s.principal_id, (SELECT p.type FROM identity.principals p WHERE p.id = s.principal_id),
                             ip => auth.request_ip(), user_agent => auth.request_user_agent());
        RETURN auth.token_response(s.id, rt.token);
    END IF;
    IF now_ - t.used_at <= x.refresh_reuse_grace
       AND EXISTS (SELECT FROM auth.refresh_tokens c
                    WHERE c.parent_id = t.id AND c.used_at IS NULL AND c.revoked_at IS NULL) THEN
        -- A concurrent duplicate, while the successor is unspent: the same successor, a
        -- fresh access token.
        RETURN auth.token_response(s.id, auth.successor_refresh_token(refresh_token));
    END IF;
    -- A spent token came back: someone holds a copy. End the session.
    PERFORM auth.revoke_sessions(s.principal_id, 'refresh_reused', only_session => s.id);
    PERFORM audit.record('auth.refresh.reused', 'denied', 'session', s.id::text,
                         jsonb_build_object('used_at', t.used_at), s.principal_id,
                         (SELECT p.type FROM identity.principals p WHERE p.id = s.principal_id),
                         ip => auth.request_ip(), user_agent => auth.request_user_agent());
    RETURN auth.error_response(401, 'invalid_grant', '28000',
                               'this refresh token was already used: the session has been revoked');
END
$$;

-- The current request's session, or an error.
CREATE FUNCTION auth.require_session()
RETURNS uuid
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    sid uuid := auth.current_session_id();
BEGIN
    PERFORM identity.require_caller();
    IF sid IS NULL THEN
        RAISE EXCEPTION 'this request has no session (an API key or a token without sid)'
            USING ERRCODE = '28000';
    END IF;
    RETURN sid;
END
$$;
COMMENT ON FUNCTION auth.require_session() IS 'The session of the current request; 28000 without one.';

CREATE FUNCTION auth.logout()
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    sid uuid := auth.require_session();
BEGIN
    IF auth.revoke_sessions(identity.current_principal_id(), 'logout', only_session => sid) > 0 THEN
        PERFORM identity.audit('auth.logout', 'session', sid::text);
    END IF;
END
$$;
COMMENT ON FUNCTION auth.logout() IS
    'What api.logout() does (see its comment there); only that endpoint calls it.';

CREATE FUNCTION auth.logout_all()
RETURNS integer
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    n integer := auth.revoke_sessions(identity.require_caller(), 'logout_all');
BEGIN
    PERFORM identity.audit('auth.logout', 'principal', identity.current_principal_id()::text,
                           jsonb_build_object('sessions', n, 'all', true));
    RETURN n;
END
$$;
COMMENT ON FUNCTION auth.logout_all() IS
    'What api.logout_all() does (see its comment there); only that endpoint calls it.';

CREATE FUNCTION auth.list_sessions()
RETURNS TABLE (id uuid, auth_method text, created_at timestamptz, last_used_at timestamptz,
               expires_at timestamptz, ip inet, user_agent text, is_current boolean)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT s.id, s.auth_method, s.created_at, s.refreshed_at, least(s.expires_at, s.idle_expires_at),
           s.ip, s.user_agent, s.id IS NOT DISTINCT FROM auth.current_session_id()
      FROM auth.sessions s
     WHERE s.principal_id = identity.require_caller()
       AND s.revoked_at IS NULL AND s.expires_at > now() AND s.idle_expires_at > now()
     ORDER BY s.refreshed_at DESC
$$;
COMMENT ON FUNCTION auth.list_sessions() IS
    'What api.sessions() does (see its comment there); only that endpoint calls it.';

CREATE FUNCTION auth.revoke_session(session_id uuid)
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    caller uuid := identity.require_caller();
BEGIN
    -- auth.revoke_sessions() reads a NULL only_session as "every session".
    IF session_id IS NULL THEN
        RAISE EXCEPTION 'session_id is required: give the id of one of your sessions'
            USING ERRCODE = '22004',
                  HINT = 'api.sessions() lists them; auth.logout_all() ends them all.';
    END IF;
    IF auth.revoke_sessions(caller, 'revoked', only_session => session_id) = 0 THEN
        RAISE EXCEPTION 'you have no live session %', session_id USING ERRCODE = '42704';
    END IF;
    PERFORM identity.audit('auth.session.revoked', 'session', session_id::text);
END
$$;
COMMENT ON FUNCTION auth.revoke_session(uuid) IS
    'What api.revoke_session() does (see its comment there); only that endpoint calls it.';

CREATE FUNCTION auth.change_password(old_password text, new_password text)
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    caller uuid := identity.require_caller();
    ip inet := auth.request_ip();
    ua text := auth.request_user_agent();
    wait integer;
BEGIN
    IF NOT EXISTS (SELECT FROM identity.users u WHERE u.id = caller) THEN
        RAISE EXCEPTION 'only users have passwords' USING ERRCODE = '42501';
    END IF;
    IF identity.current_api_key_id() IS NOT NULL THEN
        RAISE EXCEPTION 'a password cannot be changed through an API key' USING ERRCODE = '42501';
    END IF;
    -- The current password is guessed like a login's: locked accounts and addresses are
    -- refused without a check, and a failure counts and is audited. It is written through
    -- the autonomous connection, because the refusal rolls this transaction back.
    wait := auth.login_lock_seconds('user:' || caller, auth.login_address(ip));
    IF wait IS NOT NULL THEN
        RAISE SQLSTATE 'PT429' USING
            MESSAGE = format('too many wrong passwords; try again in %s seconds', wait),
            HINT = 'Failed password changes count towards the account''s lockout, as failed logins do.';
    END IF;
    IF NOT coalesce(auth.verify_password(caller, old_password), false) THEN
        BEGIN
            PERFORM auth.autonomous(format('SELECT auth.record_password_change_failure(%L, %L, %L)',
                                           caller, ip, left(ua, 512)));
        EXCEPTION WHEN OTHERS THEN
            RAISE WARNING 'neuronplane: a failed password change of user % was not counted: %', caller, SQLERRM;
        END;
        RAISE EXCEPTION 'the current password is wrong' USING ERRCODE = '28P01';
    END IF;
    PERFORM auth.set_password(caller, new_password);
    PERFORM auth.revoke_sessions(caller, 'password_changed', except_session => auth.current_session_id());
    PERFORM identity.audit('auth.password.changed', 'user', caller::text);
END
$$;
COMMENT ON FUNCTION auth.change_password(text,text) IS
    'What api.change_password() does (see its comment there); only that endpoint calls it.';

CREATE FUNCTION auth.reset_password(user_id uuid, new_password text)
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM identity.require_platform_admin('reset passwords');
    IF NOT EXISTS (SELECT FROM identity.users u WHERE u.id = reset_password.user_id) THEN
        RAISE EXCEPTION 'there is no user with id %', user_id USING ERRCODE = '42704';
    END IF;
    PERFORM auth.set_password(user_id, new_password);
    PERFORM auth.revoke_sessions(user_id, 'password_reset');
    PERFORM identity.audit('auth.password.reset', 'user', user_id::text);
END
$$;
COMMENT ON FUNCTION auth.reset_password(uuid,text) IS
    'What api.reset_password() does (see its comment there); only that endpoint calls it.';

REVOKE EXECUTE ON FUNCTION auth.refresh_checked(text) FROM anon, authenticated, service;
COMMENT ON FUNCTION auth.refresh_checked(text) IS
    'api.refresh() with every check: unknown, spent, revoked and expired tokens, ended sessions, disabled principals, duplicates within the grace interval, reuse. api.refresh() calls it for all but the common case.';

-- api.refresh(): the common case, a live and unspent token of a live session of an active
-- principal, in one statement and one signature. The statement finds the token by its
-- hash (alone, MATERIALIZED: joined with its session, the planner may start from the live
-- sessions), locks its session and it (FOR UPDATE OF ses, tok: the order of
-- auth.revoke_sessions(), so that a refresh and a revocation never deadlock), checks all
-- of them again on the locked rows, spends the token, inserts its successor, moves the
-- session's idle deadline, appends the audit event and reads the settings and the active
-- key. Then the access token is signed.
--
-- The audit event is inserted here, not through audit.record(): its action is a constant
-- of the catalogue, its details empty, and its request metadata (ip, user agent, request
-- id) are computed as audit.record() does, from PostgREST's headers or else the
-- connection (pgTAP 47 compares the two rows). The function runs as the owner of
-- audit.events.
--
-- Everything else finds no row and goes to auth.refresh_checked() with nothing written:
-- unknown, spent, revoked or expired tokens, ended sessions, disabled principals. A
-- concurrent duplicate waits on the session's row lock; when the first commits, the locked
-- rows are checked again, the token is spent and it goes there too: within the grace
-- interval it gets the same successor. Without an active key the row is written, then
-- auth.refresh_checked() fails in auth.issue_access_token() (55000) and the transaction
-- rolls back.
CREATE FUNCTION auth.refresh(refresh_token text)
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    hit  record;
    now_ timestamptz := clock_timestamp();
BEGIN
    WITH found AS MATERIALIZED (
        SELECT r.id, r.session_id
          FROM auth.refresh_tokens r
         WHERE r.token_hash = sha256(convert_to(coalesce(refresh_token, ''), 'UTF8'))
           AND r.used_at IS NULL AND r.revoked_at IS NULL AND r.expires_at > now_
    ), cur AS (
        SELECT tok.id, tok.session_id, ses.principal_id, pr.type AS principal_type,
               cfg.refresh_ttl, cfg.idle_timeout, cfg.access_ttl, cfg.issuer, cfg.audience,
               auth.successor_refresh_token(refresh_token) AS successor
          FROM found f
          JOIN auth.refresh_tokens tok ON tok.id = f.id
          JOIN auth.sessions ses ON ses.id = f.session_id
          JOIN identity.principals pr ON pr.id = ses.principal_id
         CROSS JOIN auth.settings cfg
         WHERE tok.used_at IS NULL AND tok.revoked_at IS NULL AND tok.expires_at > now_
           AND ses.revoked_at IS NULL AND ses.expires_at > now_ AND ses.idle_expires_at > now_
           AND pr.disabled_at IS NULL AND (pr.expires_at IS NULL OR pr.expires_at > now())
           FOR UPDATE OF ses, tok
    ), spent AS (
        UPDATE auth.refresh_tokens r SET used_at = now_ FROM cur WHERE r.id = cur.id
    ), touched AS (
        UPDATE auth.sessions ss SET refreshed_at = now_,
                                    idle_expires_at = least(now_ + cur.idle_timeout, ss.expires_at)
          FROM cur WHERE ss.id = cur.session_id
    ), successor AS (
        INSERT INTO auth.refresh_tokens (session_id, token_hash, parent_id, expires_at)
        SELECT cur.session_id, sha256(convert_to(cur.successor, 'UTF8')), cur.id,
               now_ + cur.refresh_ttl
          FROM cur
    ), event AS (
        INSERT INTO audit.events (principal_id, principal_type, action, resource_type,
                                  resource_id, outcome, ip, user_agent, request_id)
        SELECT cur.principal_id, cur.principal_type, 'auth.refresh.rotated', 'session',
               cur.session_id::text, 'success', auth.request_ip(), auth.request_user_agent(),
               left(nullif(current_setting('request.headers', true), '')::jsonb ->> 'x-request-id', 128)
          FROM cur
    )
    SELECT cur.session_id, cur.principal_id, cur.principal_type, cur.successor,
           cur.access_ttl, cur.issuer, cur.audience, k.kid, k.private_key,
           floor(extract(epoch FROM now_))::bigint AS issued_at
      INTO hit
      FROM cur
      LEFT JOIN auth.signing_keys k ON k.status = 'active';
    IF hit.kid IS NOT NULL THEN
        RETURN jsonb_build_object(
            'access_token', auth.es256_sign(
                auth.access_token_claims(
                    hit.issuer, hit.audience, hit.principal_id,
                    CASE hit.principal_type WHEN 'user' THEN 'authenticated' ELSE 'service' END,
                    hit.session_id, hit.principal_type, hit.issued_at, hit.access_ttl),
                hit.kid, hit.private_key),
            'token_type', 'bearer',
            'expires_in', extract(epoch FROM hit.access_ttl)::integer,
            -- the token's exp, to the second
            'expires_at', hit.issued_at + floor(extract(epoch FROM hit.access_ttl))::bigint,
            'refresh_token', hit.successor,
            'session_id', hit.session_id,
            'principal_id', hit.principal_id,
            'principal_type', hit.principal_type);
    END IF;
    -- Everything else: the full checks, the session locked before its tokens as in
    -- auth.revoke_sessions() (auth.refresh_checked() locks the token, then the session).
    IF hit.session_id IS NULL THEN
        PERFORM FROM auth.sessions ss
         WHERE ss.id = (SELECT r.session_id FROM auth.refresh_tokens r
                         WHERE r.token_hash = sha256(convert_to(coalesce(refresh_token, ''), 'UTF8')))
           FOR UPDATE;
    END IF;
    RETURN auth.refresh_checked(refresh_token);
END
$$;
COMMENT ON FUNCTION auth.refresh(text) IS
    'What api.refresh() does (see its comment there); only that endpoint calls it.';

RESET ROLE;

COMMIT;
