-- Deploy neuronplane:auth/glue_client to pg
-- requires: auth/sessions
-- requires: auth/oidc
-- requires: auth/refresh_one_statement
-- requires: audit/record

BEGIN;

-- The glue calls auth.cookie_refresh() with the browser's address and User-Agent, but
-- api.refresh() inside it audits the rotation and a refresh token's reuse with
-- auth.request_ip() and auth.request_user_agent(), which knew only PostgREST's headers and
-- else the connection's peer: the glue itself (127.0.0.1) and no agent. A reused token must
-- say where the stolen copy was used. cookie_refresh() now names its client for the call
-- (settings neuronplane.client_ip and neuronplane.client_user_agent, local to it), and the
-- two functions read them when no PostgREST request is in progress; PostgREST's headers
-- still come first, so an API caller cannot name another address. A CSRF refusal at
-- /auth/refresh names the session's principal, as logout's does.

SET LOCAL ROLE neuronplane_owner;

CREATE OR REPLACE FUNCTION auth.request_ip()
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

CREATE OR REPLACE FUNCTION auth.request_user_agent()
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

CREATE OR REPLACE FUNCTION auth.cookie_refresh(refresh_token text, csrf_token text,
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
    -- Local to this call (the function's SET clause ends them with it): what api.refresh()
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
    answer := api.refresh(refresh_token);
    IF answer ? 'error' THEN
        RETURN answer;
    END IF;
    RETURN answer || jsonb_build_object('csrf_token', auth.csrf_token(v_session),
                                        'refresh_expires_in',
                                        (SELECT extract(epoch FROM s.refresh_ttl)::integer FROM auth.settings s));
END
$$;

COMMIT;
