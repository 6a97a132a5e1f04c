-- Verify neuronplane:identity/legacy_import on pg

BEGIN;

SELECT source_system, source_table, legacy_id, new_id, outcome, reason, is_account_merge,
       imported_at
  FROM identity.legacy_id_map WHERE false;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid IN ('identity.import_legacy(text, text)'::regprocedure,
               'internal.legacy_rows(text, text, text[])'::regprocedure,
               'internal.legacy_free_id(text)'::regprocedure,
               'internal.legacy_free_name(text, text)'::regprocedure,
               'internal.legacy_free_project_name(uuid, text)'::regprocedure,
               'internal.legacy_slug(text)'::regprocedure,
               'internal.legacy_key_digest(text)'::regprocedure,
               'internal.legacy_key_roles(text[])'::regprocedure,
               'internal.legacy_mcp_config(jsonb)'::regprocedure,
               'internal.legacy_desktop_user(jsonb, text)'::regprocedure,
               'internal.legacy_import_key(text, uuid, text, uuid, text, text, text[], integer, timestamptz, timestamptz, timestamptz, timestamptz, text, text[])'::regprocedure)
HAVING count(*) = 11;

DO $$
DECLARE
    r text;
BEGIN
    ASSERT internal.legacy_key_digest(encode(sha256('k'::bytea), 'hex')) = sha256('k'::bytea),
           'a hex SHA-256 hash is carried over';
    ASSERT internal.legacy_key_digest('$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy') IS NULL,
           'a bcrypt hash is not';
    ASSERT (SELECT relrowsecurity AND relforcerowsecurity FROM pg_catalog.pg_class
             WHERE oid = 'identity.legacy_id_map'::regclass),
           'identity.legacy_id_map must have forced row level security';
    ASSERT has_function_privilege('neuronplane_owner', 'identity.import_legacy(text, text)', 'EXECUTE'),
           'the owner holds the import function';
    FOREACH r IN ARRAY ARRAY['anon', 'authenticated', 'service', 'neuronplane_worker'] LOOP
        ASSERT NOT has_function_privilege(r, 'identity.import_legacy(text, text)', 'EXECUTE'),
               format('%s must not run the import', r);
        ASSERT NOT has_table_privilege(r, 'identity.legacy_id_map', 'SELECT, INSERT, UPDATE, DELETE'),
               format('%s must not touch the legacy id map', r);
    END LOOP;
END
$$;

ROLLBACK;
