-- Verify neuronplane:baseline on pg

BEGIN;

DO $$
BEGIN
    -- The deploying role's default ACL for functions exists and leaves PUBLIC out.
    ASSERT EXISTS (
        SELECT FROM pg_catalog.pg_default_acl
         WHERE defaclrole = current_user::regrole
           AND defaclnamespace = 0
           AND defaclobjtype = 'f'
    ), 'no default ACL revokes EXECUTE on functions from PUBLIC';
    ASSERT NOT EXISTS (
        SELECT FROM pg_catalog.pg_default_acl d, aclexplode(d.defaclacl) a
         WHERE d.defaclrole = current_user::regrole
           AND d.defaclobjtype = 'f'
           AND a.grantee = 0
    ), 'PUBLIC still gets EXECUTE on new functions';
    -- PUBLIC has no right at all on schema public.
    ASSERT NOT EXISTS (
        SELECT FROM pg_catalog.pg_namespace n, aclexplode(n.nspacl) a
         WHERE n.nspname = 'public' AND a.grantee = 0
    ), 'PUBLIC still has rights on schema public';
END
$$;

ROLLBACK;
