-- Verify neuronplane:auth/api_key_requests on pg

BEGIN;

SELECT role_name, password, created_at FROM auth.autonomous_logins WHERE false;

SELECT api_key_id, window_start, request_count, last_taken FROM auth.api_key_request_counts WHERE false;

SELECT subject, window_start, rejection_count FROM auth.api_key_rejections WHERE false;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid IN ('auth.digests_equal(bytea, bytea)'::regprocedure,
               'auth.check_api_key(text)'::regprocedure,
               'auth.authenticate_api_key(text)'::regprocedure,
               'auth.autonomous_conninfo()'::regprocedure,
               'auth.autonomous(text)'::regprocedure,
               'auth.rate_limit_retry_after(timestamptz, timestamptz)'::regprocedure,
               'auth.count_api_key_request(uuid, integer, integer, boolean, inet, text, text)'::regprocedure,
               'auth.record_api_key_rejection(uuid, text, text, inet, text, text)'::regprocedure,
               'auth.purge_api_key_rejections()'::regprocedure,
               'auth.api_key_lease_size(integer)'::regprocedure,
               'auth.take_leased_request(uuid, timestamptz)'::regprocedure,
               'auth.keep_leased_requests(uuid, timestamptz, integer)'::regprocedure,
               'identity.tg_api_keys__keep_updated_at()'::regprocedure,
               'hooks.check_access_token()'::regprocedure,
               'hooks.authenticate_api_key_request(text)'::regprocedure)
HAVING count(*) = 15;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'auth.session_is_live_for(uuid, text)'::regprocedure;

ROLLBACK;
