-- Revert neuronplane:extensions/pg_cron from pg

BEGIN;

DROP EXTENSION IF EXISTS pg_cron;

COMMIT;
