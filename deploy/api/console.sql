-- Deploy neuronplane:api/console to pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

CREATE FUNCTION api.sign_in_providers()
RETURNS TABLE (name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$ SELECT * FROM auth.sign_in_providers() $$;
COMMENT ON FUNCTION api.sign_in_providers() IS
    'The OIDC providers a person may sign in with (their names, enabled ones only), for the console''s sign-in page: GET /auth/oidc/{name}/login starts the login. Anyone may call it.';
REVOKE ALL ON FUNCTION api.sign_in_providers() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.sign_in_providers() TO anon, authenticated, service;

COMMIT;
