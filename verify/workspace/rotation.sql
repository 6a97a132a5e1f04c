-- Verify neuronplane:workspace/rotation on pg

BEGIN;

SELECT 1/count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'workspace.rotate_secrets(text)'::regprocedure;

DO $$
BEGIN
    ASSERT NOT has_function_privilege('neuronplane_worker', 'workspace.rotate_secrets(text)', 'EXECUTE')
       AND NOT has_function_privilege('authenticated', 'workspace.rotate_secrets(text)', 'EXECUTE')
       AND NOT has_function_privilege('service', 'workspace.rotate_secrets(text)', 'EXECUTE'),
           'only the superuser rotates workspace secrets';
END
$$;

ROLLBACK;
