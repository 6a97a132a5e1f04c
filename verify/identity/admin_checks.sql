-- Verify neuronplane:identity/admin_checks on pg

BEGIN;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'identity.is_platform_admin(uuid)'::regprocedure AND prosecdef AND provolatile = 's';

DO $$
DECLARE
    u uuid;
BEGIN
    INSERT INTO identity.users (username, is_admin) VALUES ('verify-admin', true) RETURNING id INTO u;
    ASSERT identity.is_platform_admin(u), 'an enabled is_admin user is a platform admin';
    UPDATE identity.users SET disabled_at = now() WHERE id = u;
    ASSERT NOT identity.is_platform_admin(u), 'a disabled user is no platform admin';
END
$$;

ROLLBACK;
