-- Revert neuronplane:ops/usage from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

DROP FUNCTION ops.record_usage(uuid,int8,int8,int4,uuid);
DROP TRIGGER api_key_rejections_usage ON auth.api_key_rejections;
DROP TRIGGER api_key_request_counts_usage ON auth.api_key_request_counts;
DROP VIEW ops.usage;
DROP TABLE ops.usage_counters;
DROP FUNCTION ops.tg_api_key_rejections__usage();
DROP FUNCTION ops.tg_api_key_request_counts__usage();
DROP FUNCTION ops.add_usage(uuid,uuid,int8,int8,int8,int8,int8);

COMMIT;
