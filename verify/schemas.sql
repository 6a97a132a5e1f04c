-- Verify neuronplane:schemas on pg

BEGIN;

DO $$
DECLARE
    s text;
BEGIN
    FOREACH s IN ARRAY ARRAY['identity', 'auth', 'audit', 'workspace', 'ops', 'api',
                             'internal', 'extensions']
    LOOP
        ASSERT (SELECT nspowner = 'neuronplane_owner'::regrole
                  FROM pg_catalog.pg_namespace WHERE nspname = s),
               format('schema %s must exist and be owned by neuronplane_owner', s);
        ASSERT NOT has_schema_privilege('authenticator', s, 'USAGE'),
               format('authenticator must not use schema %s without switching role', s);
        ASSERT NOT has_schema_privilege('anon', s, 'CREATE')
           AND NOT has_schema_privilege('authenticated', s, 'CREATE')
           AND NOT has_schema_privilege('service', s, 'CREATE')
           AND NOT has_schema_privilege('neuronplane_worker', s, 'CREATE'),
               format('no API or worker role may create objects in schema %s', s);
    END LOOP;

    ASSERT has_schema_privilege('anon', 'api', 'USAGE')
       AND has_schema_privilege('authenticated', 'api', 'USAGE')
       AND has_schema_privilege('service', 'api', 'USAGE'),
           'the API roles must use schema api';
    FOREACH s IN ARRAY ARRAY['identity', 'auth', 'audit', 'workspace', 'ops', 'internal']
    LOOP
        ASSERT NOT has_schema_privilege('anon', s, 'USAGE'),
               format('anon must not use schema %s', s);
    END LOOP;
    ASSERT NOT has_schema_privilege('authenticated', 'internal', 'USAGE')
       AND NOT has_schema_privilege('service', 'internal', 'USAGE')
       AND NOT has_schema_privilege('neuronplane_worker', 'internal', 'USAGE'),
           'no API or worker role may use schema internal';
END
$$;

ROLLBACK;
