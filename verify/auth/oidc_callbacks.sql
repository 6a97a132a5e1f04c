-- Verify neuronplane:auth/oidc_callbacks on pg

BEGIN;

SELECT iss_parameter_supported FROM auth.oidc_providers WHERE false;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'auth.oidc_callback_is_own(text, text)'::regprocedure;
SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'auth.set_oidc_iss_parameter_supported(text, boolean)'::regprocedure;
SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'auth.consume_oidc_callback(text, text, text, text, inet, text)'::regprocedure;

DO $$
BEGIN
    ASSERT pg_get_functiondef('auth.consume_login_attempt(text, text, inet, text)'::regprocedure)
           LIKE '%provider_not_given%',
        'the provider-blind consume_login_attempt(state, binding, ...) must refuse';
    ASSERT pg_get_functiondef('auth.save_oidc_provider(text, text, text, text, text, text, text, text, text[], text[], text, text, text[], boolean, boolean)'::regprocedure)
           LIKE '%oidc_callback_is_own%',
        'save_oidc_provider must require a callback URL of the provider''s own';
    ASSERT pg_get_functiondef('auth.begin_oidc_login(text, text, inet, text)'::regprocedure)
           LIKE '%callback_not_per_provider%',
        'begin_oidc_login must refuse a provider without a callback URL of its own';
    ASSERT has_function_privilege('neuronplane_worker',
           'auth.consume_oidc_callback(text, text, text, text, inet, text)', 'EXECUTE');
    ASSERT NOT has_function_privilege('anon',
           'auth.consume_oidc_callback(text, text, text, text, inet, text)', 'EXECUTE');
    ASSERT NOT has_function_privilege('authenticated',
           'auth.set_oidc_iss_parameter_supported(text, boolean)', 'EXECUTE');
END
$$;

ROLLBACK;
