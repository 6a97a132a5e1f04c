-- Verify neuronplane:internal/secrets on pg

BEGIN;

DO $$
DECLARE
    blob bytea := internal.encrypt_secret('s3cret', 'verify');
BEGIN
    ASSERT position('s3cret'::bytea IN blob) = 0, 'the ciphertext must not hold the plaintext';
    ASSERT internal.decrypt_secret(blob, 'verify') = 's3cret', 'a secret must round-trip';
    ASSERT NOT has_function_privilege('authenticated', 'internal.decrypt_secret(bytea, text)',
                                      'EXECUTE'), 'API roles must not decrypt secrets';
    ASSERT NOT has_function_privilege('neuronplane_worker', 'internal.decrypt_secret(bytea, text)',
                                      'EXECUTE'), 'the worker must not decrypt secrets directly';
END
$$;

ROLLBACK;
