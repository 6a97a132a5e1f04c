-- Deploy neuronplane:auth/cookie_login to pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- POST /auth/login: the console's password sign-in. The glue (neuronplane_worker) passes
-- the browser's address and user agent; the answer is api.login()'s plus the session's CSRF
-- token, which the glue puts in cookies, so no token ever reaches the page's JavaScript.
CREATE FUNCTION auth.cookie_login(username_or_email text, password text,
                                  ip inet DEFAULT NULL, user_agent text DEFAULT NULL)
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    answer jsonb;
BEGIN
    -- Local to this call: what auth.login() records (attempts, lockout, the session's
    -- address) names the browser, not the glue.
    PERFORM set_config('neuronplane.client_ip', coalesce(host(ip), ''), true),
            set_config('neuronplane.client_user_agent', coalesce(left(user_agent, 512), ''), true);
    answer := auth.login(username_or_email, password);
    IF answer ? 'error' THEN
        RETURN answer;
    END IF;
    RETURN answer || jsonb_build_object('csrf_token', auth.csrf_token((answer ->> 'session_id')::uuid),
                                        'refresh_expires_in',
                                        (SELECT extract(epoch FROM s.refresh_ttl)::integer FROM auth.settings s));
END
$$;
COMMENT ON FUNCTION auth.cookie_login(text, text, inet, text) IS
    'For the glue: api.login() for a browser, answering the token answer plus csrf_token and refresh_expires_in (the glue sets them as cookies); or {error, code 28P01 | 53400, message, retry_after}. Definer: it reads and writes auth tables the worker role cannot.';

REVOKE ALL ON FUNCTION auth.cookie_login(text, text, inet, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth.cookie_login(text, text, inet, text) TO neuronplane_worker;

-- The sign-in page lists the providers a person can choose; names only, nothing secret.
CREATE FUNCTION auth.sign_in_providers()
RETURNS TABLE (name text)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT p.name FROM auth.oidc_providers p WHERE p.enabled ORDER BY p.name
$$;
COMMENT ON FUNCTION auth.sign_in_providers() IS
    'The enabled OIDC providers'' names, for the sign-in page. Definer: the providers table holds client secrets that no API role may read.';
REVOKE ALL ON FUNCTION auth.sign_in_providers() FROM PUBLIC;

COMMIT;
