-- Revert neuronplane:workspace/profiles from pg

BEGIN;

DROP FUNCTION workspace.reveal_project_agent_key(uuid);
DROP FUNCTION api.set_profile_agent_key(uuid, text);
DROP FUNCTION api.create_profile(text, text, jsonb, text, text, uuid, text, jsonb);
DROP FUNCTION workspace.store_project_agent_key(uuid, text);
DROP VIEW api.profiles;
DROP TABLE workspace.project_agent_keys;
DELETE FROM audit.actions
 WHERE action IN ('workspace.profile.agent_key_set', 'workspace.profile.agent_key_revealed');

COMMIT;
