-- Deploy neuronplane:auth/oidc to pg
-- Reworked after v0.3.0: OIDC login starts count towards the per-address login rate limit.

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- Start a login. A provider registered with a callback URL that is not its own is refused
-- until registered again: callbacks are told apart by provider (mix-up defence).
-- Anonymous starts count towards the client address's login rate limit, shared with
-- password logins (auth.count_login_attempt()): beyond it nothing is stored and only the
-- first refusal of the minute is audited, so that a flood fills neither
-- auth.login_attempts nor the audit log.
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
    limited  record;
BEGIN
    SELECT * INTO limited FROM auth.count_login_attempt(ip, clock_timestamp());
    IF limited.retry_after IS NOT NULL THEN
        IF limited.first_refusal THEN
            PERFORM audit.record('auth.oidc.failed', 'denied',
                                 details => jsonb_build_object(
                                     'reason', 'rate_limited', 'scope', 'address',
                                     'provider', left(provider, 64),
                                     'retry_after', limited.retry_after),
                                 ip => ip, user_agent => user_agent);
        END IF;
        RETURN jsonb_build_object('error', 'rate_limited', 'code', '53400',
                                  'message', 'too many login attempts from this address; try again later',
                                  'retry_after', limited.retry_after);
    END IF;
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
    'For the glue: start an OIDC login with a provider. Counts towards the client address''s login rate limit (auth.count_login_attempt(), shared with password logins); beyond it answers {error: rate_limited, code: 53400, message, retry_after} and stores nothing. Checks redirect_to against the provider''s redirect_uris exactly, stores the attempt, answers {attempt_id, state, nonce, code_challenge (S256), binding (for the browser''s cookie), authorization_endpoint, client_id, redirect_uri (the provider''s own callback), scope}; or {error, code, message}: 42704 unknown provider, 55000 provider without a callback URL of its own, 22023 redirect_to not allowed. Audited.';

RESET ROLE;

COMMIT;
