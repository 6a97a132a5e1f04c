-- Deploy neuronplane:hooks to pg

BEGIN;

-- PostgREST calls a pre-request function as the request's role, anonymous included, and
-- anon may use no schema but api. The hooks live in their own schema rather than in api,
-- so that they are not endpoints.
CREATE SCHEMA hooks AUTHORIZATION neuronplane_owner;
COMMENT ON SCHEMA hooks IS
    'Functions PostgREST calls around requests (db-pre-request, db-pre-config); not exposed as endpoints.';
REVOKE ALL ON SCHEMA hooks FROM PUBLIC;
GRANT USAGE ON SCHEMA hooks TO anon, authenticated, service, authenticator;

COMMIT;
