-- Verify neuronplane:identity/invitations on pg

BEGIN;

SELECT id, org_id, invitee_user_id, invitee_email, role, invited_by, status, created_at,
       expires_at, responded_at
  FROM identity.org_invitations WHERE false;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'identity.is_invitee(uuid, uuid, text)'::regprocedure AND prosecdef;

SELECT 1 / (count(*) = 4)::integer FROM audit.actions WHERE action LIKE 'identity.invitation.%';

DO $$
BEGIN
    ASSERT (SELECT relrowsecurity AND relforcerowsecurity FROM pg_class
             WHERE oid = 'identity.org_invitations'::regclass),
           'RLS is not enabled and forced on identity.org_invitations';
    ASSERT has_table_privilege('authenticated', 'identity.org_invitations', 'SELECT'),
           'authenticated cannot read invitations (RLS decides which)';
    ASSERT NOT has_table_privilege('authenticated', 'identity.org_invitations', 'INSERT')
       AND NOT has_table_privilege('authenticated', 'identity.org_invitations', 'UPDATE')
       AND NOT has_table_privilege('anon', 'identity.org_invitations', 'SELECT'),
           'invitations are written only by definer functions';
END
$$;

ROLLBACK;
