-- NeuronAgent's identity tables (schema neurondb_agent in NeuronAgent) as its migration 014
-- (unified identity model) left them, with messy data: user principals named by
-- NeuronDesktop user ids or usernames, an email that differs only in case, organization
-- keys, keys whose principal is gone or was never set, roles the unified model does not
-- know, bcrypt hashes.
--
-- Loaded by tests/pgtap/30-legacy-import.sql (inside its transaction) and by anyone who
-- wants to try identity.import_legacy() on a scratch database; never by sqitch. A real
-- migration restores the old tables into schema legacy_agent instead (see
-- docs/legacy-migration.md). No transaction control here: the caller decides.
--
-- The shape below is THE legacy shape import_legacy() reads. It needs the columns marked
-- "required"; the others may be missing (NeuronAgent before 014 lacked some of them).
-- Some rows refer to sql/legacy/neurondesktop.sql's users and profiles.

CREATE SCHEMA legacy_agent;
COMMENT ON SCHEMA legacy_agent IS
    'NeuronAgent''s old identity tables, restored for identity.import_legacy(); drop it once imported.';

CREATE TABLE legacy_agent.principals (
    id         uuid PRIMARY KEY,                        -- required
    type       text NOT NULL                            -- required
               CHECK (type IN ('user', 'org', 'agent', 'tool', 'dataset', 'service_account')),
    name       text NOT NULL,                           -- required; a user's is its NeuronDesktop id
    metadata   jsonb DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT unique_principal_name_per_type UNIQUE (type, name)
);

-- Before 014 a key named its owner by organization_id or user_id (text); 014 linked most
-- of them to a principal.
CREATE TABLE legacy_agent.api_keys (
    id                    uuid PRIMARY KEY,             -- required
    key_hash              text NOT NULL UNIQUE,         -- required; bcrypt of the whole key
    key_prefix            text NOT NULL,                -- required; its first 8 characters
    organization_id       text,
    user_id               text,
    rate_limit_per_minute integer DEFAULT 60,
    roles                 text[] DEFAULT '{user}',
    metadata              jsonb DEFAULT '{}',
    created_at            timestamptz NOT NULL DEFAULT now(),
    last_used_at          timestamptz,
    expires_at            timestamptz,
    principal_id          uuid REFERENCES legacy_agent.principals (id) ON DELETE SET NULL,
    principal_type        text,
    project_id            text,                         -- a NeuronDesktop profile id, as text
    CONSTRAINT valid_roles CHECK (array_length(roles, 1) > 0)
);

INSERT INTO legacy_agent.principals (id, type, name, metadata, created_at) VALUES
    -- Named by NeuronDesktop user id and by NeuronDesktop username: the same people.
    ('b0000000-0000-4000-8000-000000000001', 'user', 'user_42', '{}', '2024-01-07 00:00+00'),
    ('b0000000-0000-4000-8000-000000000002', 'user', 'bob', '{}', '2024-02-13 00:00+00'),
    -- Known to NeuronAgent only; then again under another name, with the same email in
    -- other case.
    ('b0000000-0000-4000-8000-000000000003', 'user', 'frank', '{"email": "frank@example.com"}',
     '2024-04-02 00:00+00'),
    ('b0000000-0000-4000-8000-000000000004', 'user', 'Frank@Example.com', '{"email": "FRANK@example.COM"}',
     '2024-05-02 00:00+00'),
    -- One organization, twice.
    ('b0000000-0000-4000-8000-000000000005', 'org', 'acme', '{"plan": "team"}', '2024-01-01 00:00+00'),
    ('b0000000-0000-4000-8000-000000000006', 'org', 'Acme', '{}', '2024-06-01 00:00+00'),
    ('b0000000-0000-4000-8000-000000000007', 'service_account', 'indexer', '{"owner": "platform team"}',
     '2024-02-20 00:00+00'),
    -- Agents and tools belong to projects in the unified model; these name none.
    ('b0000000-0000-4000-8000-000000000008', 'agent', 'support-bot', '{}', '2024-03-01 00:00+00'),
    ('b0000000-0000-4000-8000-000000000009', 'tool', 'web_search', '{}', '2024-03-02 00:00+00');

INSERT INTO legacy_agent.api_keys (id, key_hash, key_prefix, organization_id, user_id,
                                   rate_limit_per_minute, roles, metadata, created_at,
                                   last_used_at, expires_at, principal_id, principal_type,
                                   project_id) VALUES
    ('c0000000-0000-4000-8000-000000000001',
     '$2a$10$AgentAliceAgentAliceAuQ1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h', 'bmFfYWxp',
     NULL, 'user_42', 60, '{user}', '{}', '2024-01-07 00:00+00', '2024-06-30 00:00+00', NULL,
     'b0000000-0000-4000-8000-000000000001', 'user', NULL),
    ('c0000000-0000-4000-8000-000000000002',
     encode(sha256(convert_to('legacy-key-indexer-1', 'UTF8')), 'hex'), 'bmFfaW5k',
     NULL, NULL, 600, '{service}', '{"name": "indexer (prod)"}', '2024-02-20 00:00+00', NULL, NULL,
     'b0000000-0000-4000-8000-000000000007', 'service_account', NULL),
    -- Organization keys: linked by 014, and not linked at all.
    ('c0000000-0000-4000-8000-000000000003',
     '$2a$10$AcmeAcmeAcmeAcmeAcmeAuQ1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h', 'bmFfYWNt',
     'acme', NULL, 60, '{admin}', '{}', '2024-01-01 00:00+00', NULL, NULL,
     'b0000000-0000-4000-8000-000000000005', 'org', NULL),
    ('c0000000-0000-4000-8000-000000000005',
     '$2a$10$AcmeOldAcmeOldAcmeOluQ1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h', 'bmFfYWMy',
     'acme', NULL, 60, '{user}', '{}', '2023-12-01 00:00+00', NULL, NULL, NULL, NULL, NULL),
    -- Its user was never a principal and is not a NeuronDesktop user.
    ('c0000000-0000-4000-8000-000000000004',
     '$2a$10$NobodyNobodyNobodyNobuQ1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h', 'bmFfbm9i',
     NULL, 'nobody', 60, '{user}', '{}', '2023-12-02 00:00+00', NULL, NULL, NULL, NULL, NULL),
    -- Its principal (an agent) is not imported.
    ('c0000000-0000-4000-8000-000000000006',
     '$2a$10$SupportBotSupportBotSuQ1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h', 'bmFfc3Vw',
     NULL, NULL, 60, '{user}', '{}', '2024-03-01 00:00+00', NULL, NULL,
     'b0000000-0000-4000-8000-000000000008', NULL, NULL),
    -- bob's key, limited to his Analytics profile; one role the unified model does not
    -- know; expired.
    ('c0000000-0000-4000-8000-000000000007',
     encode(sha256(convert_to('legacy-key-bob-agent', 'UTF8')), 'hex'), 'bmFfYm9i',
     NULL, 'bob', 120, '{admin,user,superuser}', '{}', '2024-02-14 00:00+00', NULL,
     '2024-12-31 00:00+00', 'b0000000-0000-4000-8000-000000000002', 'user',
     '5d1f0a10-0000-4000-8000-000000000004'),
    -- The key of frank's second principal (merged into the first by email).
    ('c0000000-0000-4000-8000-000000000008',
     encode(sha256(convert_to('legacy-key-frank-2', 'UTF8')), 'hex'), 'bmFfZnIy',
     NULL, NULL, 60, '{user}', '{}', '2024-05-02 00:00+00', NULL, NULL,
     'b0000000-0000-4000-8000-000000000004', 'user', NULL),
    -- No principal, but its user_id is a NeuronDesktop user; no known role.
    ('c0000000-0000-4000-8000-000000000009',
     '$2a$10$DaveAgentDaveAgentDavuQ1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h', 'bmFfZGF2',
     NULL, 'dave', NULL, '{auditor}', '{}', '2024-03-22 00:00+00', NULL, NULL, NULL, NULL, NULL),
    -- Limited to a project that never existed in NeuronDesktop.
    ('c0000000-0000-4000-8000-00000000000a',
     '$2a$10$FrankFrankFrankFrankFuQ1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h', 'bmFfZnIx',
     NULL, NULL, 60, '{user}', '{}', '2024-04-03 00:00+00', NULL, NULL,
     'b0000000-0000-4000-8000-000000000003', 'user', 'not-a-profile');
