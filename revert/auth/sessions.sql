-- Revert neuronplane:auth/sessions from pg

BEGIN;

DO $$
BEGIN
    PERFORM cron.unschedule(j.jobid) FROM cron.job j WHERE j.jobname = 'neuronplane-auth-sessions';
END
$$;

SET LOCAL ROLE neuronplane_owner;

DROP FUNCTION auth.refresh(text);
DROP FUNCTION auth.reset_password(uuid,text);
DROP FUNCTION auth.change_password(text,text);
DROP FUNCTION auth.revoke_session(uuid);
DROP FUNCTION auth.list_sessions();
DROP FUNCTION auth.logout_all();
DROP FUNCTION auth.logout();
DROP FUNCTION auth.login(text,text);
DROP TRIGGER principals_end_sessions ON identity.principals;
DROP TABLE auth.refresh_token_key;
DROP TABLE auth.refresh_tokens;
DROP TABLE auth.sessions;
DROP FUNCTION auth.require_session();
DROP FUNCTION auth.refresh_checked(text);
DROP FUNCTION auth.purge_sessions();
DROP FUNCTION auth.tg_principals__end_sessions();
DROP FUNCTION auth.error_response(int4,text,text,text,int4);
DROP FUNCTION auth.current_session_id();
DROP FUNCTION auth.session_is_active(uuid);
DROP FUNCTION auth.revoke_sessions(uuid,text,uuid,uuid);
DROP FUNCTION auth.create_session(uuid,text,inet,text);
DROP FUNCTION auth.token_response(uuid,text);
DROP FUNCTION auth.new_refresh_token(uuid,uuid,text);
DROP FUNCTION auth.request_user_agent();
DROP FUNCTION auth.request_ip();
DROP FUNCTION auth.successor_refresh_token(text);

COMMIT;
