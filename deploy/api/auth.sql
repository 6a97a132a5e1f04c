-- Deploy neuronplane:api/auth to pg

BEGIN;

-- Endpoints: each is a thin wrapper over the area function that holds its rule, and the only
-- thing the API roles may call. SECURITY DEFINER, so that the area functions need no grant
-- to any API role; every area function runs as neuronplane_owner either way.

SET LOCAL ROLE neuronplane_owner;

-- SECURITY DEFINER: anyone may fetch the public keys, stored in a table no API role reads.
CREATE FUNCTION api.jwks()
RETURNS jsonb
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT auth.jwks()
$$;
COMMENT ON FUNCTION api.jwks() IS
$$The public keys that verify neuronplane access tokens, as a JSON Web Key Set: {"keys": [{"kty": "EC", "crv": "P-256", "x", "y", "kid", "alg": "ES256", "use": "sig"}, ...]}. It holds the key that signs now, the next key (published before it signs) and retired keys whose tokens may still be valid. Pick the key by the token header's kid; fetch the set again when a kid is unknown.$$;

CREATE FUNCTION api.login(username_or_email text, password text)
RETURNS jsonb
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT auth.login(username_or_email, password)
$$;
COMMENT ON FUNCTION api.login(text, text) IS
$$Log in with a username (or e-mail) and password. Answers {access_token, token_type, expires_in, expires_at, refresh_token, session_id, principal_id, principal_type}; or, with HTTP 401, {error: "invalid_grant", code: "28P01", message} — the same whether or not the account exists; or, with HTTP 429 and Retry-After, {error: "locked" | "rate_limited", retry_after}. Failed logins count towards the account's and the address's lockout.$$;

CREATE FUNCTION api.logout()
RETURNS void
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT auth.logout()
$$;
COMMENT ON FUNCTION api.logout() IS
$$End the current session: its refresh tokens stop working and its access tokens are refused from the next request. Errors: 28000.$$;

CREATE FUNCTION api.logout_all()
RETURNS integer
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT auth.logout_all()
$$;
COMMENT ON FUNCTION api.logout_all() IS
$$End every session of the caller, this one included; returns how many. Errors: 28000.$$;

CREATE FUNCTION api.sessions()
RETURNS TABLE (id uuid, auth_method text, created_at timestamptz, last_used_at timestamptz,
               expires_at timestamptz, ip inet, user_agent text, is_current boolean)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT * FROM auth.list_sessions()
$$;
COMMENT ON FUNCTION api.sessions() IS
$$Your live sessions: device (user agent), address, method, when created and last used, when they expire, and which one is this request's.$$;

CREATE FUNCTION api.revoke_session(session_id uuid)
RETURNS void
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT auth.revoke_session(session_id)
$$;
COMMENT ON FUNCTION api.revoke_session(uuid) IS
$$End one of your sessions (see api.sessions()). Errors: 22004 no session_id (HTTP 400), 42704 no such live session of yours, 28000.$$;

CREATE FUNCTION api.change_password(old_password text, new_password text)
RETURNS void
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT auth.change_password(old_password, new_password)
$$;
COMMENT ON FUNCTION api.change_password(text, text) IS
$$Change your password; your other sessions end. The new password must follow the policy (length, not your username or e-mail, not a common password). A wrong current password counts towards the account's lockout and is audited (auth.password.change_failed). Errors: 28P01 wrong current password, PT429 (HTTP 429) while the account or address is locked, 22023 policy, 42501.$$;

CREATE FUNCTION api.reset_password(user_id uuid, new_password text)
RETURNS void
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT auth.reset_password(user_id, new_password)
$$;
COMMENT ON FUNCTION api.reset_password(uuid, text) IS
$$Platform administrators: set a user's password; all the user's sessions end. Errors: 42501, 42704, 22023 policy.$$;

CREATE FUNCTION api.refresh(refresh_token text)
RETURNS jsonb
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT auth.refresh(refresh_token)
$$;
COMMENT ON FUNCTION api.refresh(text) IS
$$Exchange a refresh token for a new access token and a new refresh token (the old one is spent). A duplicate within the reuse grace interval gets the same successor; a spent token presented later revokes the whole session. Answers like login; failures with HTTP 401 {error: "invalid_grant", code: "28000", message}.$$;

GRANT EXECUTE ON FUNCTION api.jwks() TO anon, authenticated, service;
GRANT EXECUTE ON FUNCTION api.login(text, text), api.refresh(text) TO anon, authenticated, service;
GRANT EXECUTE ON FUNCTION api.logout(), api.logout_all(), api.sessions(), api.revoke_session(uuid),
                          api.change_password(text, text), api.reset_password(uuid, text)
   TO authenticated, service;
GRANT EXECUTE ON FUNCTION api.refresh(text) TO anon, authenticated, service;

RESET ROLE;

COMMIT;
