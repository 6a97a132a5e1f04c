-- Deploy neuronplane:identity/current_principal to pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- PL/pgSQL rather than SQL: every RLS policy and request calls these helpers, and a SQL
-- function with a SET clause is never inlined and keeps no plan; PL/pgSQL plans its body
-- once per session.

CREATE FUNCTION identity.current_principal_id()
RETURNS uuid
LANGUAGE plpgsql
STABLE
PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    sub text := nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub';
BEGIN
    IF sub ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
        RETURN sub::uuid;
    END IF;
    RETURN NULL;
END
$$;

COMMENT ON FUNCTION identity.current_principal_id() IS
    'The principal making the request (JWT claim "sub"), or NULL when anonymous.';

GRANT USAGE ON SCHEMA identity TO authenticated, service, neuronplane_worker;
GRANT EXECUTE ON FUNCTION identity.current_principal_id()
   TO authenticated, service, neuronplane_worker;

RESET ROLE;

COMMIT;
