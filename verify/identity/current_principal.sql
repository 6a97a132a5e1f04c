-- Verify neuronplane:identity/current_principal on pg

BEGIN;

SELECT 1 / count(*)
  FROM pg_catalog.pg_proc
 WHERE oid = 'identity.current_principal_id()'::regprocedure
   AND provolatile = 's' AND NOT prosecdef;

DO $$
BEGIN
    PERFORM set_config('request.jwt.claims',
                       '{"sub": "6f1c1b3e-0d4f-4c55-9d44-3f2b8f6f0a11"}', true);
    ASSERT identity.current_principal_id() = '6f1c1b3e-0d4f-4c55-9d44-3f2b8f6f0a11',
           'current_principal_id() must read the sub claim';
    PERFORM set_config('request.jwt.claims', '{"sub": "not-a-uuid"}', true);
    ASSERT identity.current_principal_id() IS NULL, 'a sub that is not a uuid is no principal';
    ASSERT has_function_privilege('authenticated', 'identity.current_principal_id()', 'EXECUTE')
       AND NOT has_function_privilege('anon', 'identity.current_principal_id()', 'EXECUTE'),
           'authenticated (not anon) may call current_principal_id()';
END
$$;

ROLLBACK;
