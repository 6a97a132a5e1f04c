-- Verify neuronplane:identity/projects on pg

BEGIN;

SELECT id, org_id, user_id, name, description, neurondb_dsn, neurondb_dsn_secret, mcp_config, mcp_env_secret,
       agent_endpoint, metadata, created_at, updated_at
  FROM identity.projects WHERE false;

DO $$
DECLARE
    split record := identity.split_dsn_password('postgresql://app:p%40ss@db:5432/neurondb');
BEGIN
    ASSERT split.password = 'p@ss' AND split.dsn_without_password = 'postgresql://app@db:5432/neurondb',
           'a URI password must be split off and decoded';
    ASSERT identity.is_valid_mcp_config('{"command": "neurondb-mcp", "args": ["--stdio"]}'),
           'a command with args is a valid MCP config';
    ASSERT NOT identity.is_valid_mcp_config('{"args": []}'), 'an MCP config needs a command';
    ASSERT identity.is_secret_env('NEURONDB_PASSWORD', '"x"') AND NOT identity.is_secret_env('NEURONDB_HOST', '"db"'),
           'secret-named environment variables are recognised';
    ASSERT (SELECT relrowsecurity AND relforcerowsecurity FROM pg_catalog.pg_class
             WHERE oid = 'identity.projects'::regclass),
           'identity.projects must have forced row level security';
END
$$;

ROLLBACK;
