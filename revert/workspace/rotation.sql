-- Revert neuronplane:workspace/rotation from pg

BEGIN;

DROP FUNCTION workspace.rotate_secrets(text);

COMMIT;
