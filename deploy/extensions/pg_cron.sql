-- Deploy neuronplane:extensions/pg_cron to pg

BEGIN;

-- Needs shared_preload_libraries = 'pg_cron' and cron.database_name = this database
-- (the cluster's managed neuronplane.conf sets both).
CREATE EXTENSION IF NOT EXISTS pg_cron;

-- Only the superuser schedules or reads jobs: close what pg_cron opens to PUBLIC.
REVOKE ALL ON ALL TABLES IN SCHEMA cron FROM PUBLIC;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA cron FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA cron FROM PUBLIC;
REVOKE ALL ON SCHEMA cron FROM PUBLIC;

COMMIT;
