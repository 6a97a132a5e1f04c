-- Deploy neuronplane:identity/permission_arg_messages to pg
-- requires: identity/stored_decisions

BEGIN;

-- identity.check_permission_args() quoted a refused resource type or permission back in
-- full, so a megabyte argument to grant_permission, has_permission or explain_permission
-- came back as a megabyte message (issue 19, item 3). The value is quoted up to 64
-- characters, enough to recognise a typo.

SET LOCAL ROLE neuronplane_owner;

CREATE OR REPLACE FUNCTION identity.check_permission_args(resource_type text, permission text)
RETURNS void
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM identity.resource_types t WHERE t.name = $1) THEN
        RAISE EXCEPTION 'unknown resource type %',
                        CASE WHEN length($1) > 64 THEN left($1, 64) || '...' ELSE coalesce($1, 'null') END
            USING ERRCODE = '22023',
                  HINT = 'One of ' || (SELECT string_agg(t.name, ', ' ORDER BY t.name)
                                         FROM identity.resource_types t) || '.';
    END IF;
    IF NOT EXISTS (SELECT FROM identity.permissions p WHERE p.name = $2) THEN
        RAISE EXCEPTION 'permission must be one of %, not %',
                        (SELECT string_agg(p.name, ', ' ORDER BY p.name) FROM identity.permissions p),
                        CASE WHEN length($2) > 64 THEN left($2, 64) || '...' ELSE coalesce($2, 'null') END
            USING ERRCODE = '22023';
    END IF;
END
$$;

COMMIT;
