-- Deploy neuronplane:auth/signing_keys to pg

BEGIN;

-- The key lifecycle (docs/auth.md): a key is created 'next' and published in the JWKS at
-- once, but signs nothing until it has been published for signing_key_publish_delay, so
-- every verifier (PostgREST reloads on NOTIFY) knows it before the first token it signs.
-- auth.rotate_signing_key() promotes it to 'active', retires the previous active key and
-- creates the following 'next' key. A retired key stays published while tokens it signed
-- may still be valid (access_ttl, plus a margin), then auth.maintain_signing_keys() deletes
-- it. Every change of the published set notifies PostgREST to reload its configuration.

-- PL/Python is an untrusted language: the two ES256 functions are created by the deploying
-- superuser and handed to neuronplane_owner, the only role that may run them.

-- A new P-256 key pair: its private key as PKCS#8 PEM, to be encrypted before it is
-- stored, and its public JWK, whose kid is the key's RFC 7638 thumbprint.
CREATE FUNCTION auth.es256_generate_key(OUT private_pem text, OUT public_jwk jsonb)
LANGUAGE plpython3u
VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
import json
import np_tokens
pem, jwk = np_tokens.generate_key()
return pem, json.dumps(jwk)
$$;
COMMENT ON FUNCTION auth.es256_generate_key() IS
    'A new P-256 signing key: private key (PKCS#8 PEM, store it encrypted) and public JWK; use auth.create_signing_key().';

-- auth.es256_sign(): one np_tokens.Signer per backend and key, kept in SD. It encodes the
-- header once and signs the claims' jsonb text as it comes: no json.loads() and
-- re-serialization, no jwt.encode() per token.
CREATE FUNCTION auth.es256_sign(claims jsonb, kid text, private_key bytea)
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
COMMENT ON FUNCTION auth.es256_sign(jsonb, text, bytea) IS
    'The compact ES256 JWS of claims, signed with the stored (encrypted) private key of kid, kid in its header; use auth.issue_access_token().';

REVOKE ALL ON FUNCTION auth.es256_generate_key(), auth.es256_sign(jsonb, text, bytea) FROM PUBLIC;
ALTER FUNCTION auth.es256_generate_key() OWNER TO neuronplane_owner;
ALTER FUNCTION auth.es256_sign(jsonb, text, bytea) OWNER TO neuronplane_owner;

SET LOCAL ROLE neuronplane_owner;

CREATE TABLE auth.signing_keys (
    kid          text PRIMARY KEY CHECK (kid ~ '^[A-Za-z0-9_-]{43}$'),
    private_key  bytea NOT NULL,
    public_jwk   jsonb NOT NULL,
    status       text NOT NULL DEFAULT 'next' CHECK (status IN ('next', 'active', 'retired')),
    created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    activated_at timestamptz,
    retired_at   timestamptz,
    CHECK (public_jwk ->> 'kid' = kid
           AND public_jwk ->> 'kty' = 'EC'
           AND public_jwk ->> 'crv' = 'P-256'
           AND public_jwk ->> 'alg' = 'ES256'
           AND public_jwk ->> 'use' = 'sig'
           AND public_jwk ? 'x' AND public_jwk ? 'y'
           AND NOT public_jwk ? 'd'),
    CHECK (CASE status
           WHEN 'next' THEN activated_at IS NULL AND retired_at IS NULL
           WHEN 'active' THEN activated_at IS NOT NULL AND retired_at IS NULL
           ELSE activated_at IS NOT NULL AND retired_at >= activated_at
           END)
);
COMMENT ON TABLE auth.signing_keys IS
    'ES256 keys that sign access tokens: one active, the next one published ahead of it, and recently retired ones still published. No API role reads this table; api.jwks() publishes the public keys.';
COMMENT ON COLUMN auth.signing_keys.kid IS
    'Key id: the RFC 7638 thumbprint of the public key, named in each token''s header.';
COMMENT ON COLUMN auth.signing_keys.private_key IS
    'PKCS#8 PEM of the private key, encrypted by internal.encrypt_secret() for context ''auth.signing_keys:<kid>''.';
COMMENT ON COLUMN auth.signing_keys.public_jwk IS
    'The public key as a JSON Web Key (kty EC, crv P-256, x, y, kid, alg ES256, use sig).';
COMMENT ON COLUMN auth.signing_keys.status IS
    'next: published, not signing yet; active: signs new tokens; retired: published until its tokens have expired.';
COMMENT ON COLUMN auth.signing_keys.created_at IS 'When the key was made and published.';
COMMENT ON COLUMN auth.signing_keys.activated_at IS 'When the key started signing.';
COMMENT ON COLUMN auth.signing_keys.retired_at IS 'When the key stopped signing.';

CREATE UNIQUE INDEX signing_keys_one_active ON auth.signing_keys (status) WHERE status = 'active';
CREATE UNIQUE INDEX signing_keys_one_next ON auth.signing_keys (status) WHERE status = 'next';

-- No policy: only the owner (BYPASSRLS), through the functions below, reads or writes keys.
ALTER TABLE auth.signing_keys ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

-- How long a retired key stays published: its last token may live access_ttl, and the
-- minute covers clock skew and a token signed while the rotation was committing.
CREATE FUNCTION auth.retired_key_retention()
RETURNS interval
LANGUAGE sql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT s.access_ttl + interval '1 minute' FROM auth.settings s
$$;
COMMENT ON FUNCTION auth.retired_key_retention() IS
    'How long a retired signing key stays published: auth.settings.access_ttl plus one minute.';

-- Make a key and store it as 'next' (published, not signing). Its private key is
-- encrypted under the data key, bound to the row's kid.
CREATE FUNCTION auth.create_signing_key()
RETURNS text
LANGUAGE plpgsql
VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    generated record;
    new_kid text;
BEGIN
    SELECT * INTO STRICT generated FROM auth.es256_generate_key();
    new_kid := generated.public_jwk ->> 'kid';
    INSERT INTO auth.signing_keys (kid, private_key, public_jwk, status)
    VALUES (new_kid,
            internal.encrypt_secret(generated.private_pem, 'auth.signing_keys:' || new_kid),
            generated.public_jwk, 'next');
    RETURN new_kid;
END
$$;
COMMENT ON FUNCTION auth.create_signing_key() IS
    'Create a signing key in status next (published, not signing) and return its kid.';

-- The published keys: what PostgREST verifies with and what api.jwks() hands out.
CREATE FUNCTION auth.published_signing_keys()
RETURNS TABLE (kid text, public_jwk jsonb, status text, retired_at timestamptz)
LANGUAGE sql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT k.kid, k.public_jwk, k.status, k.retired_at
      FROM auth.signing_keys k
     WHERE k.status IN ('next', 'active')
        OR k.retired_at > clock_timestamp() - auth.retired_key_retention()
$$;
COMMENT ON FUNCTION auth.published_signing_keys() IS
    'The signing keys verifiers must know: active, next, and retired ones whose tokens may still be valid.';

CREATE FUNCTION auth.jwks()
RETURNS jsonb
LANGUAGE sql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT jsonb_build_object('keys', coalesce(jsonb_agg(k.public_jwk ORDER BY
               CASE k.status WHEN 'active' THEN 0 WHEN 'next' THEN 1 ELSE 2 END,
               k.retired_at DESC), '[]'::jsonb))
      FROM auth.published_signing_keys() k
$$;
COMMENT ON FUNCTION auth.jwks() IS
    'The JSON Web Key Set {"keys": [...]} of the published signing keys, the active key first.';

-- auth.issue_access_token(): the same checks and answer, its claims from
-- auth.access_token_claims().
CREATE FUNCTION auth.issue_access_token(
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
COMMENT ON FUNCTION auth.issue_access_token(uuid, text, text, uuid, jsonb, interval) IS
    'An ES256 access token for a principal: iss, aud, sub, role (authenticated or service), sid (when given), principal_type, iat, exp (iat + access_ttl, or the shorter lifetime), jti, and extra_claims (which may not override these). Signed with the active key.';

-- SECURITY DEFINER: runs as the owner whoever calls it (the superuser, pg_cron, an
-- administrator's function), as the key table is the owner's alone.
CREATE FUNCTION auth.maintain_signing_keys()
RETURNS integer
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    removed integer;
    created boolean := false;
BEGIN
    LOCK TABLE auth.signing_keys IN EXCLUSIVE MODE;
    -- Past the retention no valid token names the key: unpublish it, and keep no copy of
    -- its private key (the audit log keeps its kid and when it rotated).
    DELETE FROM auth.signing_keys k
     WHERE k.status = 'retired'
       AND k.retired_at <= clock_timestamp() - auth.retired_key_retention();
    GET DIAGNOSTICS removed = ROW_COUNT;
    IF NOT EXISTS (SELECT FROM auth.signing_keys k WHERE k.status = 'next') THEN
        PERFORM auth.create_signing_key();
        created := true;
    END IF;
    IF removed > 0 OR created THEN
        PERFORM pg_notify('pgrst', 'reload config');
    END IF;
    RETURN removed;
END
$$;
COMMENT ON FUNCTION auth.maintain_signing_keys() IS
    'Delete retired signing keys whose tokens have all expired, publish a next key if none is, and have PostgREST reload the JWKS when anything changed. Returns the number of keys deleted. Run by pg_cron every five minutes.';

-- SECURITY DEFINER: as auth.maintain_signing_keys().
CREATE FUNCTION auth.rotate_signing_key()
RETURNS text
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    promoted record;
    delay interval;
    retired_kid text;
    next_kid text;
BEGIN
    LOCK TABLE auth.signing_keys IN EXCLUSIVE MODE;
    SELECT k.kid, k.created_at INTO promoted FROM auth.signing_keys k WHERE k.status = 'next';
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no next signing key is published'
            USING ERRCODE = '55000',
                  HINT = 'SELECT auth.maintain_signing_keys() publishes one; rotate once it has been published for auth.settings.signing_key_publish_delay.';
    END IF;
    SELECT s.signing_key_publish_delay INTO STRICT delay FROM auth.settings s;
    -- A key signs only once every verifier has had time to reload the JWKS that has it.
    IF promoted.created_at > clock_timestamp() - delay THEN
        RAISE EXCEPTION 'the next signing key has been published for % only; it may sign after %',
                        date_trunc('second', clock_timestamp() - promoted.created_at), delay
            USING ERRCODE = '55000',
                  HINT = format('Rotate again after %s, when every verifier has reloaded the key set.',
                                date_trunc('second', promoted.created_at + delay));
    END IF;

    UPDATE auth.signing_keys k SET status = 'retired', retired_at = clock_timestamp()
     WHERE k.status = 'active'
    RETURNING k.kid INTO retired_kid;
    UPDATE auth.signing_keys k SET status = 'active', activated_at = clock_timestamp()
     WHERE k.kid = promoted.kid;
    next_kid := auth.create_signing_key();
    PERFORM auth.maintain_signing_keys();
    PERFORM pg_notify('pgrst', 'reload config');

    PERFORM audit.record(action => 'auth.signing_key.rotated', resource_type => 'signing_key',
                         resource_id => promoted.kid,
                         details => jsonb_strip_nulls(jsonb_build_object(
                             'kid', promoted.kid, 'retired_kid', retired_kid,
                             'next_kid', next_kid)));
    RETURN promoted.kid;
END
$$;
COMMENT ON FUNCTION auth.rotate_signing_key() IS
    'Make the next signing key active (once published for signing_key_publish_delay), retire the active one (published until its tokens expire), publish a new next key, have PostgREST reload, and audit auth.signing_key.rotated. Returns the kid of the key now signing.';

-- PostgREST holds the audience, and the key set depends on access_ttl: it reloads when
-- either changes (the NOTIFY is delivered at commit).
CREATE FUNCTION auth.tg_settings__reload_postgrest()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM pg_notify('pgrst', 'reload config');
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION auth.tg_settings__reload_postgrest() IS
    'Trigger: have PostgREST reload its in-database configuration.';

CREATE TRIGGER settings_reload_postgrest AFTER UPDATE ON auth.settings
    FOR EACH ROW
    WHEN (OLD.audience IS DISTINCT FROM NEW.audience
          OR OLD.access_ttl IS DISTINCT FROM NEW.access_ttl)
    EXECUTE FUNCTION auth.tg_settings__reload_postgrest();

-- PostgREST's db-pre-config: the JWT settings it verifies tokens with, read at start and at
-- every NOTIFY pgrst, 'reload config', and its pre-request hook (hooks.pre_request(), of
-- auth/sessions, which calls auth.check_access_token()). SECURITY DEFINER: the
-- authenticator reads neither the key table nor auth.settings.
CREATE FUNCTION hooks.pre_config()
RETURNS void
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT set_config('pgrst.jwt_secret', auth.jwks()::text, true),
           set_config('pgrst.jwt_secret_is_base64', 'false', true),
           set_config('pgrst.jwt_aud', s.audience, true),
           set_config('pgrst.db_pre_request', 'hooks.pre_request', true)
      FROM auth.settings s
$$;
COMMENT ON FUNCTION hooks.pre_config() IS
    'PostgREST''s in-database configuration: the JWKS of the published signing keys as jwt-secret, the audience, and the pre-request hook.';
GRANT EXECUTE ON FUNCTION hooks.pre_config() TO authenticator;

-- The token checks PostgREST 12 leaves out, for its pre-request hook (hooks.pre_request()
-- calls this first). PostgREST has verified the token's signature, exp, nbf and aud (when
-- present); it checks neither that iss is ours nor that aud and exp are present, and it
-- tries every key of the set whatever the token's kid: this does. Runs as the owner, from
-- the SECURITY DEFINER hook; granted to no one.
CREATE FUNCTION auth.check_access_token()
RETURNS void
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    token text := substring(nullif(current_setting('request.headers', true), '')::jsonb
                            ->> 'authorization' FROM '(?i)^bearer\s+(\S+)');
    header text;
    claims jsonb;
    cfg record;
    problem text;
BEGIN
    IF token IS NULL THEN
        RETURN;  -- anonymous
    END IF;
    -- PostgREST has parsed the token: its header is base64url JSON.
    header := translate(split_part(token, '.', 1), '-_', '+/');
    header := convert_from(decode(rpad(header, (length(header) + 3) / 4 * 4, '='), 'base64'),
                           'UTF8');
    claims := coalesce(nullif(current_setting('request.jwt.claims', true), '')::jsonb, '{}');
    SELECT s.issuer, s.audience INTO STRICT cfg FROM auth.settings s;
    IF claims ->> 'iss' IS DISTINCT FROM cfg.issuer THEN
        problem := 'the token was not issued by this server';
    ELSIF NOT coalesce(claims -> 'aud' = to_jsonb(cfg.audience)
                       OR (jsonb_typeof(claims -> 'aud') = 'array'
                           AND claims -> 'aud' ? cfg.audience), false) THEN
        problem := 'the token is not meant for this API';
    ELSIF jsonb_typeof(claims -> 'exp') IS DISTINCT FROM 'number' THEN
        problem := 'the token has no expiry';
    -- No leeway: the database signs and checks its tokens with one clock. PostgREST 12.0.2
    -- allows 30 seconds on exp, nbf and iat, which this narrows to none.
    ELSIF (claims ->> 'exp')::numeric <= extract(epoch FROM clock_timestamp()) THEN
        problem := 'the token has expired';
    ELSIF jsonb_typeof(claims -> 'nbf') = 'number'
          AND (claims ->> 'nbf')::numeric > extract(epoch FROM clock_timestamp()) THEN
        problem := 'the token is not valid yet';
    ELSIF jsonb_typeof(claims -> 'iat') = 'number'
          AND (claims ->> 'iat')::numeric > extract(epoch FROM clock_timestamp()) THEN
        problem := 'the token was issued in the future';
    ELSIF NOT EXISTS (SELECT FROM auth.published_signing_keys() k
                       WHERE k.kid = header::jsonb ->> 'kid') THEN
        problem := 'the token names no published signing key';
    ELSE
        RETURN;
    END IF;
    -- PostgREST turns SQLSTATE PGRST into this response: 401 with the header RFC 6750 asks for.
    RAISE SQLSTATE 'PGRST'
        USING MESSAGE = jsonb_build_object(
                  'code', '28000', 'message', problem, 'details', NULL,
                  'hint', 'Sign in again for a token from ' || cfg.issuer || '.')::text,
              DETAIL = jsonb_build_object(
                  'status', 401,
                  'headers', jsonb_build_object(
                      'WWW-Authenticate',
                      format('Bearer error="invalid_token", error_description="%s"', problem)))::text;
END
$$;
COMMENT ON FUNCTION auth.check_access_token() IS
    'For PostgREST''s pre-request hook: a request with a token is refused (401) unless the token''s iss and aud are this server''s, it expires and has not expired, its nbf and iat are not in the future (no leeway), and its kid names a published signing key.';

-- The first keys: one active, one next. No token and no verifier exist yet, so the first
-- key may sign at once. Not audited: a deployment is no rotation (created_at and
-- activated_at record it), and it leaves the audit log to the application's events.
DO $$
DECLARE
    first_kid text;
BEGIN
    first_kid := auth.create_signing_key();
    UPDATE auth.signing_keys k SET status = 'active', activated_at = clock_timestamp()
     WHERE k.kid = first_kid;
    PERFORM auth.create_signing_key();
END
$$;

RESET ROLE;

-- pg_cron runs it as the deploying superuser; the function acts as neuronplane_owner.
DO $$
BEGIN
    PERFORM cron.schedule('neuronplane-signing-keys', '*/5 * * * *',
                          'SELECT auth.maintain_signing_keys()');
END
$$;

NOTIFY pgrst, 'reload config';

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

RESET ROLE;

-- This change's secret columns, for workspace.rotate_secrets().
SET LOCAL ROLE neuronplane_owner;
INSERT INTO internal.secret_columns (name, table_name, column_name, context_sql) VALUES
    ('signing_keys', 'auth.signing_keys', 'private_key', $$'auth.signing_keys:' || kid$$);
RESET ROLE;

COMMIT;
