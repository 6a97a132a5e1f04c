-- Deploy neuronplane:identity/current_principal to pg
-- requires: schemas

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- The acting principal: the `sub` claim of the request's JWT, which PostgREST (and the
-- API-key pre-request hook) put in request.jwt.claims. NULL for anonymous requests and for
-- a `sub` that is not a uuid. STABLE and wrapped in (select ...) by RLS policies, so it is
-- evaluated once per statement.
CREATE FUNCTION identity.current_principal_id()
RETURNS uuid
LANGUAGE sql
STABLE
PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT CASE
        WHEN sub ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
        THEN sub::uuid
    END
      FROM (SELECT nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub'
                   AS sub) AS claims
$$;

COMMENT ON FUNCTION identity.current_principal_id() IS
    'The principal making the request (JWT claim "sub"), or NULL when anonymous.';

GRANT USAGE ON SCHEMA identity TO authenticated, service, neuronplane_worker;
GRANT EXECUTE ON FUNCTION identity.current_principal_id()
   TO authenticated, service, neuronplane_worker;

COMMIT;
