-- Verify neuronplane:auth/revoke_session_argument on pg

BEGIN;

DO $$
BEGIN
    ASSERT pg_get_functiondef('api.revoke_session(uuid)'::regprocedure) LIKE '%session_id IS NULL%22004%',
        'api.revoke_session must refuse a NULL session id';
END
$$;

ROLLBACK;
