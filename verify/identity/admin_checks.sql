-- Verify neuronplane:identity/admin_checks on pg

BEGIN;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid IN ('identity.is_platform_admin(uuid)'::regprocedure,
               'identity.admin_org_ids(uuid)'::regprocedure)
   AND prosecdef AND provolatile = 's'
HAVING count(*) = 2;

DO $$
DECLARE
    u uuid;
    o uuid;
BEGIN
    INSERT INTO identity.users (username, is_admin) VALUES ('verify-admin', true) RETURNING id INTO u;
    INSERT INTO identity.organizations (name, slug) VALUES ('V', 'verify-admin-org') RETURNING id INTO o;
    INSERT INTO identity.org_memberships VALUES (o, u, 'admin');
    ASSERT identity.is_platform_admin(u), 'an enabled is_admin user is a platform admin';
    ASSERT identity.admin_org_ids(u) = ARRAY[o], 'an org admin administers the org';
    UPDATE identity.users SET disabled_at = now() WHERE id = u;
    ASSERT NOT identity.is_platform_admin(u) AND identity.admin_org_ids(u) = '{}',
           'a disabled user administers nothing';
END
$$;

ROLLBACK;
