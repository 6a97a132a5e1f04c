-- Verify neuronplane:identity/service_accounts on pg

BEGIN;

SELECT id, principal_type, name, org_id, project_id, description, disabled_at, metadata,
       created_at, updated_at
  FROM identity.service_accounts WHERE false;

DO $$
BEGIN
    ASSERT (SELECT relrowsecurity AND relforcerowsecurity FROM pg_catalog.pg_class
             WHERE oid = 'identity.service_accounts'::regclass),
           'identity.service_accounts must have forced row level security';
    ASSERT (SELECT count(*) FROM pg_catalog.pg_trigger
             WHERE tgrelid = 'identity.service_accounts'::regclass AND tgname LIKE '%principal%') = 3,
           'service accounts must keep their principals';
END
$$;

ROLLBACK;
