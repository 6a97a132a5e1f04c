-- Revert neuronplane:baseline from pg

BEGIN;

-- Back to PostgreSQL 15's defaults.
GRANT USAGE ON SCHEMA public TO PUBLIC;
ALTER DEFAULT PRIVILEGES GRANT EXECUTE ON FUNCTIONS TO PUBLIC;

COMMIT;
