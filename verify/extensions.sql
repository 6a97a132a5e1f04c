-- Verify neuronplane:extensions on pg

BEGIN;

DO $$
BEGIN
    ASSERT (SELECT extnamespace = 'extensions'::regnamespace
              FROM pg_catalog.pg_extension WHERE extname = 'pgcrypto'),
           'pgcrypto must be installed in schema extensions';
    ASSERT (SELECT extnamespace = 'extensions'::regnamespace
              FROM pg_catalog.pg_extension WHERE extname = 'citext'),
           'citext must be installed in schema extensions';
    ASSERT EXISTS (SELECT FROM pg_catalog.pg_extension WHERE extname = 'plpython3u'),
           'plpython3u must be installed';
    ASSERT EXISTS (SELECT FROM pg_catalog.pg_extension WHERE extname = 'plpgsql_check')
        OR NOT EXISTS (SELECT FROM pg_catalog.pg_available_extensions WHERE name = 'plpgsql_check'),
           'plpgsql_check is available but not installed';

    ASSERT has_function_privilege('neuronplane_owner', 'extensions.digest(bytea, text)', 'EXECUTE'),
           'neuronplane_owner must be able to call pgcrypto';
    ASSERT NOT has_function_privilege('anon', 'extensions.digest(bytea, text)', 'EXECUTE')
       AND NOT has_function_privilege('authenticated', 'extensions.gen_random_bytes(integer)', 'EXECUTE'),
           'API roles must not call pgcrypto directly';
    ASSERT has_function_privilege('anon', 'extensions.citext_eq(extensions.citext, extensions.citext)', 'EXECUTE')
       AND has_function_privilege('authenticated', 'extensions.citext_eq(extensions.citext, extensions.citext)', 'EXECUTE'),
           'API roles must be able to compare citext values';
END
$$;

ROLLBACK;
