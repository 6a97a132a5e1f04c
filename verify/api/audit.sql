-- Verify neuronplane:api/audit on pg

BEGIN;

SELECT id, occurred_at, principal_id, principal_type, org_id, project_id, action,
       resource_type, resource_id, outcome, ip, user_agent, request_id, details
  FROM api.audit_events
 WHERE false;

DO $$
BEGIN
    ASSERT has_table_privilege('authenticated', 'api.audit_events', 'SELECT')
       AND NOT has_table_privilege('anon', 'api.audit_events', 'SELECT'),
           'authenticated (not anon) may read api.audit_events';
    ASSERT NOT has_table_privilege('authenticated', 'api.audit_events', 'INSERT')
       AND NOT has_table_privilege('authenticated', 'audit.events', 'INSERT')
       AND NOT has_table_privilege('authenticated', 'audit.events', 'UPDATE')
       AND NOT has_table_privilege('service', 'audit.events', 'DELETE'),
           'no API role may write audit events';
    ASSERT EXISTS (SELECT FROM pg_catalog.pg_policies
                    WHERE schemaname = 'audit' AND tablename = 'events'
                      AND policyname = 'events_select_own' AND cmd = 'SELECT'),
           'policy events_select_own must exist';
    ASSERT (SELECT 'security_invoker=true' = ANY (reloptions) FROM pg_catalog.pg_class
             WHERE oid = 'api.audit_events'::regclass),
           'api.audit_events must be security_invoker';
END
$$;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'api.verify_audit(timestamptz, timestamptz)'::regprocedure
   AND prosecdef AND 'search_path=pg_catalog, pg_temp' = ANY (proconfig);

DO $$
BEGIN
    ASSERT has_function_privilege('authenticated', 'api.verify_audit(timestamptz, timestamptz)', 'EXECUTE')
       AND NOT has_function_privilege('anon', 'api.verify_audit(timestamptz, timestamptz)', 'EXECUTE'),
           'authenticated (not anon) may call api.verify_audit';
END
$$;

ROLLBACK;
