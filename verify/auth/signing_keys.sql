-- Verify neuronplane:auth/signing_keys on pg

BEGIN;

SELECT kid, private_key, public_jwk, status, created_at, activated_at, retired_at
  FROM auth.signing_keys
 WHERE false;
SELECT signing_key_publish_delay FROM auth.settings WHERE false;

SELECT 1 / (count(*) = 13)::integer FROM pg_catalog.pg_proc
 WHERE oid IN ('auth.es256_generate_key()'::regprocedure,
               'auth.es256_sign(jsonb, text, bytea)'::regprocedure,
               'auth.retired_key_retention()'::regprocedure,
               'auth.create_signing_key()'::regprocedure,
               'auth.published_signing_keys()'::regprocedure,
               'auth.jwks()'::regprocedure,
               'auth.issue_access_token(uuid, text, text, uuid, jsonb, interval)'::regprocedure,
               'auth.maintain_signing_keys()'::regprocedure,
               'auth.rotate_signing_key()'::regprocedure,
               'api.jwks()'::regprocedure,
               'hooks.pre_config()'::regprocedure,
               'auth.check_access_token()'::regprocedure,
               'auth.tg_settings__reload_postgrest()'::regprocedure);

DO $$
DECLARE
    r text;
BEGIN
    ASSERT (SELECT count(*) FROM auth.signing_keys WHERE status = 'active') = 1,
           'exactly one signing key must be active';
    ASSERT EXISTS (SELECT FROM pg_catalog.pg_trigger
                    WHERE tgname = 'settings_reload_postgrest'
                      AND tgrelid = 'auth.settings'::regclass),
           'a change of audience or access_ttl must reload PostgREST';
    ASSERT (SELECT relrowsecurity AND relforcerowsecurity FROM pg_catalog.pg_class
             WHERE oid = 'auth.signing_keys'::regclass),
           'auth.signing_keys must enable and force row level security';
    ASSERT (SELECT count(*) FROM cron.job
             WHERE jobname = 'neuronplane-signing-keys' AND active
               AND command = 'SELECT auth.maintain_signing_keys()'
               AND database = current_database()) = 1,
           'the signing key maintenance job must be scheduled';
    FOREACH r IN ARRAY ARRAY['anon', 'authenticated', 'service']
    LOOP
        ASSERT has_function_privilege(r, 'api.jwks()', 'EXECUTE'),
               format('%s must be able to fetch the JWKS', r);
    END LOOP;
    ASSERT has_function_privilege('authenticator', 'hooks.pre_config()', 'EXECUTE'),
           'the authenticator must run PostgREST''s pre-config function';
    FOREACH r IN ARRAY ARRAY['anon', 'authenticated', 'service', 'authenticator',
                             'neuronplane_worker']
    LOOP
        ASSERT NOT has_table_privilege(r, 'auth.signing_keys', 'SELECT'),
               format('%s must not read the signing keys', r);
        ASSERT NOT has_function_privilege(
                   r, 'auth.issue_access_token(uuid, text, text, uuid, jsonb, interval)', 'EXECUTE')
           AND NOT has_function_privilege(r, 'auth.rotate_signing_key()', 'EXECUTE')
           AND NOT has_function_privilege(r, 'auth.es256_sign(jsonb, text, bytea)', 'EXECUTE')
           AND NOT has_function_privilege(r, 'auth.check_access_token()', 'EXECUTE'),
               format('%s must not issue tokens or handle keys', r);
    END LOOP;
END
$$;

ROLLBACK;
