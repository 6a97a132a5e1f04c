-- Verify neuronplane:identity/permission_arg_messages on pg

BEGIN;

DO $$
BEGIN
    ASSERT pg_get_functiondef('identity.check_permission_args(text, text)'::regprocedure)
           LIKE '%left($2, 64)%',
        'identity.check_permission_args must not quote a long argument in full';
END
$$;

ROLLBACK;
