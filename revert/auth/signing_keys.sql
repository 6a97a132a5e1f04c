-- Revert neuronplane:auth/signing_keys from pg

BEGIN;

DO $$
BEGIN
    PERFORM cron.unschedule(jobid) FROM cron.job WHERE jobname = 'neuronplane-signing-keys';
END
$$;

DROP FUNCTION auth.check_access_token();
DROP FUNCTION hooks.pre_config();
DROP FUNCTION api.jwks();
DROP TRIGGER settings_reload_postgrest ON auth.settings;
DROP FUNCTION auth.tg_settings__reload_postgrest();
DROP FUNCTION auth.rotate_signing_key();
DROP FUNCTION auth.maintain_signing_keys();
DROP FUNCTION auth.issue_access_token(uuid, text, text, uuid, jsonb, interval);
DROP FUNCTION auth.jwks();
DROP FUNCTION auth.published_signing_keys();
DROP FUNCTION auth.create_signing_key();
DROP FUNCTION auth.retired_key_retention();
DROP TABLE auth.signing_keys;
ALTER TABLE auth.settings DROP COLUMN signing_key_publish_delay;
DROP FUNCTION auth.es256_sign(jsonb, text, bytea);
DROP FUNCTION auth.es256_generate_key();

NOTIFY pgrst, 'reload config';

COMMIT;
