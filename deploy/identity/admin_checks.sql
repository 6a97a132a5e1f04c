-- Deploy neuronplane:identity/admin_checks to pg
-- requires: identity/org_memberships

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- Is this principal an enabled platform administrator?
-- SECURITY DEFINER: called from RLS policies by roles that cannot read identity.users.
CREATE FUNCTION identity.is_platform_admin(principal_id uuid)
RETURNS boolean
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT EXISTS (
        SELECT FROM identity.users u
          JOIN identity.principals p ON p.id = u.id
         WHERE u.id = is_platform_admin.principal_id
           AND u.is_admin AND u.disabled_at IS NULL AND p.disabled_at IS NULL)
$$;
COMMENT ON FUNCTION identity.is_platform_admin(uuid) IS
    'True for an enabled user with is_admin: a platform administrator.';

-- The organizations this principal administers (as owner or admin), if it is enabled.
-- SECURITY DEFINER: called from RLS policies by roles that cannot read memberships.
CREATE FUNCTION identity.admin_org_ids(principal_id uuid)
RETURNS uuid[]
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT coalesce(array_agg(m.org_id), '{}')
      FROM identity.org_memberships m
      JOIN identity.users u ON u.id = m.user_id
      JOIN identity.principals p ON p.id = u.id
     WHERE m.user_id = admin_org_ids.principal_id
       AND m.role IN ('owner', 'admin')
       AND u.disabled_at IS NULL AND p.disabled_at IS NULL
$$;
COMMENT ON FUNCTION identity.admin_org_ids(uuid) IS
    'The organizations an enabled user owns or administers.';

GRANT EXECUTE ON FUNCTION identity.is_platform_admin(uuid), identity.admin_org_ids(uuid)
   TO authenticated, service;

COMMIT;
