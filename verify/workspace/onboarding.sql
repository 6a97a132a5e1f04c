-- Verify neuronplane:workspace/onboarding on pg

BEGIN;

SELECT 1/count(*) FROM audit.actions WHERE action = 'workspace.onboarding.probed';

ROLLBACK;
