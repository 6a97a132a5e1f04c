-- Revert neuronplane:auth/cookie_requests from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

DROP FUNCTION auth.record_csrf_refusal(uuid,uuid,text,text,text,inet,text,text);
DROP FUNCTION hooks.authenticate_cookie_request(text,text,text);

COMMIT;
