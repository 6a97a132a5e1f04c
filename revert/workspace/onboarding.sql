-- Revert neuronplane:workspace/onboarding from pg

BEGIN;

DROP FUNCTION api.authorize_onboarding_probe(text, text);
DELETE FROM audit.actions WHERE action = 'workspace.onboarding.probed';

COMMIT;
