-- Verify neuronplane:auth/glue_client on pg

BEGIN;

DO $$
BEGIN
    ASSERT pg_get_functiondef('auth.request_ip()'::regprocedure) LIKE '%neuronplane.client_ip%',
        'auth.request_ip must read the client the glue names';
    ASSERT pg_get_functiondef('auth.request_user_agent()'::regprocedure) LIKE '%neuronplane.client_user_agent%',
        'auth.request_user_agent must read the User-Agent the glue names';
    ASSERT pg_get_functiondef('auth.cookie_refresh(text, text, inet, text)'::regprocedure)
           LIKE '%set_config(''neuronplane.client_ip''%',
        'auth.cookie_refresh must name its client for api.refresh';
END
$$;

ROLLBACK;
