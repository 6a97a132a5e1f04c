-- Verify neuronplane:internal/secrets on pg

BEGIN;

SELECT 1/count(*) FROM pg_catalog.pg_proc
 WHERE oid IN ('internal.envelope_seal(text, text)'::regprocedure,
               'internal.envelope_open(bytea, text, text)'::regprocedure,
               'internal.master_key_file()'::regprocedure);

SELECT name, table_name, column_name, context_sql FROM internal.secret_columns WHERE false;

DO $$
DECLARE
    blob bytea := internal.encrypt_secret('s3cret', 'verify');
BEGIN
    ASSERT position('s3cret'::bytea IN blob) = 0, 'the ciphertext must not hold the plaintext';
    ASSERT get_byte(blob, 0) = 2, 'secrets are envelope-encrypted';
    ASSERT internal.decrypt_secret(blob, 'verify') = 's3cret', 'a secret must round-trip';
    ASSERT internal.envelope_open(internal.envelope_seal('verify', 'verify:envelope'),
                                  'verify:envelope') = 'verify',
           'a sealed value must open again';
    ASSERT NOT has_function_privilege('authenticated', 'internal.decrypt_secret(bytea, text)', 'EXECUTE')
       AND NOT has_function_privilege('neuronplane_worker', 'internal.decrypt_secret(bytea, text)', 'EXECUTE'),
           'neither API roles nor the worker decrypt secrets directly';
    ASSERT NOT has_function_privilege('service', 'internal.envelope_open(bytea, text, text)', 'EXECUTE')
       AND NOT has_function_privilege('authenticated', 'internal.envelope_seal(text, text)', 'EXECUTE')
       AND NOT has_function_privilege('neuronplane_worker', 'internal.envelope_open(bytea, text, text)', 'EXECUTE'),
           'no API or worker role may call the envelope functions';
END
$$;

ROLLBACK;
