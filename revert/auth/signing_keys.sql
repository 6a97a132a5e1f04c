-- Revert neuronplane:auth/signing_keys from pg

BEGIN;

DELETE FROM internal.secret_columns WHERE name IN ('signing_keys');

DO $$
BEGIN
    PERFORM cron.unschedule(jobid) FROM cron.job WHERE jobname = 'neuronplane-signing-keys';
END
$$;
ALTER TABLE auth.settings DROP COLUMN signing_key_publish_delay;
NOTIFY pgrst, 'reload config';

SET LOCAL ROLE neuronplane_owner;

DROP TRIGGER settings_reload_postgrest ON auth.settings;
DROP TABLE auth.signing_keys;
DROP FUNCTION auth.access_token_claims(text,text,uuid,text,uuid,text,int8,interval);
DROP FUNCTION auth.check_access_token();
DROP FUNCTION hooks.pre_config();
DROP FUNCTION auth.tg_settings__reload_postgrest();
DROP FUNCTION auth.rotate_signing_key();
DROP FUNCTION auth.maintain_signing_keys();
DROP FUNCTION auth.issue_access_token(uuid,text,text,uuid,jsonb,interval);
DROP FUNCTION auth.jwks();
DROP FUNCTION auth.published_signing_keys();
DROP FUNCTION auth.create_signing_key();
DROP FUNCTION auth.retired_key_retention();
DROP FUNCTION auth.es256_sign(jsonb,text,bytea);
DROP FUNCTION auth.es256_generate_key();

COMMIT;
