-- Deploy neuronplane:auth/refresh_fast_path to pg
-- requires: auth/sessions
-- requires: auth/signing_keys
-- requires: audit/record

BEGIN;

-- auth.es256_sign(): one np_tokens.Signer per backend and key, kept in SD. It encodes the
-- header once and signs the claims' jsonb text as it comes: no json.loads() and
-- re-serialization, no jwt.encode() per token. In the server that halves a signature's
-- cost (bench/auth.py (b)). Same signature, result, volatility, owner and grants.
CREATE OR REPLACE FUNCTION auth.es256_sign(claims jsonb, kid text, private_key bytea)
RETURNS text
LANGUAGE plpython3u
VOLATILE
STRICT
SET search_path = pg_catalog, pg_temp
AS $$
signer = SD.get(kid)
if signer is None:
    import np_tokens
    if "decrypt" not in SD:
        SD["decrypt"] = plpy.prepare("SELECT internal.decrypt_secret($1, $2) AS pem", ["bytea", "text"])
    pem = plpy.execute(SD["decrypt"], [private_key, "auth.signing_keys:" + kid])[0]["pem"]
    signer = SD[kid] = np_tokens.Signer(kid, np_tokens.load_private_key(pem))
return signer.sign(claims)
$$;

SET LOCAL ROLE neuronplane_owner;

-- auth.successor_refresh_token(): a SQL function with a SET clause is never inlined and
-- keeps no plan, so each call parsed and planned its query again (38 us of a rotation's
-- ~500 us under pgbench). As PL/pgSQL the plan is kept per session. Same signature, result,
-- volatility and settings.
CREATE OR REPLACE FUNCTION auth.successor_refresh_token(token text)
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

-- auth.token_response(): the session, its principal and the access TTL in one statement
-- instead of three. Same signature, answer and failures.
CREATE OR REPLACE FUNCTION auth.token_response(session_id uuid, refresh_token text)
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

-- The landed api.refresh() becomes auth.refresh_checked(), unchanged: every check, the
-- grace interval, reuse detection. It is no longer an API function.
ALTER FUNCTION api.refresh(text) RENAME TO refresh_checked;
ALTER FUNCTION api.refresh_checked(text) SET SCHEMA auth;
REVOKE EXECUTE ON FUNCTION auth.refresh_checked(text) FROM anon, authenticated, service;
COMMENT ON FUNCTION auth.refresh_checked(text) IS
    'api.refresh() with every check: unknown, spent, revoked and expired tokens, ended sessions, disabled principals, duplicates within the grace interval, reuse. api.refresh() calls it for all but the common case.';

-- api.refresh(): the common case, a live and unspent token of a live session of an active
-- principal, is two statements: find the token by its hash; then lock its session and it
-- (in the order of auth.revoke_sessions(), so that a refresh and a revocation of one
-- session never deadlock), spend the token, insert its successor, move the session's idle
-- deadline. Then the audit event and the answer. Everything else finds no row there and
-- goes to auth.refresh_checked(). A concurrent duplicate waits on the session's row lock;
-- when the first commits, the locked rows are checked again (hence the token's conditions
-- twice), it finds the token spent and goes there too: it gets the same successor within
-- the grace interval.
CREATE FUNCTION api.refresh(refresh_token text)
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    hit    record;
    tok_id uuid;
    ses_id uuid;
    live   boolean;
    now_   timestamptz := clock_timestamp();
BEGIN
    -- The token first, by its hash, alone: joined in one statement with its session, the
    -- planner may start from the live sessions (a partial index it estimates small) and
    -- probe the token once per live session.
    SELECT r.id, r.session_id, r.used_at IS NULL AND r.revoked_at IS NULL AND r.expires_at > now_
      INTO tok_id, ses_id, live
      FROM auth.refresh_tokens r
     WHERE r.token_hash = sha256(convert_to(coalesce(refresh_token, ''), 'UTF8'));
    IF live THEN
        WITH cur AS (
            SELECT tok.id, tok.session_id, ses.principal_id, pr.type AS principal_type,
                   cfg.refresh_ttl, cfg.idle_timeout,
                   auth.successor_refresh_token(refresh_token) AS successor
              FROM auth.refresh_tokens tok
              JOIN auth.sessions ses ON ses.id = tok.session_id
              JOIN identity.principals pr ON pr.id = ses.principal_id
             CROSS JOIN auth.settings cfg
             WHERE tok.id = tok_id AND ses.id = ses_id
               AND tok.used_at IS NULL AND tok.revoked_at IS NULL AND tok.expires_at > now_
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
        )
        SELECT cur.session_id, cur.principal_id, cur.principal_type, cur.successor INTO hit FROM cur;
        IF FOUND THEN
            PERFORM audit.record('auth.refresh.rotated', 'success', 'session', hit.session_id::text, '{}',
                                 hit.principal_id, hit.principal_type,
                                 ip => auth.request_ip(), user_agent => auth.request_user_agent());
            RETURN auth.token_response(hit.session_id, hit.successor);
        END IF;
    END IF;
    -- Everything else: the full checks. Sessions are locked before their tokens, here as
    -- in auth.revoke_sessions() (the session, then its tokens): auth.refresh_checked() locks
    -- the token, then the session, so the session is locked first.
    IF ses_id IS NOT NULL THEN
        PERFORM FROM auth.sessions ss WHERE ss.id = ses_id FOR UPDATE;
    END IF;
    RETURN auth.refresh_checked(refresh_token);
END
$$;
COMMENT ON FUNCTION api.refresh(text) IS
$$Exchange a refresh token for a new access token and a new refresh token (the old one is spent). A duplicate within the reuse grace interval gets the same successor; a spent token presented later revokes the whole session. Answers like login; failures with HTTP 401 {error: "invalid_grant", code: "28000", message}.$$;
GRANT EXECUTE ON FUNCTION api.refresh(text) TO anon, authenticated, service;

COMMIT;
