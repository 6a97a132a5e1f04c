-- Verify neuronplane:identity/row_security on pg

BEGIN;

DO $$
DECLARE
    missing text;
BEGIN
    SELECT string_agg(t, ', ') INTO missing
      FROM unnest(ARRAY['organizations', 'users', 'org_memberships', 'projects', 'service_accounts',
                        'agents', 'tools', 'datasets', 'api_keys', 'policies', 'principals']) t
     WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_policies p
                        WHERE p.schemaname = 'identity' AND p.tablename = t
                          AND p.policyname = t || '_select');
    ASSERT missing IS NULL, 'tables without a select policy: ' || missing;
    ASSERT NOT has_column_privilege('authenticated', 'identity.projects', 'neurondb_dsn_secret', 'UPDATE'),
           'nobody writes the encrypted DSN password directly';
    ASSERT NOT has_table_privilege('authenticated', 'identity.resource_scopes', 'SELECT'),
           'resource scopes are internal';
END
$$;

ROLLBACK;
