-- Verify neuronplane:roles on pg

BEGIN;

DO $$
BEGIN
    ASSERT (SELECT rolcanlogin AND NOT rolinherit AND NOT rolsuper AND NOT rolbypassrls
              FROM pg_catalog.pg_roles WHERE rolname = 'authenticator'),
           'authenticator must exist, LOGIN NOINHERIT, not superuser';
    ASSERT (SELECT count(*) FROM pg_catalog.pg_roles
             WHERE rolname IN ('anon', 'authenticated', 'service')
               AND NOT rolcanlogin AND NOT rolsuper AND NOT rolbypassrls) = 3,
           'anon, authenticated and service must exist as NOLOGIN roles without BYPASSRLS';
    ASSERT (SELECT NOT rolcanlogin AND rolbypassrls AND NOT rolsuper
              FROM pg_catalog.pg_roles WHERE rolname = 'neuronplane_owner'),
           'neuronplane_owner must exist, NOLOGIN, BYPASSRLS, not superuser';
    ASSERT (SELECT rolcanlogin AND NOT rolsuper AND NOT rolbypassrls
              FROM pg_catalog.pg_roles WHERE rolname = 'neuronplane_worker'),
           'neuronplane_worker must exist, LOGIN, without BYPASSRLS';
    -- authenticator may become each API role, and no more.
    ASSERT pg_has_role('authenticator', 'anon', 'MEMBER')
       AND pg_has_role('authenticator', 'authenticated', 'MEMBER')
       AND pg_has_role('authenticator', 'service', 'MEMBER'),
           'authenticator must be able to switch to anon, authenticated and service';
    ASSERT NOT pg_has_role('authenticator', 'neuronplane_owner', 'MEMBER')
       AND NOT pg_has_role('authenticator', 'neuronplane_worker', 'MEMBER'),
           'authenticator must not be able to become the owner or the worker';
    -- NOINHERIT: authenticator holds no API role's privileges until it switches.
    ASSERT NOT pg_has_role('authenticator', 'anon', 'USAGE'),
           'authenticator must not inherit anon''s privileges';
    ASSERT NOT EXISTS (
        SELECT FROM pg_catalog.pg_default_acl d, aclexplode(d.defaclacl) a
         WHERE d.defaclrole = 'neuronplane_owner'::regrole
           AND d.defaclobjtype = 'f' AND a.grantee = 0
    ) AND EXISTS (
        SELECT FROM pg_catalog.pg_default_acl d
         WHERE d.defaclrole = 'neuronplane_owner'::regrole AND d.defaclobjtype = 'f'
    ), 'functions created by neuronplane_owner must not be executable by PUBLIC';
END
$$;

ROLLBACK;
