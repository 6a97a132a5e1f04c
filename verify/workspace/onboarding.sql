-- Verify neuronplane:workspace/onboarding on pg

BEGIN;

SELECT 1/count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'api.authorize_onboarding_probe(text, text)'::regprocedure;
SELECT 1/count(*) FROM audit.actions WHERE action = 'workspace.onboarding.probed';

DO $$
BEGIN
    ASSERT has_function_privilege('authenticated', 'api.authorize_onboarding_probe(text, text)', 'EXECUTE')
       AND NOT has_function_privilege('anon', 'api.authorize_onboarding_probe(text, text)', 'EXECUTE'),
           'authenticated callers may ask, anonymous ones may not';
END
$$;

ROLLBACK;
