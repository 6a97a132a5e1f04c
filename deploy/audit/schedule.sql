-- Deploy neuronplane:audit/schedule to pg

BEGIN;

-- pg_cron runs these as the deploying superuser, in background workers. The functions are
-- SECURITY DEFINER, so they act as neuronplane_owner whoever calls them.
DO $do$
BEGIN
    PERFORM cron.schedule('neuronplane-audit-seal', '* * * * *', 'SELECT audit.seal()');
    PERFORM cron.schedule('neuronplane-audit-partitions', '17 3 * * *',
                          'SELECT audit.ensure_partitions()');
    -- pg_cron's own run history would grow without bound.
    PERFORM cron.schedule('neuronplane-cron-history', '23 4 * * *',
                          $$DELETE FROM cron.job_run_details WHERE end_time < now() - interval '7 days'$$);
END
$do$;

COMMIT;
