-- Verify neuronplane:hooks/pre_request on pg

BEGIN;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid IN ('auth.require_read_write(text)'::regprocedure,
               'hooks.refuse_read_only_write()'::regprocedure);

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'hooks.refuse_read_only_view_write()'::regprocedure;

DO $$
BEGIN
    ASSERT pg_get_functiondef('hooks.pre_request()'::regprocedure) LIKE '%hooks.refuse_read_only_view_write()%',
        'the pre-request hook must refuse writes to read-only views';
    ASSERT has_function_privilege('anon', 'hooks.refuse_read_only_view_write()', 'EXECUTE');
END
$$;

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

DO $$
BEGIN
    ASSERT (SELECT NOT prosecdef FROM pg_catalog.pg_proc WHERE oid = 'hooks.pre_request()'::regprocedure),
           'hooks.pre_request() must stay SECURITY INVOKER';
    ASSERT pg_catalog.pg_get_functiondef('hooks.pre_request()'::regprocedure) LIKE '%np_access%',
           'hooks.pre_request() does not read the np_access cookie';
    ASSERT has_function_privilege('anon', 'hooks.authenticate_cookie_request(text, text, text)', 'EXECUTE');
    ASSERT NOT has_function_privilege('neuronplane_worker', 'hooks.authenticate_cookie_request(text, text, text)', 'EXECUTE');
END
$$;

ROLLBACK;
