-- Revert neuronplane:identity/permission_arg_messages from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- As identity/stored_decisions made it.
CREATE OR REPLACE FUNCTION identity.check_permission_args(resource_type text, permission text) RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
BEGIN
    IF NOT EXISTS (SELECT FROM identity.resource_types t WHERE t.name = $1) THEN
        RAISE EXCEPTION 'unknown resource type %', coalesce(resource_type, 'null')
            USING ERRCODE = '22023',
                  HINT = 'One of ' || (SELECT string_agg(t.name, ', ' ORDER BY t.name)
                                         FROM identity.resource_types t) || '.';
    END IF;
    IF NOT EXISTS (SELECT FROM identity.permissions p WHERE p.name = $2) THEN
        RAISE EXCEPTION 'permission must be one of %, not %',
                        (SELECT string_agg(p.name, ', ' ORDER BY p.name) FROM identity.permissions p),
                        coalesce(permission, 'null')
            USING ERRCODE = '22023';
    END IF;
END
$_$;


ALTER FUNCTION identity.check_permission_args(resource_type text, permission text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION check_permission_args(resource_type text, permission text); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.check_permission_args(resource_type text, permission text) IS 'Raises 22023 unless resource_type and permission are rows of identity.resource_types and identity.permissions.';


--
-- Name: check_question(uuid, text, uuid, text); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE OR REPLACE FUNCTION identity.check_question(principal_id uuid, resource_type text, resource_id uuid, permission text) RETURNS uuid
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    caller uuid := identity.require_caller();
BEGIN
    PERFORM identity.check_permission_args(resource_type, permission);
    -- About someone else: the service, platform admins, and administrators of the resource.
    IF principal_id IS DISTINCT FROM caller
       AND session_user <> 'neuronplane_worker'
       AND NOT identity.is_platform_admin(caller)
       AND NOT identity.has_permission(caller, resource_type, resource_id, 'admin',
                                       identity.current_api_key_id()) THEN
        RAISE EXCEPTION 'permission denied: only administrators of the resource may ask about another principal'
            USING ERRCODE = '42501';
    END IF;
    RETURN caller;
END
$$;

COMMIT;
