-- Revert neuronplane:auth/glue_client from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- As the changes before this one made them.
CREATE OR REPLACE FUNCTION auth.request_ip() RETURNS inet
    LANGUAGE sql STABLE
    AS $$
    SELECT CASE WHEN nullif(current_setting('request.headers', true), '') IS NULL
                THEN inet_client_addr()
                ELSE audit.client_ip(current_setting('request.headers', true)::jsonb) END
$$;

CREATE OR REPLACE FUNCTION auth.request_user_agent() RETURNS text
    LANGUAGE sql STABLE
    AS $$
    SELECT left(nullif(current_setting('request.headers', true), '')::jsonb ->> 'user-agent', 512)
$$;

CREATE OR REPLACE FUNCTION auth.cookie_refresh(refresh_token text, csrf_token text, ip inet DEFAULT NULL::inet, user_agent text DEFAULT NULL::text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_session uuid;
    answer jsonb;
BEGIN
    SELECT t.session_id INTO v_session FROM auth.refresh_tokens t
     WHERE t.token_hash = sha256(convert_to(coalesce(refresh_token, ''), 'UTF8'));
    IF NOT FOUND THEN
        RETURN jsonb_build_object('error', 'invalid_grant', 'code', '28000', 'message', 'unknown refresh token');
    END IF;
    IF NOT auth.csrf_ok(v_session, csrf_token) THEN
        PERFORM audit.record('auth.csrf.refused', 'denied', 'session', v_session::text,
                             '{"endpoint": "refresh"}', ip => ip, user_agent => user_agent);
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

COMMENT ON FUNCTION auth.request_ip() IS 'The address of the current request''s client, when known.';
COMMENT ON FUNCTION auth.request_user_agent() IS 'The User-Agent of the current request, when known.';

COMMIT;
