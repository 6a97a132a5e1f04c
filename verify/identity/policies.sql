-- Verify neuronplane:identity/policies on pg

BEGIN;

SELECT id, subject_id, subject_type, subject_role, resource_type, resource_id, org_id,
       project_id, permission, effect, expires_at, conditions, not_before, scope_org_id,
       created_by, created_at, anchor_id
  FROM identity.policies WHERE false;

DO $$
BEGIN
    ASSERT (SELECT relrowsecurity AND relforcerowsecurity FROM pg_catalog.pg_class
             WHERE oid = 'identity.policies'::regclass),
           'identity.policies must have forced row level security';
    ASSERT EXISTS (SELECT FROM pg_catalog.pg_indexes
                    WHERE schemaname = 'identity' AND indexname = 'policies_lookup_idx'),
           'has_permission() needs its lookup index';
END
$$;

ROLLBACK;
