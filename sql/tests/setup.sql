-- Test-only objects, installed by `neuronplane test` into the throwaway database after the
-- sqitch round trip. Never deployed by sqitch, never present in a real database.

CREATE SCHEMA tests;
COMMENT ON SCHEMA tests IS 'pgTAP and test helpers; exists only in test databases.';
CREATE EXTENSION pgtap WITH SCHEMA tests;

-- Tests switch roles inside their transaction and keep calling pgTAP.
GRANT USAGE ON SCHEMA tests TO anon, authenticated, service, neuronplane_worker, authenticator;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA tests
   TO anon, authenticated, service, neuronplane_worker, authenticator;

DO $$
BEGIN
    EXECUTE format('ALTER DATABASE %I SET search_path = "$user", public, tests',
                   current_database());
END
$$;

-- Act as a role, with the claims PostgREST would set, for the rest of the transaction.
CREATE FUNCTION tests.authenticate_as(role_name text, claims jsonb DEFAULT '{}')
RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM set_config('request.jwt.claims', claims::text, true);
    PERFORM set_config('role', role_name, true);
END
$$;
COMMENT ON FUNCTION tests.authenticate_as(text, jsonb) IS
    'Switch to role_name with request.jwt.claims = claims until the end of the transaction.';

-- Back to the test's own (superuser) role.
CREATE FUNCTION tests.clear_authentication()
RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM set_config('request.jwt.claims', NULL, true);
    RESET ROLE;
END
$$;
COMMENT ON FUNCTION tests.clear_authentication() IS
    'Undo tests.authenticate_as(): back to the session role, without claims.';

GRANT EXECUTE ON FUNCTION tests.authenticate_as(text, jsonb), tests.clear_authentication()
   TO anon, authenticated, service, neuronplane_worker, authenticator;

\ir catalog.sql

-- pg_cron's jobs would seal concurrently with the tests, which call audit.seal() themselves.
UPDATE cron.job SET active = false WHERE database = current_database();
