-- Verify neuronplane:auth/token_time_checks on pg

BEGIN;

DO $$
BEGIN
    ASSERT pg_get_functiondef('auth.check_access_token()'::regprocedure) LIKE '%the token has expired%',
        'auth.check_access_token must check exp, nbf and iat without leeway';
END
$$;

ROLLBACK;
