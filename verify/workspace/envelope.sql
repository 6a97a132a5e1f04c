-- Verify neuronplane:workspace/envelope on pg

BEGIN;

SELECT 1/count(*) FROM pg_catalog.pg_proc
 WHERE oid IN ('internal.envelope_seal(text, text)'::regprocedure,
               'internal.envelope_open(bytea, text, text)'::regprocedure,
               'internal.master_key_file()'::regprocedure);

DO $$
BEGIN
    ASSERT internal.envelope_open(internal.envelope_seal('verify', 'verify:envelope'),
                                  'verify:envelope') = 'verify',
           'a sealed value must open again';
    ASSERT NOT has_function_privilege('service', 'internal.envelope_open(bytea, text, text)', 'EXECUTE')
       AND NOT has_function_privilege('authenticated', 'internal.envelope_seal(text, text)', 'EXECUTE')
       AND NOT has_function_privilege('neuronplane_worker', 'internal.envelope_open(bytea, text, text)', 'EXECUTE'),
           'no API or worker role may call the envelope functions';
END
$$;

ROLLBACK;
