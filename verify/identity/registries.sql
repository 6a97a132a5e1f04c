-- Verify neuronplane:identity/registries on pg

BEGIN;

SELECT id, principal_type, project_id, name, disabled_at, created_at, updated_at FROM identity.agents WHERE false;

SELECT id, principal_type, project_id, name, disabled_at, created_at, updated_at FROM identity.tools WHERE false;

SELECT id, principal_type, project_id, name, disabled_at, created_at, updated_at FROM identity.datasets WHERE false;

DO $$
BEGIN
    ASSERT (SELECT bool_and(relrowsecurity AND relforcerowsecurity) FROM pg_catalog.pg_class
             WHERE oid IN ('identity.agents'::regclass, 'identity.tools'::regclass,
                           'identity.datasets'::regclass)),
           'the registries must have forced row level security';
END
$$;

ROLLBACK;
