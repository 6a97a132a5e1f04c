-- Verify neuronplane:identity/resource_scopes on pg

BEGIN;

SELECT resource_id, resource_type, org_id, project_id, owner_id
  FROM identity.resource_scopes WHERE false;

DO $$
BEGIN
    ASSERT (SELECT relrowsecurity AND relforcerowsecurity FROM pg_catalog.pg_class
             WHERE oid = 'identity.resource_scopes'::regclass),
           'identity.resource_scopes must have forced row level security';
    ASSERT EXISTS (SELECT FROM pg_catalog.pg_trigger
                    WHERE tgrelid = 'identity.organizations'::regclass
                      AND tgname = 'organizations_scope'),
           'organizations must keep their scope rows';
END
$$;

ROLLBACK;
