-- Verify neuronplane:hooks on pg

BEGIN;

DO $$
BEGIN
    ASSERT has_schema_privilege('anon', 'hooks', 'USAGE'), 'anon must reach the request hooks';
    ASSERT NOT has_schema_privilege('anon', 'hooks', 'CREATE'), 'nobody but the owner creates hooks';
    ASSERT (SELECT nspowner = 'neuronplane_owner'::regrole FROM pg_catalog.pg_namespace
             WHERE nspname = 'hooks'), 'neuronplane_owner owns schema hooks';
END
$$;

ROLLBACK;
