-- Verify neuronplane:identity/api_keys on pg

BEGIN;

SELECT id, principal_id, principal_type, project_id, name, prefix, secret_hash, roles,
       rate_limit_per_min, expires_at, revoked_at, last_used_at, created_by, created_at, updated_at
  FROM identity.api_keys WHERE false;

SELECT default_rate_limit_per_min FROM identity.settings WHERE false;

DO $$
BEGIN
    ASSERT identity.key_role_permissions(ARRAY['viewer']) = ARRAY['read'], 'viewer keys only read';
    ASSERT (SELECT relrowsecurity AND relforcerowsecurity FROM pg_catalog.pg_class
             WHERE oid = 'identity.api_keys'::regclass),
           'identity.api_keys must have forced row level security';
END
$$;

ROLLBACK;
