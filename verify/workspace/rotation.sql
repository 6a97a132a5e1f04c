-- Verify neuronplane:workspace/rotation on pg

BEGIN;

SELECT 1/count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'workspace.rotate_secrets(text)'::regprocedure;

DO $$
BEGIN
    ASSERT NOT has_function_privilege('neuronplane_worker', 'workspace.rotate_secrets(text)', 'EXECUTE')
       AND NOT has_function_privilege('authenticated', 'workspace.rotate_secrets(text)', 'EXECUTE')
       AND NOT has_function_privilege('service', 'workspace.rotate_secrets(text)', 'EXECUTE'),
           'only the superuser rotates workspace secrets';
END
$$;

DO $$
DECLARE
    blob bytea := internal.encrypt_secret('s3cret', 'verify');
    c    record;
    n    bigint;
BEGIN
    ASSERT position('s3cret'::bytea IN blob) = 0, 'the ciphertext must not hold the plaintext';
    ASSERT get_byte(blob, 0) = 2, 'secrets are envelope-encrypted';
    ASSERT internal.decrypt_secret(blob, 'verify') = 's3cret', 'a secret must round-trip';
    ASSERT to_regprocedure('internal.aead_encrypt(text, text)') IS NULL
       AND to_regprocedure('internal.aead_decrypt(bytea, text)') IS NULL,
           'the first scheme is gone';
    FOR c IN SELECT * FROM internal.secret_columns LOOP
        EXECUTE format('SELECT count(*) FROM %s WHERE get_byte(%I, 0) <> 2', c.table_name, c.column_name)
           INTO n;
        ASSERT n = 0, format('%s holds a value of the first scheme', c.name);
    END LOOP;
    ASSERT NOT has_function_privilege('authenticated', 'internal.decrypt_secret(bytea, text)',
                                      'EXECUTE'), 'API roles must not decrypt secrets';
    ASSERT NOT has_function_privilege('neuronplane_worker', 'internal.decrypt_secret(bytea, text)',
                                      'EXECUTE'), 'the worker must not decrypt secrets directly';
    ASSERT NOT has_function_privilege('neuronplane_worker', 'workspace.rotate_secrets(text)', 'EXECUTE'),
           'only the superuser rotates secrets';
END
$$;

ROLLBACK;
