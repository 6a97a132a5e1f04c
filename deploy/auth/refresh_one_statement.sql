-- Deploy neuronplane:auth/refresh_one_statement to pg
-- requires: auth/refresh_fast_path
-- requires: auth/signing_keys
-- requires: audit/record

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- The claims of an access token, in one place for auth.issue_access_token() and
-- api.refresh(). A SQL function without SET clause, so that the planner inlines it into
-- the caller's statement; it names only pg_catalog's functions.
CREATE FUNCTION auth.access_token_claims(
    issuer         text,
    audience       text,
    principal_id   uuid,
    role           text,
    session_id     uuid,
    principal_type text,
    issued_at      bigint,
    lifetime       interval
)
RETURNS jsonb
LANGUAGE sql
VOLATILE
AS $$
    SELECT jsonb_strip_nulls(jsonb_build_object(
        'iss', issuer,
        'aud', audience,
        'sub', principal_id,
        'role', role,
        'sid', session_id,
        'principal_type', principal_type,
        'iat', issued_at,
        'exp', issued_at + floor(extract(epoch FROM lifetime))::bigint,
        'jti', gen_random_uuid()))
$$;
COMMENT ON FUNCTION auth.access_token_claims(text, text, uuid, text, uuid, text, bigint, interval) IS
    'The standard claims of an access token: iss, aud, sub, role, sid (when given), principal_type, iat, exp = iat + lifetime, and a fresh jti. Volatile: each call draws a new jti.';

-- auth.issue_access_token(): the same checks and answer, its claims from
-- auth.access_token_claims().
CREATE OR REPLACE FUNCTION auth.issue_access_token(
    principal_id   uuid,
    principal_type text,
    role           text,
    session_id     uuid DEFAULT NULL,
    extra_claims   jsonb DEFAULT '{}',
    lifetime       interval DEFAULT NULL
)
RETURNS text
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    standard constant text[] := ARRAY['iss', 'aud', 'sub', 'role', 'sid', 'principal_type',
                                      'iat', 'nbf', 'exp', 'jti'];
    extra jsonb := coalesce(extra_claims, '{}'::jsonb);
    cfg record;
    signer record;
BEGIN
    IF role IS NULL OR role NOT IN ('authenticated', 'service') THEN
        RAISE EXCEPTION 'an access token''s role is authenticated or service, not "%"', role
            USING ERRCODE = '22023',
                  HINT = 'People get authenticated; service accounts and API keys get service.';
    END IF;
    IF principal_id IS NULL THEN
        RAISE EXCEPTION 'an access token needs a principal'
            USING ERRCODE = '22023';
    END IF;
    IF principal_type IS NULL
       OR principal_type NOT IN ('user', 'org', 'agent', 'tool', 'dataset', 'service_account') THEN
        RAISE EXCEPTION 'unknown principal type "%"', principal_type
            USING ERRCODE = '22023',
                  HINT = 'Use user, org, agent, tool, dataset or service_account.';
    END IF;
    IF jsonb_typeof(extra) <> 'object' THEN
        RAISE EXCEPTION 'extra claims must be a JSON object, not %', jsonb_typeof(extra)
            USING ERRCODE = '22023';
    END IF;
    IF extra ?| standard THEN
        RAISE EXCEPTION 'extra claims may not set the standard claims %',
                        array_to_string(ARRAY(SELECT c FROM unnest(standard) AS c
                                               WHERE extra ? c), ', ')
            USING ERRCODE = '22023',
                  HINT = 'Pass the principal, role and session as arguments.';
    END IF;

    SELECT s.issuer, s.audience, s.access_ttl INTO STRICT cfg FROM auth.settings s;
    IF lifetime > cfg.access_ttl THEN
        -- Retired keys are published for access_ttl only: a longer-lived token would be
        -- refused once its key is retired.
        RAISE EXCEPTION 'a token lifetime of % exceeds auth.settings.access_ttl (%)',
                        lifetime, cfg.access_ttl
            USING ERRCODE = '22023';
    END IF;

    SELECT k.kid, k.private_key INTO signer FROM auth.signing_keys k WHERE k.status = 'active';
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no signing key is active'
            USING ERRCODE = '55000',
                  HINT = 'SELECT auth.rotate_signing_key() makes the next key active.';
    END IF;

    RETURN auth.es256_sign(
        extra || auth.access_token_claims(cfg.issuer, cfg.audience, principal_id, role, session_id,
                                          principal_type,
                                          floor(extract(epoch FROM clock_timestamp()))::bigint,
                                          coalesce(lifetime, cfg.access_ttl)),
        signer.kid, signer.private_key);
END
$$;

-- api.refresh(): the common case, a live and unspent token of a live session of an active
-- principal, in one statement and one signature. The statement finds the token by its
-- hash (alone, MATERIALIZED: joined with its session, the planner may start from the live
-- sessions), locks its session and it (FOR UPDATE OF ses, tok: the order of
-- auth.revoke_sessions(), so that a refresh and a revocation never deadlock), checks all
-- of them again on the locked rows, spends the token, inserts its successor, moves the
-- session's idle deadline, appends the audit event and reads the settings and the active
-- key. Then the access token is signed.
--
-- Before, the same work took five statements and three PL/pgSQL calls (audit.record(),
-- auth.token_response(), auth.issue_access_token()), each with its own executor start-up
-- and its expressions compiled again in every transaction: under 16 clients a rotation is
-- one transaction, so that cost was paid on every one (bench/README.md, auth.py (b)).
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
CREATE OR REPLACE FUNCTION api.refresh(refresh_token text)
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
COMMENT ON FUNCTION api.refresh(text) IS
$$Exchange a refresh token for a new access token and a new refresh token (the old one is spent). A duplicate within the reuse grace interval gets the same successor; a spent token presented later revokes the whole session. Answers like login; failures with HTTP 401 {error: "invalid_grant", code: "28000", message}.$$;

COMMIT;
