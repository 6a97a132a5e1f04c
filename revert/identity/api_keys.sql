-- Revert neuronplane:identity/api_keys from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

DROP TRIGGER api_keys_check_roles ON identity.api_keys;
DROP FUNCTION identity.tg_api_keys__check_roles();
DROP TABLE identity.api_keys;
DROP TABLE identity.settings;
DROP FUNCTION identity.key_role_permissions(text[]);
DROP FUNCTION identity.default_rate_limit_per_min();

COMMIT;
