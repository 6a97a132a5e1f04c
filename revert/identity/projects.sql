-- Revert neuronplane:identity/projects from pg

BEGIN;

DROP TABLE identity.projects;
DROP FUNCTION identity.tg_projects__protect_dsn();
DROP FUNCTION identity.split_dsn_password(text);
DROP FUNCTION identity.is_valid_mcp_config(jsonb);

COMMIT;
