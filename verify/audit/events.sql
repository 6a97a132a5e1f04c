-- Verify neuronplane:audit/events on pg

BEGIN;

SELECT id, occurred_at, principal_id, principal_type, org_id, project_id, action,
       resource_type, resource_id, outcome, ip, user_agent, request_id, details
  FROM audit.events WHERE false;

SELECT month, position, event_id, occurred_at, prev_hash, hash, sealed_at
  FROM audit.seals WHERE false;

SELECT month, last_position, head_hash, finalized_at, exported_position, exported_hash,
       exported_at, exported_to, dropped_at
  FROM audit.chain_state WHERE false;

SELECT watermark, watermark_read_at, pending_id, pending_xmax, pending_read_at, last_run_at
  FROM audit.sealer_state WHERE false;

SELECT trusted_proxy_header, partitions_ahead, max_details_bytes FROM audit.settings WHERE false;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'audit.ensure_partitions(integer)'::regprocedure AND prosecdef;

DO $$
BEGIN
    ASSERT (SELECT relkind FROM pg_catalog.pg_class WHERE oid = 'audit.events'::regclass) = 'p',
           'audit.events must be partitioned';
    ASSERT to_regclass(format('audit.events_%s', to_char(audit.month_of(now()), 'YYYY_MM')))
           IS NOT NULL, 'this month''s audit partition must exist';
    ASSERT (SELECT count(*) FROM pg_catalog.pg_trigger
             WHERE tgrelid = 'audit.events'::regclass
               AND tgname IN ('events_append_only', 'events_no_truncate')) = 2,
           'audit.events must refuse UPDATE, DELETE and TRUNCATE';
    ASSERT NOT has_table_privilege('neuronplane_worker', 'audit.events', 'INSERT')
       AND NOT has_table_privilege('neuronplane_worker', 'audit.events', 'UPDATE')
       AND NOT has_table_privilege('neuronplane_worker', 'audit.events', 'DELETE')
       AND NOT has_table_privilege('neuronplane_worker', 'audit.events', 'TRUNCATE'),
           'the worker must not write audit.events directly';
END
$$;

ROLLBACK;
