-- Verify neuronplane:auth/oidc on pg

BEGIN;

DO $$
BEGIN
    ASSERT pg_get_functiondef('auth.begin_oidc_login(text, text, inet, text)'::regprocedure)
           LIKE '%auth.count_login_attempt(ip, clock_timestamp())%',
           'auth.begin_oidc_login() does not count starts towards the login rate limit';
    ASSERT has_function_privilege('neuronplane_worker',
                                  'auth.begin_oidc_login(text, text, inet, text)', 'EXECUTE'),
           'the glue cannot start OIDC logins';
    ASSERT NOT has_function_privilege('anon',
                                      'auth.begin_oidc_login(text, text, inet, text)', 'EXECUTE'),
           'anon may call auth.begin_oidc_login()';
END
$$;

ROLLBACK;
