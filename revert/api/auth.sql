-- Revert neuronplane:api/auth from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

DROP FUNCTION api.refresh(text);
DROP FUNCTION api.reset_password(uuid,text);
DROP FUNCTION api.change_password(text,text);
DROP FUNCTION api.revoke_session(uuid);
DROP FUNCTION api.sessions();
DROP FUNCTION api.logout_all();
DROP FUNCTION api.logout();
DROP FUNCTION api.login(text,text);
DROP FUNCTION api.jwks();

COMMIT;
