-- Revert neuronplane:auth/sessions from pg

BEGIN;

DO $$
BEGIN
    PERFORM cron.unschedule(j.jobid) FROM cron.job j WHERE j.jobname = 'neuronplane-auth-sessions';
END
$$;
DROP FUNCTION auth.purge_sessions();

DROP FUNCTION api.reset_password(uuid, text);
DROP FUNCTION api.change_password(text, text);
DROP FUNCTION api.revoke_session(uuid);
DROP FUNCTION api.sessions();
DROP FUNCTION api.logout_all();
DROP FUNCTION api.logout();
DROP FUNCTION auth.require_session();
DROP FUNCTION api.refresh(text);
DROP FUNCTION api.login(text, text);
DROP TRIGGER principals_end_sessions ON identity.principals;
DROP FUNCTION auth.tg_principals__end_sessions();
DROP FUNCTION auth.error_response(integer, text, text, text, integer);
DROP FUNCTION hooks.pre_request();
DROP FUNCTION auth.current_session_id();
DROP FUNCTION auth.session_is_active(uuid);
DROP FUNCTION auth.revoke_sessions(uuid, text, uuid, uuid);
DROP FUNCTION auth.create_session(uuid, text, inet, text);
DROP FUNCTION auth.token_response(uuid, text);
DROP FUNCTION auth.new_refresh_token(uuid, uuid, text);
DROP FUNCTION auth.successor_refresh_token(text);
DROP FUNCTION auth.request_user_agent();
DROP FUNCTION auth.request_ip();
DROP TABLE auth.refresh_token_key;
DROP TABLE auth.refresh_tokens;
DROP TABLE auth.sessions;

COMMIT;
