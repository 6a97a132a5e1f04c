-- Revert neuronplane:roles from pg

BEGIN;

ALTER DEFAULT PRIVILEGES FOR ROLE neuronplane_owner GRANT EXECUTE ON FUNCTIONS TO PUBLIC;
-- Fails, naming the objects, if another database of the cluster still uses a role.
DROP ROLE IF EXISTS neuronplane_monitor;
DROP ROLE IF EXISTS neuronplane_autonomous;
DROP ROLE IF EXISTS neuronplane_worker;
DROP ROLE IF EXISTS neuronplane_owner;
DROP ROLE IF EXISTS service;
DROP ROLE IF EXISTS authenticated;
DROP ROLE IF EXISTS anon;
DROP ROLE IF EXISTS authenticator;

COMMIT;
