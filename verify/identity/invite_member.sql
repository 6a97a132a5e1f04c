-- Verify neuronplane:identity/invite_member on pg

BEGIN;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'identity.invite_member(uuid, text, text)'::regprocedure AND prosecdef
   AND proconfig @> ARRAY['search_path=pg_catalog, pg_temp'];

DO $$
BEGIN
    ASSERT NOT has_function_privilege('authenticated', 'identity.invite_member(uuid, text, text)',
                                      'EXECUTE');
END $$;

ROLLBACK;
