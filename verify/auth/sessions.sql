-- Verify neuronplane:auth/sessions on pg

BEGIN;

SELECT id, principal_id, auth_method, created_at, refreshed_at, expires_at, idle_expires_at,
       revoked_at, revoked_reason, user_agent, ip
  FROM auth.sessions WHERE false;
SELECT id, session_id, token_hash, parent_id, issued_at, expires_at, used_at, revoked_at
  FROM auth.refresh_tokens WHERE false;
SELECT key FROM auth.refresh_token_key WHERE false;

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

ROLLBACK;
