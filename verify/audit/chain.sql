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

ROLLBACK;
