-- Verify neuronplane:identity/org_memberships on pg

BEGIN;

SELECT org_id, user_id, role, created_at, updated_at FROM identity.org_memberships WHERE false;

DO $$
BEGIN
    ASSERT (SELECT relrowsecurity AND relforcerowsecurity FROM pg_catalog.pg_class
             WHERE oid = 'identity.org_memberships'::regclass),
           'identity.org_memberships must have forced row level security';
    ASSERT EXISTS (SELECT FROM pg_catalog.pg_trigger
                    WHERE tgrelid = 'identity.org_memberships'::regclass
                      AND tgname = 'org_memberships_keep_an_owner' AND tgdeferrable),
           'the last-owner guard must exist';
END
$$;

ROLLBACK;
