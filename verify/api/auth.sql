-- Verify neuronplane:api/auth on pg

BEGIN;

DO $$
BEGIN
    ASSERT pg_get_functiondef('auth.change_password(text, text)'::regprocedure)
           LIKE '%auth.record_password_change_failure%',
        'api.change_password must count and audit a wrong current password';
    ASSERT pg_get_functiondef('auth.attempt_password_login(text, text, inet, text)'::regprocedure)
           LIKE '%auth.count_login_failure(%',
        'logins must count failures through auth.count_login_failure()';
    ASSERT has_function_privilege('neuronplane_autonomous', 'auth.record_password_change_failure(uuid, inet, text)', 'EXECUTE');
    ASSERT NOT has_function_privilege('authenticated', 'auth.record_password_change_failure(uuid, inet, text)', 'EXECUTE');
    ASSERT NOT has_function_privilege('neuronplane_autonomous', 'auth.count_login_failure(text, uuid, inet, timestamptz)', 'EXECUTE');
END
$$;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid IN ('api.login(text, text)'::regprocedure, 'api.refresh(text)'::regprocedure,
               'api.logout()'::regprocedure, 'api.logout_all()'::regprocedure,
               'api.sessions()'::regprocedure, 'api.revoke_session(uuid)'::regprocedure,
               'api.change_password(text, text)'::regprocedure,
               'api.reset_password(uuid, text)'::regprocedure, 'hooks.pre_request()'::regprocedure)
HAVING count(*) = 9;

DO $$
BEGIN
    ASSERT (SELECT bool_and(relrowsecurity AND relforcerowsecurity) FROM pg_catalog.pg_class
             WHERE oid IN ('auth.sessions'::regclass, 'auth.refresh_tokens'::regclass)),
           'sessions and refresh tokens must have forced row level security';
    ASSERT NOT has_table_privilege('authenticated', 'auth.refresh_tokens', 'SELECT'),
           'API roles do not read refresh tokens';
    ASSERT (SELECT count(*) FROM auth.refresh_token_key) = 1, 'the successor key exists';
    ASSERT has_function_privilege('anon', 'api.login(text, text)', 'EXECUTE'), 'anyone may log in';
    ASSERT NOT has_function_privilege('anon', 'api.logout()', 'EXECUTE'), 'anon has no session to end';
END
$$;

DO $$
BEGIN
    ASSERT pg_get_functiondef('auth.revoke_session(uuid)'::regprocedure) LIKE '%session_id IS NULL%22004%',
        'api.revoke_session must refuse a NULL session id';
END
$$;

DO $$
BEGIN
    ASSERT pg_get_functiondef('auth.request_ip()'::regprocedure) LIKE '%neuronplane.client_ip%',
        'auth.request_ip must read the client the glue names';
    ASSERT pg_get_functiondef('auth.request_user_agent()'::regprocedure) LIKE '%neuronplane.client_user_agent%',
        'auth.request_user_agent must read the User-Agent the glue names';
    ASSERT pg_get_functiondef('auth.cookie_refresh(text, text, inet, text)'::regprocedure)
           LIKE '%set_config(''neuronplane.client_ip''%',
        'auth.cookie_refresh must name its client for api.refresh';
END
$$;

SELECT 1 / (count(*) = 13)::integer FROM pg_catalog.pg_proc
 WHERE oid IN ('auth.es256_generate_key()'::regprocedure,
               'auth.es256_sign(jsonb, text, bytea)'::regprocedure,
               'auth.retired_key_retention()'::regprocedure,
               'auth.create_signing_key()'::regprocedure,
               'auth.published_signing_keys()'::regprocedure,
               'auth.jwks()'::regprocedure,
               'auth.issue_access_token(uuid, text, text, uuid, jsonb, interval)'::regprocedure,
               'auth.maintain_signing_keys()'::regprocedure,
               'auth.rotate_signing_key()'::regprocedure,
               'api.jwks()'::regprocedure,
               'hooks.pre_config()'::regprocedure,
               'auth.check_access_token()'::regprocedure,
               'auth.tg_settings__reload_postgrest()'::regprocedure);

DO $$
DECLARE
    r text;
BEGIN
    ASSERT (SELECT count(*) FROM auth.signing_keys WHERE status = 'active') = 1,
           'exactly one signing key must be active';
    ASSERT EXISTS (SELECT FROM pg_catalog.pg_trigger
                    WHERE tgname = 'settings_reload_postgrest'
                      AND tgrelid = 'auth.settings'::regclass),
           'a change of audience or access_ttl must reload PostgREST';
    ASSERT (SELECT relrowsecurity AND relforcerowsecurity FROM pg_catalog.pg_class
             WHERE oid = 'auth.signing_keys'::regclass),
           'auth.signing_keys must enable and force row level security';
    ASSERT (SELECT count(*) FROM cron.job
             WHERE jobname = 'neuronplane-signing-keys' AND active
               AND command = 'SELECT auth.maintain_signing_keys()'
               AND database = current_database()) = 1,
           'the signing key maintenance job must be scheduled';
    FOREACH r IN ARRAY ARRAY['anon', 'authenticated', 'service']
    LOOP
        ASSERT has_function_privilege(r, 'api.jwks()', 'EXECUTE'),
               format('%s must be able to fetch the JWKS', r);
    END LOOP;
    ASSERT has_function_privilege('authenticator', 'hooks.pre_config()', 'EXECUTE'),
           'the authenticator must run PostgREST''s pre-config function';
    FOREACH r IN ARRAY ARRAY['anon', 'authenticated', 'service', 'authenticator',
                             'neuronplane_worker']
    LOOP
        ASSERT NOT has_table_privilege(r, 'auth.signing_keys', 'SELECT'),
               format('%s must not read the signing keys', r);
        ASSERT NOT has_function_privilege(
                   r, 'auth.issue_access_token(uuid, text, text, uuid, jsonb, interval)', 'EXECUTE')
           AND NOT has_function_privilege(r, 'auth.rotate_signing_key()', 'EXECUTE')
           AND NOT has_function_privilege(r, 'auth.es256_sign(jsonb, text, bytea)', 'EXECUTE')
           AND NOT has_function_privilege(r, 'auth.check_access_token()', 'EXECUTE'),
               format('%s must not issue tokens or handle keys', r);
    END LOOP;
END
$$;

DO $$
BEGIN
    ASSERT pg_get_functiondef('hooks.pre_request()'::regprocedure) LIKE '%hooks.refuse_read_only_write()%',
        'the pre-request hook must refuse writes in read-only transactions';
    ASSERT pg_get_functiondef('auth.login(text, text)'::regprocedure) LIKE '%auth.require_read_write(''api.login'')%',
        'api.login must refuse a read-only transaction';
    ASSERT has_function_privilege('anon', 'hooks.refuse_read_only_write()', 'EXECUTE');
    ASSERT NOT has_function_privilege('anon', 'auth.require_read_write(text)', 'EXECUTE');
END
$$;

ROLLBACK;
