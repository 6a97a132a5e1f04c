-- Verify neuronplane:audit/chain on pg

BEGIN;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid IN ('audit.seal(integer)'::regprocedure,
               'audit.verify(timestamptz, timestamptz)'::regprocedure,
               'audit.chain_head()'::regprocedure,
               'audit.verify_head(date, bigint, text)'::regprocedure,
               'audit.mark_exported(date, bigint, text, text)'::regprocedure,
               'audit.drop_partitions_older_than(interval)'::regprocedure)
   AND prosecdef
HAVING count(*) = 6;

DO $$
BEGIN
    -- An event recorded and sealed inside this (rolled back) transaction verifies.
    PERFORM audit.record('auth.login.failed', 'failure', details => '{"reason": "verify"}');
    PERFORM audit.seal();
    ASSERT (SELECT v.ok FROM audit.verify(now() - interval '1 day', now() + interval '1 day') v),
           'a freshly sealed chain must verify';
    ASSERT NOT has_function_privilege('authenticated', 'audit.verify(timestamptz, timestamptz)', 'EXECUTE'),
           'audit.verify is not for API roles';
END
$$;

ROLLBACK;
