-- Verify neuronplane:identity/users on pg

BEGIN;

SELECT id, principal_type, username, email, display_name, is_admin, disabled_at, metadata,
       created_at, updated_at
  FROM identity.users WHERE false;

DO $$
DECLARE
    u uuid;
BEGIN
    INSERT INTO identity.users (username, email) VALUES ('verify.user', 'Verify@Example.org')
    RETURNING id INTO u;
    ASSERT (SELECT type = 'user' AND name = 'verify.user' FROM identity.principals WHERE id = u),
           'a user must get a principal of type user named by the username';
    -- citext's operators live in schema extensions: name them when it is not on the path.
    ASSERT EXISTS (SELECT FROM identity.users
                    WHERE email OPERATOR(extensions.=) 'verify@example.org'),
           'emails must compare case-insensitively';
    ASSERT (SELECT relrowsecurity AND relforcerowsecurity FROM pg_catalog.pg_class
             WHERE oid = 'identity.users'::regclass),
           'identity.users must have forced row level security';
END
$$;

ROLLBACK;
