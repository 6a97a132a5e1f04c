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

DO $$
BEGIN
    -- The hook switches roles, which only a SECURITY INVOKER function may do.
    ASSERT (SELECT NOT prosecdef AND provolatile = 'v'
                   AND pg_catalog.pg_get_functiondef(oid) LIKE '%hooks.authenticate_api_key_request(key)%'
                   AND pg_catalog.pg_get_functiondef(oid) LIKE '%hooks.check_access_token()%'
              FROM pg_catalog.pg_proc WHERE oid = 'hooks.pre_request()'::regprocedure),
           'hooks.pre_request() must be the SECURITY INVOKER hook that handles X-API-Key';
    ASSERT (SELECT prosecdef FROM pg_catalog.pg_proc
             WHERE oid = 'hooks.authenticate_api_key_request(text)'::regprocedure),
           'hooks.authenticate_api_key_request() must be SECURITY DEFINER';
    ASSERT pg_has_role('anon', 'service', 'MEMBER') AND pg_has_role('anon', 'authenticated', 'MEMBER'),
           'anon must be able to switch to service and authenticated';
    ASSERT NOT pg_has_role('anon', 'service', 'USAGE') AND NOT pg_has_role('anon', 'authenticated', 'USAGE'),
           'anon must not inherit the privileges of service or authenticated';
    ASSERT (SELECT rolcanlogin AND NOT rolsuper AND NOT rolbypassrls AND NOT rolinherit
              FROM pg_catalog.pg_roles WHERE rolname = 'neuronplane_autonomous'),
           'neuronplane_autonomous must be a plain LOGIN role';
    ASSERT has_function_privilege('neuronplane_autonomous',
                                  'auth.count_api_key_request(uuid, integer, integer, boolean, inet, text, text)', 'EXECUTE')
       AND has_function_privilege('neuronplane_autonomous',
                                  'auth.record_api_key_rejection(uuid, text, text, inet, text, text)', 'EXECUTE'),
           'the autonomous login runs the counting and rejection functions';
    ASSERT NOT has_table_privilege('neuronplane_autonomous', 'auth.api_key_request_counts', 'SELECT')
       AND NOT has_table_privilege('neuronplane_autonomous', 'identity.api_keys', 'SELECT')
       AND NOT has_function_privilege('neuronplane_autonomous', 'auth.check_api_key(text)', 'EXECUTE'),
           'the autonomous login reads no table and runs nothing else';
    ASSERT has_function_privilege('anon', 'hooks.authenticate_api_key_request(text)', 'EXECUTE')
       AND NOT has_function_privilege('anon', 'auth.authenticate_api_key(text)', 'EXECUTE')
       AND NOT has_function_privilege('anon', 'auth.autonomous(text)', 'EXECUTE')
       AND NOT has_function_privilege('anon', 'auth.take_leased_request(uuid, timestamptz)', 'EXECUTE'),
           'anon reaches API keys only through the hook';
    ASSERT NOT has_function_privilege('anon', 'extensions.dblink(text, text)', 'EXECUTE')
       AND NOT has_function_privilege('service', 'extensions.dblink(text, text)', 'EXECUTE')
       AND NOT has_function_privilege('neuronplane_worker', 'extensions.dblink_connect(text, text)', 'EXECUTE')
       AND has_function_privilege('neuronplane_owner', 'extensions.dblink(text, text)', 'EXECUTE'),
           'only the owner may use dblink';
    ASSERT (SELECT bool_and(relrowsecurity AND relforcerowsecurity) FROM pg_catalog.pg_class
             WHERE oid IN ('auth.autonomous_logins'::regclass, 'auth.api_key_request_counts'::regclass,
                           'auth.api_key_rejections'::regclass)),
           'the tables must have forced row level security';
    ASSERT (SELECT count(*) FROM auth.autonomous_logins) = 1, 'the autonomous login''s password is stored';
    ASSERT EXISTS (SELECT FROM audit.actions WHERE action = 'api_key.rejected'),
           'api_key.rejected must be in the audit catalogue';
    ASSERT auth.digests_equal(sha256('a'), sha256('a')) AND NOT auth.digests_equal(sha256('a'), sha256('b')),
           'digests_equal must compare';
END
$$;

ROLLBACK;
