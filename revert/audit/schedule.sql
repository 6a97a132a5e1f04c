-- Revert neuronplane:audit/schedule from pg

BEGIN;

DO $$
BEGIN
    PERFORM cron.unschedule(jobid) FROM cron.job
      WHERE jobname IN ('neuronplane-audit-seal', 'neuronplane-audit-partitions',
                        'neuronplane-cron-history');
END
$$;

COMMIT;
