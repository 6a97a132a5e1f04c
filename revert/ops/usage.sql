-- Revert neuronplane:ops/usage from pg

BEGIN;

DROP VIEW api.usage;
DROP VIEW ops.usage;
DROP FUNCTION api.record_usage(uuid, bigint, bigint, integer, uuid);
DROP TRIGGER api_key_rejections_usage ON auth.api_key_rejections;
DROP FUNCTION ops.tg_api_key_rejections__usage();
DROP TRIGGER api_key_request_counts_usage ON auth.api_key_request_counts;
DROP FUNCTION ops.tg_api_key_request_counts__usage();
DROP FUNCTION ops.add_usage(uuid, uuid, bigint, bigint, bigint, bigint, bigint);
DROP TABLE ops.usage_counters;

COMMIT;
