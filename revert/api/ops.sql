-- Revert neuronplane:api/ops from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

DROP VIEW api.workers;
DROP VIEW api.index_health;
DROP VIEW api.db_health;
DROP VIEW api.usage;
DROP FUNCTION api.record_usage(uuid,int8,int8,int4,uuid);

COMMIT;
