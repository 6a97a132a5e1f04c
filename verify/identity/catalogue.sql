-- Verify neuronplane:identity/catalogue on pg

BEGIN;

SELECT name, description FROM identity.permissions WHERE false;
SELECT name, scope_type, inherits_admin_only, description FROM identity.resource_types WHERE false;
SELECT name, description FROM identity.roles WHERE false;
SELECT role, resource_type, permission FROM identity.role_grants WHERE false;
SELECT role, permission FROM identity.api_key_roles WHERE false;

SELECT 1 / count(*) FROM pg_catalog.pg_class
 WHERE oid IN ('identity.permissions'::regclass, 'identity.resource_types'::regclass,
               'identity.roles'::regclass, 'identity.role_grants'::regclass,
               'identity.api_key_roles'::regclass)
   AND relrowsecurity AND relforcerowsecurity
HAVING count(*) = 5;

DO $$
BEGIN
    ASSERT EXISTS (SELECT FROM identity.role_grants
                    WHERE role = 'owner' AND resource_type = 'audit' AND permission = 'admin'),
           'owners administer the audit log';
    ASSERT has_table_privilege('authenticated', 'identity.roles', 'SELECT'),
           'API roles read the catalogue';
    ASSERT NOT has_table_privilege('authenticated', 'identity.role_grants', 'INSERT'),
           'but do not change it';
    ASSERT NOT has_table_privilege('anon', 'identity.roles', 'SELECT'),
           'anonymous callers do not read it';
END
$$;

ROLLBACK;
