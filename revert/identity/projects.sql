-- Revert neuronplane:identity/projects from pg

BEGIN;

DELETE FROM internal.secret_columns WHERE name IN ('dsn_passwords', 'mcp_environments');

SET LOCAL ROLE neuronplane_owner;

DROP TABLE identity.projects;
DROP FUNCTION identity.tg_projects__protect_mcp_env();
DROP FUNCTION identity.is_secret_env(text,jsonb);
DROP FUNCTION identity.tg_projects__protect_dsn();
DROP FUNCTION identity.split_dsn_password(text);
DROP FUNCTION identity.is_valid_mcp_config(jsonb);

COMMIT;
