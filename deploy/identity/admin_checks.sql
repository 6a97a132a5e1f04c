-- Deploy neuronplane:identity/admin_checks to pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- Is this principal an enabled platform administrator?
-- SECURITY DEFINER: called from RLS policies by roles that cannot read identity.users.
CREATE FUNCTION identity.is_platform_admin(principal_id uuid)
RETURNS boolean
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN EXISTS (
        SELECT FROM identity.users u
          JOIN identity.principals p ON p.id = u.id
         WHERE u.id = $1
           AND u.is_admin AND u.disabled_at IS NULL AND p.disabled_at IS NULL);
END
$$;
COMMENT ON FUNCTION identity.is_platform_admin(uuid) IS
    'True for an enabled user with is_admin: a platform administrator.';



RESET ROLE;

SET LOCAL ROLE neuronplane_owner;
GRANT EXECUTE ON FUNCTION identity.is_platform_admin(uuid) TO authenticated, service;
RESET ROLE;

COMMIT;
