-- Verify neuronplane:internal/set_updated_at on pg

BEGIN;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'internal.tg_set_updated_at()'::regprocedure
   AND prorettype = 'trigger'::regtype;

ROLLBACK;
