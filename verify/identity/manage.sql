-- Verify neuronplane:identity/manage on pg

BEGIN;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid IN ('identity.invite_member(uuid, uuid, text, text, integer)'::regprocedure,
               'identity.revoke_invitation(uuid)'::regprocedure,
               'identity.accept_invitation(uuid)'::regprocedure,
               'identity.decline_invitation(uuid)'::regprocedure)
   AND prosecdef
HAVING count(*) = 4;

DO $$
BEGIN
    ASSERT to_regprocedure('identity.add_member(uuid, uuid, text)') IS NULL,
           'identity.add_member(), which adds members without their consent, still exists';
    ASSERT NOT has_function_privilege('authenticated',
                                      'identity.invite_member(uuid, uuid, text, text, integer)',
                                      'EXECUTE'),
           'authenticated may call identity.invite_member() directly';
END
$$;

ROLLBACK;
