-- Revert neuronplane:auth/cookie_login from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

DROP FUNCTION auth.sign_in_providers();
DROP FUNCTION auth.cookie_login(text, text, inet, text);

COMMIT;
