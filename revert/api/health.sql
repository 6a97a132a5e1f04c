-- Revert neuronplane:api/health from pg

BEGIN;

DROP FUNCTION api.health();

REVOKE SELECT ON sqitch.changes, sqitch.tags FROM neuronplane_owner;
REVOKE USAGE ON SCHEMA sqitch FROM neuronplane_owner;

COMMIT;
