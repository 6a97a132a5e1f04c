-- Verify neuronplane:identity/organizations on pg

BEGIN;

SELECT id, principal_type, name, slug, metadata, created_at, updated_at
  FROM identity.organizations WHERE false;

DO $$
DECLARE
    org uuid;
BEGIN
    INSERT INTO identity.organizations (name, slug) VALUES ('Verify Org', 'verify-org')
    RETURNING id INTO org;
    ASSERT (SELECT type = 'org' AND name = 'Verify Org' FROM identity.principals WHERE id = org),
           'an organization must get a principal of type org with its name';
    ASSERT (SELECT relrowsecurity AND relforcerowsecurity FROM pg_catalog.pg_class
             WHERE oid = 'identity.organizations'::regclass),
           'identity.organizations must have forced row level security';
END
$$;

SELECT expires_at FROM identity.principals WHERE false;

SELECT disabled_at FROM identity.organizations WHERE false;

SELECT 1 / count(*) FROM pg_catalog.pg_proc WHERE oid = 'identity.is_active(uuid)'::regprocedure;

ROLLBACK;
