-- Revert neuronplane:schemas from pg

BEGIN;

-- No CASCADE: each later change removes its own objects first.
DROP SCHEMA extensions;
DROP SCHEMA internal;
DROP SCHEMA api;
DROP SCHEMA ops;
DROP SCHEMA workspace;
DROP SCHEMA audit;
DROP SCHEMA auth;
DROP SCHEMA identity;

COMMIT;
