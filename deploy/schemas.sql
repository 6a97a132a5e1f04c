-- Deploy neuronplane:schemas to pg

BEGIN;

CREATE SCHEMA identity   AUTHORIZATION neuronplane_owner;
CREATE SCHEMA auth       AUTHORIZATION neuronplane_owner;
CREATE SCHEMA audit      AUTHORIZATION neuronplane_owner;
CREATE SCHEMA workspace  AUTHORIZATION neuronplane_owner;
CREATE SCHEMA ops        AUTHORIZATION neuronplane_owner;
CREATE SCHEMA api        AUTHORIZATION neuronplane_owner;
CREATE SCHEMA internal   AUTHORIZATION neuronplane_owner;
CREATE SCHEMA extensions AUTHORIZATION neuronplane_owner;

COMMENT ON SCHEMA identity   IS 'Organizations, users, projects (profiles), service accounts, principals, API keys, policies.';
COMMENT ON SCHEMA auth       IS 'Credentials, sessions, refresh tokens, OIDC login attempts, signing keys, rate limits, settings.';
COMMENT ON SCHEMA audit      IS 'The append-only, hash-chained audit log.';
COMMENT ON SCHEMA workspace  IS 'LLM models and their encrypted keys, datasets, ingestion jobs.';
COMMENT ON SCHEMA ops        IS 'Read-only health, index, worker and usage views.';
COMMENT ON SCHEMA api        IS 'The HTTP surface exposed by PostgREST: security_invoker views and RPC functions, nothing stored.';
COMMENT ON SCHEMA internal   IS 'Helpers that no API role may call.';
COMMENT ON SCHEMA extensions IS 'Extensions (pgcrypto, citext, plpgsql_check), kept out of schema public.';

-- USAGE only where a role needs it. Later changes grant more, object by object.
GRANT USAGE ON SCHEMA api TO anon, authenticated, service, neuronplane_worker;
GRANT USAGE ON SCHEMA extensions TO anon, authenticated, service, neuronplane_worker;

COMMIT;
