-- Deploy neuronplane:baseline to pg

BEGIN;

-- Functions created from now on by the deploying role are not executable by PUBLIC:
-- each change grants EXECUTE to the roles that need it, and to no one else.
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

-- Nobody but the owner may use or create objects in schema public.
REVOKE ALL ON SCHEMA public FROM PUBLIC;

COMMIT;
