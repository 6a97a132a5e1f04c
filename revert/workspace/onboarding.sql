-- Revert neuronplane:workspace/onboarding from pg

BEGIN;

DELETE FROM audit.actions WHERE action = 'workspace.onboarding.probed';

SET LOCAL ROLE neuronplane_owner;

DROP FUNCTION workspace.authorize_onboarding_probe(text,text);

COMMIT;
