-- NeuronDesktop's identity tables as they were before its migration 008 (unified identity
-- model), with the kind of data that made that migration fail: text user ids (some
-- uuid-looking, some not), emails and usernames that differ only in case, API keys and a
-- profile whose user no longer exists, DSNs holding passwords, malformed mcp_config
-- values, and API keys hashed with bcrypt.
--
-- Loaded by tests/pgtap/30-legacy-import.sql (inside its transaction) and by anyone who
-- wants to try identity.import_legacy() on a scratch database; never by sqitch. A real
-- migration restores the old tables into schema legacy_desktop instead (see
-- docs/legacy-migration.md). No transaction control here: the caller decides.
--
-- The shape below is THE legacy shape import_legacy() reads. It needs the columns marked
-- "required"; the others may be missing (older NeuronDesktop versions lacked them).

CREATE SCHEMA legacy_desktop;
COMMENT ON SCHEMA legacy_desktop IS
    'NeuronDesktop''s old identity tables, restored for identity.import_legacy(); drop it once imported.';

-- Accounts. id is TEXT: early versions used whatever the login form produced.
CREATE TABLE legacy_desktop.users (
    id            text PRIMARY KEY,                     -- required
    username      text NOT NULL UNIQUE,                 -- required; unique only case-sensitively
    email         text,                                 -- never checked, never unique
    password_hash text,                                 -- bcrypt; not imported
    is_admin      boolean NOT NULL DEFAULT false,
    metadata      jsonb DEFAULT '{}',
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- Profiles: a NeuronDB connection, an MCP server and an agent endpoint. user_id is TEXT and
-- holds a user's id or, in rows written by older clients, a username.
CREATE TABLE legacy_desktop.profiles (
    id                 uuid PRIMARY KEY,                -- required
    name               text NOT NULL,                   -- required
    user_id            text NOT NULL,                   -- required
    mcp_config         jsonb,
    neurondb_dsn       text NOT NULL,
    agent_endpoint     text,
    agent_api_key      text,                            -- clear text; not imported
    default_collection text,
    is_default         boolean NOT NULL DEFAULT false,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);

-- API keys: the first 8 characters of the key, and a bcrypt hash of the whole key (some
-- rows written by other tools hold a hex or base64 SHA-256 digest instead). user_id was
-- never a foreign key, so keys outlive their users.
CREATE TABLE legacy_desktop.api_keys (
    id           uuid PRIMARY KEY,                      -- required
    key_hash     text NOT NULL,                         -- required
    key_prefix   text NOT NULL UNIQUE,                  -- required
    user_id      text NOT NULL,                         -- required
    profile_id   uuid REFERENCES legacy_desktop.profiles (id) ON DELETE SET NULL,
    name         text,
    rate_limit   integer NOT NULL DEFAULT 100,          -- requests per minute
    last_used_at timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    revoked_at   timestamptz
);

INSERT INTO legacy_desktop.users (id, username, email, password_hash, is_admin, metadata, created_at) VALUES
    ('8b0b5a4e-2f6c-4c1e-9a57-3f1d2e4c5a01', 'admin', 'admin@example.com',
     '$2a$10$7EqJtq98hPqEX7fNZaFWoOa5gBfiKq/8vCdwyMyCwnAQxdt2nGq3i', true, '{}', '2024-01-02 09:00+00'),
    -- alice signed up twice: once as user_42, once (later) with the id "alice" and her
    -- email in other case. The import merges the second account into the first.
    ('user_42', 'alice', 'alice@example.com',
     '$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy', false,
     '{"team": "search"}', '2024-01-05 10:00+00'),
    ('alice', 'Alice.W', 'Alice@Example.COM',
     '$2a$10$Zk8vJkK1u6m5p0Zc0QZB7e6t3q5xJ0y6c1d9jW2wQfGm1sC4eRk2y', false, '{}', '2024-02-01 08:30+00'),
    -- Two different people whose usernames differ only in case.
    ('bob', 'bob', 'bob@example.com',
     '$2a$10$3euPcmQFCiblsZeEu5s7p.9OVHgeHWFDk9nhMqZ0m/3pd/lhwZgES', false, NULL, '2024-02-10 12:00+00'),
    ('c3f1e2d4-0000-4000-8000-00000000b0b2', 'Bob', 'robert@example.net',
     '$2a$10$kTRt0jVq3R0tB4lC5mG9ZuW3x4c5v6b7n8m9a0s1d2f3g4h5j6k7l', false, '{}', '2024-03-01 15:45+00'),
    -- A username and an email the unified model does not accept.
    ('carol smith', 'carol smith', 'carol@',
     NULL, false, '[]', '2024-03-12 11:00+00'),
    ('dave', 'dave', NULL,
     '$2a$10$abcdefghijklmnopqrstuuP1/2QwErTyUiOpAsDfGhJkLzXcVbNm.', false, '{}', '2024-03-20 07:15+00'),
    -- erin's old account is the older one; the newer one is a platform administrator.
    ('erin', 'erin', 'ERIN@example.org',
     '$2a$10$0123456789abcdefghijkuVwXyZ0123456789ABCDEFGHIJKLMNOP', true, '{}', '2024-04-01 09:00+00'),
    ('erin2', 'erin.old', 'erin@EXAMPLE.org',
     '$2a$10$ZYXWVUTSRQPONMLKJIHGFeDcBa9876543210zyxwvutsrqponmlkj', false, '{}', '2023-12-01 09:00+00');

INSERT INTO legacy_desktop.profiles (id, name, user_id, mcp_config, neurondb_dsn, agent_endpoint,
                                     agent_api_key, default_collection, is_default, created_at) VALUES
    -- The MCP server's env repeats the DSN's password, as NeuronDesktop's setup wrote it.
    ('5d1f0a10-0000-4000-8000-000000000001', 'Default', '8b0b5a4e-2f6c-4c1e-9a57-3f1d2e4c5a01',
     '{"command": "/usr/local/bin/neurondb-mcp", "args": [],
       "env": {"NEURONDB_HOST": "db.internal", "NEURONDB_PASSWORD": "S3cr3t-Adm1n"}}',
     'postgresql://neurondb:S3cr3t-Adm1n@db.internal:5432/neurondb?sslmode=require',
     'http://agent.internal:8080', NULL, 'documents', true, '2024-01-02 09:05+00'),
    -- args must be an array.
    ('5d1f0a10-0000-4000-8000-000000000002', 'Default', 'user_42',
     '{"command": "neurondb-mcp", "args": "--verbose"}',
     'host=localhost port=5432 dbname=neurondb user=alice password=''al1ce pw''',
     NULL, NULL, NULL, true, '2024-01-05 10:05+00'),
    -- Written by an old client that stored the user's id "alice" (her second account);
    -- mcp_config is JSON encoded twice (a JSON string).
    ('5d1f0a10-0000-4000-8000-000000000003', 'default', 'alice',
     '"{\"command\": \"neurondb-mcp\"}"',
     'postgres://alice@localhost/neurondb',
     NULL, NULL, NULL, false, '2024-02-01 08:35+00'),
    -- A percent-encoded password, an endpoint without scheme, a clear-text agent key.
    ('5d1f0a10-0000-4000-8000-000000000004', 'Analytics', 'bob',
     '{"command": "neurondb-mcp", "args": ["--readonly"], "env": {"NEURONDB_DATABASE": "warehouse"}}',
     'postgresql://bob:p%40ss%2Fw0rd@analytics.internal/warehouse',
     'agent.internal:8080', 'agent-key-bob-plaintext', 'events', false, '2024-02-10 12:05+00'),
    -- Its user was deleted long ago.
    ('5d1f0a10-0000-4000-8000-000000000005', 'Orphaned profile', 'ghost',
     NULL,
     'postgresql://ghost:gh0st-pw@old-db/neurondb',
     NULL, NULL, NULL, false, '2023-11-01 00:00+00'),
    -- user_id holds a username ("Bob", not "bob"); env values must be strings.
    ('5d1f0a10-0000-4000-8000-000000000006', 'Scratch', 'Bob',
     '{"command": "neurondb-mcp", "env": {"NEURONDB_PORT": 5432}}',
     'postgresql://localhost/scratch',
     NULL, NULL, NULL, false, '2024-03-01 16:00+00'),
    ('5d1f0a10-0000-4000-8000-000000000007', 'Reports', 'c3f1e2d4-0000-4000-8000-00000000b0b2',
     NULL,
     'host=reports.internal dbname=reports user=rob password=r0b-Secret sslmode=require',
     'https://agent.example.net/v1', NULL, NULL, false, '2024-03-02 09:00+00');

INSERT INTO legacy_desktop.api_keys (id, key_hash, key_prefix, user_id, profile_id, name, rate_limit,
                                     last_used_at, created_at, revoked_at) VALUES
    ('a0000000-0000-4000-8000-000000000001',
     '$2a$10$Dq7o1wUQWq4eC1VtVwH2Ce0m8x0rWb1o2Zr3Qk4Yp5Xn6Ml7Kj8Hi', 'Qm9vdHN0',
     '8b0b5a4e-2f6c-4c1e-9a57-3f1d2e4c5a01', NULL, 'ci pipeline', 1000,
     '2024-06-01 00:00+00', '2024-01-03 00:00+00', NULL),
    -- Written by a tool that stored a hex SHA-256 of the key: it can keep working.
    ('a0000000-0000-4000-8000-000000000002',
     encode(sha256(convert_to('legacy-key-alice-1', 'UTF8')), 'hex'), 'bGVnYWN5',
     'user_42', NULL, NULL, 100, NULL, '2024-01-06 00:00+00', NULL),
    -- Belongs to alice's second account (merged): a base64 SHA-256.
    ('a0000000-0000-4000-8000-000000000003',
     encode(sha256(convert_to('legacy-key-alice-2', 'UTF8')), 'base64'), 'YWxpY2Uy',
     'alice', NULL, 'laptop', 100, NULL, '2024-02-02 00:00+00', NULL),
    -- Orphans: their users are gone.
    ('a0000000-0000-4000-8000-000000000004',
     '$2a$10$Gh0stGh0stGh0stGh0stGuQ1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h', 'Z2hvc3Qx',
     'ghost', NULL, 'old script', 100, '2023-11-02 00:00+00', '2023-11-01 00:00+00', NULL),
    ('a0000000-0000-4000-8000-000000000005',
     '$2a$10$Us3r7Us3r7Us3r7Us3r7UeQ1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h', 'dXNlcl83',
     'user_7', NULL, NULL, 100, NULL, '2023-10-01 00:00+00', NULL),
    -- An unsalted MD5, from a script nobody remembers.
    ('a0000000-0000-4000-8000-000000000006',
     '5f4dcc3b5aa765d61d8327deb882cf99', 'Ym9iLWFu',
     'bob', '5d1f0a10-0000-4000-8000-000000000004', 'analytics', 300, NULL, '2024-02-11 00:00+00', NULL),
    -- Revoked in NeuronDesktop already.
    ('a0000000-0000-4000-8000-000000000007',
     encode(sha256(convert_to('legacy-key-bob-old', 'UTF8')), 'hex'), 'Ym9iLW9s',
     'bob', NULL, 'old laptop', 100, NULL, '2024-02-12 00:00+00', '2024-05-01 00:00+00'),
    -- Limited to a profile that is not imported (its user is gone).
    ('a0000000-0000-4000-8000-000000000008',
     '$2a$10$DaveDaveDaveDaveDaveDuQ1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h', 'ZGF2ZS1v',
     'dave', '5d1f0a10-0000-4000-8000-000000000005', NULL, 100, NULL, '2024-03-21 00:00+00', NULL),
    -- user_id holds a username; no rate limit (0); a base64url SHA-256 without padding.
    ('a0000000-0000-4000-8000-000000000009',
     rtrim(translate(encode(sha256(convert_to('legacy-key-rob-1', 'UTF8')), 'base64'), '+/', '-_'), '='),
     'cm9iLTEx', 'Bob', NULL, 'rob''s key', 0, NULL, '2024-03-03 00:00+00', NULL);
