-- Verify neuronplane:api/identity on pg

BEGIN;

SELECT id, org_id, invitee_user_id, invitee_email, role, invited_by, status, created_at,
       expires_at, responded_at
  FROM api.invitations WHERE false;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid IN ('api.invite_member(uuid, uuid, text, text, integer)'::regprocedure,
               'api.revoke_invitation(uuid)'::regprocedure,
               'api.accept_invitation(uuid)'::regprocedure,
               'api.decline_invitation(uuid)'::regprocedure)
HAVING count(*) = 4;

DO $$
BEGIN
    ASSERT (SELECT prorettype = 'api.invitations'::regtype FROM pg_proc
             WHERE oid = 'api.add_member(uuid, uuid, text)'::regprocedure),
           'api.add_member() does not answer an invitation';
    ASSERT has_function_privilege('authenticated', 'api.accept_invitation(uuid)', 'EXECUTE')
       AND NOT has_function_privilege('anon', 'api.invite_member(uuid, uuid, text, text, integer)',
                                      'EXECUTE'),
           'the invitation endpoints are granted wrongly';
    ASSERT has_table_privilege('authenticated', 'api.invitations', 'SELECT')
       AND NOT has_table_privilege('anon', 'api.invitations', 'SELECT'),
           'api.invitations is granted wrongly';
END
$$;

ROLLBACK;
