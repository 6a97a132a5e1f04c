-- Deploy neuronplane:auth/api_key_requests to pg

BEGIN;

-- Requests with an X-API-Key header (docs/auth.md, "API keys on requests"):
--
--  * PostgREST calls hooks.pre_request() as the request's role: anon when only X-API-Key
--    is sent. The hook stays SECURITY INVOKER, because a SECURITY DEFINER function may not
--    change the role; it asks hooks.authenticate_api_key_request() (SECURITY DEFINER) who
--    the key is, then sets request.jwt.claims and the role for the rest of the
--    transaction. anon may switch to service and authenticated because it is a member of
--    both; being NOINHERIT, it holds none of their privileges before it switches.
--  * The key is looked up by its prefix (unique index); the SHA-256 of the presented key is
--    compared with the stored one without an early exit.
--  * Counting: PostgREST runs GET and HEAD in a read-only transaction, and a refused request
--    rolls its transaction back, so the counter cannot be written in the request's own
--    transaction. It is written by an autonomous transaction: a dblink connection from the
--    backend to the same database, opened on first use as neuronplane_autonomous and kept
--    for the life of the backend, so that a count costs one round trip; a busy key's
--    backend takes a batch of requests per count (auth.api_key_lease_size()). The same
--    path records last_used_at (at most once a minute) and the audit events of refused
--    keys, which would otherwise be rolled back with the request.

-- dblink, for the autonomous connection. No one but the owner may call it: a backend keeps
-- its connection open between requests, and any role that could run dblink() in that
-- backend could use it.
CREATE EXTENSION dblink WITH SCHEMA extensions;
DO $$
DECLARE
    f regprocedure;
BEGIN
    FOR f IN
        SELECT d.objid::regprocedure
          FROM pg_catalog.pg_depend d
          JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid
         WHERE d.classid = 'pg_catalog.pg_proc'::regclass
           AND d.deptype = 'e'
           AND e.extname = 'dblink'
    LOOP
        EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
    END LOOP;
END
$$;
-- dblink_connect_u() is SECURITY DEFINER (it spares a grantee the password checks that bind
-- non-superusers); granted to no one, it still gets a pinned search_path like every definer.
ALTER FUNCTION extensions.dblink_connect_u(text) SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION extensions.dblink_connect_u(text, text) SET search_path = pg_catalog, pg_temp;
GRANT EXECUTE ON FUNCTION extensions.dblink_connect(text, text), extensions.dblink(text, text),
                          extensions.dblink_disconnect(text), extensions.dblink_get_connections()
   TO neuronplane_owner;

GRANT USAGE ON SCHEMA auth TO neuronplane_autonomous;

-- anon may become service or authenticated, which hooks.pre_request() does for a request
-- with a valid key. NOINHERIT (roles): anon holds none of their privileges until then.
GRANT service, authenticated TO anon;

-- Requests a backend took in advance (auth.api_key_lease_size() > 1) and has not spent
-- yet, per key and window. They live in PL/Python's session dictionary, which a refused or
-- failed request does not roll back (a table, even a temporary one, or a setting would
-- be rolled back with it, and the request would not have been spent).
-- PL/Python is an untrusted language: created by the deploying superuser and handed to the
-- owner, the only role that may run them.
CREATE FUNCTION auth.take_leased_request(key_id uuid, window_start timestamptz)
RETURNS boolean
LANGUAGE plpython3u
VOLATILE
STRICT
SET search_path = pg_catalog, pg_temp
AS $$
lease = GD.setdefault("neuronplane.api_key_leases", {}).get(key_id)
if lease is None or lease[0] != window_start or lease[1] <= 0:
    return False
lease[1] -= 1
return True
$$;
COMMENT ON FUNCTION auth.take_leased_request(uuid, timestamptz) IS
    'Spend one of the requests this backend took in advance for the key in this window; false when none is left.';

CREATE FUNCTION auth.keep_leased_requests(key_id uuid, window_start timestamptz, requests integer)
RETURNS void
LANGUAGE plpython3u
VOLATILE
STRICT
SET search_path = pg_catalog, pg_temp
AS $$
leases = GD.setdefault("neuronplane.api_key_leases", {})
for other in [k for k, v in leases.items() if v[0] != window_start]:
    del leases[other]
if requests > 0:
    leases[key_id] = [window_start, requests]
else:
    leases.pop(key_id, None)
$$;
COMMENT ON FUNCTION auth.keep_leased_requests(uuid, timestamptz, integer) IS
    'Keep the requests taken in advance for the key in this window (replacing what was kept for it); forgets other windows.';
REVOKE ALL ON FUNCTION auth.take_leased_request(uuid, timestamptz),
                       auth.keep_leased_requests(uuid, timestamptz, integer) FROM PUBLIC;
ALTER FUNCTION auth.take_leased_request(uuid, timestamptz) OWNER TO neuronplane_owner;
ALTER FUNCTION auth.keep_leased_requests(uuid, timestamptz, integer) OWNER TO neuronplane_owner;

SET LOCAL ROLE neuronplane_owner;

INSERT INTO audit.actions (action, description) VALUES
    ('api_key.rejected', 'A request with an API key was refused (details.reason: malformed, unknown, wrong_secret, revoked, expired, principal_disabled, principal_expired); the first of each minute per key, or per client address for keys that name none.');

CREATE TABLE auth.autonomous_logins (
    role_name  text PRIMARY KEY CHECK (role_name = 'neuronplane_autonomous'),
    -- internal.encrypt_secret(password, 'auth.autonomous_logins:' || role_name)
    password   bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE auth.autonomous_logins IS
    'The password of the autonomous connection''s login, encrypted under the data key; set when the change is deployed.';
ALTER TABLE auth.autonomous_logins ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

-- One row per key: the current one-minute window (UTC minutes) and the requests counted in
-- it, those handed out in advance to a backend included (auth.api_key_lease_size()).
-- Updated in place by every count, so it is kept small and its updates HOT.
CREATE TABLE auth.api_key_request_counts (
    api_key_id    uuid PRIMARY KEY REFERENCES identity.api_keys (id) ON DELETE CASCADE,
    window_start  timestamptz NOT NULL,
    request_count integer NOT NULL CHECK (request_count > 0),
    -- How many requests the last count let through (0: it was refused).
    last_taken    integer NOT NULL CHECK (last_taken >= 0)
) WITH (fillfactor = 50);
COMMENT ON TABLE auth.api_key_request_counts IS
    'Requests made with each API key in its current one-minute window (and requests handed out in advance to a backend), shared by every PostgREST instance; written by the autonomous connection.';
ALTER TABLE auth.api_key_request_counts ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

-- Refused keys per minute, so that only the first refusal of each minute is audited: per
-- key when the presented prefix is a key's, else per client address.
CREATE TABLE auth.api_key_rejections (
    subject         text PRIMARY KEY CHECK (subject ~ '^(api_key|address):'),
    window_start    timestamptz NOT NULL,
    rejection_count integer NOT NULL CHECK (rejection_count > 0)
);
COMMENT ON TABLE auth.api_key_rejections IS
    'Refused API-key requests in the current minute, per key (api_key:<id>) or client address (address:<ip>): only the first of each minute is audited. Purged by auth.purge_api_key_rejections().';
ALTER TABLE auth.api_key_rejections ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

-- Checking a key ------------------------------------------------------------------------------

-- Are two SHA-256 digests equal? XOR and a population count over all 32 bytes: no exit at
-- the first differing byte. (The digests are of the presented key, whose bytes the caller
-- cannot choose, so even an early exit would tell little; this tells nothing.)
CREATE FUNCTION auth.digests_equal(a bytea, b bytea)
RETURNS boolean
LANGUAGE sql
IMMUTABLE
STRICT
PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT CASE WHEN length(a) <> length(b) OR length(a) = 0 THEN false
                ELSE bit_count(('x' || encode(a, 'hex'))::bit varying
                               # ('x' || encode(b, 'hex'))::bit varying) = 0 END
$$;
COMMENT ON FUNCTION auth.digests_equal(bytea, bytea) IS
    'Equality of two digests of the same length, in time independent of where they differ.';

-- What a presented API key is worth, without raising: outcome 'ok' with the key's
-- principal, role and claims, or the reason for refusing it with the message and hint a
-- client gets. An unknown prefix and a wrong secret answer alike; what follows the secret
-- check (revoked, expired, disabled) is told only to whoever holds the secret.
CREATE FUNCTION auth.check_api_key(
    key                    text,
    OUT outcome            text,
    OUT api_key_id         uuid,
    OUT prefix             text,
    OUT principal_id       uuid,
    OUT principal_type     text,
    OUT role               text,
    OUT claims             jsonb,
    OUT rate_limit_per_min integer,
    OUT last_used_at       timestamptz,
    OUT message            text,
    OUT hint               text)
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    parts  text[] := regexp_match(key, '^npk_([0-9a-f]{12})_[0-9a-f]{64}$');
    -- Hashed whatever the lookup finds, so that an unknown prefix costs what a wrong secret does.
    digest bytea := sha256(convert_to(coalesce(key, ''), 'UTF8'));
    k      identity.api_keys;
    p      identity.principals;
BEGIN
    IF parts IS NULL THEN
        outcome := 'malformed';
        message := 'the X-API-Key header does not hold an API key';
        hint := 'An API key looks like npk_<12 hex digits>_<64 hex digits>.';
        RETURN;
    END IF;
    prefix := parts[1];
    SELECT * INTO k FROM identity.api_keys x WHERE x.prefix = parts[1];
    api_key_id := k.id;
    IF k.id IS NULL OR NOT auth.digests_equal(k.secret_hash, digest) THEN
        outcome := CASE WHEN k.id IS NULL THEN 'unknown' ELSE 'wrong_secret' END;
        message := 'invalid API key';
        hint := 'Check the key: it is shown once, when it is created or rotated.';
        RETURN;
    END IF;
    principal_id := k.principal_id;
    principal_type := k.principal_type;
    rate_limit_per_min := k.rate_limit_per_min;
    last_used_at := k.last_used_at;
    SELECT * INTO p FROM identity.principals x WHERE x.id = k.principal_id;
    IF k.revoked_at IS NOT NULL THEN
        outcome := 'revoked';
        message := format('API key npk_%s has been revoked', prefix);
        hint := 'Use another key of yours, or create one.';
    ELSIF k.expires_at <= now() THEN
        outcome := 'expired';
        message := format('API key npk_%s has expired', prefix);
        hint := 'Create a new key, or rotate keys before they expire.';
    ELSIF p.disabled_at IS NOT NULL THEN
        outcome := 'principal_disabled';
        message := format('the %s of API key npk_%s is disabled',
                          replace(k.principal_type, '_', ' '), prefix);
        hint := 'Ask an administrator to enable it again.';
    ELSIF p.expires_at <= now() THEN
        outcome := 'principal_expired';
        message := format('the %s of API key npk_%s has expired',
                          replace(k.principal_type, '_', ' '), prefix);
        hint := 'Ask an administrator to extend it.';
    ELSE
        outcome := 'ok';
        -- A user's own key acts as that person; service accounts' and agents' keys as the service.
        role := CASE k.principal_type WHEN 'user' THEN 'authenticated' ELSE 'service' END;
        claims := jsonb_build_object('sub', k.principal_id, 'role', role,
                                     'principal_type', k.principal_type, 'api_key_id', k.id);
    END IF;
END
$$;
COMMENT ON FUNCTION auth.check_api_key(text) IS
    'Check a presented API key without raising: outcome ok (principal, role, claims) or malformed, unknown, wrong_secret, revoked, expired, principal_disabled, principal_expired, with the message and hint to answer.';

-- The principal of a valid API key, or 401 (SQLSTATE PT401) saying why not. Side-effect
-- free: no counting, no audit (hooks.authenticate_api_key_request() does those).
CREATE FUNCTION auth.authenticate_api_key(
    key                text,
    OUT principal_id   uuid,
    OUT principal_type text,
    OUT api_key_id     uuid,
    OUT role           text,
    OUT claims         jsonb)
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    c record;
BEGIN
    SELECT * INTO c FROM auth.check_api_key(key);
    IF c.outcome <> 'ok' THEN
        RAISE SQLSTATE 'PT401' USING MESSAGE = c.message, HINT = c.hint;
    END IF;
    principal_id := c.principal_id;
    principal_type := c.principal_type;
    api_key_id := c.api_key_id;
    role := c.role;
    claims := c.claims;
END
$$;
COMMENT ON FUNCTION auth.authenticate_api_key(text) IS
    'The principal, database role (authenticated for a user''s key, service otherwise) and request claims of a valid API key; SQLSTATE PT401 with the reason otherwise.';

-- The autonomous connection -------------------------------------------------------------------

-- The connection string of the autonomous connection: this server over TCP (its first
-- listen address; loopback for a wildcard), this database, the stored password.
CREATE FUNCTION auth.autonomous_conninfo()
RETURNS text
LANGUAGE plpgsql
VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    host   text := btrim(split_part(current_setting('listen_addresses'), ',', 1));
    secret text;
BEGIN
    IF host = '' THEN
        RAISE EXCEPTION 'the server listens on no TCP address: API-key requests cannot be counted'
            USING ERRCODE = '08001', HINT = 'Set listen_addresses (neuronplane sets 127.0.0.1).';
    END IF;
    host := CASE host WHEN '*' THEN '127.0.0.1' WHEN '0.0.0.0' THEN '127.0.0.1' WHEN '::' THEN '::1'
                      ELSE host END;
    SELECT internal.decrypt_secret(l.password, 'auth.autonomous_logins:' || l.role_name)
      INTO STRICT secret
      FROM auth.autonomous_logins l
     WHERE l.role_name = 'neuronplane_autonomous';
    -- libpq's quoting: single quotes around the value, a backslash before ' and \.
    RETURN format('host=%s port=%s dbname=%s user=neuronplane_autonomous password=%s '
                  'application_name=neuronplane_autonomous sslmode=disable gssencmode=disable '
                  'connect_timeout=5',
                  q.host, q.port, q.dbname, q.secret)
      FROM (SELECT '''' || regexp_replace(host, '([\\''])', '\\\1', 'g') || '''' AS host,
                   '''' || current_setting('port') || '''' AS port,
                   '''' || regexp_replace(current_database(), '([\\''])', '\\\1', 'g') || '''' AS dbname,
                   '''' || regexp_replace(secret, '([\\''])', '\\\1', 'g') || '''' AS secret) q;
END
$$;
COMMENT ON FUNCTION auth.autonomous_conninfo() IS
    'libpq connection string of the autonomous connection (holds its password: for auth.autonomous() only).';

-- Run one statement, returning one jsonb value, in an autonomous transaction: on this
-- backend's dblink connection as neuronplane_autonomous, where it commits at once, whatever
-- becomes of the calling transaction, read-only or not. The connection is opened on first
-- use and kept for the life of the backend (one round trip per call after that); one that
-- broke (the other end was terminated, the server restarted) is replaced once, then the
-- request fails with 503. (Had the statement run before the connection broke, the retry
-- runs it twice: a request counted twice, in a rare failure, is the safe side.)
CREATE FUNCTION auth.autonomous(statement text)
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    result jsonb;
BEGIN
    BEGIN
        IF NOT coalesce('neuronplane_autonomous' = ANY (extensions.dblink_get_connections()), false) THEN
            PERFORM extensions.dblink_connect('neuronplane_autonomous', auth.autonomous_conninfo());
        END IF;
        SELECT t.result INTO result
          FROM extensions.dblink('neuronplane_autonomous', statement) AS t(result jsonb);
    EXCEPTION WHEN connection_exception THEN
        BEGIN
            IF coalesce('neuronplane_autonomous' = ANY (extensions.dblink_get_connections()), false) THEN
                PERFORM extensions.dblink_disconnect('neuronplane_autonomous');
            END IF;
            PERFORM extensions.dblink_connect('neuronplane_autonomous', auth.autonomous_conninfo());
            SELECT t.result INTO result
              FROM extensions.dblink('neuronplane_autonomous', statement) AS t(result jsonb);
        EXCEPTION WHEN connection_exception THEN
            RAISE WARNING 'neuronplane: the autonomous connection failed: %', SQLERRM;
            RAISE SQLSTATE 'PT503' USING
                MESSAGE = 'API-key requests cannot be counted at the moment',
                HINT = 'Try again shortly; the server log says what failed.';
        END;
    END;
    RETURN result;
END
$$;
COMMENT ON FUNCTION auth.autonomous(text) IS
    'Run a statement returning one jsonb value in an autonomous transaction (this backend''s dblink connection as neuronplane_autonomous); PT503 when the connection cannot be made.';

-- Seconds until a one-minute window ends, at least 1: the Retry-After of a refused request.
CREATE FUNCTION auth.rate_limit_retry_after(window_start timestamptz, moment timestamptz)
RETURNS integer
LANGUAGE sql
IMMUTABLE
STRICT
PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT greatest(1, ceil(extract(epoch FROM window_start + interval '1 minute' - moment)))::integer
$$;
COMMENT ON FUNCTION auth.rate_limit_retry_after(timestamptz, timestamptz) IS
    'Whole seconds (at least 1) from moment until the one-minute window that starts at window_start ends.';

-- How many requests one count takes for a key with this limit. Below 2,000 a minute, one:
-- each request is counted as it comes, exactly. Above, a backend takes limit/1000 at once
-- (at most 100) and spends them locally (auth.take_leased_request()), so that a busy key
-- costs one round trip per batch. Requests taken but not spent before the minute ends, or
-- while another backend is refused, are lost: at most limit/1000 per PostgREST backend a
-- minute go unused; more than the limit never passes.
CREATE FUNCTION auth.api_key_lease_size(rate_limit_per_min integer)
RETURNS integer
LANGUAGE sql
IMMUTABLE
STRICT
PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT CASE WHEN rate_limit_per_min < 2000 THEN 1 ELSE least(100, rate_limit_per_min / 1000) END
$$;
COMMENT ON FUNCTION auth.api_key_lease_size(integer) IS
    'Requests one count takes for a key with this rate limit: 1 below 2,000 a minute, else limit/1000 (at most 100).';

-- Run on the autonomous connection: take up to `take` requests of the key's current UTC
-- minute (as many as its limit leaves; a refused request is counted as one), set
-- last_used_at when touch (the caller saw it more than a minute old; checked again here),
-- and answer {"count", "taken", "window_start"}, with "retry_after" when nothing was taken.
-- Counts above the limit come only from refusals, one each, so the first refusal of a
-- window is the one that makes the count limit + 1: it alone is audited
-- (api_key.rate_limited).
-- SECURITY DEFINER: neuronplane_autonomous may run it, and nothing else of auth.
CREATE FUNCTION auth.count_api_key_request(key_id uuid, max_per_min integer, take integer,
                                           touch boolean, ip inet, user_agent text,
                                           request_id text)
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    n       integer;
    taken   integer;
    started timestamptz;
    k       identity.api_keys;
    s       identity.resource_scopes;
BEGIN
    INSERT INTO auth.api_key_request_counts AS r (api_key_id, window_start, request_count, last_taken)
    VALUES (key_id, date_trunc('minute', now(), 'UTC'),
            least(take, max_per_min), least(take, max_per_min))
    ON CONFLICT (api_key_id) DO UPDATE
       SET (window_start, request_count, last_taken) =
           (SELECT excluded.window_start, x.before + greatest(x.granted, 1), x.granted
              FROM (SELECT b.before, greatest(0, least(take, max_per_min - b.before)) AS granted
                      FROM (SELECT CASE WHEN r.window_start = excluded.window_start
                                        THEN r.request_count ELSE 0 END AS before) b) x)
    RETURNING r.request_count, r.last_taken, r.window_start INTO n, taken, started;
    IF touch THEN
        UPDATE identity.api_keys x SET last_used_at = now()
         WHERE x.id = key_id AND (x.last_used_at IS NULL OR x.last_used_at <= now() - interval '1 minute');
    END IF;
    IF taken > 0 THEN
        RETURN jsonb_build_object('count', n, 'taken', taken, 'window_start', started);
    END IF;
    IF n = max_per_min + 1 THEN
        -- What the request's headers said, not this connection's address (audit.record()
        -- falls back to the connection's without request headers).
        PERFORM set_config('request.headers', '{}', true);
        SELECT * INTO k FROM identity.api_keys x WHERE x.id = key_id;
        SELECT * INTO s FROM identity.resource_scopes x
         WHERE x.resource_type = 'api_key' AND x.resource_id = key_id;
        PERFORM audit.record('api_key.rate_limited', 'denied', 'api_key', k.prefix,
                             jsonb_build_object('rate_limit_per_min', max_per_min,
                                                'window_start', started),
                             k.principal_id, k.principal_type, s.org_id, s.project_id,
                             ip, user_agent, request_id);
    END IF;
    RETURN jsonb_build_object('count', n, 'taken', 0, 'window_start', started,
                              'retry_after', auth.rate_limit_retry_after(started, clock_timestamp()));
END
$$;
COMMENT ON FUNCTION auth.count_api_key_request(uuid, integer, integer, boolean, inet, text, text) IS
    'Autonomous side of an API-key request: takes up to `take` requests of the key''s current minute, records last use (at most once a minute), audits the first refusal of a window. Returns {count, taken, window_start[, retry_after]}.';

-- Run on the autonomous connection: note a refused key and audit it (api_key.rejected) if
-- it is the first refusal this minute for the key (or, for keys naming none, the client's
-- address: the IPv4 host or IPv6 /64, as for logins), so that a flood writes one event a
-- minute. The event names no principal (whoever sent it is not known); it carries the key's
-- organization and project, so that their administrators read it.
-- SECURITY DEFINER: neuronplane_autonomous may run it, and nothing else of auth.
CREATE FUNCTION auth.record_api_key_rejection(key_id uuid, prefix text, reason text,
                                              ip inet, user_agent text, request_id text)
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    n integer;
    s identity.resource_scopes;
BEGIN
    INSERT INTO auth.api_key_rejections AS r (subject, window_start, rejection_count)
    VALUES (CASE WHEN key_id IS NOT NULL THEN 'api_key:' || key_id
                 ELSE 'address:' || coalesce(auth.login_address(ip)::text, 'unknown') END,
            date_trunc('minute', now(), 'UTC'), 1)
    ON CONFLICT (subject) DO UPDATE
       SET rejection_count = CASE WHEN r.window_start = excluded.window_start
                                  THEN r.rejection_count + 1 ELSE 1 END,
           window_start = excluded.window_start
    RETURNING r.rejection_count INTO n;
    IF n > 1 THEN
        RETURN jsonb_build_object('audited', false);
    END IF;
    SELECT * INTO s FROM identity.resource_scopes x
     WHERE x.resource_type = 'api_key' AND x.resource_id = key_id;
    PERFORM set_config('request.headers', '{}', true);  -- as in auth.count_api_key_request()
    PERFORM audit.record('api_key.rejected', 'denied', 'api_key', prefix,
                         jsonb_build_object('reason', reason), NULL, NULL, s.org_id, s.project_id,
                         ip, user_agent, request_id);
    RETURN jsonb_build_object('audited', true);
END
$$;
COMMENT ON FUNCTION auth.record_api_key_rejection(uuid, text, text, inet, text, text) IS
    'Autonomous side of a refused API key: audits api_key.rejected, the first of each minute per key (or client address). Returns {audited}.';

-- Rows of auth.api_key_rejections that no longer throttle anything; pg_cron every 10 minutes.
CREATE FUNCTION auth.purge_api_key_rejections()
RETURNS integer
LANGUAGE plpgsql
VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    n integer;
BEGIN
    DELETE FROM auth.api_key_rejections r WHERE r.window_start < now() - interval '2 minutes';
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;
COMMENT ON FUNCTION auth.purge_api_key_rejections() IS
    'Delete refusal counts of past minutes; returns how many. Scheduled by pg_cron.';

-- Using a key sets its last_used_at: that is no change of the key, so updated_at keeps its
-- value. Fires after api_keys_set_updated_at (a table's triggers fire in name order).
CREATE FUNCTION identity.tg_api_keys__keep_updated_at()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF to_jsonb(NEW) - 'last_used_at' - 'updated_at' = to_jsonb(OLD) - 'last_used_at' - 'updated_at' THEN
        NEW.updated_at := OLD.updated_at;
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION identity.tg_api_keys__keep_updated_at() IS
    'Trigger: an update of last_used_at alone leaves updated_at as it was.';

CREATE TRIGGER api_keys_use_keeps_updated_at BEFORE UPDATE OF last_used_at ON identity.api_keys
    FOR EACH ROW WHEN (OLD.last_used_at IS DISTINCT FROM NEW.last_used_at)
    EXECUTE FUNCTION identity.tg_api_keys__keep_updated_at();

-- hooks.check_access_token(): as auth/api_key_requests made it, and a token must name a live
-- session of its own subject.
CREATE FUNCTION hooks.check_access_token()
RETURNS void
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    sid uuid := auth.current_session_id();
    claims jsonb;
BEGIN
    PERFORM auth.check_access_token();
    claims := coalesce(nullif(current_setting('request.jwt.claims', true), '')::jsonb, '{}');
    IF NOT (claims ?| ARRAY['sub', 'sid'])
       AND coalesce(nullif(current_setting('request.headers', true), '')::jsonb ->> 'authorization', '')
           !~* '^bearer\s+\S' THEN
        RETURN;  -- anonymous: no token, no claims of one
    END IF;
    IF sid IS NOT NULL AND auth.session_is_active(sid) AND NOT auth.session_is_live_for(sid, claims ->> 'sub') THEN
        sid := NULL;  -- another principal's session: no session of this token's subject
    END IF;
    IF sid IS NULL THEN
        RAISE SQLSTATE 'PT401' USING
            MESSAGE = 'the access token names no session of its subject',
            HINT = 'Use a token issued by api.login or api.refresh.';
    END IF;
    IF NOT auth.session_is_active(sid) THEN
        RAISE SQLSTATE 'PT401' USING
            MESSAGE = 'the session of this access token has ended',
            HINT = 'Log in again, or refresh with a valid refresh token.';
    END IF;
END
$$;
COMMENT ON FUNCTION hooks.check_access_token() IS
    'For hooks.pre_request(): refuses (401) tokens PostgREST let through that are not ours (issuer, audience, expiry, key), tokens without a session of their own subject (sid missing, another principal''s, or sub no principal), and tokens of revoked or expired sessions.';

-- A request with X-API-Key: the key's role and claims, after counting the request (one
-- round trip on the autonomous connection; for a busy key, one per batch taken in advance).
-- A refused key is audited (autonomously: the refusal rolls the request back) and answered
-- 401; a key over its rate limit 429 with Retry-After (PostgREST takes the status and
-- headers of a RAISE SQLSTATE 'PGRST' from its DETAIL).
-- SECURITY DEFINER: reads identity.api_keys and opens the autonomous connection for
-- whichever role the request came as.
CREATE FUNCTION hooks.authenticate_api_key_request(key text, OUT role text, OUT claims jsonb)
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    headers jsonb := coalesce(nullif(current_setting('request.headers', true), '')::jsonb, '{}');
    c       record;
    take    integer;
    touch   boolean;
    counted jsonb;
BEGIN
    IF headers ? 'authorization' THEN
        RAISE SQLSTATE 'PT401' USING
            MESSAGE = 'a request carries an access token or an API key, not both',
            HINT = 'Send either the Authorization header or X-API-Key.';
    END IF;
    SELECT * INTO c FROM auth.check_api_key(key);
    IF c.outcome <> 'ok' THEN
        -- The client as auth.request_ip() sees it: only a trusted proxy header tells a
        -- PostgREST client's address.
        PERFORM auth.autonomous(format('SELECT auth.record_api_key_rejection(%L, %L, %L, %L, %L, %L)',
                                       c.api_key_id, c.prefix, c.outcome, audit.client_ip(headers),
                                       left(headers ->> 'user-agent', 512),
                                       left(headers ->> 'x-request-id', 128)));
        RAISE SQLSTATE 'PT401' USING MESSAGE = c.message, HINT = c.hint;
    END IF;
    role := c.role;
    claims := c.claims;
    take := auth.api_key_lease_size(c.rate_limit_per_min);
    touch := c.last_used_at IS NULL OR c.last_used_at <= now() - interval '1 minute';
    -- A busy key: spend a request this backend took in advance, if one is left.
    IF take > 1 AND NOT touch
       AND auth.take_leased_request(c.api_key_id, date_trunc('minute', clock_timestamp(), 'UTC')) THEN
        RETURN;
    END IF;
    counted := auth.autonomous(format(
        'SELECT auth.count_api_key_request(%L, %L, %L, %L, %L, %L, %L)',
        c.api_key_id, c.rate_limit_per_min, take, touch, audit.client_ip(headers),
        left(headers ->> 'user-agent', 512), left(headers ->> 'x-request-id', 128)));
    IF counted ? 'retry_after' THEN
        RAISE SQLSTATE 'PGRST' USING
            MESSAGE = jsonb_build_object(
                'code', 'PT429',
                'message', format('API key npk_%s is over its rate limit of %s requests per minute',
                                  c.prefix, c.rate_limit_per_min),
                'details', NULL,
                'hint', format('Retry after %s seconds.', counted ->> 'retry_after'))::text,
            DETAIL = jsonb_build_object(
                'status', 429,
                'headers', jsonb_build_object('Retry-After', counted ->> 'retry_after'))::text;
    END IF;
    IF take > 1 THEN
        -- This request spends one; the backend keeps the rest for the same window.
        PERFORM auth.keep_leased_requests(c.api_key_id, (counted ->> 'window_start')::timestamptz,
                                          (counted ->> 'taken')::integer - 1);
    END IF;
END
$$;
COMMENT ON FUNCTION hooks.authenticate_api_key_request(text) IS
    'For hooks.pre_request(): the role and claims of a request''s API key, after counting the request (401 refused key, 429 over the key''s rate limit, 503 counting unavailable).';

GRANT EXECUTE ON FUNCTION hooks.check_access_token(), hooks.authenticate_api_key_request(text)
   TO anon, authenticated, service;
GRANT EXECUTE ON FUNCTION auth.count_api_key_request(uuid, integer, integer, boolean, inet, text, text),
                          auth.record_api_key_rejection(uuid, text, text, inet, text, text)
   TO neuronplane_autonomous;

RESET ROLE;

-- The login's password: 256 random bits, handed to the server in this statement only
-- (it keeps the SCRAM verifier) and stored encrypted for auth.autonomous_conninfo().
DO $$
DECLARE
    secret text := encode(extensions.gen_random_bytes(32), 'hex');
BEGIN
    EXECUTE format('ALTER ROLE neuronplane_autonomous PASSWORD %L', secret);
    INSERT INTO auth.autonomous_logins (role_name, password)
    VALUES ('neuronplane_autonomous',
            internal.encrypt_secret(secret, 'auth.autonomous_logins:neuronplane_autonomous'));
END
$$;

-- pg_cron runs it as the deploying superuser.
DO $$
BEGIN
    PERFORM cron.schedule('neuronplane-api-key-rejections', '*/10 * * * *',
                          'SELECT auth.purge_api_key_rejections()');
END
$$;

SET LOCAL ROLE neuronplane_owner;

-- True while the session is live (auth.session_is_active(), the one rule of liveness) and
-- belongs to the principal. sub arrives as text from the claims: anything but a uuid is
-- nobody's. SECURITY DEFINER: the hook runs as the request's role, which cannot read sessions.
CREATE FUNCTION auth.session_is_live_for(session_id uuid, sub text)
RETURNS boolean
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT coalesce(sub ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$', false)
       AND EXISTS (SELECT FROM auth.sessions s
                    WHERE s.id = session_is_live_for.session_id
                      AND s.principal_id = session_is_live_for.sub::uuid)
       AND auth.session_is_active(session_is_live_for.session_id)
$$;
COMMENT ON FUNCTION auth.session_is_live_for(uuid, text) IS
    'True while the session is live (auth.session_is_active()) and is a session of the principal sub.';

REVOKE ALL ON FUNCTION auth.session_is_live_for(uuid, text) FROM PUBLIC;

RESET ROLE;

-- This change's secret columns, for workspace.rotate_secrets().
SET LOCAL ROLE neuronplane_owner;
INSERT INTO internal.secret_columns (name, table_name, column_name, context_sql) VALUES
    ('autonomous_logins', 'auth.autonomous_logins', 'password', $$'auth.autonomous_logins:' || role_name$$);
RESET ROLE;

COMMIT;
