-- Verify neuronplane:identity/principals on pg

BEGIN;

SELECT id, type, name, disabled_at, created_at, updated_at FROM identity.principals WHERE false;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'identity.tg_entity__sync_principal()'::regprocedure AND prosecdef;

DO $$
BEGIN
    ASSERT (SELECT relrowsecurity AND relforcerowsecurity FROM pg_catalog.pg_class
             WHERE oid = 'identity.principals'::regclass),
           'identity.principals must have forced row level security';
    ASSERT NOT has_table_privilege('authenticated', 'identity.principals', 'INSERT')
       AND NOT has_table_privilege('service', 'identity.principals', 'UPDATE'),
           'no API role may write principals directly';
END
$$;

ROLLBACK;
