-- Refusals of issue 19 in the database: writes in read-only transactions.
BEGIN;
SELECT plan(9);

SELECT coalesce(max(id), 0) AS audit0 FROM audit.events \gset

-- api.login in a read-only transaction: one answer before anything, whatever the password.
SAVEPOINT ro;
SET TRANSACTION READ ONLY;
SELECT throws_ok($$SELECT api.login('nobody-at-all', 'wrong')$$, '25006',
                 'api.login changes data and cannot run in a read-only transaction',
                 'api.login refuses a read-only transaction');
ROLLBACK TO SAVEPOINT ro;

-- The pre-request hook, as PostgREST runs it for GET /rpc/<function>.
SAVEPOINT ro2;
SELECT set_config('request.path', '/rpc/create_api_key', true);
SET TRANSACTION READ ONLY;
SELECT throws_ok($$SELECT hooks.refuse_read_only_write()$$, 'PGRST',
                 '{"code": "25006", "hint": "GET and HEAD run in a read-only transaction; send the arguments as a JSON body with POST.", "details": null, "message": "api.create_api_key changes data: call it with POST"}',
                 'a GET of a VOLATILE api function is refused by the hook');
ROLLBACK TO SAVEPOINT ro2;
SAVEPOINT ro3;
SELECT set_config('request.path', '/rpc/jwks', true);
SET TRANSACTION READ ONLY;
SELECT lives_ok($$SELECT hooks.refuse_read_only_write()$$, 'a GET of a STABLE one is not');
ROLLBACK TO SAVEPOINT ro3;
SELECT set_config('request.path', '/rpc/create_api_key', true);
SELECT lives_ok($$SELECT hooks.refuse_read_only_write()$$, 'nor a POST (read-write) of a VOLATILE one');

SELECT is((SELECT count(*)::integer FROM audit.events WHERE id > :audit0), 0, 'nothing was written');

-- api.revoke_session(NULL) is refused, not "all sessions".
SELECT tests.authenticate_as('authenticated', jsonb_build_object('sub', gen_random_uuid(), 'role', 'authenticated'));
SELECT throws_ok($$SELECT api.revoke_session(NULL)$$, '22004',
                 'session_id is required: give the id of one of your sessions',
                 'revoke_session without an id is refused');
SELECT tests.clear_authentication();

-- A failed password change counts like a failed login, on the account's key.
INSERT INTO identity.users (id, username, email)
VALUES ('00000000-0000-4000-8000-00000000c0de', 'pw-change-user', 'pw-change@example.org');
SELECT auth.record_password_change_failure('00000000-0000-4000-8000-00000000c0de', '192.0.2.9', 'pgtap')
  FROM generate_series(1, (SELECT lockout_threshold FROM auth.settings));
SELECT ok(auth.login_lock_seconds('user:00000000-0000-4000-8000-00000000c0de', NULL) > 0,
          'the threshold of failed password changes locks the account');
SELECT is((SELECT count(*)::integer FROM audit.events WHERE action = 'auth.password.change_failed'
            AND resource_id = '00000000-0000-4000-8000-00000000c0de'),
          (SELECT lockout_threshold FROM auth.settings), 'each is audited');
SELECT is(auth.login_lock_seconds('user:nobody', '198.51.100.1'), NULL, 'nothing else is locked');

SELECT * FROM finish();
ROLLBACK;
