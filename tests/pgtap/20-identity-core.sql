-- Principals, organizations, users and memberships: integrity rules and privileges.
BEGIN;
SELECT plan(24);

-- Principals follow their entities --------------------------------------------------------
INSERT INTO identity.users (id, username, email, display_name)
VALUES ('00000000-0000-4000-8000-00000000b001', 'alice', 'Alice@Example.org', 'Alice');
INSERT INTO identity.organizations (id, name, slug)
VALUES ('00000000-0000-4000-8000-00000000b0f1', 'Acme Corp', 'Acme');

SELECT is((SELECT row(type, name, disabled_at)::text FROM identity.principals
            WHERE id = '00000000-0000-4000-8000-00000000b001'),
          row('user', 'alice', NULL::timestamptz)::text, 'a new user gets its principal');
SELECT is((SELECT row(type, name)::text FROM identity.principals
            WHERE id = '00000000-0000-4000-8000-00000000b0f1'),
          row('org', 'Acme Corp')::text, 'a new organization gets its principal');

UPDATE identity.users SET username = 'alice2', disabled_at = '2026-01-01 00:00+00'
 WHERE id = '00000000-0000-4000-8000-00000000b001';
SELECT is((SELECT row(name, disabled_at)::text FROM identity.principals
            WHERE id = '00000000-0000-4000-8000-00000000b001'),
          row('alice2', '2026-01-01 00:00+00'::timestamptz)::text,
          'renaming or disabling a user renames or disables its principal');
UPDATE identity.users SET username = 'alice', disabled_at = NULL
 WHERE id = '00000000-0000-4000-8000-00000000b001';

SELECT throws_ok($$DELETE FROM identity.principals WHERE id = '00000000-0000-4000-8000-00000000b001'$$,
                 '23503', 'update or delete on table "principals" violates foreign key constraint "users_id_principal_type_fkey" on table "users"',
                 'a principal cannot be deleted under its user');
SELECT throws_ok($$INSERT INTO identity.users (id, username)
                   VALUES ('00000000-0000-4000-8000-00000000b0f1', 'sneaky')$$,
                 '23505', 'duplicate key value violates unique constraint "principals_pkey"',
                 'a user cannot take an organization''s principal');

-- Case-insensitive uniqueness and formats ---------------------------------------------------
SELECT throws_ok($$INSERT INTO identity.users (username) VALUES ('ALICE')$$, '23505',
                 'duplicate key value violates unique constraint "users_username_key"',
                 'usernames are unique whatever the case');
SELECT throws_ok($$INSERT INTO identity.users (username, email) VALUES ('bob', 'alice@EXAMPLE.org')$$,
                 '23505', 'duplicate key value violates unique constraint "users_email_key"',
                 'emails are unique whatever the case');
SELECT throws_ok($$INSERT INTO identity.organizations (name, slug) VALUES ('Other', 'acme')$$,
                 '23505', 'duplicate key value violates unique constraint "organizations_slug_key"',
                 'slugs are unique whatever the case');
SELECT throws_ok($$INSERT INTO identity.users (username, email) VALUES ('carol', 'not-an-email')$$,
                 '23514', 'new row for relation "users" violates check constraint "users_email_check"',
                 'an email must look like one');
SELECT throws_ok($$INSERT INTO identity.users (username) VALUES ('bad name!')$$,
                 '23514', 'new row for relation "users" violates check constraint "users_username_check"',
                 'a username is letters, digits, dot, dash and underscore');
SELECT throws_ok($$INSERT INTO identity.organizations (name, slug) VALUES ('X', '-x-')$$,
                 '23514', 'new row for relation "organizations" violates check constraint "organizations_slug_check"',
                 'a slug starts and ends with a letter or digit');
SELECT is((SELECT count(*)::integer FROM identity.principals WHERE name IN ('ALICE', 'bob', 'carol', 'bad name!', 'Other', 'X')),
          0, 'refused entities leave no principal behind');

-- Timestamps -------------------------------------------------------------------------------
UPDATE identity.organizations SET created_at = '2000-01-01', name = 'Acme Corporation'
 WHERE id = '00000000-0000-4000-8000-00000000b0f1';
SELECT ok((SELECT created_at > '2000-01-02' AND updated_at = now() FROM identity.organizations
            WHERE id = '00000000-0000-4000-8000-00000000b0f1'),
          'updated_at follows changes and created_at cannot be rewritten');

-- Memberships keep an owner -----------------------------------------------------------------
INSERT INTO identity.users (id, username) VALUES ('00000000-0000-4000-8000-00000000b002', 'bob');
INSERT INTO identity.org_memberships (org_id, user_id, role) VALUES
    ('00000000-0000-4000-8000-00000000b0f1', '00000000-0000-4000-8000-00000000b001', 'owner'),
    ('00000000-0000-4000-8000-00000000b0f1', '00000000-0000-4000-8000-00000000b002', 'member');
SELECT throws_ok($$UPDATE identity.org_memberships SET role = 'admin'
                    WHERE user_id = '00000000-0000-4000-8000-00000000b001'$$,
                 '23514', 'organization 00000000-0000-4000-8000-00000000b0f1 must keep at least one owner',
                 'the last owner cannot be demoted');
SELECT throws_ok($$DELETE FROM identity.org_memberships WHERE user_id = '00000000-0000-4000-8000-00000000b001'$$,
                 '23514', 'organization 00000000-0000-4000-8000-00000000b0f1 must keep at least one owner',
                 'the last owner cannot leave');
SELECT throws_ok($$DELETE FROM identity.users WHERE id = '00000000-0000-4000-8000-00000000b001'$$,
                 '23514', 'organization 00000000-0000-4000-8000-00000000b0f1 must keep at least one owner',
                 'the last owner''s account cannot be deleted');
SELECT throws_ok($$UPDATE identity.org_memberships SET role = 'boss'
                    WHERE user_id = '00000000-0000-4000-8000-00000000b002'$$,
                 '23503', 'insert or update on table "org_memberships" violates foreign key constraint "org_memberships_role_fkey"',
                 'roles are rows of identity.roles');
SELECT lives_ok($$
    SET CONSTRAINTS identity.org_memberships_keep_an_owner DEFERRED;
    UPDATE identity.org_memberships SET role = 'member' WHERE user_id = '00000000-0000-4000-8000-00000000b001';
    UPDATE identity.org_memberships SET role = 'owner' WHERE user_id = '00000000-0000-4000-8000-00000000b002';
    SET CONSTRAINTS identity.org_memberships_keep_an_owner IMMEDIATE;
$$, 'ownership can be handed over in either order when the check is deferred');
SELECT is((SELECT array_agg(role ORDER BY role) FROM identity.org_memberships
            WHERE org_id = '00000000-0000-4000-8000-00000000b0f1'),
          ARRAY['member', 'owner'], 'and the organization has its new owner');
SELECT lives_ok($$DELETE FROM identity.organizations WHERE id = '00000000-0000-4000-8000-00000000b0f1'$$,
                'deleting an organization takes its memberships along');
SELECT is((SELECT count(*)::integer FROM identity.principals WHERE id = '00000000-0000-4000-8000-00000000b0f1'),
          0, 'and its principal');

-- Privileges ---------------------------------------------------------------------------------
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-00000000b001"}');
SELECT is((SELECT array_agg(username::text) FROM identity.users), ARRAY['alice'],
          'API roles read identity tables through RLS only: a user in no organization sees itself');
SELECT throws_ok($$INSERT INTO identity.principals (type, name) VALUES ('user', 'x')$$, '42501',
                 'permission denied for table principals', 'nor may they create principals');
SELECT tests.clear_authentication();
SELECT tests.authenticate_as('anon');
SELECT throws_ok($$SELECT identity.is_platform_admin('00000000-0000-4000-8000-00000000b001')$$, '42501',
                 'permission denied for schema identity', 'anon cannot use schema identity');
SELECT tests.clear_authentication();

SELECT * FROM finish();
ROLLBACK;
