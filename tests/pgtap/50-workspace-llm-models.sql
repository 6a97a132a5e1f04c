-- LLM models and their keys: row level security from every kind of caller, the field
-- checks, envelope encryption (a fresh ciphertext per write, nothing of the key readable by
-- an API role, a wrong master key failing loudly, rotation), the worker's reveal and its
-- audit, and that no answer, view or audit row carries a key.
BEGIN;
SELECT plan(71);

\ir fixtures/identity.sql

-- Models: two in PA1 (one with a key), one in PA2, one in B's PB1, one in the personal PP.
INSERT INTO workspace.llm_models (id, project_id, provider, model_name) VALUES
    ('00000000-0000-4000-8000-00000000a001', '00000000-0000-4000-8000-0000000001a0', 'openai', 'gpt-4o'),
    ('00000000-0000-4000-8000-00000000a002', '00000000-0000-4000-8000-0000000001a0', 'anthropic', 'claude-3-5-sonnet'),
    ('00000000-0000-4000-8000-00000000a003', '00000000-0000-4000-8000-0000000002a0', 'local', 'llama3'),
    ('00000000-0000-4000-8000-00000000b001', '00000000-0000-4000-8000-0000000001b0', 'huggingface', 'mistral-7b'),
    ('00000000-0000-4000-8000-00000000c001', '00000000-0000-4000-8000-0000000001c0', 'openai', 'gpt-4o-mini');

\set seen 'SELECT coalesce(jsonb_agg(model_name ORDER BY model_name), ''[]'') FROM api.llm_models'

-- Reading -----------------------------------------------------------------------------------
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a0"}');
SELECT is((:seen), '["claude-3-5-sonnet", "gpt-4o", "gpt-4o-mini", "llama3", "mistral-7b"]'::jsonb,
          'a platform admin sees every model');
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a1"}');
SELECT is((:seen), '["claude-3-5-sonnet", "gpt-4o", "llama3"]'::jsonb, 'an owner of A sees A''s models only');
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a3"}');
SELECT is((:seen), '["claude-3-5-sonnet", "gpt-4o", "llama3"]'::jsonb, 'a viewer of A reads A''s models');
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a2", "api_key_id": "00000000-0000-4000-8000-0000000007a0"}');
SELECT is((:seen), '["claude-3-5-sonnet", "gpt-4o"]'::jsonb, 'through a key limited to PA1, only PA1''s models');
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a4"}');
SELECT is((:seen), '[]'::jsonb, 'a user in no organization sees none');
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000b1"}');
SELECT is((:seen), '["mistral-7b"]'::jsonb, 'the owner of B sees only B''s model');
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000c1"}');
SELECT is((:seen), '["gpt-4o-mini"]'::jsonb, 'a personal project''s owner sees its model');
SELECT is((SELECT coalesce(jsonb_agg(model_name ORDER BY model_name), '[]') FROM workspace.llm_models),
          '["gpt-4o-mini"]'::jsonb, 'the table itself shows the same rows (RLS on the table, not only the view)');
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000d1"}');
SELECT is((:seen), '[]'::jsonb, 'a disabled member sees none');
SELECT tests.authenticate_as('service', '{"sub": "00000000-0000-4000-8000-0000000005a0"}');
SELECT is((:seen), '[]'::jsonb, 'a service account without a grant sees none');
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a1"}');
SELECT lives_ok($$SELECT api.grant_permission('00000000-0000-4000-8000-0000000005a0', 'model', 'read',
                                               '00000000-0000-4000-8000-00000000a001')$$,
                'the owner grants the service account read on one model (models are resources)');
SELECT tests.authenticate_as('service', '{"sub": "00000000-0000-4000-8000-0000000005a0"}');
SELECT is((:seen), '["gpt-4o"]'::jsonb, 'the service account then reads that model only');
SELECT tests.authenticate_as('anon');
SELECT throws_ok('SELECT * FROM api.llm_models', '42501', 'permission denied for view llm_models',
                 'anon cannot read models');
SELECT tests.clear_authentication();

-- Adding -----------------------------------------------------------------------------------------
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a2"}');
SELECT is((SELECT row(provider, model_name, display_name, config, has_key, key_last4)::text
             FROM api.add_llm_model('00000000-0000-4000-8000-0000000002a0', 'openai', ' gpt-4.1 ',
                                    'GPT 4.1', '{"temperature": 0.2}', 'sk-proj-abcdefWXYZ')),
          row('openai', 'gpt-4.1', 'GPT 4.1', '{"temperature": 0.2}'::jsonb, true, 'WXYZ')::text,
          'a member adds a model with its key: the answer shows only the last four characters');
SELECT is((SELECT created_by FROM api.llm_models WHERE model_name = 'gpt-4.1'),
          '00000000-0000-4000-8000-0000000000a2'::uuid, 'created_by is the caller');
SELECT throws_ok($$SELECT api.add_llm_model('00000000-0000-4000-8000-0000000002a0', 'openai', 'gpt-4.1')$$,
                 '23505', 'model_name "gpt-4.1" is already in this project', 'model_name is unique per project');
SELECT throws_ok($$SELECT api.add_llm_model('00000000-0000-4000-8000-0000000002a0', 'cohere', 'command-r')$$,
                 '22023', 'provider must be openai, anthropic, huggingface or local',
                 'an unknown provider is refused, naming the field');
SELECT throws_ok($$SELECT api.add_llm_model('00000000-0000-4000-8000-0000000002a0', 'openai', '  ')$$,
                 '22023', 'model_name is required', 'an empty model_name is refused');
SELECT throws_ok($$SELECT api.add_llm_model('00000000-0000-4000-8000-0000000002a0', 'openai', 'x', NULL, '{"api_key": "sk-1"}')$$,
                 '22023', 'config must not hold secrets: api_key looks like one',
                 'a key inside config is refused');
SELECT is((SELECT config FROM api.add_llm_model('00000000-0000-4000-8000-0000000002a0', 'openai', 'tuned', NULL,
                                                 '{"max_tokens": 512, "top_k": 40, "base_url": "http://127.0.0.1:1"}')),
          '{"max_tokens": 512, "top_k": 40, "base_url": "http://127.0.0.1:1"}'::jsonb,
          'settings such as max_tokens are not mistaken for secrets');
SELECT throws_ok($$SELECT api.add_llm_model('00000000-0000-4000-8000-0000000002a0', 'openai', 'x', NULL, '{"openai-api-key": "sk-1"}')$$,
                 '22023', 'config must not hold secrets: openai-api-key looks like one',
                 'nor a key under any spelling');
SELECT throws_ok($$SELECT api.add_llm_model('00000000-0000-4000-8000-0000000002a0', 'openai', 'x', NULL, '[]')$$,
                 '22023', 'config must be a JSON object', 'config must be an object');
SELECT throws_ok($$SELECT api.add_llm_model('00000000-0000-4000-8000-0000000002a0', 'openai', 'y', NULL, '{}', 'sk with space')$$,
                 '22023', 'key must be at most 8192 characters, without spaces or control characters',
                 'a key with spaces is refused, and nothing is added');
SELECT is((SELECT count(*) FROM api.llm_models WHERE model_name = 'y'), 0::bigint,
          'the refused add left no model behind');
SELECT throws_ok($$SELECT api.add_llm_model('00000000-0000-4000-8000-0000000001b0', 'openai', 'z')$$,
                 '42704', 'there is no project with id 00000000-0000-4000-8000-0000000001b0',
                 'another organization''s project does not exist for the caller');
SELECT throws_ok($$INSERT INTO api.llm_models (project_id, provider, model_name)
                   VALUES ('00000000-0000-4000-8000-0000000001b0', 'openai', 'planted')$$,
                 '42501', 'new row violates row-level security policy for table "llm_models"',
                 'nor can a plain insert plant a model there');
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a3"}');
SELECT throws_ok($$SELECT api.add_llm_model('00000000-0000-4000-8000-0000000002a0', 'openai', 'v')$$,
                 '42501', 'permission denied: adding a model needs write on project 00000000-0000-4000-8000-0000000002a0',
                 'a viewer cannot add models');
SELECT throws_ok($$SELECT api.set_llm_model_key('00000000-0000-4000-8000-00000000a001', 'sk-viewer-1234')$$,
                 '42501', 'permission denied: write on model 00000000-0000-4000-8000-00000000a001',
                 'nor set keys');
WITH d AS (DELETE FROM api.llm_models RETURNING 1)
SELECT is(count(*), 0::bigint,
          'nor delete models (nothing is deleted)') FROM d;
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a2", "api_key_id": "00000000-0000-4000-8000-0000000006a0"}');
SELECT throws_ok($$SELECT api.add_llm_model('00000000-0000-4000-8000-0000000002a0', 'openai', 'v')$$,
                 '42501', 'permission denied: adding a model needs write on project 00000000-0000-4000-8000-0000000002a0',
                 'a viewer key of a member cannot add models either');
SELECT tests.clear_authentication();

-- Keys: encrypted, a fresh ciphertext per write, never readable through the API ------------------
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a2"}');
SELECT is((SELECT key_last4 FROM api.set_llm_model_key('00000000-0000-4000-8000-00000000a001', 'sk-live-first-AAAA')),
          'AAAA', 'a member sets a key by model id');
SELECT tests.clear_authentication();
SELECT key_ciphertext AS first_ct FROM workspace.llm_models WHERE id = '00000000-0000-4000-8000-00000000a001' \gset
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a2"}');
SELECT is((SELECT key_last4 FROM api.set_llm_model_key('00000000-0000-4000-8000-0000000001a0', 'gpt-4o', 'sk-live-first-AAAA')),
          'AAAA', 'and by project and model name (the desktop''s route)');
SELECT throws_ok($$SELECT api.set_llm_model_key('00000000-0000-4000-8000-0000000001a0', 'no-such-model', 'sk-1')$$,
                 '42704', 'there is no LLM model "no-such-model" in project 00000000-0000-4000-8000-0000000001a0',
                 'an unknown model name is 42704');
SELECT throws_ok($$SELECT api.set_llm_model_key('00000000-0000-4000-8000-0000000001b0', 'mistral-7b', 'sk-1')$$,
                 '42704', 'there is no LLM model "mistral-7b" in project 00000000-0000-4000-8000-0000000001b0',
                 'by name in another organization''s project: no such model (and no id given away)');
SELECT throws_ok($$SELECT api.set_llm_model_key('00000000-0000-4000-8000-00000000b001', 'sk-1')$$,
                 '42704', 'there is no LLM model with id 00000000-0000-4000-8000-00000000b001',
                 'another organization''s model is 42704 too');
SELECT throws_ok($$SELECT api.set_llm_model_key('00000000-0000-4000-8000-00000000a001', NULL)$$,
                 '22023', 'key is required', 'an empty key is refused');
SELECT throws_ok('SELECT key_ciphertext FROM workspace.llm_models', '42501',
                 'permission denied for table llm_models', 'an API role cannot select the ciphertext');
SELECT tests.clear_authentication();
SELECT isnt((SELECT key_ciphertext FROM workspace.llm_models WHERE id = '00000000-0000-4000-8000-00000000a001'),
            :'first_ct'::bytea, 'the same key written twice gives two different ciphertexts');
SELECT ok((SELECT position(convert_to('sk-live-first', 'UTF8') IN key_ciphertext) = 0
             FROM workspace.llm_models WHERE id = '00000000-0000-4000-8000-00000000a001'),
          'the ciphertext does not contain the key');
SELECT is((SELECT get_byte(key_ciphertext, 0) FROM workspace.llm_models WHERE id = '00000000-0000-4000-8000-00000000a001'),
          2, 'the value is an envelope (version 2: wrapped data key + ciphertext)');
SELECT is((SELECT count(*) FROM audit.events
            WHERE action = 'workspace.model_key.set' AND resource_id = '00000000-0000-4000-8000-00000000a001'),
          2::bigint, 'each key write is audited');
SELECT is((SELECT count(*) FROM audit.events
            WHERE details::text LIKE '%sk-live%' OR details::text LIKE '%sk-proj%'
               OR details::text LIKE '%first%'),
          0::bigint, 'no audit event carries a key');
SELECT is((SELECT details ->> 'key_last4' FROM audit.events
            WHERE action = 'workspace.model_key.set' AND resource_id = '00000000-0000-4000-8000-00000000a001'
            ORDER BY id DESC LIMIT 1), 'AAAA', 'only its last four characters, as the catalogue says');
SELECT is((SELECT count(*) FROM pg_catalog.pg_attribute
            WHERE attrelid IN ('api.llm_models'::regclass, 'api.profiles'::regclass)
              AND attname LIKE '%ciphertext%'),
          0::bigint, 'no api view has a ciphertext column');

-- Reveal: the worker only, audited ------------------------------------------------------------
SELECT tests.authenticate_as('neuronplane_worker');
SELECT is(workspace.reveal_llm_model_key('00000000-0000-4000-8000-00000000a001'), 'sk-live-first-AAAA',
          'the worker reads the key in clear');
SELECT throws_ok($$SELECT workspace.reveal_llm_model_key('00000000-0000-4000-8000-00000000a001',
                                                        '00000000-0000-4000-8000-0000000003a0')$$,
                 '42501', 'permission denied: agent 00000000-0000-4000-8000-0000000003a0 may not use model 00000000-0000-4000-8000-00000000a001',
                 'on behalf of an agent without execute on the model: refused');
SELECT tests.clear_authentication();
INSERT INTO identity.policies (subject_id, subject_type, resource_type, resource_id, permission)
VALUES ('00000000-0000-4000-8000-0000000003a0', 'agent', 'project', '00000000-0000-4000-8000-0000000001a0', 'execute');
SELECT tests.authenticate_as('neuronplane_worker');
SELECT is(workspace.reveal_llm_model_key('00000000-0000-4000-8000-00000000a001', '00000000-0000-4000-8000-0000000003a0'),
          'sk-live-first-AAAA', 'for an agent with execute on the project: revealed');
SELECT throws_ok($$SELECT workspace.reveal_llm_model_key('00000000-0000-4000-8000-00000000a002')$$,
                 '55000', 'LLM model 00000000-0000-4000-8000-00000000a002 has no key', 'a model without a key says so');
SELECT throws_ok($$SELECT workspace.reveal_llm_model_key('00000000-0000-4000-8000-00000000ffff')$$,
                 '42704', 'there is no LLM model with id 00000000-0000-4000-8000-00000000ffff', 'a missing model is 42704');
SELECT tests.clear_authentication();
SELECT is((SELECT array_agg(coalesce(principal_id::text, '-') ORDER BY id) FROM audit.events
            WHERE action = 'workspace.model_key.revealed'),
          ARRAY['-', '00000000-0000-4000-8000-0000000003a0'], 'each reveal is audited, naming the agent it was for');
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a0"}');
SELECT throws_ok($$SELECT workspace.reveal_llm_model_key('00000000-0000-4000-8000-00000000a001')$$,
                 '42501', 'permission denied for function reveal_llm_model_key',
                 'not even a platform admin may call reveal through an API role');
SELECT tests.authenticate_as('service', '{"sub": "00000000-0000-4000-8000-0000000003a0"}');
SELECT throws_ok($$SELECT workspace.reveal_llm_model_key('00000000-0000-4000-8000-00000000a001')$$,
                 '42501', 'permission denied for function reveal_llm_model_key', 'nor an agent through the service role');
SELECT tests.clear_authentication();

-- A wrong master key fails loudly; rotation ----------------------------------------------------
SELECT current_setting('neuronplane.key_file') AS real_key_file,
       current_setting('data_directory') || '/np-test-other-master.key' AS other_key_file \gset
DO $$
BEGIN
    EXECUTE format('COPY (SELECT %L) TO %L', encode(extensions.gen_random_bytes(32), 'hex'),
                   current_setting('data_directory') || '/np-test-other-master.key');
END
$$;
SET LOCAL neuronplane.key_file = '/nonexistent/neuronplane/master.key';
SELECT throws_ok($$SELECT workspace.reveal_llm_model_key('00000000-0000-4000-8000-00000000a001')$$,
                 '58P01', 'master key: cannot read the data-encryption key file (No such file or directory)',
                 'a missing master key file is named as such');
SET LOCAL neuronplane.key_file = :'other_key_file';
SELECT throws_like($$SELECT workspace.reveal_llm_model_key('00000000-0000-4000-8000-00000000a001')$$,
                   'a stored secret cannot be decrypted with this master key: the value was encrypted under master key % but the server''s master key is %',
                   'under another master key, reveal fails naming both key ids');
SELECT throws_ok($$SELECT workspace.reveal_llm_model_key('00000000-0000-4000-8000-00000000a001')$$,
                 'F0000', NULL, 'with SQLSTATE F0000');
SELECT throws_ok($$SELECT workspace.rotate_secrets()$$, 'F0000', NULL,
                 'rotation without the old key file fails as a whole');
SELECT is((SELECT (workspace.rotate_secrets(:'real_key_file')) ->> 'llm_model_keys'), '2',
          'with the old key file given, rotation moves both keys to the new master key');
SELECT is(workspace.reveal_llm_model_key('00000000-0000-4000-8000-00000000a001'), 'sk-live-first-AAAA',
          'the key opens under the new master key');
SET LOCAL neuronplane.key_file = :'real_key_file';
SELECT throws_ok($$SELECT workspace.reveal_llm_model_key('00000000-0000-4000-8000-00000000a001')$$,
                 'F0000', NULL, 'and no longer under the old one');
SELECT key_ciphertext AS before_rotation FROM workspace.llm_models WHERE id = '00000000-0000-4000-8000-00000000a001' \gset
SELECT lives_ok($$SELECT workspace.rotate_secrets(current_setting('data_directory') || '/np-test-other-master.key')$$,
                'rotating back to the server''s key');
SELECT isnt((SELECT key_ciphertext FROM workspace.llm_models WHERE id = '00000000-0000-4000-8000-00000000a001'),
            :'before_rotation'::bytea, 'rotation re-encrypts (a new ciphertext)');
SELECT is(workspace.reveal_llm_model_key('00000000-0000-4000-8000-00000000a001'), 'sk-live-first-AAAA',
          'and the key opens again under the server''s key');
SELECT is((SELECT count(*) FROM audit.events WHERE action = 'workspace.secrets.rotated'), 2::bigint,
          'each rotation is audited');
UPDATE workspace.llm_models SET key_ciphertext = (SELECT key_ciphertext FROM workspace.llm_models
                                                   WHERE model_name = 'gpt-4.1')
 WHERE id = '00000000-0000-4000-8000-00000000a001';
SELECT throws_ok($$SELECT workspace.reveal_llm_model_key('00000000-0000-4000-8000-00000000a001')$$,
                 '39000', 'a stored secret cannot be decrypted: it was altered or moved to another row',
                 'a ciphertext copied from another row does not open');

-- Changing and deleting ------------------------------------------------------------------------
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a2"}');
WITH d AS (UPDATE api.llm_models SET display_name = 'Claude'
                                  WHERE id = '00000000-0000-4000-8000-00000000a002' RETURNING 1)
SELECT is(count(*), 1::bigint, 'a member renames a model') FROM d;
SELECT throws_ok($$UPDATE api.llm_models SET config = '{"token": "x"}' WHERE id = '00000000-0000-4000-8000-00000000a002'$$,
                 '22023', 'config must not hold secrets: token looks like one', 'a secret in config is refused on update too');
SELECT throws_ok($$UPDATE workspace.llm_models SET key_last4 = 'XXXX'$$, '42501',
                 'permission denied for table llm_models', 'key columns cannot be written directly');
WITH d AS (DELETE FROM api.llm_models WHERE id = '00000000-0000-4000-8000-00000000b001' RETURNING 1)
SELECT is(count(*), 0::bigint, 'another organization''s model cannot be deleted') FROM d;
WITH d AS (DELETE FROM api.llm_models WHERE id = '00000000-0000-4000-8000-00000000a002' RETURNING 1)
SELECT is(count(*), 1::bigint, 'a member deletes a model of its project') FROM d;
SELECT tests.clear_authentication();
SELECT is((SELECT count(*) FROM identity.resource_scopes WHERE resource_id = '00000000-0000-4000-8000-00000000a002'),
          0::bigint, 'the deleted model''s resource scope went with it');
SELECT is((SELECT array_agg(action ORDER BY id) FROM audit.events
            WHERE resource_id = '00000000-0000-4000-8000-00000000a002'),
          ARRAY['workspace.llm_model.created', 'workspace.llm_model.updated', 'workspace.llm_model.deleted'],
          'creation, change and deletion are audited');

SELECT * FROM finish();
ROLLBACK;
