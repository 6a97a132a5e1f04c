-- Revert neuronplane:api/health from pg

BEGIN;

REVOKE SELECT ON sqitch.changes, sqitch.tags FROM neuronplane_owner;
REVOKE USAGE ON SCHEMA sqitch FROM neuronplane_owner;

SET LOCAL ROLE neuronplane_owner;

DROP FUNCTION api.health();

COMMIT;
