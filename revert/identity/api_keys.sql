-- Revert neuronplane:identity/api_keys from pg

BEGIN;

DROP TABLE identity.api_keys;
DROP FUNCTION identity.key_role_permissions(text[]);
DROP FUNCTION identity.default_rate_limit_per_min();
DROP TABLE identity.settings;

COMMIT;
