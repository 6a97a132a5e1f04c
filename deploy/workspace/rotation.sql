-- Deploy neuronplane:workspace/rotation to pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- Every stored secret sealed again under fresh data keys and the current master key, in the
-- caller's transaction; a value under previous_key_file's key opens too. A re-seal changes
-- no row's meaning: the tables' triggers (updated_at, audit, checks) are skipped, which
-- only a superuser may do. Returns the count per kind of secret, and audits them.
CREATE FUNCTION workspace.rotate_secrets(previous_key_file text DEFAULT NULL)
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    c       record;
    n       integer;
    result  jsonb := '{}';
    replica text := current_setting('session_replication_role');
BEGIN
    PERFORM set_config('session_replication_role', 'replica', true);
    FOR c IN SELECT * FROM internal.secret_columns ORDER BY name LOOP
        EXECUTE format('UPDATE %s SET %I = internal.envelope_seal(internal.envelope_open(%I, %s, $1), %s)
                         WHERE %I IS NOT NULL',
                       c.table_name, c.column_name, c.column_name, c.context_sql, c.context_sql,
                       c.column_name)
          USING previous_key_file;
        GET DIAGNOSTICS n = ROW_COUNT;
        result := result || jsonb_build_object(c.name, n);
    END LOOP;
    PERFORM set_config('session_replication_role', replica, true);
    result := result || jsonb_build_object('with_previous_key_file', previous_key_file IS NOT NULL);
    PERFORM audit.record('workspace.secrets.rotated', 'success', NULL, NULL, result);
    RETURN result;
END
$$;
COMMENT ON FUNCTION workspace.rotate_secrets(text) IS
    'Re-encrypt every stored secret (internal.secret_columns) under fresh data keys and the current master key (values under previous_key_file''s key too); superuser only. Returns the counts per kind.';
REVOKE ALL ON FUNCTION workspace.rotate_secrets(text) FROM PUBLIC;

RESET ROLE;

COMMIT;
