-- Revert neuronplane:identity/stored_decisions from pg (the rework after @v0.2.0):
-- has_permission() in PL/pgSQL again, as identity/stored_decisions@v0.2.0 left it.

BEGIN;

SET LOCAL ROLE neuronplane_owner;

CREATE OR REPLACE FUNCTION identity.has_permission(
    principal_id  uuid,
    resource_type text,
    resource_id   uuid,
    permission    text,
    api_key_id    uuid DEFAULT NULL
)
RETURNS boolean
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_answer  boolean;
    r_type    text;
    r_project uuid;
    r_granted smallint;
    r_admin   boolean;
    r_until   timestamptz;
    v_key_ok  boolean;
BEGIN
    IF $5 IS NULL THEN
        -- (on the principal's own row, asked with the nil uuid: true for an active
        -- platform admin, as the sources answer; NULL otherwise)
        SELECT CASE WHEN d.valid_until IS NULL OR d.valid_until > now()
                    THEN d.is_admin
                         OR (d.resource_type = CASE $2 WHEN 'audit' THEN 'org' ELSE $2 END
                             AND d.granted & identity.permission_bit($2, $4) <> 0) END
          INTO v_answer
          FROM identity.decisions d
         WHERE d.principal_id = $1 AND d.resource_id = $3;
        IF v_answer IS NOT NULL THEN
            RETURN v_answer;
        END IF;
        IF FOUND THEN                               -- stale; or the nil uuid asked
            RETURN identity.decide_from_sources($1, $2, $3, $4, $5);
        END IF;
    ELSE
        SELECT d.resource_type, d.project_id, d.granted, d.is_admin, d.valid_until
          INTO r_type, r_project, r_granted, r_admin, r_until
          FROM identity.decisions d
         WHERE d.principal_id = $1 AND d.resource_id = $3;
    END IF;
    IF r_type IS NOT NULL THEN                      -- a row, and a key to check
        IF r_until <= now() THEN
            RETURN identity.decide_from_sources($1, $2, $3, $4, $5);
        END IF;
        SELECT k.principal_id = $1
               AND k.revoked_at IS NULL
               AND (k.expires_at IS NULL OR k.expires_at > now())
               AND $4 = ANY (identity.key_role_permissions(k.roles))
               AND (k.project_id IS NULL OR k.project_id = r_project)
          INTO v_key_ok
          FROM identity.api_keys k
         WHERE k.id = $5;
        RETURN coalesce(v_key_ok, false)            -- the key narrows, then as above
               AND (r_admin
                    OR (r_type = CASE $2 WHEN 'audit' THEN 'org' ELSE $2 END
                        AND r_granted & identity.permission_bit($2, $4) <> 0));
    END IF;
    -- No row on the resource (or a NULL resource): the principal's own row.
    SELECT d.is_admin, d.valid_until INTO r_admin, r_until
      FROM identity.decisions d
     WHERE d.principal_id = $1 AND d.resource_id = '00000000-0000-0000-0000-000000000000';
    IF NOT FOUND OR r_until <= now() OR $3 IS NULL OR (r_admin AND $5 IS NOT NULL) THEN
        RETURN identity.decide_from_sources($1, $2, $3, $4, $5);
    END IF;
    RETURN r_admin;                                 -- only a platform administrator
END
$$;

DROP FUNCTION identity.has_permission_stored(uuid, text, uuid, text, uuid);

RESET ROLE;

COMMIT;
