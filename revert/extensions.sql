-- Revert neuronplane:extensions from pg

BEGIN;

DROP EXTENSION IF EXISTS plpgsql_check;
DROP EXTENSION IF EXISTS plpython3u;
DROP EXTENSION IF EXISTS citext;
DROP EXTENSION IF EXISTS pgcrypto;

COMMIT;
