-- Revert neuronplane:identity/projects from pg

BEGIN;

DROP TABLE identity.projects;
DROP FUNCTION identity.tg_projects__protect_dsn();
DROP FUNCTION identity.tg_projects__protect_mcp_env();
DROP FUNCTION identity.is_secret_env(text, jsonb);
DROP FUNCTION identity.split_dsn_password(text);
DROP FUNCTION identity.is_valid_mcp_config(jsonb);

COMMIT;
