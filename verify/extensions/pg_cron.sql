-- Verify neuronplane:extensions/pg_cron on pg

BEGIN;

SELECT 1 / count(*) FROM pg_catalog.pg_extension WHERE extname = 'pg_cron';

DO $$
BEGIN
    ASSERT NOT has_table_privilege('anon', 'cron.job', 'SELECT')
       AND NOT has_table_privilege('authenticated', 'cron.job_run_details', 'SELECT')
       AND NOT has_table_privilege('neuronplane_worker', 'cron.job_run_details', 'DELETE'),
           'pg_cron''s tables must be closed to PUBLIC';
    ASSERT NOT has_function_privilege('authenticated', 'cron.schedule(text, text)', 'EXECUTE'),
           'only the superuser may schedule jobs';
END
$$;

ROLLBACK;
