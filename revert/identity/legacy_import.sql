-- Revert neuronplane:identity/legacy_import from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

DROP TABLE identity.legacy_id_map;
DROP FUNCTION identity.import_legacy(text,text);
DROP FUNCTION internal.legacy_import_key(text,uuid,text,uuid,text,text,text[],int4,timestamptz,timestamptz,timestamptz,timestamptz,text,text[]);
DROP FUNCTION internal.legacy_desktop_user(jsonb,text);
DROP FUNCTION internal.legacy_mcp_config(jsonb);
DROP FUNCTION internal.legacy_key_roles(text[]);
DROP FUNCTION internal.legacy_key_digest(text);
DROP FUNCTION internal.legacy_slug(text);
DROP FUNCTION internal.legacy_free_project_name(uuid,text);
DROP FUNCTION internal.legacy_free_name(text,text);
DROP FUNCTION internal.legacy_free_id(text);
DROP FUNCTION internal.legacy_rows(text,text,text[]);

COMMIT;
