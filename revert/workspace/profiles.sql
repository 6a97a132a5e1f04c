-- Revert neuronplane:workspace/profiles from pg

BEGIN;

DELETE FROM internal.secret_columns WHERE name IN ('agent_api_keys');

DELETE FROM audit.actions
 WHERE action IN ('workspace.profile.agent_key_set', 'workspace.profile.agent_key_revealed');

SET LOCAL ROLE neuronplane_owner;

DROP FUNCTION workspace.set_profile_agent_key(uuid,text);
DROP FUNCTION workspace.create_profile(text,text,jsonb,text,text,uuid,text,jsonb);
DROP TABLE workspace.project_agent_keys;
DROP FUNCTION workspace.reveal_project_agent_key(uuid);
DROP FUNCTION workspace.store_project_agent_key(uuid,text);

COMMIT;
