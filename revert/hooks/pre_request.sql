-- Revert neuronplane:hooks/pre_request from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

DROP FUNCTION hooks.refuse_read_only_view_write();
DROP FUNCTION hooks.refuse_read_only_write();
DROP FUNCTION auth.require_read_write(text);
DROP FUNCTION hooks.pre_request();

COMMIT;
