-- Revert neuronplane:workspace/rotation from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

DROP FUNCTION workspace.rotate_secrets(text);

COMMIT;
