-- Revert neuronplane:auth/refresh_fast_path from pg: the bodies as landed.

BEGIN;

CREATE OR REPLACE FUNCTION auth.es256_sign(claims jsonb, kid text, private_key bytea)
RETURNS text
LANGUAGE plpython3u
VOLATILE
STRICT
SET search_path = pg_catalog, pg_temp
AS $$
import json
import np_tokens
key = SD.get(kid)
if key is None:
    if "decrypt" not in SD:
        SD["decrypt"] = plpy.prepare("SELECT internal.decrypt_secret($1, $2) AS pem", ["bytea", "text"])
    pem = plpy.execute(SD["decrypt"], [private_key, "auth.signing_keys:" + kid])[0]["pem"]
    key = SD[kid] = np_tokens.load_private_key(pem)
return np_tokens.sign(json.loads(claims), kid, key)
$$;

SET LOCAL ROLE neuronplane_owner;

CREATE OR REPLACE FUNCTION auth.successor_refresh_token(token text)
RETURNS text
LANGUAGE sql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT 'npr_' || encode(extensions.hmac(convert_to(token, 'UTF8'), k.key, 'sha256'), 'hex')
      FROM auth.refresh_token_key k
$$;

CREATE OR REPLACE FUNCTION auth.token_response(session_id uuid, refresh_token text)
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    s  auth.sessions;
    pr identity.principals;
    ttl interval := (SELECT x.access_ttl FROM auth.settings x);
BEGIN
    SELECT * INTO s FROM auth.sessions x WHERE x.id = token_response.session_id;
    SELECT * INTO pr FROM identity.principals p WHERE p.id = s.principal_id;
    RETURN jsonb_build_object(
        'access_token', auth.issue_access_token(
            pr.id, pr.type, CASE pr.type WHEN 'user' THEN 'authenticated' ELSE 'service' END, s.id),
        'token_type', 'bearer',
        'expires_in', extract(epoch FROM ttl)::integer,
        'expires_at', extract(epoch FROM clock_timestamp() + ttl)::bigint,
        'refresh_token', refresh_token,
        'session_id', s.id,
        'principal_id', pr.id,
        'principal_type', pr.type);
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
    t    auth.refresh_tokens;
    s    auth.sessions;
    x    auth.settings;
    rt   record;
    now_ timestamptz;
BEGIN
    SELECT * INTO x FROM auth.settings;
    -- The row lock makes concurrent refreshes of one token take turns.
    SELECT * INTO t FROM auth.refresh_tokens r
     WHERE r.token_hash = sha256(convert_to(coalesce(refresh_token, ''), 'UTF8'))
       FOR UPDATE;
    IF NOT FOUND THEN
        RETURN auth.error_response(401, 'invalid_grant', '28000', 'unknown refresh token');
    END IF;
    SELECT * INTO s FROM auth.sessions ss WHERE ss.id = t.session_id FOR UPDATE;
    now_ := clock_timestamp();
    IF s.revoked_at IS NOT NULL OR t.revoked_at IS NOT NULL THEN
        RETURN auth.error_response(401, 'invalid_grant', '28000', 'the session has ended');
    END IF;
    IF s.expires_at <= now_ OR s.idle_expires_at <= now_ OR t.expires_at <= now_ THEN
        PERFORM auth.revoke_sessions(s.principal_id, 'expired', only_session => s.id);
        RETURN auth.error_response(401, 'invalid_grant', '28000', 'the session has expired');
    END IF;
    IF NOT identity.is_active(s.principal_id) THEN
        PERFORM auth.revoke_sessions(s.principal_id, 'principal_disabled', only_session => s.id);
        RETURN auth.error_response(401, 'invalid_grant', '28000', 'the account is disabled');
    END IF;
    IF t.used_at IS NULL THEN
        -- Spend it; issue its successor.
        rt := auth.new_refresh_token(s.id, t.id, auth.successor_refresh_token(refresh_token));
        UPDATE auth.refresh_tokens r SET used_at = now_ WHERE r.id = t.id;
        UPDATE auth.sessions ss SET refreshed_at = now_,
                                    idle_expires_at = least(now_ + x.idle_timeout, ss.expires_at)
         WHERE ss.id = s.id;
        PERFORM audit.record('auth.refresh.rotated', 'success', 'session', s.id::text, '{}',
                             s.principal_id, (SELECT p.type FROM identity.principals p WHERE p.id = s.principal_id),
                             ip => auth.request_ip(), user_agent => auth.request_user_agent());
        RETURN auth.token_response(s.id, rt.token);
    END IF;
    IF now_ - t.used_at <= x.refresh_reuse_grace
       AND EXISTS (SELECT FROM auth.refresh_tokens c
                    WHERE c.parent_id = t.id AND c.used_at IS NULL AND c.revoked_at IS NULL) THEN
        -- A concurrent duplicate, while the successor is unspent: the same successor, a
        -- fresh access token.
        RETURN auth.token_response(s.id, auth.successor_refresh_token(refresh_token));
    END IF;
    -- A spent token came back: someone holds a copy. End the session.
    PERFORM auth.revoke_sessions(s.principal_id, 'refresh_reused', only_session => s.id);
    PERFORM audit.record('auth.refresh.reused', 'denied', 'session', s.id::text,
                         jsonb_build_object('used_at', t.used_at), s.principal_id,
                         (SELECT p.type FROM identity.principals p WHERE p.id = s.principal_id),
                         ip => auth.request_ip(), user_agent => auth.request_user_agent());
    RETURN auth.error_response(401, 'invalid_grant', '28000',
                               'this refresh token was already used: the session has been revoked');
END
$$;

COMMIT;
