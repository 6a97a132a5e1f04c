-- Deploy neuronplane:auth/oidc to pg

BEGIN;

-- OIDC login (docs/oidc.md). The glue service (role neuronplane_worker) drives the HTTP
-- side: redirects, the code exchange and the ID token's signature. Everything it keeps
-- between the two legs of a login lives here, so that any glue process, restarted or not,
-- completes any login:
--
--   auth.begin_oidc_login()       checks redirect_to against the provider's allow-list,
--                                 makes state, nonce, PKCE verifier and a browser binding;
--   auth.consume_login_attempt()  single use (a row lock and consumed_at), expiry, binding;
--   auth.complete_oidc_login()    re-checks the claims that bind the ID token to the
--                                 attempt, links the external identity, opens a session;
--   auth.fail_oidc_login()        records a failure the glue found (token exchange, ID token);
--   auth.cookie_*()               refresh, logout and session for the glue's cookie endpoints.
--
-- They answer {error, code, message} instead of raising, so that the audit event of a
-- refused step is committed with the rest of what the step did.

-- PL/Python (untrusted): created by the deploying superuser, handed to the owner.
-- An access token of ours, verified against the published keys: its claims, or NULL.
CREATE FUNCTION auth.es256_verify(token text, jwks jsonb, issuer text, audience text,
                                  verify_exp boolean)
RETURNS jsonb
LANGUAGE plpython3u
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
import json
import np_tokens
if token is None or jwks is None:
    return None
claims = np_tokens.verify(token, json.loads(jwks), issuer, audience, verify_exp=verify_exp)
return None if claims is None else json.dumps(claims)
$$;
COMMENT ON FUNCTION auth.es256_verify(text, jsonb, text, text, boolean) IS
    'The claims of an ES256 access token whose kid is in jwks, with our issuer and audience (and, when verify_exp, not expired); NULL otherwise.';
REVOKE ALL ON FUNCTION auth.es256_verify(text, jsonb, text, text, boolean) FROM PUBLIC;
ALTER FUNCTION auth.es256_verify(text, jsonb, text, text, boolean) OWNER TO neuronplane_owner;

GRANT USAGE ON SCHEMA auth TO neuronplane_worker;

SET LOCAL ROLE neuronplane_owner;

INSERT INTO audit.actions (action, description) VALUES
    ('auth.oidc.consumed',        'An OIDC callback presented the state of a login attempt, which is now spent.'),
    ('auth.oidc.linked',          'An external identity (provider and subject) was linked to a user.'),
    ('auth.oidc.provider.saved',  'An OIDC provider was added or changed.'),
    ('auth.oidc.provider.deleted','An OIDC provider was removed.'),
    ('auth.csrf.refused',         'A cookie-authenticated request came without its session''s CSRF token: a refresh or logout at the glue, or a write through PostgREST (details: method, path; the first of each minute per session).')
-- A revert keeps the actions that events name: a later deploy finds them.
ON CONFLICT (action) DO UPDATE SET description = EXCLUDED.description;

-- Tables ------------------------------------------------------------------------------------

CREATE TABLE auth.oidc_providers (
    name                   text PRIMARY KEY CHECK (name ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
    issuer                 text NOT NULL UNIQUE CHECK (issuer ~ '^https?://[^[:space:]]+$'),
    client_id              text NOT NULL CHECK (client_id <> '' AND length(client_id) <= 255),
    client_secret          bytea,
    authorization_endpoint text NOT NULL CHECK (authorization_endpoint ~ '^https?://[^[:space:]]+$'),
    token_endpoint         text NOT NULL CHECK (token_endpoint ~ '^https?://[^[:space:]]+$'),
    jwks_uri               text NOT NULL CHECK (jwks_uri ~ '^https?://[^[:space:]]+$'),
    userinfo_endpoint      text CHECK (userinfo_endpoint ~ '^https?://[^[:space:]]+$'),
    end_session_endpoint   text CHECK (end_session_endpoint ~ '^https?://[^[:space:]]+$'),
    id_token_algs          text[] NOT NULL DEFAULT '{RS256,ES256}'
                           CHECK (cardinality(id_token_algs) > 0
                                  AND id_token_algs <@ '{RS256,RS384,RS512,PS256,PS384,PS512,ES256,ES384,ES512,EdDSA}'),
    jwks                   jsonb CHECK (jsonb_typeof(jwks -> 'keys') = 'array'),
    jwks_fetched_at        timestamptz,
    scopes                 text[] NOT NULL DEFAULT '{openid,email,profile}'
                           CHECK ('openid' = ANY (scopes)),
    callback_url           text NOT NULL CHECK (callback_url ~ '^https?://[^[:space:]#]+$'),
    redirect_uris          text[] NOT NULL DEFAULT '{}',
    link_verified_email    boolean NOT NULL DEFAULT false,
    enabled                boolean NOT NULL DEFAULT true,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    CHECK ((jwks IS NULL) = (jwks_fetched_at IS NULL)),
    iss_parameter_supported boolean NOT NULL DEFAULT false
);
COMMENT ON COLUMN auth.oidc_providers.iss_parameter_supported IS
    'The provider''s discovery advertises authorization_response_iss_parameter_supported (RFC 9207): its callbacks must carry iss, equal to issuer.';
COMMENT ON TABLE auth.oidc_providers IS
    'OpenID Providers users may log in with: client registration, endpoints from discovery, the cached JWKS, scopes, and where the browser may be sent after login.';
COMMENT ON COLUMN auth.oidc_providers.name IS 'Short name in the login URL: /auth/oidc/<name>/login.';
COMMENT ON COLUMN auth.oidc_providers.client_secret IS
    'The client secret, encrypted by internal.encrypt_secret() for context ''auth.oidc_providers:<name>''; NULL for a public client (PKCE only).';
COMMENT ON COLUMN auth.oidc_providers.jwks IS
    'The provider''s JSON Web Key Set as last fetched from jwks_uri; refetched when an ID token names an unknown kid.';
COMMENT ON COLUMN auth.oidc_providers.callback_url IS
    'The redirect_uri registered with the provider: the glue''s /auth/oidc/callback.';
COMMENT ON COLUMN auth.oidc_providers.redirect_uris IS
    'Where the browser may be sent after login (redirect_to), compared exactly: no prefixes, no decoding.';
COMMENT ON COLUMN auth.oidc_providers.link_verified_email IS
    'When true, a first login whose ID token carries email_verified = true is linked to the existing user with that e-mail; otherwise a new user is made.';
ALTER TABLE auth.oidc_providers ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE TRIGGER oidc_providers_set_updated_at BEFORE UPDATE ON auth.oidc_providers
    FOR EACH ROW EXECUTE FUNCTION internal.tg_set_updated_at();

-- A login between its redirect to the provider and its callback. The state and the
-- browser binding are stored as SHA-256 only; the PKCE verifier encrypted.
CREATE TABLE auth.login_attempts (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    provider             text NOT NULL REFERENCES auth.oidc_providers (name) ON DELETE CASCADE
                         ON UPDATE CASCADE,
    state_hash           bytea NOT NULL UNIQUE CHECK (length(state_hash) = 32),
    nonce                text NOT NULL CHECK (length(nonce) BETWEEN 32 AND 128),
    code_verifier        bytea NOT NULL,
    redirect_uri         text NOT NULL,
    binding_hash         bytea NOT NULL CHECK (length(binding_hash) = 32),
    ip                   inet,
    user_agent           text CHECK (length(user_agent) <= 512),
    created_at           timestamptz NOT NULL DEFAULT clock_timestamp(),
    expires_at           timestamptz NOT NULL,
    consumed_at          timestamptz,
    completed_at         timestamptz,
    failed_reason        text CHECK (length(failed_reason) <= 200),
    CHECK (completed_at IS NULL OR consumed_at IS NOT NULL)
);
COMMENT ON TABLE auth.login_attempts IS
    'OIDC logins waiting for (or past) their callback: SHA-256 of the state and of the browser binding cookie, nonce, encrypted PKCE verifier, where to send the browser afterwards, expiry; consumed_at makes the state single-use.';
COMMENT ON COLUMN auth.login_attempts.code_verifier IS
    'The PKCE code verifier, encrypted by internal.encrypt_secret() for context ''auth.login_attempts:<id>''.';
COMMENT ON COLUMN auth.login_attempts.redirect_uri IS
    'Where the browser goes after the login (redirect_to), one of the provider''s redirect_uris.';
COMMENT ON COLUMN auth.login_attempts.binding_hash IS
    'SHA-256 of the random value the glue put in the starting browser''s cookie: a callback from another browser is refused.';
-- For auth.cleanup_login_attempts().
CREATE INDEX login_attempts_expires_idx ON auth.login_attempts (expires_at);
CREATE INDEX login_attempts_provider_idx ON auth.login_attempts (provider);
ALTER TABLE auth.login_attempts ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

CREATE TABLE auth.external_identities (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    provider       text NOT NULL REFERENCES auth.oidc_providers (name) ON DELETE CASCADE
                   ON UPDATE CASCADE,
    subject        text NOT NULL CHECK (subject <> '' AND length(subject) <= 255),
    user_id        uuid NOT NULL REFERENCES identity.users (id) ON DELETE CASCADE,
    email          extensions.citext CHECK (length(email) <= 254),
    email_verified boolean NOT NULL DEFAULT false,
    last_claims    jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(last_claims) = 'object'),
    created_at     timestamptz NOT NULL DEFAULT now(),
    last_login_at  timestamptz,
    UNIQUE (provider, subject)
);
COMMENT ON TABLE auth.external_identities IS
    'Accounts at OpenID Providers (provider and subject, unique) linked to users, with the claims of their last login.';
CREATE INDEX external_identities_user_idx ON auth.external_identities (user_id);
ALTER TABLE auth.external_identities ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
-- No policies: no API role reads these tables; the owner (BYPASSRLS) does, in the
-- functions below.

-- Helpers -----------------------------------------------------------------------------------

-- Random URL-safe text of n bytes of entropy.
CREATE FUNCTION auth.random_token(n integer)
RETURNS text
LANGUAGE sql
VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT rtrim(translate(encode(extensions.gen_random_bytes(n), 'base64'), E'+/\n', '-_'), '=')
$$;
COMMENT ON FUNCTION auth.random_token(integer) IS 'n random bytes as base64url without padding.';

-- RFC 7636 S256: BASE64URL(SHA256(ASCII(code_verifier))).
CREATE FUNCTION auth.pkce_challenge(verifier text)
RETURNS text
LANGUAGE sql
IMMUTABLE
STRICT
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT rtrim(translate(encode(sha256(convert_to(verifier, 'UTF8')), 'base64'), E'+/\n', '-_'), '=')
$$;
COMMENT ON FUNCTION auth.pkce_challenge(text) IS 'The PKCE S256 code challenge of a verifier (RFC 7636).';

-- The CSRF token of a session, for cookie-authenticated requests that change something: the
-- browser sends it back in X-CSRF-Token (it reads it from the np_csrf cookie). An HMAC of
-- the session id, so nothing is stored and another session's token is worth nothing.
CREATE FUNCTION auth.csrf_token(session_id uuid)
RETURNS text
LANGUAGE sql
STABLE
STRICT
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT encode(extensions.hmac(convert_to('csrf:' || session_id::text, 'UTF8'), k.key, 'sha256'), 'hex')
      FROM auth.refresh_token_key k
$$;
COMMENT ON FUNCTION auth.csrf_token(uuid) IS
    'The CSRF token of a session: HMAC-SHA-256 of its id under the server key (hex).';

CREATE FUNCTION auth.csrf_ok(session_id uuid, presented text)
RETURNS boolean
LANGUAGE sql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT coalesce(auth.digests_equal(sha256(convert_to(presented, 'UTF8')),
                                       sha256(convert_to(auth.csrf_token(session_id), 'UTF8'))), false)
$$;
COMMENT ON FUNCTION auth.csrf_ok(uuid, text) IS
    'True when presented is the session''s CSRF token (compared in constant time).';

-- An access token of ours (signature, iss, aud, and exp unless allow_expired): its claims or NULL.
CREATE FUNCTION auth.verify_access_token(token text, allow_expired boolean DEFAULT false)
RETURNS jsonb
LANGUAGE sql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT auth.es256_verify(token, auth.jwks(), s.issuer, s.audience, NOT allow_expired)
      FROM auth.settings s
$$;
COMMENT ON FUNCTION auth.verify_access_token(text, boolean) IS
    'The claims of one of our access tokens (ES256 against the published keys, our iss and aud, not expired unless allow_expired); NULL when it is not one.';

-- An error answer of the OIDC and cookie functions, audited as auth.oidc.failed.
CREATE FUNCTION auth.oidc_error(code text, error text, message text, reason text,
                                provider text DEFAULT NULL, attempt_id uuid DEFAULT NULL,
                                ip inet DEFAULT NULL, user_agent text DEFAULT NULL)
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM audit.record('auth.oidc.failed', 'failure', 'login_attempt', attempt_id::text,
                         jsonb_strip_nulls(jsonb_build_object('reason', reason, 'provider', provider)),
                         ip => ip, user_agent => user_agent);
    RETURN jsonb_build_object('error', error, 'code', code, 'message', message);
END
$$;
COMMENT ON FUNCTION auth.oidc_error(text, text, text, text, text, uuid, inet, text) IS
    'Records auth.oidc.failed with the reason and answers {error, code, message}.';

-- Providers ---------------------------------------------------------------------------------

-- Add or change a provider (the CLI's `neuronplane oidc add-provider`, after discovery).
-- Run by administrators as the superuser or owner; not granted to any API role.
CREATE FUNCTION auth.save_oidc_provider(
    name text, issuer text, client_id text, client_secret text,
    authorization_endpoint text, token_endpoint text, jwks_uri text, callback_url text,
    redirect_uris text[], scopes text[] DEFAULT '{openid,email,profile}',
    userinfo_endpoint text DEFAULT NULL, end_session_endpoint text DEFAULT NULL,
    id_token_algs text[] DEFAULT '{RS256,ES256}', link_verified_email boolean DEFAULT false,
    enabled boolean DEFAULT true)
RETURNS void
LANGUAGE plpgsql
VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    u text;
BEGIN
    IF name IS NULL OR name !~ '^[a-z0-9][a-z0-9_-]{0,62}$' THEN
        RAISE EXCEPTION 'provider name "%" is not valid', left(name, 64) USING ERRCODE = '22023',
            HINT = 'Use lower-case letters, digits, _ and -, starting with a letter or digit.';
    END IF;
    IF NOT coalesce(auth.oidc_callback_is_own(callback_url, name), false) THEN
        RAISE EXCEPTION 'the callback URL of provider "%" must end in /auth/oidc/%/callback', name, name
            USING ERRCODE = '22023',
                  HINT = 'Each provider needs its own redirect URI (RFC 9700, 4.4): register '
                         'https://<glue host>/auth/oidc/' || name || '/callback at the provider and here.';
    END IF;
    FOREACH u IN ARRAY coalesce(redirect_uris, '{}') LOOP
        -- An absolute http(s) URL with a host, or an absolute path (not //host).
        IF u !~ '^(https?://[^/?#[:space:]]+(/[^#[:space:]]*)?|/([^/[:space:]\\#][^#[:space:]]*)?)$' THEN
            RAISE EXCEPTION 'redirect URI "%" is not an absolute URL or path', left(u, 200) USING ERRCODE = '22023',
                HINT = 'Use https://host/path or /path, without a fragment.';
        END IF;
    END LOOP;
    INSERT INTO auth.oidc_providers AS p
        (name, issuer, client_id, authorization_endpoint, token_endpoint, jwks_uri, callback_url,
         redirect_uris, scopes, userinfo_endpoint, end_session_endpoint, id_token_algs,
         link_verified_email, enabled)
    -- The issuer is kept exactly as discovery gave it: ID tokens must carry it unchanged.
    VALUES (save_oidc_provider.name, issuer, client_id, authorization_endpoint, token_endpoint, jwks_uri, callback_url,
            coalesce(redirect_uris, '{}'), coalesce(scopes, '{openid,email,profile}'),
            userinfo_endpoint, end_session_endpoint, coalesce(id_token_algs, '{RS256,ES256}'),
            coalesce(link_verified_email, false), coalesce(enabled, true))
    ON CONFLICT ON CONSTRAINT oidc_providers_pkey DO UPDATE
       SET issuer = EXCLUDED.issuer, client_id = EXCLUDED.client_id,
           authorization_endpoint = EXCLUDED.authorization_endpoint,
           token_endpoint = EXCLUDED.token_endpoint,
           jwks_uri = EXCLUDED.jwks_uri, callback_url = EXCLUDED.callback_url,
           redirect_uris = EXCLUDED.redirect_uris, scopes = EXCLUDED.scopes,
           userinfo_endpoint = EXCLUDED.userinfo_endpoint,
           end_session_endpoint = EXCLUDED.end_session_endpoint,
           id_token_algs = EXCLUDED.id_token_algs,
           link_verified_email = EXCLUDED.link_verified_email, enabled = EXCLUDED.enabled,
           -- Keys of another issuer or key set are not this one's.
           jwks = CASE WHEN p.jwks_uri = EXCLUDED.jwks_uri THEN p.jwks END,
           jwks_fetched_at = CASE WHEN p.jwks_uri = EXCLUDED.jwks_uri THEN p.jwks_fetched_at END;
    UPDATE auth.oidc_providers p
       SET client_secret = CASE WHEN save_oidc_provider.client_secret IS NULL THEN NULL
                                ELSE internal.encrypt_secret(save_oidc_provider.client_secret,
                                                             'auth.oidc_providers:' || p.name) END
     WHERE p.name = save_oidc_provider.name;
    PERFORM audit.record('auth.oidc.provider.saved', 'success', 'oidc_provider', name,
                         jsonb_build_object('issuer', issuer, 'client_id', client_id,
                                            'callback_url', callback_url,
                                            'redirect_uris', to_jsonb(redirect_uris),
                                            'enabled', coalesce(enabled, true)));
END
$$;
COMMENT ON FUNCTION auth.save_oidc_provider(text, text, text, text, text, text, text, text, text[], text[], text, text, text[], boolean, boolean) IS
    'Add or replace an OIDC provider (client secret stored encrypted; NULL for a public client). callback_url must be the provider''s own, .../auth/oidc/<name>/callback. Errors: 22023 bad name, callback or redirect URI, 23514 bad URL.';

CREATE FUNCTION auth.delete_oidc_provider(name text)
RETURNS void
LANGUAGE plpgsql
VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    DELETE FROM auth.oidc_providers p WHERE p.name = delete_oidc_provider.name;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'there is no OIDC provider "%"', name USING ERRCODE = '42704';
    END IF;
    PERFORM audit.record('auth.oidc.provider.deleted', 'success', 'oidc_provider', name);
END
$$;
COMMENT ON FUNCTION auth.delete_oidc_provider(text) IS
    'Remove an OIDC provider with its login attempts and linked identities (the users stay). Errors: 42704.';

-- What the glue needs to validate an ID token of a provider: issuer, client, algorithms
-- and the cached key set. SECURITY DEFINER: the worker reads no auth table.
CREATE FUNCTION auth.oidc_provider_keys(provider text)
RETURNS jsonb
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT jsonb_build_object('issuer', p.issuer, 'client_id', p.client_id,
                              'jwks_uri', p.jwks_uri, 'id_token_algs', to_jsonb(p.id_token_algs),
                              'jwks', p.jwks, 'jwks_fetched_at', p.jwks_fetched_at)
      FROM auth.oidc_providers p
     WHERE p.name = oidc_provider_keys.provider
$$;
COMMENT ON FUNCTION auth.oidc_provider_keys(text) IS
    'For the glue: a provider''s issuer, client id, accepted algorithms, jwks_uri and cached JWKS; NULL for an unknown provider.';

-- The glue fetched the provider's JWKS (first use, or an ID token named an unknown kid).
-- Private key material is refused.
CREATE FUNCTION auth.store_oidc_jwks(provider text, jwks jsonb)
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF jsonb_typeof(jwks -> 'keys') IS DISTINCT FROM 'array'
       OR EXISTS (SELECT FROM jsonb_array_elements(jwks -> 'keys') k
                   WHERE jsonb_typeof(k) <> 'object' OR k ?| ARRAY['d', 'p', 'q', 'dp', 'dq', 'qi', 'k']) THEN
        RAISE EXCEPTION 'a JWKS is {"keys": [public JWKs]}' USING ERRCODE = '22023';
    END IF;
    UPDATE auth.oidc_providers p SET jwks = store_oidc_jwks.jwks, jwks_fetched_at = clock_timestamp()
     WHERE p.name = store_oidc_jwks.provider;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'there is no OIDC provider "%"', provider USING ERRCODE = '42704';
    END IF;
END
$$;
COMMENT ON FUNCTION auth.store_oidc_jwks(text, jsonb) IS
    'For the glue: cache a provider''s JWKS as just fetched from its jwks_uri. Errors: 22023 not a public JWKS, 42704.';

-- Start a login. A provider registered with a callback URL that is not its own is refused
-- until registered again: callbacks are told apart by provider (mix-up defence).
CREATE FUNCTION auth.begin_oidc_login(provider text, redirect_to text,
                                                 ip inet DEFAULT NULL, user_agent text DEFAULT NULL)
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    p        auth.oidc_providers;
    v_id     uuid := gen_random_uuid();
    state    text := auth.random_token(32);
    nonce    text := auth.random_token(32);
    verifier text := auth.random_token(48);   -- 64 characters (RFC 7636: 43 to 128)
    binding  text := auth.random_token(32);
    ttl      interval := (SELECT s.oidc_login_ttl FROM auth.settings s);
BEGIN
    SELECT * INTO p FROM auth.oidc_providers x WHERE x.name = begin_oidc_login.provider;
    IF NOT FOUND OR NOT p.enabled THEN
        RETURN auth.oidc_error('42704', 'unknown_provider',
                               format('there is no enabled OIDC provider "%s"', left(provider, 64)),
                               'unknown_provider', left(provider, 64), ip => ip, user_agent => user_agent);
    END IF;
    IF NOT auth.oidc_callback_is_own(p.callback_url, p.name) THEN
        RETURN auth.oidc_error('55000', 'provider_misconfigured',
                               format('OIDC provider "%s" has no callback URL of its own; an administrator must register it again with --callback-url https://<host>/auth/oidc/%s/callback', p.name, p.name),
                               'callback_not_per_provider', p.name, ip => ip, user_agent => user_agent);
    END IF;
    IF redirect_to IS NULL OR NOT redirect_to = ANY (p.redirect_uris) THEN
        RETURN auth.oidc_error('22023', 'invalid_redirect',
                               'redirect_to is not one of the provider''s registered redirect URIs',
                               'redirect_not_allowed', p.name, ip => ip, user_agent => user_agent);
    END IF;
    INSERT INTO auth.login_attempts (id, provider, state_hash, nonce, code_verifier, redirect_uri,
                                     binding_hash, ip, user_agent, expires_at)
    VALUES (v_id, p.name, sha256(convert_to(state, 'UTF8')), nonce,
            internal.encrypt_secret(verifier, 'auth.login_attempts:' || v_id),
            redirect_to, sha256(convert_to(binding, 'UTF8')), ip, left(user_agent, 512),
            clock_timestamp() + ttl);
    PERFORM audit.record('auth.oidc.started', 'success', 'login_attempt', v_id::text,
                         jsonb_build_object('provider', p.name, 'redirect_uri', redirect_to),
                         ip => ip, user_agent => user_agent);
    RETURN jsonb_build_object(
        'attempt_id', v_id,
        'state', state,
        'nonce', nonce,
        'code_challenge', auth.pkce_challenge(verifier),
        'code_challenge_method', 'S256',
        'binding', binding,
        'expires_in', extract(epoch FROM ttl)::integer,
        'authorization_endpoint', p.authorization_endpoint,
        'client_id', p.client_id,
        'redirect_uri', p.callback_url,
        'scope', array_to_string(p.scopes, ' '));
END
$$;
COMMENT ON FUNCTION auth.begin_oidc_login(text, text, inet, text) IS
    'For the glue: start an OIDC login with a provider. Checks redirect_to against the provider''s redirect_uris exactly, stores the attempt, answers {attempt_id, state, nonce, code_challenge (S256), binding (for the browser''s cookie), authorization_endpoint, client_id, redirect_uri (the provider''s own callback), scope}; or {error, code, message}: 42704 unknown provider, 55000 provider without a callback URL of its own, 22023 redirect_to not allowed. Audited.';

-- The provider-blind way in, as auth/oidc made it: a glue that does not say at which
-- provider's callback the state arrived is refused, and the attempt is left alone.
CREATE FUNCTION auth.consume_login_attempt(state text, binding text,
                                                      ip inet DEFAULT NULL, user_agent text DEFAULT NULL)
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN auth.oidc_error('28000', 'invalid_state',
                           'this glue does not say which provider the callback is for; upgrade it (it must call auth.consume_oidc_callback)',
                           'provider_not_given', ip => ip, user_agent => user_agent);
END
$$;
COMMENT ON FUNCTION auth.consume_login_attempt(text, text, inet, text) IS
    'Replaced by auth.consume_oidc_callback(provider, state, binding, iss, ...): refuses every callback (28000), audited, so that no glue can skip the provider binding.';

-- The glue found the callback bad after consuming it (provider error, failed code
-- exchange, ID token refused): record it.
CREATE FUNCTION auth.fail_oidc_login(attempt_id uuid, reason text,
                                     ip inet DEFAULT NULL, user_agent text DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_provider text;
BEGIN
    UPDATE auth.login_attempts a SET failed_reason = left(coalesce(reason, 'unknown'), 200)
     WHERE a.id = fail_oidc_login.attempt_id AND a.consumed_at IS NOT NULL AND a.completed_at IS NULL
    RETURNING a.provider INTO v_provider;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'there is no consumed, uncompleted login attempt %', attempt_id
            USING ERRCODE = '42704';
    END IF;
    PERFORM auth.oidc_error('28000', 'login_failed', '', left(coalesce(reason, 'unknown'), 200),
                            v_provider, attempt_id, ip, user_agent);
END
$$;
COMMENT ON FUNCTION auth.fail_oidc_login(uuid, text, inet, text) IS
    'For the glue: record why a consumed login attempt failed (audited as auth.oidc.failed). Errors: 42704.';

-- A username for a new user from the ID token: preferred_username, else the e-mail's local
-- part, else the provider and a digest of the subject; made valid and unique.
CREATE FUNCTION auth.oidc_username(claims jsonb, provider text)
RETURNS text
LANGUAGE plpgsql
VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    base text;
    candidate text;
BEGIN
    base := coalesce(nullif(claims ->> 'preferred_username', ''),
                     nullif(split_part(claims ->> 'email', '@', 1), ''),
                     provider || '-' || left(encode(sha256(convert_to(claims ->> 'sub', 'UTF8')), 'hex'), 12));
    base := regexp_replace(base, '[^A-Za-z0-9._-]', '-', 'g');
    base := regexp_replace(base, '^[._-]+', '');
    base := left(coalesce(nullif(base, ''), provider), 50);
    candidate := base;
    WHILE EXISTS (SELECT FROM identity.users u WHERE u.username OPERATOR(extensions.=) candidate::extensions.citext) LOOP
        candidate := base || '-' || encode(extensions.gen_random_bytes(3), 'hex');
    END LOOP;
    RETURN candidate;
END
$$;
COMMENT ON FUNCTION auth.oidc_username(jsonb, text) IS
    'A free, valid username for a new user from ID-token claims.';

-- The end of a login: the glue has verified the ID token's signature against the
-- provider's keys and its claims. The claims that bind it to this login are checked again
-- here (issuer, audience, nonce, expiry), then the user is found by provider and subject
-- (never by an unverified e-mail), or made, and a session opened.
CREATE FUNCTION auth.complete_oidc_login(attempt_id uuid, claims jsonb,
                                         ip inet DEFAULT NULL, user_agent text DEFAULT NULL)
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    a        auth.login_attempts;
    p        auth.oidc_providers;
    ident    auth.external_identities;
    v_user   uuid;
    v_email  text := nullif(claims ->> 'email', '');
    verified boolean := coalesce(claims -> 'email_verified' = 'true'::jsonb, false);
    problem  text;
    linked   boolean := false;
    answer   jsonb;
    safe_claims jsonb;
BEGIN
    SELECT * INTO a FROM auth.login_attempts x WHERE x.id = complete_oidc_login.attempt_id FOR UPDATE;
    IF NOT FOUND OR a.consumed_at IS NULL OR a.completed_at IS NOT NULL OR a.failed_reason IS NOT NULL
       OR a.consumed_at < clock_timestamp() - interval '5 minutes' THEN
        RETURN auth.oidc_error('28000', 'invalid_state', 'this login attempt cannot be completed; start the login again',
                               'attempt_not_completable', a.provider, attempt_id, ip, user_agent);
    END IF;
    SELECT * INTO p FROM auth.oidc_providers x WHERE x.name = a.provider;
    IF jsonb_typeof(claims) IS DISTINCT FROM 'object' THEN
        problem := 'claims_not_object';
    ELSIF claims ->> 'iss' IS DISTINCT FROM p.issuer THEN
        problem := 'issuer_mismatch';
    ELSIF NOT coalesce(claims -> 'aud' = to_jsonb(p.client_id)
                       OR (jsonb_typeof(claims -> 'aud') = 'array' AND claims -> 'aud' ? p.client_id), false) THEN
        problem := 'audience_mismatch';
    ELSIF claims ? 'azp' AND claims ->> 'azp' IS DISTINCT FROM p.client_id THEN
        problem := 'azp_mismatch';
    ELSIF claims ->> 'nonce' IS DISTINCT FROM a.nonce THEN
        problem := 'nonce_mismatch';
    ELSIF jsonb_typeof(claims -> 'exp') IS DISTINCT FROM 'number'
          OR (claims ->> 'exp')::numeric <= extract(epoch FROM clock_timestamp()) - 60 THEN
        problem := 'token_expired';
    ELSIF jsonb_typeof(claims -> 'sub') IS DISTINCT FROM 'string' OR claims ->> 'sub' = ''
          OR length(claims ->> 'sub') > 255 THEN
        problem := 'subject_invalid';
    END IF;
    IF problem IS NOT NULL THEN
        UPDATE auth.login_attempts x SET failed_reason = problem WHERE x.id = a.id;
        RETURN auth.oidc_error('28000', 'invalid_id_token', 'the ID token does not belong to this login',
                               problem, a.provider, a.id, ip, user_agent);
    END IF;

    -- What we keep of the claims: not the nonce or hashes of tokens.
    safe_claims := claims - 'nonce' - 'at_hash' - 'c_hash' - 's_hash';
    -- Two first logins of one subject at once: the second waits, then finds the first's link.
    PERFORM pg_advisory_xact_lock(hashtextextended('auth.external_identities:' || p.name || ':'
                                                   || (claims ->> 'sub'), 0));
    SELECT * INTO ident FROM auth.external_identities e
     WHERE e.provider = p.name AND e.subject = claims ->> 'sub' FOR UPDATE;
    IF FOUND THEN
        v_user := ident.user_id;
    ELSE
        IF p.link_verified_email AND verified AND v_email IS NOT NULL THEN
            SELECT u.id INTO v_user FROM identity.users u
             WHERE u.email OPERATOR(extensions.=) v_email::extensions.citext;
        END IF;
        IF v_user IS NULL THEN
            -- A new user. The e-mail is kept only when verified and not another user's.
            INSERT INTO identity.users (username, email, display_name)
            VALUES (auth.oidc_username(claims, p.name),
                    CASE WHEN verified AND v_email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'
                              AND length(v_email) <= 254
                              AND NOT EXISTS (SELECT FROM identity.users u
                                               WHERE u.email OPERATOR(extensions.=) v_email::extensions.citext)
                         THEN v_email END,
                    left(nullif(claims ->> 'name', ''), 200))
            RETURNING id INTO v_user;
            PERFORM audit.record('identity.user.created', 'success', 'user', v_user::text,
                                 jsonb_build_object('via', 'oidc', 'provider', p.name),
                                 v_user, 'user', ip => ip, user_agent => user_agent);
        END IF;
        INSERT INTO auth.external_identities (provider, subject, user_id)
        VALUES (p.name, claims ->> 'sub', v_user);
        linked := true;
        PERFORM audit.record('auth.oidc.linked', 'success', 'user', v_user::text,
                             jsonb_build_object('provider', p.name, 'subject', claims ->> 'sub',
                                                'by_verified_email', p.link_verified_email AND verified
                                                    AND v_email IS NOT NULL),
                             v_user, 'user', ip => ip, user_agent => user_agent);
    END IF;
    UPDATE auth.external_identities e
       SET email = CASE WHEN v_email IS NOT NULL AND length(v_email) <= 254 THEN v_email END,
           email_verified = verified, last_claims = safe_claims, last_login_at = clock_timestamp()
     WHERE e.provider = p.name AND e.subject = claims ->> 'sub';

    IF NOT identity.is_active(v_user) THEN
        UPDATE auth.login_attempts x SET failed_reason = 'account_disabled' WHERE x.id = a.id;
        RETURN auth.oidc_error('28000', 'access_denied', 'this account is disabled',
                               'account_disabled', a.provider, a.id, ip, user_agent);
    END IF;
    UPDATE auth.login_attempts x SET completed_at = clock_timestamp() WHERE x.id = a.id;
    answer := auth.create_session(v_user, 'oidc', ip, user_agent);
    PERFORM audit.record('auth.login.succeeded', 'success', 'user', v_user::text,
                         jsonb_build_object('method', 'oidc', 'provider', p.name,
                                            'session_id', answer ->> 'session_id', 'new_link', linked),
                         v_user, 'user', ip => ip, user_agent => user_agent);
    RETURN answer || jsonb_build_object('csrf_token', auth.csrf_token((answer ->> 'session_id')::uuid),
                                        'redirect_to', a.redirect_uri,
                                        'refresh_expires_in',
                                        (SELECT extract(epoch FROM s.refresh_ttl)::integer FROM auth.settings s));
END
$$;
COMMENT ON FUNCTION auth.complete_oidc_login(uuid, jsonb, inet, text) IS
    'For the glue: finish a consumed login attempt with the claims of its verified ID token. Re-checks iss, aud, azp, nonce and exp; links the external identity (provider + subject; by e-mail only when verified and the provider allows it) or makes a user; opens a session. Answers the token answer plus csrf_token and redirect_to; or {error, code 28000}. Audited.';

-- Cookie endpoints of the glue -------------------------------------------------------------

-- POST /auth/refresh: the refresh token from its cookie, with the session's CSRF token.
CREATE FUNCTION auth.cookie_refresh(refresh_token text, csrf_token text,
                                               ip inet DEFAULT NULL, user_agent text DEFAULT NULL)
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_session uuid;
    v_principal uuid;
    answer jsonb;
BEGIN
    -- Local to this call (the function's SET clause ends them with it): what auth.refresh()
    -- audits, rotation and reuse alike, names the browser, not the glue.
    PERFORM set_config('neuronplane.client_ip', coalesce(host(ip), ''), true),
            set_config('neuronplane.client_user_agent', coalesce(left(user_agent, 512), ''), true);
    SELECT t.session_id, s.principal_id INTO v_session, v_principal
      FROM auth.refresh_tokens t JOIN auth.sessions s ON s.id = t.session_id
     WHERE t.token_hash = sha256(convert_to(coalesce(refresh_token, ''), 'UTF8'));
    IF NOT FOUND THEN
        RETURN jsonb_build_object('error', 'invalid_grant', 'code', '28000', 'message', 'unknown refresh token');
    END IF;
    IF NOT auth.csrf_ok(v_session, csrf_token) THEN
        PERFORM audit.record('auth.csrf.refused', 'denied', 'session', v_session::text,
                             '{"endpoint": "refresh"}', v_principal,
                             (SELECT p.type FROM identity.principals p WHERE p.id = v_principal),
                             ip => ip, user_agent => user_agent);
        RETURN jsonb_build_object('error', 'csrf', 'code', '42501',
                                  'message', 'missing or wrong X-CSRF-Token header');
    END IF;
    answer := auth.refresh(refresh_token);
    IF answer ? 'error' THEN
        RETURN answer;
    END IF;
    RETURN answer || jsonb_build_object('csrf_token', auth.csrf_token(v_session),
                                        'refresh_expires_in',
                                        (SELECT extract(epoch FROM s.refresh_ttl)::integer FROM auth.settings s));
END
$$;
COMMENT ON FUNCTION auth.cookie_refresh(text, text, inet, text) IS
    'For the glue: api.refresh() for a refresh token from a cookie, when csrf_token is its session''s. Answers the token answer plus csrf_token; or {error, code 28000 | 42501}.';

-- POST /auth/logout: the access token from its cookie (even expired: its signature names the
-- session), with the session's CSRF token.
CREATE FUNCTION auth.cookie_logout(access_token text, csrf_token text,
                                   ip inet DEFAULT NULL, user_agent text DEFAULT NULL)
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    claims jsonb := auth.verify_access_token(access_token, allow_expired => true);
    v_session uuid;
    v_principal uuid;
BEGIN
    IF claims IS NULL OR NOT claims ? 'sid' THEN
        RETURN jsonb_build_object('error', 'invalid_token', 'code', '28000', 'message', 'no valid session cookie');
    END IF;
    v_session := (claims ->> 'sid')::uuid;
    v_principal := (claims ->> 'sub')::uuid;
    IF NOT auth.csrf_ok(v_session, csrf_token) THEN
        PERFORM audit.record('auth.csrf.refused', 'denied', 'session', v_session::text,
                             '{"endpoint": "logout"}', v_principal, claims ->> 'principal_type',
                             ip => ip, user_agent => user_agent);
        RETURN jsonb_build_object('error', 'csrf', 'code', '42501',
                                  'message', 'missing or wrong X-CSRF-Token header');
    END IF;
    IF auth.revoke_sessions(v_principal, 'logout', only_session => v_session) > 0 THEN
        PERFORM audit.record('auth.logout', 'success', 'session', v_session::text, '{}',
                             v_principal, claims ->> 'principal_type', ip => ip, user_agent => user_agent);
    END IF;
    RETURN jsonb_build_object('session_id', v_session);
END
$$;
COMMENT ON FUNCTION auth.cookie_logout(text, text, inet, text) IS
    'For the glue: end the session of an access token from a cookie (expired tokens too), when csrf_token is its session''s. Answers {session_id}; or {error, code 28000 | 42501}.';

-- GET /auth/session: who the access-token cookie stands for.
CREATE FUNCTION auth.cookie_session(access_token text)
RETURNS jsonb
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    claims jsonb := auth.verify_access_token(access_token);
    s auth.sessions;
    u identity.users;
BEGIN
    IF claims IS NULL OR NOT claims ? 'sid' THEN
        RETURN jsonb_build_object('error', 'invalid_token', 'code', '28000', 'message', 'no valid session cookie');
    END IF;
    SELECT * INTO s FROM auth.sessions x WHERE x.id = (claims ->> 'sid')::uuid;
    IF NOT FOUND OR NOT auth.session_is_active(s.id) THEN
        RETURN jsonb_build_object('error', 'invalid_token', 'code', '28000', 'message', 'the session has ended');
    END IF;
    SELECT * INTO u FROM identity.users x WHERE x.id = s.principal_id;
    RETURN jsonb_build_object('session_id', s.id, 'principal_id', s.principal_id,
                              'principal_type', claims ->> 'principal_type',
                              'username', u.username, 'email', u.email, 'display_name', u.display_name,
                              'auth_method', s.auth_method, 'created_at', s.created_at,
                              'access_expires_at', (claims ->> 'exp')::bigint,
                              'session_expires_at', least(s.expires_at, s.idle_expires_at));
END
$$;
COMMENT ON FUNCTION auth.cookie_session(text) IS
    'For the glue: the session and user of an access token from a cookie; or {error, code 28000}.';

-- Housekeeping ------------------------------------------------------------------------------

-- Attempts past their expiry (or spent) for longer than oidc_attempt_retention go.
CREATE FUNCTION auth.cleanup_login_attempts()
RETURNS integer
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    n integer;
BEGIN
    DELETE FROM auth.login_attempts a
     USING auth.settings s
     WHERE least(a.expires_at, coalesce(a.consumed_at, 'infinity')) < clock_timestamp() - s.oidc_attempt_retention;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;
COMMENT ON FUNCTION auth.cleanup_login_attempts() IS
    'Deletes OIDC login attempts that expired or were spent more than auth.settings.oidc_attempt_retention ago; returns how many. Scheduled by pg_cron every 10 minutes.';

GRANT EXECUTE ON FUNCTION auth.begin_oidc_login(text, text, inet, text),
                          auth.consume_login_attempt(text, text, inet, text),
                          auth.fail_oidc_login(uuid, text, inet, text),
                          auth.complete_oidc_login(uuid, jsonb, inet, text),
                          auth.oidc_provider_keys(text),
                          auth.store_oidc_jwks(text, jsonb),
                          auth.cookie_refresh(text, text, inet, text),
                          auth.cookie_logout(text, text, inet, text),
                          auth.cookie_session(text),
                          auth.cleanup_login_attempts()
   TO neuronplane_worker;

RESET ROLE;

DO $do$
BEGIN
    PERFORM cron.schedule('neuronplane-oidc-login-attempts', '*/10 * * * *',
                          'SELECT auth.cleanup_login_attempts()');
END
$do$;

SET LOCAL ROLE neuronplane_owner;


-- True when a callback URL is the per-provider one of that provider.
CREATE FUNCTION auth.oidc_callback_is_own(callback_url text, provider text)
RETURNS boolean
LANGUAGE sql
IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT provider ~ '^[a-z0-9][a-z0-9_-]{0,62}$'
       AND callback_url ~ ('^https?://[^/?#[:space:]]+(/[^?#[:space:]]*)?/auth/oidc/'
                           || provider || '/callback$')
$$;
COMMENT ON FUNCTION auth.oidc_callback_is_own(text, text) IS
    'True when callback_url is https://host[/prefix]/auth/oidc/<provider>/callback: the redirect URI that belongs to that provider alone.';

-- Whether the provider sends iss in its authorization responses (RFC 9207), as its
-- discovery says; the CLI sets it right after auth.save_oidc_provider(). Administrators only.
CREATE FUNCTION auth.set_oidc_iss_parameter_supported(name text, supported boolean)
RETURNS void
LANGUAGE plpgsql
VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    UPDATE auth.oidc_providers p SET iss_parameter_supported = coalesce(supported, false)
     WHERE p.name = set_oidc_iss_parameter_supported.name;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'there is no OIDC provider "%"', left(name, 64) USING ERRCODE = '42704';
    END IF;
    PERFORM audit.record('auth.oidc.provider.saved', 'success', 'oidc_provider', name,
                         jsonb_build_object('iss_parameter_supported', coalesce(supported, false)));
END
$$;
COMMENT ON FUNCTION auth.set_oidc_iss_parameter_supported(text, boolean) IS
    'Record whether a provider advertises authorization_response_iss_parameter_supported (RFC 9207): its callbacks must then carry iss. Errors: 42704.';

-- The callback at /auth/oidc/<provider>/callback presents the state and the response's iss.
-- As consume_login_attempt(state, binding, ...) (which refuses: a callback names its
-- provider), plus: the attempt must have been started with this provider, and iss must be its issuer (required
-- when the provider advertises the parameter). Every refusal after the lookup spends the
-- attempt, so a hostile response cannot be retried with the same state.
CREATE FUNCTION auth.consume_oidc_callback(provider text, state text, binding text, iss text,
                                           ip inet DEFAULT NULL, user_agent text DEFAULT NULL)
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    a auth.login_attempts;
    p auth.oidc_providers;
    now_ timestamptz := clock_timestamp();
    problem text;
BEGIN
    SELECT * INTO a FROM auth.login_attempts x
     WHERE x.state_hash = sha256(convert_to(coalesce(state, ''), 'UTF8'))
       FOR UPDATE;
    IF NOT FOUND THEN
        RETURN auth.oidc_error('28000', 'invalid_state', 'unknown or expired login state; start the login again',
                               'unknown_state', left(provider, 64), ip => ip, user_agent => user_agent);
    END IF;
    IF a.consumed_at IS NOT NULL THEN
        RETURN auth.oidc_error('28000', 'invalid_state', 'this login state was already used; start the login again',
                               'state_replayed', a.provider, a.id, ip, user_agent);
    END IF;
    UPDATE auth.login_attempts x SET consumed_at = now_ WHERE x.id = a.id;
    PERFORM audit.record('auth.oidc.consumed', 'success', 'login_attempt', a.id::text,
                         jsonb_build_object('provider', a.provider), ip => ip, user_agent => user_agent);
    SELECT * INTO p FROM auth.oidc_providers x WHERE x.name = a.provider;
    IF provider IS DISTINCT FROM a.provider THEN
        problem := 'provider_mismatch';
    ELSIF iss IS NOT NULL AND iss IS DISTINCT FROM p.issuer THEN
        problem := 'iss_mismatch';
    ELSIF iss IS NULL AND p.iss_parameter_supported THEN
        problem := 'iss_missing';
    END IF;
    IF problem IS NOT NULL THEN
        UPDATE auth.login_attempts x SET failed_reason = problem WHERE x.id = a.id;
        RETURN auth.oidc_error('28000', 'invalid_state',
                               'this response does not come from the provider the login was started with; start the login again',
                               problem, a.provider, a.id, ip, user_agent);
    END IF;
    IF a.expires_at <= now_ THEN
        UPDATE auth.login_attempts x SET failed_reason = 'expired' WHERE x.id = a.id;
        RETURN auth.oidc_error('28000', 'invalid_state', 'unknown or expired login state; start the login again',
                               'state_expired', a.provider, a.id, ip, user_agent);
    END IF;
    IF NOT coalesce(auth.digests_equal(sha256(convert_to(binding, 'UTF8')), a.binding_hash), false) THEN
        UPDATE auth.login_attempts x SET failed_reason = 'browser_mismatch' WHERE x.id = a.id;
        RETURN auth.oidc_error('28000', 'invalid_state',
                               'this login was started in another browser; start the login again',
                               'browser_mismatch', a.provider, a.id, ip, user_agent);
    END IF;
    IF NOT p.enabled THEN
        UPDATE auth.login_attempts x SET failed_reason = 'provider_disabled' WHERE x.id = a.id;
        RETURN auth.oidc_error('42704', 'unknown_provider', 'the OIDC provider of this login is disabled',
                               'provider_disabled', a.provider, a.id, ip, user_agent);
    END IF;
    RETURN jsonb_build_object(
        'attempt_id', a.id,
        'provider', p.name,
        'issuer', p.issuer,
        'client_id', p.client_id,
        'client_secret', CASE WHEN p.client_secret IS NOT NULL
                              THEN internal.decrypt_secret(p.client_secret, 'auth.oidc_providers:' || p.name) END,
        'token_endpoint', p.token_endpoint,
        'redirect_uri', p.callback_url,
        'code_verifier', internal.decrypt_secret(a.code_verifier, 'auth.login_attempts:' || a.id),
        'nonce', a.nonce,
        'redirect_to', a.redirect_uri);
END
$$;
COMMENT ON FUNCTION auth.consume_oidc_callback(text, text, text, text, inet, text) IS
    'For the glue''s /auth/oidc/<provider>/callback: spend the login attempt of the callback''s state (single use), after checking that it was started with this provider and that the response''s iss (RFC 9207) is the provider''s issuer (required when the provider advertises it). Answers what the code exchange and the ID token check need; or {error, code 28000: unknown, used, expired, other-browser state, other provider or issuer; 42704 disabled provider}. Audited.';

REVOKE ALL ON FUNCTION auth.oidc_callback_is_own(text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION auth.set_oidc_iss_parameter_supported(text, boolean) FROM PUBLIC;
REVOKE ALL ON FUNCTION auth.consume_oidc_callback(text, text, text, text, inet, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth.consume_oidc_callback(text, text, text, text, inet, text)
   TO neuronplane_worker;

RESET ROLE;

-- This change's secret columns, for workspace.rotate_secrets().
SET LOCAL ROLE neuronplane_owner;
INSERT INTO internal.secret_columns (name, table_name, column_name, context_sql) VALUES
    ('oidc_client_secrets', 'auth.oidc_providers', 'client_secret', $$'auth.oidc_providers:' || name$$),
    ('oidc_code_verifiers', 'auth.login_attempts', 'code_verifier', $$'auth.login_attempts:' || id$$);
RESET ROLE;

COMMIT;
