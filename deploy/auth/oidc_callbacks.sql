-- Deploy neuronplane:auth/oidc_callbacks to pg
-- requires: auth/oidc

BEGIN;

-- Mix-up defence (RFC 9700 section 4.4, RFC 9207). With one callback shared by every
-- provider, a hostile provider could send its victim's browser to another provider with
-- the state of a login started at itself; the callback then redeemed the other provider's
-- code (and PKCE verifier) at the hostile provider's token endpoint. Now:
--   * each provider has its own redirect URI, /auth/oidc/<name>/callback, and the glue
--     passes the name from the path it was called at;
--   * the login attempt is bound to its provider: a callback at another provider's path is
--     refused (and spends the attempt) before anything is sent anywhere;
--   * the authorization response's iss parameter must be the provider's issuer when
--     present, and must be present when the provider advertises
--     authorization_response_iss_parameter_supported.

SET LOCAL ROLE neuronplane_owner;

ALTER TABLE auth.oidc_providers
    ADD COLUMN iss_parameter_supported boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN auth.oidc_providers.iss_parameter_supported IS
    'The provider''s discovery advertises authorization_response_iss_parameter_supported (RFC 9207): its callbacks must carry iss, equal to issuer.';

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

CREATE OR REPLACE FUNCTION auth.save_oidc_provider(
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

-- Start a login: as auth/oidc made it, and a provider still registered with a callback URL
-- it shares with others (the landed /auth/oidc/callback) is refused until re-registered.
CREATE OR REPLACE FUNCTION auth.begin_oidc_login(provider text, redirect_to text,
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

-- The callback at /auth/oidc/<provider>/callback presents the state and the response's iss.
-- As auth/oidc's consume_login_attempt(state, binding, ...), which now refuses, plus: the
-- attempt must have been started with this provider, and iss must be its issuer (required
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

-- The provider-blind way in, as auth/oidc made it: a glue that does not say at which
-- provider's callback the state arrived is refused, and the attempt is left alone.
CREATE OR REPLACE FUNCTION auth.consume_login_attempt(state text, binding text,
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

REVOKE ALL ON FUNCTION auth.oidc_callback_is_own(text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION auth.set_oidc_iss_parameter_supported(text, boolean) FROM PUBLIC;
REVOKE ALL ON FUNCTION auth.consume_oidc_callback(text, text, text, text, inet, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth.consume_oidc_callback(text, text, text, text, inet, text)
   TO neuronplane_worker;

COMMIT;
