-- Revert neuronplane:identity/authz from pg

BEGIN;

DROP FUNCTION identity.permitted_ids(uuid, text, text, uuid);
DROP FUNCTION identity.explain_permission(uuid, text, uuid, text, uuid);
DROP FUNCTION identity.has_permission(uuid, text, uuid, text, uuid);
DROP FUNCTION identity.current_api_key_id();

COMMIT;
