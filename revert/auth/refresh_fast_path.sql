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

DROP FUNCTION api.refresh(text);
ALTER FUNCTION auth.refresh_checked(text) SET SCHEMA api;
ALTER FUNCTION api.refresh_checked(text) RENAME TO refresh;
COMMENT ON FUNCTION api.refresh(text) IS
$$Exchange a refresh token for a new access token and a new refresh token (the old one is spent). A duplicate within the reuse grace interval gets the same successor; a spent token presented later revokes the whole session. Answers like login; failures with HTTP 401 {error: "invalid_grant", code: "28000", message}.$$;
GRANT EXECUTE ON FUNCTION api.refresh(text) TO anon, authenticated, service;

COMMIT;
