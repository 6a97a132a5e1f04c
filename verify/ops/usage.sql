-- Verify neuronplane:ops/usage on pg

BEGIN;

SELECT project_id, day, api_key_id, requests, errors, llm_calls, tokens_in, tokens_out, updated_at
  FROM ops.usage_counters WHERE false;

SELECT 1/count(*) FROM pg_catalog.pg_trigger
 WHERE tgname IN ('api_key_request_counts_usage', 'api_key_rejections_usage') HAVING count(*) = 2;

DO $$
BEGIN
    ASSERT (SELECT relrowsecurity AND relforcerowsecurity FROM pg_catalog.pg_class
             WHERE oid = 'ops.usage_counters'::regclass),
           'ops.usage_counters must have forced row level security';
    ASSERT NOT has_table_privilege('authenticated', 'ops.usage_counters', 'INSERT')
       AND NOT has_table_privilege('service', 'ops.usage_counters', 'UPDATE'),
           'API roles only read usage counters';
END
$$;

ROLLBACK;
