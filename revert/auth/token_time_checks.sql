-- Revert neuronplane:auth/token_time_checks from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- As auth/signing_keys made it.
CREATE OR REPLACE FUNCTION auth.check_access_token()
RETURNS void
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    token text := substring(nullif(current_setting('request.headers', true), '')::jsonb
                            ->> 'authorization' FROM '(?i)^bearer\s+(\S+)');
    header text;
    claims jsonb;
    cfg record;
    problem text;
BEGIN
    IF token IS NULL THEN
        RETURN;  -- anonymous
    END IF;
    -- PostgREST has parsed the token: its header is base64url JSON.
    header := translate(split_part(token, '.', 1), '-_', '+/');
    header := convert_from(decode(rpad(header, (length(header) + 3) / 4 * 4, '='), 'base64'),
                           'UTF8');
    claims := coalesce(nullif(current_setting('request.jwt.claims', true), '')::jsonb, '{}');
    SELECT s.issuer, s.audience INTO STRICT cfg FROM auth.settings s;
    IF claims ->> 'iss' IS DISTINCT FROM cfg.issuer THEN
        problem := 'the token was not issued by this server';
    ELSIF NOT coalesce(claims -> 'aud' = to_jsonb(cfg.audience)
                       OR (jsonb_typeof(claims -> 'aud') = 'array'
                           AND claims -> 'aud' ? cfg.audience), false) THEN
        problem := 'the token is not meant for this API';
    ELSIF jsonb_typeof(claims -> 'exp') IS DISTINCT FROM 'number' THEN
        problem := 'the token has no expiry';
    ELSIF NOT EXISTS (SELECT FROM auth.published_signing_keys() k
                       WHERE k.kid = header::jsonb ->> 'kid') THEN
        problem := 'the token names no published signing key';
    ELSE
        RETURN;
    END IF;
    -- PostgREST turns SQLSTATE PGRST into this response: 401 with the header RFC 6750 asks for.
    RAISE SQLSTATE 'PGRST'
        USING MESSAGE = jsonb_build_object(
                  'code', '28000', 'message', problem, 'details', NULL,
                  'hint', 'Sign in again for a token from ' || cfg.issuer || '.')::text,
              DETAIL = jsonb_build_object(
                  'status', 401,
                  'headers', jsonb_build_object(
                      'WWW-Authenticate',
                      format('Bearer error="invalid_token", error_description="%s"', problem)))::text;
END
$$;
COMMENT ON FUNCTION auth.check_access_token() IS
    'For PostgREST''s pre-request hook: a request with a token is refused (401) unless the token''s iss and aud are this server''s, it expires, and its kid names a published signing key.';

COMMIT;
