-- Revert neuronplane:auth/refresh_one_statement from pg: the bodies of api.refresh() (as
-- auth/refresh_fast_path left it) and auth.issue_access_token() (as auth/signing_keys left it).

BEGIN;

SET LOCAL ROLE neuronplane_owner;

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
    issued_at bigint;
    claims jsonb;
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

    issued_at := floor(extract(epoch FROM clock_timestamp()));
    claims := extra || jsonb_strip_nulls(jsonb_build_object(
        'iss', cfg.issuer,
        'aud', cfg.audience,
        'sub', principal_id,
        'role', role,
        'sid', session_id,
        'principal_type', principal_type,
        'iat', issued_at,
        'exp', issued_at + floor(extract(epoch FROM coalesce(lifetime, cfg.access_ttl)))::bigint,
        'jti', gen_random_uuid()));
    RETURN auth.es256_sign(claims, signer.kid, signer.private_key);
END
$$;

CREATE OR REPLACE FUNCTION api.refresh(refresh_token text)
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

DROP FUNCTION auth.access_token_claims(text, text, uuid, text, uuid, text, bigint, interval);

COMMIT;
