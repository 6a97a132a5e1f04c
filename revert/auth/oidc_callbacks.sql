-- Revert neuronplane:auth/oidc_callbacks from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- The functions as auth/oidc made them.
CREATE OR REPLACE FUNCTION auth.consume_login_attempt(state text, binding text,
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
BEGIN
    SELECT * INTO a FROM auth.login_attempts x
     WHERE x.state_hash = sha256(convert_to(coalesce(state, ''), 'UTF8'))
       FOR UPDATE;
    IF NOT FOUND THEN
        RETURN auth.oidc_error('28000', 'invalid_state', 'unknown or expired login state; start the login again',
                               'unknown_state', ip => ip, user_agent => user_agent);
    END IF;
    IF a.consumed_at IS NOT NULL THEN
        RETURN auth.oidc_error('28000', 'invalid_state', 'this login state was already used; start the login again',
                               'state_replayed', a.provider, a.id, ip, user_agent);
    END IF;
    UPDATE auth.login_attempts x SET consumed_at = now_ WHERE x.id = a.id;
    PERFORM audit.record('auth.oidc.consumed', 'success', 'login_attempt', a.id::text,
                         jsonb_build_object('provider', a.provider), ip => ip, user_agent => user_agent);
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
    SELECT * INTO p FROM auth.oidc_providers x WHERE x.name = a.provider;
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
COMMENT ON FUNCTION auth.consume_login_attempt(text, text, inet, text) IS
    'For the glue: spend the login attempt of a callback''s state (single use). Answers what the code exchange and the ID token check need; or {error, code 28000: unknown, used, expired or other-browser state; 42704 disabled provider}. Audited.';

DROP FUNCTION auth.consume_oidc_callback(text, text, text, text, inet, text);

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
    'For the glue: start an OIDC login with a provider. Checks redirect_to against the provider''s redirect_uris exactly, stores the attempt, answers {attempt_id, state, nonce, code_challenge (S256), binding (for the browser''s cookie), authorization_endpoint, client_id, redirect_uri, scope}; or {error, code, message}: 42704 unknown provider, 22023 redirect_to not allowed. Audited.';

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
        RAISE EXCEPTION 'provider name "%" is not valid', name USING ERRCODE = '22023',
            HINT = 'Use lower-case letters, digits, _ and -, starting with a letter or digit.';
    END IF;
    FOREACH u IN ARRAY coalesce(redirect_uris, '{}') LOOP
        -- An absolute http(s) URL with a host, or an absolute path (not //host).
        IF u !~ '^(https?://[^/?#[:space:]]+(/[^#[:space:]]*)?|/([^/[:space:]\\#][^#[:space:]]*)?)$' THEN
            RAISE EXCEPTION 'redirect URI "%" is not an absolute URL or path', u USING ERRCODE = '22023',
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
                                            'redirect_uris', to_jsonb(redirect_uris),
                                            'enabled', coalesce(enabled, true)));
END
$$;
COMMENT ON FUNCTION auth.save_oidc_provider(text, text, text, text, text, text, text, text, text[], text[], text, text, text[], boolean, boolean) IS
    'Add or replace an OIDC provider (client secret stored encrypted; NULL for a public client). Errors: 22023 bad name or redirect URI, 23514 bad URL.';

DROP FUNCTION auth.set_oidc_iss_parameter_supported(text, boolean);
DROP FUNCTION auth.oidc_callback_is_own(text, text);
ALTER TABLE auth.oidc_providers DROP COLUMN iss_parameter_supported;

COMMIT;
