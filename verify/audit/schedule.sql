-- Verify neuronplane:audit/schedule on pg

BEGIN;

SELECT 1 / (count(*) = 3)::integer
  FROM cron.job
 WHERE (jobname, schedule, command) IN (
        ('neuronplane-audit-seal', '* * * * *', 'SELECT audit.seal()'),
        ('neuronplane-audit-partitions', '17 3 * * *', 'SELECT audit.ensure_partitions()'),
        ('neuronplane-cron-history', '23 4 * * *',
         $$DELETE FROM cron.job_run_details WHERE end_time < now() - interval '7 days'$$))
   AND active
   AND database = current_database();

ROLLBACK;
