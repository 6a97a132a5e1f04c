-- The schema of a freshly deployed neuronplane database: pg_dump --schema-only,
-- written by `neuronplane schema-dump`. Not a migration; sqitch.plan deploys.
--
-- PostgreSQL database dump
--



SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: api; Type: SCHEMA; Schema: -; Owner: neuronplane_owner
--

CREATE SCHEMA api;


ALTER SCHEMA api OWNER TO neuronplane_owner;

--
-- Name: SCHEMA api; Type: COMMENT; Schema: -; Owner: neuronplane_owner
--

COMMENT ON SCHEMA api IS 'The HTTP surface exposed by PostgREST: security_invoker views and RPC functions, nothing stored.';


--
-- Name: audit; Type: SCHEMA; Schema: -; Owner: neuronplane_owner
--

CREATE SCHEMA audit;


ALTER SCHEMA audit OWNER TO neuronplane_owner;

--
-- Name: SCHEMA audit; Type: COMMENT; Schema: -; Owner: neuronplane_owner
--

COMMENT ON SCHEMA audit IS 'The append-only, hash-chained audit log.';


--
-- Name: auth; Type: SCHEMA; Schema: -; Owner: neuronplane_owner
--

CREATE SCHEMA auth;


ALTER SCHEMA auth OWNER TO neuronplane_owner;

--
-- Name: SCHEMA auth; Type: COMMENT; Schema: -; Owner: neuronplane_owner
--

COMMENT ON SCHEMA auth IS 'Credentials, sessions, refresh tokens, OIDC login attempts, signing keys, rate limits, settings.';


--
-- Name: pg_cron; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pg_cron WITH SCHEMA public;


--
-- Name: EXTENSION pg_cron; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION pg_cron IS 'Job scheduler for PostgreSQL';


--
-- Name: extensions; Type: SCHEMA; Schema: -; Owner: neuronplane_owner
--

CREATE SCHEMA extensions;


ALTER SCHEMA extensions OWNER TO neuronplane_owner;

--
-- Name: SCHEMA extensions; Type: COMMENT; Schema: -; Owner: neuronplane_owner
--

COMMENT ON SCHEMA extensions IS 'Extensions (pgcrypto, citext, plpgsql_check), kept out of schema public.';


--
-- Name: hooks; Type: SCHEMA; Schema: -; Owner: neuronplane_owner
--

CREATE SCHEMA hooks;


ALTER SCHEMA hooks OWNER TO neuronplane_owner;

--
-- Name: SCHEMA hooks; Type: COMMENT; Schema: -; Owner: neuronplane_owner
--

COMMENT ON SCHEMA hooks IS 'Functions PostgREST calls around requests (db-pre-request, db-pre-config); not exposed as endpoints.';


--
-- Name: identity; Type: SCHEMA; Schema: -; Owner: neuronplane_owner
--

CREATE SCHEMA identity;


ALTER SCHEMA identity OWNER TO neuronplane_owner;

--
-- Name: SCHEMA identity; Type: COMMENT; Schema: -; Owner: neuronplane_owner
--

COMMENT ON SCHEMA identity IS 'Organizations, users, projects (profiles), service accounts, principals, API keys, policies.';


--
-- Name: internal; Type: SCHEMA; Schema: -; Owner: neuronplane_owner
--

CREATE SCHEMA internal;


ALTER SCHEMA internal OWNER TO neuronplane_owner;

--
-- Name: SCHEMA internal; Type: COMMENT; Schema: -; Owner: neuronplane_owner
--

COMMENT ON SCHEMA internal IS 'Helpers that no API role may call.';


--
-- Name: ops; Type: SCHEMA; Schema: -; Owner: neuronplane_owner
--

CREATE SCHEMA ops;


ALTER SCHEMA ops OWNER TO neuronplane_owner;

--
-- Name: SCHEMA ops; Type: COMMENT; Schema: -; Owner: neuronplane_owner
--

COMMENT ON SCHEMA ops IS 'Read-only health, index, worker and usage views.';


--
-- Name: workspace; Type: SCHEMA; Schema: -; Owner: neuronplane_owner
--

CREATE SCHEMA workspace;


ALTER SCHEMA workspace OWNER TO neuronplane_owner;

--
-- Name: SCHEMA workspace; Type: COMMENT; Schema: -; Owner: neuronplane_owner
--

COMMENT ON SCHEMA workspace IS 'LLM models and their encrypted keys, datasets, ingestion jobs.';


--
-- Name: plpython3u; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS plpython3u WITH SCHEMA pg_catalog;


--
-- Name: EXTENSION plpython3u; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION plpython3u IS 'PL/Python3U untrusted procedural language';


--
-- Name: citext; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA extensions;


--
-- Name: EXTENSION citext; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION citext IS 'data type for case-insensitive character strings';


--
-- Name: dblink; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS dblink WITH SCHEMA extensions;


--
-- Name: EXTENSION dblink; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION dblink IS 'connect to other PostgreSQL databases from within a database';


--
-- Name: pgcrypto; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA extensions;


--
-- Name: EXTENSION pgcrypto; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION pgcrypto IS 'cryptographic functions';


--
-- Name: plpgsql_check; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS plpgsql_check WITH SCHEMA extensions;


--
-- Name: EXTENSION plpgsql_check; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION plpgsql_check IS 'extended check for plpgsql functions';


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: org_memberships; Type: TABLE; Schema: identity; Owner: neuronplane_owner
--

CREATE TABLE identity.org_memberships (
    org_id uuid NOT NULL,
    user_id uuid NOT NULL,
    role text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE ONLY identity.org_memberships FORCE ROW LEVEL SECURITY;


ALTER TABLE identity.org_memberships OWNER TO neuronplane_owner;

--
-- Name: TABLE org_memberships; Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON TABLE identity.org_memberships IS 'Who belongs to which organization, as owner, admin, member or viewer. An organization keeps at least one owner.';


--
-- Name: memberships; Type: VIEW; Schema: api; Owner: neuronplane_owner
--

CREATE VIEW api.memberships WITH (security_invoker='true') AS
 SELECT m.org_id,
    m.user_id,
    m.role,
    m.created_at,
    m.updated_at
   FROM identity.org_memberships m;


ALTER TABLE api.memberships OWNER TO neuronplane_owner;

--
-- Name: VIEW memberships; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON VIEW api.memberships IS 'Members of the organizations you can read. Invite with /rpc/invite_member (a person becomes a member by accepting); change with /rpc/change_member_role and /rpc/remove_member.';


--
-- Name: COLUMN memberships.org_id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.memberships.org_id IS 'The organization.';


--
-- Name: COLUMN memberships.user_id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.memberships.user_id IS 'The member.';


--
-- Name: COLUMN memberships.role; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.memberships.role IS 'owner, admin, member or viewer.';


--
-- Name: COLUMN memberships.created_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.memberships.created_at IS 'When the user joined.';


--
-- Name: COLUMN memberships.updated_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.memberships.updated_at IS 'When the role last changed.';


--
-- Name: accept_invitation(uuid); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.accept_invitation(invitation_id uuid) RETURNS api.memberships
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    result api.memberships;
BEGIN
    PERFORM identity.accept_invitation(invitation_id);
    SELECT m.* INTO result
      FROM api.memberships m JOIN api.invitations i ON i.org_id = m.org_id
     WHERE i.id = invitation_id AND m.user_id = identity.current_principal_id();
    RETURN result;
END
$$;


ALTER FUNCTION api.accept_invitation(invitation_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION accept_invitation(invitation_id uuid); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.accept_invitation(invitation_id uuid) IS 'Accept an invitation addressed to you (your user id or your e-mail address): you become a member with its role. Answers the membership. Errors: 42704 no such invitation for you, PT409 (HTTP 409) expired, revoked or already answered, 23505 already a member, 42501 disabled or an API key without the admin role.';


--
-- Name: llm_models; Type: TABLE; Schema: workspace; Owner: neuronplane_owner
--

CREATE TABLE workspace.llm_models (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    project_id uuid NOT NULL,
    provider text NOT NULL,
    model_name text NOT NULL,
    display_name text,
    config jsonb DEFAULT '{}'::jsonb NOT NULL,
    key_ciphertext bytea,
    key_last4 text,
    key_updated_at timestamp with time zone,
    created_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT llm_models_config_check CHECK ((jsonb_typeof(config) = 'object'::text)),
    CONSTRAINT llm_models_display_name_check CHECK ((length(display_name) <= 200)),
    CONSTRAINT llm_models_key_check CHECK ((((key_ciphertext IS NULL) = (key_last4 IS NULL)) AND ((key_ciphertext IS NULL) = (key_updated_at IS NULL)))),
    CONSTRAINT llm_models_key_last4_check CHECK ((length(key_last4) <= 4)),
    CONSTRAINT llm_models_model_name_check CHECK (((btrim(model_name) = model_name) AND (model_name <> ''::text) AND (length(model_name) <= 200) AND (model_name !~ '[[:cntrl:]/]'::text))),
    CONSTRAINT llm_models_provider_check CHECK ((provider = ANY (ARRAY['openai'::text, 'anthropic'::text, 'huggingface'::text, 'local'::text])))
);

ALTER TABLE ONLY workspace.llm_models FORCE ROW LEVEL SECURITY;


ALTER TABLE workspace.llm_models OWNER TO neuronplane_owner;

--
-- Name: TABLE llm_models; Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON TABLE workspace.llm_models IS 'LLM models of a project (OpenAI, Anthropic, HuggingFace, local) with their provider key, stored envelope-encrypted; rows are resources of type model.';


--
-- Name: COLUMN llm_models.key_ciphertext; Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON COLUMN workspace.llm_models.key_ciphertext IS 'The provider key, envelope-encrypted (internal.envelope_seal, context workspace.llm_models.key:<id>); no API role may select it.';


--
-- Name: COLUMN llm_models.key_last4; Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON COLUMN workspace.llm_models.key_last4 IS 'The last four characters of the key, to recognise it.';


--
-- Name: llm_models; Type: VIEW; Schema: api; Owner: neuronplane_owner
--

CREATE VIEW api.llm_models WITH (security_invoker='true') AS
 SELECT m.id,
    m.project_id,
    m.provider,
    m.model_name,
    m.display_name,
    m.config,
    (m.key_last4 IS NOT NULL) AS has_key,
    m.key_last4,
    m.key_updated_at,
    m.created_by,
    m.created_at,
    m.updated_at
   FROM workspace.llm_models m;


ALTER TABLE api.llm_models OWNER TO neuronplane_owner;

--
-- Name: VIEW llm_models; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON VIEW api.llm_models IS 'LLM models of the projects (profiles) you may read; filter with ?project_id=eq.<id>. Add with POST /rpc/add_llm_model (or POST here with Prefer: return=minimal; needs write on the project); PATCH display_name or config and DELETE need write on the model. Keys are set with /rpc/set_llm_model_key and never shown, only their last four characters.';


--
-- Name: COLUMN llm_models.id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.llm_models.id IS 'Model id.';


--
-- Name: COLUMN llm_models.project_id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.llm_models.project_id IS 'The project (profile) it belongs to.';


--
-- Name: COLUMN llm_models.provider; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.llm_models.provider IS 'openai, anthropic, huggingface or local.';


--
-- Name: COLUMN llm_models.model_name; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.llm_models.model_name IS 'The provider''s model name, unique in the project (e.g. gpt-4o).';


--
-- Name: COLUMN llm_models.display_name; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.llm_models.display_name IS 'Name shown to people.';


--
-- Name: COLUMN llm_models.config; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.llm_models.config IS 'Free-form JSON object (base URL, temperature, ...); no secrets.';


--
-- Name: COLUMN llm_models.has_key; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.llm_models.has_key IS 'True when a provider key is stored.';


--
-- Name: COLUMN llm_models.key_last4; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.llm_models.key_last4 IS 'The last four characters of the stored key.';


--
-- Name: COLUMN llm_models.key_updated_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.llm_models.key_updated_at IS 'When the key was last set.';


--
-- Name: COLUMN llm_models.created_by; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.llm_models.created_by IS 'The principal that added the model.';


--
-- Name: COLUMN llm_models.created_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.llm_models.created_at IS 'When it was added.';


--
-- Name: COLUMN llm_models.updated_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.llm_models.updated_at IS 'When it last changed.';


--
-- Name: add_llm_model(uuid, text, text, text, jsonb, text); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.add_llm_model(project_id uuid, provider text, model_name text, display_name text DEFAULT NULL::text, config jsonb DEFAULT '{}'::jsonb, key text DEFAULT NULL::text) RETURNS api.llm_models
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    new_id uuid := workspace.add_llm_model(project_id, provider, model_name, display_name, config, key);
    result api.llm_models;
BEGIN
    SELECT * INTO result FROM api.llm_models x WHERE x.id = new_id;
    RETURN result;
END
$$;


ALTER FUNCTION api.add_llm_model(project_id uuid, provider text, model_name text, display_name text, config jsonb, key text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION add_llm_model(project_id uuid, provider text, model_name text, display_name text, config jsonb, key text); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.add_llm_model(project_id uuid, provider text, model_name text, display_name text, config jsonb, key text) IS 'Add an LLM model to a project (needs write on it), optionally with its provider key (stored encrypted). Errors: 42704 unknown project, 42501, 22023 invalid field (named), 23505 model_name taken.';


--
-- Name: org_invitations; Type: TABLE; Schema: identity; Owner: neuronplane_owner
--

CREATE TABLE identity.org_invitations (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    org_id uuid NOT NULL,
    invitee_user_id uuid,
    invitee_email extensions.citext,
    role text NOT NULL,
    invited_by uuid,
    status text DEFAULT 'pending'::text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    responded_at timestamp with time zone,
    CONSTRAINT org_invitations_check CHECK ((num_nonnulls(invitee_user_id, invitee_email) = 1)),
    CONSTRAINT org_invitations_check1 CHECK ((expires_at > created_at)),
    CONSTRAINT org_invitations_check2 CHECK (((status = 'pending'::text) = (responded_at IS NULL))),
    CONSTRAINT org_invitations_invitee_email_check CHECK (((length((invitee_email)::text) <= 254) AND ((invitee_email)::text ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'::text))),
    CONSTRAINT org_invitations_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'accepted'::text, 'declined'::text, 'revoked'::text, 'expired'::text])))
);

ALTER TABLE ONLY identity.org_invitations FORCE ROW LEVEL SECURITY;


ALTER TABLE identity.org_invitations OWNER TO neuronplane_owner;

--
-- Name: TABLE org_invitations; Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON TABLE identity.org_invitations IS 'Invitations to join an organization, addressed to a user id or an e-mail address; the membership exists only once the invitee accepts. A pending invitation past expires_at counts as expired.';


--
-- Name: COLUMN org_invitations.invitee_user_id; Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON COLUMN identity.org_invitations.invitee_user_id IS 'The user invited by id (or NULL: by e-mail).';


--
-- Name: COLUMN org_invitations.invitee_email; Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON COLUMN identity.org_invitations.invitee_email IS 'The e-mail address invited (or NULL: by user id); the user with this address may accept.';


--
-- Name: COLUMN org_invitations.role; Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON COLUMN identity.org_invitations.role IS 'The membership role accepting gives.';


--
-- Name: COLUMN org_invitations.invited_by; Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON COLUMN identity.org_invitations.invited_by IS 'The principal that invited.';


--
-- Name: COLUMN org_invitations.status; Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON COLUMN identity.org_invitations.status IS 'pending, accepted, declined, revoked, or expired (stored once a new invitation replaces an expired one).';


--
-- Name: COLUMN org_invitations.responded_at; Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON COLUMN identity.org_invitations.responded_at IS 'When it was accepted, declined, revoked or replaced.';


--
-- Name: invitations; Type: VIEW; Schema: api; Owner: neuronplane_owner
--

CREATE VIEW api.invitations WITH (security_invoker='true') AS
 SELECT i.id,
    i.org_id,
    i.invitee_user_id,
    i.invitee_email,
    i.role,
    i.invited_by,
        CASE
            WHEN ((i.status = 'pending'::text) AND (i.expires_at <= now())) THEN 'expired'::text
            ELSE i.status
        END AS status,
    i.created_at,
    i.expires_at,
    i.responded_at
   FROM identity.org_invitations i;


ALTER TABLE api.invitations OWNER TO neuronplane_owner;

--
-- Name: VIEW invitations; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON VIEW api.invitations IS 'Invitations to join an organization: those of the organizations you administer, and those addressed to you (your user id or your e-mail address). Invite with /rpc/invite_member (or /rpc/add_member), withdraw with /rpc/revoke_invitation; the invitee answers with /rpc/accept_invitation or /rpc/decline_invitation.';


--
-- Name: COLUMN invitations.id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.invitations.id IS 'Invitation id.';


--
-- Name: COLUMN invitations.org_id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.invitations.org_id IS 'The organization.';


--
-- Name: COLUMN invitations.invitee_user_id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.invitations.invitee_user_id IS 'The user invited by id (NULL when invited by e-mail).';


--
-- Name: COLUMN invitations.invitee_email; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.invitations.invitee_email IS 'The e-mail address invited (NULL when invited by user id).';


--
-- Name: COLUMN invitations.role; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.invitations.role IS 'The role accepting gives: owner, admin, member, viewer or another catalogue role.';


--
-- Name: COLUMN invitations.invited_by; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.invitations.invited_by IS 'Who invited.';


--
-- Name: COLUMN invitations.status; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.invitations.status IS 'pending, accepted, declined, revoked or expired.';


--
-- Name: COLUMN invitations.created_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.invitations.created_at IS 'When it was sent.';


--
-- Name: COLUMN invitations.expires_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.invitations.expires_at IS 'After this it can no longer be accepted.';


--
-- Name: COLUMN invitations.responded_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.invitations.responded_at IS 'When it was accepted, declined or revoked.';


--
-- Name: add_member(uuid, uuid, text); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.add_member(org_id uuid, user_id uuid, role text DEFAULT 'member'::text) RETURNS api.invitations
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    new_id uuid := identity.invite_member(org_id, user_id, NULL, role, 7);
    result api.invitations;
BEGIN
    SELECT * INTO result FROM api.invitations i WHERE i.id = new_id;
    RETURN result;
END
$$;


ALTER FUNCTION api.add_member(org_id uuid, user_id uuid, role text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION add_member(org_id uuid, user_id uuid, role text); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.add_member(org_id uuid, user_id uuid, role text) IS 'Invite a user, by id, to an organization: the same as /rpc/invite_member with user_id (7 days). The user becomes a member only by accepting (/rpc/accept_invitation); until then you see nothing of them. Answers the invitation. Errors: 42501, 23503 no such user, 23505 already a member or already invited, 22023 bad role.';


--
-- Name: authorize_onboarding_probe(text, text); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.authorize_onboarding_probe(kind text, target text) RETURNS jsonb
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT workspace.authorize_onboarding_probe(kind, target)
$$;


ALTER FUNCTION api.authorize_onboarding_probe(kind text, target text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION authorize_onboarding_probe(kind text, target text); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.authorize_onboarding_probe(kind text, target text) IS 'For the glue: may the caller have the glue test a connection (kind database or agent) to target (host:port or a URL without credentials)? Any authenticated, active principal may; each probe is audited. Returns {"principal_id"}. Errors: 28000 anonymous, 42501 disabled, 22023 bad kind or target.';


--
-- Name: ingest_jobs; Type: TABLE; Schema: workspace; Owner: neuronplane_owner
--

CREATE TABLE workspace.ingest_jobs (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    project_id uuid NOT NULL,
    dataset_id uuid,
    dataset_name text NOT NULL,
    if_exists text DEFAULT 'fail'::text NOT NULL,
    source_type text NOT NULL,
    source jsonb NOT NULL,
    format text DEFAULT 'auto'::text NOT NULL,
    detected_format text,
    options jsonb DEFAULT '{}'::jsonb NOT NULL,
    embedding jsonb,
    index_config jsonb DEFAULT '{}'::jsonb NOT NULL,
    credentials_secret bytea,
    has_credentials boolean GENERATED ALWAYS AS ((credentials_secret IS NOT NULL)) STORED,
    status text DEFAULT 'queued'::text NOT NULL,
    phase text,
    rows_done bigint DEFAULT 0 NOT NULL,
    rows_total bigint,
    bytes_done bigint DEFAULT 0 NOT NULL,
    bytes_total bigint,
    embed_done bigint DEFAULT 0 NOT NULL,
    embed_total bigint,
    error text,
    worker_id uuid,
    attempt integer DEFAULT 0 NOT NULL,
    heartbeat_at timestamp with time zone,
    started_at timestamp with time zone,
    finished_at timestamp with time zone,
    created_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    details jsonb DEFAULT '{}'::jsonb NOT NULL,
    CONSTRAINT ingest_jobs_bytes_done_check CHECK ((bytes_done >= 0)),
    CONSTRAINT ingest_jobs_bytes_total_check CHECK ((bytes_total >= 0)),
    CONSTRAINT ingest_jobs_check CHECK (((status = ANY (ARRAY['succeeded'::text, 'failed'::text, 'cancelled'::text])) = (finished_at IS NOT NULL))),
    CONSTRAINT ingest_jobs_dataset_name_check CHECK (((btrim(dataset_name) <> ''::text) AND (length(dataset_name) <= 200))),
    CONSTRAINT ingest_jobs_details_check CHECK ((jsonb_typeof(details) = 'object'::text)),
    CONSTRAINT ingest_jobs_detected_format_check CHECK ((detected_format = ANY (ARRAY['csv'::text, 'json'::text, 'jsonl'::text, 'parquet'::text]))),
    CONSTRAINT ingest_jobs_embed_done_check CHECK ((embed_done >= 0)),
    CONSTRAINT ingest_jobs_embed_total_check CHECK ((embed_total >= 0)),
    CONSTRAINT ingest_jobs_embedding_check CHECK (((embedding IS NULL) OR (jsonb_typeof(embedding) = 'object'::text))),
    CONSTRAINT ingest_jobs_format_check CHECK ((format = ANY (ARRAY['auto'::text, 'csv'::text, 'json'::text, 'jsonl'::text, 'parquet'::text]))),
    CONSTRAINT ingest_jobs_if_exists_check CHECK ((if_exists = ANY (ARRAY['fail'::text, 'replace'::text]))),
    CONSTRAINT ingest_jobs_index_config_check CHECK ((jsonb_typeof(index_config) = 'object'::text)),
    CONSTRAINT ingest_jobs_options_check CHECK ((jsonb_typeof(options) = 'object'::text)),
    CONSTRAINT ingest_jobs_phase_check CHECK ((phase = ANY (ARRAY['download'::text, 'load'::text, 'embed'::text, 'index'::text, 'publish'::text]))),
    CONSTRAINT ingest_jobs_rows_done_check CHECK ((rows_done >= 0)),
    CONSTRAINT ingest_jobs_rows_total_check CHECK ((rows_total >= 0)),
    CONSTRAINT ingest_jobs_source_check CHECK ((jsonb_typeof(source) = 'object'::text)),
    CONSTRAINT ingest_jobs_source_type_check CHECK ((source_type = ANY (ARRAY['upload'::text, 'url'::text, 's3'::text, 'github'::text, 'huggingface'::text]))),
    CONSTRAINT ingest_jobs_status_check CHECK ((status = ANY (ARRAY['queued'::text, 'running'::text, 'succeeded'::text, 'failed'::text, 'cancelled'::text])))
);

ALTER TABLE ONLY workspace.ingest_jobs FORCE ROW LEVEL SECURITY;


ALTER TABLE workspace.ingest_jobs OWNER TO neuronplane_owner;

--
-- Name: TABLE ingest_jobs; Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON TABLE workspace.ingest_jobs IS 'Dataset ingestion jobs: what to load from where, and the progress the worker reports. credentials_secret is AES-256-GCM encrypted and never leaves the database except to the worker.';


--
-- Name: COLUMN ingest_jobs.details; Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON COLUMN workspace.ingest_jobs.details IS 'What the worker decided while reading the source: restarts of the load and why, missing-value markers, compression, byte order mark.';


--
-- Name: ingest_jobs; Type: VIEW; Schema: api; Owner: neuronplane_owner
--

CREATE VIEW api.ingest_jobs WITH (security_invoker='true') AS
 SELECT j.id,
    j.project_id,
    j.dataset_id,
    j.dataset_name,
    j.if_exists,
    j.source_type,
    j.source,
    j.format,
    j.detected_format,
    j.options,
    j.embedding,
    j.index_config,
    j.has_credentials,
    j.status,
    j.phase,
    j.rows_done,
    j.rows_total,
    j.bytes_done,
    j.bytes_total,
    j.embed_done,
    j.embed_total,
    j.error,
    j.worker_id,
    j.attempt,
    j.heartbeat_at,
    j.started_at,
    j.finished_at,
    j.created_by,
    j.created_at,
    j.updated_at
   FROM workspace.ingest_jobs j;


ALTER TABLE api.ingest_jobs OWNER TO neuronplane_owner;

--
-- Name: VIEW ingest_jobs; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON VIEW api.ingest_jobs IS 'Dataset ingestion jobs of the projects you may read, newest first with ?order=created_at.desc; one job: ?id=eq.<id>. Start with /rpc/start_ingest, cancel with /rpc/cancel_ingest.';


--
-- Name: COLUMN ingest_jobs.id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.ingest_jobs.id IS 'Job id.';


--
-- Name: COLUMN ingest_jobs.project_id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.ingest_jobs.project_id IS 'The project the dataset belongs to.';


--
-- Name: COLUMN ingest_jobs.dataset_id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.ingest_jobs.dataset_id IS 'The dataset, once the job succeeded (see api.dataset_tables).';


--
-- Name: COLUMN ingest_jobs.dataset_name; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.ingest_jobs.dataset_name IS 'Name of the dataset to create or replace.';


--
-- Name: COLUMN ingest_jobs.if_exists; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.ingest_jobs.if_exists IS 'fail (default) or replace, when a dataset of that name exists.';


--
-- Name: COLUMN ingest_jobs.source_type; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.ingest_jobs.source_type IS 'upload, url, s3, github or huggingface.';


--
-- Name: COLUMN ingest_jobs.source; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.ingest_jobs.source IS 'Where the data comes from (upload_id, url, bucket/key, repo/path, dataset/split); never credentials.';


--
-- Name: COLUMN ingest_jobs.format; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.ingest_jobs.format IS 'Requested format: auto, csv, json, jsonl or parquet.';


--
-- Name: COLUMN ingest_jobs.detected_format; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.ingest_jobs.detected_format IS 'The format the worker read.';


--
-- Name: COLUMN ingest_jobs.options; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.ingest_jobs.options IS 'delimiter, header, encoding, quote, null, column_mapping.';


--
-- Name: COLUMN ingest_jobs.embedding; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.ingest_jobs.embedding IS 'Auto-embedding: {"model", "text_columns"}, or null.';


--
-- Name: COLUMN ingest_jobs.index_config; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.ingest_jobs.index_config IS 'Indexes to create: {"btree": [columns], "fulltext": [columns], "hnsw": boolean}.';


--
-- Name: COLUMN ingest_jobs.has_credentials; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.ingest_jobs.has_credentials IS 'Whether credentials were given (they are stored encrypted and never shown).';


--
-- Name: COLUMN ingest_jobs.status; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.ingest_jobs.status IS 'queued, running, succeeded, failed or cancelled.';


--
-- Name: COLUMN ingest_jobs.phase; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.ingest_jobs.phase IS 'While running: download, load, embed, index or publish.';


--
-- Name: COLUMN ingest_jobs.rows_done; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.ingest_jobs.rows_done IS 'Rows read so far (exact once succeeded).';


--
-- Name: COLUMN ingest_jobs.rows_total; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.ingest_jobs.rows_total IS 'Rows in all, when known.';


--
-- Name: COLUMN ingest_jobs.bytes_done; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.ingest_jobs.bytes_done IS 'Bytes of the source read so far.';


--
-- Name: COLUMN ingest_jobs.bytes_total; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.ingest_jobs.bytes_total IS 'Size of the source, when known.';


--
-- Name: COLUMN ingest_jobs.embed_done; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.ingest_jobs.embed_done IS 'Rows embedded so far (embedding phase).';


--
-- Name: COLUMN ingest_jobs.embed_total; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.ingest_jobs.embed_total IS 'Rows to embed.';


--
-- Name: COLUMN ingest_jobs.error; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.ingest_jobs.error IS 'Why the job failed, naming the line or column when the data was at fault.';


--
-- Name: COLUMN ingest_jobs.worker_id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.ingest_jobs.worker_id IS 'The worker running (or that last ran) the job.';


--
-- Name: COLUMN ingest_jobs.attempt; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.ingest_jobs.attempt IS 'How many times a worker started it (more than 1 after a worker died).';


--
-- Name: COLUMN ingest_jobs.heartbeat_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.ingest_jobs.heartbeat_at IS 'The worker''s last progress report.';


--
-- Name: COLUMN ingest_jobs.started_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.ingest_jobs.started_at IS 'When a worker first took it.';


--
-- Name: COLUMN ingest_jobs.finished_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.ingest_jobs.finished_at IS 'When it succeeded, failed or was cancelled.';


--
-- Name: COLUMN ingest_jobs.created_by; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.ingest_jobs.created_by IS 'Who started it.';


--
-- Name: COLUMN ingest_jobs.created_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.ingest_jobs.created_at IS 'When it was queued.';


--
-- Name: COLUMN ingest_jobs.updated_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.ingest_jobs.updated_at IS 'When it last changed.';


--
-- Name: cancel_ingest(uuid); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.cancel_ingest(id uuid) RETURNS api.ingest_jobs
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    new_id uuid := workspace.cancel_ingest(id);
    result api.ingest_jobs;
BEGIN
    SELECT * INTO result FROM api.ingest_jobs x WHERE x.id = new_id;
    RETURN result;
END
$$;


ALTER FUNCTION api.cancel_ingest(id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION cancel_ingest(id uuid); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.cancel_ingest(id uuid) IS 'Cancel a queued or running ingestion job (its starter, or anyone with write on the project); a running load stops within seconds and leaves no table. Errors: 42704 unknown job, 42501, PT409 (HTTP 409) already finished.';


--
-- Name: change_member_role(uuid, uuid, text); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.change_member_role(org_id uuid, user_id uuid, role text) RETURNS api.memberships
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    result api.memberships;
BEGIN
    PERFORM identity.change_member_role(org_id, user_id, role);
    SELECT * INTO result FROM api.memberships m
     WHERE m.org_id = change_member_role.org_id AND m.user_id = change_member_role.user_id;
    RETURN result;
END
$$;


ALTER FUNCTION api.change_member_role(org_id uuid, user_id uuid, role text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION change_member_role(org_id uuid, user_id uuid, role text); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.change_member_role(org_id uuid, user_id uuid, role text) IS 'Change a member''s role (owners and admins; the owner role only by owners). Errors: 42501, 42704 not a member, 23514 last owner, 22023 bad role.';


--
-- Name: change_password(text, text); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.change_password(old_password text, new_password text) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT auth.change_password(old_password, new_password)
$$;


ALTER FUNCTION api.change_password(old_password text, new_password text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION change_password(old_password text, new_password text); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.change_password(old_password text, new_password text) IS 'Change your password; your other sessions end. The new password must follow the policy (length, not your username or e-mail, not a common password). A wrong current password counts towards the account''s lockout and is audited (auth.password.change_failed). Errors: 28P01 wrong current password, PT429 (HTTP 429) while the account or address is locked, 22023 policy, 42501.';


--
-- Name: count_ingest_workers(); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.count_ingest_workers() RETURNS integer
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT workspace.count_ingest_workers()
$$;


ALTER FUNCTION api.count_ingest_workers() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION count_ingest_workers(); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.count_ingest_workers() IS 'The number of ingestion workers that heartbeated within workspace.ingest_settings.stale_after and have not stopped. 0 while jobs are queued: no worker is running (start one with `neuronplane worker`).';


--
-- Name: create_api_key(text, text[], uuid, uuid, integer, timestamp with time zone); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.create_api_key(name text, roles text[] DEFAULT ARRAY['member'::text], project_id uuid DEFAULT NULL::uuid, principal_id uuid DEFAULT NULL::uuid, rate_limit_per_min integer DEFAULT NULL::integer, expires_at timestamp with time zone DEFAULT NULL::timestamp with time zone, OUT id uuid, OUT prefix text, OUT api_key text) RETURNS record
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT * FROM identity.create_api_key(name, roles, project_id, principal_id, rate_limit_per_min, expires_at)
$$;


ALTER FUNCTION api.create_api_key(name text, roles text[], project_id uuid, principal_id uuid, rate_limit_per_min integer, expires_at timestamp with time zone, OUT id uuid, OUT prefix text, OUT api_key text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION create_api_key(name text, roles text[], project_id uuid, principal_id uuid, rate_limit_per_min integer, expires_at timestamp with time zone, OUT id uuid, OUT prefix text, OUT api_key text); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.create_api_key(name text, roles text[], project_id uuid, principal_id uuid, rate_limit_per_min integer, expires_at timestamp with time zone, OUT id uuid, OUT prefix text, OUT api_key text) IS 'Create an API key for yourself, or for a service account or agent you administer. Returns the key (npk_<prefix>_<secret>) once: it cannot be shown again. roles (admin, member, viewer, service) narrow what the key may do; project_id limits it to one project; name is 1 to 200 characters; rate_limit_per_min is 1 to 1000000 (default when left out); expires_at is in the future. Errors: 42501, 22004 (no name), 22023.';


--
-- Name: organizations; Type: TABLE; Schema: identity; Owner: neuronplane_owner
--

CREATE TABLE identity.organizations (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    principal_type text DEFAULT 'org'::text NOT NULL,
    name text NOT NULL,
    slug extensions.citext NOT NULL,
    metadata jsonb DEFAULT '{}'::jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    disabled_at timestamp with time zone,
    CONSTRAINT organizations_metadata_check CHECK ((jsonb_typeof(metadata) = 'object'::text)),
    CONSTRAINT organizations_name_check CHECK (((btrim(name) <> ''::text) AND (length(name) <= 200))),
    CONSTRAINT organizations_principal_type_check CHECK ((principal_type = 'org'::text)),
    CONSTRAINT organizations_slug_check CHECK (((slug)::text ~ '^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$'::text))
);

ALTER TABLE ONLY identity.organizations FORCE ROW LEVEL SECURITY;


ALTER TABLE identity.organizations OWNER TO neuronplane_owner;

--
-- Name: TABLE organizations; Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON TABLE identity.organizations IS 'Organizations: they own projects and service accounts and have members. Each has a principal with the same id.';


--
-- Name: COLUMN organizations.disabled_at; Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON COLUMN identity.organizations.disabled_at IS 'When the organization was disabled; as a principal it can then do nothing.';


--
-- Name: organizations; Type: VIEW; Schema: api; Owner: neuronplane_owner
--

CREATE VIEW api.organizations WITH (security_invoker='true') AS
 SELECT o.id,
    o.name,
    o.slug,
    o.metadata,
    o.created_at,
    o.updated_at
   FROM identity.organizations o;


ALTER TABLE api.organizations OWNER TO neuronplane_owner;

--
-- Name: VIEW organizations; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON VIEW api.organizations IS 'Organizations you belong to or were granted (platform administrators see all). Owners and admins may PATCH name and metadata. Create with POST /rpc/create_organization.';


--
-- Name: COLUMN organizations.id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.organizations.id IS 'Organization id (also its principal id).';


--
-- Name: COLUMN organizations.name; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.organizations.name IS 'Display name.';


--
-- Name: COLUMN organizations.slug; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.organizations.slug IS 'Unique short name, case-insensitive (letters, digits, hyphens).';


--
-- Name: COLUMN organizations.metadata; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.organizations.metadata IS 'Free-form JSON object.';


--
-- Name: COLUMN organizations.created_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.organizations.created_at IS 'When it was created.';


--
-- Name: COLUMN organizations.updated_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.organizations.updated_at IS 'When it last changed.';


--
-- Name: create_organization(text, text, jsonb); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.create_organization(name text, slug text, metadata jsonb DEFAULT '{}'::jsonb) RETURNS api.organizations
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    new_id uuid := identity.create_organization(name, slug, metadata);
    result api.organizations;
BEGIN
    SELECT * INTO result FROM api.organizations o WHERE o.id = new_id;
    RETURN result;
END
$$;


ALTER FUNCTION api.create_organization(name text, slug text, metadata jsonb) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION create_organization(name text, slug text, metadata jsonb); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.create_organization(name text, slug text, metadata jsonb) IS 'Create an organization; you become its owner. Errors: 23505 slug taken, 23514 invalid name or slug, 42501 not a user.';


--
-- Name: is_valid_mcp_config(jsonb); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.is_valid_mcp_config(config jsonb) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT coalesce(jsonb_typeof(config) = 'object'
       AND (SELECT bool_and(k IN ('command', 'args', 'env')) FROM jsonb_object_keys(config) k)
       AND jsonb_typeof(config -> 'command') = 'string'
       AND btrim(config ->> 'command') <> ''
       AND coalesce(jsonb_typeof(config -> 'args'), 'array') = 'array'
       AND coalesce((SELECT bool_and(jsonb_typeof(a) = 'string')
                       FROM jsonb_array_elements(CASE jsonb_typeof(config -> 'args')
                                                 WHEN 'array' THEN config -> 'args' END) a), true)
       AND coalesce(jsonb_typeof(config -> 'env'), 'object') = 'object'
       AND coalesce((SELECT bool_and(jsonb_typeof(e.value) = 'string')
                       FROM jsonb_each(CASE jsonb_typeof(config -> 'env')
                                       WHEN 'object' THEN config -> 'env' END) e), true), false)
$$;


ALTER FUNCTION identity.is_valid_mcp_config(config jsonb) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION is_valid_mcp_config(config jsonb); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.is_valid_mcp_config(config jsonb) IS 'NULL for NULL (no MCP server); otherwise true for {"command": string, "args": [string, ...], "env": {name: string}} (args and env optional, no other key).';


--
-- Name: projects; Type: TABLE; Schema: identity; Owner: neuronplane_owner
--

CREATE TABLE identity.projects (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    org_id uuid,
    user_id uuid,
    name text NOT NULL,
    description text,
    neurondb_dsn text,
    neurondb_dsn_secret bytea,
    mcp_config jsonb,
    mcp_env_secret bytea,
    agent_endpoint text,
    metadata jsonb DEFAULT '{}'::jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT projects_agent_endpoint_check CHECK (((length(agent_endpoint) <= 2048) AND (agent_endpoint ~ '^https?://[^[:space:]]+$'::text))),
    CONSTRAINT projects_description_check CHECK ((length(description) <= 2000)),
    CONSTRAINT projects_mcp_config_check CHECK (identity.is_valid_mcp_config(mcp_config)),
    CONSTRAINT projects_metadata_check CHECK ((jsonb_typeof(metadata) = 'object'::text)),
    CONSTRAINT projects_name_check CHECK (((btrim(name) <> ''::text) AND (length(name) <= 200))),
    CONSTRAINT projects_neurondb_dsn_check CHECK ((length(neurondb_dsn) <= 2048)),
    CONSTRAINT projects_owner_check CHECK (((org_id IS NOT NULL) OR (user_id IS NOT NULL)))
);

ALTER TABLE ONLY identity.projects FORCE ROW LEVEL SECURITY;


ALTER TABLE identity.projects OWNER TO neuronplane_owner;

--
-- Name: TABLE projects; Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON TABLE identity.projects IS 'Projects, which the desktop calls profiles: a NeuronDB connection, an MCP server and an agent endpoint, owned by an organization and/or a user.';


--
-- Name: COLUMN projects.neurondb_dsn; Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON COLUMN identity.projects.neurondb_dsn IS 'NeuronDB connection string without its password (the password is kept encrypted in neurondb_dsn_secret).';


--
-- Name: COLUMN projects.mcp_env_secret; Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON COLUMN identity.projects.mcp_env_secret IS 'Encrypted JSON object of the secret mcp_config.env values (shown there as "[encrypted]").';


--
-- Name: project_agent_keys; Type: TABLE; Schema: workspace; Owner: neuronplane_owner
--

CREATE TABLE workspace.project_agent_keys (
    project_id uuid NOT NULL,
    key_ciphertext bytea NOT NULL,
    key_last4 text NOT NULL,
    key_updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT project_agent_keys_key_last4_check CHECK ((length(key_last4) <= 4))
);

ALTER TABLE ONLY workspace.project_agent_keys FORCE ROW LEVEL SECURITY;


ALTER TABLE workspace.project_agent_keys OWNER TO neuronplane_owner;

--
-- Name: TABLE project_agent_keys; Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON TABLE workspace.project_agent_keys IS 'The NeuronAgent API key of each project (profile), envelope-encrypted (context workspace.project_agent_keys.key:<project id>).';


--
-- Name: profiles; Type: VIEW; Schema: api; Owner: neuronplane_owner
--

CREATE VIEW api.profiles WITH (security_invoker='true') AS
 SELECT p.id,
    p.org_id,
    p.user_id,
    p.name,
    p.description,
    p.neurondb_dsn,
    (p.neurondb_dsn_secret IS NOT NULL) AS has_dsn_password,
    p.mcp_config,
    p.agent_endpoint,
    (k.project_id IS NOT NULL) AS has_agent_api_key,
    k.key_last4 AS agent_api_key_last4,
    p.metadata,
    p.created_at,
    p.updated_at
   FROM (identity.projects p
     LEFT JOIN workspace.project_agent_keys k ON ((k.project_id = p.id)));


ALTER TABLE api.profiles OWNER TO neuronplane_owner;

--
-- Name: VIEW profiles; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON VIEW api.profiles IS 'The desktop''s profiles: the projects you may read with their NeuronDB connection, MCP server and agent, and whether an agent API key is stored (only its last four characters are shown). Create with POST /rpc/create_profile; change the project through /projects.';


--
-- Name: COLUMN profiles.id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.profiles.id IS 'Project (profile) id.';


--
-- Name: COLUMN profiles.org_id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.profiles.org_id IS 'Owning organization, if any.';


--
-- Name: COLUMN profiles.user_id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.profiles.user_id IS 'Owning user, if any (a personal profile).';


--
-- Name: COLUMN profiles.name; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.profiles.name IS 'Name, unique per owner (case-insensitive).';


--
-- Name: COLUMN profiles.description; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.profiles.description IS 'Free text.';


--
-- Name: COLUMN profiles.neurondb_dsn; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.profiles.neurondb_dsn IS 'NeuronDB connection string, without its password.';


--
-- Name: COLUMN profiles.has_dsn_password; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.profiles.has_dsn_password IS 'True when a password for the DSN is stored (encrypted).';


--
-- Name: COLUMN profiles.mcp_config; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.profiles.mcp_config IS 'MCP server: {"command": "...", "args": [...], "env": {...}}.';


--
-- Name: COLUMN profiles.agent_endpoint; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.profiles.agent_endpoint IS 'NeuronAgent base URL (http or https).';


--
-- Name: COLUMN profiles.has_agent_api_key; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.profiles.has_agent_api_key IS 'True when a NeuronAgent API key is stored (encrypted).';


--
-- Name: COLUMN profiles.agent_api_key_last4; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.profiles.agent_api_key_last4 IS 'The last four characters of the stored agent API key.';


--
-- Name: COLUMN profiles.metadata; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.profiles.metadata IS 'Free-form JSON object.';


--
-- Name: COLUMN profiles.created_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.profiles.created_at IS 'When it was created.';


--
-- Name: COLUMN profiles.updated_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.profiles.updated_at IS 'When it last changed.';


--
-- Name: create_profile(text, text, jsonb, text, text, uuid, text, jsonb); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.create_profile(name text, neurondb_dsn text DEFAULT NULL::text, mcp_config jsonb DEFAULT NULL::jsonb, agent_endpoint text DEFAULT NULL::text, agent_api_key text DEFAULT NULL::text, org_id uuid DEFAULT NULL::uuid, description text DEFAULT NULL::text, metadata jsonb DEFAULT '{}'::jsonb) RETURNS api.profiles
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    new_id uuid := workspace.create_profile(name, neurondb_dsn, mcp_config, agent_endpoint, agent_api_key, org_id, description, metadata);
    result api.profiles;
BEGIN
    SELECT * INTO result FROM api.profiles x WHERE x.id = new_id;
    RETURN result;
END
$$;


ALTER FUNCTION api.create_profile(name text, neurondb_dsn text, mcp_config jsonb, agent_endpoint text, agent_api_key text, org_id uuid, description text, metadata jsonb) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION create_profile(name text, neurondb_dsn text, mcp_config jsonb, agent_endpoint text, agent_api_key text, org_id uuid, description text, metadata jsonb); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.create_profile(name text, neurondb_dsn text, mcp_config jsonb, agent_endpoint text, agent_api_key text, org_id uuid, description text, metadata jsonb) IS 'Create a profile (project) in one transaction: NeuronDB connection string (its password stored encrypted), MCP configuration, NeuronAgent endpoint and API key (stored envelope-encrypted; only its last four characters are shown). In an organization with org_id (needs write on it), else your own. Errors: 22023 invalid field (named in the message), 42501, 23505 name taken.';


--
-- Name: projects; Type: VIEW; Schema: api; Owner: neuronplane_owner
--

CREATE VIEW api.projects WITH (security_invoker='true') AS
 SELECT p.id,
    p.org_id,
    p.user_id,
    p.name,
    p.description,
    p.neurondb_dsn,
    (p.neurondb_dsn_secret IS NOT NULL) AS has_dsn_password,
    p.mcp_config,
    p.agent_endpoint,
    p.metadata,
    p.created_at,
    p.updated_at
   FROM identity.projects p;


ALTER TABLE api.projects OWNER TO neuronplane_owner;

--
-- Name: VIEW projects; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON VIEW api.projects IS 'Projects (the desktop''s profiles) you may read. Create with POST /rpc/create_project (or POST here with Prefer: return=minimal); PATCH needs write, DELETE needs admin on the project. A password inside neurondb_dsn is stored encrypted and never shown.';


--
-- Name: COLUMN projects.id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.projects.id IS 'Project id.';


--
-- Name: COLUMN projects.org_id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.projects.org_id IS 'Owning organization, if any.';


--
-- Name: COLUMN projects.user_id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.projects.user_id IS 'Owning user, if any (a personal profile).';


--
-- Name: COLUMN projects.name; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.projects.name IS 'Name, unique per owner (case-insensitive).';


--
-- Name: COLUMN projects.description; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.projects.description IS 'Free text.';


--
-- Name: COLUMN projects.neurondb_dsn; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.projects.neurondb_dsn IS 'NeuronDB connection string, without its password.';


--
-- Name: COLUMN projects.has_dsn_password; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.projects.has_dsn_password IS 'True when a password for the DSN is stored (encrypted).';


--
-- Name: COLUMN projects.mcp_config; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.projects.mcp_config IS 'MCP server: {"command": "...", "args": [...], "env": {...}}.';


--
-- Name: COLUMN projects.agent_endpoint; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.projects.agent_endpoint IS 'NeuronAgent base URL (http or https).';


--
-- Name: COLUMN projects.metadata; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.projects.metadata IS 'Free-form JSON object.';


--
-- Name: COLUMN projects.created_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.projects.created_at IS 'When it was created.';


--
-- Name: COLUMN projects.updated_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.projects.updated_at IS 'When it last changed.';


--
-- Name: create_project(text, uuid, text, text, jsonb, text, jsonb); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.create_project(name text, org_id uuid DEFAULT NULL::uuid, description text DEFAULT NULL::text, neurondb_dsn text DEFAULT NULL::text, mcp_config jsonb DEFAULT NULL::jsonb, agent_endpoint text DEFAULT NULL::text, metadata jsonb DEFAULT '{}'::jsonb) RETURNS api.projects
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    new_id uuid := identity.create_project(name, org_id, description, neurondb_dsn, mcp_config, agent_endpoint, metadata);
    result api.projects;
BEGIN
    SELECT * INTO result FROM api.projects p WHERE p.id = new_id;
    RETURN result;
END
$$;


ALTER FUNCTION api.create_project(name text, org_id uuid, description text, neurondb_dsn text, mcp_config jsonb, agent_endpoint text, metadata jsonb) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION create_project(name text, org_id uuid, description text, neurondb_dsn text, mcp_config jsonb, agent_endpoint text, metadata jsonb); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.create_project(name text, org_id uuid, description text, neurondb_dsn text, mcp_config jsonb, agent_endpoint text, metadata jsonb) IS 'Create a project (profile): in an organization (needs write on it) or, without org_id, your own. A password in neurondb_dsn is stored encrypted. Errors: 42501, 23505 name taken, 22023 bad mcp_config, 23514 invalid field.';


--
-- Name: service_accounts; Type: TABLE; Schema: identity; Owner: neuronplane_owner
--

CREATE TABLE identity.service_accounts (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    principal_type text DEFAULT 'service_account'::text NOT NULL,
    name text NOT NULL,
    org_id uuid,
    project_id uuid,
    description text,
    disabled_at timestamp with time zone,
    metadata jsonb DEFAULT '{}'::jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT service_accounts_description_check CHECK ((length(description) <= 2000)),
    CONSTRAINT service_accounts_metadata_check CHECK ((jsonb_typeof(metadata) = 'object'::text)),
    CONSTRAINT service_accounts_name_check CHECK ((name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$'::text)),
    CONSTRAINT service_accounts_principal_type_check CHECK ((principal_type = 'service_account'::text))
);

ALTER TABLE ONLY identity.service_accounts FORCE ROW LEVEL SECURITY;


ALTER TABLE identity.service_accounts OWNER TO neuronplane_owner;

--
-- Name: TABLE service_accounts; Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON TABLE identity.service_accounts IS 'Service accounts: principals for service-to-service calls, in an organization and/or a project. Rights only through explicit policies.';


--
-- Name: service_accounts; Type: VIEW; Schema: api; Owner: neuronplane_owner
--

CREATE VIEW api.service_accounts WITH (security_invoker='true') AS
 SELECT s.id,
    s.name,
    s.org_id,
    s.project_id,
    s.description,
    s.disabled_at,
    s.metadata,
    s.created_at,
    s.updated_at
   FROM identity.service_accounts s;


ALTER TABLE api.service_accounts OWNER TO neuronplane_owner;

--
-- Name: VIEW service_accounts; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON VIEW api.service_accounts IS 'Service accounts you may read (organization admins and those granted). Create with /rpc/create_service_account; PATCH or DELETE needs admin on the account.';


--
-- Name: COLUMN service_accounts.id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.service_accounts.id IS 'Service account id (also its principal id).';


--
-- Name: COLUMN service_accounts.name; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.service_accounts.name IS 'Name, unique in its project or organization.';


--
-- Name: COLUMN service_accounts.org_id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.service_accounts.org_id IS 'Organization, if any.';


--
-- Name: COLUMN service_accounts.project_id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.service_accounts.project_id IS 'Project, if any.';


--
-- Name: COLUMN service_accounts.description; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.service_accounts.description IS 'Free text.';


--
-- Name: COLUMN service_accounts.disabled_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.service_accounts.disabled_at IS 'When it was disabled; a disabled account can do nothing.';


--
-- Name: COLUMN service_accounts.metadata; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.service_accounts.metadata IS 'Free-form JSON object.';


--
-- Name: COLUMN service_accounts.created_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.service_accounts.created_at IS 'When it was created.';


--
-- Name: COLUMN service_accounts.updated_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.service_accounts.updated_at IS 'When it last changed.';


--
-- Name: create_service_account(text, uuid, uuid, text, jsonb); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.create_service_account(name text, org_id uuid DEFAULT NULL::uuid, project_id uuid DEFAULT NULL::uuid, description text DEFAULT NULL::text, metadata jsonb DEFAULT '{}'::jsonb) RETURNS api.service_accounts
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    new_id uuid := identity.create_service_account(name, org_id, project_id, description, metadata);
    result api.service_accounts;
BEGIN
    SELECT * INTO result FROM api.service_accounts s WHERE s.id = new_id;
    RETURN result;
END
$$;


ALTER FUNCTION api.create_service_account(name text, org_id uuid, project_id uuid, description text, metadata jsonb) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION create_service_account(name text, org_id uuid, project_id uuid, description text, metadata jsonb); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.create_service_account(name text, org_id uuid, project_id uuid, description text, metadata jsonb) IS 'Create a service account in an organization or project you administer (none: platform administrators). It has no rights until granted. Errors: 42501, 23505 name taken, 22023.';


--
-- Name: users; Type: TABLE; Schema: identity; Owner: neuronplane_owner
--

CREATE TABLE identity.users (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    principal_type text DEFAULT 'user'::text NOT NULL,
    username extensions.citext NOT NULL,
    email extensions.citext,
    display_name text,
    is_admin boolean DEFAULT false NOT NULL,
    disabled_at timestamp with time zone,
    metadata jsonb DEFAULT '{}'::jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT users_display_name_check CHECK ((length(display_name) <= 200)),
    CONSTRAINT users_email_check CHECK (((length((email)::text) <= 254) AND ((email)::text ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'::text))),
    CONSTRAINT users_metadata_check CHECK ((jsonb_typeof(metadata) = 'object'::text)),
    CONSTRAINT users_principal_type_check CHECK ((principal_type = 'user'::text)),
    CONSTRAINT users_username_check CHECK (((username)::text ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$'::text))
);

ALTER TABLE ONLY identity.users FORCE ROW LEVEL SECURITY;


ALTER TABLE identity.users OWNER TO neuronplane_owner;

--
-- Name: TABLE users; Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON TABLE identity.users IS 'People. is_admin marks platform administrators; a disabled user can do nothing. Each has a principal with the same id.';


--
-- Name: users; Type: VIEW; Schema: api; Owner: neuronplane_owner
--

CREATE VIEW api.users WITH (security_invoker='true') AS
 SELECT u.id,
    u.username,
    u.email,
    u.display_name,
    u.is_admin,
    u.disabled_at,
    u.metadata,
    u.created_at,
    u.updated_at
   FROM identity.users u;


ALTER TABLE api.users OWNER TO neuronplane_owner;

--
-- Name: VIEW users; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON VIEW api.users IS 'Yourself and the users who share an organization with you (platform administrators see all). You may PATCH your own display_name and metadata.';


--
-- Name: COLUMN users.id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.users.id IS 'User id (also its principal id).';


--
-- Name: COLUMN users.username; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.users.username IS 'Unique login name, case-insensitive.';


--
-- Name: COLUMN users.email; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.users.email IS 'Unique e-mail address, case-insensitive.';


--
-- Name: COLUMN users.display_name; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.users.display_name IS 'Name shown to people.';


--
-- Name: COLUMN users.is_admin; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.users.is_admin IS 'Platform administrator.';


--
-- Name: COLUMN users.disabled_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.users.disabled_at IS 'When the user was disabled; a disabled user can do nothing.';


--
-- Name: COLUMN users.metadata; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.users.metadata IS 'Free-form JSON object.';


--
-- Name: COLUMN users.created_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.users.created_at IS 'When the user was created.';


--
-- Name: COLUMN users.updated_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.users.updated_at IS 'When the user last changed.';


--
-- Name: create_user(text, text, text, boolean); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.create_user(username text, email text DEFAULT NULL::text, display_name text DEFAULT NULL::text, is_admin boolean DEFAULT false) RETURNS api.users
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    new_id uuid := identity.create_user(username, email, display_name, is_admin);
    result api.users;
BEGIN
    SELECT * INTO result FROM api.users u WHERE u.id = new_id;
    RETURN result;
END
$$;


ALTER FUNCTION api.create_user(username text, email text, display_name text, is_admin boolean) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION create_user(username text, email text, display_name text, is_admin boolean); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.create_user(username text, email text, display_name text, is_admin boolean) IS 'Platform administrators: create a user. Errors: 42501, 23505 username or e-mail taken (case-insensitive), 23514 invalid username or e-mail.';


--
-- Name: decline_invitation(uuid); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.decline_invitation(invitation_id uuid) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT identity.decline_invitation(invitation_id)
$$;


ALTER FUNCTION api.decline_invitation(invitation_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION decline_invitation(invitation_id uuid); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.decline_invitation(invitation_id uuid) IS 'Decline an invitation addressed to you. Errors: 42704 no such invitation for you, PT409 (HTTP 409) expired, revoked or already answered, 42501.';


--
-- Name: details(api.ingest_jobs); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.details(job api.ingest_jobs) RETURNS jsonb
    LANGUAGE sql STABLE
    AS $$
    SELECT j.details FROM workspace.ingest_jobs j WHERE j.id = job.id
$$;


ALTER FUNCTION api.details(job api.ingest_jobs) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION details(job api.ingest_jobs); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.details(job api.ingest_jobs) IS 'What the worker decided while reading the job''s source; ask for it with GET /ingest_jobs?select=*,details. {"restarts": [{"column", "from", "to", "reason"}]} when a value beyond the sample did not fit its column and the load started again with a wider type; {"missing_values": {"marker", "columns", "source"}} when a marker such as NA was read as NULL (source: detected or options.null); {"compression": "gzip"|"bzip2"|"xz"|"zstd"}; {"byte_order_mark": true}; {"json_member": name} when a JSON object''s one array member was read.';


--
-- Name: principals; Type: TABLE; Schema: identity; Owner: neuronplane_owner
--

CREATE TABLE identity.principals (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    type text NOT NULL,
    name text NOT NULL,
    disabled_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone,
    CONSTRAINT principals_name_check CHECK (((btrim(name) <> ''::text) AND (length(name) <= 256))),
    CONSTRAINT principals_type_check CHECK ((type = ANY (ARRAY['user'::text, 'org'::text, 'agent'::text, 'tool'::text, 'dataset'::text, 'service_account'::text])))
);

ALTER TABLE ONLY identity.principals FORCE ROW LEVEL SECURITY;


ALTER TABLE identity.principals OWNER TO neuronplane_owner;

--
-- Name: TABLE principals; Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON TABLE identity.principals IS 'Every actor or resource that rights are granted to or on: user, org, agent, tool, dataset, service_account.';


--
-- Name: COLUMN principals.expires_at; Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON COLUMN identity.principals.expires_at IS 'After this time the principal may do nothing, like a disabled one; NULL = no end.';


--
-- Name: principals; Type: VIEW; Schema: api; Owner: neuronplane_owner
--

CREATE VIEW api.principals WITH (security_invoker='true') AS
 SELECT p.id,
    p.type,
    p.name,
    p.disabled_at,
    p.expires_at,
    p.created_at,
    p.updated_at
   FROM identity.principals p;


ALTER TABLE api.principals OWNER TO neuronplane_owner;

--
-- Name: VIEW principals; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON VIEW api.principals IS 'Principals (users, organizations, service accounts, agents, tools, datasets) you can see. /rpc/resolve_principal describes one; /rpc/disable_principal disables one.';


--
-- Name: COLUMN principals.id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.principals.id IS 'Principal id (the id of the user, organization, ... it stands for).';


--
-- Name: COLUMN principals.type; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.principals.type IS 'user, org, agent, tool, dataset or service_account.';


--
-- Name: COLUMN principals.name; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.principals.name IS 'Name of what it stands for.';


--
-- Name: COLUMN principals.disabled_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.principals.disabled_at IS 'When it was disabled.';


--
-- Name: COLUMN principals.expires_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.principals.expires_at IS 'When it stops being valid, if ever.';


--
-- Name: COLUMN principals.created_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.principals.created_at IS 'When it was created.';


--
-- Name: COLUMN principals.updated_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.principals.updated_at IS 'When it last changed.';


--
-- Name: disable_principal(uuid, boolean); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.disable_principal(principal_id uuid, disabled boolean DEFAULT true) RETURNS api.principals
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    new_id uuid := identity.disable_principal(principal_id, disabled);
    result api.principals;
BEGIN
    SELECT * INTO result FROM api.principals p WHERE p.id = new_id;
    RETURN result;
END
$$;


ALTER FUNCTION api.disable_principal(principal_id uuid, disabled boolean) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION disable_principal(principal_id uuid, disabled boolean); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.disable_principal(principal_id uuid, disabled boolean) IS 'Disable (or with disabled = false, enable) a principal: users and organizations by platform administrators, service accounts, agents, tools and datasets by their administrators. A disabled principal can do nothing. Errors: 42704, 42501.';


--
-- Name: explain_permission(text, uuid, text, uuid); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.explain_permission(resource_type text, resource_id uuid, permission text, principal_id uuid DEFAULT NULL::uuid) RETURNS TABLE(source text, source_id uuid, effect text, detail text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT * FROM identity.answer_explain_permission(resource_type, resource_id, permission, principal_id)
$$;


ALTER FUNCTION api.explain_permission(resource_type text, resource_id uuid, permission text, principal_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION explain_permission(resource_type text, resource_id uuid, permission text, principal_id uuid); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.explain_permission(resource_type text, resource_id uuid, permission text, principal_id uuid) IS 'Why has_permission answers as it does: the principal''s state, the API key, platform administration, each matching policy, ownership and membership, then the decision. Same rules on who may ask. Errors: 22023, 42501.';


--
-- Name: get_or_create_user_principal(text, text, text); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.get_or_create_user_principal(username text, email text DEFAULT NULL::text, display_name text DEFAULT NULL::text) RETURNS uuid
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT identity.get_or_create_user_principal(username, email, display_name)
$$;


ALTER FUNCTION api.get_or_create_user_principal(username text, email text, display_name text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION get_or_create_user_principal(username text, email text, display_name text); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.get_or_create_user_principal(username text, email text, display_name text) IS 'The id of the user (and principal) with this username or e-mail (case-insensitive), created if missing. For the neuronplane service and platform administrators.';


--
-- Name: policies; Type: TABLE; Schema: identity; Owner: neuronplane_owner
--

CREATE TABLE identity.policies (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    subject_id uuid NOT NULL,
    subject_type text NOT NULL,
    subject_role text,
    resource_type text NOT NULL,
    resource_id uuid,
    org_id uuid,
    project_id uuid,
    permission text NOT NULL,
    effect text DEFAULT 'allow'::text NOT NULL,
    expires_at timestamp with time zone,
    conditions jsonb,
    not_before timestamp with time zone,
    scope_org_id uuid,
    created_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    anchor_id uuid GENERATED ALWAYS AS (COALESCE(resource_id, project_id, org_id, '00000000-0000-0000-0000-000000000000'::uuid)) STORED NOT NULL,
    CONSTRAINT policies_audit_check CHECK (((resource_type <> 'audit'::text) OR (resource_id IS NULL))),
    CONSTRAINT policies_conditions_check CHECK (((jsonb_typeof(conditions) = 'object'::text) AND ((conditions - 'not_before'::text) = '{}'::jsonb))),
    CONSTRAINT policies_effect_check CHECK ((effect = ANY (ARRAY['allow'::text, 'deny'::text]))),
    CONSTRAINT policies_role_subject_check CHECK (((subject_role IS NULL) OR (subject_type = 'org'::text))),
    CONSTRAINT policies_scope_check CHECK ((((resource_id IS NULL) OR ((org_id IS NULL) AND (project_id IS NULL))) AND ((org_id IS NULL) OR (project_id IS NULL))))
);

ALTER TABLE ONLY identity.policies FORCE ROW LEVEL SECURITY;


ALTER TABLE identity.policies OWNER TO neuronplane_owner;

--
-- Name: TABLE policies; Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON TABLE identity.policies IS 'Unified permissions: allow or deny read/write/execute/admin to a principal (or an org role) on a resource, a wildcard scope or the platform.';


--
-- Name: policies; Type: VIEW; Schema: api; Owner: neuronplane_owner
--

CREATE VIEW api.policies WITH (security_invoker='true') AS
 SELECT p.id,
    p.subject_id,
    p.subject_type,
    p.subject_role,
    p.resource_type,
    p.resource_id,
    p.org_id,
    p.project_id,
    p.permission,
    p.effect,
    p.expires_at,
    p.conditions,
    p.created_by,
    p.created_at
   FROM identity.policies p;


ALTER TABLE api.policies OWNER TO neuronplane_owner;

--
-- Name: VIEW policies; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON VIEW api.policies IS 'Permission policies that name you, and those of the organizations you administer. Change with /rpc/grant_permission and /rpc/revoke_permission; ask with /rpc/has_permission and /rpc/explain_permission.';


--
-- Name: COLUMN policies.id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.policies.id IS 'Policy id.';


--
-- Name: COLUMN policies.subject_id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.policies.subject_id IS 'The principal granted (or denied), or the organization whose role is.';


--
-- Name: COLUMN policies.subject_type; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.policies.subject_type IS 'Type of the subject principal.';


--
-- Name: COLUMN policies.subject_role; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.policies.subject_role IS 'If set: every member with this role in organization subject_id.';


--
-- Name: COLUMN policies.resource_type; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.policies.resource_type IS 'org, project, agent, tool, dataset, model, service_account, api_key or audit.';


--
-- Name: COLUMN policies.resource_id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.policies.resource_id IS 'The resource; empty = every resource of the type in the scope.';


--
-- Name: COLUMN policies.org_id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.policies.org_id IS 'Scope of a wildcard: an organization.';


--
-- Name: COLUMN policies.project_id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.policies.project_id IS 'Scope of a wildcard: a project.';


--
-- Name: COLUMN policies.permission; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.policies.permission IS 'read, write, execute or admin (admin implies the others).';


--
-- Name: COLUMN policies.effect; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.policies.effect IS 'allow or deny; a matching deny always wins.';


--
-- Name: COLUMN policies.expires_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.policies.expires_at IS 'When the policy stops counting, if ever.';


--
-- Name: COLUMN policies.conditions; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.policies.conditions IS 'Optional conditions: {"not_before": timestamp}.';


--
-- Name: COLUMN policies.created_by; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.policies.created_by IS 'Principal that granted it.';


--
-- Name: COLUMN policies.created_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.policies.created_at IS 'When it was granted.';


--
-- Name: grant_permission(uuid, text, text, uuid, text, uuid, uuid, text, timestamp with time zone, jsonb); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.grant_permission(subject_id uuid, resource_type text, permission text, resource_id uuid DEFAULT NULL::uuid, effect text DEFAULT 'allow'::text, org_id uuid DEFAULT NULL::uuid, project_id uuid DEFAULT NULL::uuid, subject_role text DEFAULT NULL::text, expires_at timestamp with time zone DEFAULT NULL::timestamp with time zone, conditions jsonb DEFAULT NULL::jsonb) RETURNS api.policies
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    new_id uuid := identity.grant_permission(subject_id, resource_type, permission, resource_id, effect, org_id, project_id, subject_role, expires_at, conditions);
    result api.policies;
BEGIN
    SELECT * INTO result FROM api.policies p WHERE p.id = new_id;
    RETURN result;
END
$$;


ALTER FUNCTION api.grant_permission(subject_id uuid, resource_type text, permission text, resource_id uuid, effect text, org_id uuid, project_id uuid, subject_role text, expires_at timestamp with time zone, conditions jsonb) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION grant_permission(subject_id uuid, resource_type text, permission text, resource_id uuid, effect text, org_id uuid, project_id uuid, subject_role text, expires_at timestamp with time zone, conditions jsonb); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.grant_permission(subject_id uuid, resource_type text, permission text, resource_id uuid, effect text, org_id uuid, project_id uuid, subject_role text, expires_at timestamp with time zone, conditions jsonb) IS 'Allow (or with effect = deny, forbid) a permission to a principal, or with subject_role to every member of organization subject_id with that role, on a resource, or on every resource of the type in a project/org scope. You must administer what it covers. Granting the same again updates expires_at and conditions. Errors: 42501, 22023, 23503.';


--
-- Name: has_permission(text, uuid, text, uuid); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.has_permission(resource_type text, resource_id uuid, permission text, principal_id uuid DEFAULT NULL::uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT identity.answer_has_permission(resource_type, resource_id, permission, principal_id)
$$;


ALTER FUNCTION api.has_permission(resource_type text, resource_id uuid, permission text, principal_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION has_permission(resource_type text, resource_id uuid, permission text, principal_id uuid); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.has_permission(resource_type text, resource_id uuid, permission text, principal_id uuid) IS 'May you (or principal_id: for the service, platform administrators and administrators of the resource) exercise permission (read, write, execute, admin) on the resource? Your own question goes through your API key, if you use one. Errors: 22023, 42501.';


--
-- Name: health(); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.health() RETURNS jsonb
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    WITH last_change AS (
        SELECT c.change_id, c.change
          FROM sqitch.changes c
         WHERE c.project = 'neuronplane'
         ORDER BY c.committed_at DESC
         LIMIT 1
    ), last_tag AS (
        SELECT t.tag
          FROM sqitch.tags t
         WHERE t.project = 'neuronplane'
         ORDER BY t.committed_at DESC
         LIMIT 1
    )
    SELECT jsonb_build_object(
        'status', 'ok',
        'schema_version', coalesce(
            (SELECT t.tag FROM sqitch.tags t, last_change lc WHERE t.change_id = lc.change_id),
            (SELECT change FROM last_change)),
        'last_change', (SELECT change FROM last_change),
        'last_tag', (SELECT tag FROM last_tag),
        'server_time', now(),
        'database', current_database()
    )
$$;


ALTER FUNCTION api.health() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION health(); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.health() IS 'Liveness of the database behind the API. Returns status "ok", schema_version (the tag of the last deployed change, else its name), last_change, last_tag, server_time and database. Callable without credentials: GET /rpc/health.';


--
-- Name: invite_member(uuid, uuid, text, text, integer); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.invite_member(org_id uuid, user_id uuid DEFAULT NULL::uuid, email text DEFAULT NULL::text, role text DEFAULT 'member'::text, valid_days integer DEFAULT 7) RETURNS api.invitations
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    new_id uuid := identity.invite_member(org_id, user_id, email, role, valid_days);
    result api.invitations;
BEGIN
    SELECT * INTO result FROM api.invitations i WHERE i.id = new_id;
    RETURN result;
END
$$;


ALTER FUNCTION api.invite_member(org_id uuid, user_id uuid, email text, role text, valid_days integer) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION invite_member(org_id uuid, user_id uuid, email text, role text, valid_days integer); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.invite_member(org_id uuid, user_id uuid, email text, role text, valid_days integer) IS 'Invite a person to an organization by user_id or by email (one of them), with the role accepting gives (owners and admins; only owners invite owners). The invitation expires after valid_days (1 to 30, default 7). You see nothing of the person until they accept. Errors: 42501, 22023 bad role, both or neither of user_id and email, bad e-mail or valid_days, 23503 no such user id, 23505 already a member or already invited.';


--
-- Name: jwks(); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.jwks() RETURNS jsonb
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT auth.jwks()
$$;


ALTER FUNCTION api.jwks() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION jwks(); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.jwks() IS 'The public keys that verify neuronplane access tokens, as a JSON Web Key Set: {"keys": [{"kty": "EC", "crv": "P-256", "x", "y", "kid", "alg": "ES256", "use": "sig"}, ...]}. It holds the key that signs now, the next key (published before it signs) and retired keys whose tokens may still be valid. Pick the key by the token header''s kid; fetch the set again when a kid is unknown.';


--
-- Name: login(text, text); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.login(username_or_email text, password text) RETURNS jsonb
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT auth.login(username_or_email, password)
$$;


ALTER FUNCTION api.login(username_or_email text, password text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION login(username_or_email text, password text); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.login(username_or_email text, password text) IS 'Log in with a username (or e-mail) and password. Answers {access_token, token_type, expires_in, expires_at, refresh_token, session_id, principal_id, principal_type}; or, with HTTP 401, {error: "invalid_grant", code: "28P01", message} — the same whether or not the account exists; or, with HTTP 429 and Retry-After, {error: "locked" | "rate_limited", retry_after}. Failed logins count towards the account''s and the address''s lockout.';


--
-- Name: logout(); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.logout() RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT auth.logout()
$$;


ALTER FUNCTION api.logout() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION logout(); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.logout() IS 'End the current session: its refresh tokens stop working and its access tokens are refused from the next request. Errors: 28000.';


--
-- Name: logout_all(); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.logout_all() RETURNS integer
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT auth.logout_all()
$$;


ALTER FUNCTION api.logout_all() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION logout_all(); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.logout_all() IS 'End every session of the caller, this one included; returns how many. Errors: 28000.';


--
-- Name: project_dsn(uuid); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.project_dsn(project_id uuid) RETURNS text
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT identity.project_dsn(project_id)
$$;


ALTER FUNCTION api.project_dsn(project_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION project_dsn(project_id uuid); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.project_dsn(project_id uuid) IS 'The project''s NeuronDB connection string with its password, for principals with execute on the project. Errors: 42501.';


--
-- Name: project_mcp_config(uuid); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.project_mcp_config(project_id uuid) RETURNS jsonb
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT identity.project_mcp_config(project_id)
$$;


ALTER FUNCTION api.project_mcp_config(project_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION project_mcp_config(project_id uuid); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.project_mcp_config(project_id uuid) IS 'The project''s MCP server configuration with its secret environment values (shown as "[encrypted]" elsewhere), for principals with execute on the project. Errors: 42501.';


--
-- Name: record_usage(uuid, bigint, bigint, integer, uuid); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.record_usage(project_id uuid, tokens_in bigint, tokens_out bigint, llm_calls integer DEFAULT 1, model_id uuid DEFAULT NULL::uuid) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT ops.record_usage(project_id, tokens_in, tokens_out, llm_calls, model_id)
$$;


ALTER FUNCTION api.record_usage(project_id uuid, tokens_in bigint, tokens_out bigint, llm_calls integer, model_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION record_usage(project_id uuid, tokens_in bigint, tokens_out bigint, llm_calls integer, model_id uuid); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.record_usage(project_id uuid, tokens_in bigint, tokens_out bigint, llm_calls integer, model_id uuid) IS 'Report LLM usage for a project (NeuronAgent, after each call or in batches): tokens in and out and the number of calls, added to today''s (UTC) counters. Needs execute on the project. Errors: 42704 unknown project or model, 42501, 22023 bad count (named).';


--
-- Name: refresh(text); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.refresh(refresh_token text) RETURNS jsonb
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT auth.refresh(refresh_token)
$$;


ALTER FUNCTION api.refresh(refresh_token text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION refresh(refresh_token text); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.refresh(refresh_token text) IS 'Exchange a refresh token for a new access token and a new refresh token (the old one is spent). A duplicate within the reuse grace interval gets the same successor; a spent token presented later revokes the whole session. Answers like login; failures with HTTP 401 {error: "invalid_grant", code: "28000", message}.';


--
-- Name: remove_member(uuid, uuid); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.remove_member(org_id uuid, user_id uuid) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT identity.remove_member(org_id, user_id)
$$;


ALTER FUNCTION api.remove_member(org_id uuid, user_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION remove_member(org_id uuid, user_id uuid); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.remove_member(org_id uuid, user_id uuid) IS 'Remove a member (owners and admins; only owners remove owners; anyone may remove themselves). Errors: 42501, 42704 not a member, 23514 last owner.';


--
-- Name: reset_password(uuid, text); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.reset_password(user_id uuid, new_password text) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT auth.reset_password(user_id, new_password)
$$;


ALTER FUNCTION api.reset_password(user_id uuid, new_password text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION reset_password(user_id uuid, new_password text); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.reset_password(user_id uuid, new_password text) IS 'Platform administrators: set a user''s password; all the user''s sessions end. Errors: 42501, 42704, 22023 policy.';


--
-- Name: resolve_principal(uuid); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.resolve_principal(principal_id uuid) RETURNS TABLE(id uuid, type text, name text, is_active boolean, is_platform_admin boolean, org_id uuid, project_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT * FROM identity.resolve_principal(principal_id)
$$;


ALTER FUNCTION api.resolve_principal(principal_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION resolve_principal(principal_id uuid); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.resolve_principal(principal_id uuid) IS 'What a principal is (for NeuronAgent and NeuronMCP): type, name, whether it may act, whether it is a platform administrator, and its organization and project. Errors: 42704 unknown or not visible to you.';


--
-- Name: default_rate_limit_per_min(); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.default_rate_limit_per_min() RETURNS integer
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT s.default_rate_limit_per_min FROM identity.settings s
$$;


ALTER FUNCTION identity.default_rate_limit_per_min() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION default_rate_limit_per_min(); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.default_rate_limit_per_min() IS 'identity.settings.default_rate_limit_per_min: the rate limit of a new API key by default.';


--
-- Name: api_keys; Type: TABLE; Schema: identity; Owner: neuronplane_owner
--

CREATE TABLE identity.api_keys (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    principal_id uuid NOT NULL,
    principal_type text NOT NULL,
    project_id uuid,
    name text NOT NULL,
    prefix text NOT NULL,
    secret_hash bytea NOT NULL,
    roles text[] NOT NULL,
    rate_limit_per_min integer DEFAULT identity.default_rate_limit_per_min() NOT NULL,
    expires_at timestamp with time zone,
    revoked_at timestamp with time zone,
    last_used_at timestamp with time zone,
    created_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT api_keys_name_check CHECK (((btrim(name) <> ''::text) AND (length(name) <= 200))),
    CONSTRAINT api_keys_prefix_check CHECK ((prefix ~ '^[0-9a-f]{12}$'::text)),
    CONSTRAINT api_keys_principal_type_check CHECK ((principal_type = ANY (ARRAY['user'::text, 'service_account'::text, 'agent'::text]))),
    CONSTRAINT api_keys_rate_limit_per_min_check CHECK (((rate_limit_per_min >= 1) AND (rate_limit_per_min <= 1000000))),
    CONSTRAINT api_keys_roles_check CHECK ((((cardinality(roles) >= 1) AND (cardinality(roles) <= 4)) AND (array_position(roles, NULL::text) IS NULL))),
    CONSTRAINT api_keys_secret_hash_check CHECK ((length(secret_hash) = 32))
);

ALTER TABLE ONLY identity.api_keys FORCE ROW LEVEL SECURITY;


ALTER TABLE identity.api_keys OWNER TO neuronplane_owner;

--
-- Name: TABLE api_keys; Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON TABLE identity.api_keys IS 'API keys of users, service accounts and agents. Only a SHA-256 of the secret is kept; the key is shown once at creation.';


--
-- Name: api_keys; Type: VIEW; Schema: api; Owner: neuronplane_owner
--

CREATE VIEW api.api_keys WITH (security_invoker='true') AS
 SELECT k.id,
    k.principal_id,
    k.principal_type,
    k.project_id,
    k.name,
    k.prefix,
    k.roles,
    k.rate_limit_per_min,
    k.expires_at,
    k.revoked_at,
    k.last_used_at,
    k.created_by,
    k.created_at,
    k.updated_at
   FROM identity.api_keys k;


ALTER TABLE api.api_keys OWNER TO neuronplane_owner;

--
-- Name: VIEW api_keys; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON VIEW api.api_keys IS 'API keys you may read: your own, and those of the organizations you administer. Never the secret or its hash. Create with /rpc/create_api_key (the key is shown once), /rpc/revoke_api_key, /rpc/rotate_api_key; PATCH renames.';


--
-- Name: COLUMN api_keys.id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.api_keys.id IS 'Key id.';


--
-- Name: COLUMN api_keys.principal_id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.api_keys.principal_id IS 'Who the key acts as.';


--
-- Name: COLUMN api_keys.principal_type; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.api_keys.principal_type IS 'user, service_account or agent.';


--
-- Name: COLUMN api_keys.project_id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.api_keys.project_id IS 'If set, the key reaches only this project and what it holds.';


--
-- Name: COLUMN api_keys.name; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.api_keys.name IS 'A name to recognise the key by.';


--
-- Name: COLUMN api_keys.prefix; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.api_keys.prefix IS 'The visible part of the key: npk_<prefix>_...';


--
-- Name: COLUMN api_keys.roles; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.api_keys.roles IS 'admin, member, viewer, service: narrow what the principal may do through this key.';


--
-- Name: COLUMN api_keys.rate_limit_per_min; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.api_keys.rate_limit_per_min IS 'Requests per minute allowed with this key.';


--
-- Name: COLUMN api_keys.expires_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.api_keys.expires_at IS 'When the key stops working, if ever.';


--
-- Name: COLUMN api_keys.revoked_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.api_keys.revoked_at IS 'When the key was revoked.';


--
-- Name: COLUMN api_keys.last_used_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.api_keys.last_used_at IS 'Last successful use.';


--
-- Name: COLUMN api_keys.created_by; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.api_keys.created_by IS 'Principal that created the key.';


--
-- Name: COLUMN api_keys.created_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.api_keys.created_at IS 'When the key was created.';


--
-- Name: COLUMN api_keys.updated_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.api_keys.updated_at IS 'When the key last changed.';


--
-- Name: revoke_api_key(uuid); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.revoke_api_key(id uuid) RETURNS api.api_keys
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    new_id uuid := identity.revoke_api_key(id);
    result api.api_keys;
BEGIN
    SELECT * INTO result FROM api.api_keys x WHERE x.id = new_id;
    RETURN result;
END
$$;


ALTER FUNCTION api.revoke_api_key(id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION revoke_api_key(id uuid); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.revoke_api_key(id uuid) IS 'Revoke an API key (its principal, or an administrator of it); revoking twice changes nothing. Errors: 42501.';


--
-- Name: revoke_invitation(uuid); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.revoke_invitation(invitation_id uuid) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT identity.revoke_invitation(invitation_id)
$$;


ALTER FUNCTION api.revoke_invitation(invitation_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION revoke_invitation(invitation_id uuid); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.revoke_invitation(invitation_id uuid) IS 'Withdraw a pending invitation (the organization''s owners and admins; only owners withdraw an invitation to the owner role). Errors: 42501, 42704 no such invitation, PT409 (HTTP 409) no longer pending.';


--
-- Name: revoke_permission(uuid); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.revoke_permission(policy_id uuid) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT identity.revoke_permission(policy_id)
$$;


ALTER FUNCTION api.revoke_permission(policy_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION revoke_permission(policy_id uuid); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.revoke_permission(policy_id uuid) IS 'Remove a policy; you must administer what it covers. Errors: 42704 no such policy, 42501.';


--
-- Name: revoke_session(uuid); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.revoke_session(session_id uuid) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT auth.revoke_session(session_id)
$$;


ALTER FUNCTION api.revoke_session(session_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION revoke_session(session_id uuid); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.revoke_session(session_id uuid) IS 'End one of your sessions (see api.sessions()). Errors: 22004 no session_id (HTTP 400), 42704 no such live session of yours, 28000.';


--
-- Name: rotate_api_key(uuid); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.rotate_api_key(id uuid, OUT new_id uuid, OUT prefix text, OUT api_key text) RETURNS record
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT * FROM identity.rotate_api_key(id)
$$;


ALTER FUNCTION api.rotate_api_key(id uuid, OUT new_id uuid, OUT prefix text, OUT api_key text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION rotate_api_key(id uuid, OUT new_id uuid, OUT prefix text, OUT api_key text); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.rotate_api_key(id uuid, OUT new_id uuid, OUT prefix text, OUT api_key text) IS 'Replace an API key by a new one with the same name, roles, project, rate limit and expiry, and revoke the old one. Returns the new key once. Errors: 42501, 22023 already revoked.';


--
-- Name: sessions(); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.sessions() RETURNS TABLE(id uuid, auth_method text, created_at timestamp with time zone, last_used_at timestamp with time zone, expires_at timestamp with time zone, ip inet, user_agent text, is_current boolean)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT * FROM auth.list_sessions()
$$;


ALTER FUNCTION api.sessions() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION sessions(); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.sessions() IS 'Your live sessions: device (user agent), address, method, when created and last used, when they expire, and which one is this request''s.';


--
-- Name: set_llm_model_key(uuid, text); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.set_llm_model_key(model_id uuid, key text) RETURNS api.llm_models
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    new_id uuid := workspace.set_llm_model_key(model_id, key);
    result api.llm_models;
BEGIN
    SELECT * INTO result FROM api.llm_models x WHERE x.id = new_id;
    RETURN result;
END
$$;


ALTER FUNCTION api.set_llm_model_key(model_id uuid, key text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION set_llm_model_key(model_id uuid, key text); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.set_llm_model_key(model_id uuid, key text) IS 'Store (or replace) the provider key of an LLM model, envelope-encrypted; the answer shows only its last four characters. Needs write on the model. Errors: 42704, 42501, 22023 bad key.';


--
-- Name: set_llm_model_key(uuid, text, text); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.set_llm_model_key(project_id uuid, model_name text, key text) RETURNS api.llm_models
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    new_id uuid := workspace.set_llm_model_key(project_id, model_name, key);
    result api.llm_models;
BEGIN
    SELECT * INTO result FROM api.llm_models x WHERE x.id = new_id;
    RETURN result;
END
$$;


ALTER FUNCTION api.set_llm_model_key(project_id uuid, model_name text, key text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION set_llm_model_key(project_id uuid, model_name text, key text); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.set_llm_model_key(project_id uuid, model_name text, key text) IS 'Store the provider key of the model named model_name in a project (as the desktop''s POST .../llm-models/{model_name}/key). Errors: 42704, 42501, 22023 bad key.';


--
-- Name: set_profile_agent_key(uuid, text); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.set_profile_agent_key(project_id uuid, agent_api_key text) RETURNS api.profiles
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    new_id uuid := workspace.set_profile_agent_key(project_id, agent_api_key);
    result api.profiles;
BEGIN
    SELECT * INTO result FROM api.profiles x WHERE x.id = new_id;
    RETURN result;
END
$$;


ALTER FUNCTION api.set_profile_agent_key(project_id uuid, agent_api_key text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION set_profile_agent_key(project_id uuid, agent_api_key text); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.set_profile_agent_key(project_id uuid, agent_api_key text) IS 'Store (or replace) a profile''s NeuronAgent API key, envelope-encrypted; needs write on the project. Errors: 42704, 42501, 22023.';


--
-- Name: sign_in_providers(); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.sign_in_providers() RETURNS TABLE(name text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$ SELECT * FROM auth.sign_in_providers() $$;


ALTER FUNCTION api.sign_in_providers() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION sign_in_providers(); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.sign_in_providers() IS 'The OIDC providers a person may sign in with (their names, enabled ones only), for the console''s sign-in page: GET /auth/oidc/{name}/login starts the login. Anyone may call it.';


--
-- Name: start_ingest(uuid, text, text, jsonb, text, jsonb, jsonb, jsonb, jsonb, text); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.start_ingest(project_id uuid, dataset_name text, source_type text, source jsonb, format text DEFAULT 'auto'::text, options jsonb DEFAULT '{}'::jsonb, embedding jsonb DEFAULT NULL::jsonb, index_config jsonb DEFAULT '{}'::jsonb, credentials jsonb DEFAULT NULL::jsonb, if_exists text DEFAULT 'fail'::text) RETURNS api.ingest_jobs
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    new_id uuid := workspace.start_ingest(project_id, dataset_name, source_type, source, format, options, embedding, index_config, credentials, if_exists);
    result api.ingest_jobs;
BEGIN
    SELECT * INTO result FROM api.ingest_jobs j WHERE j.id = new_id;
    RETURN result;
END
$$;


ALTER FUNCTION api.start_ingest(project_id uuid, dataset_name text, source_type text, source jsonb, format text, options jsonb, embedding jsonb, index_config jsonb, credentials jsonb, if_exists text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION start_ingest(project_id uuid, dataset_name text, source_type text, source jsonb, format text, options jsonb, embedding jsonb, index_config jsonb, credentials jsonb, if_exists text); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.start_ingest(project_id uuid, dataset_name text, source_type text, source jsonb, format text, options jsonb, embedding jsonb, index_config jsonb, credentials jsonb, if_exists text) IS 'Queue the ingestion of a dataset into the project (needs write on it; replacing a dataset needs write on the dataset). source by source_type: upload {"upload_id"} (from the glue''s POST /ingest/upload), url {"url"}, s3 {"bucket", "key", "region"?, "endpoint_url"?}, github {"repo": "owner/name", "path", "ref"?}, huggingface {"dataset", "path" or "split", "revision"?}. credentials (stored encrypted, never shown): s3 {"access_key_id", "secret_access_key", "session_token"?}; github, huggingface, url {"token"}. options: delimiter, header, encoding, quote, null, column_mapping. embedding: {"model", "text_columns", "batch_size"?}. index_config: {"btree": [...], "fulltext": [...], "hnsw": bool}. Errors: 28000, 42501, 42704 project or upload missing, 22023 invalid field (named), 23505 dataset exists.';


--
-- Name: verify_audit(timestamp with time zone, timestamp with time zone); Type: FUNCTION; Schema: api; Owner: neuronplane_owner
--

CREATE FUNCTION api.verify_audit(from_time timestamp with time zone DEFAULT '-infinity'::timestamp with time zone, to_time timestamp with time zone DEFAULT 'infinity'::timestamp with time zone) RETURNS TABLE(ok boolean, event_id bigint, occurred_at timestamp with time zone, problem text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT * FROM audit.verify_audit(from_time, to_time)
$$;


ALTER FUNCTION api.verify_audit(from_time timestamp with time zone, to_time timestamp with time zone) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION verify_audit(from_time timestamp with time zone, to_time timestamp with time zone); Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON FUNCTION api.verify_audit(from_time timestamp with time zone, to_time timestamp with time zone) IS 'Platform administrators: verify the audit log''s hash chains for the months overlapping [from_time, to_time) (default: everything). One row: ok = true, or the first event whose content or link does not match, with the problem. Events recorded in the last minute may not be sealed yet. GET /rpc/verify_audit?from_time=2026-11-01';


--
-- Name: next_event_id(); Type: FUNCTION; Schema: audit; Owner: neuronplane_owner
--

CREATE FUNCTION audit.next_event_id() RETURNS bigint
    LANGUAGE sql
    AS $$
    SELECT CASE WHEN pg_catalog.pg_current_xact_id() IS NOT NULL
                THEN pg_catalog.nextval('audit.events_id_seq'::pg_catalog.regclass) END
$$;


ALTER FUNCTION audit.next_event_id() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION next_event_id(); Type: COMMENT; Schema: audit; Owner: neuronplane_owner
--

COMMENT ON FUNCTION audit.next_event_id() IS 'The next audit event id, drawn after the transaction took its transaction id.';


--
-- Name: events; Type: TABLE; Schema: audit; Owner: neuronplane_owner
--

CREATE TABLE audit.events (
    id bigint DEFAULT audit.next_event_id() NOT NULL,
    occurred_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    principal_id uuid,
    principal_type text,
    org_id uuid,
    project_id uuid,
    action text NOT NULL,
    resource_type text,
    resource_id text,
    outcome text NOT NULL,
    ip inet,
    user_agent text,
    request_id text,
    details jsonb DEFAULT '{}'::jsonb NOT NULL
)
PARTITION BY RANGE (occurred_at);

ALTER TABLE ONLY audit.events FORCE ROW LEVEL SECURITY;


ALTER TABLE audit.events OWNER TO neuronplane_owner;

--
-- Name: TABLE events; Type: COMMENT; Schema: audit; Owner: neuronplane_owner
--

COMMENT ON TABLE audit.events IS 'The audit log: append-only, partitioned by month (UTC), sealed into a SHA-256 chain per month.';


--
-- Name: canonical(audit.events); Type: FUNCTION; Schema: audit; Owner: neuronplane_owner
--

CREATE FUNCTION audit.canonical(e audit.events) RETURNS bytea
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
    SELECT pg_catalog.convert_to(pg_catalog.jsonb_build_array(
        e.id, pg_catalog.timezone('UTC', e.occurred_at), e.principal_id, e.principal_type,
        e.org_id, e.project_id, e.action, e.resource_type, e.resource_id, e.outcome,
        e.ip::text, e.user_agent, e.request_id, e.details)::text, 'UTF8')
$$;


ALTER FUNCTION audit.canonical(e audit.events) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION canonical(e audit.events); Type: COMMENT; Schema: audit; Owner: neuronplane_owner
--

COMMENT ON FUNCTION audit.canonical(e audit.events) IS 'The canonical serialization of an audit event that its seal hashes.';


--
-- Name: chain_head(); Type: FUNCTION; Schema: audit; Owner: neuronplane_owner
--

CREATE FUNCTION audit.chain_head() RETURNS TABLE(month date, "position" bigint, hash text, finalized boolean)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT c.month, c.last_position, encode(c.head_hash, 'hex'), c.finalized_at IS NOT NULL
      FROM audit.chain_state c
     WHERE c.last_position > 0 AND c.dropped_at IS NULL
     ORDER BY c.month DESC
     LIMIT 1
$$;


ALTER FUNCTION audit.chain_head() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION chain_head(); Type: COMMENT; Schema: audit; Owner: neuronplane_owner
--

COMMENT ON FUNCTION audit.chain_head() IS 'The latest sealed hash (hex) with its month and position; finalized when that month can take no more events.';


--
-- Name: client_ip(jsonb); Type: FUNCTION; Schema: audit; Owner: neuronplane_owner
--

CREATE FUNCTION audit.client_ip(headers jsonb) RETURNS inet
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    forwarded text;
BEGIN
    SELECT headers ->> s.trusted_proxy_header INTO forwarded
      FROM audit.settings s
     WHERE s.trusted_proxy_header IS NOT NULL;
    RETURN audit.try_inet(btrim(split_part(forwarded, ',',
                                           array_length(string_to_array(forwarded, ','), 1))));
END
$$;


ALTER FUNCTION audit.client_ip(headers jsonb) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION client_ip(headers jsonb); Type: COMMENT; Schema: audit; Owner: neuronplane_owner
--

COMMENT ON FUNCTION audit.client_ip(headers jsonb) IS 'The client address in PostgREST request headers, per audit.settings.trusted_proxy_header.';


--
-- Name: drop_partitions_older_than(interval); Type: FUNCTION; Schema: audit; Owner: neuronplane_owner
--

CREATE FUNCTION audit.drop_partitions_older_than(max_age interval) RETURNS SETOF text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    due    audit.chain_state[];
    cs     audit.chain_state;
    suffix text;
BEGIN
    IF max_age IS NULL OR max_age < interval '1 month' THEN
        RAISE EXCEPTION 'max_age must be at least one month, not %', max_age
            USING ERRCODE = '22023';
    END IF;
    SELECT coalesce(array_agg(c ORDER BY c.month), '{}') INTO due
      FROM audit.chain_state c
     WHERE c.dropped_at IS NULL
       AND audit.month_end(c.month) <= clock_timestamp() - max_age;
    FOREACH cs IN ARRAY due LOOP
        IF cs.finalized_at IS NULL THEN
            RAISE EXCEPTION 'audit partition % cannot be dropped: its chain is not sealed yet',
                            'events_' || to_char(cs.month, 'YYYY_MM')
                USING ERRCODE = '55000', HINT = 'Run SELECT audit.seal(); and try again.';
        END IF;
        -- An empty month has nothing to anchor.
        IF cs.last_position > 0
           AND (cs.exported_position IS DISTINCT FROM cs.last_position
                OR cs.exported_hash IS DISTINCT FROM cs.head_hash) THEN
            RAISE EXCEPTION 'audit partition % cannot be dropped: its final chain head has not been exported',
                            'events_' || to_char(cs.month, 'YYYY_MM')
                USING ERRCODE = '55000',
                      HINT = 'Export the head (audit.chain_state for that month), then call audit.mark_exported().';
        END IF;
    END LOOP;
    -- Every month passed: drop them all.
    FOREACH cs IN ARRAY due LOOP
        suffix := to_char(cs.month, 'YYYY_MM');
        EXECUTE format('DROP TABLE IF EXISTS audit.%I', 'events_' || suffix);
        EXECUTE format('DROP TABLE IF EXISTS audit.%I', 'seals_' || suffix);
        UPDATE audit.chain_state SET dropped_at = clock_timestamp() WHERE month = cs.month;
        PERFORM audit.record('audit.partition.dropped', 'success', 'audit',
                             to_char(cs.month, 'YYYY-MM'),
                             jsonb_build_object('last_position', cs.last_position,
                                                'head_hash', encode(cs.head_hash, 'hex')));
        RETURN NEXT 'audit.events_' || suffix;
    END LOOP;
END
$$;


ALTER FUNCTION audit.drop_partitions_older_than(max_age interval) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION drop_partitions_older_than(max_age interval); Type: COMMENT; Schema: audit; Owner: neuronplane_owner
--

COMMENT ON FUNCTION audit.drop_partitions_older_than(max_age interval) IS 'Drop the audit months that ended more than max_age ago; refuses (55000) unless every such month is sealed and its final head exported.';


--
-- Name: ensure_partitions(integer); Type: FUNCTION; Schema: audit; Owner: neuronplane_owner
--

CREATE FUNCTION audit.ensure_partitions(months_ahead integer DEFAULT NULL::integer) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    ahead   integer := coalesce(months_ahead,
                                (SELECT s.partitions_ahead FROM audit.settings s));
    first   date := audit.month_of(clock_timestamp());
    m       date;
    suffix  text;
    created integer := 0;
BEGIN
    IF ahead IS NULL OR ahead < 0 OR ahead > 24 THEN
        RAISE EXCEPTION 'months_ahead must be between 0 and 24, not %', ahead
            USING ERRCODE = '22023';
    END IF;
    -- One maintainer at a time; concurrent callers wait, then find the work done.
    PERFORM pg_advisory_xact_lock(hashtext('neuronplane.audit.ensure_partitions'));
    FOR i IN 0 .. ahead LOOP
        m := (first + make_interval(months => i))::date;
        suffix := to_char(m, 'YYYY_MM');
        IF to_regclass(format('audit.events_%s', suffix)) IS NULL THEN
            EXECUTE format(
                'CREATE TABLE audit.%I PARTITION OF audit.events FOR VALUES FROM (%L) TO (%L)',
                'events_' || suffix,
                audit.month_start(m), audit.month_end(m));
            EXECUTE format('ALTER TABLE audit.%I ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY',
                           'events_' || suffix);
            EXECUTE format('CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON audit.%I '
                           'FOR EACH STATEMENT EXECUTE FUNCTION audit.tg_append_only__reject()',
                           'events_' || suffix);
            created := created + 1;
        END IF;
        IF to_regclass(format('audit.seals_%s', suffix)) IS NULL THEN
            EXECUTE format(
                'CREATE TABLE audit.%I PARTITION OF audit.seals FOR VALUES FROM (%L) TO (%L)',
                'seals_' || suffix, m, (m + interval '1 month')::date);
            EXECUTE format('ALTER TABLE audit.%I ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY',
                           'seals_' || suffix);
            EXECUTE format('CREATE TRIGGER seals_no_truncate BEFORE TRUNCATE ON audit.%I '
                           'FOR EACH STATEMENT EXECUTE FUNCTION audit.tg_append_only__reject()',
                           'seals_' || suffix);
            created := created + 1;
        END IF;
        INSERT INTO audit.chain_state (month, head_hash)
        VALUES (m, audit.genesis_hash(m))
        ON CONFLICT (month) DO NOTHING;
    END LOOP;
    RETURN created;
END
$$;


ALTER FUNCTION audit.ensure_partitions(months_ahead integer) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION ensure_partitions(months_ahead integer); Type: COMMENT; Schema: audit; Owner: neuronplane_owner
--

COMMENT ON FUNCTION audit.ensure_partitions(months_ahead integer) IS 'Create the audit partitions of this month and the next months_ahead (default: audit.settings.partitions_ahead) months. Idempotent; returns how many tables it created.';


--
-- Name: genesis_hash(date); Type: FUNCTION; Schema: audit; Owner: neuronplane_owner
--

CREATE FUNCTION audit.genesis_hash(month date) RETURNS bytea
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
    SELECT pg_catalog.sha256(pg_catalog.convert_to(
        pg_catalog.concat('neuronplane audit chain ', pg_catalog.to_char(month, 'YYYY-MM')), 'UTF8'))
$$;


ALTER FUNCTION audit.genesis_hash(month date) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION genesis_hash(month date); Type: COMMENT; Schema: audit; Owner: neuronplane_owner
--

COMMENT ON FUNCTION audit.genesis_hash(month date) IS 'The hash a month''s seal chain starts from.';


--
-- Name: is_known_action(text); Type: FUNCTION; Schema: audit; Owner: neuronplane_owner
--

CREATE FUNCTION audit.is_known_action(action text) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$SELECT action OPERATOR(pg_catalog.=) ANY ('{api_key.created,api_key.rate_limited,api_key.rejected,api_key.revoked,api_key.rotated,audit.head.exported,audit.partition.dropped,auth.csrf.refused,auth.login.failed,auth.login.locked,auth.login.succeeded,auth.logout,auth.oidc.consumed,auth.oidc.failed,auth.oidc.linked,auth.oidc.provider.deleted,auth.oidc.provider.saved,auth.oidc.started,auth.password.change_failed,auth.password.changed,auth.password.reset,auth.refresh.reused,auth.refresh.rotated,auth.session.revoked,auth.signing_key.rotated,identity.invitation.accepted,identity.invitation.created,identity.invitation.declined,identity.invitation.revoked,identity.legacy.imported,identity.membership.changed,identity.org.created,identity.org.updated,identity.principal.disabled,identity.principal.enabled,identity.project.created,identity.project.deleted,identity.project.updated,identity.service_account.created,identity.user.created,identity.user.disabled,policy.granted,policy.revoked,workspace.ingest.cancelled,workspace.ingest.failed,workspace.ingest.started,workspace.ingest.succeeded,workspace.llm_model.created,workspace.llm_model.deleted,workspace.llm_model.updated,workspace.model_key.revealed,workspace.model_key.set,workspace.onboarding.probed,workspace.profile.agent_key_revealed,workspace.profile.agent_key_set,workspace.secrets.rotated}'::pg_catalog.text[])$$;


ALTER FUNCTION audit.is_known_action(action text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION is_known_action(action text); Type: COMMENT; Schema: audit; Owner: neuronplane_owner
--

COMMENT ON FUNCTION audit.is_known_action(action text) IS 'True when action is in audit.actions; compiled from the catalogue by a trigger.';


--
-- Name: mark_exported(date, bigint, text, text); Type: FUNCTION; Schema: audit; Owner: neuronplane_owner
--

CREATE FUNCTION audit.mark_exported(month date, "position" bigint, hash text, destination text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
BEGIN
    IF destination IS NULL OR btrim(destination) = '' THEN
        RAISE EXCEPTION 'say where the head was exported to' USING ERRCODE = '22023';
    END IF;
    IF hash IS NULL OR hash !~ '^[0-9a-f]{64}$' THEN
        RAISE EXCEPTION 'hash must be 64 lower-case hex digits' USING ERRCODE = '22023';
    END IF;
    IF NOT audit.verify_head(month, "position", hash) THEN
        RAISE EXCEPTION 'the chain of % has no seal % with that hash', to_char(month, 'YYYY-MM'), "position"
            USING ERRCODE = '22023',
                  HINT = 'Export what audit.chain_head() returns.';
    END IF;
    UPDATE audit.chain_state c
       SET exported_position = mark_exported.position, exported_hash = decode(hash, 'hex'),
           exported_at = clock_timestamp(), exported_to = destination
     WHERE c.month = mark_exported.month
       AND (c.exported_position IS NULL OR c.exported_position <= mark_exported.position);
    PERFORM audit.record('audit.head.exported', 'success', 'audit', to_char(month, 'YYYY-MM'),
                         jsonb_build_object('position', "position", 'hash', hash,
                                            'destination', destination));
END
$_$;


ALTER FUNCTION audit.mark_exported(month date, "position" bigint, hash text, destination text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION mark_exported(month date, "position" bigint, hash text, destination text); Type: COMMENT; Schema: audit; Owner: neuronplane_owner
--

COMMENT ON FUNCTION audit.mark_exported(month date, "position" bigint, hash text, destination text) IS 'Record that the head (month, position, hash) was exported to destination; retention requires it.';


--
-- Name: month_end(date); Type: FUNCTION; Schema: audit; Owner: neuronplane_owner
--

CREATE FUNCTION audit.month_end(month date) RETURNS timestamp with time zone
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT pg_catalog.timezone('UTC', (month OPERATOR(pg_catalog.+) '1 month'::interval)) $$;


ALTER FUNCTION audit.month_end(month date) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION month_end(month date); Type: COMMENT; Schema: audit; Owner: neuronplane_owner
--

COMMENT ON FUNCTION audit.month_end(month date) IS 'When the UTC month beginning on month ends.';


--
-- Name: month_of(timestamp with time zone); Type: FUNCTION; Schema: audit; Owner: neuronplane_owner
--

CREATE FUNCTION audit.month_of(at timestamp with time zone) RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT pg_catalog.date_trunc('month', pg_catalog.timezone('UTC', at))::date $$;


ALTER FUNCTION audit.month_of(at timestamp with time zone) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION month_of(at timestamp with time zone); Type: COMMENT; Schema: audit; Owner: neuronplane_owner
--

COMMENT ON FUNCTION audit.month_of(at timestamp with time zone) IS 'The first day of the UTC month containing at.';


--
-- Name: month_start(date); Type: FUNCTION; Schema: audit; Owner: neuronplane_owner
--

CREATE FUNCTION audit.month_start(month date) RETURNS timestamp with time zone
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT pg_catalog.timezone('UTC', month::timestamp) $$;


ALTER FUNCTION audit.month_start(month date) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION month_start(month date); Type: COMMENT; Schema: audit; Owner: neuronplane_owner
--

COMMENT ON FUNCTION audit.month_start(month date) IS 'When the UTC month beginning on month starts.';


--
-- Name: record(text, text, text, text, jsonb, uuid, text, uuid, uuid, inet, text, text); Type: FUNCTION; Schema: audit; Owner: neuronplane_owner
--

CREATE FUNCTION audit.record(action text, outcome text DEFAULT 'success'::text, resource_type text DEFAULT NULL::text, resource_id text DEFAULT NULL::text, details jsonb DEFAULT '{}'::jsonb, principal_id uuid DEFAULT NULL::uuid, principal_type text DEFAULT NULL::text, org_id uuid DEFAULT NULL::uuid, project_id uuid DEFAULT NULL::uuid, ip inet DEFAULT NULL::inet, user_agent text DEFAULT NULL::text, request_id text DEFAULT NULL::text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    headers jsonb := nullif(current_setting('request.headers', true), '')::jsonb;
    v_details jsonb := coalesce(details, '{}'::jsonb);
    v_id bigint;
BEGIN
    IF NOT coalesce(audit.is_known_action(action)
                    AND outcome IN ('success', 'failure', 'denied')
                    AND (principal_id IS NULL) = (principal_type IS NULL)
                    AND (principal_type IS NULL
                         OR principal_type IN ('user', 'org', 'agent', 'tool', 'dataset', 'service_account'))
                    AND (resource_type IS NULL OR resource_type ~ '^[a-z][a-z0-9_]{0,62}$')
                    AND jsonb_typeof(v_details) = 'object', false) THEN
        -- Refused: say why.
        IF NOT coalesce(audit.is_known_action(action), false) THEN
            RAISE EXCEPTION 'unknown audit action "%"', action
                USING ERRCODE = '22023',
                      HINT = 'Use an action listed in audit.actions; new actions are added by a migration.';
        END IF;
        IF outcome IS NULL OR outcome NOT IN ('success', 'failure', 'denied') THEN
            RAISE EXCEPTION 'audit outcome must be success, failure or denied, not "%"', outcome
                USING ERRCODE = '22023';
        END IF;
        IF (principal_id IS NULL) <> (principal_type IS NULL) THEN
            RAISE EXCEPTION 'principal_id and principal_type go together'
                USING ERRCODE = '22023';
        END IF;
        IF principal_type NOT IN ('user', 'org', 'agent', 'tool', 'dataset', 'service_account') THEN
            RAISE EXCEPTION 'unknown principal type "%"', principal_type
                USING ERRCODE = '22023',
                      HINT = 'Use user, org, agent, tool, dataset or service_account.';
        END IF;
        IF resource_type !~ '^[a-z][a-z0-9_]{0,62}$' THEN
            RAISE EXCEPTION 'resource_type must be a lower-case snake_case name, not "%"', resource_type
                USING ERRCODE = '22023';
        END IF;
        RAISE EXCEPTION 'audit details must be a JSON object, not %', jsonb_typeof(v_details)
            USING ERRCODE = '22023';
    END IF;

    IF v_details <> '{}'::jsonb THEN
        -- A cheap look at the keys ("name": ...) before the full walk.
        IF v_details::text ~* '"[^"]*(pass|secret|token|key|authorization|cookie|credential|verifier|dsn|signature)[^"]*": ' THEN
            v_details := audit.redact(v_details);
        END IF;
        -- 1024 is the smallest limit audit.settings allows: below it, no need to look.
        IF pg_column_size(v_details) > 1024
           AND pg_column_size(v_details) > (SELECT s.max_details_bytes FROM audit.settings s) THEN
            -- Keep the event; drop the oversized payload, saying so.
            v_details := jsonb_build_object('truncated', true,
                                            'original_bytes', pg_column_size(v_details));
        END IF;
    END IF;

    -- Request metadata: from PostgREST's headers for API requests, from the connection for
    -- direct SQL clients. What the caller passes wins.
    IF headers IS NOT NULL THEN
        ip := coalesce(ip, audit.client_ip(headers));
        user_agent := coalesce(user_agent, headers ->> 'user-agent');
        request_id := coalesce(request_id, headers ->> 'x-request-id');
    ELSIF ip IS NULL THEN
        ip := inet_client_addr();
    END IF;

    INSERT INTO audit.events AS e (occurred_at, principal_id, principal_type, org_id,
                                   project_id, action, resource_type, resource_id, outcome,
                                   ip, user_agent, request_id, details)
    VALUES (clock_timestamp(), principal_id, principal_type, org_id, project_id, action,
            resource_type, left(resource_id, 256), outcome, ip, left(user_agent, 512),
            left(request_id, 128), v_details)
    RETURNING e.id INTO v_id;
    RETURN v_id;
END
$_$;


ALTER FUNCTION audit.record(action text, outcome text, resource_type text, resource_id text, details jsonb, principal_id uuid, principal_type text, org_id uuid, project_id uuid, ip inet, user_agent text, request_id text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION record(action text, outcome text, resource_type text, resource_id text, details jsonb, principal_id uuid, principal_type text, org_id uuid, project_id uuid, ip inet, user_agent text, request_id text); Type: COMMENT; Schema: audit; Owner: neuronplane_owner
--

COMMENT ON FUNCTION audit.record(action text, outcome text, resource_type text, resource_id text, details jsonb, principal_id uuid, principal_type text, org_id uuid, project_id uuid, ip inet, user_agent text, request_id text) IS 'Append an audit event and return its id. action must be in audit.actions; ip, user_agent and request_id default to the PostgREST request''s headers (ip from audit.settings.trusted_proxy_header) or, for direct SQL clients, the connection''s address. Secret-named keys in details are redacted.';


--
-- Name: redact(jsonb); Type: FUNCTION; Schema: audit; Owner: neuronplane_owner
--

CREATE FUNCTION audit.redact(details jsonb) RETURNS jsonb
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    secret_key constant text :=
        '(pass(word|wd|phrase)?|secret|token|api[_-]?key|authorization|cookie|credential'
        '|private[_-]?key|code[_-]?verifier|dsn|signature)';
    result jsonb;
BEGIN
    CASE jsonb_typeof(details)
    WHEN 'object' THEN
        SELECT coalesce(jsonb_object_agg(
                   e.key,
                   CASE WHEN e.key ~* secret_key THEN '"[redacted]"'::jsonb
                        ELSE audit.redact(e.value) END), '{}'::jsonb)
          INTO result
          FROM jsonb_each(details) AS e;
        RETURN result;
    WHEN 'array' THEN
        SELECT coalesce(jsonb_agg(audit.redact(e.value) ORDER BY e.ordinality), '[]'::jsonb)
          INTO result
          FROM jsonb_array_elements(details) WITH ORDINALITY AS e;
        RETURN result;
    ELSE
        RETURN details;
    END CASE;
END
$$;


ALTER FUNCTION audit.redact(details jsonb) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION redact(details jsonb); Type: COMMENT; Schema: audit; Owner: neuronplane_owner
--

COMMENT ON FUNCTION audit.redact(details jsonb) IS 'details with the value of every secret-named key (password, token, secret, api_key, cookie, ...) replaced by "[redacted]".';


--
-- Name: seal(integer); Type: FUNCTION; Schema: audit; Owner: neuronplane_owner
--

CREATE FUNCTION audit.seal(max_events integer DEFAULT 100000) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    st          audit.sealer_state;
    horizon     xid8;
    ev          audit.events;
    cur_month   date;
    pos         bigint;
    prev        bytea;
    h           bytea;
    sealed      integer := 0;
    read_id     bigint;
    read_called boolean;
BEGIN
    IF max_events IS NULL OR max_events < 1 THEN
        RAISE EXCEPTION 'max_events must be positive' USING ERRCODE = '22023';
    END IF;
    IF NOT pg_try_advisory_xact_lock(hashtext('neuronplane.audit.seal')) THEN
        RETURN 0;  -- another sealer is at work
    END IF;
    -- Every minute is also a chance to keep partitions ahead (cheap when nothing is missing).
    PERFORM audit.ensure_partitions();
    SELECT * INTO st FROM audit.sealer_state FOR UPDATE;
    -- Every transaction older than this horizon has ended, so its events (if committed)
    -- are visible to the statements below.
    horizon := pg_snapshot_xmin(pg_current_snapshot());

    FOR ev IN
        SELECT e.*
          FROM audit.events e
         WHERE e.id > st.watermark
           AND NOT EXISTS (SELECT FROM audit.seals s
                            WHERE s.event_id = e.id AND s.month = audit.month_of(e.occurred_at))
         ORDER BY audit.month_of(e.occurred_at), e.id
         LIMIT max_events
    LOOP
        IF cur_month IS DISTINCT FROM audit.month_of(ev.occurred_at) THEN
            IF cur_month IS NOT NULL THEN
                UPDATE audit.chain_state SET last_position = pos, head_hash = prev
                 WHERE month = cur_month;
            END IF;
            cur_month := audit.month_of(ev.occurred_at);
            INSERT INTO audit.chain_state (month, head_hash)
            VALUES (cur_month, audit.genesis_hash(cur_month))
            ON CONFLICT (month) DO NOTHING;
            SELECT c.last_position, c.head_hash INTO pos, prev
              FROM audit.chain_state c WHERE c.month = cur_month FOR UPDATE;
        END IF;
        pos := pos + 1;
        h := sha256(prev || audit.canonical(ev));
        INSERT INTO audit.seals (month, position, event_id, occurred_at, prev_hash, hash)
        VALUES (cur_month, pos, ev.id, ev.occurred_at, prev, h);
        prev := h;
        sealed := sealed + 1;
    END LOOP;
    IF cur_month IS NOT NULL THEN
        UPDATE audit.chain_state SET last_position = pos, head_hash = prev
         WHERE month = cur_month;
    END IF;

    -- Advance the watermark: every transaction that could have drawn an id up to
    -- pending_id has ended before our horizon, so those events were all sealed above.
    IF st.pending_xmax IS NOT NULL AND horizon >= st.pending_xmax AND sealed < max_events THEN
        st.watermark := greatest(st.watermark, st.pending_id);
        st.watermark_read_at := st.pending_read_at;
    END IF;
    -- The next pending point: read the sequence first, then the snapshot's xmax, so every
    -- id drawn so far belongs to a transaction below that xmax.
    SELECT s.last_value, s.is_called INTO read_id, read_called FROM audit.events_id_seq s;
    st.pending_id := CASE WHEN read_called THEN read_id ELSE read_id - 1 END;
    st.pending_read_at := clock_timestamp();
    st.pending_xmax := pg_snapshot_xmax(pg_current_snapshot());

    UPDATE audit.sealer_state
       SET watermark = st.watermark, watermark_read_at = st.watermark_read_at,
           pending_id = st.pending_id, pending_xmax = st.pending_xmax,
           pending_read_at = st.pending_read_at, last_run_at = clock_timestamp();

    -- A month is final when the watermark was read five minutes after it ended: no event
    -- of that month can still be sealed.
    UPDATE audit.chain_state c
       SET finalized_at = clock_timestamp()
     WHERE c.finalized_at IS NULL AND c.dropped_at IS NULL
       AND st.watermark_read_at IS NOT NULL
       AND audit.month_end(c.month) + interval '5 minutes'
           <= st.watermark_read_at;
    RETURN sealed;
END
$$;


ALTER FUNCTION audit.seal(max_events integer) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION seal(max_events integer); Type: COMMENT; Schema: audit; Owner: neuronplane_owner
--

COMMENT ON FUNCTION audit.seal(max_events integer) IS 'Seal up to max_events committed, unsealed audit events into their months'' SHA-256 chains; returns how many. Runs every minute from pg_cron.';


--
-- Name: tg_actions__compile(); Type: FUNCTION; Schema: audit; Owner: neuronplane_owner
--

CREATE FUNCTION audit.tg_actions__compile() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    EXECUTE format(
        'CREATE OR REPLACE FUNCTION audit.is_known_action(action text) RETURNS boolean '
        'LANGUAGE sql STABLE PARALLEL SAFE AS %L',
        format('SELECT action OPERATOR(pg_catalog.=) ANY (%L::pg_catalog.text[])',
               (SELECT coalesce(array_agg(a.action ORDER BY a.action), '{}') FROM audit.actions a)));
    RETURN NULL;
END
$$;


ALTER FUNCTION audit.tg_actions__compile() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION tg_actions__compile(); Type: COMMENT; Schema: audit; Owner: neuronplane_owner
--

COMMENT ON FUNCTION audit.tg_actions__compile() IS 'Trigger: recompiles audit.is_known_action() from audit.actions.';


--
-- Name: tg_append_only__reject(); Type: FUNCTION; Schema: audit; Owner: neuronplane_owner
--

CREATE FUNCTION audit.tg_append_only__reject() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % is refused', TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME, TG_OP
        USING ERRCODE = '42501',
              HINT = 'Audit events are never changed; old months are removed only by audit.drop_partitions_older_than().';
END
$$;


ALTER FUNCTION audit.tg_append_only__reject() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION tg_append_only__reject(); Type: COMMENT; Schema: audit; Owner: neuronplane_owner
--

COMMENT ON FUNCTION audit.tg_append_only__reject() IS 'Trigger: refuses UPDATE, DELETE and TRUNCATE on the audit tables.';


--
-- Name: tg_events__org_from_project(); Type: FUNCTION; Schema: audit; Owner: neuronplane_owner
--

CREATE FUNCTION audit.tg_events__org_from_project() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    IF NEW.org_id IS NULL AND NEW.project_id IS NOT NULL THEN
        NEW.org_id := (SELECT p.org_id FROM identity.projects p WHERE p.id = NEW.project_id);
    END IF;
    RETURN NEW;
END
$$;


ALTER FUNCTION audit.tg_events__org_from_project() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION tg_events__org_from_project(); Type: COMMENT; Schema: audit; Owner: neuronplane_owner
--

COMMENT ON FUNCTION audit.tg_events__org_from_project() IS 'Trigger: an event that names a project and no organization belongs to the project''s organization (none for a personal project).';


--
-- Name: tg_events__trace_id(); Type: FUNCTION; Schema: audit; Owner: neuronplane_owner
--

CREATE FUNCTION audit.tg_events__trace_id() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    tp text := internal.current_traceparent();
BEGIN
    IF tp IS NOT NULL AND NOT NEW.details ? 'trace_id' THEN
        NEW.details := NEW.details || jsonb_build_object('trace_id', substr(tp, 4, 32));
    END IF;
    RETURN NEW;
END
$$;


ALTER FUNCTION audit.tg_events__trace_id() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION tg_events__trace_id(); Type: COMMENT; Schema: audit; Owner: neuronplane_owner
--

COMMENT ON FUNCTION audit.tg_events__trace_id() IS 'Trigger: adds the trace id of the current request (internal.current_traceparent()) to an audit event''s details.';


--
-- Name: try_inet(text); Type: FUNCTION; Schema: audit; Owner: neuronplane_owner
--

CREATE FUNCTION audit.try_inet(value text) RETURNS inet
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
BEGIN
    IF value IS NULL OR value !~ '^[0-9A-Fa-f:.]{2,45}$' THEN
        RETURN NULL;
    END IF;
    RETURN value::inet;
EXCEPTION WHEN invalid_text_representation THEN
    RETURN NULL;
END
$_$;


ALTER FUNCTION audit.try_inet(value text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION try_inet(value text); Type: COMMENT; Schema: audit; Owner: neuronplane_owner
--

COMMENT ON FUNCTION audit.try_inet(value text) IS 'text as inet, or NULL when it is not an IP address.';


--
-- Name: verify(timestamp with time zone, timestamp with time zone); Type: FUNCTION; Schema: audit; Owner: neuronplane_owner
--

CREATE FUNCTION audit.verify(from_time timestamp with time zone DEFAULT '-infinity'::timestamp with time zone, to_time timestamp with time zone DEFAULT 'infinity'::timestamp with time zone) RETURNS TABLE(ok boolean, event_id bigint, occurred_at timestamp with time zone, problem text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    cs        audit.chain_state;
    r         record;
    expect    bigint;
    prev      bytea;
    watermark bigint;
    stray     record;
BEGIN
    IF from_time IS NULL OR to_time IS NULL OR from_time >= to_time THEN
        RAISE EXCEPTION 'verify needs from_time < to_time' USING ERRCODE = '22023';
    END IF;
    SELECT s.watermark INTO watermark FROM audit.sealer_state s;

    FOR cs IN
        SELECT * FROM audit.chain_state c
         WHERE c.dropped_at IS NULL
           AND audit.month_start(c.month) < to_time
           AND audit.month_end(c.month) > from_time
         ORDER BY c.month
    LOOP
        expect := 1;
        prev := audit.genesis_hash(cs.month);
        FOR r IN
            SELECT s.position, s.event_id AS sid, s.occurred_at AS sat, s.prev_hash, s.hash,
                   e AS ev, (e.id IS NOT NULL) AS present
              FROM audit.seals s
              LEFT JOIN audit.events e ON e.id = s.event_id AND e.occurred_at = s.occurred_at
             WHERE s.month = cs.month
             ORDER BY s.position
        LOOP
            IF r.position <> expect THEN
                RETURN QUERY SELECT false, NULL::bigint, NULL::timestamptz,
                    format('%s: seal %s is missing (seals were deleted)',
                           to_char(cs.month, 'YYYY-MM'), expect);
                RETURN;
            END IF;
            IF r.prev_hash <> prev THEN
                RETURN QUERY SELECT false, r.sid, r.sat,
                    format('event %s: its seal does not link to the seal before it', r.sid);
                RETURN;
            END IF;
            IF NOT r.present THEN
                RETURN QUERY SELECT false, r.sid, r.sat,
                    format('event %s is missing: it was sealed, then deleted', r.sid);
                RETURN;
            END IF;
            IF sha256(r.prev_hash || audit.canonical(r.ev)) <> r.hash THEN
                RETURN QUERY SELECT false, r.sid, r.sat,
                    format('event %s does not match its seal: its content was altered', r.sid);
                RETURN;
            END IF;
            IF r.position = cs.exported_position AND r.hash <> cs.exported_hash THEN
                RETURN QUERY SELECT false, r.sid, r.sat,
                    format('%s: the chain was rewritten: the head exported at position %s no longer matches',
                           to_char(cs.month, 'YYYY-MM'), r.position);
                RETURN;
            END IF;
            prev := r.hash;
            expect := expect + 1;
        END LOOP;
        IF expect - 1 <> cs.last_position OR prev <> cs.head_hash THEN
            RETURN QUERY SELECT false, NULL::bigint, NULL::timestamptz,
                format('%s: the chain ends at seal %s but its head says %s (seals were deleted)',
                       to_char(cs.month, 'YYYY-MM'), expect - 1, cs.last_position);
            RETURN;
        END IF;
        IF cs.exported_position IS NOT NULL AND cs.exported_position > cs.last_position THEN
            RETURN QUERY SELECT false, NULL::bigint, NULL::timestamptz,
                format('%s: the head exported at position %s is beyond the chain''s end (%s)',
                       to_char(cs.month, 'YYYY-MM'), cs.exported_position, cs.last_position);
            RETURN;
        END IF;
        -- An event at or below the watermark without a seal was slipped in afterwards.
        SELECT e.id, e.occurred_at INTO stray
          FROM audit.events e
         WHERE e.occurred_at >= audit.month_start(cs.month)
           AND e.occurred_at < audit.month_end(cs.month)
           AND e.id <= watermark
           AND NOT EXISTS (SELECT FROM audit.seals s
                            WHERE s.event_id = e.id AND s.month = cs.month)
         ORDER BY e.id
         LIMIT 1;
        IF FOUND THEN
            RETURN QUERY SELECT false, stray.id, stray.occurred_at,
                format('event %s has no seal although it is older than the sealer''s watermark: it was inserted afterwards',
                       stray.id);
            RETURN;
        END IF;
    END LOOP;
    RETURN QUERY SELECT true, NULL::bigint, NULL::timestamptz, NULL::text;
END
$$;


ALTER FUNCTION audit.verify(from_time timestamp with time zone, to_time timestamp with time zone) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION verify(from_time timestamp with time zone, to_time timestamp with time zone); Type: COMMENT; Schema: audit; Owner: neuronplane_owner
--

COMMENT ON FUNCTION audit.verify(from_time timestamp with time zone, to_time timestamp with time zone) IS 'Verify the seal chains of every month overlapping [from_time, to_time): one row, ok = true, or the first event (or seal) whose content or link does not match and what is wrong.';


--
-- Name: verify_and_record(); Type: FUNCTION; Schema: audit; Owner: neuronplane_owner
--

CREATE FUNCTION audit.verify_and_record() RETURNS TABLE(ok boolean, event_id bigint, problem text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v record;
BEGIN
    PERFORM audit.seal();
    SELECT * INTO v FROM audit.verify() LIMIT 1;
    INSERT INTO audit.verification_runs (ok, event_id, problem)
    VALUES (coalesce(v.ok, false), v.event_id, left(v.problem, 1000));
    DELETE FROM audit.verification_runs r WHERE r.checked_at < now() - interval '30 days';
    RETURN QUERY SELECT coalesce(v.ok, false), v.event_id, v.problem;
END
$$;


ALTER FUNCTION audit.verify_and_record() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION verify_and_record(); Type: COMMENT; Schema: audit; Owner: neuronplane_owner
--

COMMENT ON FUNCTION audit.verify_and_record() IS 'Seal pending events, verify the whole chain and record the outcome in audit.verification_runs (read by the metrics); returns it.';


--
-- Name: verify_audit(timestamp with time zone, timestamp with time zone); Type: FUNCTION; Schema: audit; Owner: neuronplane_owner
--

CREATE FUNCTION audit.verify_audit(from_time timestamp with time zone DEFAULT '-infinity'::timestamp with time zone, to_time timestamp with time zone DEFAULT 'infinity'::timestamp with time zone) RETURNS TABLE(ok boolean, event_id bigint, occurred_at timestamp with time zone, problem text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    IF NOT identity.is_platform_admin(identity.current_principal_id()) THEN
        RAISE EXCEPTION 'only platform administrators may verify the audit log'
            USING ERRCODE = '42501';
    END IF;
    RETURN QUERY SELECT v.ok, v.event_id, v.occurred_at, v.problem
                   FROM audit.verify(from_time, to_time) AS v;
END
$$;


ALTER FUNCTION audit.verify_audit(from_time timestamp with time zone, to_time timestamp with time zone) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION verify_audit(from_time timestamp with time zone, to_time timestamp with time zone); Type: COMMENT; Schema: audit; Owner: neuronplane_owner
--

COMMENT ON FUNCTION audit.verify_audit(from_time timestamp with time zone, to_time timestamp with time zone) IS 'What api.verify_audit() does (see its comment there); only that endpoint calls it.';


--
-- Name: verify_head(date, bigint, text); Type: FUNCTION; Schema: audit; Owner: neuronplane_owner
--

CREATE FUNCTION audit.verify_head(month date, "position" bigint, hash text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT EXISTS (SELECT FROM audit.seals s
                    WHERE s.month = verify_head.month AND s.position = verify_head.position
                      AND s.hash = decode(verify_head.hash, 'hex'))
$$;


ALTER FUNCTION audit.verify_head(month date, "position" bigint, hash text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION verify_head(month date, "position" bigint, hash text); Type: COMMENT; Schema: audit; Owner: neuronplane_owner
--

COMMENT ON FUNCTION audit.verify_head(month date, "position" bigint, hash text) IS 'True when the seal at (month, position) has this hash (hex): checks an anchor kept outside the database.';


--
-- Name: access_token_claims(text, text, uuid, text, uuid, text, bigint, interval); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.access_token_claims(issuer text, audience text, principal_id uuid, role text, session_id uuid, principal_type text, issued_at bigint, lifetime interval) RETURNS jsonb
    LANGUAGE sql
    AS $$
    SELECT jsonb_strip_nulls(jsonb_build_object(
        'iss', issuer,
        'aud', audience,
        'sub', principal_id,
        'role', role,
        'sid', session_id,
        'principal_type', principal_type,
        'iat', issued_at,
        'exp', issued_at + floor(extract(epoch FROM lifetime))::bigint,
        'jti', gen_random_uuid()))
$$;


ALTER FUNCTION auth.access_token_claims(issuer text, audience text, principal_id uuid, role text, session_id uuid, principal_type text, issued_at bigint, lifetime interval) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION access_token_claims(issuer text, audience text, principal_id uuid, role text, session_id uuid, principal_type text, issued_at bigint, lifetime interval); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.access_token_claims(issuer text, audience text, principal_id uuid, role text, session_id uuid, principal_type text, issued_at bigint, lifetime interval) IS 'The standard claims of an access token: iss, aud, sub, role, sid (when given), principal_type, iat, exp = iat + lifetime, and a fresh jti. Volatile: each call draws a new jti.';


--
-- Name: api_key_lease_size(integer); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.api_key_lease_size(rate_limit_per_min integer) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT CASE WHEN rate_limit_per_min < 2000 THEN 1 ELSE least(100, rate_limit_per_min / 1000) END
$$;


ALTER FUNCTION auth.api_key_lease_size(rate_limit_per_min integer) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION api_key_lease_size(rate_limit_per_min integer); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.api_key_lease_size(rate_limit_per_min integer) IS 'Requests one count takes for a key with this rate limit: 1 below 2,000 a minute, else limit/1000 (at most 100).';


--
-- Name: argon2_hash(text); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.argon2_hash(password text) RETURNS text
    LANGUAGE plpython3u STRICT
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
import np_passwords
return np_passwords.hash(password)
$$;


ALTER FUNCTION auth.argon2_hash(password text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION argon2_hash(password text); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.argon2_hash(password text) IS 'An argon2id hash of password (PHC string, fresh salt, the parameters of np_passwords.py).';


--
-- Name: argon2_needs_rehash(text); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.argon2_needs_rehash(password_hash text) RETURNS boolean
    LANGUAGE plpython3u STABLE STRICT
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
import np_passwords
return np_passwords.needs_rehash(password_hash)
$$;


ALTER FUNCTION auth.argon2_needs_rehash(password_hash text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION argon2_needs_rehash(password_hash text); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.argon2_needs_rehash(password_hash text) IS 'True when password_hash was made with other argon2 parameters than the current ones (rehash it at the next successful login).';


--
-- Name: argon2_verify(text, text); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.argon2_verify(password_hash text, password text) RETURNS boolean
    LANGUAGE plpython3u STRICT
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
import np_passwords
return np_passwords.verify(password_hash, password)
$$;


ALTER FUNCTION auth.argon2_verify(password_hash text, password text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION argon2_verify(password_hash text, password text); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.argon2_verify(password_hash text, password text) IS 'Does password match the argon2 password_hash? False on a mismatch or a malformed hash; never raises for either.';


--
-- Name: argon2_verify_dummy(text); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.argon2_verify_dummy(password text) RETURNS boolean
    LANGUAGE plpython3u STRICT
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
import np_passwords
return np_passwords.verify_dummy(password)
$$;


ALTER FUNCTION auth.argon2_verify_dummy(password text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION argon2_verify_dummy(password text); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.argon2_verify_dummy(password text) IS 'The work of auth.argon2_verify() against a fixed hash nobody knows the password of; always false. For unknown users, so that they cost the same time.';


--
-- Name: attempt_password_login(text, text, inet, text); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.attempt_password_login(username_or_email text, password text, ip inet, user_agent text DEFAULT NULL::text, OUT outcome text, OUT user_id uuid, OUT retry_after integer) RETURNS record
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    s auth.settings;
    v_now constant timestamptz := clock_timestamp();
    v_address inet := auth.login_address(ip);
    v_login text := left(username_or_email, 254);
    v_password text := coalesce(password, '');
    v_details jsonb;
    v_user uuid;
    v_active boolean;
    v_hash text;
    v_account text;
    v_first_refusal boolean;
    v_account_until timestamptz;
    v_address_until timestamptz;
    v_ok boolean := false;
    v_delay interval;
BEGIN
    SELECT * INTO s FROM auth.settings;
    v_details := jsonb_build_object('method', 'password', 'login', v_login);

    -- 1. Attempts from this address this minute.
    SELECT c.retry_after, c.first_refusal INTO retry_after, v_first_refusal
      FROM auth.count_login_attempt(ip, v_now) c;
    IF retry_after IS NOT NULL THEN
        outcome := 'rate_limited';
        IF v_first_refusal THEN
            PERFORM audit.record('auth.login.locked', 'denied',
                                 details => v_details || jsonb_build_object(
                                     'reason', 'rate_limited', 'scope', 'address',
                                     'retry_after', retry_after),
                                 ip => ip, user_agent => user_agent);
        END IF;
        RETURN;
    END IF;

    -- 2. The account, by username or e-mail whatever the case (they cannot collide: a
    -- username has no @).
    SELECT u.id, u.disabled_at IS NULL AND identity.is_active(u.id), c.password_hash
      INTO v_user, v_active, v_hash
      FROM identity.users u
      LEFT JOIN auth.credentials c ON c.user_id = u.id
     WHERE u.username OPERATOR(extensions.=) v_login::extensions.citext
        OR u.email OPERATOR(extensions.=) v_login::extensions.citext
     ORDER BY u.username OPERATOR(extensions.=) v_login::extensions.citext DESC
     LIMIT 1;
    v_account := CASE WHEN v_user IS NOT NULL THEN 'user:' || v_user
                      ELSE 'login:' || encode(sha256(convert_to(lower(coalesce(v_login, '')), 'UTF8')), 'hex')
                 END;

    -- 3. Locked out?
    SELECT f.locked_until INTO v_account_until
      FROM auth.account_login_failures f
     WHERE f.account_key = v_account AND f.locked_until > v_now;
    SELECT f.locked_until INTO v_address_until
      FROM auth.address_login_failures f
     WHERE f.address = v_address AND f.locked_until > v_now;
    IF v_account_until IS NOT NULL OR v_address_until IS NOT NULL THEN
        outcome := 'locked';
        retry_after := auth.seconds_until(greatest(v_account_until, v_address_until), v_now);
        PERFORM audit.record('auth.login.locked', 'denied',
                             CASE WHEN v_user IS NOT NULL THEN 'user' END, v_user::text,
                             v_details || jsonb_build_object(
                                 'reason', 'too_many_failures',
                                 'scope', CASE WHEN v_account_until >= v_address_until
                                                 OR v_address_until IS NULL THEN 'account'
                                               ELSE 'address' END,
                                 'retry_after', retry_after),
                             ip => ip, user_agent => user_agent);
        RETURN;
    END IF;

    -- 4. The password. A password longer than any the policy allows cannot match.
    IF v_active AND v_hash IS NOT NULL AND char_length(v_password) <= 4096 THEN
        v_ok := auth.argon2_verify(v_hash, v_password);
    ELSE
        PERFORM auth.argon2_verify_dummy(left(v_password, 4096));
    END IF;

    IF v_ok THEN
        IF auth.argon2_needs_rehash(v_hash) THEN
            UPDATE auth.credentials c SET password_hash = auth.argon2_hash(v_password)
             WHERE c.user_id = v_user;
        END IF;
        DELETE FROM auth.account_login_failures f WHERE f.account_key = v_account;
        PERFORM audit.record('auth.login.succeeded', 'success', 'user', v_user::text,
                             jsonb_build_object('method', 'password'), v_user, 'user',
                             ip => ip, user_agent => user_agent);
        outcome := 'ok';
        user_id := v_user;
        RETURN;
    END IF;

    -- 5. A failure, for the account and for the address.
    v_delay := auth.count_login_failure(v_account, v_user, v_address, v_now);
    PERFORM audit.record('auth.login.failed', 'failure',
                         CASE WHEN v_user IS NOT NULL THEN 'user' END, v_user::text,
                         v_details || jsonb_strip_nulls(jsonb_build_object(
                             'reason', 'invalid_credentials',
                             'locked_for', ceil(extract(epoch FROM v_delay))::integer)),
                         ip => ip, user_agent => user_agent);
    outcome := 'invalid';
END
$$;


ALTER FUNCTION auth.attempt_password_login(username_or_email text, password text, ip inet, user_agent text, OUT outcome text, OUT user_id uuid, OUT retry_after integer) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION attempt_password_login(username_or_email text, password text, ip inet, user_agent text, OUT outcome text, OUT user_id uuid, OUT retry_after integer); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.attempt_password_login(username_or_email text, password text, ip inet, user_agent text, OUT outcome text, OUT user_id uuid, OUT retry_after integer) IS 'One password login: outcome ok (with user_id), invalid (wrong password, unknown, disabled or expired user, or no password: indistinguishable, same argon2 cost), locked (too many failures for the account or the address; retry_after seconds) or rate_limited (too many attempts from the address this minute; retry_after). Never raises for a failed login, so its counters and audit events commit. ip may be NULL: no per-address limits then.';


--
-- Name: authenticate_api_key(text); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.authenticate_api_key(key text, OUT principal_id uuid, OUT principal_type text, OUT api_key_id uuid, OUT role text, OUT claims jsonb) RETURNS record
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    c record;
BEGIN
    SELECT * INTO c FROM auth.check_api_key(key);
    IF c.outcome <> 'ok' THEN
        RAISE SQLSTATE 'PT401' USING MESSAGE = c.message, HINT = c.hint;
    END IF;
    principal_id := c.principal_id;
    principal_type := c.principal_type;
    api_key_id := c.api_key_id;
    role := c.role;
    claims := c.claims;
END
$$;


ALTER FUNCTION auth.authenticate_api_key(key text, OUT principal_id uuid, OUT principal_type text, OUT api_key_id uuid, OUT role text, OUT claims jsonb) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION authenticate_api_key(key text, OUT principal_id uuid, OUT principal_type text, OUT api_key_id uuid, OUT role text, OUT claims jsonb); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.authenticate_api_key(key text, OUT principal_id uuid, OUT principal_type text, OUT api_key_id uuid, OUT role text, OUT claims jsonb) IS 'The principal, database role (authenticated for a user''s key, service otherwise) and request claims of a valid API key; SQLSTATE PT401 with the reason otherwise.';


--
-- Name: autonomous(text); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.autonomous(statement text) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    result jsonb;
BEGIN
    BEGIN
        IF NOT coalesce('neuronplane_autonomous' = ANY (extensions.dblink_get_connections()), false) THEN
            PERFORM extensions.dblink_connect('neuronplane_autonomous', auth.autonomous_conninfo());
        END IF;
        SELECT t.result INTO result
          FROM extensions.dblink('neuronplane_autonomous', statement) AS t(result jsonb);
    EXCEPTION WHEN connection_exception THEN
        BEGIN
            IF coalesce('neuronplane_autonomous' = ANY (extensions.dblink_get_connections()), false) THEN
                PERFORM extensions.dblink_disconnect('neuronplane_autonomous');
            END IF;
            PERFORM extensions.dblink_connect('neuronplane_autonomous', auth.autonomous_conninfo());
            SELECT t.result INTO result
              FROM extensions.dblink('neuronplane_autonomous', statement) AS t(result jsonb);
        EXCEPTION WHEN connection_exception THEN
            RAISE WARNING 'neuronplane: the autonomous connection failed: %', SQLERRM;
            RAISE SQLSTATE 'PT503' USING
                MESSAGE = 'API-key requests cannot be counted at the moment',
                HINT = 'Try again shortly; the server log says what failed.';
        END;
    END;
    RETURN result;
END
$$;


ALTER FUNCTION auth.autonomous(statement text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION autonomous(statement text); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.autonomous(statement text) IS 'Run a statement returning one jsonb value in an autonomous transaction (this backend''s dblink connection as neuronplane_autonomous); PT503 when the connection cannot be made.';


--
-- Name: autonomous_conninfo(); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.autonomous_conninfo() RETURNS text
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    host   text := btrim(split_part(current_setting('listen_addresses'), ',', 1));
    secret text;
BEGIN
    IF host = '' THEN
        RAISE EXCEPTION 'the server listens on no TCP address: API-key requests cannot be counted'
            USING ERRCODE = '08001', HINT = 'Set listen_addresses (neuronplane sets 127.0.0.1).';
    END IF;
    host := CASE host WHEN '*' THEN '127.0.0.1' WHEN '0.0.0.0' THEN '127.0.0.1' WHEN '::' THEN '::1'
                      ELSE host END;
    SELECT internal.decrypt_secret(l.password, 'auth.autonomous_logins:' || l.role_name)
      INTO STRICT secret
      FROM auth.autonomous_logins l
     WHERE l.role_name = 'neuronplane_autonomous';
    -- libpq's quoting: single quotes around the value, a backslash before ' and \.
    RETURN format('host=%s port=%s dbname=%s user=neuronplane_autonomous password=%s '
                  'application_name=neuronplane_autonomous sslmode=disable gssencmode=disable '
                  'connect_timeout=5',
                  q.host, q.port, q.dbname, q.secret)
      FROM (SELECT '''' || regexp_replace(host, '([\\''])', '\\\1', 'g') || '''' AS host,
                   '''' || current_setting('port') || '''' AS port,
                   '''' || regexp_replace(current_database(), '([\\''])', '\\\1', 'g') || '''' AS dbname,
                   '''' || regexp_replace(secret, '([\\''])', '\\\1', 'g') || '''' AS secret) q;
END
$$;


ALTER FUNCTION auth.autonomous_conninfo() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION autonomous_conninfo(); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.autonomous_conninfo() IS 'libpq connection string of the autonomous connection (holds its password: for auth.autonomous() only).';


--
-- Name: begin_oidc_login(text, text, inet, text); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.begin_oidc_login(provider text, redirect_to text, ip inet DEFAULT NULL::inet, user_agent text DEFAULT NULL::text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    p        auth.oidc_providers;
    v_id     uuid := gen_random_uuid();
    state    text := auth.random_token(32);
    nonce    text := auth.random_token(32);
    verifier text := auth.random_token(48);   -- 64 characters (RFC 7636: 43 to 128)
    binding  text := auth.random_token(32);
    ttl      interval := (SELECT s.oidc_login_ttl FROM auth.settings s);
    limited  record;
BEGIN
    SELECT * INTO limited FROM auth.count_login_attempt(ip, clock_timestamp());
    IF limited.retry_after IS NOT NULL THEN
        IF limited.first_refusal THEN
            PERFORM audit.record('auth.oidc.failed', 'denied',
                                 details => jsonb_build_object(
                                     'reason', 'rate_limited', 'scope', 'address',
                                     'provider', left(provider, 64),
                                     'retry_after', limited.retry_after),
                                 ip => ip, user_agent => user_agent);
        END IF;
        RETURN jsonb_build_object('error', 'rate_limited', 'code', '53400',
                                  'message', 'too many login attempts from this address; try again later',
                                  'retry_after', limited.retry_after);
    END IF;
    SELECT * INTO p FROM auth.oidc_providers x WHERE x.name = begin_oidc_login.provider;
    IF NOT FOUND OR NOT p.enabled THEN
        RETURN auth.oidc_error('42704', 'unknown_provider',
                               format('there is no enabled OIDC provider "%s"', left(provider, 64)),
                               'unknown_provider', left(provider, 64), ip => ip, user_agent => user_agent);
    END IF;
    IF NOT auth.oidc_callback_is_own(p.callback_url, p.name) THEN
        RETURN auth.oidc_error('55000', 'provider_misconfigured',
                               format('OIDC provider "%s" has no callback URL of its own; an administrator must register it again with --callback-url https://<host>/auth/oidc/%s/callback', p.name, p.name),
                               'callback_not_per_provider', p.name, ip => ip, user_agent => user_agent);
    END IF;
    IF redirect_to IS NULL OR NOT redirect_to = ANY (p.redirect_uris) THEN
        RETURN auth.oidc_error('22023', 'invalid_redirect',
                               'redirect_to is not one of the provider''s registered redirect URIs',
                               'redirect_not_allowed', p.name, ip => ip, user_agent => user_agent);
    END IF;
    INSERT INTO auth.login_attempts (id, provider, state_hash, nonce, code_verifier, redirect_uri,
                                     binding_hash, ip, user_agent, expires_at)
    VALUES (v_id, p.name, sha256(convert_to(state, 'UTF8')), nonce,
            internal.encrypt_secret(verifier, 'auth.login_attempts:' || v_id),
            redirect_to, sha256(convert_to(binding, 'UTF8')), ip, left(user_agent, 512),
            clock_timestamp() + ttl);
    PERFORM audit.record('auth.oidc.started', 'success', 'login_attempt', v_id::text,
                         jsonb_build_object('provider', p.name, 'redirect_uri', redirect_to),
                         ip => ip, user_agent => user_agent);
    RETURN jsonb_build_object(
        'attempt_id', v_id,
        'state', state,
        'nonce', nonce,
        'code_challenge', auth.pkce_challenge(verifier),
        'code_challenge_method', 'S256',
        'binding', binding,
        'expires_in', extract(epoch FROM ttl)::integer,
        'authorization_endpoint', p.authorization_endpoint,
        'client_id', p.client_id,
        'redirect_uri', p.callback_url,
        'scope', array_to_string(p.scopes, ' '));
END
$$;


ALTER FUNCTION auth.begin_oidc_login(provider text, redirect_to text, ip inet, user_agent text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION begin_oidc_login(provider text, redirect_to text, ip inet, user_agent text); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.begin_oidc_login(provider text, redirect_to text, ip inet, user_agent text) IS 'For the glue: start an OIDC login with a provider. Counts towards the client address''s login rate limit (auth.count_login_attempt(), shared with password logins); beyond it answers {error: rate_limited, code: 53400, message, retry_after} and stores nothing. Checks redirect_to against the provider''s redirect_uris exactly, stores the attempt, answers {attempt_id, state, nonce, code_challenge (S256), binding (for the browser''s cookie), authorization_endpoint, client_id, redirect_uri (the provider''s own callback), scope}; or {error, code, message}: 42704 unknown provider, 55000 provider without a callback URL of its own, 22023 redirect_to not allowed. Audited.';


--
-- Name: change_password(text, text); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.change_password(old_password text, new_password text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    caller uuid := identity.require_caller();
    ip inet := auth.request_ip();
    ua text := auth.request_user_agent();
    wait integer;
BEGIN
    IF NOT EXISTS (SELECT FROM identity.users u WHERE u.id = caller) THEN
        RAISE EXCEPTION 'only users have passwords' USING ERRCODE = '42501';
    END IF;
    IF identity.current_api_key_id() IS NOT NULL THEN
        RAISE EXCEPTION 'a password cannot be changed through an API key' USING ERRCODE = '42501';
    END IF;
    -- The current password is guessed like a login's: locked accounts and addresses are
    -- refused without a check, and a failure counts and is audited. It is written through
    -- the autonomous connection, because the refusal rolls this transaction back.
    wait := auth.login_lock_seconds('user:' || caller, auth.login_address(ip));
    IF wait IS NOT NULL THEN
        RAISE SQLSTATE 'PT429' USING
            MESSAGE = format('too many wrong passwords; try again in %s seconds', wait),
            HINT = 'Failed password changes count towards the account''s lockout, as failed logins do.';
    END IF;
    IF NOT coalesce(auth.verify_password(caller, old_password), false) THEN
        BEGIN
            PERFORM auth.autonomous(format('SELECT auth.record_password_change_failure(%L, %L, %L)',
                                           caller, ip, left(ua, 512)));
        EXCEPTION WHEN OTHERS THEN
            RAISE WARNING 'neuronplane: a failed password change of user % was not counted: %', caller, SQLERRM;
        END;
        RAISE EXCEPTION 'the current password is wrong' USING ERRCODE = '28P01';
    END IF;
    PERFORM auth.set_password(caller, new_password);
    PERFORM auth.revoke_sessions(caller, 'password_changed', except_session => auth.current_session_id());
    PERFORM identity.audit('auth.password.changed', 'user', caller::text);
END
$$;


ALTER FUNCTION auth.change_password(old_password text, new_password text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION change_password(old_password text, new_password text); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.change_password(old_password text, new_password text) IS 'What api.change_password() does (see its comment there); only that endpoint calls it.';


--
-- Name: check_access_token(); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.check_access_token() RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    token text := substring(nullif(current_setting('request.headers', true), '')::jsonb
                            ->> 'authorization' FROM '(?i)^bearer\s+(\S+)');
    header text;
    claims jsonb;
    cfg record;
    problem text;
BEGIN
    IF token IS NULL THEN
        RETURN;  -- anonymous
    END IF;
    -- PostgREST has parsed the token: its header is base64url JSON.
    header := translate(split_part(token, '.', 1), '-_', '+/');
    header := convert_from(decode(rpad(header, (length(header) + 3) / 4 * 4, '='), 'base64'),
                           'UTF8');
    claims := coalesce(nullif(current_setting('request.jwt.claims', true), '')::jsonb, '{}');
    SELECT s.issuer, s.audience INTO STRICT cfg FROM auth.settings s;
    IF claims ->> 'iss' IS DISTINCT FROM cfg.issuer THEN
        problem := 'the token was not issued by this server';
    ELSIF NOT coalesce(claims -> 'aud' = to_jsonb(cfg.audience)
                       OR (jsonb_typeof(claims -> 'aud') = 'array'
                           AND claims -> 'aud' ? cfg.audience), false) THEN
        problem := 'the token is not meant for this API';
    ELSIF jsonb_typeof(claims -> 'exp') IS DISTINCT FROM 'number' THEN
        problem := 'the token has no expiry';
    -- No leeway: the database signs and checks its tokens with one clock. PostgREST 12.0.2
    -- allows 30 seconds on exp, nbf and iat, which this narrows to none.
    ELSIF (claims ->> 'exp')::numeric <= extract(epoch FROM clock_timestamp()) THEN
        problem := 'the token has expired';
    ELSIF jsonb_typeof(claims -> 'nbf') = 'number'
          AND (claims ->> 'nbf')::numeric > extract(epoch FROM clock_timestamp()) THEN
        problem := 'the token is not valid yet';
    ELSIF jsonb_typeof(claims -> 'iat') = 'number'
          AND (claims ->> 'iat')::numeric > extract(epoch FROM clock_timestamp()) THEN
        problem := 'the token was issued in the future';
    ELSIF NOT EXISTS (SELECT FROM auth.published_signing_keys() k
                       WHERE k.kid = header::jsonb ->> 'kid') THEN
        problem := 'the token names no published signing key';
    ELSE
        RETURN;
    END IF;
    -- PostgREST turns SQLSTATE PGRST into this response: 401 with the header RFC 6750 asks for.
    RAISE SQLSTATE 'PGRST'
        USING MESSAGE = jsonb_build_object(
                  'code', '28000', 'message', problem, 'details', NULL,
                  'hint', 'Sign in again for a token from ' || cfg.issuer || '.')::text,
              DETAIL = jsonb_build_object(
                  'status', 401,
                  'headers', jsonb_build_object(
                      'WWW-Authenticate',
                      format('Bearer error="invalid_token", error_description="%s"', problem)))::text;
END
$$;


ALTER FUNCTION auth.check_access_token() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION check_access_token(); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.check_access_token() IS 'For PostgREST''s pre-request hook: a request with a token is refused (401) unless the token''s iss and aud are this server''s, it expires and has not expired, its nbf and iat are not in the future (no leeway), and its kid names a published signing key.';


--
-- Name: check_api_key(text); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.check_api_key(key text, OUT outcome text, OUT api_key_id uuid, OUT prefix text, OUT principal_id uuid, OUT principal_type text, OUT role text, OUT claims jsonb, OUT rate_limit_per_min integer, OUT last_used_at timestamp with time zone, OUT message text, OUT hint text) RETURNS record
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    parts  text[] := regexp_match(key, '^npk_([0-9a-f]{12})_[0-9a-f]{64}$');
    -- Hashed whatever the lookup finds, so that an unknown prefix costs what a wrong secret does.
    digest bytea := sha256(convert_to(coalesce(key, ''), 'UTF8'));
    k      identity.api_keys;
    p      identity.principals;
BEGIN
    IF parts IS NULL THEN
        outcome := 'malformed';
        message := 'the X-API-Key header does not hold an API key';
        hint := 'An API key looks like npk_<12 hex digits>_<64 hex digits>.';
        RETURN;
    END IF;
    prefix := parts[1];
    SELECT * INTO k FROM identity.api_keys x WHERE x.prefix = parts[1];
    api_key_id := k.id;
    IF k.id IS NULL OR NOT auth.digests_equal(k.secret_hash, digest) THEN
        outcome := CASE WHEN k.id IS NULL THEN 'unknown' ELSE 'wrong_secret' END;
        message := 'invalid API key';
        hint := 'Check the key: it is shown once, when it is created or rotated.';
        RETURN;
    END IF;
    principal_id := k.principal_id;
    principal_type := k.principal_type;
    rate_limit_per_min := k.rate_limit_per_min;
    last_used_at := k.last_used_at;
    SELECT * INTO p FROM identity.principals x WHERE x.id = k.principal_id;
    IF k.revoked_at IS NOT NULL THEN
        outcome := 'revoked';
        message := format('API key npk_%s has been revoked', prefix);
        hint := 'Use another key of yours, or create one.';
    ELSIF k.expires_at <= now() THEN
        outcome := 'expired';
        message := format('API key npk_%s has expired', prefix);
        hint := 'Create a new key, or rotate keys before they expire.';
    ELSIF p.disabled_at IS NOT NULL THEN
        outcome := 'principal_disabled';
        message := format('the %s of API key npk_%s is disabled',
                          replace(k.principal_type, '_', ' '), prefix);
        hint := 'Ask an administrator to enable it again.';
    ELSIF p.expires_at <= now() THEN
        outcome := 'principal_expired';
        message := format('the %s of API key npk_%s has expired',
                          replace(k.principal_type, '_', ' '), prefix);
        hint := 'Ask an administrator to extend it.';
    ELSE
        outcome := 'ok';
        -- A user's own key acts as that person; service accounts' and agents' keys as the service.
        role := CASE k.principal_type WHEN 'user' THEN 'authenticated' ELSE 'service' END;
        claims := jsonb_build_object('sub', k.principal_id, 'role', role,
                                     'principal_type', k.principal_type, 'api_key_id', k.id);
    END IF;
END
$_$;


ALTER FUNCTION auth.check_api_key(key text, OUT outcome text, OUT api_key_id uuid, OUT prefix text, OUT principal_id uuid, OUT principal_type text, OUT role text, OUT claims jsonb, OUT rate_limit_per_min integer, OUT last_used_at timestamp with time zone, OUT message text, OUT hint text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION check_api_key(key text, OUT outcome text, OUT api_key_id uuid, OUT prefix text, OUT principal_id uuid, OUT principal_type text, OUT role text, OUT claims jsonb, OUT rate_limit_per_min integer, OUT last_used_at timestamp with time zone, OUT message text, OUT hint text); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.check_api_key(key text, OUT outcome text, OUT api_key_id uuid, OUT prefix text, OUT principal_id uuid, OUT principal_type text, OUT role text, OUT claims jsonb, OUT rate_limit_per_min integer, OUT last_used_at timestamp with time zone, OUT message text, OUT hint text) IS 'Check a presented API key without raising: outcome ok (principal, role, claims) or malformed, unknown, wrong_secret, revoked, expired, principal_disabled, principal_expired, with the message and hint to answer.';


--
-- Name: check_password_policy(text, text, text); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.check_password_policy(password text, username text, email text) RETURNS void
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    s auth.settings;
    folded text := lower(password);
    local_part text := lower(split_part(email, '@', 1));
BEGIN
    SELECT * INTO s FROM auth.settings;
    IF password IS NULL OR password = '' THEN
        RAISE EXCEPTION 'a password is required'
            USING ERRCODE = '22023';
    END IF;
    IF char_length(password) < s.password_min_length THEN
        RAISE EXCEPTION 'the password is too short: use at least % characters', s.password_min_length
            USING ERRCODE = '22023',
                  HINT = 'A passphrase of several unrelated words is long and easy to remember.';
    END IF;
    IF char_length(password) > s.password_max_length THEN
        RAISE EXCEPTION 'the password is too long: use at most % characters', s.password_max_length
            USING ERRCODE = '22023';
    END IF;
    IF char_length(username) >= 3 AND strpos(folded, lower(username)) > 0 THEN
        RAISE EXCEPTION 'the password must not contain the username'
            USING ERRCODE = '22023', HINT = 'Choose a password unrelated to the account''s name.';
    END IF;
    IF char_length(local_part) >= 3 AND strpos(folded, local_part) > 0 THEN
        RAISE EXCEPTION 'the password must not contain the e-mail address or its part before the @'
            USING ERRCODE = '22023', HINT = 'Choose a password unrelated to the account''s e-mail address.';
    END IF;
    IF EXISTS (SELECT FROM auth.common_passwords c WHERE c.password = folded) THEN
        RAISE EXCEPTION 'the password is too common: it is on a list of frequently used passwords'
            USING ERRCODE = '22023',
                  HINT = 'Attackers try these first; choose one that is not a known password.';
    END IF;
END
$$;


ALTER FUNCTION auth.check_password_policy(password text, username text, email text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION check_password_policy(password text, username text, email text); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.check_password_policy(password text, username text, email text) IS 'Raises 22023 when password breaks the policy: shorter than password_min_length or longer than password_max_length (auth.settings), contains the username or the e-mail''s local part (whatever the case), or is a common password. The message names the rule, never the password.';


--
-- Name: cleanup_login_attempts(); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.cleanup_login_attempts() RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    n integer;
BEGIN
    DELETE FROM auth.login_attempts a
     USING auth.settings s
     WHERE least(a.expires_at, coalesce(a.consumed_at, 'infinity')) < clock_timestamp() - s.oidc_attempt_retention;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;


ALTER FUNCTION auth.cleanup_login_attempts() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION cleanup_login_attempts(); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.cleanup_login_attempts() IS 'Deletes OIDC login attempts that expired or were spent more than auth.settings.oidc_attempt_retention ago; returns how many. Scheduled by pg_cron every 10 minutes.';


--
-- Name: complete_oidc_login(uuid, jsonb, inet, text); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.complete_oidc_login(attempt_id uuid, claims jsonb, ip inet DEFAULT NULL::inet, user_agent text DEFAULT NULL::text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    a        auth.login_attempts;
    p        auth.oidc_providers;
    ident    auth.external_identities;
    v_user   uuid;
    v_email  text := nullif(claims ->> 'email', '');
    verified boolean := coalesce(claims -> 'email_verified' = 'true'::jsonb, false);
    problem  text;
    linked   boolean := false;
    answer   jsonb;
    safe_claims jsonb;
BEGIN
    SELECT * INTO a FROM auth.login_attempts x WHERE x.id = complete_oidc_login.attempt_id FOR UPDATE;
    IF NOT FOUND OR a.consumed_at IS NULL OR a.completed_at IS NOT NULL OR a.failed_reason IS NOT NULL
       OR a.consumed_at < clock_timestamp() - interval '5 minutes' THEN
        RETURN auth.oidc_error('28000', 'invalid_state', 'this login attempt cannot be completed; start the login again',
                               'attempt_not_completable', a.provider, attempt_id, ip, user_agent);
    END IF;
    SELECT * INTO p FROM auth.oidc_providers x WHERE x.name = a.provider;
    IF jsonb_typeof(claims) IS DISTINCT FROM 'object' THEN
        problem := 'claims_not_object';
    ELSIF claims ->> 'iss' IS DISTINCT FROM p.issuer THEN
        problem := 'issuer_mismatch';
    ELSIF NOT coalesce(claims -> 'aud' = to_jsonb(p.client_id)
                       OR (jsonb_typeof(claims -> 'aud') = 'array' AND claims -> 'aud' ? p.client_id), false) THEN
        problem := 'audience_mismatch';
    ELSIF claims ? 'azp' AND claims ->> 'azp' IS DISTINCT FROM p.client_id THEN
        problem := 'azp_mismatch';
    ELSIF claims ->> 'nonce' IS DISTINCT FROM a.nonce THEN
        problem := 'nonce_mismatch';
    ELSIF jsonb_typeof(claims -> 'exp') IS DISTINCT FROM 'number'
          OR (claims ->> 'exp')::numeric <= extract(epoch FROM clock_timestamp()) - 60 THEN
        problem := 'token_expired';
    ELSIF jsonb_typeof(claims -> 'sub') IS DISTINCT FROM 'string' OR claims ->> 'sub' = ''
          OR length(claims ->> 'sub') > 255 THEN
        problem := 'subject_invalid';
    END IF;
    IF problem IS NOT NULL THEN
        UPDATE auth.login_attempts x SET failed_reason = problem WHERE x.id = a.id;
        RETURN auth.oidc_error('28000', 'invalid_id_token', 'the ID token does not belong to this login',
                               problem, a.provider, a.id, ip, user_agent);
    END IF;

    -- What we keep of the claims: not the nonce or hashes of tokens.
    safe_claims := claims - 'nonce' - 'at_hash' - 'c_hash' - 's_hash';
    -- Two first logins of one subject at once: the second waits, then finds the first's link.
    PERFORM pg_advisory_xact_lock(hashtextextended('auth.external_identities:' || p.name || ':'
                                                   || (claims ->> 'sub'), 0));
    SELECT * INTO ident FROM auth.external_identities e
     WHERE e.provider = p.name AND e.subject = claims ->> 'sub' FOR UPDATE;
    IF FOUND THEN
        v_user := ident.user_id;
    ELSE
        IF p.link_verified_email AND verified AND v_email IS NOT NULL THEN
            SELECT u.id INTO v_user FROM identity.users u
             WHERE u.email OPERATOR(extensions.=) v_email::extensions.citext;
        END IF;
        IF v_user IS NULL THEN
            -- A new user. The e-mail is kept only when verified and not another user's.
            INSERT INTO identity.users (username, email, display_name)
            VALUES (auth.oidc_username(claims, p.name),
                    CASE WHEN verified AND v_email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'
                              AND length(v_email) <= 254
                              AND NOT EXISTS (SELECT FROM identity.users u
                                               WHERE u.email OPERATOR(extensions.=) v_email::extensions.citext)
                         THEN v_email END,
                    left(nullif(claims ->> 'name', ''), 200))
            RETURNING id INTO v_user;
            PERFORM audit.record('identity.user.created', 'success', 'user', v_user::text,
                                 jsonb_build_object('via', 'oidc', 'provider', p.name),
                                 v_user, 'user', ip => ip, user_agent => user_agent);
        END IF;
        INSERT INTO auth.external_identities (provider, subject, user_id)
        VALUES (p.name, claims ->> 'sub', v_user);
        linked := true;
        PERFORM audit.record('auth.oidc.linked', 'success', 'user', v_user::text,
                             jsonb_build_object('provider', p.name, 'subject', claims ->> 'sub',
                                                'by_verified_email', p.link_verified_email AND verified
                                                    AND v_email IS NOT NULL),
                             v_user, 'user', ip => ip, user_agent => user_agent);
    END IF;
    UPDATE auth.external_identities e
       SET email = CASE WHEN v_email IS NOT NULL AND length(v_email) <= 254 THEN v_email END,
           email_verified = verified, last_claims = safe_claims, last_login_at = clock_timestamp()
     WHERE e.provider = p.name AND e.subject = claims ->> 'sub';

    IF NOT identity.is_active(v_user) THEN
        UPDATE auth.login_attempts x SET failed_reason = 'account_disabled' WHERE x.id = a.id;
        RETURN auth.oidc_error('28000', 'access_denied', 'this account is disabled',
                               'account_disabled', a.provider, a.id, ip, user_agent);
    END IF;
    UPDATE auth.login_attempts x SET completed_at = clock_timestamp() WHERE x.id = a.id;
    answer := auth.create_session(v_user, 'oidc', ip, user_agent);
    PERFORM audit.record('auth.login.succeeded', 'success', 'user', v_user::text,
                         jsonb_build_object('method', 'oidc', 'provider', p.name,
                                            'session_id', answer ->> 'session_id', 'new_link', linked),
                         v_user, 'user', ip => ip, user_agent => user_agent);
    RETURN answer || jsonb_build_object('csrf_token', auth.csrf_token((answer ->> 'session_id')::uuid),
                                        'redirect_to', a.redirect_uri,
                                        'refresh_expires_in',
                                        (SELECT extract(epoch FROM s.refresh_ttl)::integer FROM auth.settings s));
END
$_$;


ALTER FUNCTION auth.complete_oidc_login(attempt_id uuid, claims jsonb, ip inet, user_agent text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION complete_oidc_login(attempt_id uuid, claims jsonb, ip inet, user_agent text); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.complete_oidc_login(attempt_id uuid, claims jsonb, ip inet, user_agent text) IS 'For the glue: finish a consumed login attempt with the claims of its verified ID token. Re-checks iss, aud, azp, nonce and exp; links the external identity (provider + subject; by e-mail only when verified and the provider allows it) or makes a user; opens a session. Answers the token answer plus csrf_token and redirect_to; or {error, code 28000}. Audited.';


--
-- Name: consume_login_attempt(text, text, inet, text); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.consume_login_attempt(state text, binding text, ip inet DEFAULT NULL::inet, user_agent text DEFAULT NULL::text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    RETURN auth.oidc_error('28000', 'invalid_state',
                           'this glue does not say which provider the callback is for; upgrade it (it must call auth.consume_oidc_callback)',
                           'provider_not_given', ip => ip, user_agent => user_agent);
END
$$;


ALTER FUNCTION auth.consume_login_attempt(state text, binding text, ip inet, user_agent text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION consume_login_attempt(state text, binding text, ip inet, user_agent text); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.consume_login_attempt(state text, binding text, ip inet, user_agent text) IS 'Replaced by auth.consume_oidc_callback(provider, state, binding, iss, ...): refuses every callback (28000), audited, so that no glue can skip the provider binding.';


--
-- Name: consume_oidc_callback(text, text, text, text, inet, text); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.consume_oidc_callback(provider text, state text, binding text, iss text, ip inet DEFAULT NULL::inet, user_agent text DEFAULT NULL::text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    a auth.login_attempts;
    p auth.oidc_providers;
    now_ timestamptz := clock_timestamp();
    problem text;
BEGIN
    SELECT * INTO a FROM auth.login_attempts x
     WHERE x.state_hash = sha256(convert_to(coalesce(state, ''), 'UTF8'))
       FOR UPDATE;
    IF NOT FOUND THEN
        RETURN auth.oidc_error('28000', 'invalid_state', 'unknown or expired login state; start the login again',
                               'unknown_state', left(provider, 64), ip => ip, user_agent => user_agent);
    END IF;
    IF a.consumed_at IS NOT NULL THEN
        RETURN auth.oidc_error('28000', 'invalid_state', 'this login state was already used; start the login again',
                               'state_replayed', a.provider, a.id, ip, user_agent);
    END IF;
    UPDATE auth.login_attempts x SET consumed_at = now_ WHERE x.id = a.id;
    PERFORM audit.record('auth.oidc.consumed', 'success', 'login_attempt', a.id::text,
                         jsonb_build_object('provider', a.provider), ip => ip, user_agent => user_agent);
    SELECT * INTO p FROM auth.oidc_providers x WHERE x.name = a.provider;
    IF provider IS DISTINCT FROM a.provider THEN
        problem := 'provider_mismatch';
    ELSIF iss IS NOT NULL AND iss IS DISTINCT FROM p.issuer THEN
        problem := 'iss_mismatch';
    ELSIF iss IS NULL AND p.iss_parameter_supported THEN
        problem := 'iss_missing';
    END IF;
    IF problem IS NOT NULL THEN
        UPDATE auth.login_attempts x SET failed_reason = problem WHERE x.id = a.id;
        RETURN auth.oidc_error('28000', 'invalid_state',
                               'this response does not come from the provider the login was started with; start the login again',
                               problem, a.provider, a.id, ip, user_agent);
    END IF;
    IF a.expires_at <= now_ THEN
        UPDATE auth.login_attempts x SET failed_reason = 'expired' WHERE x.id = a.id;
        RETURN auth.oidc_error('28000', 'invalid_state', 'unknown or expired login state; start the login again',
                               'state_expired', a.provider, a.id, ip, user_agent);
    END IF;
    IF NOT coalesce(auth.digests_equal(sha256(convert_to(binding, 'UTF8')), a.binding_hash), false) THEN
        UPDATE auth.login_attempts x SET failed_reason = 'browser_mismatch' WHERE x.id = a.id;
        RETURN auth.oidc_error('28000', 'invalid_state',
                               'this login was started in another browser; start the login again',
                               'browser_mismatch', a.provider, a.id, ip, user_agent);
    END IF;
    IF NOT p.enabled THEN
        UPDATE auth.login_attempts x SET failed_reason = 'provider_disabled' WHERE x.id = a.id;
        RETURN auth.oidc_error('42704', 'unknown_provider', 'the OIDC provider of this login is disabled',
                               'provider_disabled', a.provider, a.id, ip, user_agent);
    END IF;
    RETURN jsonb_build_object(
        'attempt_id', a.id,
        'provider', p.name,
        'issuer', p.issuer,
        'client_id', p.client_id,
        'client_secret', CASE WHEN p.client_secret IS NOT NULL
                              THEN internal.decrypt_secret(p.client_secret, 'auth.oidc_providers:' || p.name) END,
        'token_endpoint', p.token_endpoint,
        'redirect_uri', p.callback_url,
        'code_verifier', internal.decrypt_secret(a.code_verifier, 'auth.login_attempts:' || a.id),
        'nonce', a.nonce,
        'redirect_to', a.redirect_uri);
END
$$;


ALTER FUNCTION auth.consume_oidc_callback(provider text, state text, binding text, iss text, ip inet, user_agent text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION consume_oidc_callback(provider text, state text, binding text, iss text, ip inet, user_agent text); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.consume_oidc_callback(provider text, state text, binding text, iss text, ip inet, user_agent text) IS 'For the glue''s /auth/oidc/<provider>/callback: spend the login attempt of the callback''s state (single use), after checking that it was started with this provider and that the response''s iss (RFC 9207) is the provider''s issuer (required when the provider advertises it). Answers what the code exchange and the ID token check need; or {error, code 28000: unknown, used, expired, other-browser state, other provider or issuer; 42704 disabled provider}. Audited.';


--
-- Name: cookie_login(text, text, inet, text); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.cookie_login(username_or_email text, password text, ip inet DEFAULT NULL::inet, user_agent text DEFAULT NULL::text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    answer jsonb;
BEGIN
    -- Local to this call: what auth.login() records (attempts, lockout, the session's
    -- address) names the browser, not the glue.
    PERFORM set_config('neuronplane.client_ip', coalesce(host(ip), ''), true),
            set_config('neuronplane.client_user_agent', coalesce(left(user_agent, 512), ''), true);
    answer := auth.login(username_or_email, password);
    IF answer ? 'error' THEN
        RETURN answer;
    END IF;
    RETURN answer || jsonb_build_object('csrf_token', auth.csrf_token((answer ->> 'session_id')::uuid),
                                        'refresh_expires_in',
                                        (SELECT extract(epoch FROM s.refresh_ttl)::integer FROM auth.settings s));
END
$$;


ALTER FUNCTION auth.cookie_login(username_or_email text, password text, ip inet, user_agent text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION cookie_login(username_or_email text, password text, ip inet, user_agent text); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.cookie_login(username_or_email text, password text, ip inet, user_agent text) IS 'For the glue: api.login() for a browser, answering the token answer plus csrf_token and refresh_expires_in (the glue sets them as cookies); or {error, code 28P01 | 53400, message, retry_after}. Definer: it reads and writes auth tables the worker role cannot.';


--
-- Name: cookie_logout(text, text, inet, text); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.cookie_logout(access_token text, csrf_token text, ip inet DEFAULT NULL::inet, user_agent text DEFAULT NULL::text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    claims jsonb := auth.verify_access_token(access_token, allow_expired => true);
    v_session uuid;
    v_principal uuid;
BEGIN
    IF claims IS NULL OR NOT claims ? 'sid' THEN
        RETURN jsonb_build_object('error', 'invalid_token', 'code', '28000', 'message', 'no valid session cookie');
    END IF;
    v_session := (claims ->> 'sid')::uuid;
    v_principal := (claims ->> 'sub')::uuid;
    IF NOT auth.csrf_ok(v_session, csrf_token) THEN
        PERFORM audit.record('auth.csrf.refused', 'denied', 'session', v_session::text,
                             '{"endpoint": "logout"}', v_principal, claims ->> 'principal_type',
                             ip => ip, user_agent => user_agent);
        RETURN jsonb_build_object('error', 'csrf', 'code', '42501',
                                  'message', 'missing or wrong X-CSRF-Token header');
    END IF;
    IF auth.revoke_sessions(v_principal, 'logout', only_session => v_session) > 0 THEN
        PERFORM audit.record('auth.logout', 'success', 'session', v_session::text, '{}',
                             v_principal, claims ->> 'principal_type', ip => ip, user_agent => user_agent);
    END IF;
    RETURN jsonb_build_object('session_id', v_session);
END
$$;


ALTER FUNCTION auth.cookie_logout(access_token text, csrf_token text, ip inet, user_agent text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION cookie_logout(access_token text, csrf_token text, ip inet, user_agent text); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.cookie_logout(access_token text, csrf_token text, ip inet, user_agent text) IS 'For the glue: end the session of an access token from a cookie (expired tokens too), when csrf_token is its session''s. Answers {session_id}; or {error, code 28000 | 42501}.';


--
-- Name: cookie_refresh(text, text, inet, text); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.cookie_refresh(refresh_token text, csrf_token text, ip inet DEFAULT NULL::inet, user_agent text DEFAULT NULL::text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_session uuid;
    v_principal uuid;
    answer jsonb;
BEGIN
    -- Local to this call (the function's SET clause ends them with it): what auth.refresh()
    -- audits, rotation and reuse alike, names the browser, not the glue.
    PERFORM set_config('neuronplane.client_ip', coalesce(host(ip), ''), true),
            set_config('neuronplane.client_user_agent', coalesce(left(user_agent, 512), ''), true);
    SELECT t.session_id, s.principal_id INTO v_session, v_principal
      FROM auth.refresh_tokens t JOIN auth.sessions s ON s.id = t.session_id
     WHERE t.token_hash = sha256(convert_to(coalesce(refresh_token, ''), 'UTF8'));
    IF NOT FOUND THEN
        RETURN jsonb_build_object('error', 'invalid_grant', 'code', '28000', 'message', 'unknown refresh token');
    END IF;
    IF NOT auth.csrf_ok(v_session, csrf_token) THEN
        PERFORM audit.record('auth.csrf.refused', 'denied', 'session', v_session::text,
                             '{"endpoint": "refresh"}', v_principal,
                             (SELECT p.type FROM identity.principals p WHERE p.id = v_principal),
                             ip => ip, user_agent => user_agent);
        RETURN jsonb_build_object('error', 'csrf', 'code', '42501',
                                  'message', 'missing or wrong X-CSRF-Token header');
    END IF;
    answer := auth.refresh(refresh_token);
    IF answer ? 'error' THEN
        RETURN answer;
    END IF;
    RETURN answer || jsonb_build_object('csrf_token', auth.csrf_token(v_session),
                                        'refresh_expires_in',
                                        (SELECT extract(epoch FROM s.refresh_ttl)::integer FROM auth.settings s));
END
$$;


ALTER FUNCTION auth.cookie_refresh(refresh_token text, csrf_token text, ip inet, user_agent text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION cookie_refresh(refresh_token text, csrf_token text, ip inet, user_agent text); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.cookie_refresh(refresh_token text, csrf_token text, ip inet, user_agent text) IS 'For the glue: api.refresh() for a refresh token from a cookie, when csrf_token is its session''s. Answers the token answer plus csrf_token; or {error, code 28000 | 42501}.';


--
-- Name: cookie_session(text); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.cookie_session(access_token text) RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    claims jsonb := auth.verify_access_token(access_token);
    s auth.sessions;
    u identity.users;
BEGIN
    IF claims IS NULL OR NOT claims ? 'sid' THEN
        RETURN jsonb_build_object('error', 'invalid_token', 'code', '28000', 'message', 'no valid session cookie');
    END IF;
    SELECT * INTO s FROM auth.sessions x WHERE x.id = (claims ->> 'sid')::uuid;
    IF NOT FOUND OR NOT auth.session_is_active(s.id) THEN
        RETURN jsonb_build_object('error', 'invalid_token', 'code', '28000', 'message', 'the session has ended');
    END IF;
    SELECT * INTO u FROM identity.users x WHERE x.id = s.principal_id;
    RETURN jsonb_build_object('session_id', s.id, 'principal_id', s.principal_id,
                              'principal_type', claims ->> 'principal_type',
                              'username', u.username, 'email', u.email, 'display_name', u.display_name,
                              'auth_method', s.auth_method, 'created_at', s.created_at,
                              'access_expires_at', (claims ->> 'exp')::bigint,
                              'session_expires_at', least(s.expires_at, s.idle_expires_at));
END
$$;


ALTER FUNCTION auth.cookie_session(access_token text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION cookie_session(access_token text); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.cookie_session(access_token text) IS 'For the glue: the session and user of an access token from a cookie; or {error, code 28000}.';


--
-- Name: count_api_key_request(uuid, integer, integer, boolean, inet, text, text); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.count_api_key_request(key_id uuid, max_per_min integer, take integer, touch boolean, ip inet, user_agent text, request_id text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    n       integer;
    taken   integer;
    started timestamptz;
    k       identity.api_keys;
    s       identity.resource_scopes;
BEGIN
    INSERT INTO auth.api_key_request_counts AS r (api_key_id, window_start, request_count, last_taken)
    VALUES (key_id, date_trunc('minute', now(), 'UTC'),
            least(take, max_per_min), least(take, max_per_min))
    ON CONFLICT (api_key_id) DO UPDATE
       SET (window_start, request_count, last_taken) =
           (SELECT excluded.window_start, x.before + greatest(x.granted, 1), x.granted
              FROM (SELECT b.before, greatest(0, least(take, max_per_min - b.before)) AS granted
                      FROM (SELECT CASE WHEN r.window_start = excluded.window_start
                                        THEN r.request_count ELSE 0 END AS before) b) x)
    RETURNING r.request_count, r.last_taken, r.window_start INTO n, taken, started;
    IF touch THEN
        UPDATE identity.api_keys x SET last_used_at = now()
         WHERE x.id = key_id AND (x.last_used_at IS NULL OR x.last_used_at <= now() - interval '1 minute');
    END IF;
    IF taken > 0 THEN
        RETURN jsonb_build_object('count', n, 'taken', taken, 'window_start', started);
    END IF;
    IF n = max_per_min + 1 THEN
        -- What the request's headers said, not this connection's address (audit.record()
        -- falls back to the connection's without request headers).
        PERFORM set_config('request.headers', '{}', true);
        SELECT * INTO k FROM identity.api_keys x WHERE x.id = key_id;
        SELECT * INTO s FROM identity.resource_scopes x
         WHERE x.resource_type = 'api_key' AND x.resource_id = key_id;
        PERFORM audit.record('api_key.rate_limited', 'denied', 'api_key', k.prefix,
                             jsonb_build_object('rate_limit_per_min', max_per_min,
                                                'window_start', started),
                             k.principal_id, k.principal_type, s.org_id, s.project_id,
                             ip, user_agent, request_id);
    END IF;
    RETURN jsonb_build_object('count', n, 'taken', 0, 'window_start', started,
                              'retry_after', auth.rate_limit_retry_after(started, clock_timestamp()));
END
$$;


ALTER FUNCTION auth.count_api_key_request(key_id uuid, max_per_min integer, take integer, touch boolean, ip inet, user_agent text, request_id text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION count_api_key_request(key_id uuid, max_per_min integer, take integer, touch boolean, ip inet, user_agent text, request_id text); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.count_api_key_request(key_id uuid, max_per_min integer, take integer, touch boolean, ip inet, user_agent text, request_id text) IS 'Autonomous side of an API-key request: takes up to `take` requests of the key''s current minute, records last use (at most once a minute), audits the first refusal of a window. Returns {count, taken, window_start[, retry_after]}.';


--
-- Name: count_login_attempt(inet, timestamp with time zone); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.count_login_attempt(ip inet, at timestamp with time zone, OUT retry_after integer, OUT first_refusal boolean) RETURNS record
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_limit integer := (SELECT s.login_rate_limit_per_min FROM auth.settings s);
    v_address inet := auth.login_address(ip);
    v_window timestamptz;
    v_attempts integer;
BEGIN
    first_refusal := false;
    IF v_address IS NULL THEN
        RETURN;
    END IF;
    INSERT INTO auth.address_login_attempts AS a (address, window_started_at, attempt_count)
    VALUES (v_address, at, 1)
    ON CONFLICT (address) DO UPDATE
       SET window_started_at = CASE WHEN a.window_started_at <= at - interval '1 minute'
                                    THEN at ELSE a.window_started_at END,
           attempt_count = CASE WHEN a.window_started_at <= at - interval '1 minute'
                                THEN 1 ELSE a.attempt_count + 1 END
    RETURNING a.window_started_at, a.attempt_count INTO v_window, v_attempts;
    IF v_attempts > v_limit THEN
        retry_after := auth.seconds_until(v_window + interval '1 minute', at);
        first_refusal := v_attempts = v_limit + 1;
    END IF;
END
$$;


ALTER FUNCTION auth.count_login_attempt(ip inet, at timestamp with time zone, OUT retry_after integer, OUT first_refusal boolean) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION count_login_attempt(ip inet, at timestamp with time zone, OUT retry_after integer, OUT first_refusal boolean); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.count_login_attempt(ip inet, at timestamp with time zone, OUT retry_after integer, OUT first_refusal boolean) IS 'Counts one anonymous login attempt (password login, OIDC login start) from ip''s address in the current one-minute window; retry_after is set (seconds) beyond auth.settings.login_rate_limit_per_min, first_refusal only for the first attempt over it in the window. NULL ip: not counted, never limited.';


--
-- Name: count_login_failure(text, uuid, inet, timestamp with time zone); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.count_login_failure(failed_account text, failed_user uuid, failed_address inet, failed_at timestamp with time zone) RETURNS interval
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    delay interval;
BEGIN
    INSERT INTO auth.account_login_failures AS f (account_key, user_id, failure_count,
                                                  first_failure_at, last_failure_at, locked_until)
    VALUES (failed_account, failed_user, 1, failed_at, failed_at, failed_at + auth.lockout_delay(1))
    ON CONFLICT (account_key) DO UPDATE
       SET failure_count = auth.next_failure_count(f.failure_count, f.last_failure_at,
                                                   f.locked_until, failed_at),
           first_failure_at = CASE WHEN auth.next_failure_count(f.failure_count, f.last_failure_at,
                                                                f.locked_until, failed_at) = 1
                                   THEN failed_at ELSE f.first_failure_at END,
           last_failure_at = failed_at,
           locked_until = failed_at + auth.lockout_delay(auth.next_failure_count(
                                      f.failure_count, f.last_failure_at, f.locked_until, failed_at))
    RETURNING f.locked_until - failed_at INTO delay;
    IF failed_address IS NOT NULL THEN
        INSERT INTO auth.address_login_failures AS f (address, failure_count, first_failure_at,
                                                      last_failure_at, locked_until)
        VALUES (failed_address, 1, failed_at, failed_at, failed_at + auth.lockout_delay(1))
        ON CONFLICT (address) DO UPDATE
           SET failure_count = auth.next_failure_count(f.failure_count, f.last_failure_at,
                                                       f.locked_until, failed_at),
               first_failure_at = CASE WHEN auth.next_failure_count(f.failure_count, f.last_failure_at,
                                                                    f.locked_until, failed_at) = 1
                                       THEN failed_at ELSE f.first_failure_at END,
               last_failure_at = failed_at,
               locked_until = failed_at + auth.lockout_delay(auth.next_failure_count(
                                          f.failure_count, f.last_failure_at, f.locked_until, failed_at))
        RETURNING greatest(delay, f.locked_until - failed_at) INTO delay;
    END IF;
    RETURN delay;
END
$$;


ALTER FUNCTION auth.count_login_failure(failed_account text, failed_user uuid, failed_address inet, failed_at timestamp with time zone) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION count_login_failure(failed_account text, failed_user uuid, failed_address inet, failed_at timestamp with time zone); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.count_login_failure(failed_account text, failed_user uuid, failed_address inet, failed_at timestamp with time zone) IS 'Counts one failed password check for the account key and the address (lockout, docs/auth.md); returns the longer lock it started, or NULL/0 for none.';


--
-- Name: create_session(uuid, text, inet, text); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.create_session(principal_id uuid, auth_method text, ip inet DEFAULT NULL::inet, user_agent text DEFAULT NULL::text) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_session uuid;
    rt record;
BEGIN
    INSERT INTO auth.sessions (principal_id, auth_method, expires_at, idle_expires_at, user_agent, ip)
    SELECT create_session.principal_id, create_session.auth_method,
           clock_timestamp() + x.session_lifetime, clock_timestamp() + x.idle_timeout,
           left(create_session.user_agent, 512), create_session.ip
      FROM auth.settings x
    RETURNING id INTO v_session;
    rt := auth.new_refresh_token(v_session, NULL);
    RETURN auth.token_response(v_session, rt.token);
END
$$;


ALTER FUNCTION auth.create_session(principal_id uuid, auth_method text, ip inet, user_agent text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION create_session(principal_id uuid, auth_method text, ip inet, user_agent text); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.create_session(principal_id uuid, auth_method text, ip inet, user_agent text) IS 'Open a session for a principal that has just authenticated; returns the token answer.';


--
-- Name: create_signing_key(); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.create_signing_key() RETURNS text
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    generated record;
    new_kid text;
BEGIN
    SELECT * INTO STRICT generated FROM auth.es256_generate_key();
    new_kid := generated.public_jwk ->> 'kid';
    INSERT INTO auth.signing_keys (kid, private_key, public_jwk, status)
    VALUES (new_kid,
            internal.encrypt_secret(generated.private_pem, 'auth.signing_keys:' || new_kid),
            generated.public_jwk, 'next');
    RETURN new_kid;
END
$$;


ALTER FUNCTION auth.create_signing_key() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION create_signing_key(); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.create_signing_key() IS 'Create a signing key in status next (published, not signing) and return its kid.';


--
-- Name: csrf_ok(uuid, text); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.csrf_ok(session_id uuid, presented text) RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT coalesce(auth.digests_equal(sha256(convert_to(presented, 'UTF8')),
                                       sha256(convert_to(auth.csrf_token(session_id), 'UTF8'))), false)
$$;


ALTER FUNCTION auth.csrf_ok(session_id uuid, presented text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION csrf_ok(session_id uuid, presented text); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.csrf_ok(session_id uuid, presented text) IS 'True when presented is the session''s CSRF token (compared in constant time).';


--
-- Name: csrf_token(uuid); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.csrf_token(session_id uuid) RETURNS text
    LANGUAGE sql STABLE STRICT
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT encode(extensions.hmac(convert_to('csrf:' || session_id::text, 'UTF8'), k.key, 'sha256'), 'hex')
      FROM auth.refresh_token_key k
$$;


ALTER FUNCTION auth.csrf_token(session_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION csrf_token(session_id uuid); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.csrf_token(session_id uuid) IS 'The CSRF token of a session: HMAC-SHA-256 of its id under the server key (hex).';


--
-- Name: current_session_id(); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.current_session_id() RETURNS uuid
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    sid text := nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sid';
BEGIN
    IF sid ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
        RETURN sid::uuid;
    END IF;
    RETURN NULL;
END
$_$;


ALTER FUNCTION auth.current_session_id() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION current_session_id(); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.current_session_id() IS 'The session of the current request (JWT claim "sid"), or NULL.';


--
-- Name: delete_oidc_provider(text); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.delete_oidc_provider(name text) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    DELETE FROM auth.oidc_providers p WHERE p.name = delete_oidc_provider.name;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'there is no OIDC provider "%"', name USING ERRCODE = '42704';
    END IF;
    PERFORM audit.record('auth.oidc.provider.deleted', 'success', 'oidc_provider', name);
END
$$;


ALTER FUNCTION auth.delete_oidc_provider(name text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION delete_oidc_provider(name text); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.delete_oidc_provider(name text) IS 'Remove an OIDC provider with its login attempts and linked identities (the users stay). Errors: 42704.';


--
-- Name: digests_equal(bytea, bytea); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.digests_equal(a bytea, b bytea) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT CASE WHEN length(a) <> length(b) OR length(a) = 0 THEN false
                ELSE bit_count(('x' || encode(a, 'hex'))::bit varying
                               # ('x' || encode(b, 'hex'))::bit varying) = 0 END
$$;


ALTER FUNCTION auth.digests_equal(a bytea, b bytea) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION digests_equal(a bytea, b bytea); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.digests_equal(a bytea, b bytea) IS 'Equality of two digests of the same length, in time independent of where they differ.';


--
-- Name: error_response(integer, text, text, text, integer); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.error_response(status integer, error text, code text, message text, retry_after integer DEFAULT NULL::integer) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    PERFORM set_config('response.status', status::text, true);
    IF retry_after IS NOT NULL THEN
        PERFORM set_config('response.headers',
                           jsonb_build_array(jsonb_build_object('Retry-After', retry_after::text))::text,
                           true);
    END IF;
    RETURN jsonb_strip_nulls(jsonb_build_object('error', error, 'code', code, 'message', message,
                                                'retry_after', retry_after));
END
$$;


ALTER FUNCTION auth.error_response(status integer, error text, code text, message text, retry_after integer) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION error_response(status integer, error text, code text, message text, retry_after integer); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.error_response(status integer, error text, code text, message text, retry_after integer) IS 'An error answer ({error, code, message, retry_after}) that also sets PostgREST''s response status and Retry-After.';


--
-- Name: es256_generate_key(); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.es256_generate_key(OUT private_pem text, OUT public_jwk jsonb) RETURNS record
    LANGUAGE plpython3u
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
import json
import np_tokens
pem, jwk = np_tokens.generate_key()
return pem, json.dumps(jwk)
$$;


ALTER FUNCTION auth.es256_generate_key(OUT private_pem text, OUT public_jwk jsonb) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION es256_generate_key(OUT private_pem text, OUT public_jwk jsonb); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.es256_generate_key(OUT private_pem text, OUT public_jwk jsonb) IS 'A new P-256 signing key: private key (PKCS#8 PEM, store it encrypted) and public JWK; use auth.create_signing_key().';


--
-- Name: es256_sign(jsonb, text, bytea); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.es256_sign(claims jsonb, kid text, private_key bytea) RETURNS text
    LANGUAGE plpython3u STRICT
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
signer = SD.get(kid)
if signer is None:
    import np_tokens
    if "decrypt" not in SD:
        SD["decrypt"] = plpy.prepare("SELECT internal.decrypt_secret($1, $2) AS pem", ["bytea", "text"])
    pem = plpy.execute(SD["decrypt"], [private_key, "auth.signing_keys:" + kid])[0]["pem"]
    signer = SD[kid] = np_tokens.Signer(kid, np_tokens.load_private_key(pem))
return signer.sign(claims)
$_$;


ALTER FUNCTION auth.es256_sign(claims jsonb, kid text, private_key bytea) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION es256_sign(claims jsonb, kid text, private_key bytea); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.es256_sign(claims jsonb, kid text, private_key bytea) IS 'The compact ES256 JWS of claims, signed with the stored (encrypted) private key of kid, kid in its header; use auth.issue_access_token().';


--
-- Name: es256_verify(text, jsonb, text, text, boolean); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.es256_verify(token text, jwks jsonb, issuer text, audience text, verify_exp boolean) RETURNS jsonb
    LANGUAGE plpython3u STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
import json
import np_tokens
if token is None or jwks is None:
    return None
claims = np_tokens.verify(token, json.loads(jwks), issuer, audience, verify_exp=verify_exp)
return None if claims is None else json.dumps(claims)
$$;


ALTER FUNCTION auth.es256_verify(token text, jwks jsonb, issuer text, audience text, verify_exp boolean) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION es256_verify(token text, jwks jsonb, issuer text, audience text, verify_exp boolean); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.es256_verify(token text, jwks jsonb, issuer text, audience text, verify_exp boolean) IS 'The claims of an ES256 access token whose kid is in jwks, with our issuer and audience (and, when verify_exp, not expired); NULL otherwise.';


--
-- Name: fail_oidc_login(uuid, text, inet, text); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.fail_oidc_login(attempt_id uuid, reason text, ip inet DEFAULT NULL::inet, user_agent text DEFAULT NULL::text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_provider text;
BEGIN
    UPDATE auth.login_attempts a SET failed_reason = left(coalesce(reason, 'unknown'), 200)
     WHERE a.id = fail_oidc_login.attempt_id AND a.consumed_at IS NOT NULL AND a.completed_at IS NULL
    RETURNING a.provider INTO v_provider;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'there is no consumed, uncompleted login attempt %', attempt_id
            USING ERRCODE = '42704';
    END IF;
    PERFORM auth.oidc_error('28000', 'login_failed', '', left(coalesce(reason, 'unknown'), 200),
                            v_provider, attempt_id, ip, user_agent);
END
$$;


ALTER FUNCTION auth.fail_oidc_login(attempt_id uuid, reason text, ip inet, user_agent text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION fail_oidc_login(attempt_id uuid, reason text, ip inet, user_agent text); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.fail_oidc_login(attempt_id uuid, reason text, ip inet, user_agent text) IS 'For the glue: record why a consumed login attempt failed (audited as auth.oidc.failed). Errors: 42704.';


--
-- Name: issue_access_token(uuid, text, text, uuid, jsonb, interval); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.issue_access_token(principal_id uuid, principal_type text, role text, session_id uuid DEFAULT NULL::uuid, extra_claims jsonb DEFAULT '{}'::jsonb, lifetime interval DEFAULT NULL::interval) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    standard constant text[] := ARRAY['iss', 'aud', 'sub', 'role', 'sid', 'principal_type',
                                      'iat', 'nbf', 'exp', 'jti'];
    extra jsonb := coalesce(extra_claims, '{}'::jsonb);
    cfg record;
    signer record;
BEGIN
    IF role IS NULL OR role NOT IN ('authenticated', 'service') THEN
        RAISE EXCEPTION 'an access token''s role is authenticated or service, not "%"', role
            USING ERRCODE = '22023',
                  HINT = 'People get authenticated; service accounts and API keys get service.';
    END IF;
    IF principal_id IS NULL THEN
        RAISE EXCEPTION 'an access token needs a principal'
            USING ERRCODE = '22023';
    END IF;
    IF principal_type IS NULL
       OR principal_type NOT IN ('user', 'org', 'agent', 'tool', 'dataset', 'service_account') THEN
        RAISE EXCEPTION 'unknown principal type "%"', principal_type
            USING ERRCODE = '22023',
                  HINT = 'Use user, org, agent, tool, dataset or service_account.';
    END IF;
    IF jsonb_typeof(extra) <> 'object' THEN
        RAISE EXCEPTION 'extra claims must be a JSON object, not %', jsonb_typeof(extra)
            USING ERRCODE = '22023';
    END IF;
    IF extra ?| standard THEN
        RAISE EXCEPTION 'extra claims may not set the standard claims %',
                        array_to_string(ARRAY(SELECT c FROM unnest(standard) AS c
                                               WHERE extra ? c), ', ')
            USING ERRCODE = '22023',
                  HINT = 'Pass the principal, role and session as arguments.';
    END IF;

    SELECT s.issuer, s.audience, s.access_ttl INTO STRICT cfg FROM auth.settings s;
    IF lifetime > cfg.access_ttl THEN
        -- Retired keys are published for access_ttl only: a longer-lived token would be
        -- refused once its key is retired.
        RAISE EXCEPTION 'a token lifetime of % exceeds auth.settings.access_ttl (%)',
                        lifetime, cfg.access_ttl
            USING ERRCODE = '22023';
    END IF;

    SELECT k.kid, k.private_key INTO signer FROM auth.signing_keys k WHERE k.status = 'active';
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no signing key is active'
            USING ERRCODE = '55000',
                  HINT = 'SELECT auth.rotate_signing_key() makes the next key active.';
    END IF;

    RETURN auth.es256_sign(
        extra || auth.access_token_claims(cfg.issuer, cfg.audience, principal_id, role, session_id,
                                          principal_type,
                                          floor(extract(epoch FROM clock_timestamp()))::bigint,
                                          coalesce(lifetime, cfg.access_ttl)),
        signer.kid, signer.private_key);
END
$$;


ALTER FUNCTION auth.issue_access_token(principal_id uuid, principal_type text, role text, session_id uuid, extra_claims jsonb, lifetime interval) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION issue_access_token(principal_id uuid, principal_type text, role text, session_id uuid, extra_claims jsonb, lifetime interval); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.issue_access_token(principal_id uuid, principal_type text, role text, session_id uuid, extra_claims jsonb, lifetime interval) IS 'An ES256 access token for a principal: iss, aud, sub, role (authenticated or service), sid (when given), principal_type, iat, exp (iat + access_ttl, or the shorter lifetime), jti, and extra_claims (which may not override these). Signed with the active key.';


--
-- Name: jwks(); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.jwks() RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT jsonb_build_object('keys', coalesce(jsonb_agg(k.public_jwk ORDER BY
               CASE k.status WHEN 'active' THEN 0 WHEN 'next' THEN 1 ELSE 2 END,
               k.retired_at DESC), '[]'::jsonb))
      FROM auth.published_signing_keys() k
$$;


ALTER FUNCTION auth.jwks() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION jwks(); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.jwks() IS 'The JSON Web Key Set {"keys": [...]} of the published signing keys, the active key first.';


--
-- Name: keep_leased_requests(uuid, timestamp with time zone, integer); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.keep_leased_requests(key_id uuid, window_start timestamp with time zone, requests integer) RETURNS void
    LANGUAGE plpython3u STRICT
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
leases = GD.setdefault("neuronplane.api_key_leases", {})
for other in [k for k, v in leases.items() if v[0] != window_start]:
    del leases[other]
if requests > 0:
    leases[key_id] = [window_start, requests]
else:
    leases.pop(key_id, None)
$$;


ALTER FUNCTION auth.keep_leased_requests(key_id uuid, window_start timestamp with time zone, requests integer) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION keep_leased_requests(key_id uuid, window_start timestamp with time zone, requests integer); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.keep_leased_requests(key_id uuid, window_start timestamp with time zone, requests integer) IS 'Keep the requests taken in advance for the key in this window (replacing what was kept for it); forgets other windows.';


--
-- Name: list_sessions(); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.list_sessions() RETURNS TABLE(id uuid, auth_method text, created_at timestamp with time zone, last_used_at timestamp with time zone, expires_at timestamp with time zone, ip inet, user_agent text, is_current boolean)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT s.id, s.auth_method, s.created_at, s.refreshed_at, least(s.expires_at, s.idle_expires_at),
           s.ip, s.user_agent, s.id IS NOT DISTINCT FROM auth.current_session_id()
      FROM auth.sessions s
     WHERE s.principal_id = identity.require_caller()
       AND s.revoked_at IS NULL AND s.expires_at > now() AND s.idle_expires_at > now()
     ORDER BY s.refreshed_at DESC
$$;


ALTER FUNCTION auth.list_sessions() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION list_sessions(); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.list_sessions() IS 'What api.sessions() does (see its comment there); only that endpoint calls it.';


--
-- Name: lockout_delay(integer); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.lockout_delay(failure_count integer) RETURNS interval
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT CASE WHEN failure_count >= s.lockout_threshold THEN
                    least(s.lockout_base_delay * power(2, least(failure_count - s.lockout_threshold, 30)),
                          s.lockout_max_delay)
                END
      FROM auth.settings s
$$;


ALTER FUNCTION auth.lockout_delay(failure_count integer) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION lockout_delay(failure_count integer); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.lockout_delay(failure_count integer) IS 'The lock after the failure_count-th failure in a row: NULL below auth.settings.lockout_threshold, then lockout_base_delay * 2^(failure_count - lockout_threshold), capped at lockout_max_delay.';


--
-- Name: login(text, text); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.login(username_or_email text, password text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    ip inet := auth.request_ip();
    ua text := auth.request_user_agent();
    attempt record;
BEGIN
    -- Before anything: in a read-only transaction the login would fail at its first write,
    -- which differs for a right and a wrong password, and its counters would roll back.
    PERFORM auth.require_read_write('api.login');
    SELECT * INTO attempt
      FROM auth.attempt_password_login(username_or_email, password, ip, ua);
    CASE attempt.outcome
    WHEN 'ok' THEN
        RETURN auth.create_session(attempt.user_id, 'password', ip, ua);
    WHEN 'locked' THEN
        RETURN auth.error_response(429, 'locked', '28P01',
                                   'too many failed logins; try again later', attempt.retry_after);
    WHEN 'rate_limited' THEN
        RETURN auth.error_response(429, 'rate_limited', '53400',
                                   'too many login attempts from this address; try again later',
                                   attempt.retry_after);
    ELSE
        RETURN auth.error_response(401, 'invalid_grant', '28P01', 'invalid username or password');
    END CASE;
END
$$;


ALTER FUNCTION auth.login(username_or_email text, password text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION login(username_or_email text, password text); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.login(username_or_email text, password text) IS 'What api.login() does (see its comment there); only that endpoint calls it.';


--
-- Name: login_address(inet); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.login_address(ip inet) RETURNS inet
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT CASE WHEN family(ip) = 4 THEN set_masklen(ip, 32)
                WHEN ip << inet '::ffff:0:0/96' THEN set_masklen(ip, 128)
                ELSE network(set_masklen(ip, 64))::inet END
$$;


ALTER FUNCTION auth.login_address(ip inet) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION login_address(ip inet); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.login_address(ip inet) IS 'The client address login limits count by: the IPv4 host, an IPv4-mapped IPv6 host, or the /64 of any other IPv6 address.';


--
-- Name: login_lock_seconds(text, inet); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.login_lock_seconds(account_key text, address inet) RETURNS integer
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT auth.seconds_until(max(l.locked_until), clock_timestamp())
      FROM (SELECT f.locked_until FROM auth.account_login_failures f
             WHERE f.account_key = login_lock_seconds.account_key AND f.locked_until > clock_timestamp()
            UNION ALL
            SELECT f.locked_until FROM auth.address_login_failures f
             WHERE f.address = login_lock_seconds.address AND f.locked_until > clock_timestamp()) l
    HAVING count(*) > 0
$$;


ALTER FUNCTION auth.login_lock_seconds(account_key text, address inet) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION login_lock_seconds(account_key text, address inet); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.login_lock_seconds(account_key text, address inet) IS 'Seconds until the lockout of the account key or the address ends, whichever is later; NULL when neither is locked.';


--
-- Name: logout(); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.logout() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    sid uuid := auth.require_session();
BEGIN
    IF auth.revoke_sessions(identity.current_principal_id(), 'logout', only_session => sid) > 0 THEN
        PERFORM identity.audit('auth.logout', 'session', sid::text);
    END IF;
END
$$;


ALTER FUNCTION auth.logout() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION logout(); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.logout() IS 'What api.logout() does (see its comment there); only that endpoint calls it.';


--
-- Name: logout_all(); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.logout_all() RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    n integer := auth.revoke_sessions(identity.require_caller(), 'logout_all');
BEGIN
    PERFORM identity.audit('auth.logout', 'principal', identity.current_principal_id()::text,
                           jsonb_build_object('sessions', n, 'all', true));
    RETURN n;
END
$$;


ALTER FUNCTION auth.logout_all() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION logout_all(); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.logout_all() IS 'What api.logout_all() does (see its comment there); only that endpoint calls it.';


--
-- Name: maintain_signing_keys(); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.maintain_signing_keys() RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    removed integer;
    created boolean := false;
BEGIN
    LOCK TABLE auth.signing_keys IN EXCLUSIVE MODE;
    -- Past the retention no valid token names the key: unpublish it, and keep no copy of
    -- its private key (the audit log keeps its kid and when it rotated).
    DELETE FROM auth.signing_keys k
     WHERE k.status = 'retired'
       AND k.retired_at <= clock_timestamp() - auth.retired_key_retention();
    GET DIAGNOSTICS removed = ROW_COUNT;
    IF NOT EXISTS (SELECT FROM auth.signing_keys k WHERE k.status = 'next') THEN
        PERFORM auth.create_signing_key();
        created := true;
    END IF;
    IF removed > 0 OR created THEN
        PERFORM pg_notify('pgrst', 'reload config');
    END IF;
    RETURN removed;
END
$$;


ALTER FUNCTION auth.maintain_signing_keys() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION maintain_signing_keys(); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.maintain_signing_keys() IS 'Delete retired signing keys whose tokens have all expired, publish a next key if none is, and have PostgREST reload the JWKS when anything changed. Returns the number of keys deleted. Run by pg_cron every five minutes.';


--
-- Name: new_refresh_token(uuid, uuid, text); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.new_refresh_token(session_id uuid, parent_id uuid, successor text DEFAULT NULL::text, OUT id uuid, OUT token text) RETURNS record
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    token := coalesce(successor, 'npr_' || encode(extensions.gen_random_bytes(32), 'hex'));
    INSERT INTO auth.refresh_tokens (session_id, token_hash, parent_id, expires_at)
    VALUES (new_refresh_token.session_id, sha256(convert_to(token, 'UTF8')), new_refresh_token.parent_id,
            clock_timestamp() + (SELECT s.refresh_ttl FROM auth.settings s))
    RETURNING refresh_tokens.id INTO id;
END
$$;


ALTER FUNCTION auth.new_refresh_token(session_id uuid, parent_id uuid, successor text, OUT id uuid, OUT token text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION new_refresh_token(session_id uuid, parent_id uuid, successor text, OUT id uuid, OUT token text); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.new_refresh_token(session_id uuid, parent_id uuid, successor text, OUT id uuid, OUT token text) IS 'Insert a refresh token (npr_<64 hex>: 256 random bits, or a derived successor) for a session; only its SHA-256 is stored.';


--
-- Name: next_failure_count(integer, timestamp with time zone, timestamp with time zone, timestamp with time zone); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.next_failure_count(failure_count integer, last_failure_at timestamp with time zone, locked_until timestamp with time zone, at timestamp with time zone) RETURNS integer
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT CASE WHEN failure_count IS NULL
                  OR at > greatest(last_failure_at, locked_until) + s.lockout_window THEN 1
                ELSE failure_count + 1 END
      FROM auth.settings s
$$;


ALTER FUNCTION auth.next_failure_count(failure_count integer, last_failure_at timestamp with time zone, locked_until timestamp with time zone, at timestamp with time zone) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION next_failure_count(failure_count integer, last_failure_at timestamp with time zone, locked_until timestamp with time zone, at timestamp with time zone); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.next_failure_count(failure_count integer, last_failure_at timestamp with time zone, locked_until timestamp with time zone, at timestamp with time zone) IS 'The failure count after a failure at time at: reset to 1 when the previous one (or the end of its lock) is older than auth.settings.lockout_window.';


--
-- Name: oidc_callback_is_own(text, text); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.oidc_callback_is_own(callback_url text, provider text) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
    SELECT provider ~ '^[a-z0-9][a-z0-9_-]{0,62}$'
       AND callback_url ~ ('^https?://[^/?#[:space:]]+(/[^?#[:space:]]*)?/auth/oidc/'
                           || provider || '/callback$')
$_$;


ALTER FUNCTION auth.oidc_callback_is_own(callback_url text, provider text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION oidc_callback_is_own(callback_url text, provider text); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.oidc_callback_is_own(callback_url text, provider text) IS 'True when callback_url is https://host[/prefix]/auth/oidc/<provider>/callback: the redirect URI that belongs to that provider alone.';


--
-- Name: oidc_error(text, text, text, text, text, uuid, inet, text); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.oidc_error(code text, error text, message text, reason text, provider text DEFAULT NULL::text, attempt_id uuid DEFAULT NULL::uuid, ip inet DEFAULT NULL::inet, user_agent text DEFAULT NULL::text) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    PERFORM audit.record('auth.oidc.failed', 'failure', 'login_attempt', attempt_id::text,
                         jsonb_strip_nulls(jsonb_build_object('reason', reason, 'provider', provider)),
                         ip => ip, user_agent => user_agent);
    RETURN jsonb_build_object('error', error, 'code', code, 'message', message);
END
$$;


ALTER FUNCTION auth.oidc_error(code text, error text, message text, reason text, provider text, attempt_id uuid, ip inet, user_agent text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION oidc_error(code text, error text, message text, reason text, provider text, attempt_id uuid, ip inet, user_agent text); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.oidc_error(code text, error text, message text, reason text, provider text, attempt_id uuid, ip inet, user_agent text) IS 'Records auth.oidc.failed with the reason and answers {error, code, message}.';


--
-- Name: oidc_provider_keys(text); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.oidc_provider_keys(provider text) RETURNS jsonb
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT jsonb_build_object('issuer', p.issuer, 'client_id', p.client_id,
                              'jwks_uri', p.jwks_uri, 'id_token_algs', to_jsonb(p.id_token_algs),
                              'jwks', p.jwks, 'jwks_fetched_at', p.jwks_fetched_at)
      FROM auth.oidc_providers p
     WHERE p.name = oidc_provider_keys.provider
$$;


ALTER FUNCTION auth.oidc_provider_keys(provider text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION oidc_provider_keys(provider text); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.oidc_provider_keys(provider text) IS 'For the glue: a provider''s issuer, client id, accepted algorithms, jwks_uri and cached JWKS; NULL for an unknown provider.';


--
-- Name: oidc_username(jsonb, text); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.oidc_username(claims jsonb, provider text) RETURNS text
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    base text;
    candidate text;
BEGIN
    base := coalesce(nullif(claims ->> 'preferred_username', ''),
                     nullif(split_part(claims ->> 'email', '@', 1), ''),
                     provider || '-' || left(encode(sha256(convert_to(claims ->> 'sub', 'UTF8')), 'hex'), 12));
    base := regexp_replace(base, '[^A-Za-z0-9._-]', '-', 'g');
    base := regexp_replace(base, '^[._-]+', '');
    base := left(coalesce(nullif(base, ''), provider), 50);
    candidate := base;
    WHILE EXISTS (SELECT FROM identity.users u WHERE u.username OPERATOR(extensions.=) candidate::extensions.citext) LOOP
        candidate := base || '-' || encode(extensions.gen_random_bytes(3), 'hex');
    END LOOP;
    RETURN candidate;
END
$$;


ALTER FUNCTION auth.oidc_username(claims jsonb, provider text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION oidc_username(claims jsonb, provider text); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.oidc_username(claims jsonb, provider text) IS 'A free, valid username for a new user from ID-token claims.';


--
-- Name: pkce_challenge(text); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.pkce_challenge(verifier text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT rtrim(translate(encode(sha256(convert_to(verifier, 'UTF8')), 'base64'), E'+/\n', '-_'), '=')
$$;


ALTER FUNCTION auth.pkce_challenge(verifier text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION pkce_challenge(verifier text); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.pkce_challenge(verifier text) IS 'The PKCE S256 code challenge of a verifier (RFC 7636).';


--
-- Name: published_signing_keys(); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.published_signing_keys() RETURNS TABLE(kid text, public_jwk jsonb, status text, retired_at timestamp with time zone)
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT k.kid, k.public_jwk, k.status, k.retired_at
      FROM auth.signing_keys k
     WHERE k.status IN ('next', 'active')
        OR k.retired_at > clock_timestamp() - auth.retired_key_retention()
$$;


ALTER FUNCTION auth.published_signing_keys() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION published_signing_keys(); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.published_signing_keys() IS 'The signing keys verifiers must know: active, next, and retired ones whose tokens may still be valid.';


--
-- Name: purge_api_key_rejections(); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.purge_api_key_rejections() RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    n integer;
BEGIN
    DELETE FROM auth.api_key_rejections r WHERE r.window_start < now() - interval '2 minutes';
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;


ALTER FUNCTION auth.purge_api_key_rejections() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION purge_api_key_rejections(); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.purge_api_key_rejections() IS 'Delete refusal counts of past minutes; returns how many. Scheduled by pg_cron.';


--
-- Name: purge_login_throttles(); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.purge_login_throttles() RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_now constant timestamptz := clock_timestamp();
    v_window interval;
    n integer;
    total integer := 0;
BEGIN
    SELECT s.lockout_window INTO v_window FROM auth.settings s;
    DELETE FROM auth.account_login_failures f
     WHERE greatest(f.last_failure_at, f.locked_until) + v_window < v_now;
    GET DIAGNOSTICS n = ROW_COUNT;
    total := total + n;
    DELETE FROM auth.address_login_failures f
     WHERE greatest(f.last_failure_at, f.locked_until) + v_window < v_now;
    GET DIAGNOSTICS n = ROW_COUNT;
    total := total + n;
    DELETE FROM auth.address_login_attempts a
     WHERE a.window_started_at < v_now - interval '1 minute';
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN total + n;
END
$$;


ALTER FUNCTION auth.purge_login_throttles() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION purge_login_throttles(); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.purge_login_throttles() IS 'Deletes lockout rows that no longer count (older than auth.settings.lockout_window past their last failure or lock) and attempt windows older than a minute; returns how many. Scheduled by pg_cron.';


--
-- Name: purge_sessions(); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.purge_sessions() RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    n integer;
BEGIN
    DELETE FROM auth.sessions s
     USING auth.settings x
     WHERE least(coalesce(s.revoked_at, 'infinity'), s.expires_at, s.idle_expires_at)
           < now() - x.session_retention;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;


ALTER FUNCTION auth.purge_sessions() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION purge_sessions(); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.purge_sessions() IS 'Deletes sessions (and their refresh tokens) that ended more than auth.settings.session_retention ago; returns how many. Scheduled by pg_cron.';


--
-- Name: random_token(integer); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.random_token(n integer) RETURNS text
    LANGUAGE sql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT rtrim(translate(encode(extensions.gen_random_bytes(n), 'base64'), E'+/\n', '-_'), '=')
$$;


ALTER FUNCTION auth.random_token(n integer) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION random_token(n integer); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.random_token(n integer) IS 'n random bytes as base64url without padding.';


--
-- Name: rate_limit_retry_after(timestamp with time zone, timestamp with time zone); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.rate_limit_retry_after(window_start timestamp with time zone, moment timestamp with time zone) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT greatest(1, ceil(extract(epoch FROM window_start + interval '1 minute' - moment)))::integer
$$;


ALTER FUNCTION auth.rate_limit_retry_after(window_start timestamp with time zone, moment timestamp with time zone) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION rate_limit_retry_after(window_start timestamp with time zone, moment timestamp with time zone); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.rate_limit_retry_after(window_start timestamp with time zone, moment timestamp with time zone) IS 'Whole seconds (at least 1) from moment until the one-minute window that starts at window_start ends.';


--
-- Name: record_api_key_rejection(uuid, text, text, inet, text, text); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.record_api_key_rejection(key_id uuid, prefix text, reason text, ip inet, user_agent text, request_id text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    n integer;
    s identity.resource_scopes;
BEGIN
    INSERT INTO auth.api_key_rejections AS r (subject, window_start, rejection_count)
    VALUES (CASE WHEN key_id IS NOT NULL THEN 'api_key:' || key_id
                 ELSE 'address:' || coalesce(auth.login_address(ip)::text, 'unknown') END,
            date_trunc('minute', now(), 'UTC'), 1)
    ON CONFLICT (subject) DO UPDATE
       SET rejection_count = CASE WHEN r.window_start = excluded.window_start
                                  THEN r.rejection_count + 1 ELSE 1 END,
           window_start = excluded.window_start
    RETURNING r.rejection_count INTO n;
    IF n > 1 THEN
        RETURN jsonb_build_object('audited', false);
    END IF;
    SELECT * INTO s FROM identity.resource_scopes x
     WHERE x.resource_type = 'api_key' AND x.resource_id = key_id;
    PERFORM set_config('request.headers', '{}', true);  -- as in auth.count_api_key_request()
    PERFORM audit.record('api_key.rejected', 'denied', 'api_key', prefix,
                         jsonb_build_object('reason', reason), NULL, NULL, s.org_id, s.project_id,
                         ip, user_agent, request_id);
    RETURN jsonb_build_object('audited', true);
END
$$;


ALTER FUNCTION auth.record_api_key_rejection(key_id uuid, prefix text, reason text, ip inet, user_agent text, request_id text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION record_api_key_rejection(key_id uuid, prefix text, reason text, ip inet, user_agent text, request_id text); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.record_api_key_rejection(key_id uuid, prefix text, reason text, ip inet, user_agent text, request_id text) IS 'Autonomous side of a refused API key: audits api_key.rejected, the first of each minute per key (or client address). Returns {audited}.';


--
-- Name: record_csrf_refusal(uuid, uuid, text, text, text, inet, text, text); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.record_csrf_refusal(session_id uuid, principal_id uuid, principal_type text, method text, path text, ip inet, user_agent text, request_id text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('auth.csrf.refused:' || session_id, 0));
    IF EXISTS (SELECT FROM audit.events e
                WHERE e.principal_id = record_csrf_refusal.principal_id
                  AND e.occurred_at > clock_timestamp() - interval '1 minute'
                  AND e.action = 'auth.csrf.refused'
                  AND e.resource_id = session_id::text) THEN
        RETURN jsonb_build_object('audited', false);
    END IF;
    PERFORM set_config('request.headers', '{}', true);  -- as in auth.record_api_key_rejection()
    PERFORM audit.record('auth.csrf.refused', 'denied', 'session', session_id::text,
                         jsonb_build_object('method', method, 'path', path, 'via', 'postgrest'),
                         principal_id, principal_type,
                         ip => ip, user_agent => user_agent, request_id => request_id);
    RETURN jsonb_build_object('audited', true);
END
$$;


ALTER FUNCTION auth.record_csrf_refusal(session_id uuid, principal_id uuid, principal_type text, method text, path text, ip inet, user_agent text, request_id text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION record_csrf_refusal(session_id uuid, principal_id uuid, principal_type text, method text, path text, ip inet, user_agent text, request_id text); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.record_csrf_refusal(session_id uuid, principal_id uuid, principal_type text, method text, path text, ip inet, user_agent text, request_id text) IS 'Autonomous side of a CSRF refusal at PostgREST: audits auth.csrf.refused (method, path), the first of each minute per session. Returns {audited}.';


--
-- Name: record_password_change_failure(uuid, inet, text); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.record_password_change_failure(user_id uuid, ip inet, user_agent text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    delay interval;
BEGIN
    delay := auth.count_login_failure('user:' || user_id, user_id, auth.login_address(ip),
                                      clock_timestamp());
    PERFORM audit.record('auth.password.change_failed', 'failure', 'user', user_id::text,
                         jsonb_strip_nulls(jsonb_build_object(
                             'reason', 'invalid_credentials',
                             'locked_for', nullif(ceil(extract(epoch FROM delay))::integer, 0))),
                         user_id, 'user', ip => ip, user_agent => user_agent);
    RETURN jsonb_build_object('counted', true);
END
$$;


ALTER FUNCTION auth.record_password_change_failure(user_id uuid, ip inet, user_agent text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION record_password_change_failure(user_id uuid, ip inet, user_agent text); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.record_password_change_failure(user_id uuid, ip inet, user_agent text) IS 'Autonomous side of a wrong current password in api.change_password(): counts it towards the lockout and audits auth.password.change_failed.';


--
-- Name: refresh(text); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.refresh(refresh_token text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    hit  record;
    now_ timestamptz := clock_timestamp();
BEGIN
    WITH found AS MATERIALIZED (
        SELECT r.id, r.session_id
          FROM auth.refresh_tokens r
         WHERE r.token_hash = sha256(convert_to(coalesce(refresh_token, ''), 'UTF8'))
           AND r.used_at IS NULL AND r.revoked_at IS NULL AND r.expires_at > now_
    ), cur AS (
        SELECT tok.id, tok.session_id, ses.principal_id, pr.type AS principal_type,
               cfg.refresh_ttl, cfg.idle_timeout, cfg.access_ttl, cfg.issuer, cfg.audience,
               auth.successor_refresh_token(refresh_token) AS successor
          FROM found f
          JOIN auth.refresh_tokens tok ON tok.id = f.id
          JOIN auth.sessions ses ON ses.id = f.session_id
          JOIN identity.principals pr ON pr.id = ses.principal_id
         CROSS JOIN auth.settings cfg
         WHERE tok.used_at IS NULL AND tok.revoked_at IS NULL AND tok.expires_at > now_
           AND ses.revoked_at IS NULL AND ses.expires_at > now_ AND ses.idle_expires_at > now_
           AND pr.disabled_at IS NULL AND (pr.expires_at IS NULL OR pr.expires_at > now())
           FOR UPDATE OF ses, tok
    ), spent AS (
        UPDATE auth.refresh_tokens r SET used_at = now_ FROM cur WHERE r.id = cur.id
    ), touched AS (
        UPDATE auth.sessions ss SET refreshed_at = now_,
                                    idle_expires_at = least(now_ + cur.idle_timeout, ss.expires_at)
          FROM cur WHERE ss.id = cur.session_id
    ), successor AS (
        INSERT INTO auth.refresh_tokens (session_id, token_hash, parent_id, expires_at)
        SELECT cur.session_id, sha256(convert_to(cur.successor, 'UTF8')), cur.id,
               now_ + cur.refresh_ttl
          FROM cur
    ), event AS (
        INSERT INTO audit.events (principal_id, principal_type, action, resource_type,
                                  resource_id, outcome, ip, user_agent, request_id)
        SELECT cur.principal_id, cur.principal_type, 'auth.refresh.rotated', 'session',
               cur.session_id::text, 'success', auth.request_ip(), auth.request_user_agent(),
               left(nullif(current_setting('request.headers', true), '')::jsonb ->> 'x-request-id', 128)
          FROM cur
    )
    SELECT cur.session_id, cur.principal_id, cur.principal_type, cur.successor,
           cur.access_ttl, cur.issuer, cur.audience, k.kid, k.private_key,
           floor(extract(epoch FROM now_))::bigint AS issued_at
      INTO hit
      FROM cur
      LEFT JOIN auth.signing_keys k ON k.status = 'active';
    IF hit.kid IS NOT NULL THEN
        RETURN jsonb_build_object(
            'access_token', auth.es256_sign(
                auth.access_token_claims(
                    hit.issuer, hit.audience, hit.principal_id,
                    CASE hit.principal_type WHEN 'user' THEN 'authenticated' ELSE 'service' END,
                    hit.session_id, hit.principal_type, hit.issued_at, hit.access_ttl),
                hit.kid, hit.private_key),
            'token_type', 'bearer',
            'expires_in', extract(epoch FROM hit.access_ttl)::integer,
            -- the token's exp, to the second
            'expires_at', hit.issued_at + floor(extract(epoch FROM hit.access_ttl))::bigint,
            'refresh_token', hit.successor,
            'session_id', hit.session_id,
            'principal_id', hit.principal_id,
            'principal_type', hit.principal_type);
    END IF;
    -- Everything else: the full checks, the session locked before its tokens as in
    -- auth.revoke_sessions() (auth.refresh_checked() locks the token, then the session).
    IF hit.session_id IS NULL THEN
        PERFORM FROM auth.sessions ss
         WHERE ss.id = (SELECT r.session_id FROM auth.refresh_tokens r
                         WHERE r.token_hash = sha256(convert_to(coalesce(refresh_token, ''), 'UTF8')))
           FOR UPDATE;
    END IF;
    RETURN auth.refresh_checked(refresh_token);
END
$$;


ALTER FUNCTION auth.refresh(refresh_token text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION refresh(refresh_token text); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.refresh(refresh_token text) IS 'What api.refresh() does (see its comment there); only that endpoint calls it.';


--
-- Name: refresh_checked(text); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.refresh_checked(refresh_token text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    t    auth.refresh_tokens;
    s    auth.sessions;
    x    auth.settings;
    rt   record;
    now_ timestamptz;
BEGIN
    SELECT * INTO x FROM auth.settings;
    -- The row lock makes concurrent refreshes of one token take turns.
    SELECT * INTO t FROM auth.refresh_tokens r
     WHERE r.token_hash = sha256(convert_to(coalesce(refresh_token, ''), 'UTF8'))
       FOR UPDATE;
    IF NOT FOUND THEN
        RETURN auth.error_response(401, 'invalid_grant', '28000', 'unknown refresh token');
    END IF;
    SELECT * INTO s FROM auth.sessions ss WHERE ss.id = t.session_id FOR UPDATE;
    now_ := clock_timestamp();
    IF s.revoked_at IS NOT NULL OR t.revoked_at IS NOT NULL THEN
        RETURN auth.error_response(401, 'invalid_grant', '28000', 'the session has ended');
    END IF;
    IF s.expires_at <= now_ OR s.idle_expires_at <= now_ OR t.expires_at <= now_ THEN
        PERFORM auth.revoke_sessions(s.principal_id, 'expired', only_session => s.id);
        RETURN auth.error_response(401, 'invalid_grant', '28000', 'the session has expired');
    END IF;
    IF NOT identity.is_active(s.principal_id) THEN
        PERFORM auth.revoke_sessions(s.principal_id, 'principal_disabled', only_session => s.id);
        RETURN auth.error_response(401, 'invalid_grant', '28000', 'the account is disabled');
    END IF;
    IF t.used_at IS NULL THEN
        -- Spend it; issue its successor.
        rt := auth.new_refresh_token(s.id, t.id, auth.successor_refresh_token(refresh_token));
        UPDATE auth.refresh_tokens r SET used_at = now_ WHERE r.id = t.id;
        UPDATE auth.sessions ss SET refreshed_at = now_,
                                    idle_expires_at = least(now_ + x.idle_timeout, ss.expires_at)
         WHERE ss.id = s.id;
        PERFORM audit.record('auth.refresh.rotated', 'success', 'session', s.id::text, '{}',
                             s.principal_id, (SELECT p.type FROM identity.principals p WHERE p.id = s.principal_id),
                             ip => auth.request_ip(), user_agent => auth.request_user_agent());
        RETURN auth.token_response(s.id, rt.token);
    END IF;
    IF now_ - t.used_at <= x.refresh_reuse_grace
       AND EXISTS (SELECT FROM auth.refresh_tokens c
                    WHERE c.parent_id = t.id AND c.used_at IS NULL AND c.revoked_at IS NULL) THEN
        -- A concurrent duplicate, while the successor is unspent: the same successor, a
        -- fresh access token.
        RETURN auth.token_response(s.id, auth.successor_refresh_token(refresh_token));
    END IF;
    -- A spent token came back: someone holds a copy. End the session.
    PERFORM auth.revoke_sessions(s.principal_id, 'refresh_reused', only_session => s.id);
    PERFORM audit.record('auth.refresh.reused', 'denied', 'session', s.id::text,
                         jsonb_build_object('used_at', t.used_at), s.principal_id,
                         (SELECT p.type FROM identity.principals p WHERE p.id = s.principal_id),
                         ip => auth.request_ip(), user_agent => auth.request_user_agent());
    RETURN auth.error_response(401, 'invalid_grant', '28000',
                               'this refresh token was already used: the session has been revoked');
END
$$;


ALTER FUNCTION auth.refresh_checked(refresh_token text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION refresh_checked(refresh_token text); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.refresh_checked(refresh_token text) IS 'api.refresh() with every check: unknown, spent, revoked and expired tokens, ended sessions, disabled principals, duplicates within the grace interval, reuse. api.refresh() calls it for all but the common case.';


--
-- Name: request_ip(); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.request_ip() RETURNS inet
    LANGUAGE sql STABLE
    AS $$
    SELECT CASE WHEN nullif(current_setting('request.headers', true), '') IS NOT NULL
                THEN audit.client_ip(current_setting('request.headers', true)::jsonb)
                WHEN nullif(current_setting('neuronplane.client_ip', true), '') IS NOT NULL
                THEN audit.try_inet(current_setting('neuronplane.client_ip', true))
                ELSE inet_client_addr() END
$$;


ALTER FUNCTION auth.request_ip() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION request_ip(); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.request_ip() IS 'The address of the current request''s client, when known: from PostgREST''s headers, else the one the glue named (neuronplane.client_ip), else the connection''s peer.';


--
-- Name: request_user_agent(); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.request_user_agent() RETURNS text
    LANGUAGE sql STABLE
    AS $$
    SELECT left(CASE WHEN nullif(current_setting('request.headers', true), '') IS NOT NULL
                     THEN current_setting('request.headers', true)::jsonb ->> 'user-agent'
                     ELSE nullif(current_setting('neuronplane.client_user_agent', true), '') END,
                512)
$$;


ALTER FUNCTION auth.request_user_agent() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION request_user_agent(); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.request_user_agent() IS 'The User-Agent of the current request, when known: from PostgREST''s headers, else the one the glue named (neuronplane.client_user_agent).';


--
-- Name: require_read_write(text); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.require_read_write(what text) RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    IF current_setting('transaction_read_only') = 'on' THEN
        RAISE EXCEPTION '% changes data and cannot run in a read-only transaction', what
            USING ERRCODE = '25006',
                  HINT = 'Call it in a read-write transaction (over HTTP: POST, not GET or HEAD).';
    END IF;
END
$$;


ALTER FUNCTION auth.require_read_write(what text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION require_read_write(what text); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.require_read_write(what text) IS 'Raises 25006 in a read-only transaction, before a function that must write does anything. Granted to no one: definer functions call it.';


--
-- Name: require_session(); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.require_session() RETURNS uuid
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    sid uuid := auth.current_session_id();
BEGIN
    PERFORM identity.require_caller();
    IF sid IS NULL THEN
        RAISE EXCEPTION 'this request has no session (an API key or a token without sid)'
            USING ERRCODE = '28000';
    END IF;
    RETURN sid;
END
$$;


ALTER FUNCTION auth.require_session() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION require_session(); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.require_session() IS 'The session of the current request; 28000 without one.';


--
-- Name: reset_password(uuid, text); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.reset_password(user_id uuid, new_password text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    PERFORM identity.require_platform_admin('reset passwords');
    IF NOT EXISTS (SELECT FROM identity.users u WHERE u.id = reset_password.user_id) THEN
        RAISE EXCEPTION 'there is no user with id %', user_id USING ERRCODE = '42704';
    END IF;
    PERFORM auth.set_password(user_id, new_password);
    PERFORM auth.revoke_sessions(user_id, 'password_reset');
    PERFORM identity.audit('auth.password.reset', 'user', user_id::text);
END
$$;


ALTER FUNCTION auth.reset_password(user_id uuid, new_password text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION reset_password(user_id uuid, new_password text); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.reset_password(user_id uuid, new_password text) IS 'What api.reset_password() does (see its comment there); only that endpoint calls it.';


--
-- Name: retired_key_retention(); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.retired_key_retention() RETURNS interval
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT s.access_ttl + interval '1 minute' FROM auth.settings s
$$;


ALTER FUNCTION auth.retired_key_retention() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION retired_key_retention(); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.retired_key_retention() IS 'How long a retired signing key stays published: auth.settings.access_ttl plus one minute.';


--
-- Name: revoke_session(uuid); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.revoke_session(session_id uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    caller uuid := identity.require_caller();
BEGIN
    -- auth.revoke_sessions() reads a NULL only_session as "every session".
    IF session_id IS NULL THEN
        RAISE EXCEPTION 'session_id is required: give the id of one of your sessions'
            USING ERRCODE = '22004',
                  HINT = 'api.sessions() lists them; auth.logout_all() ends them all.';
    END IF;
    IF auth.revoke_sessions(caller, 'revoked', only_session => session_id) = 0 THEN
        RAISE EXCEPTION 'you have no live session %', session_id USING ERRCODE = '42704';
    END IF;
    PERFORM identity.audit('auth.session.revoked', 'session', session_id::text);
END
$$;


ALTER FUNCTION auth.revoke_session(session_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION revoke_session(session_id uuid); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.revoke_session(session_id uuid) IS 'What api.revoke_session() does (see its comment there); only that endpoint calls it.';


--
-- Name: revoke_sessions(uuid, text, uuid, uuid); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.revoke_sessions(principal_id uuid, reason text, only_session uuid DEFAULT NULL::uuid, except_session uuid DEFAULT NULL::uuid) RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    ids uuid[];
BEGIN
    WITH r AS (
        UPDATE auth.sessions s SET revoked_at = clock_timestamp(), revoked_reason = reason
         WHERE s.principal_id = revoke_sessions.principal_id AND s.revoked_at IS NULL
           AND (only_session IS NULL OR s.id = only_session)
           AND (except_session IS NULL OR s.id <> except_session)
        RETURNING s.id)
    SELECT coalesce(array_agg(r.id), '{}') INTO ids FROM r;
    UPDATE auth.refresh_tokens t SET revoked_at = clock_timestamp()
     WHERE t.session_id = ANY (ids) AND t.revoked_at IS NULL;
    RETURN cardinality(ids);
END
$$;


ALTER FUNCTION auth.revoke_sessions(principal_id uuid, reason text, only_session uuid, except_session uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION revoke_sessions(principal_id uuid, reason text, only_session uuid, except_session uuid); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.revoke_sessions(principal_id uuid, reason text, only_session uuid, except_session uuid) IS 'Revoke a principal''s live sessions (only_session: that one; except_session: all but that one) and their refresh tokens; returns how many.';


--
-- Name: rotate_signing_key(); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.rotate_signing_key() RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    promoted record;
    delay interval;
    retired_kid text;
    next_kid text;
BEGIN
    LOCK TABLE auth.signing_keys IN EXCLUSIVE MODE;
    SELECT k.kid, k.created_at INTO promoted FROM auth.signing_keys k WHERE k.status = 'next';
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no next signing key is published'
            USING ERRCODE = '55000',
                  HINT = 'SELECT auth.maintain_signing_keys() publishes one; rotate once it has been published for auth.settings.signing_key_publish_delay.';
    END IF;
    SELECT s.signing_key_publish_delay INTO STRICT delay FROM auth.settings s;
    -- A key signs only once every verifier has had time to reload the JWKS that has it.
    IF promoted.created_at > clock_timestamp() - delay THEN
        RAISE EXCEPTION 'the next signing key has been published for % only; it may sign after %',
                        date_trunc('second', clock_timestamp() - promoted.created_at), delay
            USING ERRCODE = '55000',
                  HINT = format('Rotate again after %s, when every verifier has reloaded the key set.',
                                date_trunc('second', promoted.created_at + delay));
    END IF;

    UPDATE auth.signing_keys k SET status = 'retired', retired_at = clock_timestamp()
     WHERE k.status = 'active'
    RETURNING k.kid INTO retired_kid;
    UPDATE auth.signing_keys k SET status = 'active', activated_at = clock_timestamp()
     WHERE k.kid = promoted.kid;
    next_kid := auth.create_signing_key();
    PERFORM auth.maintain_signing_keys();
    PERFORM pg_notify('pgrst', 'reload config');

    PERFORM audit.record(action => 'auth.signing_key.rotated', resource_type => 'signing_key',
                         resource_id => promoted.kid,
                         details => jsonb_strip_nulls(jsonb_build_object(
                             'kid', promoted.kid, 'retired_kid', retired_kid,
                             'next_kid', next_kid)));
    RETURN promoted.kid;
END
$$;


ALTER FUNCTION auth.rotate_signing_key() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION rotate_signing_key(); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.rotate_signing_key() IS 'Make the next signing key active (once published for signing_key_publish_delay), retire the active one (published until its tokens expire), publish a new next key, have PostgREST reload, and audit auth.signing_key.rotated. Returns the kid of the key now signing.';


--
-- Name: save_oidc_provider(text, text, text, text, text, text, text, text, text[], text[], text, text, text[], boolean, boolean); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.save_oidc_provider(name text, issuer text, client_id text, client_secret text, authorization_endpoint text, token_endpoint text, jwks_uri text, callback_url text, redirect_uris text[], scopes text[] DEFAULT '{openid,email,profile}'::text[], userinfo_endpoint text DEFAULT NULL::text, end_session_endpoint text DEFAULT NULL::text, id_token_algs text[] DEFAULT '{RS256,ES256}'::text[], link_verified_email boolean DEFAULT false, enabled boolean DEFAULT true) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    u text;
BEGIN
    IF name IS NULL OR name !~ '^[a-z0-9][a-z0-9_-]{0,62}$' THEN
        RAISE EXCEPTION 'provider name "%" is not valid', left(name, 64) USING ERRCODE = '22023',
            HINT = 'Use lower-case letters, digits, _ and -, starting with a letter or digit.';
    END IF;
    IF NOT coalesce(auth.oidc_callback_is_own(callback_url, name), false) THEN
        RAISE EXCEPTION 'the callback URL of provider "%" must end in /auth/oidc/%/callback', name, name
            USING ERRCODE = '22023',
                  HINT = 'Each provider needs its own redirect URI (RFC 9700, 4.4): register '
                         'https://<glue host>/auth/oidc/' || name || '/callback at the provider and here.';
    END IF;
    FOREACH u IN ARRAY coalesce(redirect_uris, '{}') LOOP
        -- An absolute http(s) URL with a host, or an absolute path (not //host).
        IF u !~ '^(https?://[^/?#[:space:]]+(/[^#[:space:]]*)?|/([^/[:space:]\\#][^#[:space:]]*)?)$' THEN
            RAISE EXCEPTION 'redirect URI "%" is not an absolute URL or path', left(u, 200) USING ERRCODE = '22023',
                HINT = 'Use https://host/path or /path, without a fragment.';
        END IF;
    END LOOP;
    INSERT INTO auth.oidc_providers AS p
        (name, issuer, client_id, authorization_endpoint, token_endpoint, jwks_uri, callback_url,
         redirect_uris, scopes, userinfo_endpoint, end_session_endpoint, id_token_algs,
         link_verified_email, enabled)
    -- The issuer is kept exactly as discovery gave it: ID tokens must carry it unchanged.
    VALUES (save_oidc_provider.name, issuer, client_id, authorization_endpoint, token_endpoint, jwks_uri, callback_url,
            coalesce(redirect_uris, '{}'), coalesce(scopes, '{openid,email,profile}'),
            userinfo_endpoint, end_session_endpoint, coalesce(id_token_algs, '{RS256,ES256}'),
            coalesce(link_verified_email, false), coalesce(enabled, true))
    ON CONFLICT ON CONSTRAINT oidc_providers_pkey DO UPDATE
       SET issuer = EXCLUDED.issuer, client_id = EXCLUDED.client_id,
           authorization_endpoint = EXCLUDED.authorization_endpoint,
           token_endpoint = EXCLUDED.token_endpoint,
           jwks_uri = EXCLUDED.jwks_uri, callback_url = EXCLUDED.callback_url,
           redirect_uris = EXCLUDED.redirect_uris, scopes = EXCLUDED.scopes,
           userinfo_endpoint = EXCLUDED.userinfo_endpoint,
           end_session_endpoint = EXCLUDED.end_session_endpoint,
           id_token_algs = EXCLUDED.id_token_algs,
           link_verified_email = EXCLUDED.link_verified_email, enabled = EXCLUDED.enabled,
           -- Keys of another issuer or key set are not this one's.
           jwks = CASE WHEN p.jwks_uri = EXCLUDED.jwks_uri THEN p.jwks END,
           jwks_fetched_at = CASE WHEN p.jwks_uri = EXCLUDED.jwks_uri THEN p.jwks_fetched_at END;
    UPDATE auth.oidc_providers p
       SET client_secret = CASE WHEN save_oidc_provider.client_secret IS NULL THEN NULL
                                ELSE internal.encrypt_secret(save_oidc_provider.client_secret,
                                                             'auth.oidc_providers:' || p.name) END
     WHERE p.name = save_oidc_provider.name;
    PERFORM audit.record('auth.oidc.provider.saved', 'success', 'oidc_provider', name,
                         jsonb_build_object('issuer', issuer, 'client_id', client_id,
                                            'callback_url', callback_url,
                                            'redirect_uris', to_jsonb(redirect_uris),
                                            'enabled', coalesce(enabled, true)));
END
$_$;


ALTER FUNCTION auth.save_oidc_provider(name text, issuer text, client_id text, client_secret text, authorization_endpoint text, token_endpoint text, jwks_uri text, callback_url text, redirect_uris text[], scopes text[], userinfo_endpoint text, end_session_endpoint text, id_token_algs text[], link_verified_email boolean, enabled boolean) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION save_oidc_provider(name text, issuer text, client_id text, client_secret text, authorization_endpoint text, token_endpoint text, jwks_uri text, callback_url text, redirect_uris text[], scopes text[], userinfo_endpoint text, end_session_endpoint text, id_token_algs text[], link_verified_email boolean, enabled boolean); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.save_oidc_provider(name text, issuer text, client_id text, client_secret text, authorization_endpoint text, token_endpoint text, jwks_uri text, callback_url text, redirect_uris text[], scopes text[], userinfo_endpoint text, end_session_endpoint text, id_token_algs text[], link_verified_email boolean, enabled boolean) IS 'Add or replace an OIDC provider (client secret stored encrypted; NULL for a public client). callback_url must be the provider''s own, .../auth/oidc/<name>/callback. Errors: 22023 bad name, callback or redirect URI, 23514 bad URL.';


--
-- Name: seconds_until(timestamp with time zone, timestamp with time zone); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.seconds_until(t timestamp with time zone, at timestamp with time zone) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT greatest(1, ceil(extract(epoch FROM t - at)))::integer
$$;


ALTER FUNCTION auth.seconds_until(t timestamp with time zone, at timestamp with time zone) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION seconds_until(t timestamp with time zone, at timestamp with time zone); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.seconds_until(t timestamp with time zone, at timestamp with time zone) IS 'Whole seconds from at until t, rounded up, at least 1: a Retry-After value.';


--
-- Name: session_is_active(uuid); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.session_is_active(session_id uuid) RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    RETURN EXISTS (SELECT FROM auth.sessions s
                    WHERE s.id = session_is_active.session_id AND s.revoked_at IS NULL
                      AND s.expires_at > now() AND s.idle_expires_at > now());
END
$$;


ALTER FUNCTION auth.session_is_active(session_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION session_is_active(session_id uuid); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.session_is_active(session_id uuid) IS 'True while the session is neither revoked nor past its absolute or idle expiry.';


--
-- Name: session_is_live_for(uuid, text); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.session_is_live_for(session_id uuid, sub text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
    SELECT coalesce(sub ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$', false)
       AND EXISTS (SELECT FROM auth.sessions s
                    WHERE s.id = session_is_live_for.session_id
                      AND s.principal_id = session_is_live_for.sub::uuid)
       AND auth.session_is_active(session_is_live_for.session_id)
$_$;


ALTER FUNCTION auth.session_is_live_for(session_id uuid, sub text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION session_is_live_for(session_id uuid, sub text); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.session_is_live_for(session_id uuid, sub text) IS 'True while the session is live (auth.session_is_active()) and is a session of the principal sub.';


--
-- Name: set_oidc_iss_parameter_supported(text, boolean); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.set_oidc_iss_parameter_supported(name text, supported boolean) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    UPDATE auth.oidc_providers p SET iss_parameter_supported = coalesce(supported, false)
     WHERE p.name = set_oidc_iss_parameter_supported.name;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'there is no OIDC provider "%"', left(name, 64) USING ERRCODE = '42704';
    END IF;
    PERFORM audit.record('auth.oidc.provider.saved', 'success', 'oidc_provider', name,
                         jsonb_build_object('iss_parameter_supported', coalesce(supported, false)));
END
$$;


ALTER FUNCTION auth.set_oidc_iss_parameter_supported(name text, supported boolean) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION set_oidc_iss_parameter_supported(name text, supported boolean); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.set_oidc_iss_parameter_supported(name text, supported boolean) IS 'Record whether a provider advertises authorization_response_iss_parameter_supported (RFC 9207): its callbacks must then carry iss. Errors: 42704.';


--
-- Name: set_password(uuid, text); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.set_password(user_id uuid, password text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_username text;
    v_email text;
BEGIN
    SELECT u.username::text, u.email::text INTO v_username, v_email
      FROM identity.users u
     WHERE u.id = set_password.user_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'there is no user with id %', set_password.user_id
            USING ERRCODE = '42704';
    END IF;
    PERFORM auth.check_password_policy(password, v_username, v_email);
    INSERT INTO auth.credentials AS c (user_id, password_hash, changed_at)
    VALUES (set_password.user_id, auth.argon2_hash(password), now())
    ON CONFLICT ON CONSTRAINT credentials_pkey
    DO UPDATE SET password_hash = excluded.password_hash, changed_at = excluded.changed_at;
    DELETE FROM auth.account_login_failures f WHERE f.account_key = 'user:' || set_password.user_id;
END
$$;


ALTER FUNCTION auth.set_password(user_id uuid, password text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION set_password(user_id uuid, password text); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.set_password(user_id uuid, password text) IS 'Set a user''s password (policy of auth.check_password_policy(), argon2id hash) and clear the account''s lockout. Errors: 42704 no such user, 22023 policy. Internal: writes no audit event.';


--
-- Name: sign_in_providers(); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.sign_in_providers() RETURNS TABLE(name text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT p.name FROM auth.oidc_providers p WHERE p.enabled ORDER BY p.name
$$;


ALTER FUNCTION auth.sign_in_providers() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION sign_in_providers(); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.sign_in_providers() IS 'The enabled OIDC providers'' names, for the sign-in page. Definer: the providers table holds client secrets that no API role may read.';


--
-- Name: store_oidc_jwks(text, jsonb); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.store_oidc_jwks(provider text, jwks jsonb) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    IF jsonb_typeof(jwks -> 'keys') IS DISTINCT FROM 'array'
       OR EXISTS (SELECT FROM jsonb_array_elements(jwks -> 'keys') k
                   WHERE jsonb_typeof(k) <> 'object' OR k ?| ARRAY['d', 'p', 'q', 'dp', 'dq', 'qi', 'k']) THEN
        RAISE EXCEPTION 'a JWKS is {"keys": [public JWKs]}' USING ERRCODE = '22023';
    END IF;
    UPDATE auth.oidc_providers p SET jwks = store_oidc_jwks.jwks, jwks_fetched_at = clock_timestamp()
     WHERE p.name = store_oidc_jwks.provider;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'there is no OIDC provider "%"', provider USING ERRCODE = '42704';
    END IF;
END
$$;


ALTER FUNCTION auth.store_oidc_jwks(provider text, jwks jsonb) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION store_oidc_jwks(provider text, jwks jsonb); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.store_oidc_jwks(provider text, jwks jsonb) IS 'For the glue: cache a provider''s JWKS as just fetched from its jwks_uri. Errors: 22023 not a public JWKS, 42704.';


--
-- Name: successor_refresh_token(text); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.successor_refresh_token(token text) RETURNS text
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    RETURN (SELECT 'npr_' || encode(extensions.hmac(convert_to(token, 'UTF8'), k.key, 'sha256'), 'hex')
              FROM auth.refresh_token_key k);
END
$$;


ALTER FUNCTION auth.successor_refresh_token(token text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION successor_refresh_token(token text); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.successor_refresh_token(token text) IS 'npr_<HMAC-SHA-256 of the token under auth.refresh_token_key>: the token that replaces it.';


--
-- Name: take_leased_request(uuid, timestamp with time zone); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.take_leased_request(key_id uuid, window_start timestamp with time zone) RETURNS boolean
    LANGUAGE plpython3u STRICT
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
lease = GD.setdefault("neuronplane.api_key_leases", {}).get(key_id)
if lease is None or lease[0] != window_start or lease[1] <= 0:
    return False
lease[1] -= 1
return True
$$;


ALTER FUNCTION auth.take_leased_request(key_id uuid, window_start timestamp with time zone) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION take_leased_request(key_id uuid, window_start timestamp with time zone); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.take_leased_request(key_id uuid, window_start timestamp with time zone) IS 'Spend one of the requests this backend took in advance for the key in this window; false when none is left.';


--
-- Name: tg_principals__end_sessions(); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.tg_principals__end_sessions() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    IF NEW.disabled_at IS NOT NULL AND OLD.disabled_at IS NULL THEN
        PERFORM auth.revoke_sessions(NEW.id, 'principal_disabled');
    END IF;
    RETURN NULL;
END
$$;


ALTER FUNCTION auth.tg_principals__end_sessions() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION tg_principals__end_sessions(); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.tg_principals__end_sessions() IS 'Trigger: revokes the sessions of a principal that is disabled.';


--
-- Name: tg_settings__reload_postgrest(); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.tg_settings__reload_postgrest() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    PERFORM pg_notify('pgrst', 'reload config');
    RETURN NULL;
END
$$;


ALTER FUNCTION auth.tg_settings__reload_postgrest() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION tg_settings__reload_postgrest(); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.tg_settings__reload_postgrest() IS 'Trigger: have PostgREST reload its in-database configuration.';


--
-- Name: token_response(uuid, text); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.token_response(session_id uuid, refresh_token text) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    r record;
BEGIN
    SELECT s.id, p.id AS principal_id, p.type AS principal_type, x.access_ttl INTO r
      FROM auth.sessions s
      LEFT JOIN identity.principals p ON p.id = s.principal_id
     CROSS JOIN auth.settings x
     WHERE s.id = token_response.session_id;
    RETURN jsonb_build_object(
        'access_token', auth.issue_access_token(
            r.principal_id, r.principal_type,
            CASE r.principal_type WHEN 'user' THEN 'authenticated' ELSE 'service' END, r.id),
        'token_type', 'bearer',
        'expires_in', extract(epoch FROM r.access_ttl)::integer,
        'expires_at', extract(epoch FROM clock_timestamp() + r.access_ttl)::bigint,
        'refresh_token', refresh_token,
        'session_id', r.id,
        'principal_id', r.principal_id,
        'principal_type', r.principal_type);
END
$$;


ALTER FUNCTION auth.token_response(session_id uuid, refresh_token text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION token_response(session_id uuid, refresh_token text); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.token_response(session_id uuid, refresh_token text) IS 'A fresh access token for the session and the given refresh token, as the login/refresh answer.';


--
-- Name: verify_access_token(text, boolean); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.verify_access_token(token text, allow_expired boolean DEFAULT false) RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT auth.es256_verify(token, auth.jwks(), s.issuer, s.audience, NOT allow_expired)
      FROM auth.settings s
$$;


ALTER FUNCTION auth.verify_access_token(token text, allow_expired boolean) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION verify_access_token(token text, allow_expired boolean); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.verify_access_token(token text, allow_expired boolean) IS 'The claims of one of our access tokens (ES256 against the published keys, our iss and aud, not expired unless allow_expired); NULL when it is not one.';


--
-- Name: verify_password(uuid, text); Type: FUNCTION; Schema: auth; Owner: neuronplane_owner
--

CREATE FUNCTION auth.verify_password(user_id uuid, password text) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_hash text;
    v_password text := coalesce(password, '');
BEGIN
    SELECT c.password_hash INTO v_hash FROM auth.credentials c WHERE c.user_id = verify_password.user_id;
    IF v_hash IS NULL OR char_length(v_password) > 4096 THEN
        PERFORM auth.argon2_verify_dummy(left(v_password, 4096));
        RETURN false;
    END IF;
    IF NOT auth.argon2_verify(v_hash, v_password) THEN
        RETURN false;
    END IF;
    IF auth.argon2_needs_rehash(v_hash) THEN
        UPDATE auth.credentials c SET password_hash = auth.argon2_hash(v_password)
         WHERE c.user_id = verify_password.user_id;
    END IF;
    RETURN true;
END
$$;


ALTER FUNCTION auth.verify_password(user_id uuid, password text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION verify_password(user_id uuid, password text); Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON FUNCTION auth.verify_password(user_id uuid, password text) IS 'True when password is the user''s (argon2id), rehashing it when the parameters changed; false otherwise, also for a user without password (same cost). Counts no failure and writes no audit event.';


--
-- Name: authenticate_api_key_request(text); Type: FUNCTION; Schema: hooks; Owner: neuronplane_owner
--

CREATE FUNCTION hooks.authenticate_api_key_request(key text, OUT role text, OUT claims jsonb) RETURNS record
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    headers jsonb := coalesce(nullif(current_setting('request.headers', true), '')::jsonb, '{}');
    c       record;
    take    integer;
    touch   boolean;
    counted jsonb;
BEGIN
    IF headers ? 'authorization' THEN
        RAISE SQLSTATE 'PT401' USING
            MESSAGE = 'a request carries an access token or an API key, not both',
            HINT = 'Send either the Authorization header or X-API-Key.';
    END IF;
    SELECT * INTO c FROM auth.check_api_key(key);
    IF c.outcome <> 'ok' THEN
        -- The client as auth.request_ip() sees it: only a trusted proxy header tells a
        -- PostgREST client's address.
        PERFORM auth.autonomous(format('SELECT auth.record_api_key_rejection(%L, %L, %L, %L, %L, %L)',
                                       c.api_key_id, c.prefix, c.outcome, audit.client_ip(headers),
                                       left(headers ->> 'user-agent', 512),
                                       left(headers ->> 'x-request-id', 128)));
        RAISE SQLSTATE 'PT401' USING MESSAGE = c.message, HINT = c.hint;
    END IF;
    role := c.role;
    claims := c.claims;
    take := auth.api_key_lease_size(c.rate_limit_per_min);
    touch := c.last_used_at IS NULL OR c.last_used_at <= now() - interval '1 minute';
    -- A busy key: spend a request this backend took in advance, if one is left.
    IF take > 1 AND NOT touch
       AND auth.take_leased_request(c.api_key_id, date_trunc('minute', clock_timestamp(), 'UTC')) THEN
        RETURN;
    END IF;
    counted := auth.autonomous(format(
        'SELECT auth.count_api_key_request(%L, %L, %L, %L, %L, %L, %L)',
        c.api_key_id, c.rate_limit_per_min, take, touch, audit.client_ip(headers),
        left(headers ->> 'user-agent', 512), left(headers ->> 'x-request-id', 128)));
    IF counted ? 'retry_after' THEN
        RAISE SQLSTATE 'PGRST' USING
            MESSAGE = jsonb_build_object(
                'code', 'PT429',
                'message', format('API key npk_%s is over its rate limit of %s requests per minute',
                                  c.prefix, c.rate_limit_per_min),
                'details', NULL,
                'hint', format('Retry after %s seconds.', counted ->> 'retry_after'))::text,
            DETAIL = jsonb_build_object(
                'status', 429,
                'headers', jsonb_build_object('Retry-After', counted ->> 'retry_after'))::text;
    END IF;
    IF take > 1 THEN
        -- This request spends one; the backend keeps the rest for the same window.
        PERFORM auth.keep_leased_requests(c.api_key_id, (counted ->> 'window_start')::timestamptz,
                                          (counted ->> 'taken')::integer - 1);
    END IF;
END
$$;


ALTER FUNCTION hooks.authenticate_api_key_request(key text, OUT role text, OUT claims jsonb) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION authenticate_api_key_request(key text, OUT role text, OUT claims jsonb); Type: COMMENT; Schema: hooks; Owner: neuronplane_owner
--

COMMENT ON FUNCTION hooks.authenticate_api_key_request(key text, OUT role text, OUT claims jsonb) IS 'For hooks.pre_request(): the role and claims of a request''s API key, after counting the request (401 refused key, 429 over the key''s rate limit, 503 counting unavailable).';


--
-- Name: authenticate_cookie_request(text, text, text); Type: FUNCTION; Schema: hooks; Owner: neuronplane_owner
--

CREATE FUNCTION hooks.authenticate_cookie_request(token text, csrf_token text, method text, OUT role text, OUT claims jsonb) RETURNS record
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    sid uuid;
    headers jsonb;
BEGIN
    claims := auth.verify_access_token(token);
    IF claims IS NULL OR claims ->> 'role' NOT IN ('authenticated', 'service') THEN
        RAISE SQLSTATE 'PGRST'
            USING MESSAGE = jsonb_build_object(
                      'code', '28000', 'message', 'the np_access cookie holds no valid access token',
                      'details', NULL, 'hint', 'Refresh (POST /auth/refresh) or log in again.')::text,
                  DETAIL = jsonb_build_object('status', 401, 'headers', '{}'::jsonb)::text;
    END IF;
    sid := CASE WHEN claims ->> 'sid' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                THEN (claims ->> 'sid')::uuid END;
    IF sid IS NULL OR NOT auth.session_is_live_for(sid, claims ->> 'sub') THEN
        RAISE SQLSTATE 'PT401' USING
            MESSAGE = 'the session of this access token has ended',
            HINT = 'Log in again, or refresh with a valid refresh token.';
    END IF;
    IF upper(coalesce(method, '')) NOT IN ('GET', 'HEAD', 'OPTIONS')
       AND NOT auth.csrf_ok(sid, csrf_token) THEN
        -- Audited through the autonomous connection: the refusal rolls this transaction
        -- back. If that connection cannot be had, the request is still refused (403), and
        -- the server log says why the event is missing.
        BEGIN
            headers := coalesce(nullif(current_setting('request.headers', true), '')::jsonb, '{}');
            PERFORM auth.autonomous(format(
                'SELECT auth.record_csrf_refusal(%L, %L, %L, %L, %L, %L, %L, %L)',
                sid, claims ->> 'sub', claims ->> 'principal_type', upper(method),
                left(current_setting('request.path', true), 512), audit.client_ip(headers),
                left(headers ->> 'user-agent', 512), left(headers ->> 'x-request-id', 128)));
        EXCEPTION WHEN OTHERS THEN
            RAISE WARNING 'neuronplane: a CSRF refusal of session % was not audited: %', sid, SQLERRM;
        END;
        RAISE SQLSTATE 'PT403' USING
            MESSAGE = 'a request authenticated by cookie that changes something needs the X-CSRF-Token header',
            HINT = 'Send the value of the np_csrf cookie in X-CSRF-Token.';
    END IF;
    role := claims ->> 'role';
END
$_$;


ALTER FUNCTION hooks.authenticate_cookie_request(token text, csrf_token text, method text, OUT role text, OUT claims jsonb) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION authenticate_cookie_request(token text, csrf_token text, method text, OUT role text, OUT claims jsonb); Type: COMMENT; Schema: hooks; Owner: neuronplane_owner
--

COMMENT ON FUNCTION hooks.authenticate_cookie_request(token text, csrf_token text, method text, OUT role text, OUT claims jsonb) IS 'For hooks.pre_request(): the role and claims of a request authenticated by the np_access cookie (401 invalid token or ended session, 403 a write without the session''s X-CSRF-Token).';


--
-- Name: check_access_token(); Type: FUNCTION; Schema: hooks; Owner: neuronplane_owner
--

CREATE FUNCTION hooks.check_access_token() RETURNS void
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    sid uuid := auth.current_session_id();
    claims jsonb;
BEGIN
    PERFORM auth.check_access_token();
    claims := coalesce(nullif(current_setting('request.jwt.claims', true), '')::jsonb, '{}');
    IF NOT (claims ?| ARRAY['sub', 'sid'])
       AND coalesce(nullif(current_setting('request.headers', true), '')::jsonb ->> 'authorization', '')
           !~* '^bearer\s+\S' THEN
        RETURN;  -- anonymous: no token, no claims of one
    END IF;
    IF sid IS NOT NULL AND auth.session_is_active(sid) AND NOT auth.session_is_live_for(sid, claims ->> 'sub') THEN
        sid := NULL;  -- another principal's session: no session of this token's subject
    END IF;
    IF sid IS NULL THEN
        RAISE SQLSTATE 'PT401' USING
            MESSAGE = 'the access token names no session of its subject',
            HINT = 'Use a token issued by api.login or api.refresh.';
    END IF;
    IF NOT auth.session_is_active(sid) THEN
        RAISE SQLSTATE 'PT401' USING
            MESSAGE = 'the session of this access token has ended',
            HINT = 'Log in again, or refresh with a valid refresh token.';
    END IF;
END
$$;


ALTER FUNCTION hooks.check_access_token() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION check_access_token(); Type: COMMENT; Schema: hooks; Owner: neuronplane_owner
--

COMMENT ON FUNCTION hooks.check_access_token() IS 'For hooks.pre_request(): refuses (401) tokens PostgREST let through that are not ours (issuer, audience, expiry, key), tokens without a session of their own subject (sid missing, another principal''s, or sub no principal), and tokens of revoked or expired sessions.';


--
-- Name: pre_config(); Type: FUNCTION; Schema: hooks; Owner: neuronplane_owner
--

CREATE FUNCTION hooks.pre_config() RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT set_config('pgrst.jwt_secret', auth.jwks()::text, true),
           set_config('pgrst.jwt_secret_is_base64', 'false', true),
           set_config('pgrst.jwt_aud', s.audience, true),
           set_config('pgrst.db_pre_request', 'hooks.pre_request', true)
      FROM auth.settings s
$$;


ALTER FUNCTION hooks.pre_config() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION pre_config(); Type: COMMENT; Schema: hooks; Owner: neuronplane_owner
--

COMMENT ON FUNCTION hooks.pre_config() IS 'PostgREST''s in-database configuration: the JWKS of the published signing keys as jwt-secret, the audience, and the pre-request hook.';


--
-- Name: pre_request(); Type: FUNCTION; Schema: hooks; Owner: neuronplane_owner
--

CREATE FUNCTION hooks.pre_request() RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    headers jsonb := coalesce(nullif(current_setting('request.headers', true), '')::jsonb, '{}');
    key text := headers ->> 'x-api-key';
    cookie text;
    who record;
BEGIN
    PERFORM hooks.refuse_read_only_write();
    PERFORM hooks.refuse_read_only_view_write();
    IF key IS NOT NULL THEN
        SELECT * INTO who FROM hooks.authenticate_api_key_request(key);
        PERFORM set_config('request.jwt.claims', who.claims::text, true),
                set_config('role', who.role, true);
        RETURN;
    END IF;
    IF NOT headers ? 'authorization' THEN
        cookie := nullif(current_setting('request.cookies', true), '')::jsonb ->> 'np_access';
        IF cookie IS NOT NULL THEN
            SELECT * INTO who FROM hooks.authenticate_cookie_request(
                cookie, headers ->> 'x-csrf-token', current_setting('request.method', true));
            PERFORM set_config('request.jwt.claims', who.claims::text, true),
                    set_config('role', who.role, true);
            RETURN;
        END IF;
    END IF;
    PERFORM hooks.check_access_token();
END
$$;


ALTER FUNCTION hooks.pre_request() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION pre_request(); Type: COMMENT; Schema: hooks; Owner: neuronplane_owner
--

COMMENT ON FUNCTION hooks.pre_request() IS 'PostgREST db-pre-request: a GET or HEAD of an api function that changes data, and a write to a read-only api view, are refused first (405, 25006 / 42809); then a request with X-API-Key becomes the key''s principal (401 refused key, 429 over the limit); one with an Authorization header: refuses (401) tokens that are not ours and tokens of ended sessions; one with only the np_access cookie (a browser logged in through the glue) becomes the cookie token''s principal (401 bad token or ended session, 403 a write without X-CSRF-Token).';


--
-- Name: refuse_read_only_view_write(); Type: FUNCTION; Schema: hooks; Owner: neuronplane_owner
--

CREATE FUNCTION hooks.refuse_read_only_view_write() RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    rel    text := substring(current_setting('request.path', true) FROM '^/([A-Za-z_][A-Za-z0-9_]*)$');
    method text := upper(coalesce(current_setting('request.method', true), ''));
    need   integer;
    view   oid;
BEGIN
    -- pg_relation_is_updatable()'s bits: 4 UPDATE, 8 INSERT, 16 DELETE.
    need := CASE method WHEN 'POST' THEN 8 WHEN 'PATCH' THEN 4 WHEN 'PUT' THEN 12
                        WHEN 'DELETE' THEN 16 END;
    IF rel IS NULL OR need IS NULL THEN
        RETURN;
    END IF;
    SELECT c.oid INTO view FROM pg_class c
     WHERE c.relnamespace = 'api'::regnamespace AND c.relname = rel AND c.relkind = 'v';
    IF view IS NULL OR pg_relation_is_updatable(view, true) & need = need THEN
        RETURN;
    END IF;
    RAISE SQLSTATE 'PGRST'
        USING MESSAGE = jsonb_build_object(
                  'code', '42809', 'message', format('api.%s is read-only: it does not take %s', rel, method),
                  'details', NULL, 'hint', 'Read it with GET.')::text,
              DETAIL = jsonb_build_object('status', 405,
                                          'headers', jsonb_build_object('Allow', 'GET, HEAD'))::text;
END
$_$;


ALTER FUNCTION hooks.refuse_read_only_view_write() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION refuse_read_only_view_write(); Type: COMMENT; Schema: hooks; Owner: neuronplane_owner
--

COMMENT ON FUNCTION hooks.refuse_read_only_view_write() IS 'For hooks.pre_request(): a POST, PATCH, PUT or DELETE on an api view that cannot take it (pg_relation_is_updatable()) is refused with 405 (Allow: GET, HEAD; code 42809) before it runs.';


--
-- Name: refuse_read_only_write(); Type: FUNCTION; Schema: hooks; Owner: neuronplane_owner
--

CREATE FUNCTION hooks.refuse_read_only_write() RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    fn text;
BEGIN
    IF current_setting('transaction_read_only') <> 'on' THEN
        RETURN;
    END IF;
    fn := substring(current_setting('request.path', true) FROM '^/rpc/([A-Za-z_][A-Za-z0-9_]*)$');
    IF fn IS NULL OR NOT EXISTS (SELECT FROM pg_proc p
                                  WHERE p.pronamespace = 'api'::regnamespace
                                    AND p.proname = fn AND p.provolatile = 'v') THEN
        RETURN;
    END IF;
    RAISE SQLSTATE 'PGRST'
        USING MESSAGE = jsonb_build_object(
                  'code', '25006', 'message', format('api.%s changes data: call it with POST', fn),
                  'details', NULL,
                  'hint', 'GET and HEAD run in a read-only transaction; send the arguments as a JSON body with POST.')::text,
              DETAIL = jsonb_build_object('status', 405,
                                          'headers', jsonb_build_object('Allow', 'POST'))::text;
END
$_$;


ALTER FUNCTION hooks.refuse_read_only_write() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION refuse_read_only_write(); Type: COMMENT; Schema: hooks; Owner: neuronplane_owner
--

COMMENT ON FUNCTION hooks.refuse_read_only_write() IS 'For hooks.pre_request(): in a read-only transaction (PostgREST''s GET and HEAD), a call of a VOLATILE api function is refused with 405 (Allow: POST, code 25006) before it runs.';


--
-- Name: accept_invitation(uuid); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.accept_invitation(invitation_id uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    inv identity.org_invitations := identity.lock_invitation(invitation_id);
    caller uuid := identity.require_invitee(inv);
BEGIN
    PERFORM identity.require_pending(inv);
    BEGIN
        INSERT INTO identity.org_memberships (org_id, user_id, role)
        VALUES (inv.org_id, caller, inv.role);
    EXCEPTION WHEN unique_violation THEN
        RAISE EXCEPTION 'you are already a member of organization %', inv.org_id
            USING ERRCODE = '23505', HINT = 'Decline the invitation instead.';
    END;
    UPDATE identity.org_invitations i SET status = 'accepted', responded_at = now()
     WHERE i.id = inv.id;
    PERFORM identity.audit('identity.invitation.accepted', 'invitation', inv.id::text,
                           jsonb_build_object('role', inv.role), inv.org_id);
    PERFORM identity.audit('identity.membership.changed', 'org', inv.org_id::text,
                           jsonb_build_object('user_id', caller, 'role', inv.role,
                                              'change', 'added', 'invitation_id', inv.id),
                           inv.org_id);
END
$$;


ALTER FUNCTION identity.accept_invitation(invitation_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION accept_invitation(invitation_id uuid); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.accept_invitation(invitation_id uuid) IS 'What api.accept_invitation() does (see its comment there); only that endpoint calls it.';


--
-- Name: admin_org_ids(uuid); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.admin_org_ids(principal_id uuid) RETURNS uuid[]
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
BEGIN
    RETURN (SELECT coalesce(array_agg(DISTINCT g.resource_id), '{}')
              FROM identity.grants($1, 'org', 'admin') g
             WHERE g.source = 'membership');
END
$_$;


ALTER FUNCTION identity.admin_org_ids(principal_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION admin_org_ids(principal_id uuid); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.admin_org_ids(principal_id uuid) IS 'The organizations an active principal administers by its membership role (identity.grants()).';


--
-- Name: answer_explain_permission(text, uuid, text, uuid); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.answer_explain_permission(resource_type text, resource_id uuid, permission text, principal_id uuid DEFAULT NULL::uuid) RETURNS TABLE(source text, source_id uuid, effect text, detail text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    caller uuid := identity.current_principal_id();
BEGIN
    PERFORM identity.check_question(coalesce(principal_id, caller), resource_type, resource_id,
                                    permission);
    RETURN QUERY SELECT * FROM identity.explain_permission(
        coalesce(principal_id, caller), resource_type, resource_id, permission,
        CASE WHEN principal_id IS NULL OR principal_id = caller
             THEN identity.current_api_key_id() END);
END
$$;


ALTER FUNCTION identity.answer_explain_permission(resource_type text, resource_id uuid, permission text, principal_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION answer_explain_permission(resource_type text, resource_id uuid, permission text, principal_id uuid); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.answer_explain_permission(resource_type text, resource_id uuid, permission text, principal_id uuid) IS 'What api.explain_permission() does (see its comment there); only that endpoint calls it.';


--
-- Name: answer_has_permission(text, uuid, text, uuid); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.answer_has_permission(resource_type text, resource_id uuid, permission text, principal_id uuid DEFAULT NULL::uuid) RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    caller uuid := identity.current_principal_id();
BEGIN
    PERFORM identity.check_question(coalesce(principal_id, caller), resource_type, resource_id,
                                    permission);
    IF principal_id IS NULL OR principal_id = caller THEN
        RETURN identity.has_permission(caller, resource_type, resource_id, permission,
                                       identity.current_api_key_id());
    END IF;
    RETURN identity.has_permission(principal_id, resource_type, resource_id, permission);
END
$$;


ALTER FUNCTION identity.answer_has_permission(resource_type text, resource_id uuid, permission text, principal_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION answer_has_permission(resource_type text, resource_id uuid, permission text, principal_id uuid); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.answer_has_permission(resource_type text, resource_id uuid, permission text, principal_id uuid) IS 'What api.has_permission() does (see its comment there); only that endpoint calls it.';


--
-- Name: audit(text, text, text, jsonb, uuid, uuid); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.audit(action text, resource_type text, resource_id text, details jsonb DEFAULT '{}'::jsonb, org_id uuid DEFAULT NULL::uuid, project_id uuid DEFAULT NULL::uuid) RETURNS bigint
    LANGUAGE sql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT audit.record(action, 'success', resource_type, resource_id, details,
                        p.id, p.type, org_id, project_id)
      FROM (SELECT identity.current_principal_id() AS pid) c
      LEFT JOIN identity.principals p ON p.id = c.pid
$$;


ALTER FUNCTION identity.audit(action text, resource_type text, resource_id text, details jsonb, org_id uuid, project_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION audit(action text, resource_type text, resource_id text, details jsonb, org_id uuid, project_id uuid); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.audit(action text, resource_type text, resource_id text, details jsonb, org_id uuid, project_id uuid) IS 'Append a success audit event performed by the current principal.';


--
-- Name: authz_context(uuid, text, text, uuid); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.authz_context(principal_id uuid, resource_type text, permission text, api_key_id uuid) RETURNS TABLE(principal_id uuid, scope_type text, inherits_admin_only boolean, is_admin boolean, key_project_id uuid, subject_ids uuid[], subject_roles text[], refusal text, key_refusal text)
    LANGUAGE sql STABLE
    AS $_$
    SELECT pr.id, t.scope_type, t.inherits_admin_only, coalesce(u.is_admin, false), k.project_id,
           pr.id || coalesce(ms.org_ids, '{}'), NULL::text || coalesce(ms.roles, '{}'),
           CASE WHEN pr.id IS NULL THEN 'no such principal'
                WHEN pr.disabled_at IS NOT NULL THEN format('disabled at %s', pr.disabled_at)
                WHEN pr.expires_at <= now() THEN format('expired at %s', pr.expires_at)
                WHEN t.name IS NULL THEN format('no resource type %s', coalesce(a.resource_type, 'null'))
                WHEN perm.name IS NULL THEN format('no permission %s', coalesce(a.permission, 'null'))
           END,
           CASE WHEN a.api_key_id IS NULL THEN NULL
                WHEN k.id IS NULL THEN 'no such API key'
                WHEN k.principal_id IS DISTINCT FROM pr.id THEN 'the key belongs to another principal'
                WHEN k.revoked_at IS NOT NULL THEN format('revoked at %s', k.revoked_at)
                WHEN k.expires_at <= now() THEN format('expired at %s', k.expires_at)
                WHEN a.permission IS NULL OR NOT a.permission = ANY (identity.key_role_permissions(k.roles))
                     THEN format('roles %s do not include %s', k.roles, coalesce(a.permission, 'null'))
           END
      FROM (VALUES ($1, $2, $3, $4)) AS a (principal_id, resource_type, permission, api_key_id)
      LEFT JOIN identity.principals pr ON pr.id = a.principal_id
      LEFT JOIN identity.users u ON u.id = a.principal_id
      LEFT JOIN identity.resource_types t ON t.name = a.resource_type
      LEFT JOIN identity.permissions perm ON perm.name = a.permission
      LEFT JOIN identity.api_keys k ON k.id = a.api_key_id
      LEFT JOIN LATERAL (SELECT array_agg(m.org_id ORDER BY m.org_id) AS org_ids,
                                array_agg(m.role ORDER BY m.org_id) AS roles
                           FROM identity.org_memberships m WHERE m.user_id = pr.id) ms ON true
$_$;


ALTER FUNCTION identity.authz_context(principal_id uuid, resource_type text, permission text, api_key_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION authz_context(principal_id uuid, resource_type text, permission text, api_key_id uuid); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.authz_context(principal_id uuid, resource_type text, permission text, api_key_id uuid) IS 'The asking principal and key as authorization sees them: platform admin, the key''s project, the subjects whose policies reach it (itself, and each organization with its role there), and why either refuses everything (NULL: neither does).';


--
-- Name: change_member_role(uuid, uuid, text); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.change_member_role(org_id uuid, user_id uuid, role text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    old_role text;
BEGIN
    PERFORM identity.check_role(role);
    SELECT m.role INTO old_role FROM identity.org_memberships m
     WHERE m.org_id = change_member_role.org_id AND m.user_id = change_member_role.user_id;
    PERFORM identity.require_member_admin(org_id, CASE WHEN 'owner' IN (role, old_role)
                                                       THEN 'owner' ELSE role END);
    IF old_role IS NULL THEN
        RAISE EXCEPTION 'user % is not a member of organization %', user_id, org_id
            USING ERRCODE = '42704', HINT = 'Use add_member first.';
    END IF;
    UPDATE identity.org_memberships m SET role = change_member_role.role
     WHERE m.org_id = change_member_role.org_id AND m.user_id = change_member_role.user_id;
    PERFORM identity.audit('identity.membership.changed', 'org', org_id::text,
                           jsonb_build_object('user_id', user_id, 'role', role,
                                              'previous_role', old_role, 'change', 'role'),
                           org_id);
    RETURN;
END
$$;


ALTER FUNCTION identity.change_member_role(org_id uuid, user_id uuid, role text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION change_member_role(org_id uuid, user_id uuid, role text); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.change_member_role(org_id uuid, user_id uuid, role text) IS 'What api.change_member_role() does (see its comment there); only that endpoint calls it.';


--
-- Name: check_permission_args(text, text); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.check_permission_args(resource_type text, permission text) RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
BEGIN
    IF NOT EXISTS (SELECT FROM identity.resource_types t WHERE t.name = $1) THEN
        RAISE EXCEPTION 'unknown resource type %',
                        CASE WHEN length($1) > 64 THEN left($1, 64) || '...' ELSE coalesce($1, 'null') END
            USING ERRCODE = '22023',
                  HINT = 'One of ' || (SELECT string_agg(t.name, ', ' ORDER BY t.name)
                                         FROM identity.resource_types t) || '.';
    END IF;
    IF NOT EXISTS (SELECT FROM identity.permissions p WHERE p.name = $2) THEN
        RAISE EXCEPTION 'permission must be one of %, not %',
                        (SELECT string_agg(p.name, ', ' ORDER BY p.name) FROM identity.permissions p),
                        CASE WHEN length($2) > 64 THEN left($2, 64) || '...' ELSE coalesce($2, 'null') END
            USING ERRCODE = '22023';
    END IF;
END
$_$;


ALTER FUNCTION identity.check_permission_args(resource_type text, permission text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION check_permission_args(resource_type text, permission text); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.check_permission_args(resource_type text, permission text) IS 'Raises 22023 unless resource_type and permission are rows of identity.resource_types and identity.permissions.';


--
-- Name: check_question(uuid, text, uuid, text); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.check_question(principal_id uuid, resource_type text, resource_id uuid, permission text) RETURNS uuid
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    caller uuid := identity.require_caller();
BEGIN
    PERFORM identity.check_permission_args(resource_type, permission);
    -- About someone else: the service, platform admins, and administrators of the resource.
    IF principal_id IS DISTINCT FROM caller
       AND session_user <> 'neuronplane_worker'
       AND NOT identity.is_platform_admin(caller)
       AND NOT identity.has_permission(caller, resource_type, resource_id, 'admin',
                                       identity.current_api_key_id()) THEN
        RAISE EXCEPTION 'permission denied: only administrators of the resource may ask about another principal'
            USING ERRCODE = '42501';
    END IF;
    RETURN caller;
END
$$;


ALTER FUNCTION identity.check_question(principal_id uuid, resource_type text, resource_id uuid, permission text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION check_question(principal_id uuid, resource_type text, resource_id uuid, permission text); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.check_question(principal_id uuid, resource_type text, resource_id uuid, permission text) IS 'Validates the arguments of api.has_permission()/api.explain_permission() and who may ask.';


--
-- Name: check_role(text); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.check_role(role text) RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
BEGIN
    IF NOT EXISTS (SELECT FROM identity.roles r WHERE r.name = $1) THEN
        RAISE EXCEPTION 'role must be one of %, not %',
                        (SELECT string_agg(r.name, ', ' ORDER BY r.name) FROM identity.roles r),
                        coalesce(role, 'null')
            USING ERRCODE = '22023', HINT = 'Roles are the rows of identity.roles.';
    END IF;
END
$_$;


ALTER FUNCTION identity.check_role(role text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION check_role(role text); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.check_role(role text) IS 'Raises 22023 unless role is a row of identity.roles.';


--
-- Name: create_api_key(text, text[], uuid, uuid, integer, timestamp with time zone); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.create_api_key(name text, roles text[] DEFAULT ARRAY['member'::text], project_id uuid DEFAULT NULL::uuid, principal_id uuid DEFAULT NULL::uuid, rate_limit_per_min integer DEFAULT NULL::integer, expires_at timestamp with time zone DEFAULT NULL::timestamp with time zone, OUT id uuid, OUT prefix text, OUT api_key text) RETURNS record
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    caller uuid := identity.require_caller();
    v_principal uuid := coalesce(create_api_key.principal_id, caller);
    issued record;
BEGIN
    PERFORM identity.require_key_manager(v_principal);
    IF project_id IS NOT NULL THEN
        PERFORM identity.require_permission('project', project_id, 'read');
    END IF;
    issued := identity.issue_api_key(v_principal, name, roles, project_id, rate_limit_per_min,
                                     expires_at, caller);
    id := issued.id;
    prefix := issued.prefix;
    api_key := issued.api_key;
    PERFORM identity.audit('api_key.created', 'api_key', prefix,
                           jsonb_build_object('key_id', id, 'principal_id', v_principal,
                                              'roles', roles),
                           (SELECT s.org_id FROM identity.resource_scopes s WHERE s.resource_id = id),
                           project_id);
END
$$;


ALTER FUNCTION identity.create_api_key(name text, roles text[], project_id uuid, principal_id uuid, rate_limit_per_min integer, expires_at timestamp with time zone, OUT id uuid, OUT prefix text, OUT api_key text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION create_api_key(name text, roles text[], project_id uuid, principal_id uuid, rate_limit_per_min integer, expires_at timestamp with time zone, OUT id uuid, OUT prefix text, OUT api_key text); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.create_api_key(name text, roles text[], project_id uuid, principal_id uuid, rate_limit_per_min integer, expires_at timestamp with time zone, OUT id uuid, OUT prefix text, OUT api_key text) IS 'What api.create_api_key() does (see its comment there); only that endpoint calls it.';


--
-- Name: create_organization(text, text, jsonb); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.create_organization(name text, slug text, metadata jsonb DEFAULT '{}'::jsonb) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    caller uuid := identity.require_caller();
    v_id uuid;
BEGIN
    IF NOT EXISTS (SELECT FROM identity.users u WHERE u.id = caller) THEN
        RAISE EXCEPTION 'only users can create organizations'
            USING ERRCODE = '42501', HINT = 'Service accounts and agents belong to an existing organization.';
    END IF;
    IF NOT identity.is_active(caller) THEN
        RAISE EXCEPTION 'user % is disabled', caller USING ERRCODE = '42501';
    END IF;
    IF NOT identity.key_allows(identity.current_api_key_id(), caller, 'admin') THEN
        RAISE EXCEPTION 'an API key needs the admin role, and no project limit, to create organizations'
            USING ERRCODE = '42501';
    END IF;
    BEGIN
        INSERT INTO identity.organizations (name, slug, metadata)
        VALUES (create_organization.name, create_organization.slug,
                coalesce(create_organization.metadata, '{}'))
        RETURNING id INTO v_id;
    EXCEPTION WHEN unique_violation THEN
        RAISE EXCEPTION 'an organization with slug "%" already exists', slug
            USING ERRCODE = '23505', HINT = 'Choose another slug.';
    END;
    INSERT INTO identity.org_memberships (org_id, user_id, role) VALUES (v_id, caller, 'owner');
    PERFORM identity.audit('identity.org.created', 'org', v_id::text,
                           jsonb_build_object('slug', slug), v_id);
    RETURN v_id;
END
$$;


ALTER FUNCTION identity.create_organization(name text, slug text, metadata jsonb) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION create_organization(name text, slug text, metadata jsonb); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.create_organization(name text, slug text, metadata jsonb) IS 'What api.create_organization() does (see its comment there); only that endpoint calls it.';


--
-- Name: create_project(text, uuid, text, text, jsonb, text, jsonb); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.create_project(name text, org_id uuid DEFAULT NULL::uuid, description text DEFAULT NULL::text, neurondb_dsn text DEFAULT NULL::text, mcp_config jsonb DEFAULT NULL::jsonb, agent_endpoint text DEFAULT NULL::text, metadata jsonb DEFAULT '{}'::jsonb) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    caller uuid := identity.require_caller();
    v_user uuid;
    v_id uuid;
BEGIN
    IF org_id IS NULL THEN
        v_user := caller;  -- a personal project
    END IF;
    IF NOT identity.may_create_project(caller, org_id, v_user, identity.current_api_key_id()) THEN
        RAISE EXCEPTION 'permission denied: cannot create a project in %',
                        coalesce('organization ' || org_id, 'your own name')
            USING ERRCODE = '42501',
                  HINT = 'Projects of an organization need write on it; personal projects are for users.';
    END IF;
    IF mcp_config IS NOT NULL AND NOT identity.is_valid_mcp_config(mcp_config) THEN
        RAISE EXCEPTION 'mcp_config must be {"command": string, "args": [string], "env": {string: string}}'
            USING ERRCODE = '22023', HINT = 'args and env are optional; no other key is allowed.';
    END IF;
    BEGIN
        INSERT INTO identity.projects (org_id, user_id, name, description, neurondb_dsn,
                                       mcp_config, agent_endpoint, metadata)
        VALUES (create_project.org_id, v_user, create_project.name, create_project.description,
                create_project.neurondb_dsn, create_project.mcp_config,
                create_project.agent_endpoint, coalesce(create_project.metadata, '{}'))
        RETURNING id INTO v_id;
    EXCEPTION WHEN unique_violation THEN
        RAISE EXCEPTION 'a project named "%" already exists for this owner', name
            USING ERRCODE = '23505';
    END;
    RETURN v_id;
END
$$;


ALTER FUNCTION identity.create_project(name text, org_id uuid, description text, neurondb_dsn text, mcp_config jsonb, agent_endpoint text, metadata jsonb) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION create_project(name text, org_id uuid, description text, neurondb_dsn text, mcp_config jsonb, agent_endpoint text, metadata jsonb); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.create_project(name text, org_id uuid, description text, neurondb_dsn text, mcp_config jsonb, agent_endpoint text, metadata jsonb) IS 'What api.create_project() does (see its comment there); only that endpoint calls it.';


--
-- Name: create_service_account(text, uuid, uuid, text, jsonb); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.create_service_account(name text, org_id uuid DEFAULT NULL::uuid, project_id uuid DEFAULT NULL::uuid, description text DEFAULT NULL::text, metadata jsonb DEFAULT '{}'::jsonb) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_org uuid := org_id;
    v_id uuid;
BEGIN
    IF project_id IS NOT NULL THEN
        PERFORM identity.require_permission('project', project_id, 'admin');
        SELECT p.org_id INTO v_org FROM identity.projects p WHERE p.id = create_service_account.project_id;
        IF org_id IS NOT NULL AND org_id IS DISTINCT FROM v_org THEN
            RAISE EXCEPTION 'project % is not in organization %', project_id, org_id
                USING ERRCODE = '22023';
        END IF;
    ELSE
        PERFORM identity.require_permission('org', org_id, 'admin');
    END IF;
    BEGIN
        INSERT INTO identity.service_accounts (name, org_id, project_id, description, metadata)
        VALUES (create_service_account.name, v_org, create_service_account.project_id,
                create_service_account.description, coalesce(create_service_account.metadata, '{}'))
        RETURNING id INTO v_id;
    EXCEPTION WHEN unique_violation THEN
        RAISE EXCEPTION 'a service account named "%" already exists there', name
            USING ERRCODE = '23505';
    END;
    PERFORM identity.audit('identity.service_account.created', 'service_account', v_id::text,
                           jsonb_build_object('name', name), v_org, project_id);
    RETURN v_id;
END
$$;


ALTER FUNCTION identity.create_service_account(name text, org_id uuid, project_id uuid, description text, metadata jsonb) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION create_service_account(name text, org_id uuid, project_id uuid, description text, metadata jsonb); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.create_service_account(name text, org_id uuid, project_id uuid, description text, metadata jsonb) IS 'What api.create_service_account() does (see its comment there); only that endpoint calls it.';


--
-- Name: create_user(text, text, text, boolean); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.create_user(username text, email text DEFAULT NULL::text, display_name text DEFAULT NULL::text, is_admin boolean DEFAULT false) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_id uuid;
BEGIN
    PERFORM identity.require_platform_admin('create users');
    BEGIN
        INSERT INTO identity.users (username, email, display_name, is_admin)
        VALUES (create_user.username, create_user.email, create_user.display_name,
                coalesce(create_user.is_admin, false))
        RETURNING id INTO v_id;
    EXCEPTION WHEN unique_violation THEN
        RAISE EXCEPTION 'a user with this username or e-mail already exists (case is ignored)'
            USING ERRCODE = '23505';
    END;
    PERFORM identity.audit('identity.user.created', 'user', v_id::text,
                           jsonb_build_object('username', username, 'is_admin', coalesce(is_admin, false)));
    RETURN v_id;
END
$$;


ALTER FUNCTION identity.create_user(username text, email text, display_name text, is_admin boolean) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION create_user(username text, email text, display_name text, is_admin boolean); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.create_user(username text, email text, display_name text, is_admin boolean) IS 'What api.create_user() does (see its comment there); only that endpoint calls it.';


--
-- Name: current_api_key_id(); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.current_api_key_id() RETURNS uuid
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    k text := nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'api_key_id';
BEGIN
    IF k ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
        RETURN k::uuid;
    END IF;
    RETURN NULL;
END
$_$;


ALTER FUNCTION identity.current_api_key_id() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION current_api_key_id(); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.current_api_key_id() IS 'The API key the request came with (JWT claim "api_key_id"), or NULL.';


--
-- Name: current_principal_id(); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.current_principal_id() RETURNS uuid
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    sub text := nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub';
BEGIN
    IF sub ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
        RETURN sub::uuid;
    END IF;
    RETURN NULL;
END
$_$;


ALTER FUNCTION identity.current_principal_id() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION current_principal_id(); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.current_principal_id() IS 'The principal making the request (JWT claim "sub"), or NULL when anonymous.';


--
-- Name: decide(text[]); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.decide(effects text[]) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    AS $$
    SELECT coalesce('override' = ANY (effects)
                    OR ('allow' = ANY (effects) AND NOT 'deny' = ANY (effects)), false)
$$;


ALTER FUNCTION identity.decide(effects text[]) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION decide(effects text[]); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.decide(effects text[]) IS 'The decision from the effects of identity.grants() on one resource: any override (platform administrator), else an allow and no deny.';


--
-- Name: decline_invitation(uuid); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.decline_invitation(invitation_id uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    inv identity.org_invitations := identity.lock_invitation(invitation_id);
BEGIN
    PERFORM identity.require_invitee(inv);
    PERFORM identity.require_pending(inv);
    UPDATE identity.org_invitations i SET status = 'declined', responded_at = now()
     WHERE i.id = inv.id;
    PERFORM identity.audit('identity.invitation.declined', 'invitation', inv.id::text,
                           jsonb_build_object('role', inv.role), inv.org_id);
END
$$;


ALTER FUNCTION identity.decline_invitation(invitation_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION decline_invitation(invitation_id uuid); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.decline_invitation(invitation_id uuid) IS 'What api.decline_invitation() does (see its comment there); only that endpoint calls it.';


--
-- Name: disable_principal(uuid, boolean); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.disable_principal(principal_id uuid, disabled boolean DEFAULT true) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    caller uuid := identity.require_caller();
    v_type text;
    v_at timestamptz := CASE WHEN coalesce(disabled, true) THEN now() END;
BEGIN
    SELECT p.type INTO v_type FROM identity.principals p WHERE p.id = disable_principal.principal_id;
    IF v_type IS NULL THEN
        RAISE EXCEPTION 'there is no principal with id %', principal_id USING ERRCODE = '42704';
    END IF;
    IF v_type IN ('user', 'org') THEN
        PERFORM identity.require_platform_admin('disable users and organizations');
        IF principal_id = caller THEN
            RAISE EXCEPTION 'you cannot disable yourself' USING ERRCODE = '42501';
        END IF;
    ELSE
        PERFORM identity.require_permission(v_type, principal_id, 'admin');
    END IF;
    CASE v_type
    WHEN 'user' THEN UPDATE identity.users x SET disabled_at = v_at WHERE x.id = principal_id;
    WHEN 'service_account' THEN
        UPDATE identity.service_accounts x SET disabled_at = v_at WHERE x.id = principal_id;
    WHEN 'agent' THEN UPDATE identity.agents x SET disabled_at = v_at WHERE x.id = principal_id;
    WHEN 'tool' THEN UPDATE identity.tools x SET disabled_at = v_at WHERE x.id = principal_id;
    WHEN 'dataset' THEN UPDATE identity.datasets x SET disabled_at = v_at WHERE x.id = principal_id;
    ELSE UPDATE identity.organizations x SET disabled_at = v_at WHERE x.id = principal_id;
    END CASE;
    PERFORM identity.audit(CASE WHEN v_at IS NULL THEN 'identity.principal.enabled'
                                WHEN v_type = 'user' THEN 'identity.user.disabled'
                                ELSE 'identity.principal.disabled' END,
                           v_type, principal_id::text, jsonb_build_object('type', v_type));
    RETURN principal_id;
END
$$;


ALTER FUNCTION identity.disable_principal(principal_id uuid, disabled boolean) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION disable_principal(principal_id uuid, disabled boolean); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.disable_principal(principal_id uuid, disabled boolean) IS 'What api.disable_principal() does (see its comment there); only that endpoint calls it.';


--
-- Name: explain_permission(uuid, text, uuid, text, uuid); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.explain_permission(principal_id uuid, resource_type text, resource_id uuid, permission text, api_key_id uuid DEFAULT NULL::uuid) RETURNS TABLE(source text, source_id uuid, effect text, detail text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
BEGIN
    RETURN QUERY
        SELECT 'principal', $1, 'deny', c.refusal
          FROM identity.authz_context($1, $2, $4, $5) c
         WHERE c.refusal IS NOT NULL
        UNION ALL
        SELECT 'api_key', $5, CASE WHEN c.key_refusal IS NULL THEN 'allow' ELSE 'deny' END,
               coalesce(c.key_refusal,
                        format('roles %s allow %s', k.roles, $4)
                        || coalesce(format(', only on what project %s holds', c.key_project_id), ''))
          FROM identity.authz_context($1, $2, $4, $5) c
          LEFT JOIN identity.api_keys k ON k.id = $5
         WHERE $5 IS NOT NULL
        UNION ALL
        SELECT 'resource', $3, 'deny', format('there is no %s with this id', $2)
         WHERE $3 IS NOT NULL
           AND NOT EXISTS (SELECT FROM identity.resource_scopes s
                             JOIN identity.resource_types t ON t.scope_type = s.resource_type
                            WHERE s.resource_id = $3 AND t.name = $2);
    RETURN QUERY
        SELECT DISTINCT g.source, g.source_id, g.effect,
               CASE g.source
               WHEN 'platform_admin' THEN 'platform administrator'
               WHEN 'owner' THEN format('owns this %s', $2)
               WHEN 'membership' THEN format('%s of organization %s, a role granting %s on %s',
                                             m.role, m.org_id, g.permission, $2)
               ELSE format('%s %s on %s %s to %s%s', p.effect, p.permission, p.resource_type,
                           coalesce(p.resource_id::text,
                                    'every one in ' || coalesce('project ' || p.project_id,
                                                                'org ' || p.org_id, 'the platform')),
                           CASE WHEN p.subject_role IS NULL THEN p.subject_type || ' ' || p.subject_id
                                ELSE p.subject_role || 's of org ' || p.subject_id END,
                           coalesce(', until ' || p.expires_at, ''))
               END
          FROM identity.grants($1, $2, $4, $5) g
          LEFT JOIN identity.policies p ON g.source = 'policy' AND p.id = g.source_id
          LEFT JOIN identity.org_memberships m
                 ON g.source = 'membership' AND m.org_id = g.source_id AND m.user_id = $1
         WHERE g.resource_id = $3 OR ($3 IS NULL AND g.resource_id IS NULL)
         ORDER BY g.effect DESC, g.source, g.source_id;
    RETURN QUERY SELECT 'decision', NULL::uuid,
        CASE WHEN identity.has_permission($1, $2, $3, $4, $5) THEN 'allow' ELSE 'deny' END,
        'a platform administrator may do everything; else an allow and no deny; a refused principal or key allows nothing';
END
$_$;


ALTER FUNCTION identity.explain_permission(principal_id uuid, resource_type text, resource_id uuid, permission text, api_key_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION explain_permission(principal_id uuid, resource_type text, resource_id uuid, permission text, api_key_id uuid); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.explain_permission(principal_id uuid, resource_type text, resource_id uuid, permission text, api_key_id uuid) IS 'Why has_permission() with the same arguments answers as it does: what refuses the principal or key, each fact of identity.grants() on the resource (platform admin, ownership, membership role, policy), then the decision.';


--
-- Name: get_or_create_user_principal(text, text, text); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.get_or_create_user_principal(username text, email text DEFAULT NULL::text, display_name text DEFAULT NULL::text) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_id uuid;
BEGIN
    IF session_user <> 'neuronplane_worker'
       AND NOT identity.is_platform_admin(identity.current_principal_id()) THEN
        RAISE EXCEPTION 'only the neuronplane service and platform administrators may create user principals'
            USING ERRCODE = '42501';
    END IF;
    SELECT u.id INTO v_id FROM identity.users u
     WHERE u.username OPERATOR(extensions.=) get_or_create_user_principal.username::extensions.citext
        OR (get_or_create_user_principal.email IS NOT NULL
            AND u.email OPERATOR(extensions.=) get_or_create_user_principal.email::extensions.citext)
     ORDER BY u.username OPERATOR(extensions.=) get_or_create_user_principal.username::extensions.citext DESC
     LIMIT 1;
    IF v_id IS NOT NULL THEN
        RETURN v_id;
    END IF;
    INSERT INTO identity.users (username, email, display_name)
    VALUES (get_or_create_user_principal.username, get_or_create_user_principal.email,
            get_or_create_user_principal.display_name)
    RETURNING id INTO v_id;
    PERFORM audit.record('identity.user.created', 'success', 'user', v_id::text,
                         jsonb_build_object('username', username, 'via', 'get_or_create_user_principal'));
    RETURN v_id;
END
$$;


ALTER FUNCTION identity.get_or_create_user_principal(username text, email text, display_name text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION get_or_create_user_principal(username text, email text, display_name text); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.get_or_create_user_principal(username text, email text, display_name text) IS 'What api.get_or_create_user_principal() does (see its comment there); only that endpoint calls it.';


--
-- Name: grant_permission(uuid, text, text, uuid, text, uuid, uuid, text, timestamp with time zone, jsonb); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.grant_permission(subject_id uuid, resource_type text, permission text, resource_id uuid DEFAULT NULL::uuid, effect text DEFAULT 'allow'::text, org_id uuid DEFAULT NULL::uuid, project_id uuid DEFAULT NULL::uuid, subject_role text DEFAULT NULL::text, expires_at timestamp with time zone DEFAULT NULL::timestamp with time zone, conditions jsonb DEFAULT NULL::jsonb) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
DECLARE
    caller uuid;
    v_type text;
    v_id uuid;
    v_org uuid := org_id;
BEGIN
    PERFORM identity.check_permission_args(resource_type, permission);
    IF effect IS NULL OR effect NOT IN ('allow', 'deny') THEN
        RAISE EXCEPTION 'effect must be allow or deny' USING ERRCODE = '22023';
    END IF;
    -- The audit log of an organization is named by the organization.
    IF resource_type = 'audit' AND resource_id IS NOT NULL THEN
        v_org := coalesce(v_org, resource_id);
        resource_id := NULL;
    END IF;
    caller := identity.require_policy_admin(CASE WHEN resource_type = 'audit' THEN 'org'
                                                 ELSE resource_type END,
                                            resource_id, v_org, project_id);
    SELECT p.type INTO v_type FROM identity.principals p WHERE p.id = grant_permission.subject_id;
    IF v_type IS NULL THEN
        RAISE EXCEPTION 'there is no principal with id %', subject_id USING ERRCODE = '23503';
    END IF;
    INSERT INTO identity.policies AS p (subject_id, subject_type, subject_role, resource_type,
                                        resource_id, org_id, project_id, permission, effect,
                                        expires_at, conditions, created_by)
    VALUES (grant_permission.subject_id, v_type, grant_permission.subject_role,
            grant_permission.resource_type, grant_permission.resource_id, v_org,
            grant_permission.project_id, grant_permission.permission, grant_permission.effect,
            grant_permission.expires_at, grant_permission.conditions, caller)
    ON CONFLICT (subject_id, subject_role, resource_type, resource_id, org_id, project_id,
                 permission, effect)
    DO UPDATE SET expires_at = EXCLUDED.expires_at, conditions = EXCLUDED.conditions
    RETURNING p.id INTO v_id;
    PERFORM identity.audit('policy.granted', resource_type,
                           coalesce(resource_id, project_id, v_org)::text,
                           jsonb_build_object('policy_id', v_id, 'subject_id', subject_id,
                                              'subject_role', subject_role,
                                              'permission', permission, 'effect', effect),
                           (SELECT p.scope_org_id FROM identity.policies p WHERE p.id = v_id),
                           project_id);
    RETURN v_id;
END
$$;


ALTER FUNCTION identity.grant_permission(subject_id uuid, resource_type text, permission text, resource_id uuid, effect text, org_id uuid, project_id uuid, subject_role text, expires_at timestamp with time zone, conditions jsonb) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION grant_permission(subject_id uuid, resource_type text, permission text, resource_id uuid, effect text, org_id uuid, project_id uuid, subject_role text, expires_at timestamp with time zone, conditions jsonb); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.grant_permission(subject_id uuid, resource_type text, permission text, resource_id uuid, effect text, org_id uuid, project_id uuid, subject_role text, expires_at timestamp with time zone, conditions jsonb) IS 'What api.grant_permission() does (see its comment there); only that endpoint calls it.';


--
-- Name: grants(uuid, text, text, uuid); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.grants(principal_id uuid, resource_type text, permission text, api_key_id uuid DEFAULT NULL::uuid) RETURNS TABLE(resource_id uuid, effect text, permission text, source text, source_id uuid)
    LANGUAGE sql STABLE
    AS $_$
    SELECT f.resource_id, f.effect, f.permission, f.source, f.source_id
      FROM identity.authz_context($1, $2, $3, $4) c
     CROSS JOIN LATERAL (
            SELECT s.resource_id, s.project_id, 'override', 'admin', 'platform_admin', c.principal_id
              FROM identity.resource_scopes s
             WHERE c.is_admin AND s.resource_type = c.scope_type
            UNION ALL
            SELECT NULL, NULL, 'override', 'admin', 'platform_admin', c.principal_id
             WHERE c.is_admin
            UNION ALL
            SELECT s.resource_id, s.project_id, 'allow', 'admin', 'owner', s.owner_id
              FROM identity.resource_scopes s
             WHERE s.owner_id = c.principal_id AND s.resource_type = c.scope_type
            UNION ALL
            SELECT s.resource_id, s.project_id, 'allow', g.permission, 'membership', m.org_id
              FROM identity.org_memberships m
              JOIN identity.role_grants g ON g.role = m.role
              JOIN identity.resource_scopes s ON s.org_id = m.org_id
             WHERE m.user_id = c.principal_id AND s.resource_type = c.scope_type
               AND g.resource_type = $2 AND g.permission IN ($3, 'admin')
            UNION ALL
            SELECT s.resource_id, s.project_id, p.effect, p.permission, 'policy', p.id
              FROM identity.policies p
              JOIN identity.resource_scopes s ON s.resource_id = p.anchor_id
             WHERE p.subject_id = ANY (c.subject_ids)
               AND p.subject_role IS NOT DISTINCT FROM c.subject_roles[array_position(c.subject_ids, p.subject_id)]
               AND s.resource_type = c.scope_type
               AND identity.policy_applies(p.effect, p.permission, p.resource_type, p.resource_id,
                                           p.expires_at, p.not_before, $2, $3,
                                           c.inherits_admin_only, s.project_id IS NOT NULL)
            UNION ALL
            SELECT s.resource_id, s.project_id, p.effect, p.permission, 'policy', p.id
              FROM identity.policies p
              JOIN identity.resource_scopes s ON s.project_id = p.anchor_id
             WHERE p.subject_id = ANY (c.subject_ids)
               AND p.subject_role IS NOT DISTINCT FROM c.subject_roles[array_position(c.subject_ids, p.subject_id)]
               AND s.resource_type = c.scope_type AND s.resource_id <> p.anchor_id
               AND identity.policy_applies(p.effect, p.permission, p.resource_type, p.resource_id,
                                           p.expires_at, p.not_before, $2, $3,
                                           c.inherits_admin_only, true)
            UNION ALL
            SELECT s.resource_id, s.project_id, p.effect, p.permission, 'policy', p.id
              FROM identity.policies p
              JOIN identity.resource_scopes s ON s.org_id = p.anchor_id
             WHERE p.subject_id = ANY (c.subject_ids)
               AND p.subject_role IS NOT DISTINCT FROM c.subject_roles[array_position(c.subject_ids, p.subject_id)]
               AND s.resource_type = c.scope_type AND s.resource_id <> p.anchor_id
               AND identity.policy_applies(p.effect, p.permission, p.resource_type, p.resource_id,
                                           p.expires_at, p.not_before, $2, $3,
                                           c.inherits_admin_only, s.project_id IS NOT NULL)
            UNION ALL
            SELECT s.resource_id, s.project_id, p.effect, p.permission, 'policy', p.id
              FROM identity.policies p
              CROSS JOIN (SELECT r.resource_id, r.project_id FROM identity.resource_scopes r
                           WHERE r.resource_type = c.scope_type
                          UNION ALL
                          SELECT NULL, NULL) s
             WHERE p.subject_id = ANY (c.subject_ids)
               AND p.subject_role IS NOT DISTINCT FROM c.subject_roles[array_position(c.subject_ids, p.subject_id)]
               AND p.anchor_id = '00000000-0000-0000-0000-000000000000'
               AND identity.policy_applies(p.effect, p.permission, p.resource_type, p.resource_id,
                                           p.expires_at, p.not_before, $2, $3,
                                           c.inherits_admin_only, s.project_id IS NOT NULL)
           ) AS f (resource_id, project_id, effect, permission, source, source_id)
     WHERE c.refusal IS NULL AND c.key_refusal IS NULL
       AND (c.key_project_id IS NULL OR f.project_id = c.key_project_id)
$_$;


ALTER FUNCTION identity.grants(principal_id uuid, resource_type text, permission text, api_key_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION grants(principal_id uuid, resource_type text, permission text, api_key_id uuid); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.grants(principal_id uuid, resource_type text, permission text, api_key_id uuid) IS 'The rule source: each fact (source platform_admin, owner, membership or policy; effect override, allow or deny; permission the fact names, admin covering all) bearing on the permission over a resource of the type (resource_id NULL: the whole type). identity.decide() of a resource''s effects is the decision.';


--
-- Name: has_permission(uuid, text, uuid, text, uuid); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.has_permission(principal_id uuid, resource_type text, resource_id uuid, permission text, api_key_id uuid DEFAULT NULL::uuid) RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
BEGIN
    IF $3 IS NULL THEN
        RETURN (SELECT identity.decide(array_agg(g.effect)) FROM identity.grants($1, $2, $4, $5) g
                 WHERE g.resource_id IS NULL);
    END IF;
    RETURN (SELECT identity.decide(array_agg(g.effect)) FROM identity.grants($1, $2, $4, $5) g
             WHERE g.resource_id = $3);
END
$_$;


ALTER FUNCTION identity.has_permission(principal_id uuid, resource_type text, resource_id uuid, permission text, api_key_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION has_permission(principal_id uuid, resource_type text, resource_id uuid, permission text, api_key_id uuid); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.has_permission(principal_id uuid, resource_type text, resource_id uuid, permission text, api_key_id uuid) IS 'May principal_id exercise permission on resource_id of resource_type (NULL id: every resource of the type)? Optionally through api_key_id, whose roles and project narrow the answer. identity.decide() over identity.grants(): platform admins may do everything, else an allow and no deny; rights are inherited org -> project -> resources.';


--
-- Name: import_legacy(text, text); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.import_legacy(desktop_schema text DEFAULT 'legacy_desktop'::text, agent_schema text DEFAULT 'legacy_agent'::text) RETURNS TABLE(source text, legacy_id text, outcome text, reason text, new_id uuid)
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    valid_email  constant text := '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$';
    uuid_text    constant text := '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
    report       jsonb[] := ARRAY[]::jsonb[];
    d_users      jsonb := '[]'::jsonb;
    d_profiles   jsonb := '[]'::jsonb;
    d_keys       jsonb := '[]'::jsonb;
    a_principals jsonb := '[]'::jsonb;
    a_keys       jsonb := '[]'::jsonb;
    r            record;
    m            record;
    owner        record;
    k            record;
    v_config     record;
    v_roles      record;
    v_source     text;
    v_outcome    text;
    v_new_id     uuid;
    v_merge      boolean;
    v_email      text;
    v_name       text;
    v_slug       text;
    v_project    uuid;
    v_project_ref text;
    v_dsn        text;
    v_endpoint   text;
    v_revoke     text;
    -- The row an incoming one may be merged into, or a key's principal.
    t_id         uuid;
    t_name       text;
    t_type       text;
    t_is_admin   boolean;
    t_legacy_id  text;
    t_merge      boolean;
    notes        text[];
    keys_live    integer := 0;
    keys_revoked integer := 0;
    details      jsonb;
BEGIN
    IF NOT coalesce((SELECT ro.rolsuper FROM pg_catalog.pg_roles ro WHERE ro.rolname = current_user), false) THEN
        RAISE EXCEPTION 'identity.import_legacy() is run by a superuser, not by %', current_user
            USING ERRCODE = '42501',
                  HINT = 'Connect with ./neuronplane psql (the superuser) and run it there.';
    END IF;
    IF desktop_schema IS NULL AND agent_schema IS NULL THEN
        RAISE EXCEPTION 'nothing to import: both schemas are NULL'
            USING ERRCODE = '22023', HINT = 'Name the schema of the NeuronDesktop or NeuronAgent tables.';
    END IF;
    FOREACH v_name IN ARRAY array_remove(ARRAY[desktop_schema, agent_schema], NULL) LOOP
        IF NOT EXISTS (SELECT FROM pg_catalog.pg_namespace n WHERE n.nspname = v_name) THEN
            RAISE EXCEPTION 'schema "%" does not exist', v_name
                USING ERRCODE = '3F000',
                      HINT = 'Restore the legacy tables into it (docs/legacy-migration.md), or pass NULL for the system you do not import.';
        END IF;
    END LOOP;

    -- One import at a time: two would both find a row missing and import it twice.
    LOCK TABLE identity.legacy_id_map IN SHARE ROW EXCLUSIVE MODE;

    -- Read everything first: a missing table or column stops the import before any change.
    IF desktop_schema IS NOT NULL THEN
        d_users := internal.legacy_rows(desktop_schema, 'users', ARRAY['id', 'username']);
        d_profiles := internal.legacy_rows(desktop_schema, 'profiles', ARRAY['id', 'name', 'user_id']);
        d_keys := internal.legacy_rows(desktop_schema, 'api_keys', ARRAY['id', 'key_hash', 'key_prefix', 'user_id']);
    END IF;
    IF agent_schema IS NOT NULL THEN
        a_principals := internal.legacy_rows(agent_schema, 'principals', ARRAY['id', 'type', 'name']);
        a_keys := internal.legacy_rows(agent_schema, 'api_keys', ARRAY['id', 'key_hash', 'key_prefix']);
    END IF;

    ---------------------------------------------------------------- NeuronDesktop users
    -- Accounts with the same email (whatever the case) are one person: the oldest account
    -- survives, the others are merged into it. Their profiles follow; their keys do not
    -- (imported revoked), nor does a platform-admin flag: both would hand one account's
    -- credentials or rights to another on the strength of an unverified email. A user
    -- that neuronplane already had is never merged into: only rows this import created.
    v_source := 'neurondesktop.users';
    FOR r IN SELECT * FROM jsonb_to_recordset(d_users)
                      AS x(id text, username text, email text, is_admin boolean,
                           metadata jsonb, created_at timestamptz)
             ORDER BY x.created_at NULLS LAST, x.id
    LOOP
        SELECT * INTO m FROM identity.legacy_id_map x
         WHERE x.source_system = 'neurondesktop' AND x.source_table = 'users' AND x.legacy_id = r.id;
        IF FOUND THEN
            report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', 'already_imported',
                                                   'reason', m.outcome || coalesce(': ' || m.reason, ''), 'new_id', m.new_id);
            CONTINUE;
        END IF;
        notes := ARRAY[]::text[];
        BEGIN
            v_email := nullif(btrim(r.email), '');
            IF v_email IS NOT NULL AND (v_email !~ valid_email OR length(v_email) > 254) THEN
                notes := notes || format('email %L is not valid: imported without one', v_email);
                v_email := NULL;
            END IF;
            t_id := NULL;
            t_legacy_id := NULL;
            IF v_email IS NOT NULL THEN
                SELECT u.id, u.username::text, u.is_admin,
                       (SELECT x.legacy_id FROM identity.legacy_id_map x
                         WHERE x.new_id = u.id AND x.outcome = 'imported'
                           AND x.source_table IN ('users', 'principals')
                         ORDER BY x.imported_at, x.legacy_id LIMIT 1)
                  INTO t_id, t_name, t_is_admin, t_legacy_id
                  FROM identity.users u
                 WHERE u.email OPERATOR(extensions.=) v_email::extensions.citext;
            END IF;
            IF t_legacy_id IS NOT NULL THEN
                notes := notes || format('same email as legacy user %L (whatever the case): merged into %s; its profiles follow, its API keys are imported revoked',
                                         t_legacy_id, t_name);
                IF r.is_admin AND NOT t_is_admin THEN
                    notes := notes || format('it was a platform administrator, %s is not: make it one deliberately if that is right',
                                             t_name);
                END IF;
                v_outcome := 'merged';
                v_new_id := t_id;
                v_merge := true;
            ELSE
                IF t_id IS NOT NULL THEN
                    notes := notes || format('email %L belongs to user %s, who was not imported: imported without email; link the two accounts deliberately',
                                             v_email, t_name);
                    v_email := NULL;
                END IF;
                v_name := internal.legacy_free_name(r.username, 'user');
                IF v_name IS DISTINCT FROM r.username THEN
                    notes := notes || format('username %L is invalid or taken (whatever the case): imported as %s',
                                             r.username, v_name);
                END IF;
                IF jsonb_typeof(r.metadata) NOT IN ('object', 'null') THEN
                    notes := notes || 'metadata is not a JSON object: not imported'::text;
                END IF;
                v_new_id := internal.legacy_free_id(r.id);
                INSERT INTO identity.users (id, username, email, is_admin, metadata, created_at)
                VALUES (v_new_id, v_name, v_email, coalesce(r.is_admin, false),
                        CASE WHEN jsonb_typeof(r.metadata) = 'object' THEN r.metadata ELSE '{}' END,
                        coalesce(r.created_at, now()));
                v_outcome := 'imported';
                v_merge := false;
            END IF;
            INSERT INTO identity.legacy_id_map (source_system, source_table, legacy_id, new_id, outcome, reason, is_account_merge)
            VALUES ('neurondesktop', 'users', r.id, v_new_id, v_outcome, nullif(array_to_string(notes, '; '), ''), v_merge);
            report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', v_outcome,
                                                   'reason', nullif(array_to_string(notes, '; '), ''), 'new_id', v_new_id);
        EXCEPTION WHEN integrity_constraint_violation OR data_exception THEN
            report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', 'skipped',
                                                   'reason', 'refused by the unified model: ' || SQLERRM);
        END;
    END LOOP;

    ---------------------------------------------------------------- NeuronDesktop profiles
    v_source := 'neurondesktop.profiles';
    FOR r IN SELECT * FROM jsonb_to_recordset(d_profiles)
                      AS x(id text, name text, user_id text, mcp_config jsonb, neurondb_dsn text,
                           agent_endpoint text, agent_api_key text, default_collection text,
                           is_default boolean, created_at timestamptz)
             ORDER BY x.created_at NULLS LAST, x.id
    LOOP
        SELECT * INTO m FROM identity.legacy_id_map x
         WHERE x.source_system = 'neurondesktop' AND x.source_table = 'profiles' AND x.legacy_id = r.id;
        IF FOUND THEN
            report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', 'already_imported',
                                                   'reason', m.outcome || coalesce(': ' || m.reason, ''), 'new_id', m.new_id);
            CONTINUE;
        END IF;
        SELECT * INTO owner FROM internal.legacy_desktop_user(d_users, r.user_id);
        IF owner.user_id IS NULL THEN
            report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', 'skipped',
                'reason', format('orphaned: user_id %L is neither the id nor the username of an imported NeuronDesktop user', r.user_id));
            CONTINUE;
        END IF;
        notes := ARRAY[]::text[];
        BEGIN
            IF owner.is_account_merge THEN
                notes := notes || format('its user %L was merged into another account: it belongs to that account', owner.legacy_id);
            END IF;
            v_name := internal.legacy_free_project_name(owner.user_id, r.name);
            IF v_name IS DISTINCT FROM r.name THEN
                notes := notes || format('name %L is empty or taken by another project of the same user: imported as %L', r.name, v_name);
            END IF;
            v_dsn := nullif(btrim(r.neurondb_dsn), '');
            IF length((identity.split_dsn_password(v_dsn)).dsn_without_password) > 2048 THEN
                v_dsn := NULL;
                notes := notes || 'neurondb_dsn longer than 2048 characters: not imported'::text;
            ELSIF (identity.split_dsn_password(v_dsn)).password IS NOT NULL THEN
                notes := notes || 'the DSN''s password is stored encrypted'::text;
            END IF;
            SELECT * INTO v_config FROM internal.legacy_mcp_config(r.mcp_config);
            notes := notes || coalesce(v_config.notes, ARRAY[]::text[]);
            v_endpoint := nullif(btrim(r.agent_endpoint), '');
            IF v_endpoint IS NOT NULL AND (v_endpoint !~ '^https?://[^[:space:]]+$' OR length(v_endpoint) > 2048) THEN
                notes := notes || format('agent_endpoint %L is not an http(s) URL: not imported', v_endpoint);
                v_endpoint := NULL;
            END IF;
            IF nullif(btrim(r.agent_api_key), '') IS NOT NULL THEN
                notes := notes || 'agent_api_key (kept in clear by NeuronDesktop) not imported: issue an agent key'::text;
            END IF;
            v_new_id := internal.legacy_free_id(r.id);
            INSERT INTO identity.projects (id, user_id, name, neurondb_dsn, mcp_config, agent_endpoint,
                                           metadata, created_at)
            VALUES (v_new_id, owner.user_id, v_name, v_dsn, v_config.mcp_config, v_endpoint,
                    jsonb_strip_nulls(jsonb_build_object('default_collection', r.default_collection,
                                                         'is_default', r.is_default)),
                    coalesce(r.created_at, now()));
            INSERT INTO identity.legacy_id_map (source_system, source_table, legacy_id, new_id, outcome, reason)
            VALUES ('neurondesktop', 'profiles', r.id, v_new_id, 'imported', nullif(array_to_string(notes, '; '), ''));
            report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', 'imported',
                                                   'reason', nullif(array_to_string(notes, '; '), ''), 'new_id', v_new_id);
        EXCEPTION WHEN integrity_constraint_violation OR data_exception THEN
            report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', 'skipped',
                                                   'reason', 'refused by the unified model: ' || SQLERRM);
        END;
    END LOOP;

    ---------------------------------------------------------------- NeuronDesktop API keys
    -- A desktop key acted as its user, with no roles: it gets member, the default of a new
    -- key (a key only narrows its principal's rights; admin needs a key made for it).
    v_source := 'neurondesktop.api_keys';
    FOR r IN SELECT * FROM jsonb_to_recordset(d_keys)
                      AS x(id text, key_hash text, key_prefix text, user_id text, profile_id text,
                           name text, rate_limit integer, last_used_at timestamptz,
                           created_at timestamptz, revoked_at timestamptz, expires_at timestamptz)
             ORDER BY x.created_at NULLS LAST, x.id
    LOOP
        SELECT * INTO m FROM identity.legacy_id_map x
         WHERE x.source_system = 'neurondesktop' AND x.source_table = 'api_keys' AND x.legacy_id = r.id;
        IF FOUND THEN
            report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', 'already_imported',
                                                   'reason', m.outcome || coalesce(': ' || m.reason, ''), 'new_id', m.new_id);
            CONTINUE;
        END IF;
        SELECT * INTO owner FROM internal.legacy_desktop_user(d_users, r.user_id);
        IF owner.user_id IS NULL THEN
            report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', 'skipped',
                'reason', format('orphaned: user_id %L is neither the id nor the username of an imported NeuronDesktop user', r.user_id));
            CONTINUE;
        END IF;
        v_project := NULL;
        IF r.profile_id IS NOT NULL THEN
            SELECT x.new_id INTO v_project FROM identity.legacy_id_map x
             WHERE x.source_system = 'neurondesktop' AND x.source_table = 'profiles' AND x.legacy_id = r.profile_id;
            IF v_project IS NULL THEN
                -- Importing it without its profile would widen it to every project.
                report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', 'skipped',
                    'reason', format('its profile %s was not imported (see that row)', r.profile_id));
                CONTINUE;
            END IF;
        END IF;
        BEGIN
            SELECT * INTO k FROM internal.legacy_import_key(
                r.id, owner.user_id, 'user', v_project,
                coalesce(nullif(btrim(r.name), ''), 'legacy key ' || r.key_prefix),
                r.key_hash, ARRAY['member'], r.rate_limit, r.expires_at, r.revoked_at,
                r.last_used_at, r.created_at,
                CASE WHEN owner.is_account_merge
                     THEN format('its user %L was merged into another account, whose credentials it must not carry; issue a new key', owner.legacy_id)
                END,
                ARRAY[format('legacy prefix %s', r.key_prefix)]);
            IF k.outcome = 'imported' THEN
                INSERT INTO identity.legacy_id_map (source_system, source_table, legacy_id, new_id, outcome, reason)
                VALUES ('neurondesktop', 'api_keys', r.id, k.new_id, 'imported', k.reason);
                keys_live := keys_live + k.is_live::int;
                keys_revoked := keys_revoked + (NOT k.is_live)::int;
            END IF;
            report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', k.outcome,
                                                   'reason', k.reason, 'new_id', k.new_id);
        EXCEPTION WHEN integrity_constraint_violation OR data_exception THEN
            report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', 'skipped',
                                                   'reason', 'refused by the unified model: ' || SQLERRM);
        END;
    END LOOP;

    ---------------------------------------------------------------- NeuronAgent principals
    -- user: the NeuronDesktop user it names (by id, else username) when there is one
    -- (merged: the same person), else a new user, merged like desktop accounts by email.
    -- org: an organization, one per slug. service_account: a platform service account.
    -- agent, tool, dataset: skipped, they belong to a project and NeuronAgent names none.
    v_source := 'neuronagent.principals';
    FOR r IN SELECT * FROM jsonb_to_recordset(a_principals)
                      AS x(id text, type text, name text, metadata jsonb, created_at timestamptz)
             ORDER BY x.created_at NULLS LAST, x.id
    LOOP
        SELECT * INTO m FROM identity.legacy_id_map x
         WHERE x.source_system = 'neuronagent' AND x.source_table = 'principals' AND x.legacy_id = r.id;
        IF FOUND THEN
            report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', 'already_imported',
                                                   'reason', m.outcome || coalesce(': ' || m.reason, ''), 'new_id', m.new_id);
            CONTINUE;
        END IF;
        IF r.type IS NULL OR r.type NOT IN ('user', 'org', 'service_account') THEN
            report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', 'skipped',
                'reason', CASE WHEN r.type IN ('agent', 'tool', 'dataset')
                               THEN format('a NeuronAgent %s names no project, and every %s belongs to one in the unified model: register %L in its project',
                                           r.type, r.type, r.name)
                               ELSE format('unknown principal type %L', r.type) END);
            CONTINUE;
        END IF;
        notes := ARRAY[]::text[];
        v_merge := false;
        BEGIN
            IF r.type = 'user' THEN
                SELECT * INTO owner FROM internal.legacy_desktop_user(d_users, r.name);
                t_id := NULL;
                t_legacy_id := NULL;
                v_email := nullif(btrim(r.metadata ->> 'email'), '');
                IF owner.user_id IS NULL AND v_email IS NOT NULL THEN
                    IF v_email !~ valid_email OR length(v_email) > 254 THEN
                        notes := notes || format('email %L is not valid: imported without one', v_email);
                        v_email := NULL;
                    ELSE
                        SELECT u.id, u.username::text,
                               (SELECT x.legacy_id FROM identity.legacy_id_map x
                                 WHERE x.new_id = u.id AND x.outcome = 'imported'
                                   AND x.source_table IN ('users', 'principals')
                                 ORDER BY x.imported_at, x.legacy_id LIMIT 1)
                          INTO t_id, t_name, t_legacy_id
                          FROM identity.users u
                         WHERE u.email OPERATOR(extensions.=) v_email::extensions.citext;
                    END IF;
                END IF;
                IF owner.user_id IS NOT NULL THEN
                    notes := notes || format('the same person as NeuronDesktop user %L', owner.legacy_id);
                    v_outcome := 'merged';
                    v_new_id := owner.user_id;
                    v_merge := owner.is_account_merge;
                ELSIF t_legacy_id IS NOT NULL THEN
                    notes := notes || format('same email as legacy user %L (whatever the case): merged into %s; its API keys are imported revoked',
                                             t_legacy_id, t_name);
                    v_outcome := 'merged';
                    v_new_id := t_id;
                    v_merge := true;
                ELSE
                    IF t_id IS NOT NULL THEN
                        notes := notes || format('email %L belongs to user %s, who was not imported: imported without email; link the two accounts deliberately',
                                                 v_email, t_name);
                        v_email := NULL;
                    END IF;
                    v_name := internal.legacy_free_name(r.name, 'user');
                    IF v_name IS DISTINCT FROM r.name THEN
                        notes := notes || format('username %L is invalid or taken (whatever the case): imported as %s', r.name, v_name);
                    END IF;
                    v_new_id := internal.legacy_free_id(r.id);
                    INSERT INTO identity.users (id, username, email, metadata, created_at)
                    VALUES (v_new_id, v_name, v_email,
                            CASE WHEN jsonb_typeof(r.metadata) = 'object' THEN r.metadata - 'email' ELSE '{}' END,
                            coalesce(r.created_at, now()));
                    v_outcome := 'imported';
                END IF;
            ELSIF r.type = 'org' THEN
                v_slug := internal.legacy_slug(r.name);
                t_id := NULL;
                SELECT o.id, o.slug::text INTO t_id, t_name
                  FROM identity.organizations o
                 WHERE o.slug OPERATOR(extensions.=) v_slug::extensions.citext;
                IF t_id IS NOT NULL THEN
                    notes := notes || format('organization %s (same slug) exists already', t_name);
                    v_outcome := 'merged';
                    v_new_id := t_id;
                ELSE
                    v_new_id := internal.legacy_free_id(r.id);
                    INSERT INTO identity.organizations (id, name, slug, metadata, created_at)
                    VALUES (v_new_id, left(coalesce(nullif(btrim(r.name), ''), 'Organization'), 200), v_slug,
                            CASE WHEN jsonb_typeof(r.metadata) = 'object' THEN r.metadata ELSE '{}' END,
                            coalesce(r.created_at, now()));
                    notes := notes || format('slug %s; it has no members yet: add an owner', v_slug);
                    v_outcome := 'imported';
                END IF;
            ELSE
                v_name := internal.legacy_free_name(r.name, 'service_account');
                IF v_name IS DISTINCT FROM r.name THEN
                    notes := notes || format('name %L is invalid or taken: imported as %s', r.name, v_name);
                END IF;
                v_new_id := internal.legacy_free_id(r.id);
                INSERT INTO identity.service_accounts (id, name, metadata, created_at)
                VALUES (v_new_id, v_name,
                        CASE WHEN jsonb_typeof(r.metadata) = 'object' THEN r.metadata ELSE '{}' END,
                        coalesce(r.created_at, now()));
                notes := notes || 'a platform service account: it has rights only through policies; grant what it needs'::text;
                v_outcome := 'imported';
            END IF;
            INSERT INTO identity.legacy_id_map (source_system, source_table, legacy_id, new_id, outcome, reason, is_account_merge)
            VALUES ('neuronagent', 'principals', r.id, v_new_id, v_outcome, nullif(array_to_string(notes, '; '), ''), v_merge);
            report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', v_outcome,
                                                   'reason', nullif(array_to_string(notes, '; '), ''), 'new_id', v_new_id);
        EXCEPTION WHEN integrity_constraint_violation OR data_exception THEN
            report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', 'skipped',
                                                   'reason', 'refused by the unified model: ' || SQLERRM);
        END;
    END LOOP;

    ---------------------------------------------------------------- NeuronAgent API keys
    -- The key's principal (or, for keys 014 did not link, its user_id); keys of
    -- organizations have no owner in the unified model (a key belongs to a user, service
    -- account or agent) and are skipped.
    v_source := 'neuronagent.api_keys';
    FOR r IN SELECT * FROM jsonb_to_recordset(a_keys)
                      AS x(id text, key_hash text, key_prefix text, organization_id text, user_id text,
                           rate_limit_per_minute integer, roles text[], metadata jsonb,
                           created_at timestamptz, last_used_at timestamptz, expires_at timestamptz,
                           revoked_at timestamptz, principal_id text, project_id text)
             ORDER BY x.created_at NULLS LAST, x.id
    LOOP
        SELECT * INTO m FROM identity.legacy_id_map x
         WHERE x.source_system = 'neuronagent' AND x.source_table = 'api_keys' AND x.legacy_id = r.id;
        IF FOUND THEN
            report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', 'already_imported',
                                                   'reason', m.outcome || coalesce(': ' || m.reason, ''), 'new_id', m.new_id);
            CONTINUE;
        END IF;
        t_id := NULL;
        t_type := NULL;
        t_merge := false;
        IF r.principal_id IS NOT NULL THEN
            SELECT x.new_id, x.is_account_merge, p.type INTO t_id, t_merge, t_type
              FROM identity.legacy_id_map x JOIN identity.principals p ON p.id = x.new_id
             WHERE x.source_system = 'neuronagent' AND x.source_table = 'principals'
               AND x.legacy_id = r.principal_id;
            IF t_id IS NULL THEN
                report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', 'skipped',
                    'reason', CASE WHEN EXISTS (SELECT FROM jsonb_to_recordset(a_principals) AS p(id text) WHERE p.id = r.principal_id)
                                   THEN format('its principal %s was not imported (see that row)', r.principal_id)
                                   ELSE format('orphaned: principal_id %s matches no NeuronAgent principal', r.principal_id) END);
                CONTINUE;
            END IF;
        ELSIF nullif(btrim(r.organization_id), '') IS NOT NULL THEN
            t_type := 'org';
        ELSIF nullif(btrim(r.user_id), '') IS NOT NULL THEN
            SELECT * INTO owner FROM internal.legacy_desktop_user(d_users, r.user_id);
            IF owner.user_id IS NOT NULL THEN
                t_id := owner.user_id;
                t_merge := owner.is_account_merge;
                t_type := 'user';
            ELSE
                SELECT x.new_id, x.is_account_merge, p.type INTO t_id, t_merge, t_type
                  FROM jsonb_to_recordset(a_principals) AS a(id text, type text, name text)
                  JOIN identity.legacy_id_map x
                    ON x.source_system = 'neuronagent' AND x.source_table = 'principals' AND x.legacy_id = a.id
                  JOIN identity.principals p ON p.id = x.new_id
                 WHERE a.type = 'user' AND a.name = r.user_id;
            END IF;
            IF t_id IS NULL THEN
                report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', 'skipped',
                    'reason', format('orphaned: user_id %L is neither a NeuronDesktop user nor a NeuronAgent user principal', r.user_id));
                CONTINUE;
            END IF;
        ELSE
            report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', 'skipped',
                'reason', 'orphaned: it names no principal, user or organization');
            CONTINUE;
        END IF;
        IF t_type NOT IN ('user', 'service_account') THEN
            report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', 'skipped',
                'reason', 'a key of an organization: in the unified model keys belong to users, service accounts or agents; issue a service account key instead');
            CONTINUE;
        END IF;
        v_project := NULL;
        v_project_ref := nullif(btrim(r.project_id), '');
        IF v_project_ref IS NOT NULL THEN
            IF v_project_ref ~* uuid_text THEN
                v_project_ref := lower(v_project_ref);
            END IF;
            SELECT x.new_id INTO v_project FROM identity.legacy_id_map x
             WHERE x.source_system = 'neurondesktop' AND x.source_table = 'profiles' AND x.legacy_id = v_project_ref;
            IF v_project IS NULL THEN
                report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', 'skipped',
                    'reason', format('its project_id %L is not an imported NeuronDesktop profile', r.project_id));
                CONTINUE;
            END IF;
        END IF;
        BEGIN
            SELECT * INTO v_roles FROM internal.legacy_key_roles(r.roles);
            notes := ARRAY[format('legacy prefix %s', r.key_prefix)];
            IF v_roles.dropped IS NOT NULL THEN
                notes := notes || format('role(s) %s unknown to the unified model: dropped', array_to_string(v_roles.dropped, ', '));
            END IF;
            IF v_roles.roles = ARRAY['viewer'] AND NOT (coalesce(r.roles, ARRAY[]::text[]) && ARRAY['viewer', 'read', 'readonly']) THEN
                notes := notes || 'no known role left: viewer'::text;
            END IF;
            v_revoke := CASE WHEN t_merge
                             THEN 'its principal was merged into another account, whose credentials it must not carry; issue a new key'
                        END;
            SELECT * INTO k FROM internal.legacy_import_key(
                r.id, t_id, t_type, v_project,
                coalesce(nullif(btrim(r.metadata ->> 'name'), ''), 'legacy agent key ' || r.key_prefix),
                r.key_hash, v_roles.roles, r.rate_limit_per_minute, r.expires_at, r.revoked_at,
                r.last_used_at, r.created_at, v_revoke, notes);
            IF k.outcome = 'imported' THEN
                INSERT INTO identity.legacy_id_map (source_system, source_table, legacy_id, new_id, outcome, reason)
                VALUES ('neuronagent', 'api_keys', r.id, k.new_id, 'imported', k.reason);
                keys_live := keys_live + k.is_live::int;
                keys_revoked := keys_revoked + (NOT k.is_live)::int;
            END IF;
            report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', k.outcome,
                                                   'reason', k.reason, 'new_id', k.new_id);
        EXCEPTION WHEN integrity_constraint_violation OR data_exception THEN
            report := report || jsonb_build_object('source', v_source, 'legacy_id', r.id, 'outcome', 'skipped',
                                                   'reason', 'refused by the unified model: ' || SQLERRM);
        END;
    END LOOP;

    ---------------------------------------------------------------- the audit event
    -- Counts only: reasons may quote legacy values (emails, usernames).
    SELECT jsonb_agg(c.counts ORDER BY c.first) INTO details
      FROM (SELECT min(e.n) AS first,
                   jsonb_build_object('source', e.j ->> 'source',
                                      'imported', count(*) FILTER (WHERE e.j ->> 'outcome' = 'imported'),
                                      'merged', count(*) FILTER (WHERE e.j ->> 'outcome' = 'merged'),
                                      'already_imported', count(*) FILTER (WHERE e.j ->> 'outcome' = 'already_imported'),
                                      'skipped', count(*) FILTER (WHERE e.j ->> 'outcome' = 'skipped')) AS counts
              FROM unnest(report) WITH ORDINALITY AS e(j, n)
             GROUP BY e.j ->> 'source') AS c;
    details := jsonb_build_object('desktop_schema', desktop_schema, 'agent_schema', agent_schema,
                                  'counts', coalesce(details, '[]'),
                                  'imported_live', keys_live, 'imported_revoked', keys_revoked,
                                  'run_by', session_user);
    PERFORM audit.record('identity.legacy.imported', 'success', NULL, NULL, details);

    RETURN QUERY
        SELECT e.j ->> 'source', e.j ->> 'legacy_id', e.j ->> 'outcome', e.j ->> 'reason',
               (e.j ->> 'new_id')::uuid
          FROM unnest(report) WITH ORDINALITY AS e(j, n)
         ORDER BY e.n;
END
$_$;


ALTER FUNCTION identity.import_legacy(desktop_schema text, agent_schema text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION import_legacy(desktop_schema text, agent_schema text); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.import_legacy(desktop_schema text, agent_schema text) IS 'Import the legacy NeuronDesktop (users, profiles, api_keys) and NeuronAgent (principals, api_keys) tables from the given schemas (NULL: skip that system) into the unified model, and report each row: imported, merged, already_imported or skipped, with the reason. Idempotent. Superuser only; see docs/legacy-migration.md.';


--
-- Name: invite_member(uuid, uuid, text, text, integer); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.invite_member(org_id uuid, user_id uuid DEFAULT NULL::uuid, email text DEFAULT NULL::text, role text DEFAULT 'member'::text, valid_days integer DEFAULT 7) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    caller uuid;
    v_email extensions.citext;
    v_id uuid;
BEGIN
    PERFORM identity.check_role(role);
    caller := identity.require_member_admin(org_id, role);
    IF num_nonnulls(user_id, email) <> 1 THEN
        RAISE EXCEPTION 'name the person to invite by user_id or by email, not both'
            USING ERRCODE = '22023';
    END IF;
    IF valid_days IS NULL OR valid_days NOT BETWEEN 1 AND 30 THEN
        RAISE EXCEPTION 'valid_days must be between 1 and 30'
            USING ERRCODE = '22023';
    END IF;
    IF email IS NOT NULL THEN
        IF length(email) > 254
           OR email !~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$' THEN
            RAISE EXCEPTION 'email is not an e-mail address'
                USING ERRCODE = '22023';
        END IF;
        v_email := email::extensions.citext;
    ELSIF NOT EXISTS (SELECT FROM identity.users u WHERE u.id = invite_member.user_id) THEN
        RAISE EXCEPTION 'there is no user with id %', user_id USING ERRCODE = '23503';
    END IF;
    -- Already a member: the organization can see its members anyway.
    IF EXISTS (SELECT FROM identity.org_memberships m JOIN identity.users u ON u.id = m.user_id
                WHERE m.org_id = invite_member.org_id
                  AND (u.id = invite_member.user_id
                       OR u.email OPERATOR(extensions.=) v_email)) THEN
        RAISE EXCEPTION 'this person is already a member of organization %', org_id
            USING ERRCODE = '23505', HINT = 'Use change_member_role to change the role.';
    END IF;
    UPDATE identity.org_invitations i SET status = 'expired', responded_at = now()
     WHERE i.org_id = invite_member.org_id AND i.status = 'pending' AND i.expires_at <= now()
       AND (i.invitee_user_id = invite_member.user_id
            OR i.invitee_email OPERATOR(extensions.=) v_email);
    BEGIN
        INSERT INTO identity.org_invitations (org_id, invitee_user_id, invitee_email, role,
                                              invited_by, expires_at)
        VALUES (invite_member.org_id, invite_member.user_id, v_email, invite_member.role,
                caller, now() + make_interval(days => valid_days))
        RETURNING id INTO v_id;
    EXCEPTION WHEN unique_violation THEN
        RAISE EXCEPTION 'this person already has a pending invitation to organization %', org_id
            USING ERRCODE = '23505', HINT = 'Revoke it first (revoke_invitation) to invite again.';
    END;
    PERFORM identity.audit('identity.invitation.created', 'invitation', v_id::text,
                           jsonb_strip_nulls(jsonb_build_object(
                               'user_id', user_id, 'email', v_email, 'role', role,
                               'valid_days', valid_days)),
                           org_id);
    RETURN v_id;
END
$_$;


ALTER FUNCTION identity.invite_member(org_id uuid, user_id uuid, email text, role text, valid_days integer) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION invite_member(org_id uuid, user_id uuid, email text, role text, valid_days integer); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.invite_member(org_id uuid, user_id uuid, email text, role text, valid_days integer) IS 'What api.invite_member() and api.add_member() do (see their comments there); only those endpoints call it.';


--
-- Name: is_active(uuid); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.is_active(principal_id uuid) RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    RETURN EXISTS (SELECT FROM identity.principals p
                    WHERE p.id = is_active.principal_id AND p.disabled_at IS NULL
                      AND (p.expires_at IS NULL OR p.expires_at > now()));
END
$$;


ALTER FUNCTION identity.is_active(principal_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION is_active(principal_id uuid); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.is_active(principal_id uuid) IS 'True for a principal that exists, is not disabled and has not expired.';


--
-- Name: is_invitee(uuid, uuid, text); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.is_invitee(principal_id uuid, invitee_user_id uuid, invitee_email text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
    SELECT $1 IS NOT NULL
       AND ($2 = $1
            OR EXISTS (SELECT FROM identity.users u
                        WHERE u.id = $1 AND $3 IS NOT NULL
                          AND u.email OPERATOR(extensions.=) $3::extensions.citext))
$_$;


ALTER FUNCTION identity.is_invitee(principal_id uuid, invitee_user_id uuid, invitee_email text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION is_invitee(principal_id uuid, invitee_user_id uuid, invitee_email text); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.is_invitee(principal_id uuid, invitee_user_id uuid, invitee_email text) IS 'True when an invitation to invitee_user_id or invitee_email is addressed to the principal (its id, or its user''s e-mail, whatever the case).';


--
-- Name: is_platform_admin(uuid); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.is_platform_admin(principal_id uuid) RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
BEGIN
    RETURN EXISTS (
        SELECT FROM identity.users u
          JOIN identity.principals p ON p.id = u.id
         WHERE u.id = $1
           AND u.is_admin AND u.disabled_at IS NULL AND p.disabled_at IS NULL);
END
$_$;


ALTER FUNCTION identity.is_platform_admin(principal_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION is_platform_admin(principal_id uuid); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.is_platform_admin(principal_id uuid) IS 'True for an enabled user with is_admin: a platform administrator.';


--
-- Name: is_secret_env(text, jsonb); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.is_secret_env(name text, value jsonb) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT name ~* '(pass|secret|token|key|credential|dsn|auth|cookie|private)'
        OR (jsonb_typeof(value) = 'string'
            AND (identity.split_dsn_password(value #>> '{}')).password IS NOT NULL)
$$;


ALTER FUNCTION identity.is_secret_env(name text, value jsonb) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION is_secret_env(name text, value jsonb); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.is_secret_env(name text, value jsonb) IS 'True for an environment variable whose name suggests a secret (PASSWORD, SECRET, TOKEN, KEY, CREDENTIAL, DSN, AUTH, COOKIE, PRIVATE) or whose value is a DSN with a password.';


--
-- Name: issue_api_key(uuid, text, text[], uuid, integer, timestamp with time zone, uuid); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.issue_api_key(principal_id uuid, name text, roles text[], project_id uuid, rate_limit_per_min integer, expires_at timestamp with time zone, created_by uuid, OUT id uuid, OUT prefix text, OUT api_key text) RETURNS record
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_type text;
BEGIN
    SELECT p.type INTO v_type FROM identity.principals p WHERE p.id = issue_api_key.principal_id;
    IF v_type IS NULL OR v_type NOT IN ('user', 'service_account', 'agent') THEN
        RAISE EXCEPTION 'API keys are for users, service accounts and agents'
            USING ERRCODE = '22023';
    END IF;
    -- The same bounds as identity.api_keys' checks, whose violation would print the row.
    IF issue_api_key.name IS NULL THEN
        RAISE EXCEPTION 'name is required' USING ERRCODE = '22004',
              HINT = 'Name the key after where it is used, in at most 200 characters.';
    END IF;
    IF btrim(issue_api_key.name) = '' OR length(issue_api_key.name) > 200 THEN
        RAISE EXCEPTION 'name must be 1 to 200 characters, not blank' USING ERRCODE = '22023';
    END IF;
    -- (each role must be a row of identity.api_key_roles: the table's trigger says so)
    IF roles IS NULL OR cardinality(roles) = 0 THEN
        RAISE EXCEPTION 'an API key needs at least one role' USING ERRCODE = '22023';
    END IF;
    IF array_position(roles, NULL) IS NOT NULL
       OR (SELECT count(DISTINCT r) FROM unnest(roles) r) > 4 THEN
        RAISE EXCEPTION 'roles must be 1 to 4 distinct roles, none of them null'
            USING ERRCODE = '22023';
    END IF;
    IF rate_limit_per_min IS NOT NULL AND rate_limit_per_min NOT BETWEEN 1 AND 1000000 THEN
        RAISE EXCEPTION 'rate_limit_per_min must be between 1 and 1000000'
            USING ERRCODE = '22023', HINT = 'Leave it out for the default.';
    END IF;
    IF expires_at IS NOT NULL AND expires_at <= now() THEN
        RAISE EXCEPTION 'expires_at must be in the future' USING ERRCODE = '22023';
    END IF;
    prefix := encode(extensions.gen_random_bytes(6), 'hex');
    api_key := 'npk_' || prefix || '_' || encode(extensions.gen_random_bytes(32), 'hex');
    INSERT INTO identity.api_keys (principal_id, principal_type, project_id, name, prefix,
                                   secret_hash, roles, rate_limit_per_min, expires_at, created_by)
    VALUES (issue_api_key.principal_id, v_type, issue_api_key.project_id, issue_api_key.name,
            prefix, sha256(convert_to(api_key, 'UTF8')),
            (SELECT array_agg(DISTINCT r ORDER BY r) FROM unnest(roles) r),
            coalesce(rate_limit_per_min, identity.default_rate_limit_per_min()),
            issue_api_key.expires_at, created_by)
    RETURNING api_keys.id INTO id;
END
$$;


ALTER FUNCTION identity.issue_api_key(principal_id uuid, name text, roles text[], project_id uuid, rate_limit_per_min integer, expires_at timestamp with time zone, created_by uuid, OUT id uuid, OUT prefix text, OUT api_key text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION issue_api_key(principal_id uuid, name text, roles text[], project_id uuid, rate_limit_per_min integer, expires_at timestamp with time zone, created_by uuid, OUT id uuid, OUT prefix text, OUT api_key text); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.issue_api_key(principal_id uuid, name text, roles text[], project_id uuid, rate_limit_per_min integer, expires_at timestamp with time zone, created_by uuid, OUT id uuid, OUT prefix text, OUT api_key text) IS 'Insert an API key (npk_<12 hex>_<64 hex>: 256 random bits) and return it; only its SHA-256 is stored. Arguments are checked first (22004, 22023), so no constraint violation shows the row.';


--
-- Name: key_allows(uuid, uuid, text); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.key_allows(api_key_id uuid, principal_id uuid, permission text) RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT api_key_id IS NULL OR EXISTS (
        SELECT FROM identity.authz_context(key_allows.principal_id, NULL, key_allows.permission,
                                           key_allows.api_key_id) c
         WHERE c.key_refusal IS NULL AND c.key_project_id IS NULL)
$$;


ALTER FUNCTION identity.key_allows(api_key_id uuid, principal_id uuid, permission text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION key_allows(api_key_id uuid, principal_id uuid, permission text); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.key_allows(api_key_id uuid, principal_id uuid, permission text) IS 'True without a key, or when the key is the principal''s, live, not limited to a project and allows the permission by its roles.';


--
-- Name: key_role_permissions(text[]); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.key_role_permissions(roles text[]) RETURNS text[]
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
BEGIN
    RETURN (SELECT coalesce(array_agg(p.name ORDER BY p.name), '{}')
              FROM identity.permissions p
             WHERE EXISTS (SELECT FROM identity.api_key_roles r
                            WHERE r.role = ANY ($1) AND r.permission IN (p.name, 'admin')));
END
$_$;


ALTER FUNCTION identity.key_role_permissions(roles text[]) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION key_role_permissions(roles text[]); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.key_role_permissions(roles text[]) IS 'The permissions an API key with these roles lets through (identity.api_key_roles; admin: all).';


--
-- Name: lock_invitation(uuid); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.lock_invitation(invitation_id uuid) RETURNS identity.org_invitations
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    inv identity.org_invitations;
BEGIN
    SELECT * INTO inv FROM identity.org_invitations i WHERE i.id = invitation_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'there is no invitation with id %', invitation_id
            USING ERRCODE = '42704';
    END IF;
    RETURN inv;
END
$$;


ALTER FUNCTION identity.lock_invitation(invitation_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION lock_invitation(invitation_id uuid); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.lock_invitation(invitation_id uuid) IS 'The invitation row, locked FOR UPDATE; 42704 when there is none. Internal to the invitation functions.';


--
-- Name: may_create_project(uuid, uuid, uuid, uuid); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.may_create_project(principal_id uuid, org_id uuid, user_id uuid, api_key_id uuid DEFAULT NULL::uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
    SELECT CASE
        WHEN $1 IS NULL THEN false
        WHEN $2 IS NOT NULL THEN ($3 IS NULL OR $3 = $1)
                                 AND identity.has_permission($1, 'org', $2, 'write', $4)
        ELSE $3 = $1
             AND EXISTS (SELECT FROM identity.users u WHERE u.id = $1)
             AND EXISTS (SELECT FROM identity.authz_context($1, 'project', 'write', $4) c
                          WHERE c.refusal IS NULL AND c.key_refusal IS NULL
                            AND c.key_project_id IS NULL)
    END
$_$;


ALTER FUNCTION identity.may_create_project(principal_id uuid, org_id uuid, user_id uuid, api_key_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION may_create_project(principal_id uuid, org_id uuid, user_id uuid, api_key_id uuid); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.may_create_project(principal_id uuid, org_id uuid, user_id uuid, api_key_id uuid) IS 'May the principal create a project for this organization and/or user?';


--
-- Name: permitted_ids(uuid, text, text, uuid); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.permitted_ids(principal_id uuid, resource_type text, permission text, api_key_id uuid DEFAULT NULL::uuid) RETURNS uuid[]
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    SET plan_cache_mode TO 'force_generic_plan'
    AS $_$
BEGIN
    RETURN (SELECT coalesce(array_agg(d.resource_id), '{}')
              FROM (SELECT g.resource_id FROM identity.grants($1, $2, $3, $4) g
                     WHERE g.resource_id IS NOT NULL
                     GROUP BY g.resource_id
                    HAVING identity.decide(array_agg(g.effect))) d);
END
$_$;


ALTER FUNCTION identity.permitted_ids(principal_id uuid, resource_type text, permission text, api_key_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION permitted_ids(principal_id uuid, resource_type text, permission text, api_key_id uuid); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.permitted_ids(principal_id uuid, resource_type text, permission text, api_key_id uuid) IS 'The ids of every resource of resource_type on which the principal holds permission (through api_key_id if given): the resources identity.decide() allows over identity.grants(); for RLS policies and listings.';


--
-- Name: policy_applies(text, text, text, uuid, timestamp with time zone, timestamp with time zone, text, text, boolean, boolean); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.policy_applies(effect text, permission text, resource_type text, resource_id uuid, expires_at timestamp with time zone, not_before timestamp with time zone, asked_type text, asked_permission text, inherits_admin_only boolean, in_project boolean) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
    SELECT (permission = asked_permission OR permission = 'admin'
            OR (asked_permission = 'admin' AND effect = 'deny'))
       AND (expires_at IS NULL OR expires_at > now())
       AND (not_before IS NULL OR not_before <= now())
       AND (resource_id IS NOT NULL OR resource_type = asked_type OR resource_type = 'org'
            OR (resource_type = 'project' AND in_project))
       AND (resource_type = asked_type OR effect = 'deny' OR permission = 'admin'
            OR NOT inherits_admin_only)
$$;


ALTER FUNCTION identity.policy_applies(effect text, permission text, resource_type text, resource_id uuid, expires_at timestamp with time zone, not_before timestamp with time zone, asked_type text, asked_permission text, inherits_admin_only boolean, in_project boolean) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION policy_applies(effect text, permission text, resource_type text, resource_id uuid, expires_at timestamp with time zone, not_before timestamp with time zone, asked_type text, asked_permission text, inherits_admin_only boolean, in_project boolean); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.policy_applies(effect text, permission text, resource_type text, resource_id uuid, expires_at timestamp with time zone, not_before timestamp with time zone, asked_type text, asked_permission text, inherits_admin_only boolean, in_project boolean) IS 'Whether a policy with these columns bears on asked_permission over a resource of asked_type it is anchored above.';


--
-- Name: project_dsn(uuid); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.project_dsn(project_id uuid) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    p identity.projects;
    pw text;
BEGIN
    PERFORM identity.require_permission('project', project_id, 'execute');
    SELECT * INTO p FROM identity.projects x WHERE x.id = project_dsn.project_id;
    IF p.neurondb_dsn IS NULL OR p.neurondb_dsn_secret IS NULL THEN
        RETURN p.neurondb_dsn;
    END IF;
    pw := internal.decrypt_secret(p.neurondb_dsn_secret, 'identity.projects.neurondb_dsn:' || p.id);
    IF p.neurondb_dsn ~* '^postgres(ql)?://' THEN
        RETURN p.neurondb_dsn || CASE WHEN position('?' IN p.neurondb_dsn) > 0 THEN '&' ELSE '?' END
               || 'password=' || (SELECT string_agg(
                      CASE WHEN c ~ '^[A-Za-z0-9._~-]$' THEN c
                           ELSE upper(regexp_replace(encode(convert_to(c, 'UTF8'), 'hex'),
                                                     '(..)', '%\1', 'g')) END, '' ORDER BY n)
                   FROM regexp_split_to_table(pw, '') WITH ORDINALITY AS t(c, n));
    END IF;
    RETURN p.neurondb_dsn || ' password=''' || replace(replace(pw, '\', '\\'), '''', '\''') || '''';
END
$_$;


ALTER FUNCTION identity.project_dsn(project_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION project_dsn(project_id uuid); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.project_dsn(project_id uuid) IS 'What api.project_dsn() does (see its comment there); only that endpoint calls it.';


--
-- Name: project_mcp_config(uuid); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.project_mcp_config(project_id uuid) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    p identity.projects;
BEGIN
    PERFORM identity.require_permission('project', project_id, 'execute');
    SELECT * INTO p FROM identity.projects x WHERE x.id = project_mcp_config.project_id;
    IF p.mcp_env_secret IS NULL THEN
        RETURN p.mcp_config;
    END IF;
    RETURN jsonb_set(p.mcp_config, '{env}',
                     (p.mcp_config -> 'env')
                     || internal.decrypt_secret(p.mcp_env_secret, 'identity.projects.mcp_env:' || p.id)::jsonb);
END
$$;


ALTER FUNCTION identity.project_mcp_config(project_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION project_mcp_config(project_id uuid); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.project_mcp_config(project_id uuid) IS 'What api.project_mcp_config() does (see its comment there); only that endpoint calls it.';


--
-- Name: remove_member(uuid, uuid); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.remove_member(org_id uuid, user_id uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    caller uuid := identity.require_caller();
    old_role text;
BEGIN
    SELECT m.role INTO old_role FROM identity.org_memberships m
     WHERE m.org_id = remove_member.org_id AND m.user_id = remove_member.user_id;
    -- Anyone may leave; removing someone else needs admin (owner, to remove an owner).
    IF user_id IS DISTINCT FROM caller THEN
        PERFORM identity.require_member_admin(org_id, coalesce(old_role, 'member'));
    END IF;
    IF old_role IS NULL THEN
        RAISE EXCEPTION 'user % is not a member of organization %', user_id, org_id
            USING ERRCODE = '42704';
    END IF;
    DELETE FROM identity.org_memberships m
     WHERE m.org_id = remove_member.org_id AND m.user_id = remove_member.user_id;
    PERFORM identity.audit('identity.membership.changed', 'org', org_id::text,
                           jsonb_build_object('user_id', user_id, 'previous_role', old_role,
                                              'change', 'removed'),
                           org_id);
END
$$;


ALTER FUNCTION identity.remove_member(org_id uuid, user_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION remove_member(org_id uuid, user_id uuid); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.remove_member(org_id uuid, user_id uuid) IS 'What api.remove_member() does (see its comment there); only that endpoint calls it.';


--
-- Name: require_caller(); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.require_caller() RETURNS uuid
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    caller uuid := identity.current_principal_id();
BEGIN
    IF caller IS NULL THEN
        RAISE EXCEPTION 'authentication required'
            USING ERRCODE = '28000', HINT = 'Log in, or send an API key.';
    END IF;
    RETURN caller;
END
$$;


ALTER FUNCTION identity.require_caller() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION require_caller(); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.require_caller() IS 'The current principal; raises 28000 when the request is anonymous.';


--
-- Name: require_invitee(identity.org_invitations); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.require_invitee(inv identity.org_invitations) RETURNS uuid
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    caller uuid := identity.require_caller();
BEGIN
    IF NOT identity.is_invitee(caller, inv.invitee_user_id, inv.invitee_email::text) THEN
        RAISE EXCEPTION 'there is no invitation with id %', inv.id USING ERRCODE = '42704';
    END IF;
    IF NOT identity.is_active(caller) THEN
        RAISE EXCEPTION 'user % is disabled', caller USING ERRCODE = '42501';
    END IF;
    IF NOT identity.key_allows(identity.current_api_key_id(), caller, 'admin') THEN
        RAISE EXCEPTION 'an API key needs the admin role, and no project limit, to answer invitations'
            USING ERRCODE = '42501';
    END IF;
    RETURN caller;
END
$$;


ALTER FUNCTION identity.require_invitee(inv identity.org_invitations) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION require_invitee(inv identity.org_invitations); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.require_invitee(inv identity.org_invitations) IS 'The caller, if the invitation is addressed to it (42704 otherwise), it is active and its API key (if any) may act for it.';


--
-- Name: require_key_manager(uuid); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.require_key_manager(principal_id uuid) RETURNS uuid
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    caller uuid := identity.require_caller();
    key_id uuid := identity.current_api_key_id();
    v_type text;
BEGIN
    IF key_id IS NOT NULL AND NOT EXISTS (
           SELECT FROM identity.api_keys k WHERE k.id = key_id AND 'admin' = ANY (k.roles)) THEN
        RAISE EXCEPTION 'an API key without the admin role cannot manage API keys'
            USING ERRCODE = '42501';
    END IF;
    IF principal_id = caller THEN
        IF NOT identity.is_active(caller) THEN
            RAISE EXCEPTION 'principal % is disabled', caller USING ERRCODE = '42501';
        END IF;
        RETURN caller;
    END IF;
    SELECT p.type INTO v_type FROM identity.principals p WHERE p.id = require_key_manager.principal_id;
    IF v_type IN ('service_account', 'agent') THEN
        RETURN identity.require_permission(v_type, principal_id, 'admin');
    END IF;
    RAISE EXCEPTION 'permission denied: you cannot manage the API keys of principal %', principal_id
        USING ERRCODE = '42501',
              HINT = 'Keys are managed by their principal, or by admins of a service account or agent.';
END
$$;


ALTER FUNCTION identity.require_key_manager(principal_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION require_key_manager(principal_id uuid); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.require_key_manager(principal_id uuid) IS 'The caller, if it may manage API keys of principal_id; 42501 otherwise.';


--
-- Name: require_member_admin(uuid, text); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.require_member_admin(org_id uuid, role text) RETURNS uuid
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    caller uuid := identity.require_permission('org', org_id, 'admin');
BEGIN
    IF role = 'owner'
       AND NOT identity.is_platform_admin(caller)
       AND NOT EXISTS (SELECT FROM identity.org_memberships m
                        WHERE m.org_id = require_member_admin.org_id AND m.user_id = caller
                          AND m.role = 'owner') THEN
        RAISE EXCEPTION 'only an owner of organization % can give or take the owner role', org_id
            USING ERRCODE = '42501';
    END IF;
    RETURN caller;
END
$$;


ALTER FUNCTION identity.require_member_admin(org_id uuid, role text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION require_member_admin(org_id uuid, role text); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.require_member_admin(org_id uuid, role text) IS 'The caller, if it may manage members of org_id with this role (owner role: owners only); 42501 otherwise.';


--
-- Name: require_pending(identity.org_invitations); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.require_pending(inv identity.org_invitations) RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    IF inv.status <> 'pending' THEN
        RAISE EXCEPTION 'invitation % is %', inv.id, inv.status USING ERRCODE = 'PT409';
    END IF;
    IF inv.expires_at <= now() THEN
        RAISE EXCEPTION 'invitation % has expired', inv.id
            USING ERRCODE = 'PT409', HINT = 'Ask the organization for a new invitation.';
    END IF;
END
$$;


ALTER FUNCTION identity.require_pending(inv identity.org_invitations) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION require_pending(inv identity.org_invitations); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.require_pending(inv identity.org_invitations) IS 'Raises PT409 (HTTP 409) unless the invitation is pending and not expired.';


--
-- Name: require_permission(text, uuid, text); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.require_permission(resource_type text, resource_id uuid, permission text) RETURNS uuid
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    caller uuid := identity.require_caller();
BEGIN
    IF NOT identity.has_permission(caller, resource_type, resource_id, permission,
                                   identity.current_api_key_id()) THEN
        RAISE EXCEPTION 'permission denied: % on % %', permission, resource_type,
                        coalesce(resource_id::text, '(all)')
            USING ERRCODE = '42501',
                  HINT = 'An administrator of the organization or project can grant it.';
    END IF;
    RETURN caller;
END
$$;


ALTER FUNCTION identity.require_permission(resource_type text, resource_id uuid, permission text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION require_permission(resource_type text, resource_id uuid, permission text); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.require_permission(resource_type text, resource_id uuid, permission text) IS 'The current principal if it holds permission on the resource; raises 42501 otherwise.';


--
-- Name: require_platform_admin(text); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.require_platform_admin(what text) RETURNS uuid
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    caller uuid := identity.require_caller();
BEGIN
    IF NOT identity.is_platform_admin(caller)
       OR NOT identity.has_permission(caller, 'org', NULL, 'admin', identity.current_api_key_id()) THEN
        RAISE EXCEPTION 'only platform administrators can %', what USING ERRCODE = '42501';
    END IF;
    RETURN caller;
END
$$;


ALTER FUNCTION identity.require_platform_admin(what text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION require_platform_admin(what text); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.require_platform_admin(what text) IS 'The current principal if it is a platform administrator; raises 42501 ("only platform administrators can <what>") otherwise.';


--
-- Name: require_policy_admin(text, uuid, uuid, uuid); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.require_policy_admin(resource_type text, resource_id uuid, org_id uuid, project_id uuid) RETURNS uuid
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    IF resource_id IS NOT NULL THEN
        RETURN identity.require_permission(resource_type, resource_id, 'admin');
    ELSIF project_id IS NOT NULL THEN
        RETURN identity.require_permission('project', project_id, 'admin');
    ELSIF org_id IS NOT NULL THEN
        RETURN identity.require_permission('org', org_id, 'admin');
    END IF;
    RETURN identity.require_permission(resource_type, NULL, 'admin');
END
$$;


ALTER FUNCTION identity.require_policy_admin(resource_type text, resource_id uuid, org_id uuid, project_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION require_policy_admin(resource_type text, resource_id uuid, org_id uuid, project_id uuid); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.require_policy_admin(resource_type text, resource_id uuid, org_id uuid, project_id uuid) IS 'The caller, if it administers what a policy would cover; 42501 otherwise.';


--
-- Name: resolve_principal(uuid); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.resolve_principal(principal_id uuid) RETURNS TABLE(id uuid, type text, name text, is_active boolean, is_platform_admin boolean, org_id uuid, project_id uuid)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    caller uuid := identity.current_principal_id();
BEGIN
    -- Visible to itself, the service, platform admins and whoever can read what it is.
    IF NOT (session_user = 'neuronplane_worker'
            OR principal_id = caller
            OR identity.is_platform_admin(caller)
            OR EXISTS (SELECT FROM identity.principals p
                        WHERE p.id = resolve_principal.principal_id
                          AND CASE p.type
                              WHEN 'user' THEN p.id = ANY (identity.visible_user_ids(caller))
                              ELSE identity.has_permission(caller, p.type, p.id, 'read',
                                                           identity.current_api_key_id())
                              END)) THEN
        RAISE EXCEPTION 'there is no principal % that you can see', principal_id
            USING ERRCODE = '42704';
    END IF;
    RETURN QUERY
        SELECT p.id, p.type, p.name,
               p.disabled_at IS NULL AND (p.expires_at IS NULL OR p.expires_at > now()),
               coalesce(u.is_admin, false), s.org_id, s.project_id
          FROM identity.principals p
          LEFT JOIN identity.users u ON u.id = p.id
          LEFT JOIN identity.resource_scopes s ON s.resource_id = p.id
         WHERE p.id = principal_id;
END
$$;


ALTER FUNCTION identity.resolve_principal(principal_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION resolve_principal(principal_id uuid); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.resolve_principal(principal_id uuid) IS 'What api.resolve_principal() does (see its comment there); only that endpoint calls it.';


--
-- Name: revoke_api_key(uuid); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.revoke_api_key(id uuid) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    k identity.api_keys;
BEGIN
    SELECT * INTO k FROM identity.api_keys x WHERE x.id = revoke_api_key.id;
    IF NOT FOUND OR NOT identity.has_permission(identity.require_caller(), 'api_key', k.id, 'admin',
                                                identity.current_api_key_id()) THEN
        RAISE EXCEPTION 'permission denied: no API key % that you administer', id
            USING ERRCODE = '42501';
    END IF;
    IF k.revoked_at IS NULL THEN
        UPDATE identity.api_keys x SET revoked_at = now() WHERE x.id = k.id;
        PERFORM identity.audit('api_key.revoked', 'api_key', k.prefix,
                               jsonb_build_object('key_id', k.id), NULL, k.project_id);
    END IF;
    RETURN k.id;
END
$$;


ALTER FUNCTION identity.revoke_api_key(id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION revoke_api_key(id uuid); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.revoke_api_key(id uuid) IS 'What api.revoke_api_key() does (see its comment there); only that endpoint calls it.';


--
-- Name: revoke_invitation(uuid); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.revoke_invitation(invitation_id uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    inv identity.org_invitations := identity.lock_invitation(invitation_id);
BEGIN
    PERFORM identity.require_member_admin(inv.org_id, inv.role);
    IF inv.status <> 'pending' THEN
        RAISE EXCEPTION 'invitation % is %', inv.id, inv.status USING ERRCODE = 'PT409';
    END IF;
    UPDATE identity.org_invitations i SET status = 'revoked', responded_at = now()
     WHERE i.id = inv.id;
    PERFORM identity.audit('identity.invitation.revoked', 'invitation', inv.id::text,
                           jsonb_build_object('role', inv.role), inv.org_id);
END
$$;


ALTER FUNCTION identity.revoke_invitation(invitation_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION revoke_invitation(invitation_id uuid); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.revoke_invitation(invitation_id uuid) IS 'What api.revoke_invitation() does (see its comment there); only that endpoint calls it.';


--
-- Name: revoke_permission(uuid); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.revoke_permission(policy_id uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    p identity.policies;
BEGIN
    SELECT * INTO p FROM identity.policies x WHERE x.id = policy_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'there is no policy with id %', policy_id USING ERRCODE = '42704';
    END IF;
    PERFORM identity.require_policy_admin(CASE WHEN p.resource_type = 'audit' THEN 'org'
                                               ELSE p.resource_type END,
                                          p.resource_id, p.org_id, p.project_id);
    DELETE FROM identity.policies x WHERE x.id = p.id;
    PERFORM identity.audit('policy.revoked', p.resource_type,
                           coalesce(p.resource_id, p.project_id, p.org_id)::text,
                           jsonb_build_object('policy_id', p.id, 'subject_id', p.subject_id,
                                              'permission', p.permission, 'effect', p.effect),
                           p.scope_org_id, p.project_id);
END
$$;


ALTER FUNCTION identity.revoke_permission(policy_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION revoke_permission(policy_id uuid); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.revoke_permission(policy_id uuid) IS 'What api.revoke_permission() does (see its comment there); only that endpoint calls it.';


--
-- Name: rotate_api_key(uuid); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.rotate_api_key(id uuid, OUT new_id uuid, OUT prefix text, OUT api_key text) RETURNS record
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    caller uuid := identity.require_caller();
    k identity.api_keys;
    issued record;
BEGIN
    SELECT * INTO k FROM identity.api_keys x WHERE x.id = rotate_api_key.id FOR UPDATE;
    IF NOT FOUND OR NOT identity.has_permission(caller, 'api_key', k.id, 'admin',
                                                identity.current_api_key_id()) THEN
        RAISE EXCEPTION 'permission denied: no API key % that you administer', id
            USING ERRCODE = '42501';
    END IF;
    IF k.revoked_at IS NOT NULL THEN
        RAISE EXCEPTION 'API key % is revoked', k.prefix
            USING ERRCODE = '22023', HINT = 'Create a new key instead.';
    END IF;
    PERFORM identity.require_key_manager(k.principal_id);
    UPDATE identity.api_keys x SET revoked_at = now() WHERE x.id = k.id;
    issued := identity.issue_api_key(k.principal_id, k.name, k.roles, k.project_id,
                                     k.rate_limit_per_min,
                                     CASE WHEN k.expires_at > now() THEN k.expires_at END, caller);
    new_id := issued.id;
    prefix := issued.prefix;
    api_key := issued.api_key;
    PERFORM identity.audit('api_key.rotated', 'api_key', prefix,
                           jsonb_build_object('key_id', new_id, 'old_key_id', k.id,
                                              'old_prefix', k.prefix),
                           NULL, k.project_id);
END
$$;


ALTER FUNCTION identity.rotate_api_key(id uuid, OUT new_id uuid, OUT prefix text, OUT api_key text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION rotate_api_key(id uuid, OUT new_id uuid, OUT prefix text, OUT api_key text); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.rotate_api_key(id uuid, OUT new_id uuid, OUT prefix text, OUT api_key text) IS 'What api.rotate_api_key() does (see its comment there); only that endpoint calls it.';


--
-- Name: split_dsn_password(text); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.split_dsn_password(dsn text, OUT dsn_without_password text, OUT password text) RETURNS record
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    m text[];
BEGIN
    dsn_without_password := btrim(dsn);
    IF dsn_without_password ~* '^postgres(ql)?://' THEN
        -- userinfo password: scheme://user:password@
        m := regexp_match(dsn_without_password, '^([a-zA-Z]+://[^:@/?#]*):([^@/?#]*)@(.*)$');
        IF m IS NOT NULL THEN
            password := m[2];
            dsn_without_password := m[1] || '@' || m[3];
        END IF;
        -- query parameter password=...
        m := regexp_match(dsn_without_password, '[?&]password=([^&#]*)');
        IF m IS NOT NULL THEN
            password := m[1];
            dsn_without_password := regexp_replace(
                regexp_replace(dsn_without_password, '([?&])password=[^&#]*&?', '\1'),
                '[?&]$', '');
        END IF;
        IF password IS NOT NULL THEN
            -- percent-decoding, byte by byte
            SELECT convert_from(string_agg(
                       CASE WHEN t.m[1] ~ '^%[0-9A-Fa-f]{2}$' THEN decode(substr(t.m[1], 2), 'hex')
                            ELSE convert_to(t.m[1], 'UTF8') END, ''::bytea ORDER BY t.n), 'UTF8')
              INTO password
              FROM regexp_matches(password, '%[0-9A-Fa-f]{2}|[^%]+|%', 'g') WITH ORDINALITY AS t(m, n);
        END IF;
    ELSE
        m := regexp_match(dsn_without_password,
                          '(^|\s)password\s*=\s*(''((\\.|[^''\\])*)''|(\S+))');
        IF m IS NOT NULL THEN
            password := coalesce(regexp_replace(m[3], '\\(.)', '\1', 'g'), m[5]);
            dsn_without_password := btrim(regexp_replace(
                dsn_without_password, '(^|\s)password\s*=\s*(''(\\.|[^''\\])*''|\S+)', ' '));
        END IF;
    END IF;
    password := nullif(password, '');
END
$_$;


ALTER FUNCTION identity.split_dsn_password(dsn text, OUT dsn_without_password text, OUT password text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION split_dsn_password(dsn text, OUT dsn_without_password text, OUT password text); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.split_dsn_password(dsn text, OUT dsn_without_password text, OUT password text) IS 'Split a libpq connection string (URI or key=value) into the string without its password, and the password.';


--
-- Name: tg_api_keys__check_roles(); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.tg_api_keys__check_roles() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    IF EXISTS (SELECT FROM unnest(NEW.roles) r
                WHERE NOT EXISTS (SELECT FROM identity.api_key_roles k WHERE k.role = r)) THEN
        RAISE EXCEPTION 'roles must be a non-empty subset of {%}',
                        (SELECT string_agg(DISTINCT k.role, ', ') FROM identity.api_key_roles k)
            USING ERRCODE = '22023', HINT = 'API-key roles are the rows of identity.api_key_roles.';
    END IF;
    RETURN NEW;
END
$$;


ALTER FUNCTION identity.tg_api_keys__check_roles() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION tg_api_keys__check_roles(); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.tg_api_keys__check_roles() IS 'Trigger: every role of an API key is a row of identity.api_key_roles.';


--
-- Name: tg_api_keys__keep_updated_at(); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.tg_api_keys__keep_updated_at() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    IF to_jsonb(NEW) - 'last_used_at' - 'updated_at' = to_jsonb(OLD) - 'last_used_at' - 'updated_at' THEN
        NEW.updated_at := OLD.updated_at;
    END IF;
    RETURN NEW;
END
$$;


ALTER FUNCTION identity.tg_api_keys__keep_updated_at() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION tg_api_keys__keep_updated_at(); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.tg_api_keys__keep_updated_at() IS 'Trigger: an update of last_used_at alone leaves updated_at as it was.';


--
-- Name: tg_entity__audit(); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.tg_entity__audit() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    rtype   constant text := TG_ARGV[0];
    r       jsonb := to_jsonb(CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END);
    id      uuid := (r ->> 'id')::uuid;
    changed text[];
BEGIN
    IF TG_OP = 'UPDATE' THEN
        SELECT array_agg(n.key ORDER BY n.key) INTO changed
          FROM jsonb_each(r) n JOIN jsonb_each(to_jsonb(OLD)) o USING (key)
         WHERE n.value IS DISTINCT FROM o.value AND n.key <> 'updated_at';
        IF changed IS NULL THEN
            RETURN NULL;
        END IF;
    END IF;
    PERFORM identity.audit(
        'identity.' || rtype || '.' || CASE TG_OP WHEN 'INSERT' THEN 'created'
                                                  WHEN 'UPDATE' THEN 'updated'
                                                  ELSE 'deleted' END,
        rtype, id::text,
        CASE WHEN changed IS NOT NULL THEN jsonb_build_object('changed', changed)
             ELSE jsonb_build_object('name', r ->> 'name') END,
        CASE rtype WHEN 'org' THEN id ELSE (r ->> 'org_id')::uuid END,
        CASE rtype WHEN 'project' THEN id END);
    RETURN NULL;
END
$$;


ALTER FUNCTION identity.tg_entity__audit() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION tg_entity__audit(); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.tg_entity__audit() IS 'Trigger: an audit event for each organization or project created, changed or deleted (argument: org or project).';


--
-- Name: tg_entity__sync_principal(); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.tg_entity__sync_principal() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    row_json jsonb;
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM identity.principals WHERE id = OLD.id;
        RETURN OLD;
    END IF;
    row_json := to_jsonb(NEW);
    IF TG_OP = 'INSERT' THEN
        INSERT INTO identity.principals (id, type, name, disabled_at)
        VALUES (NEW.id, TG_ARGV[0], row_json ->> TG_ARGV[1],
                (row_json ->> 'disabled_at')::timestamptz);
    ELSE
        UPDATE identity.principals
           SET name = row_json ->> TG_ARGV[1],
               disabled_at = (row_json ->> 'disabled_at')::timestamptz
         WHERE id = NEW.id
           AND (name, disabled_at) IS DISTINCT FROM
               (row_json ->> TG_ARGV[1], (row_json ->> 'disabled_at')::timestamptz);
    END IF;
    RETURN NEW;
END
$$;


ALTER FUNCTION identity.tg_entity__sync_principal() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION tg_entity__sync_principal(); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.tg_entity__sync_principal() IS 'Trigger: keeps the principal of a user, organization or service account in step with it.';


--
-- Name: tg_org_memberships__keep_an_owner(); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.tg_org_memberships__keep_an_owner() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    IF OLD.role = 'owner'
       AND EXISTS (SELECT FROM identity.organizations o WHERE o.id = OLD.org_id)
       AND NOT EXISTS (SELECT FROM identity.org_memberships m
                        WHERE m.org_id = OLD.org_id AND m.role = 'owner') THEN
        RAISE EXCEPTION 'organization % must keep at least one owner', OLD.org_id
            USING ERRCODE = '23514',
                  HINT = 'Make another member owner first.';
    END IF;
    RETURN NULL;
END
$$;


ALTER FUNCTION identity.tg_org_memberships__keep_an_owner() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION tg_org_memberships__keep_an_owner(); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.tg_org_memberships__keep_an_owner() IS 'Trigger: refuses to leave an organization without an owner.';


--
-- Name: tg_policies__check(); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.tg_policies__check() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    scope identity.resource_scopes;
BEGIN
    IF NEW.resource_id IS NOT NULL THEN
        SELECT * INTO scope FROM identity.resource_scopes s WHERE s.resource_id = NEW.resource_id;
        IF NOT FOUND OR scope.resource_type <> NEW.resource_type THEN
            RAISE EXCEPTION 'there is no % with id %', NEW.resource_type, NEW.resource_id
                USING ERRCODE = '23503',
                      HINT = 'Grant on an existing resource, or leave resource_id empty for every resource of the type.';
        END IF;
        NEW.scope_org_id := scope.org_id;
    ELSIF NEW.project_id IS NOT NULL THEN
        SELECT s.org_id INTO NEW.scope_org_id FROM identity.resource_scopes s
         WHERE s.resource_id = NEW.project_id;
    ELSE
        NEW.scope_org_id := NEW.org_id;
    END IF;
    IF NEW.subject_role IS NOT NULL AND NEW.scope_org_id IS DISTINCT FROM NEW.subject_id THEN
        RAISE EXCEPTION 'a policy for the % role of organization % must be on a resource of that organization',
                        NEW.subject_role, NEW.subject_id
            USING ERRCODE = '22023';
    END IF;
    BEGIN
        NEW.not_before := (NEW.conditions ->> 'not_before')::timestamptz;
    EXCEPTION WHEN invalid_datetime_format OR datetime_field_overflow THEN
        RAISE EXCEPTION 'conditions.not_before must be a timestamp with time zone'
            USING ERRCODE = '22007', HINT = 'Example: {"not_before": "2026-12-01T00:00:00Z"}.';
    END;
    RETURN NEW;
END
$$;


ALTER FUNCTION identity.tg_policies__check() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION tg_policies__check(); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.tg_policies__check() IS 'Trigger: a policy''s resource must exist with its type; org-role subjects stay in their org; fills scope_org_id and not_before.';


--
-- Name: tg_projects__guard_move(); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.tg_projects__guard_move() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    caller uuid := identity.current_principal_id();
    key_id uuid := identity.current_api_key_id();
BEGIN
    IF NEW.org_id IS DISTINCT FROM OLD.org_id
       AND current_user IN ('authenticated', 'service', 'anon')
       AND NOT (identity.has_permission(caller, 'project', OLD.id, 'admin', key_id)
                AND (NEW.org_id IS NULL
                     OR identity.has_permission(caller, 'org', NEW.org_id, 'write', key_id))) THEN
        RAISE EXCEPTION 'moving project % to another organization needs admin on it and write on the destination', OLD.id
            USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END
$$;


ALTER FUNCTION identity.tg_projects__guard_move() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION tg_projects__guard_move(); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.tg_projects__guard_move() IS 'Trigger: an API caller moves a project between organizations only with admin on it and write on the destination.';


--
-- Name: tg_projects__protect_dsn(); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.tg_projects__protect_dsn() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    split record;
BEGIN
    IF NEW.neurondb_dsn IS NULL THEN
        NEW.neurondb_dsn_secret := NULL;
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.neurondb_dsn IS NOT DISTINCT FROM OLD.neurondb_dsn
       AND NEW.neurondb_dsn_secret IS NOT DISTINCT FROM OLD.neurondb_dsn_secret THEN
        RETURN NEW;
    END IF;
    split := identity.split_dsn_password(NEW.neurondb_dsn);
    NEW.neurondb_dsn := split.dsn_without_password;
    IF split.password IS NOT NULL THEN
        NEW.neurondb_dsn_secret := internal.encrypt_secret(
            split.password, 'identity.projects.neurondb_dsn:' || NEW.id);
    ELSIF TG_OP = 'UPDATE' THEN
        NEW.neurondb_dsn_secret := OLD.neurondb_dsn_secret;
    ELSE
        NEW.neurondb_dsn_secret := NULL;
    END IF;
    RETURN NEW;
END
$$;


ALTER FUNCTION identity.tg_projects__protect_dsn() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION tg_projects__protect_dsn(); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.tg_projects__protect_dsn() IS 'Trigger: takes the password out of neurondb_dsn and stores it encrypted.';


--
-- Name: tg_projects__protect_mcp_env(); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.tg_projects__protect_mcp_env() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    placeholder constant jsonb := '"[encrypted]"';
    env      jsonb := NEW.mcp_config -> 'env';
    stored   jsonb := '{}';
    secrets  jsonb;
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.mcp_config IS NOT DISTINCT FROM OLD.mcp_config
       AND NEW.mcp_env_secret IS NOT DISTINCT FROM OLD.mcp_env_secret THEN
        RETURN NEW;
    END IF;
    IF jsonb_typeof(env) IS DISTINCT FROM 'object' THEN
        NEW.mcp_env_secret := NULL;
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.mcp_env_secret IS NOT NULL THEN
        stored := internal.decrypt_secret(OLD.mcp_env_secret, 'identity.projects.mcp_env:' || OLD.id)::jsonb;
    END IF;
    SELECT jsonb_object_agg(e.key, CASE WHEN e.value = placeholder THEN stored -> e.key ELSE e.value END)
      INTO secrets
      FROM jsonb_each(env) e
     WHERE (e.value = placeholder AND stored ? e.key)
        OR (e.value <> placeholder AND identity.is_secret_env(e.key, e.value));
    -- A placeholder with nothing stored behind it is dropped.
    NEW.mcp_config := jsonb_set(NEW.mcp_config, '{env}', (
        SELECT coalesce(jsonb_object_agg(e.key, CASE WHEN secrets ? e.key
                                                     THEN placeholder ELSE e.value END), '{}')
          FROM jsonb_each(env) e
         WHERE e.value <> placeholder OR secrets ? e.key));
    NEW.mcp_env_secret := CASE WHEN secrets IS NOT NULL
                               THEN internal.encrypt_secret(secrets::text,
                                                            'identity.projects.mcp_env:' || NEW.id) END;
    RETURN NEW;
END
$$;


ALTER FUNCTION identity.tg_projects__protect_mcp_env() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION tg_projects__protect_mcp_env(); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.tg_projects__protect_mcp_env() IS 'Trigger: stores the secret-named environment variables of mcp_config encrypted, leaving "[encrypted]" in their place.';


--
-- Name: tg_resource__scope(); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.tg_resource__scope() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    rtype   constant text := TG_ARGV[0];
    r       jsonb;
    v_org   uuid;
    v_proj  uuid;
    v_owner uuid;
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM identity.resource_scopes WHERE resource_id = OLD.id;
        RETURN OLD;
    END IF;
    r := to_jsonb(NEW);
    CASE rtype
    WHEN 'org' THEN
        v_org := NEW.id;
    WHEN 'project' THEN
        v_org := (r ->> 'org_id')::uuid;
        v_proj := NEW.id;
        v_owner := (r ->> 'user_id')::uuid;
    ELSE
        v_proj := (r ->> 'project_id')::uuid;
        v_owner := (r ->> 'principal_id')::uuid;
        -- Inside a project: the project's organization, and its owner unless the
        -- resource has one of its own (an API key belongs to its principal).
        IF v_proj IS NOT NULL THEN
            SELECT s.org_id, coalesce(v_owner, s.owner_id) INTO v_org, v_owner
              FROM identity.resource_scopes s WHERE s.resource_id = v_proj;
        END IF;
        v_org := coalesce((r ->> 'org_id')::uuid, v_org);
        -- An API key of a service account sits in the account's organization.
        IF v_org IS NULL AND v_owner IS NOT NULL THEN
            SELECT s.org_id INTO v_org FROM identity.resource_scopes s WHERE s.resource_id = v_owner;
        END IF;
    END CASE;
    INSERT INTO identity.resource_scopes AS s (resource_id, resource_type, org_id, project_id, owner_id)
    VALUES (NEW.id, rtype, v_org, v_proj, v_owner)
    ON CONFLICT (resource_id) DO UPDATE
       SET org_id = EXCLUDED.org_id, project_id = EXCLUDED.project_id, owner_id = EXCLUDED.owner_id
     WHERE (s.org_id, s.project_id, s.owner_id)
           IS DISTINCT FROM (EXCLUDED.org_id, EXCLUDED.project_id, EXCLUDED.owner_id);
    -- A project that changes organization or owner takes its resources along (an API
    -- key keeps its principal as owner).
    IF rtype = 'project' AND TG_OP = 'UPDATE' THEN
        UPDATE identity.resource_scopes s
           SET org_id = v_org,
               owner_id = CASE WHEN s.resource_type = 'api_key' THEN s.owner_id ELSE v_owner END
         WHERE s.project_id = NEW.id AND s.resource_id <> NEW.id
           AND (s.org_id IS DISTINCT FROM v_org
                OR (s.resource_type <> 'api_key' AND s.owner_id IS DISTINCT FROM v_owner));
    END IF;
    RETURN NEW;
END
$$;


ALTER FUNCTION identity.tg_resource__scope() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION tg_resource__scope(); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.tg_resource__scope() IS 'Trigger: keeps identity.resource_scopes in step with a resource table (argument: the resource type).';


--
-- Name: tg_resource_scopes__drop_policies(); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.tg_resource_scopes__drop_policies() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    DELETE FROM identity.policies p WHERE p.resource_id = OLD.resource_id;
    RETURN NULL;
END
$$;


ALTER FUNCTION identity.tg_resource_scopes__drop_policies() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION tg_resource_scopes__drop_policies(); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.tg_resource_scopes__drop_policies() IS 'Trigger: deletes the policies on a resource that no longer exists.';


--
-- Name: visible_user_ids(uuid); Type: FUNCTION; Schema: identity; Owner: neuronplane_owner
--

CREATE FUNCTION identity.visible_user_ids(principal_id uuid) RETURNS uuid[]
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
BEGIN
    RETURN (SELECT array_agg(DISTINCT x.id)
              FROM (SELECT $1 AS id
                     UNION ALL
                    SELECT other.user_id
                      FROM identity.org_memberships mine
                      JOIN identity.org_memberships other ON other.org_id = mine.org_id
                     WHERE mine.user_id = $1) x
             WHERE x.id IS NOT NULL);
END
$_$;


ALTER FUNCTION identity.visible_user_ids(principal_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION visible_user_ids(principal_id uuid); Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON FUNCTION identity.visible_user_ids(principal_id uuid) IS 'The principal itself and every user sharing an organization with it.';


--
-- Name: current_traceparent(); Type: FUNCTION; Schema: internal; Owner: neuronplane_owner
--

CREATE FUNCTION internal.current_traceparent() RETURNS text
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    tp text := nullif(current_setting('neuronplane.traceparent', true), '');
BEGIN
    IF tp IS NULL THEN
        BEGIN
            tp := nullif(current_setting('request.headers', true), '')::jsonb ->> 'traceparent';
        EXCEPTION WHEN invalid_text_representation THEN
            tp := NULL;
        END;
    END IF;
    tp := lower(btrim(tp));
    IF tp ~ '^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$'
       AND substr(tp, 4, 32) <> repeat('0', 32) AND substr(tp, 37, 16) <> repeat('0', 16) THEN
        RETURN tp;
    END IF;
    RETURN NULL;
END
$_$;


ALTER FUNCTION internal.current_traceparent() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION current_traceparent(); Type: COMMENT; Schema: internal; Owner: neuronplane_owner
--

COMMENT ON FUNCTION internal.current_traceparent() IS 'The W3C traceparent of the current request (neuronplane.traceparent, else PostgREST''s traceparent header), or NULL when none or malformed.';


--
-- Name: decrypt_secret(bytea, text); Type: FUNCTION; Schema: internal; Owner: neuronplane_owner
--

CREATE FUNCTION internal.decrypt_secret(ciphertext bytea, context text) RETURNS text
    LANGUAGE plpgsql STRICT
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    RETURN internal.envelope_open(ciphertext, context);
END
$$;


ALTER FUNCTION internal.decrypt_secret(ciphertext bytea, context text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION decrypt_secret(ciphertext bytea, context text); Type: COMMENT; Schema: internal; Owner: neuronplane_owner
--

COMMENT ON FUNCTION internal.decrypt_secret(ciphertext bytea, context text) IS 'The plaintext of a secret stored by internal.encrypt_secret() for the same context (internal.envelope_open()): F0000 under another master key, 39000 when altered or moved.';


--
-- Name: encrypt_secret(text, text); Type: FUNCTION; Schema: internal; Owner: neuronplane_owner
--

CREATE FUNCTION internal.encrypt_secret(plaintext text, context text) RETURNS bytea
    LANGUAGE plpgsql STRICT
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    RETURN internal.envelope_seal(plaintext, context);
END
$$;


ALTER FUNCTION internal.encrypt_secret(plaintext text, context text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION encrypt_secret(plaintext text, context text); Type: COMMENT; Schema: internal; Owner: neuronplane_owner
--

COMMENT ON FUNCTION internal.encrypt_secret(plaintext text, context text) IS 'Envelope encryption of a secret (internal.envelope_seal(): a fresh data key wrapped by the master key), bound to context.';


--
-- Name: envelope_open(bytea, text, text); Type: FUNCTION; Schema: internal; Owner: neuronplane_owner
--

CREATE FUNCTION internal.envelope_open(blob bytea, context text, previous_key_file text DEFAULT NULL::text) RETURNS text
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    path text := internal.master_key_file();
BEGIN
    IF blob IS NULL THEN
        RETURN NULL;
    END IF;
    IF path IS NULL THEN
        RAISE EXCEPTION 'no master key file is configured (neuronplane.master_key_file or neuronplane.key_file)'
            USING ERRCODE = 'F0000', HINT = 'neuronplane up configures the server''s key file.';
    END IF;
    BEGIN
        RETURN internal.envelope_open_py(blob, context,
                                         ARRAY[path] || CASE WHEN previous_key_file IS NOT NULL
                                                             THEN ARRAY[previous_key_file] ELSE '{}' END);
    EXCEPTION
        WHEN undefined_file THEN
            RAISE EXCEPTION '%', regexp_replace(SQLERRM, '^plpy\.Error: ', '')
                USING ERRCODE = '58P01', HINT = 'Restore the master key file from its backup.';
        WHEN config_file_error THEN
            RAISE EXCEPTION 'a stored secret cannot be decrypted with this master key: %',
                            regexp_replace(SQLERRM, '^plpy\.Error: ', '')
                USING ERRCODE = 'F0000',
                      HINT = 'The server reads a different master key file than the one the secret was stored under: restore that file, or rotate with the old one given as previous_key_file.';
        WHEN external_routine_invocation_exception THEN
            RAISE EXCEPTION 'a stored secret cannot be decrypted: it was altered or moved to another row'
                USING ERRCODE = '39000';
    END;
END
$$;


ALTER FUNCTION internal.envelope_open(blob bytea, context text, previous_key_file text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION envelope_open(blob bytea, context text, previous_key_file text); Type: COMMENT; Schema: internal; Owner: neuronplane_owner
--

COMMENT ON FUNCTION internal.envelope_open(blob bytea, context text, previous_key_file text) IS 'The plaintext of a value sealed by internal.envelope_seal() for context; F0000 under another master key, 39000 when altered.';


--
-- Name: envelope_open_py(bytea, text, text[]); Type: FUNCTION; Schema: internal; Owner: neuronplane_owner
--

CREATE FUNCTION internal.envelope_open_py(blob bytea, context text, key_files text[]) RETURNS text
    LANGUAGE plpython3u STRICT
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
import os
import np_envelope
import np_secrets
paths = list(key_files)
if os.path.exists(key_files[0] + ".previous"):
    paths.append(key_files[0] + ".previous")
keys = []
for path in paths:
    try:
        keys.append(np_secrets.load_key(path))
    except np_secrets.KeyError_ as exc:
        plpy.error("master key: " + str(exc), sqlstate="58P01")
try:
    wanted = np_envelope.blob_kek_id(blob)
    for key in keys:
        if np_envelope.kek_id(key) == wanted:
            return np_envelope.open_(key, blob, context)
    return np_envelope.open_(keys[0], blob, context)
except np_envelope.WrongMasterKey as exc:
    plpy.error(str(exc), sqlstate="F0000")
except np_envelope.Tampered as exc:
    plpy.error(str(exc), sqlstate="39000")
$$;


ALTER FUNCTION internal.envelope_open_py(blob bytea, context text, key_files text[]) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION envelope_open_py(blob bytea, context text, key_files text[]); Type: COMMENT; Schema: internal; Owner: neuronplane_owner
--

COMMENT ON FUNCTION internal.envelope_open_py(blob bytea, context text, key_files text[]) IS 'Opens an envelope-encrypted value with the master key it names, among key_files and the first one''s ".previous" file; use internal.envelope_open().';


--
-- Name: envelope_seal(text, text); Type: FUNCTION; Schema: internal; Owner: neuronplane_owner
--

CREATE FUNCTION internal.envelope_seal(plaintext text, context text) RETURNS bytea
    LANGUAGE plpgsql STRICT
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    path text := internal.master_key_file();
BEGIN
    IF path IS NULL THEN
        RAISE EXCEPTION 'no master key file is configured (neuronplane.master_key_file or neuronplane.key_file)'
            USING ERRCODE = 'F0000', HINT = 'neuronplane up configures the server''s key file.';
    END IF;
    BEGIN
        RETURN internal.envelope_seal_py(plaintext, context, path);
    EXCEPTION WHEN undefined_file THEN
        RAISE EXCEPTION '%', regexp_replace(SQLERRM, '^plpy\.Error: ', '')
            USING ERRCODE = '58P01', HINT = 'Restore the master key file from its backup.';
    END;
END
$$;


ALTER FUNCTION internal.envelope_seal(plaintext text, context text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION envelope_seal(plaintext text, context text); Type: COMMENT; Schema: internal; Owner: neuronplane_owner
--

COMMENT ON FUNCTION internal.envelope_seal(plaintext text, context text) IS 'Envelope encryption of a secret (fresh data key, wrapped by the master key file), bound to context.';


--
-- Name: envelope_seal_py(text, text, text); Type: FUNCTION; Schema: internal; Owner: neuronplane_owner
--

CREATE FUNCTION internal.envelope_seal_py(plaintext text, context text, key_file text) RETURNS bytea
    LANGUAGE plpython3u STRICT
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
import np_envelope
import np_secrets
try:
    key = np_secrets.load_key(key_file)
except np_secrets.KeyError_ as exc:
    plpy.error("master key: " + str(exc), sqlstate="58P01")
return np_envelope.seal(key, plaintext, context)
$$;


ALTER FUNCTION internal.envelope_seal_py(plaintext text, context text, key_file text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION envelope_seal_py(plaintext text, context text, key_file text); Type: COMMENT; Schema: internal; Owner: neuronplane_owner
--

COMMENT ON FUNCTION internal.envelope_seal_py(plaintext text, context text, key_file text) IS 'Envelope encryption under the master key in key_file; use internal.envelope_seal().';


--
-- Name: legacy_desktop_user(jsonb, text); Type: FUNCTION; Schema: internal; Owner: neuronplane_owner
--

CREATE FUNCTION internal.legacy_desktop_user(desktop_users jsonb, ref text, OUT user_id uuid, OUT legacy_id text, OUT is_account_merge boolean) RETURNS record
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT m.new_id, m.legacy_id, m.is_account_merge
      FROM identity.legacy_id_map m
     WHERE m.source_system = 'neurondesktop' AND m.source_table = 'users'
       AND (m.legacy_id = ref
            OR m.legacy_id IN (SELECT u.id
                                 FROM jsonb_to_recordset(coalesce(desktop_users, '[]')) AS u(id text, username text)
                                WHERE u.username = ref))
     ORDER BY m.legacy_id = ref DESC
     LIMIT 1
$$;


ALTER FUNCTION internal.legacy_desktop_user(desktop_users jsonb, ref text, OUT user_id uuid, OUT legacy_id text, OUT is_account_merge boolean) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION legacy_desktop_user(desktop_users jsonb, ref text, OUT user_id uuid, OUT legacy_id text, OUT is_account_merge boolean); Type: COMMENT; Schema: internal; Owner: neuronplane_owner
--

COMMENT ON FUNCTION internal.legacy_desktop_user(desktop_users jsonb, ref text, OUT user_id uuid, OUT legacy_id text, OUT is_account_merge boolean) IS 'The imported user a NeuronDesktop user reference (an id, or else an exact username) stands for, if any.';


--
-- Name: legacy_free_id(text); Type: FUNCTION; Schema: internal; Owner: neuronplane_owner
--

CREATE FUNCTION internal.legacy_free_id(candidate text) RETURNS uuid
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    v_id uuid;
BEGIN
    IF candidate ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
        v_id := candidate::uuid;
        IF NOT EXISTS (SELECT FROM identity.principals p WHERE p.id = v_id)
           AND NOT EXISTS (SELECT FROM identity.resource_scopes s WHERE s.resource_id = v_id)
           AND NOT EXISTS (SELECT FROM identity.projects p WHERE p.id = v_id)
           AND NOT EXISTS (SELECT FROM identity.api_keys k WHERE k.id = v_id)
           AND NOT EXISTS (SELECT FROM identity.legacy_id_map m WHERE m.new_id = v_id) THEN
            RETURN v_id;
        END IF;
    END IF;
    RETURN gen_random_uuid();
END
$_$;


ALTER FUNCTION internal.legacy_free_id(candidate text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION legacy_free_id(candidate text); Type: COMMENT; Schema: internal; Owner: neuronplane_owner
--

COMMENT ON FUNCTION internal.legacy_free_id(candidate text) IS 'The legacy id as a uuid when it is one and unused, a new random uuid otherwise.';


--
-- Name: legacy_free_name(text, text); Type: FUNCTION; Schema: internal; Owner: neuronplane_owner
--

CREATE FUNCTION internal.legacy_free_name(candidate text, kind text) RETURNS text
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    base   text := left(regexp_replace(regexp_replace(coalesce(candidate, ''), '[^A-Za-z0-9._-]+', '-', 'g'),
                                       '^[^A-Za-z0-9]+', ''), 63);
    result text;
    n      integer := 1;
BEGIN
    IF base = '' THEN
        base := CASE kind WHEN 'user' THEN 'user' ELSE 'service-account' END;
    END IF;
    result := base;
    LOOP
        IF kind = 'user' THEN
            EXIT WHEN NOT EXISTS (SELECT FROM identity.users u
                                   WHERE u.username OPERATOR(extensions.=) result::extensions.citext);
        ELSE
            EXIT WHEN NOT EXISTS (SELECT FROM identity.service_accounts s
                                   WHERE s.org_id IS NULL AND s.project_id IS NULL
                                     AND lower(s.name) = lower(result));
        END IF;
        n := n + 1;
        result := left(base, 62 - length(n::text)) || '-' || n;
    END LOOP;
    RETURN result;
END
$$;


ALTER FUNCTION internal.legacy_free_name(candidate text, kind text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION legacy_free_name(candidate text, kind text); Type: COMMENT; Schema: internal; Owner: neuronplane_owner
--

COMMENT ON FUNCTION internal.legacy_free_name(candidate text, kind text) IS 'A valid, unused username (kind user) or platform service account name (kind service_account) made from a legacy name.';


--
-- Name: legacy_free_project_name(uuid, text); Type: FUNCTION; Schema: internal; Owner: neuronplane_owner
--

CREATE FUNCTION internal.legacy_free_project_name(owner_id uuid, candidate text) RETURNS text
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    base   text := left(coalesce(nullif(btrim(candidate), ''), 'Profile'), 200);
    result text := base;
    n      integer := 1;
BEGIN
    WHILE EXISTS (SELECT FROM identity.projects p
                   WHERE coalesce(p.org_id, p.user_id) = owner_id AND lower(p.name) = lower(result)) LOOP
        n := n + 1;
        result := left(base, 197 - length(n::text)) || ' (' || n || ')';
    END LOOP;
    RETURN result;
END
$$;


ALTER FUNCTION internal.legacy_free_project_name(owner_id uuid, candidate text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION legacy_free_project_name(owner_id uuid, candidate text); Type: COMMENT; Schema: internal; Owner: neuronplane_owner
--

COMMENT ON FUNCTION internal.legacy_free_project_name(owner_id uuid, candidate text) IS 'A project name made from a legacy profile name, unused by this owner whatever the case.';


--
-- Name: legacy_import_key(text, uuid, text, uuid, text, text, text[], integer, timestamp with time zone, timestamp with time zone, timestamp with time zone, timestamp with time zone, text, text[]); Type: FUNCTION; Schema: internal; Owner: neuronplane_owner
--

CREATE FUNCTION internal.legacy_import_key(legacy_id text, principal_id uuid, principal_type text, project_id uuid, name text, key_hash text, roles text[], rate_limit integer, expires_at timestamp with time zone, revoked_at timestamp with time zone, last_used_at timestamp with time zone, created_at timestamp with time zone, revoke_because text, notes text[], OUT new_id uuid, OUT outcome text, OUT reason text, OUT is_live boolean) RETURNS record
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    digest   bytea := internal.legacy_key_digest(key_hash);
    v_prefix text;
    revoked timestamptz := revoked_at;
    limit_  integer := rate_limit;
BEGIN
    IF revoked IS NOT NULL THEN
        notes := notes || format('revoked in the legacy system on %s', to_char(revoked AT TIME ZONE 'UTC', 'YYYY-MM-DD'));
    END IF;
    IF digest IS NULL THEN
        notes := notes || format('imported revoked: its %s hash cannot be checked against the SHA-256 the unified model keeps; issue a new key',
                                 CASE WHEN key_hash ~ '^\$2[abxy]?\$' THEN 'bcrypt' ELSE 'unrecognised' END);
        revoked := coalesce(revoked, now());
    END IF;
    IF revoke_because IS NOT NULL THEN
        notes := notes || ('imported revoked: ' || revoke_because);
        revoked := coalesce(revoked, now());
    END IF;

    IF digest IS NOT NULL THEN
        v_prefix := encode(substr(digest, 1, 6), 'hex');
        IF EXISTS (SELECT FROM identity.api_keys k WHERE k.prefix = v_prefix) THEN
            outcome := 'skipped';
            reason := format('a key with prefix %s exists already (the same key imported twice?)', v_prefix);
            RETURN;
        END IF;
    ELSE
        v_prefix := encode(extensions.gen_random_bytes(6), 'hex');
    END IF;
    IF revoked IS NULL THEN
        notes := notes || format('live: its SHA-256 digest is kept, prefix %s', v_prefix);
        IF expires_at <= now() THEN
            notes := notes || format('expired on %s', to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'));
        END IF;
    END IF;

    IF limit_ IS NULL OR limit_ < 1 THEN
        limit_ := identity.default_rate_limit_per_min();
        notes := notes || format('rate limit %s unusable: the default, %s per minute, applies',
                                 coalesce(rate_limit::text, 'NULL'), limit_);
    ELSIF limit_ > 1000000 THEN
        limit_ := 1000000;
        notes := notes || 'rate limit lowered to 1000000 per minute, the most the unified model allows'::text;
    END IF;

    new_id := internal.legacy_free_id(legacy_id);
    INSERT INTO identity.api_keys (id, principal_id, principal_type, project_id, name, prefix,
                                        secret_hash, roles, rate_limit_per_min, expires_at,
                                        revoked_at, last_used_at, created_at)
    VALUES (new_id, principal_id, principal_type, project_id,
            left(coalesce(nullif(btrim(name), ''), 'legacy key'), 200), v_prefix,
            coalesce(digest, extensions.gen_random_bytes(32)), roles, limit_, expires_at,
            revoked, last_used_at, coalesce(created_at, now()));
    outcome := 'imported';
    reason := array_to_string(notes, '; ');
    is_live := revoked IS NULL;
END
$_$;


ALTER FUNCTION internal.legacy_import_key(legacy_id text, principal_id uuid, principal_type text, project_id uuid, name text, key_hash text, roles text[], rate_limit integer, expires_at timestamp with time zone, revoked_at timestamp with time zone, last_used_at timestamp with time zone, created_at timestamp with time zone, revoke_because text, notes text[], OUT new_id uuid, OUT outcome text, OUT reason text, OUT is_live boolean) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION legacy_import_key(legacy_id text, principal_id uuid, principal_type text, project_id uuid, name text, key_hash text, roles text[], rate_limit integer, expires_at timestamp with time zone, revoked_at timestamp with time zone, last_used_at timestamp with time zone, created_at timestamp with time zone, revoke_because text, notes text[], OUT new_id uuid, OUT outcome text, OUT reason text, OUT is_live boolean); Type: COMMENT; Schema: internal; Owner: neuronplane_owner
--

COMMENT ON FUNCTION internal.legacy_import_key(legacy_id text, principal_id uuid, principal_type text, project_id uuid, name text, key_hash text, roles text[], rate_limit integer, expires_at timestamp with time zone, revoked_at timestamp with time zone, last_used_at timestamp with time zone, created_at timestamp with time zone, revoke_because text, notes text[], OUT new_id uuid, OUT outcome text, OUT reason text, OUT is_live boolean) IS 'Insert one legacy API key: live when its hash is a SHA-256 digest (prefix = the digest''s first 12 hex digits), revoked otherwise or when revoke_because says why.';


--
-- Name: legacy_key_digest(text); Type: FUNCTION; Schema: internal; Owner: neuronplane_owner
--

CREATE FUNCTION internal.legacy_key_digest(key_hash text) RETURNS bytea
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    h text := regexp_replace(btrim(coalesce(key_hash, '')), '^(sha256[:$]|\{SHA256\})', '', 'i');
BEGIN
    IF h ~ '^[0-9A-Fa-f]{64}$' THEN
        RETURN decode(lower(h), 'hex');
    END IF;
    IF h ~ '^[A-Za-z0-9+/_-]{43}=?$' THEN
        RETURN decode(translate(rtrim(h, '='), '-_', '+/') || '=', 'base64');
    END IF;
    RETURN NULL;
END
$_$;


ALTER FUNCTION internal.legacy_key_digest(key_hash text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION legacy_key_digest(key_hash text); Type: COMMENT; Schema: internal; Owner: neuronplane_owner
--

COMMENT ON FUNCTION internal.legacy_key_digest(key_hash text) IS 'The 32-byte SHA-256 digest in a legacy API key hash (hex or base64), or NULL (bcrypt, MD5, anything else).';


--
-- Name: legacy_key_roles(text[]); Type: FUNCTION; Schema: internal; Owner: neuronplane_owner
--

CREATE FUNCTION internal.legacy_key_roles(legacy_roles text[], OUT roles text[], OUT dropped text[]) RETURNS record
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT coalesce(array_agg(DISTINCT m.role ORDER BY m.role) FILTER (WHERE m.role IS NOT NULL),
                    ARRAY['viewer']),
           array_agg(DISTINCT m.legacy ORDER BY m.legacy) FILTER (WHERE m.role IS NULL)
      FROM (SELECT r AS legacy,
                   CASE lower(btrim(r))
                       WHEN 'admin' THEN 'admin'
                       WHEN 'user' THEN 'member' WHEN 'member' THEN 'member' WHEN 'write' THEN 'member'
                       WHEN 'viewer' THEN 'viewer' WHEN 'read' THEN 'viewer' WHEN 'readonly' THEN 'viewer'
                       WHEN 'service' THEN 'service'
                   END AS role
              FROM unnest(coalesce(legacy_roles, ARRAY[]::text[])) AS r) AS m
$$;


ALTER FUNCTION internal.legacy_key_roles(legacy_roles text[], OUT roles text[], OUT dropped text[]) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION legacy_key_roles(legacy_roles text[], OUT roles text[], OUT dropped text[]); Type: COMMENT; Schema: internal; Owner: neuronplane_owner
--

COMMENT ON FUNCTION internal.legacy_key_roles(legacy_roles text[], OUT roles text[], OUT dropped text[]) IS 'Unified API-key roles for legacy roles (admin; user/member/write = member; viewer/read/readonly = viewer; service), and the roles dropped. No known role: viewer.';


--
-- Name: legacy_mcp_config(jsonb); Type: FUNCTION; Schema: internal; Owner: neuronplane_owner
--

CREATE FUNCTION internal.legacy_mcp_config(config jsonb, OUT mcp_config jsonb, OUT notes text[]) RETURNS record
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    secret_env text[];
BEGIN
    mcp_config := config;
    IF jsonb_typeof(mcp_config) = 'null' THEN
        mcp_config := NULL;
    END IF;
    IF jsonb_typeof(mcp_config) = 'string' THEN
        BEGIN
            mcp_config := (mcp_config #>> '{}')::jsonb;
            notes := notes || 'mcp_config was JSON encoded twice: decoded'::text;
        EXCEPTION WHEN invalid_text_representation THEN
            NULL;  -- left as it is; refused below
        END;
    END IF;
    IF jsonb_typeof(mcp_config -> 'env') = 'object' THEN
        SELECT array_agg(e.key ORDER BY e.key) INTO secret_env
          FROM jsonb_each(mcp_config -> 'env') AS e
         WHERE identity.is_secret_env(e.key, e.value);
        IF secret_env IS NOT NULL THEN
            notes := notes || format('mcp_config env %s stored encrypted (shown as "[encrypted]")',
                                     array_to_string(secret_env, ', '));
        END IF;
    END IF;
    IF jsonb_typeof(mcp_config -> 'args') = 'array'
       AND EXISTS (SELECT FROM jsonb_array_elements(mcp_config -> 'args') a
                    WHERE jsonb_typeof(a) = 'string'
                      AND (identity.split_dsn_password(a #>> '{}')).password IS NOT NULL) THEN
        mcp_config := NULL;
        notes := notes || 'mcp_config not imported: an argument holds a DSN password; set it again without one'::text;
    ELSIF NOT identity.is_valid_mcp_config(mcp_config) THEN
        mcp_config := NULL;
        notes := notes || 'mcp_config not imported: it is not {"command": string, "args": [string], "env": {name: string}}; set it again'::text;
    END IF;
END
$$;


ALTER FUNCTION internal.legacy_mcp_config(config jsonb, OUT mcp_config jsonb, OUT notes text[]) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION legacy_mcp_config(config jsonb, OUT mcp_config jsonb, OUT notes text[]); Type: COMMENT; Schema: internal; Owner: neuronplane_owner
--

COMMENT ON FUNCTION internal.legacy_mcp_config(config jsonb, OUT mcp_config jsonb, OUT notes text[]) IS 'A legacy mcp_config made acceptable (decoded if encoded twice) or NULL, with notes on what changed and which env entries will be stored encrypted.';


--
-- Name: legacy_rows(text, text, text[]); Type: FUNCTION; Schema: internal; Owner: neuronplane_owner
--

CREATE FUNCTION internal.legacy_rows(schema_name text, table_name text, required text[]) RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    rel     oid;
    kind    "char";
    missing text[];
    result  jsonb;
BEGIN
    SELECT c.oid, c.relkind INTO rel, kind
      FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = schema_name AND c.relname = table_name;
    IF rel IS NULL THEN
        RAISE EXCEPTION 'legacy table %.% does not exist', schema_name, table_name
            USING ERRCODE = '42P01',
                  HINT = 'Restore the legacy tables into that schema, or pass NULL for the system you do not import (docs/legacy-migration.md).';
    END IF;
    IF kind NOT IN ('r', 'p') THEN
        RAISE EXCEPTION '%.% is not a table', schema_name, table_name
            USING ERRCODE = '42809',
                  HINT = 'The import reads plain tables only: restore the table''s data, not a view or foreign table.';
    END IF;
    SELECT array_agg(r.col ORDER BY r.n) INTO missing
      FROM unnest(required) WITH ORDINALITY AS r(col, n)
     WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_attribute a
                        WHERE a.attrelid = rel AND a.attname = r.col
                          AND a.attnum > 0 AND NOT a.attisdropped);
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'legacy table %.% lacks column(s) %', schema_name, table_name,
                        array_to_string(missing, ', ')
            USING ERRCODE = '42703',
                  HINT = 'docs/legacy-migration.md lists the columns the import needs.';
    END IF;
    EXECUTE format('SELECT coalesce(jsonb_agg(to_jsonb(t)), ''[]'') FROM %I.%I AS t',
                   schema_name, table_name)
       INTO result;
    RETURN result;
END
$$;


ALTER FUNCTION internal.legacy_rows(schema_name text, table_name text, required text[]) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION legacy_rows(schema_name text, table_name text, required text[]); Type: COMMENT; Schema: internal; Owner: neuronplane_owner
--

COMMENT ON FUNCTION internal.legacy_rows(schema_name text, table_name text, required text[]) IS 'The rows of a legacy table as a JSON array; raises 42P01, 42809 or 42703 when it is missing, not a plain table, or lacks a required column.';


--
-- Name: legacy_slug(text); Type: FUNCTION; Schema: internal; Owner: neuronplane_owner
--

CREATE FUNCTION internal.legacy_slug(name text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT coalesce(nullif(rtrim(left(btrim(regexp_replace(lower(coalesce(name, '')), '[^a-z0-9]+', '-', 'g'),
                                            '-'), 63), '-'), ''), 'org')
$$;


ALTER FUNCTION internal.legacy_slug(name text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION legacy_slug(name text); Type: COMMENT; Schema: internal; Owner: neuronplane_owner
--

COMMENT ON FUNCTION internal.legacy_slug(name text) IS 'A valid organization slug from a legacy name: lower case, runs of other characters as "-".';


--
-- Name: master_key_file(); Type: FUNCTION; Schema: internal; Owner: neuronplane_owner
--

CREATE FUNCTION internal.master_key_file() RETURNS text
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT coalesce(nullif(current_setting('neuronplane.master_key_file', true), ''),
                    nullif(current_setting('neuronplane.key_file', true), ''))
$$;


ALTER FUNCTION internal.master_key_file() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION master_key_file(); Type: COMMENT; Schema: internal; Owner: neuronplane_owner
--

COMMENT ON FUNCTION internal.master_key_file() IS 'Path of the master key file of envelope encryption: neuronplane.master_key_file, else neuronplane.key_file.';


--
-- Name: tg_check_constraints(); Type: FUNCTION; Schema: internal; Owner: neuronplane_owner
--

CREATE FUNCTION internal.tg_check_constraints() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    c record;
    passes boolean;
    v_row jsonb := to_jsonb(NEW);
BEGIN
    FOR c IN SELECT a.attname FROM pg_attribute a
              WHERE a.attrelid = TG_RELID AND a.attnum > 0 AND NOT a.attisdropped
                AND a.attnotnull AND a.attgenerated = ''
              ORDER BY a.attnum LOOP
        IF v_row ->> c.attname IS NULL THEN
            RAISE EXCEPTION 'null value in column "%" of relation "%" violates not-null constraint',
                            c.attname, TG_TABLE_NAME
                USING ERRCODE = '23502', COLUMN = c.attname, TABLE = TG_TABLE_NAME,
                      SCHEMA = TG_TABLE_SCHEMA;
        END IF;
    END LOOP;
    FOR c IN SELECT k.conname, pg_get_expr(k.conbin, k.conrelid) AS expr
               FROM pg_constraint k
              WHERE k.conrelid = TG_RELID AND k.contype = 'c' AND k.convalidated
              ORDER BY k.conname LOOP
        EXECUTE format('SELECT (%s) IS NOT FALSE FROM (SELECT ($1).*) AS t', c.expr)
           INTO passes USING NEW;
        IF NOT passes THEN
            RAISE EXCEPTION 'new row for relation "%" violates check constraint "%"',
                            TG_TABLE_NAME, c.conname
                USING ERRCODE = '23514', CONSTRAINT = c.conname, TABLE = TG_TABLE_NAME,
                      SCHEMA = TG_TABLE_SCHEMA,
                      HINT = 'The function''s documentation (COMMENT) lists what it accepts.';
        END IF;
    END LOOP;
    RETURN NEW;
END
$_$;


ALTER FUNCTION internal.tg_check_constraints() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION tg_check_constraints(); Type: COMMENT; Schema: internal; Owner: neuronplane_owner
--

COMMENT ON FUNCTION internal.tg_check_constraints() IS 'Trigger: the table''s NOT NULL and CHECK constraints, raised without the row image PostgreSQL would put in DETAIL for a role that bypasses RLS.';


--
-- Name: tg_set_updated_at(); Type: FUNCTION; Schema: internal; Owner: neuronplane_owner
--

CREATE FUNCTION internal.tg_set_updated_at() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    NEW.created_at := OLD.created_at;
    NEW.updated_at := now();
    RETURN NEW;
END
$$;


ALTER FUNCTION internal.tg_set_updated_at() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION tg_set_updated_at(); Type: COMMENT; Schema: internal; Owner: neuronplane_owner
--

COMMENT ON FUNCTION internal.tg_set_updated_at() IS 'Trigger: sets updated_at on UPDATE and keeps created_at.';


--
-- Name: add_usage(uuid, uuid, bigint, bigint, bigint, bigint, bigint); Type: FUNCTION; Schema: ops; Owner: neuronplane_owner
--

CREATE FUNCTION ops.add_usage(project_id uuid, api_key_id uuid, requests bigint DEFAULT 0, errors bigint DEFAULT 0, llm_calls bigint DEFAULT 0, tokens_in bigint DEFAULT 0, tokens_out bigint DEFAULT 0) RETURNS void
    LANGUAGE sql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
    INSERT INTO ops.usage_counters AS u (project_id, day, api_key_id, requests, errors, llm_calls,
                                         tokens_in, tokens_out)
    VALUES ($1, (now() AT TIME ZONE 'UTC')::date, $2, $3, $4, $5, $6, $7)
    ON CONFLICT (project_id, day, api_key_id) DO UPDATE
       SET requests = u.requests + excluded.requests, errors = u.errors + excluded.errors,
           llm_calls = u.llm_calls + excluded.llm_calls, tokens_in = u.tokens_in + excluded.tokens_in,
           tokens_out = u.tokens_out + excluded.tokens_out, updated_at = now()
$_$;


ALTER FUNCTION ops.add_usage(project_id uuid, api_key_id uuid, requests bigint, errors bigint, llm_calls bigint, tokens_in bigint, tokens_out bigint) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION add_usage(project_id uuid, api_key_id uuid, requests bigint, errors bigint, llm_calls bigint, tokens_in bigint, tokens_out bigint); Type: COMMENT; Schema: ops; Owner: neuronplane_owner
--

COMMENT ON FUNCTION ops.add_usage(project_id uuid, api_key_id uuid, requests bigint, errors bigint, llm_calls bigint, tokens_in bigint, tokens_out bigint) IS 'Add requests, errors, LLM calls and tokens to a project''s counters of today (UTC).';


--
-- Name: db_health_snapshot(); Type: FUNCTION; Schema: ops; Owner: neuronplane_monitor
--

CREATE FUNCTION ops.db_health_snapshot() RETURNS TABLE(server_version text, started_at timestamp with time zone, uptime interval, database_name name, database_size_bytes bigint, connections integer, max_connections integer, connections_by_state jsonb, cache_hit_ratio numeric, commits bigint, rollbacks bigint, deadlocks bigint, longest_transaction_seconds numeric, is_replica boolean, replicas integer, replication_lag_seconds numeric, xid_age bigint, xid_wraparound_headroom bigint, checked_at timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    PERFORM ops.require_monitor_access();
    RETURN QUERY
    SELECT current_setting('server_version'),
           pg_postmaster_start_time(),
           date_trunc('second', now() - pg_postmaster_start_time()),
           current_database(),
           pg_database_size(current_database()),
           (SELECT count(*)::integer FROM pg_stat_activity a WHERE a.backend_type = 'client backend'),
           current_setting('max_connections')::integer,
           (SELECT coalesce(jsonb_object_agg(x.state, x.n), '{}')
              FROM (SELECT coalesce(a.state, 'unknown') AS state, count(*) AS n
                      FROM pg_stat_activity a WHERE a.backend_type = 'client backend'
                     GROUP BY 1) x),
           round(d.blks_hit::numeric / nullif(d.blks_hit + d.blks_read, 0), 4),
           d.xact_commit, d.xact_rollback, d.deadlocks,
           (SELECT round(extract(epoch FROM max(now() - a.xact_start))::numeric, 3)
              FROM pg_stat_activity a WHERE a.xact_start IS NOT NULL AND a.pid <> pg_backend_pid()),
           pg_is_in_recovery(),
           (SELECT count(*)::integer FROM pg_stat_replication),
           -- On a primary: the largest replay lag of its standbys; on a standby: how far
           -- its replay is behind (time since the last replayed commit).
           CASE WHEN pg_is_in_recovery()
                THEN round(extract(epoch FROM now() - pg_last_xact_replay_timestamp())::numeric, 3)
                ELSE (SELECT round(extract(epoch FROM max(r.replay_lag))::numeric, 3)
                        FROM pg_stat_replication r) END,
           age(db.datfrozenxid)::bigint,
           -- XIDs left before the server stops taking writes to avoid wraparound (2^31 minus
           -- the oldest unfrozen XID's age, minus the 3 million the server keeps in reserve).
           (2147483647 - 3000000 - (SELECT max(age(x.datfrozenxid)) FROM pg_database x))::bigint,
           now()
      FROM pg_stat_database d
      JOIN pg_database db ON db.oid = d.datid
     WHERE d.datname = current_database();
END
$$;


ALTER FUNCTION ops.db_health_snapshot() OWNER TO neuronplane_monitor;

--
-- Name: FUNCTION db_health_snapshot(); Type: COMMENT; Schema: ops; Owner: neuronplane_monitor
--

COMMENT ON FUNCTION ops.db_health_snapshot() IS 'Health of this server and database (version, uptime, size, connections by state, cache hit ratio, commits, rollbacks, deadlocks, longest transaction, replication, wraparound headroom); administrators only.';


--
-- Name: index_health_snapshot(); Type: FUNCTION; Schema: ops; Owner: neuronplane_monitor
--

CREATE FUNCTION ops.index_health_snapshot() RETURNS TABLE(schema_name name, table_name name, index_name name, size_bytes bigint, scans bigint, is_unique boolean, is_unused boolean, is_valid boolean, duplicate_of name[], definition text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    PERFORM ops.require_monitor_access();
    RETURN QUERY
    SELECT n.nspname, t.relname, c.relname,
           pg_relation_size(c.oid),
           coalesce(s.idx_scan, 0),
           i.indisunique,
           -- Never scanned since statistics were reset, and not enforcing a constraint.
           coalesce(s.idx_scan, 0) = 0 AND NOT i.indisunique AND NOT i.indisprimary
               AND NOT EXISTS (SELECT FROM pg_constraint k WHERE k.conindid = i.indexrelid),
           i.indisvalid AND i.indisready,
           -- Other indexes of the table with the same columns, operator classes,
           -- expressions and predicate.
           (SELECT array_agg(o.relname ORDER BY o.relname)
              FROM pg_index j JOIN pg_class o ON o.oid = j.indexrelid
             WHERE j.indrelid = i.indrelid AND j.indexrelid <> i.indexrelid
               AND j.indkey::text = i.indkey::text AND j.indclass::text = i.indclass::text
               AND j.indcollation::text = i.indcollation::text
               AND j.indoption::text = i.indoption::text
               AND o.relam = c.relam
               AND coalesce(pg_get_expr(j.indexprs, j.indrelid), '') = coalesce(pg_get_expr(i.indexprs, i.indrelid), '')
               AND coalesce(pg_get_expr(j.indpred, j.indrelid), '') = coalesce(pg_get_expr(i.indpred, i.indrelid), '')),
           pg_get_indexdef(i.indexrelid)
      FROM pg_index i
      JOIN pg_class c ON c.oid = i.indexrelid
      JOIN pg_class t ON t.oid = i.indrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_stat_all_indexes s ON s.indexrelid = i.indexrelid
     WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
       AND n.nspname NOT LIKE 'pg_temp%' AND n.nspname NOT LIKE 'pg_toast_temp%'
     ORDER BY n.nspname, t.relname, c.relname;
END
$$;


ALTER FUNCTION ops.index_health_snapshot() OWNER TO neuronplane_monitor;

--
-- Name: FUNCTION index_health_snapshot(); Type: COMMENT; Schema: ops; Owner: neuronplane_monitor
--

COMMENT ON FUNCTION ops.index_health_snapshot() IS 'Every index of this database with its size, scans, and whether it is unused, invalid or a duplicate of another; administrators only.';


--
-- Name: metrics_audit(); Type: FUNCTION; Schema: ops; Owner: neuronplane_owner
--

CREATE FUNCTION ops.metrics_audit() RETURNS TABLE(events_appended bigint, unsealed_events bigint, seal_lag_seconds double precision, last_seal_run_timestamp_seconds double precision, verification_ok integer, last_verification_timestamp_seconds double precision)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    WITH st AS (SELECT s.watermark, s.last_run_at FROM audit.sealer_state s),
    pending AS (
        SELECT count(*) AS n, min(e.occurred_at) AS oldest
          FROM audit.events e WHERE e.id > (SELECT st.watermark FROM st)),
    last_run AS (
        SELECT r.ok, r.checked_at FROM audit.verification_runs r ORDER BY r.checked_at DESC LIMIT 1)
    SELECT (SELECT coalesce(max(e.id), 0) FROM audit.events e),
           (SELECT pending.n FROM pending),
           (SELECT coalesce(extract(epoch FROM now() - pending.oldest), 0)::double precision FROM pending),
           (SELECT coalesce(extract(epoch FROM st.last_run_at), 0)::double precision FROM st),
           -- -1: never verified yet.
           coalesce((SELECT last_run.ok::integer FROM last_run), -1),
           coalesce((SELECT extract(epoch FROM last_run.checked_at)::double precision FROM last_run), 0)
$$;


ALTER FUNCTION ops.metrics_audit() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION metrics_audit(); Type: COMMENT; Schema: ops; Owner: neuronplane_owner
--

COMMENT ON FUNCTION ops.metrics_audit() IS 'For the metrics exporter: highest audit event id, events not sealed yet and the age of the oldest, last sealer run, last chain verification (1 ok, 0 failed, -1 never) and when.';


--
-- Name: metrics_auth(); Type: FUNCTION; Schema: ops; Owner: neuronplane_owner
--

CREATE FUNCTION ops.metrics_auth() RETURNS TABLE(active_sessions bigint, locked_accounts bigint, locked_addresses bigint, api_key_requests_this_minute bigint)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT (SELECT count(*) FROM auth.sessions s
             WHERE s.revoked_at IS NULL AND s.expires_at > now() AND s.idle_expires_at > now()),
           (SELECT count(*) FROM auth.account_login_failures f WHERE f.locked_until > now()),
           (SELECT count(*) FROM auth.address_login_failures f WHERE f.locked_until > now()),
           (SELECT coalesce(sum(c.request_count), 0)::bigint FROM auth.api_key_request_counts c
             WHERE c.window_start = date_trunc('minute', now()))
$$;


ALTER FUNCTION ops.metrics_auth() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION metrics_auth(); Type: COMMENT; Schema: ops; Owner: neuronplane_owner
--

COMMENT ON FUNCTION ops.metrics_auth() IS 'For the metrics exporter: live sessions, locked accounts and addresses, API-key requests in the current minute.';


--
-- Name: metrics_ingest_jobs(); Type: FUNCTION; Schema: ops; Owner: neuronplane_owner
--

CREATE FUNCTION ops.metrics_ingest_jobs() RETURNS TABLE(status text, jobs bigint, oldest_age_seconds double precision)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT s.status, count(j.id),
           coalesce(extract(epoch FROM now() - min(j.created_at)), 0)::double precision
      FROM (VALUES ('queued'), ('running'), ('succeeded'), ('failed'), ('cancelled')) s(status)
      LEFT JOIN workspace.ingest_jobs j ON j.status = s.status
     GROUP BY s.status
$$;


ALTER FUNCTION ops.metrics_ingest_jobs() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION metrics_ingest_jobs(); Type: COMMENT; Schema: ops; Owner: neuronplane_owner
--

COMMENT ON FUNCTION ops.metrics_ingest_jobs() IS 'For the metrics exporter: ingestion jobs by status, with the age of the oldest (the queue''s wait for queued).';


--
-- Name: metrics_ingest_workers(); Type: FUNCTION; Schema: ops; Owner: neuronplane_owner
--

CREATE FUNCTION ops.metrics_ingest_workers() RETURNS TABLE(workers_alive bigint, workers_stale bigint, jobs_stuck bigint, newest_heartbeat_age_seconds double precision)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT (SELECT count(*) FROM workspace.ingest_workers w
             WHERE w.stopped_at IS NULL AND w.heartbeat_at >= now() - x.stale_after),
           (SELECT count(*) FROM workspace.ingest_workers w
             WHERE w.stopped_at IS NULL AND w.heartbeat_at < now() - x.stale_after),
           -- Running, but no heartbeat for stale_after: its worker is gone or hung.
           (SELECT count(*) FROM workspace.ingest_jobs j
             WHERE j.status = 'running' AND coalesce(j.heartbeat_at, j.started_at) < now() - x.stale_after),
           coalesce((SELECT extract(epoch FROM now() - max(w.heartbeat_at))::double precision
                       FROM workspace.ingest_workers w WHERE w.stopped_at IS NULL), -1)
      FROM workspace.ingest_settings x
$$;


ALTER FUNCTION ops.metrics_ingest_workers() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION metrics_ingest_workers(); Type: COMMENT; Schema: ops; Owner: neuronplane_owner
--

COMMENT ON FUNCTION ops.metrics_ingest_workers() IS 'For the metrics exporter: ingestion workers alive and stale, running jobs without a fresh heartbeat, age of the newest heartbeat (-1: no worker).';


--
-- Name: metrics_security_events(); Type: FUNCTION; Schema: ops; Owner: neuronplane_owner
--

CREATE FUNCTION ops.metrics_security_events() RETURNS TABLE(action text, reason text, last_5m bigint)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    WITH watched(action) AS (
        VALUES ('auth.login.succeeded'), ('auth.login.failed'), ('auth.login.locked'),
               ('auth.oidc.failed'), ('auth.refresh.rotated'), ('auth.refresh.reused'),
               ('auth.csrf.refused'), ('api_key.rejected'), ('api_key.rate_limited')),
    recent AS (
        SELECT e.action, left(split_part(coalesce(e.details ->> 'reason', ''), ':', 1), 40) AS reason,
               count(*) AS n
          FROM audit.events e
         WHERE e.occurred_at > now() - interval '5 minutes'
           AND e.action IN (SELECT w.action FROM watched w)
         GROUP BY 1, 2)
    SELECT w.action, coalesce(r.reason, ''), coalesce(r.n, 0)
      FROM watched w LEFT JOIN recent r ON r.action = w.action
$$;


ALTER FUNCTION ops.metrics_security_events() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION metrics_security_events(); Type: COMMENT; Schema: ops; Owner: neuronplane_owner
--

COMMENT ON FUNCTION ops.metrics_security_events() IS 'For the metrics exporter: audit events of the last five minutes by action (logins, lockouts, OIDC failures, refreshes and reuse, CSRF and API-key refusals, 429s) and reason.';


--
-- Name: metrics_signing_keys(); Type: FUNCTION; Schema: ops; Owner: neuronplane_owner
--

CREATE FUNCTION ops.metrics_signing_keys() RETURNS TABLE(active_age_seconds double precision, active_keys bigint, next_keys bigint)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT coalesce(extract(epoch FROM now() - max(k.activated_at) FILTER (WHERE k.status = 'active')), 0)::double precision,
           count(*) FILTER (WHERE k.status = 'active'),
           count(*) FILTER (WHERE k.status = 'next')
      FROM auth.signing_keys k
$$;


ALTER FUNCTION ops.metrics_signing_keys() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION metrics_signing_keys(); Type: COMMENT; Schema: ops; Owner: neuronplane_owner
--

COMMENT ON FUNCTION ops.metrics_signing_keys() IS 'For the metrics exporter: how long the active signing key has signed, and how many keys are active and waiting (next).';


--
-- Name: record_usage(uuid, bigint, bigint, integer, uuid); Type: FUNCTION; Schema: ops; Owner: neuronplane_owner
--

CREATE FUNCTION ops.record_usage(project_id uuid, tokens_in bigint, tokens_out bigint, llm_calls integer DEFAULT 1, model_id uuid DEFAULT NULL::uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    caller uuid := identity.require_caller();
    key_id uuid := identity.current_api_key_id();
BEGIN
    IF project_id IS NULL OR NOT identity.has_permission(caller, 'project', project_id, 'read', key_id) THEN
        RAISE EXCEPTION 'there is no project with id %', coalesce(project_id::text, 'null')
            USING ERRCODE = '42704', COLUMN = 'project_id';
    END IF;
    IF NOT identity.has_permission(caller, 'project', project_id, 'execute', key_id) THEN
        RAISE EXCEPTION 'permission denied: reporting usage needs execute on project %', project_id
            USING ERRCODE = '42501';
    END IF;
    IF tokens_in IS NULL OR tokens_in < 0 OR tokens_in > 1000000000 THEN
        RAISE EXCEPTION 'tokens_in must be a count from 0 to 1000000000' USING ERRCODE = '22023', COLUMN = 'tokens_in';
    END IF;
    IF tokens_out IS NULL OR tokens_out < 0 OR tokens_out > 1000000000 THEN
        RAISE EXCEPTION 'tokens_out must be a count from 0 to 1000000000' USING ERRCODE = '22023', COLUMN = 'tokens_out';
    END IF;
    IF llm_calls IS NULL OR llm_calls < 0 OR llm_calls > 1000000 THEN
        RAISE EXCEPTION 'llm_calls must be a count from 0 to 1000000' USING ERRCODE = '22023', COLUMN = 'llm_calls';
    END IF;
    IF model_id IS NOT NULL AND NOT EXISTS (SELECT FROM workspace.llm_models m
                                             WHERE m.id = model_id AND m.project_id = record_usage.project_id) THEN
        RAISE EXCEPTION 'there is no LLM model with id % in project %', model_id, project_id
            USING ERRCODE = '42704', COLUMN = 'model_id';
    END IF;
    PERFORM ops.add_usage(project_id, key_id, llm_calls => llm_calls::bigint,
                          tokens_in => tokens_in, tokens_out => tokens_out);
END
$$;


ALTER FUNCTION ops.record_usage(project_id uuid, tokens_in bigint, tokens_out bigint, llm_calls integer, model_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION record_usage(project_id uuid, tokens_in bigint, tokens_out bigint, llm_calls integer, model_id uuid); Type: COMMENT; Schema: ops; Owner: neuronplane_owner
--

COMMENT ON FUNCTION ops.record_usage(project_id uuid, tokens_in bigint, tokens_out bigint, llm_calls integer, model_id uuid) IS 'What api.record_usage() does (see its comment there); only that endpoint calls it.';


--
-- Name: require_monitor_access(); Type: FUNCTION; Schema: ops; Owner: neuronplane_owner
--

CREATE FUNCTION ops.require_monitor_access() RETURNS void
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    caller uuid := identity.require_caller();
    key_id uuid := identity.current_api_key_id();
BEGIN
    IF NOT ((identity.is_platform_admin(caller) AND identity.key_allows(key_id, caller, 'admin'))
            OR cardinality(identity.permitted_ids(caller, 'org', 'admin', key_id)) > 0) THEN
        RAISE EXCEPTION 'permission denied: observability is for organization and platform administrators'
            USING ERRCODE = '42501';
    END IF;
END
$$;


ALTER FUNCTION ops.require_monitor_access() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION require_monitor_access(); Type: COMMENT; Schema: ops; Owner: neuronplane_owner
--

COMMENT ON FUNCTION ops.require_monitor_access() IS 'Raises 42501 unless the caller is a platform administrator or an owner/admin of an organization.';


--
-- Name: tg_api_key_rejections__usage(); Type: FUNCTION; Schema: ops; Owner: neuronplane_owner
--

CREATE FUNCTION ops.tg_api_key_rejections__usage() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    v_key     uuid;
    v_project uuid;
BEGIN
    IF NEW.subject ~ '^api_key:[0-9a-f-]{36}$' THEN
        v_key := substr(NEW.subject, 9)::uuid;
        SELECT k.project_id INTO v_project FROM identity.api_keys k WHERE k.id = v_key;
        IF v_project IS NOT NULL THEN
            PERFORM ops.add_usage(v_project, v_key, errors => 1);
        END IF;
    END IF;
    RETURN NULL;
END
$_$;


ALTER FUNCTION ops.tg_api_key_rejections__usage() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION tg_api_key_rejections__usage(); Type: COMMENT; Schema: ops; Owner: neuronplane_owner
--

COMMENT ON FUNCTION ops.tg_api_key_rejections__usage() IS 'Trigger: a refused request naming a project''s API key counts as an error of that project.';


--
-- Name: tg_api_key_request_counts__usage(); Type: FUNCTION; Schema: ops; Owner: neuronplane_owner
--

CREATE FUNCTION ops.tg_api_key_request_counts__usage() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_project uuid;
BEGIN
    SELECT k.project_id INTO v_project FROM identity.api_keys k WHERE k.id = NEW.api_key_id;
    IF v_project IS NOT NULL THEN
        PERFORM ops.add_usage(v_project, NEW.api_key_id,
                              requests => NEW.last_taken::bigint,
                              errors => CASE WHEN NEW.last_taken = 0 THEN 1 ELSE 0 END);
    END IF;
    RETURN NULL;
END
$$;


ALTER FUNCTION ops.tg_api_key_request_counts__usage() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION tg_api_key_request_counts__usage(); Type: COMMENT; Schema: ops; Owner: neuronplane_owner
--

COMMENT ON FUNCTION ops.tg_api_key_request_counts__usage() IS 'Trigger: requests let through (and refusals, as errors) of a project''s API key go to ops.usage_counters.';


--
-- Name: workers_snapshot(); Type: FUNCTION; Schema: ops; Owner: neuronplane_monitor
--

CREATE FUNCTION ops.workers_snapshot() RETURNS TABLE(kind text, name text, state text, started_at timestamp with time zone, last_seen_at timestamp with time zone, details jsonb)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    PERFORM ops.require_monitor_access();
    RETURN QUERY
    SELECT CASE WHEN a.backend_type = 'client backend' THEN 'application' ELSE 'background_worker' END,
           coalesce(nullif(a.application_name, ''), a.backend_type),
           coalesce(a.state, 'running'),
           a.backend_start,
           greatest(a.backend_start, a.state_change, a.query_start),
           jsonb_build_object('pid', a.pid, 'backend_type', a.backend_type,
                              'database', a.datname, 'wait_event_type', a.wait_event_type,
                              'wait_event', a.wait_event)
      FROM pg_stat_activity a
     WHERE a.backend_type NOT IN ('client backend', 'walsender')
        OR (a.backend_type = 'client backend' AND a.pid <> pg_backend_pid()
            AND (a.application_name LIKE 'neuronplane%' OR a.application_name = 'postgrest'));
    RETURN QUERY
    SELECT 'scheduler_job', j.jobname::text,
           CASE WHEN NOT j.active THEN 'inactive' ELSE coalesce(r.status, 'not run yet') END,
           NULL::timestamptz,
           r.end_time,
           jsonb_build_object('jobid', j.jobid, 'schedule', j.schedule, 'database', j.database,
                              'last_start', r.start_time, 'last_end', r.end_time,
                              'last_status', r.status,
                              'failures_last_day',
                              (SELECT count(*) FROM cron.job_run_details f
                                WHERE f.jobid = j.jobid AND f.status = 'failed'
                                  AND f.start_time > now() - interval '1 day'))
      FROM cron.job j
      LEFT JOIN LATERAL (SELECT d.status, d.start_time, d.end_time FROM cron.job_run_details d
                          WHERE d.jobid = j.jobid ORDER BY d.runid DESC LIMIT 1) r ON true
     WHERE j.database = current_database();
    -- The ingestion workers, by their heartbeats: busy (on a job), idle, stale (no heartbeat
    -- for workspace.ingest_settings.stale_after: its job will be taken over) or stopped.
    RETURN QUERY
    SELECT 'ingest_worker', w.hostname || ':' || w.pid,
           CASE WHEN w.stopped_at IS NOT NULL THEN 'stopped'
                WHEN w.heartbeat_at < now() - s.stale_after THEN 'stale'
                WHEN w.current_job_id IS NOT NULL THEN 'busy'
                ELSE 'idle' END,
           w.started_at,
           w.heartbeat_at,
           jsonb_build_object('worker_id', w.worker_id, 'hostname', w.hostname, 'pid', w.pid,
                              'current_job_id', w.current_job_id, 'jobs_done', w.jobs_done,
                              'stopped_at', w.stopped_at)
      FROM workspace.ingest_workers w
     CROSS JOIN workspace.ingest_settings s
     WHERE w.stopped_at IS NULL OR w.stopped_at > now() - interval '1 day';
END
$$;


ALTER FUNCTION ops.workers_snapshot() OWNER TO neuronplane_monitor;

--
-- Name: FUNCTION workers_snapshot(); Type: COMMENT; Schema: ops; Owner: neuronplane_monitor
--

COMMENT ON FUNCTION ops.workers_snapshot() IS 'Background workers and neuronplane processes (pg_stat_activity), pg_cron jobs with their last run, and the ingestion workers'' heartbeats; administrators only.';


--
-- Name: abandoned_ingest_uploads(interval); Type: FUNCTION; Schema: workspace; Owner: neuronplane_owner
--

CREATE FUNCTION workspace.abandoned_ingest_uploads(unclaimed_after interval DEFAULT '1 day'::interval) RETURNS TABLE(upload_id uuid, path text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT u.id, u.path
      FROM workspace.ingest_uploads u
      LEFT JOIN workspace.ingest_jobs j ON j.id = u.job_id
     WHERE (u.job_id IS NOT NULL AND (j.id IS NULL OR j.status IN ('succeeded', 'failed', 'cancelled')))
        OR (u.job_id IS NULL AND u.created_at < now() - unclaimed_after)
     ORDER BY u.created_at
     LIMIT 100
$$;


ALTER FUNCTION workspace.abandoned_ingest_uploads(unclaimed_after interval) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION abandoned_ingest_uploads(unclaimed_after interval); Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON FUNCTION workspace.abandoned_ingest_uploads(unclaimed_after interval) IS 'Up to 100 uploads no job will read: their job has ended (or is gone), or no job named them within unclaimed_after. For the worker, which removes the files and forgets them.';


--
-- Name: add_embedding_column(uuid, integer, integer); Type: FUNCTION; Schema: workspace; Owner: neuronplane_owner
--

CREATE FUNCTION workspace.add_embedding_column(job_id uuid, attempt integer, dimensions integer) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    j workspace.ingest_jobs := workspace.require_ingest_attempt(job_id, attempt);
    vext name;
    typ text;
BEGIN
    IF dimensions IS NULL OR dimensions NOT BETWEEN 1 AND 16000 THEN
        RAISE EXCEPTION 'embedding dimensions must be between 1 and 16000' USING ERRCODE = '22023';
    END IF;
    SELECT n.nspname INTO vext FROM pg_catalog.pg_extension e
      JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'vector';
    typ := CASE WHEN vext IS NOT NULL THEN format('%I.vector(%s)', vext, dimensions) ELSE 'real[]' END;
    EXECUTE format('ALTER TABLE %I.%I ADD COLUMN embedding %s',
                   workspace.dataset_schema(j.project_id), workspace.staging_table(j.id), typ);
    RETURN typ;
END
$$;


ALTER FUNCTION workspace.add_embedding_column(job_id uuid, attempt integer, dimensions integer) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION add_embedding_column(job_id uuid, attempt integer, dimensions integer); Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON FUNCTION workspace.add_embedding_column(job_id uuid, attempt integer, dimensions integer) IS 'Adds column embedding (pgvector''s vector(n) where installed, else real[]) to the staging table.';


--
-- Name: add_llm_model(uuid, text, text, text, jsonb, text); Type: FUNCTION; Schema: workspace; Owner: neuronplane_owner
--

CREATE FUNCTION workspace.add_llm_model(project_id uuid, provider text, model_name text, display_name text DEFAULT NULL::text, config jsonb DEFAULT '{}'::jsonb, key text DEFAULT NULL::text) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    caller uuid := identity.require_caller();
    key_id uuid := identity.current_api_key_id();
    m workspace.llm_models;
BEGIN
    IF project_id IS NULL OR NOT identity.has_permission(caller, 'project', project_id, 'read', key_id) THEN
        RAISE EXCEPTION 'there is no project with id %', coalesce(project_id::text, 'null')
            USING ERRCODE = '42704', COLUMN = 'project_id';
    END IF;
    IF NOT identity.has_permission(caller, 'project', project_id, 'write', key_id) THEN
        RAISE EXCEPTION 'permission denied: adding a model needs write on project %', project_id
            USING ERRCODE = '42501';
    END IF;
    BEGIN
        INSERT INTO workspace.llm_models (project_id, provider, model_name, display_name, config)
        VALUES (add_llm_model.project_id, add_llm_model.provider, add_llm_model.model_name,
                add_llm_model.display_name, coalesce(add_llm_model.config, '{}'))
        RETURNING * INTO m;
    EXCEPTION WHEN unique_violation THEN
        RAISE EXCEPTION 'model_name "%" is already in this project', btrim(model_name)
            USING ERRCODE = '23505', COLUMN = 'model_name',
                  HINT = 'Set its key with set_llm_model_key, or delete it first.';
    END;
    IF key IS NOT NULL THEN
        PERFORM workspace.store_llm_model_key(m, key);
    END IF;
    RETURN m.id;
END
$$;


ALTER FUNCTION workspace.add_llm_model(project_id uuid, provider text, model_name text, display_name text, config jsonb, key text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION add_llm_model(project_id uuid, provider text, model_name text, display_name text, config jsonb, key text); Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON FUNCTION workspace.add_llm_model(project_id uuid, provider text, model_name text, display_name text, config jsonb, key text) IS 'What api.add_llm_model() does (see its comment there); only that endpoint calls it.';


--
-- Name: authorize_onboarding_probe(text, text); Type: FUNCTION; Schema: workspace; Owner: neuronplane_owner
--

CREATE FUNCTION workspace.authorize_onboarding_probe(kind text, target text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    caller uuid := identity.require_caller();
BEGIN
    IF NOT identity.is_active(caller) THEN
        RAISE EXCEPTION 'principal % is disabled or expired', caller USING ERRCODE = '42501';
    END IF;
    IF kind IS NULL OR kind NOT IN ('database', 'agent') THEN
        RAISE EXCEPTION 'kind must be database or agent' USING ERRCODE = '22023', COLUMN = 'kind';
    END IF;
    IF target IS NULL OR length(target) > 300 OR target !~ '^[^[:space:][:cntrl:]@]+$' THEN
        RAISE EXCEPTION 'target must be a host and port or a URL without credentials (at most 300 characters)'
            USING ERRCODE = '22023', COLUMN = 'target';
    END IF;
    PERFORM identity.audit('workspace.onboarding.probed', kind, target,
                           jsonb_build_object('kind', kind, 'target', target));
    RETURN jsonb_build_object('principal_id', caller);
END
$_$;


ALTER FUNCTION workspace.authorize_onboarding_probe(kind text, target text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION authorize_onboarding_probe(kind text, target text); Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON FUNCTION workspace.authorize_onboarding_probe(kind text, target text) IS 'What api.authorize_onboarding_probe() does (see its comment there); only that endpoint calls it.';


--
-- Name: begin_ingest_load(uuid, integer, jsonb); Type: FUNCTION; Schema: workspace; Owner: neuronplane_owner
--

CREATE FUNCTION workspace.begin_ingest_load(job_id uuid, attempt integer, columns jsonb) RETURNS text[]
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    j      workspace.ingest_jobs := workspace.require_ingest_attempt(job_id, attempt);
    s      name := workspace.dataset_schema(j.project_id);
    t      name := workspace.staging_table(j.id);
    names  text[] := '{}';
    defs   text[] := '{}';
    c      jsonb;
    n      text;
    base   text;
    k      integer;
    typ    text;
    i      integer := 0;
BEGIN
    IF jsonb_typeof(columns) <> 'array' OR jsonb_array_length(columns) = 0 THEN
        RAISE EXCEPTION 'the source has no columns' USING ERRCODE = '22023';
    END IF;
    IF jsonb_array_length(columns) > 1600 THEN
        RAISE EXCEPTION 'the source has % columns; a table holds at most 1600',
                        jsonb_array_length(columns) USING ERRCODE = '54011';
    END IF;
    IF j.if_exists = 'fail' AND EXISTS (
        SELECT FROM identity.datasets d
         WHERE d.project_id = j.project_id AND lower(d.name) = lower(j.dataset_name)) THEN
        RAISE EXCEPTION 'a dataset named "%" already exists in this project', j.dataset_name
            USING ERRCODE = '23505', HINT = 'Choose another dataset_name, or if_exists => replace.';
    END IF;
    PERFORM workspace.ensure_dataset_schema(j.project_id);
    FOR c IN SELECT value FROM jsonb_array_elements(columns) LOOP
        i := i + 1;
        typ := c ->> 'type';
        IF typ IS NULL OR NOT typ = ANY (workspace.ingest_column_types()) THEN
            RAISE EXCEPTION 'column % has an unsupported type %', c ->> 'name', coalesce(typ, 'null')
                USING ERRCODE = '22023';
        END IF;
        base := workspace.sanitize_identifier(c ->> 'name', 'column_' || i);
        n := base;
        k := 1;
        WHILE n = ANY (names) LOOP
            k := k + 1;
            n := left(base, 45) || '_' || k;
        END LOOP;
        names := names || n;
        defs := defs || format('%I %s', n, typ);
    END LOOP;
    EXECUTE format('CREATE TABLE %I.%I (%s)', s, t, array_to_string(defs, ', '));
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON %I.%I TO neuronplane_worker', s, t);
    RETURN names;
END
$$;


ALTER FUNCTION workspace.begin_ingest_load(job_id uuid, attempt integer, columns jsonb) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION begin_ingest_load(job_id uuid, attempt integer, columns jsonb); Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON FUNCTION workspace.begin_ingest_load(job_id uuid, attempt integer, columns jsonb) IS 'Creates the job''s staging table (sanitized, unique column names; types from workspace.ingest_column_types()) for the worker to COPY into, inside its load transaction.';


--
-- Name: cancel_ingest(uuid); Type: FUNCTION; Schema: workspace; Owner: neuronplane_owner
--

CREATE FUNCTION workspace.cancel_ingest(id uuid) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    caller uuid := identity.require_caller();
    j      workspace.ingest_jobs;
BEGIN
    SELECT * INTO j FROM workspace.ingest_jobs x WHERE x.id = cancel_ingest.id FOR UPDATE;
    IF NOT FOUND OR NOT identity.has_permission(caller, 'project', j.project_id, 'read',
                                                identity.current_api_key_id()) THEN
        RAISE EXCEPTION 'ingest job % does not exist', coalesce(id::text, 'null')
            USING ERRCODE = '42704';
    END IF;
    IF j.created_by IS DISTINCT FROM caller THEN
        PERFORM identity.require_permission('project', j.project_id, 'write');
    END IF;
    IF j.status NOT IN ('queued', 'running') THEN
        -- PT409: PostgREST answers 409 Conflict.
        RAISE EXCEPTION 'ingest job % has already finished (%)', id, j.status
            USING ERRCODE = 'PT409';
    END IF;
    UPDATE workspace.ingest_jobs x
       SET status = 'cancelled', finished_at = now(), phase = NULL,
           error = 'cancelled'
     WHERE x.id = j.id;
    PERFORM identity.audit('workspace.ingest.cancelled', 'project', j.project_id::text,
                           jsonb_build_object('job_id', j.id, 'was', j.status), NULL, j.project_id);
    PERFORM pg_catalog.pg_notify('neuronplane_ingest', j.id::text);
    RETURN j.id;
END
$$;


ALTER FUNCTION workspace.cancel_ingest(id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION cancel_ingest(id uuid); Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON FUNCTION workspace.cancel_ingest(id uuid) IS 'What api.cancel_ingest() does (see its comment there); only that endpoint calls it.';


--
-- Name: check_ingest_request(text, jsonb, text, jsonb, jsonb, jsonb, jsonb); Type: FUNCTION; Schema: workspace; Owner: neuronplane_owner
--

CREATE FUNCTION workspace.check_ingest_request(source_type text, source jsonb, format text, options jsonb, embedding jsonb, index_config jsonb, credentials jsonb) RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    url_re constant text := '^https?://[^\s/?#]+([/?#]\S*)?$';
    v jsonb;
BEGIN
    IF source_type IS NULL OR source_type NOT IN ('upload', 'url', 's3', 'github', 'huggingface') THEN
        RAISE EXCEPTION 'source_type must be upload, url, s3, github or huggingface'
            USING ERRCODE = '22023';
    END IF;
    IF format IS NULL OR format NOT IN ('auto', 'csv', 'json', 'jsonl', 'parquet') THEN
        RAISE EXCEPTION 'format must be auto, csv, json, jsonl or parquet' USING ERRCODE = '22023';
    END IF;
    CASE source_type
    WHEN 'upload' THEN
        PERFORM workspace.check_keys('source', source, ARRAY['upload_id']);
        PERFORM workspace.require_string('source', source, 'upload_id',
                                         '^[0-9a-fA-F-]{36}$');
    WHEN 'url' THEN
        PERFORM workspace.check_keys('source', source, ARRAY['url']);
        PERFORM workspace.require_string('source', source, 'url', url_re);
    WHEN 's3' THEN
        PERFORM workspace.check_keys('source', source, ARRAY['bucket', 'key', 'region', 'endpoint_url']);
        PERFORM workspace.require_string('source', source, 'bucket', '^[A-Za-z0-9._-]{1,255}$');
        PERFORM workspace.require_string('source', source, 'key');
        IF source ? 'region' THEN
            PERFORM workspace.require_string('source', source, 'region', '^[a-z0-9-]{1,40}$');
        END IF;
        IF source ? 'endpoint_url' THEN
            PERFORM workspace.require_string('source', source, 'endpoint_url', url_re);
        END IF;
    WHEN 'github' THEN
        PERFORM workspace.check_keys('source', source, ARRAY['repo', 'path', 'ref']);
        PERFORM workspace.require_string('source', source, 'repo', '^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$');
        PERFORM workspace.require_string('source', source, 'path', '^[^\s]+$');
        IF source ? 'ref' THEN
            PERFORM workspace.require_string('source', source, 'ref', '^[A-Za-z0-9_./-]+$');
        END IF;
    WHEN 'huggingface' THEN
        PERFORM workspace.check_keys('source', source, ARRAY['dataset', 'path', 'split', 'revision']);
        PERFORM workspace.require_string('source', source, 'dataset', '^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)?$');
        IF NOT (source ? 'path' OR source ? 'split') THEN
            RAISE EXCEPTION 'source.path or source.split is required for huggingface'
                USING ERRCODE = '22023';
        END IF;
        IF source ? 'path' THEN
            PERFORM workspace.require_string('source', source, 'path', '^[^\s]+$');
        END IF;
        IF source ? 'split' THEN
            PERFORM workspace.require_string('source', source, 'split', '^[A-Za-z0-9_.-]+$');
        END IF;
        IF source ? 'revision' THEN
            PERFORM workspace.require_string('source', source, 'revision', '^[A-Za-z0-9_./-]+$');
        END IF;
    END CASE;

    PERFORM workspace.check_keys('options', options,
                                 ARRAY['delimiter', 'header', 'encoding', 'quote', 'null',
                                       'column_mapping']);
    IF options ? 'delimiter' THEN
        PERFORM workspace.require_string('options', options, 'delimiter', '^[^\r\n"]$');
    END IF;
    IF options ? 'quote' THEN
        PERFORM workspace.require_string('options', options, 'quote', '^[^\r\n]$');
    END IF;
    IF options ? 'header' AND jsonb_typeof(options -> 'header') <> 'boolean' THEN
        RAISE EXCEPTION 'options.header must be true or false' USING ERRCODE = '22023';
    END IF;
    IF options ? 'null' AND jsonb_typeof(options -> 'null') <> 'string' THEN
        RAISE EXCEPTION 'options.null must be a string' USING ERRCODE = '22023';
    END IF;
    IF options ? 'encoding' AND (jsonb_typeof(options -> 'encoding') <> 'string'
                                 OR pg_catalog.pg_char_to_encoding(options ->> 'encoding') < 0) THEN
        RAISE EXCEPTION 'options.encoding is not an encoding PostgreSQL knows'
            USING ERRCODE = '22023', HINT = 'For example UTF8, LATIN1, WIN1252.';
    END IF;
    IF options ? 'column_mapping' THEN
        IF jsonb_typeof(options -> 'column_mapping') <> 'object' THEN
            RAISE EXCEPTION 'options.column_mapping must be an object {source column: new name}'
                USING ERRCODE = '22023';
        END IF;
        FOR v IN SELECT value FROM jsonb_each(options -> 'column_mapping') LOOP
            IF jsonb_typeof(v) <> 'string' THEN
                RAISE EXCEPTION 'options.column_mapping values must be strings' USING ERRCODE = '22023';
            END IF;
        END LOOP;
    END IF;

    IF embedding IS NOT NULL THEN
        PERFORM workspace.check_keys('embedding', embedding, ARRAY['model', 'text_columns', 'batch_size']);
        PERFORM workspace.require_string('embedding', embedding, 'model');
        IF jsonb_typeof(embedding -> 'text_columns') IS DISTINCT FROM 'array'
           OR jsonb_array_length(embedding -> 'text_columns') = 0
           OR EXISTS (SELECT FROM jsonb_array_elements(embedding -> 'text_columns') e
                       WHERE jsonb_typeof(e) <> 'string') THEN
            RAISE EXCEPTION 'embedding.text_columns must be a non-empty array of column names'
                USING ERRCODE = '22023';
        END IF;
        IF embedding ? 'batch_size' AND (jsonb_typeof(embedding -> 'batch_size') <> 'number'
                                         OR (embedding ->> 'batch_size')::numeric NOT BETWEEN 1 AND 4096) THEN
            RAISE EXCEPTION 'embedding.batch_size must be a number from 1 to 4096' USING ERRCODE = '22023';
        END IF;
    END IF;

    PERFORM workspace.check_keys('index_config', index_config, ARRAY['btree', 'fulltext', 'hnsw']);
    FOREACH v IN ARRAY ARRAY[index_config -> 'btree', index_config -> 'fulltext'] LOOP
        IF v IS NOT NULL AND (jsonb_typeof(v) <> 'array' OR EXISTS (
                SELECT FROM jsonb_array_elements(v) e WHERE jsonb_typeof(e) <> 'string')) THEN
            RAISE EXCEPTION 'index_config.btree and index_config.fulltext must be arrays of column names'
                USING ERRCODE = '22023';
        END IF;
    END LOOP;
    IF index_config ? 'hnsw' AND jsonb_typeof(index_config -> 'hnsw') <> 'boolean' THEN
        RAISE EXCEPTION 'index_config.hnsw must be true or false' USING ERRCODE = '22023';
    END IF;

    IF credentials IS NOT NULL THEN
        CASE source_type
        WHEN 's3' THEN
            PERFORM workspace.check_keys('credentials', credentials,
                                         ARRAY['access_key_id', 'secret_access_key', 'session_token']);
            PERFORM workspace.require_string('credentials', credentials, 'access_key_id');
            PERFORM workspace.require_string('credentials', credentials, 'secret_access_key');
        WHEN 'github', 'huggingface', 'url' THEN
            PERFORM workspace.check_keys('credentials', credentials, ARRAY['token']);
            PERFORM workspace.require_string('credentials', credentials, 'token');
        ELSE
            RAISE EXCEPTION 'credentials are not used with source_type %', source_type
                USING ERRCODE = '22023';
        END CASE;
    END IF;
END
$_$;


ALTER FUNCTION workspace.check_ingest_request(source_type text, source jsonb, format text, options jsonb, embedding jsonb, index_config jsonb, credentials jsonb) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION check_ingest_request(source_type text, source jsonb, format text, options jsonb, embedding jsonb, index_config jsonb, credentials jsonb); Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON FUNCTION workspace.check_ingest_request(source_type text, source jsonb, format text, options jsonb, embedding jsonb, index_config jsonb, credentials jsonb) IS 'Validates the arguments of api.start_ingest(); 22023 naming the field otherwise.';


--
-- Name: check_keys(text, jsonb, text[]); Type: FUNCTION; Schema: workspace; Owner: neuronplane_owner
--

CREATE FUNCTION workspace.check_keys(field text, obj jsonb, allowed text[]) RETURNS void
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    k text;
BEGIN
    IF obj IS NULL OR jsonb_typeof(obj) <> 'object' THEN
        RAISE EXCEPTION '% must be a JSON object', field USING ERRCODE = '22023';
    END IF;
    FOR k IN SELECT jsonb_object_keys(obj) LOOP
        IF NOT k = ANY (allowed) THEN
            RAISE EXCEPTION '%: unknown key "%"', field, k
                USING ERRCODE = '22023', HINT = 'Allowed: ' || array_to_string(allowed, ', ') || '.';
        END IF;
    END LOOP;
END
$$;


ALTER FUNCTION workspace.check_keys(field text, obj jsonb, allowed text[]) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION check_keys(field text, obj jsonb, allowed text[]); Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON FUNCTION workspace.check_keys(field text, obj jsonb, allowed text[]) IS 'Raises 22023 naming field and key unless obj is an object with only allowed keys.';


--
-- Name: claim_ingest_job(uuid); Type: FUNCTION; Schema: workspace; Owner: neuronplane_owner
--

CREATE FUNCTION workspace.claim_ingest_job(worker_id uuid) RETURNS TABLE(job_id uuid, attempt integer, project_id uuid, dataset_name text, if_exists text, source_type text, source jsonb, format text, options jsonb, embedding jsonb, index_config jsonb, target_schema name, credentials jsonb, upload_path text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    cfg workspace.ingest_settings;
    j   workspace.ingest_jobs;
BEGIN
    SELECT * INTO cfg FROM workspace.ingest_settings;
    UPDATE workspace.ingest_workers w SET heartbeat_at = now(), current_job_id = NULL
     WHERE w.worker_id = claim_ingest_job.worker_id;

    WITH dead AS (
        SELECT x.id FROM workspace.ingest_jobs x
         WHERE x.status = 'running' AND x.heartbeat_at < now() - cfg.stale_after
           AND x.attempt >= cfg.max_attempts
           FOR UPDATE SKIP LOCKED)
    UPDATE workspace.ingest_jobs x
       SET status = 'failed', finished_at = now(), phase = NULL,
           error = format('the worker stopped responding %s times; giving up', x.attempt)
      FROM dead WHERE x.id = dead.id;

    SELECT * INTO j FROM workspace.ingest_jobs x
     WHERE x.status = 'queued'
        OR (x.status = 'running' AND x.heartbeat_at < now() - cfg.stale_after)
     ORDER BY x.created_at
     LIMIT 1
       FOR UPDATE SKIP LOCKED;
    IF NOT FOUND THEN
        RETURN;
    END IF;

    UPDATE workspace.ingest_jobs x
       SET status = 'running', worker_id = claim_ingest_job.worker_id,
           attempt = x.attempt + 1, heartbeat_at = now(),
           started_at = coalesce(x.started_at, now()), phase = 'load',
           rows_done = 0, bytes_done = 0, embed_done = 0, error = NULL
     WHERE x.id = j.id
    RETURNING * INTO j;
    UPDATE workspace.ingest_workers w SET current_job_id = j.id
     WHERE w.worker_id = claim_ingest_job.worker_id;

    job_id := j.id;
    attempt := j.attempt;
    project_id := j.project_id;
    dataset_name := j.dataset_name;
    if_exists := j.if_exists;
    source_type := j.source_type;
    source := j.source;
    format := j.format;
    options := j.options;
    embedding := j.embedding;
    index_config := j.index_config;
    target_schema := workspace.dataset_schema(j.project_id);
    credentials := CASE WHEN j.credentials_secret IS NOT NULL THEN
        internal.decrypt_secret(j.credentials_secret,
                                'workspace.ingest_jobs.credentials:' || j.id)::jsonb END;
    SELECT u.path INTO upload_path FROM workspace.ingest_uploads u WHERE u.job_id = j.id;
    RETURN NEXT;
END
$$;


ALTER FUNCTION workspace.claim_ingest_job(worker_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION claim_ingest_job(worker_id uuid); Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON FUNCTION workspace.claim_ingest_job(worker_id uuid) IS 'The next queued (or abandoned) job, locked with SKIP LOCKED and handed to this worker with a new attempt number, with its decrypted credentials. Definer: reads secrets the worker role cannot.';


--
-- Name: count_ingest_workers(); Type: FUNCTION; Schema: workspace; Owner: neuronplane_owner
--

CREATE FUNCTION workspace.count_ingest_workers() RETURNS integer
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT count(*)::integer
      FROM workspace.ingest_workers w
     CROSS JOIN workspace.ingest_settings s
     WHERE w.stopped_at IS NULL AND w.heartbeat_at >= now() - s.stale_after
$$;


ALTER FUNCTION workspace.count_ingest_workers() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION count_ingest_workers(); Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON FUNCTION workspace.count_ingest_workers() IS 'What api.count_ingest_workers() does (see its comment there); only that endpoint calls it.';


--
-- Name: create_profile(text, text, jsonb, text, text, uuid, text, jsonb); Type: FUNCTION; Schema: workspace; Owner: neuronplane_owner
--

CREATE FUNCTION workspace.create_profile(name text, neurondb_dsn text DEFAULT NULL::text, mcp_config jsonb DEFAULT NULL::jsonb, agent_endpoint text DEFAULT NULL::text, agent_api_key text DEFAULT NULL::text, org_id uuid DEFAULT NULL::uuid, description text DEFAULT NULL::text, metadata jsonb DEFAULT '{}'::jsonb) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    p uuid;
BEGIN
    PERFORM identity.require_caller();
    IF name IS NULL OR btrim(name) = '' THEN
        RAISE EXCEPTION 'name is required' USING ERRCODE = '22023', COLUMN = 'name';
    END IF;
    IF length(name) > 200 THEN
        RAISE EXCEPTION 'name must be at most 200 characters' USING ERRCODE = '22023', COLUMN = 'name';
    END IF;
    IF length(description) > 2000 THEN
        RAISE EXCEPTION 'description must be at most 2000 characters'
            USING ERRCODE = '22023', COLUMN = 'description';
    END IF;
    IF neurondb_dsn IS NOT NULL
       AND (length(neurondb_dsn) > 2048
            OR NOT (btrim(neurondb_dsn) ~* '^postgres(ql)?://'
                    OR btrim(neurondb_dsn) ~ '^[A-Za-z_]+\s*=')) THEN
        RAISE EXCEPTION 'neurondb_dsn must be a PostgreSQL connection string (postgresql://... or host=... dbname=...) of at most 2048 characters'
            USING ERRCODE = '22023', COLUMN = 'neurondb_dsn';
    END IF;
    IF mcp_config IS NOT NULL AND NOT identity.is_valid_mcp_config(mcp_config) THEN
        RAISE EXCEPTION 'mcp_config must be {"command": string, "args": [string], "env": {string: string}}'
            USING ERRCODE = '22023', COLUMN = 'mcp_config',
                  HINT = 'args and env are optional; no other key is allowed.';
    END IF;
    IF agent_endpoint IS NOT NULL
       AND (length(agent_endpoint) > 2048 OR agent_endpoint !~ '^https?://[^[:space:]/]+[^[:space:]]*$') THEN
        RAISE EXCEPTION 'agent_endpoint must be an http:// or https:// URL of at most 2048 characters'
            USING ERRCODE = '22023', COLUMN = 'agent_endpoint';
    END IF;
    IF agent_api_key IS NOT NULL AND agent_endpoint IS NULL THEN
        RAISE EXCEPTION 'agent_api_key needs an agent_endpoint'
            USING ERRCODE = '22023', COLUMN = 'agent_api_key';
    END IF;
    IF metadata IS NOT NULL AND jsonb_typeof(metadata) <> 'object' THEN
        RAISE EXCEPTION 'metadata must be a JSON object' USING ERRCODE = '22023', COLUMN = 'metadata';
    END IF;
    p := identity.create_project(btrim(name), org_id, description, btrim(neurondb_dsn), mcp_config,
                            agent_endpoint, coalesce(metadata, '{}'));
    IF agent_api_key IS NOT NULL THEN
        PERFORM workspace.store_project_agent_key(p, agent_api_key);
    END IF;
    RETURN p;
END
$_$;


ALTER FUNCTION workspace.create_profile(name text, neurondb_dsn text, mcp_config jsonb, agent_endpoint text, agent_api_key text, org_id uuid, description text, metadata jsonb) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION create_profile(name text, neurondb_dsn text, mcp_config jsonb, agent_endpoint text, agent_api_key text, org_id uuid, description text, metadata jsonb); Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON FUNCTION workspace.create_profile(name text, neurondb_dsn text, mcp_config jsonb, agent_endpoint text, agent_api_key text, org_id uuid, description text, metadata jsonb) IS 'What api.create_profile() does (see its comment there); only that endpoint calls it.';


--
-- Name: dataset_schema(uuid); Type: FUNCTION; Schema: workspace; Owner: neuronplane_owner
--

CREATE FUNCTION workspace.dataset_schema(project_id uuid) RETURNS name
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT ('ds_' || replace(project_id::text, '-', ''))::name
$$;


ALTER FUNCTION workspace.dataset_schema(project_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION dataset_schema(project_id uuid); Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON FUNCTION workspace.dataset_schema(project_id uuid) IS 'The name of the schema of a project''s dataset tables: ds_<project id without dashes>.';


--
-- Name: ensure_dataset_schema(uuid); Type: FUNCTION; Schema: workspace; Owner: neuronplane_owner
--

CREATE FUNCTION workspace.ensure_dataset_schema(project_id uuid) RETURNS name
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    s name := workspace.dataset_schema(project_id);
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_namespace WHERE nspname = s) THEN
        -- Two first jobs of a project at once: one creates, the other waits and finds it.
        PERFORM pg_catalog.pg_advisory_xact_lock(hashtext('workspace.ensure_dataset_schema'));
        IF NOT EXISTS (SELECT FROM pg_catalog.pg_namespace WHERE nspname = s) THEN
            EXECUTE format('CREATE SCHEMA %I', s);
            EXECUTE format('COMMENT ON SCHEMA %I IS %L', s,
                           'Dataset tables of project ' || project_id);
            EXECUTE format('GRANT USAGE ON SCHEMA %I TO authenticated, service, neuronplane_worker', s);
        END IF;
    END IF;
    RETURN s;
END
$$;


ALTER FUNCTION workspace.ensure_dataset_schema(project_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION ensure_dataset_schema(project_id uuid); Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON FUNCTION workspace.ensure_dataset_schema(project_id uuid) IS 'Creates ds_<project> (owned by neuronplane_owner, USAGE for the API roles and the worker) if missing.';


--
-- Name: fail_ingest(uuid, integer, text); Type: FUNCTION; Schema: workspace; Owner: neuronplane_owner
--

CREATE FUNCTION workspace.fail_ingest(job_id uuid, attempt integer, error text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    j workspace.ingest_jobs;
BEGIN
    UPDATE workspace.ingest_jobs x
       SET status = 'failed', finished_at = now(), phase = NULL,
           error = left(coalesce(fail_ingest.error, 'unknown error'), 2000)
     WHERE x.id = fail_ingest.job_id AND x.attempt = fail_ingest.attempt
       AND x.status = 'running'
    RETURNING * INTO j;
    IF FOUND THEN
        UPDATE workspace.ingest_workers w SET current_job_id = NULL WHERE w.worker_id = j.worker_id;
        PERFORM audit.record('workspace.ingest.failed', 'failure', 'project', j.project_id::text,
                             jsonb_build_object('job_id', j.id, 'error', j.error),
                             j.created_by,
                             (SELECT p.type FROM identity.principals p WHERE p.id = j.created_by),
                             NULL, j.project_id);
        PERFORM pg_catalog.pg_notify('neuronplane_ingest', j.id::text);
    END IF;
END
$$;


ALTER FUNCTION workspace.fail_ingest(job_id uuid, attempt integer, error text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION fail_ingest(job_id uuid, attempt integer, error text); Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON FUNCTION workspace.fail_ingest(job_id uuid, attempt integer, error text) IS 'Marks this attempt''s job failed with its error (unless cancelled or taken over). Definer: workers have no table rights.';


--
-- Name: forget_ingest_upload(uuid); Type: FUNCTION; Schema: workspace; Owner: neuronplane_owner
--

CREATE FUNCTION workspace.forget_ingest_upload(upload_id uuid) RETURNS text
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    DELETE FROM workspace.ingest_uploads u WHERE u.id = upload_id RETURNING u.path
$$;


ALTER FUNCTION workspace.forget_ingest_upload(upload_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION forget_ingest_upload(upload_id uuid); Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON FUNCTION workspace.forget_ingest_upload(upload_id uuid) IS 'Deletes an upload''s row and returns its path (for the caller to remove the file).';


--
-- Name: ingest_column_types(); Type: FUNCTION; Schema: workspace; Owner: neuronplane_owner
--

CREATE FUNCTION workspace.ingest_column_types() RETURNS text[]
    LANGUAGE sql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT ARRAY['smallint', 'integer', 'bigint', 'numeric', 'real', 'double precision',
                 'boolean', 'text', 'bytea', 'date', 'time', 'timestamp', 'timestamptz',
                 'jsonb', 'real[]']
$$;


ALTER FUNCTION workspace.ingest_column_types() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION ingest_column_types(); Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON FUNCTION workspace.ingest_column_types() IS 'Column types a dataset table may have.';


--
-- Name: ingest_heartbeat(uuid, uuid, integer, text, bigint, bigint, bigint, bigint, bigint, bigint, text); Type: FUNCTION; Schema: workspace; Owner: neuronplane_owner
--

CREATE FUNCTION workspace.ingest_heartbeat(worker_id uuid, job_id uuid DEFAULT NULL::uuid, attempt integer DEFAULT NULL::integer, phase text DEFAULT NULL::text, rows_done bigint DEFAULT NULL::bigint, bytes_done bigint DEFAULT NULL::bigint, rows_total bigint DEFAULT NULL::bigint, bytes_total bigint DEFAULT NULL::bigint, embed_done bigint DEFAULT NULL::bigint, embed_total bigint DEFAULT NULL::bigint, detected_format text DEFAULT NULL::text) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    s       text;
    running boolean;
BEGIN
    IF job_id IS NULL THEN
        UPDATE workspace.ingest_workers w SET heartbeat_at = now(), current_job_id = NULL
         WHERE w.worker_id = ingest_heartbeat.worker_id;
        RETURN NULL;
    END IF;
    UPDATE workspace.ingest_jobs x
       SET heartbeat_at = now(),
           phase = coalesce(ingest_heartbeat.phase, x.phase),
           rows_done = coalesce(ingest_heartbeat.rows_done, x.rows_done),
           bytes_done = coalesce(ingest_heartbeat.bytes_done, x.bytes_done),
           rows_total = coalesce(ingest_heartbeat.rows_total, x.rows_total),
           bytes_total = coalesce(ingest_heartbeat.bytes_total, x.bytes_total),
           embed_done = coalesce(ingest_heartbeat.embed_done, x.embed_done),
           embed_total = coalesce(ingest_heartbeat.embed_total, x.embed_total),
           detected_format = coalesce(ingest_heartbeat.detected_format, x.detected_format)
     WHERE x.id = ingest_heartbeat.job_id AND x.worker_id = ingest_heartbeat.worker_id
       AND x.attempt = ingest_heartbeat.attempt AND x.status = 'running';
    running := FOUND;
    -- (the job's row, then the worker's: the order in which publishing and failing a job
    -- lock them, so that a heartbeat during a publish waits instead of deadlocking)
    UPDATE workspace.ingest_workers w
       SET heartbeat_at = now(), current_job_id = ingest_heartbeat.job_id
     WHERE w.worker_id = ingest_heartbeat.worker_id;
    IF running THEN
        RETURN 'running';
    END IF;
    SELECT x.status INTO s FROM workspace.ingest_jobs x WHERE x.id = ingest_heartbeat.job_id;
    RETURN CASE WHEN s = 'cancelled' THEN 'cancelled' ELSE 'lost' END;
END
$$;


ALTER FUNCTION workspace.ingest_heartbeat(worker_id uuid, job_id uuid, attempt integer, phase text, rows_done bigint, bytes_done bigint, rows_total bigint, bytes_total bigint, embed_done bigint, embed_total bigint, detected_format text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION ingest_heartbeat(worker_id uuid, job_id uuid, attempt integer, phase text, rows_done bigint, bytes_done bigint, rows_total bigint, bytes_total bigint, embed_done bigint, embed_total bigint, detected_format text); Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON FUNCTION workspace.ingest_heartbeat(worker_id uuid, job_id uuid, attempt integer, phase text, rows_done bigint, bytes_done bigint, rows_total bigint, bytes_total bigint, embed_done bigint, embed_total bigint, detected_format text) IS 'Worker heartbeat and job progress; returns running, cancelled or lost (another attempt owns the job). Definer: workers have no table rights.';


--
-- Name: ingest_job_traceparent(uuid); Type: FUNCTION; Schema: workspace; Owner: neuronplane_owner
--

CREATE FUNCTION workspace.ingest_job_traceparent(job_id uuid) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT t.traceparent FROM workspace.ingest_job_traces t WHERE t.job_id = ingest_job_traceparent.job_id
$$;


ALTER FUNCTION workspace.ingest_job_traceparent(job_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION ingest_job_traceparent(job_id uuid); Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON FUNCTION workspace.ingest_job_traceparent(job_id uuid) IS 'The traceparent of the request that queued the job, or NULL; for the ingestion worker.';


--
-- Name: llm_model_for_write(uuid); Type: FUNCTION; Schema: workspace; Owner: neuronplane_owner
--

CREATE FUNCTION workspace.llm_model_for_write(model_id uuid) RETURNS workspace.llm_models
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    caller uuid := identity.require_caller();
    key_id uuid := identity.current_api_key_id();
    m workspace.llm_models;
BEGIN
    SELECT * INTO m FROM workspace.llm_models x WHERE x.id = model_id;
    IF NOT FOUND OR NOT identity.has_permission(caller, 'model', model_id, 'read', key_id) THEN
        RAISE EXCEPTION 'there is no LLM model with id %', coalesce(model_id::text, 'null')
            USING ERRCODE = '42704', HINT = 'List the models of a project with GET /llm_models?project_id=eq.<id>.';
    END IF;
    IF NOT identity.has_permission(caller, 'model', model_id, 'write', key_id) THEN
        RAISE EXCEPTION 'permission denied: write on model %', model_id
            USING ERRCODE = '42501', HINT = 'Changing a model needs write on its project.';
    END IF;
    RETURN m;
END
$$;


ALTER FUNCTION workspace.llm_model_for_write(model_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION llm_model_for_write(model_id uuid); Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON FUNCTION workspace.llm_model_for_write(model_id uuid) IS 'The model if the caller may write it; 42704 if missing or invisible, 42501 if read-only.';


--
-- Name: note_ingest(uuid, integer, jsonb); Type: FUNCTION; Schema: workspace; Owner: neuronplane_owner
--

CREATE FUNCTION workspace.note_ingest(job_id uuid, attempt integer, details jsonb) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    IF details IS NULL OR jsonb_typeof(details) <> 'object' THEN
        RAISE EXCEPTION 'details must be a JSON object' USING ERRCODE = '22023';
    END IF;
    PERFORM workspace.require_ingest_attempt(note_ingest.job_id, note_ingest.attempt);
    UPDATE workspace.ingest_jobs x
       SET details = x.details || note_ingest.details
     WHERE x.id = note_ingest.job_id;
END
$$;


ALTER FUNCTION workspace.note_ingest(job_id uuid, attempt integer, details jsonb) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION note_ingest(job_id uuid, attempt integer, details jsonb); Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON FUNCTION workspace.note_ingest(job_id uuid, attempt integer, details jsonb) IS 'Merges the worker''s notes (restarts, missing-value markers, compression) into the job''s details while this attempt holds it; 57014 cancelled, 40001 lost. Definer: workers have no table rights.';


--
-- Name: publish_ingest(uuid, integer, bigint, jsonb, jsonb, text, bigint); Type: FUNCTION; Schema: workspace; Owner: neuronplane_owner
--

CREATE FUNCTION workspace.publish_ingest(job_id uuid, attempt integer, row_count bigint, columns jsonb, embedding jsonb DEFAULT NULL::jsonb, detected_format text DEFAULT NULL::text, bytes_read bigint DEFAULT NULL::bigint) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    j        workspace.ingest_jobs := workspace.require_ingest_attempt(job_id, attempt, true);
    s        name := workspace.dataset_schema(j.project_id);
    stage    name := workspace.staging_table(j.id);
    d_id     uuid;
    prev     workspace.datasets;
    target   text;
    base     text;
    k        integer := 1;
    col      text;
    idx      jsonb := '[]';
    iname    text;
    vext     name;
BEGIN
    SELECT d.id INTO d_id FROM identity.datasets d
     WHERE d.project_id = j.project_id AND lower(d.name) = lower(j.dataset_name)
       FOR UPDATE;
    IF d_id IS NOT NULL AND j.if_exists = 'fail' THEN
        RAISE EXCEPTION 'a dataset named "%" already exists in this project', j.dataset_name
            USING ERRCODE = '23505', HINT = 'Choose another dataset_name, or if_exists => replace.';
    END IF;
    IF d_id IS NOT NULL THEN
        SELECT * INTO prev FROM workspace.datasets x WHERE x.id = d_id;
    END IF;
    IF prev.id IS NOT NULL THEN
        EXECUTE format('DROP TABLE IF EXISTS %I.%I', prev.target_schema, prev.target_table);
        target := prev.target_table;
    ELSE
        base := workspace.sanitize_identifier(j.dataset_name, 'dataset');
        target := base;
        WHILE EXISTS (SELECT FROM pg_catalog.pg_class c
                        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                       WHERE n.nspname = s AND c.relname = target) LOOP
            k := k + 1;
            target := left(base, 45) || '_' || k;
        END LOOP;
    END IF;
    EXECUTE format('ALTER TABLE %I.%I RENAME TO %I', s, stage, target);

    IF d_id IS NULL THEN
        INSERT INTO identity.datasets (project_id, name) VALUES (j.project_id, j.dataset_name)
        RETURNING id INTO d_id;
    END IF;

    -- Indexes: btree and full-text (GIN over to_tsvector('simple', ...)) on the named
    -- columns, HNSW on the embedding when pgvector is there.
    FOR col IN SELECT jsonb_array_elements_text(coalesce(j.index_config -> 'btree', '[]')) LOOP
        col := workspace.sanitize_identifier(col, col);
        iname := left(target || '_' || col, 50) || '_btree';
        EXECUTE format('CREATE INDEX %I ON %I.%I (%I)', iname, s, target, col);
        idx := idx || jsonb_build_object('name', iname, 'kind', 'btree', 'column', col);
    END LOOP;
    FOR col IN SELECT jsonb_array_elements_text(coalesce(j.index_config -> 'fulltext', '[]')) LOOP
        col := workspace.sanitize_identifier(col, col);
        iname := left(target || '_' || col, 50) || '_fts';
        EXECUTE format('CREATE INDEX %I ON %I.%I USING gin (to_tsvector(''simple''::regconfig, %I::text))',
                       iname, s, target, col);
        idx := idx || jsonb_build_object('name', iname, 'kind', 'fulltext', 'column', col);
    END LOOP;
    SELECT n.nspname INTO vext FROM pg_catalog.pg_extension e
      JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'vector';
    IF embedding IS NOT NULL AND vext IS NOT NULL
       AND coalesce((j.index_config ->> 'hnsw')::boolean, true) THEN
        iname := left(target, 50) || '_hnsw';
        EXECUTE format('CREATE INDEX %I ON %I.%I USING hnsw (embedding %I.vector_cosine_ops)',
                       iname, s, target, vext);
        idx := idx || jsonb_build_object('name', iname, 'kind', 'hnsw', 'column', 'embedding');
    END IF;

    -- The table is the dataset's: RLS by has_permission on it, reading for the API roles.
    EXECUTE format('REVOKE ALL ON %I.%I FROM neuronplane_worker', s, target);
    EXECUTE format('ALTER TABLE %I.%I ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY', s, target);
    EXECUTE format(
        'CREATE POLICY %I ON %I.%I FOR SELECT TO authenticated, service USING ('
        '(SELECT identity.has_permission((SELECT identity.current_principal_id()), ''dataset'', %L::uuid,'
        ' ''read'', (SELECT identity.current_api_key_id()))))',
        left(target, 50) || '_select', s, target, d_id);
    EXECUTE format('GRANT SELECT ON %I.%I TO authenticated, service', s, target);
    EXECUTE format('COMMENT ON TABLE %I.%I IS %L', s, target,
                   'Dataset ' || j.dataset_name || ' (' || d_id || '), loaded by ingest job ' || j.id);

    INSERT INTO workspace.datasets AS x (id, project_id, name, target_schema, target_table,
                                         columns, row_count, embedding, indexes, created_by)
    VALUES (d_id, j.project_id, j.dataset_name, s, target, coalesce(columns, '[]'), row_count,
            embedding, idx, j.created_by)
    ON CONFLICT (id) DO UPDATE
       SET columns = excluded.columns, row_count = excluded.row_count,
           embedding = excluded.embedding, indexes = excluded.indexes,
           target_table = excluded.target_table;

    UPDATE workspace.ingest_jobs x
       -- clock_timestamp(): now() is the start of the load's transaction.
       SET status = 'succeeded', finished_at = clock_timestamp(), phase = NULL, dataset_id = d_id,
           rows_done = row_count, rows_total = row_count, heartbeat_at = clock_timestamp(),
           detected_format = coalesce(publish_ingest.detected_format, x.detected_format),
           bytes_done = coalesce(bytes_read, x.bytes_done),
           bytes_total = coalesce(bytes_read, x.bytes_total),
           embed_done = CASE WHEN publish_ingest.embedding IS NOT NULL THEN row_count ELSE x.embed_done END,
           embed_total = CASE WHEN publish_ingest.embedding IS NOT NULL THEN row_count ELSE x.embed_total END
     WHERE x.id = j.id;
    UPDATE workspace.ingest_workers w SET jobs_done = w.jobs_done + 1, current_job_id = NULL
     WHERE w.worker_id = j.worker_id;
    PERFORM audit.record('workspace.ingest.succeeded', 'success', 'dataset', d_id::text,
                         jsonb_build_object('job_id', j.id, 'rows', row_count,
                                            'table', format('%I.%I', s, target)),
                         j.created_by, (SELECT p.type FROM identity.principals p WHERE p.id = j.created_by),
                         NULL, j.project_id);
    PERFORM pg_catalog.pg_notify('neuronplane_ingest', j.id::text);
    RETURN d_id;
END
$$;


ALTER FUNCTION workspace.publish_ingest(job_id uuid, attempt integer, row_count bigint, columns jsonb, embedding jsonb, detected_format text, bytes_read bigint) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION publish_ingest(job_id uuid, attempt integer, row_count bigint, columns jsonb, embedding jsonb, detected_format text, bytes_read bigint); Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON FUNCTION workspace.publish_ingest(job_id uuid, attempt integer, row_count bigint, columns jsonb, embedding jsonb, detected_format text, bytes_read bigint) IS 'Turns the staging table into the dataset''s table (RLS by has_permission on the dataset, indexes from index_config), records the dataset and marks the job succeeded, all in the load transaction.';


--
-- Name: register_ingest_upload(text, bigint, text); Type: FUNCTION; Schema: workspace; Owner: neuronplane_owner
--

CREATE FUNCTION workspace.register_ingest_upload(path text, size_bytes bigint, filename text) RETURNS uuid
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    INSERT INTO workspace.ingest_uploads (path, size_bytes, filename)
    VALUES (path, size_bytes, left(filename, 500))
    RETURNING id
$$;


ALTER FUNCTION workspace.register_ingest_upload(path text, size_bytes bigint, filename text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION register_ingest_upload(path text, size_bytes bigint, filename text); Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON FUNCTION workspace.register_ingest_upload(path text, size_bytes bigint, filename text) IS 'Records a file the glue received; returns the upload id a job names. Definer: only the glue (worker role) may.';


--
-- Name: register_ingest_worker(uuid, text, integer); Type: FUNCTION; Schema: workspace; Owner: neuronplane_owner
--

CREATE FUNCTION workspace.register_ingest_worker(worker_id uuid, hostname text, pid integer) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    INSERT INTO workspace.ingest_workers (worker_id, hostname, pid)
    VALUES (worker_id, hostname, pid)
    ON CONFLICT ON CONSTRAINT ingest_workers_pkey
    DO UPDATE SET heartbeat_at = now(), stopped_at = NULL, hostname = excluded.hostname,
                  pid = excluded.pid
$$;


ALTER FUNCTION workspace.register_ingest_worker(worker_id uuid, hostname text, pid integer) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION register_ingest_worker(worker_id uuid, hostname text, pid integer); Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON FUNCTION workspace.register_ingest_worker(worker_id uuid, hostname text, pid integer) IS 'A worker announces itself (or again after a restart). Definer: workers have no table rights.';


--
-- Name: require_ingest_attempt(uuid, integer, boolean); Type: FUNCTION; Schema: workspace; Owner: neuronplane_owner
--

CREATE FUNCTION workspace.require_ingest_attempt(job_id uuid, attempt integer, for_update boolean DEFAULT false) RETURNS workspace.ingest_jobs
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    j workspace.ingest_jobs;
BEGIN
    IF for_update THEN
        SELECT * INTO j FROM workspace.ingest_jobs x WHERE x.id = require_ingest_attempt.job_id
           FOR UPDATE;
    ELSE
        SELECT * INTO j FROM workspace.ingest_jobs x WHERE x.id = require_ingest_attempt.job_id;
    END IF;
    IF j.id IS NULL THEN
        RAISE EXCEPTION 'ingest job % does not exist', job_id USING ERRCODE = '42704';
    ELSIF j.status = 'cancelled' THEN
        RAISE EXCEPTION 'ingest job % was cancelled', job_id USING ERRCODE = '57014';
    ELSIF j.status <> 'running' OR j.attempt <> require_ingest_attempt.attempt THEN
        RAISE EXCEPTION 'ingest job % is no longer held by this attempt', job_id
            USING ERRCODE = '40001';
    END IF;
    RETURN j;
END
$$;


ALTER FUNCTION workspace.require_ingest_attempt(job_id uuid, attempt integer, for_update boolean) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION require_ingest_attempt(job_id uuid, attempt integer, for_update boolean); Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON FUNCTION workspace.require_ingest_attempt(job_id uuid, attempt integer, for_update boolean) IS 'Locks and returns the job if this attempt still runs it; 57014 cancelled, 40001 lost.';


--
-- Name: require_string(text, jsonb, text, text); Type: FUNCTION; Schema: workspace; Owner: neuronplane_owner
--

CREATE FUNCTION workspace.require_string(field text, obj jsonb, key text, pattern text DEFAULT NULL::text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    IF jsonb_typeof(obj -> key) IS DISTINCT FROM 'string' OR btrim(obj ->> key) = '' THEN
        RAISE EXCEPTION '%.% is required (a non-empty string)', field, key USING ERRCODE = '22023';
    END IF;
    IF pattern IS NOT NULL AND (obj ->> key) !~ pattern THEN
        RAISE EXCEPTION '%.% is not valid', field, key
            USING ERRCODE = '22023', HINT = 'It must match ' || pattern;
    END IF;
    RETURN obj ->> key;
END
$$;


ALTER FUNCTION workspace.require_string(field text, obj jsonb, key text, pattern text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION require_string(field text, obj jsonb, key text, pattern text); Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON FUNCTION workspace.require_string(field text, obj jsonb, key text, pattern text) IS 'obj->>key when it is a non-empty string (matching pattern, if given); 22023 naming field.key otherwise.';


--
-- Name: retry_ingest(uuid, integer, text); Type: FUNCTION; Schema: workspace; Owner: neuronplane_owner
--

CREATE FUNCTION workspace.retry_ingest(job_id uuid, attempt integer, reason text) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    cfg workspace.ingest_settings;
    j   workspace.ingest_jobs;
    why text := left(coalesce(reason, 'the database connection was lost'), 2000);
BEGIN
    SELECT * INTO cfg FROM workspace.ingest_settings;
    SELECT * INTO j FROM workspace.ingest_jobs x
     WHERE x.id = retry_ingest.job_id AND x.attempt = retry_ingest.attempt
       AND x.status = 'running'
       FOR UPDATE;
    IF NOT FOUND THEN
        RETURN 'lost';
    END IF;
    UPDATE workspace.ingest_jobs x
       SET details = x.details || jsonb_build_object('attempts',
               coalesce(x.details -> 'attempts', '[]') || jsonb_build_array(jsonb_build_object(
                   'attempt', j.attempt, 'reason', why, 'at', now())))
     WHERE x.id = j.id;
    IF j.attempt >= cfg.max_attempts THEN
        PERFORM workspace.fail_ingest(j.id, j.attempt,
                                      format('gave up after %s attempts: %s', j.attempt, why));
        RETURN 'failed';
    END IF;
    UPDATE workspace.ingest_jobs x
       SET status = 'queued', phase = NULL, worker_id = NULL, heartbeat_at = NULL
     WHERE x.id = j.id;
    UPDATE workspace.ingest_workers w SET current_job_id = NULL WHERE w.worker_id = j.worker_id;
    PERFORM pg_catalog.pg_notify('neuronplane_ingest', j.id::text);
    RETURN 'queued';
END
$$;


ALTER FUNCTION workspace.retry_ingest(job_id uuid, attempt integer, reason text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION retry_ingest(job_id uuid, attempt integer, reason text); Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON FUNCTION workspace.retry_ingest(job_id uuid, attempt integer, reason text) IS 'An attempt lost its database connection: the job is queued again (NOTIFY), or failed once it had max_attempts attempts; the reason is appended to details.attempts. Returns queued, failed or lost. Definer: workers have no table rights.';


--
-- Name: reveal_llm_model_key(uuid, uuid); Type: FUNCTION; Schema: workspace; Owner: neuronplane_owner
--

CREATE FUNCTION workspace.reveal_llm_model_key(model_id uuid, agent_id uuid DEFAULT NULL::uuid) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    m workspace.llm_models;
    org uuid;
    agent_type text;
BEGIN
    SELECT * INTO m FROM workspace.llm_models x WHERE x.id = model_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'there is no LLM model with id %', coalesce(model_id::text, 'null')
            USING ERRCODE = '42704';
    END IF;
    IF agent_id IS NOT NULL THEN
        SELECT p.type INTO agent_type FROM identity.principals p WHERE p.id = agent_id;
        IF agent_type IS DISTINCT FROM 'agent'
           OR NOT identity.has_permission(agent_id, 'model', model_id, 'execute') THEN
            RAISE EXCEPTION 'permission denied: agent % may not use model %', agent_id, model_id
                USING ERRCODE = '42501', HINT = 'The agent needs execute on the model or its project.';
        END IF;
    END IF;
    IF m.key_ciphertext IS NULL THEN
        RAISE EXCEPTION 'LLM model % has no key', model_id
            USING ERRCODE = '55000', HINT = 'Set one with set_llm_model_key.';
    END IF;
    SELECT s.org_id INTO org FROM identity.resource_scopes s WHERE s.resource_id = m.project_id;
    PERFORM audit.record('workspace.model_key.revealed', 'success', 'model', m.id::text,
                         jsonb_build_object('agent_id', agent_id, 'by_role', session_user::text,
                                            'model_name', m.model_name),
                         agent_id, CASE WHEN agent_id IS NOT NULL THEN 'agent' END, org, m.project_id);
    RETURN internal.envelope_open(m.key_ciphertext, 'workspace.llm_models.key:' || m.id);
END
$$;


ALTER FUNCTION workspace.reveal_llm_model_key(model_id uuid, agent_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION reveal_llm_model_key(model_id uuid, agent_id uuid); Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON FUNCTION workspace.reveal_llm_model_key(model_id uuid, agent_id uuid) IS 'The provider key of an LLM model in clear, for neuronplane_worker only (with agent_id: the agent needs execute on the model); every call is audited.';


--
-- Name: reveal_project_agent_key(uuid); Type: FUNCTION; Schema: workspace; Owner: neuronplane_owner
--

CREATE FUNCTION workspace.reveal_project_agent_key(project_id uuid) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    k workspace.project_agent_keys;
    org uuid;
BEGIN
    SELECT * INTO k FROM workspace.project_agent_keys x WHERE x.project_id = reveal_project_agent_key.project_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'project % has no agent API key', coalesce(project_id::text, 'null')
            USING ERRCODE = '42704';
    END IF;
    SELECT s.org_id INTO org FROM identity.resource_scopes s WHERE s.resource_id = k.project_id;
    PERFORM audit.record('workspace.profile.agent_key_revealed', 'success', 'project', k.project_id::text,
                         jsonb_build_object('by_role', session_user::text), NULL, NULL, org, k.project_id);
    RETURN internal.envelope_open(k.key_ciphertext, 'workspace.project_agent_keys.key:' || k.project_id);
END
$$;


ALTER FUNCTION workspace.reveal_project_agent_key(project_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION reveal_project_agent_key(project_id uuid); Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON FUNCTION workspace.reveal_project_agent_key(project_id uuid) IS 'A project''s NeuronAgent API key in clear, for neuronplane_worker only; every call is audited.';


--
-- Name: rotate_secrets(text); Type: FUNCTION; Schema: workspace; Owner: neuronplane_owner
--

CREATE FUNCTION workspace.rotate_secrets(previous_key_file text DEFAULT NULL::text) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    c       record;
    n       integer;
    result  jsonb := '{}';
    replica text := current_setting('session_replication_role');
BEGIN
    PERFORM set_config('session_replication_role', 'replica', true);
    FOR c IN SELECT * FROM internal.secret_columns ORDER BY name LOOP
        EXECUTE format('UPDATE %s SET %I = internal.envelope_seal(internal.envelope_open(%I, %s, $1), %s)
                         WHERE %I IS NOT NULL',
                       c.table_name, c.column_name, c.column_name, c.context_sql, c.context_sql,
                       c.column_name)
          USING previous_key_file;
        GET DIAGNOSTICS n = ROW_COUNT;
        result := result || jsonb_build_object(c.name, n);
    END LOOP;
    PERFORM set_config('session_replication_role', replica, true);
    result := result || jsonb_build_object('with_previous_key_file', previous_key_file IS NOT NULL);
    PERFORM audit.record('workspace.secrets.rotated', 'success', NULL, NULL, result);
    RETURN result;
END
$_$;


ALTER FUNCTION workspace.rotate_secrets(previous_key_file text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION rotate_secrets(previous_key_file text); Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON FUNCTION workspace.rotate_secrets(previous_key_file text) IS 'Re-encrypt every stored secret (internal.secret_columns) under fresh data keys and the current master key (values under previous_key_file''s key too); superuser only. Returns the counts per kind.';


--
-- Name: sanitize_identifier(text, text); Type: FUNCTION; Schema: workspace; Owner: neuronplane_owner
--

CREATE FUNCTION workspace.sanitize_identifier(raw text, fallback text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT CASE
             WHEN s = '' THEN fallback
             WHEN s ~ '^[0-9]' THEN left('c_' || s, 50)
             WHEN s IN ('ctid', 'xmin', 'xmax', 'cmin', 'cmax', 'tableoid', 'oid') THEN s || '_'
             ELSE s
           END
      FROM (SELECT left(btrim(regexp_replace(lower(coalesce(raw, '')), '[^a-z0-9]+', '_', 'g'),
                              '_'), 50) AS s) x
$$;


ALTER FUNCTION workspace.sanitize_identifier(raw text, fallback text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION sanitize_identifier(raw text, fallback text); Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON FUNCTION workspace.sanitize_identifier(raw text, fallback text) IS 'A safe identifier: [a-z0-9_], not starting with a digit or underscore, at most 50 bytes; fallback when nothing is left.';


--
-- Name: secret_config_keys(jsonb); Type: FUNCTION; Schema: workspace; Owner: neuronplane_owner
--

CREATE FUNCTION workspace.secret_config_keys(config jsonb) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
    SELECT array_agg(k ORDER BY k) FROM jsonb_object_keys(CASE jsonb_typeof(config)
                                                           WHEN 'object' THEN config END) k
     WHERE k ~* '(^|[_.-])(api_?key|api_?token|access_?token|secret_?key|private_?key|key|secret|password|passwd|pwd|token|credentials?|auth|authorization|bearer)($|[_.-])'
$_$;


ALTER FUNCTION workspace.secret_config_keys(config jsonb) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION secret_config_keys(config jsonb); Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON FUNCTION workspace.secret_config_keys(config jsonb) IS 'Keys of a model configuration whose name (or a _-. separated part of it) says it holds a secret: key, api_key, secret, password, token, credential, auth, bearer, ... (max_tokens or top_k are fine).';


--
-- Name: set_llm_model_key(uuid, text); Type: FUNCTION; Schema: workspace; Owner: neuronplane_owner
--

CREATE FUNCTION workspace.set_llm_model_key(model_id uuid, key text) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    m workspace.llm_models := workspace.llm_model_for_write(model_id);
BEGIN
    PERFORM workspace.store_llm_model_key(m, key);
    RETURN m.id;
END
$$;


ALTER FUNCTION workspace.set_llm_model_key(model_id uuid, key text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION set_llm_model_key(model_id uuid, key text); Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON FUNCTION workspace.set_llm_model_key(model_id uuid, key text) IS 'What api.set_llm_model_key() does (see its comment there); only that endpoint calls it.';


--
-- Name: set_llm_model_key(uuid, text, text); Type: FUNCTION; Schema: workspace; Owner: neuronplane_owner
--

CREATE FUNCTION workspace.set_llm_model_key(project_id uuid, model_name text, key text) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_id uuid;
BEGIN
    -- Only in a project the caller can read: elsewhere no model exists (not even its id).
    IF identity.has_permission(identity.require_caller(), 'project', project_id, 'read',
                               identity.current_api_key_id()) THEN
        SELECT m.id INTO v_id FROM workspace.llm_models m
         WHERE m.project_id = set_llm_model_key.project_id
           AND m.model_name = btrim(set_llm_model_key.model_name);
    END IF;
    IF v_id IS NULL THEN
        RAISE EXCEPTION 'there is no LLM model "%" in project %', model_name, coalesce(project_id::text, 'null')
            USING ERRCODE = '42704', COLUMN = 'model_name';
    END IF;
    RETURN workspace.set_llm_model_key(v_id, key);
END
$$;


ALTER FUNCTION workspace.set_llm_model_key(project_id uuid, model_name text, key text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION set_llm_model_key(project_id uuid, model_name text, key text); Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON FUNCTION workspace.set_llm_model_key(project_id uuid, model_name text, key text) IS 'What api.set_llm_model_key() does (see its comment there); only that endpoint calls it.';


--
-- Name: set_profile_agent_key(uuid, text); Type: FUNCTION; Schema: workspace; Owner: neuronplane_owner
--

CREATE FUNCTION workspace.set_profile_agent_key(project_id uuid, agent_api_key text) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    caller uuid := identity.require_caller();
    key_id uuid := identity.current_api_key_id();
BEGIN
    IF project_id IS NULL OR NOT identity.has_permission(caller, 'project', project_id, 'read', key_id) THEN
        RAISE EXCEPTION 'there is no project with id %', coalesce(project_id::text, 'null')
            USING ERRCODE = '42704', COLUMN = 'project_id';
    END IF;
    IF NOT identity.has_permission(caller, 'project', project_id, 'write', key_id) THEN
        RAISE EXCEPTION 'permission denied: write on project %', project_id USING ERRCODE = '42501';
    END IF;
    PERFORM workspace.store_project_agent_key(project_id, agent_api_key);
    RETURN set_profile_agent_key.project_id;
END
$$;


ALTER FUNCTION workspace.set_profile_agent_key(project_id uuid, agent_api_key text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION set_profile_agent_key(project_id uuid, agent_api_key text); Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON FUNCTION workspace.set_profile_agent_key(project_id uuid, agent_api_key text) IS 'What api.set_profile_agent_key() does (see its comment there); only that endpoint calls it.';


--
-- Name: staging_table(uuid); Type: FUNCTION; Schema: workspace; Owner: neuronplane_owner
--

CREATE FUNCTION workspace.staging_table(job_id uuid) RETURNS name
    LANGUAGE sql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT ('_ingest_' || replace(job_id::text, '-', ''))::name
$$;


ALTER FUNCTION workspace.staging_table(job_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION staging_table(job_id uuid); Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON FUNCTION workspace.staging_table(job_id uuid) IS 'Name of a job''s staging table (sanitized dataset names never start with an underscore).';


--
-- Name: start_ingest(uuid, text, text, jsonb, text, jsonb, jsonb, jsonb, jsonb, text); Type: FUNCTION; Schema: workspace; Owner: neuronplane_owner
--

CREATE FUNCTION workspace.start_ingest(project_id uuid, dataset_name text, source_type text, source jsonb, format text DEFAULT 'auto'::text, options jsonb DEFAULT '{}'::jsonb, embedding jsonb DEFAULT NULL::jsonb, index_config jsonb DEFAULT '{}'::jsonb, credentials jsonb DEFAULT NULL::jsonb, if_exists text DEFAULT 'fail'::text) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    caller  uuid := identity.require_caller();
    v_id    uuid := gen_random_uuid();
    up      workspace.ingest_uploads;
BEGIN
    IF project_id IS NULL OR NOT EXISTS (SELECT FROM identity.projects p WHERE p.id = start_ingest.project_id) THEN
        RAISE EXCEPTION 'project % does not exist', coalesce(project_id::text, 'null')
            USING ERRCODE = '42704';
    END IF;
    PERFORM identity.require_permission('project', project_id, 'write');
    IF dataset_name IS NULL OR btrim(dataset_name) = '' OR length(dataset_name) > 200 THEN
        RAISE EXCEPTION 'dataset_name is required (1 to 200 characters)' USING ERRCODE = '22023';
    END IF;
    IF if_exists IS NULL OR if_exists NOT IN ('fail', 'replace') THEN
        RAISE EXCEPTION 'if_exists must be fail or replace' USING ERRCODE = '22023';
    END IF;
    PERFORM workspace.check_ingest_request(source_type, source, format, coalesce(options, '{}'),
                                           embedding, coalesce(index_config, '{}'), credentials);
    IF if_exists = 'fail' AND EXISTS (
        SELECT FROM identity.datasets d
         WHERE d.project_id = start_ingest.project_id AND lower(d.name) = lower(dataset_name)) THEN
        RAISE EXCEPTION 'a dataset named "%" already exists in this project', dataset_name
            USING ERRCODE = '23505', HINT = 'Choose another dataset_name, or if_exists => replace.';
    END IF;
    IF if_exists = 'replace' THEN
        -- Replacing a dataset is writing it.
        PERFORM identity.require_permission('dataset', d.id, 'write')
           FROM identity.datasets d
          WHERE d.project_id = start_ingest.project_id AND lower(d.name) = lower(dataset_name);
    END IF;
    IF source_type = 'upload' THEN
        SELECT * INTO up FROM workspace.ingest_uploads u
         WHERE u.id = (source ->> 'upload_id')::uuid AND u.job_id IS NULL
           AND u.created_at > now() - interval '1 day'
           FOR UPDATE;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'upload % does not exist or was used already', source ->> 'upload_id'
                USING ERRCODE = '42704', HINT = 'Send the file to the glue''s POST /ingest/upload.';
        END IF;
    END IF;
    PERFORM workspace.ensure_dataset_schema(project_id);

    INSERT INTO workspace.ingest_jobs (id, project_id, dataset_name, if_exists, source_type,
                                       source, format, options, embedding, index_config,
                                       credentials_secret, created_by)
    VALUES (v_id, project_id, btrim(dataset_name), if_exists, source_type, source, format,
            coalesce(options, '{}'), embedding, coalesce(index_config, '{}'),
            CASE WHEN credentials IS NOT NULL THEN
                internal.encrypt_secret(credentials::text, 'workspace.ingest_jobs.credentials:' || v_id)
            END,
            caller);
    IF up.id IS NOT NULL THEN
        UPDATE workspace.ingest_uploads u SET job_id = v_id WHERE u.id = up.id;
    END IF;
    PERFORM identity.audit('workspace.ingest.started', 'project', project_id::text,
                           jsonb_build_object('job_id', v_id, 'dataset_name', dataset_name,
                                              'source_type', source_type, 'format', format),
                           NULL, project_id);
    PERFORM pg_catalog.pg_notify('neuronplane_ingest', v_id::text);
    RETURN v_id;
END
$$;


ALTER FUNCTION workspace.start_ingest(project_id uuid, dataset_name text, source_type text, source jsonb, format text, options jsonb, embedding jsonb, index_config jsonb, credentials jsonb, if_exists text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION start_ingest(project_id uuid, dataset_name text, source_type text, source jsonb, format text, options jsonb, embedding jsonb, index_config jsonb, credentials jsonb, if_exists text); Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON FUNCTION workspace.start_ingest(project_id uuid, dataset_name text, source_type text, source jsonb, format text, options jsonb, embedding jsonb, index_config jsonb, credentials jsonb, if_exists text) IS 'What api.start_ingest() does (see its comment there); only that endpoint calls it.';


--
-- Name: stop_ingest_worker(uuid); Type: FUNCTION; Schema: workspace; Owner: neuronplane_owner
--

CREATE FUNCTION workspace.stop_ingest_worker(worker_id uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    handed uuid;
BEGIN
    UPDATE workspace.ingest_workers w
       SET stopped_at = now(), current_job_id = NULL
     WHERE w.worker_id = $1;
    FOR handed IN
        UPDATE workspace.ingest_jobs j
           SET status = 'queued', phase = NULL, worker_id = NULL, heartbeat_at = NULL
         WHERE j.worker_id = $1 AND j.status = 'running'
        RETURNING j.id
    LOOP
        PERFORM pg_catalog.pg_notify('neuronplane_ingest', handed::text);
    END LOOP;
END
$_$;


ALTER FUNCTION workspace.stop_ingest_worker(worker_id uuid) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION stop_ingest_worker(worker_id uuid); Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON FUNCTION workspace.stop_ingest_worker(worker_id uuid) IS 'A worker that stops cleanly says so, and hands its running job back (queued again, with NOTIFY) for the next worker. Definer: workers have no table rights.';


--
-- Name: store_llm_model_key(workspace.llm_models, text); Type: FUNCTION; Schema: workspace; Owner: neuronplane_owner
--

CREATE FUNCTION workspace.store_llm_model_key(model workspace.llm_models, key text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    org uuid;
BEGIN
    IF key IS NULL OR btrim(key) = '' THEN
        RAISE EXCEPTION 'key is required' USING ERRCODE = '22023', COLUMN = 'key';
    END IF;
    IF length(key) > 8192 OR key ~ '[[:space:][:cntrl:]]' THEN
        RAISE EXCEPTION 'key must be at most 8192 characters, without spaces or control characters'
            USING ERRCODE = '22023', COLUMN = 'key',
                  HINT = 'Paste the key exactly as the provider shows it.';
    END IF;
    UPDATE workspace.llm_models m
       SET key_ciphertext = internal.envelope_seal(key, 'workspace.llm_models.key:' || m.id),
           key_last4 = right(key, 4),
           key_updated_at = now()
     WHERE m.id = model.id;
    SELECT s.org_id INTO org FROM identity.resource_scopes s WHERE s.resource_id = model.project_id;
    PERFORM identity.audit('workspace.model_key.set', 'model', model.id::text,
                           jsonb_build_object('provider', model.provider, 'model_name', model.model_name,
                                              'key_last4', right(key, 4)),
                           org, model.project_id);
END
$$;


ALTER FUNCTION workspace.store_llm_model_key(model workspace.llm_models, key text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION store_llm_model_key(model workspace.llm_models, key text); Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON FUNCTION workspace.store_llm_model_key(model workspace.llm_models, key text) IS 'Encrypt and store a model''s provider key (after the caller''s rights were checked), audited.';


--
-- Name: store_project_agent_key(uuid, text); Type: FUNCTION; Schema: workspace; Owner: neuronplane_owner
--

CREATE FUNCTION workspace.store_project_agent_key(project_id uuid, key text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    org uuid;
BEGIN
    IF key IS NULL OR btrim(key) = '' THEN
        RAISE EXCEPTION 'agent_api_key must not be empty' USING ERRCODE = '22023', COLUMN = 'agent_api_key';
    END IF;
    IF length(key) > 8192 OR key ~ '[[:space:][:cntrl:]]' THEN
        RAISE EXCEPTION 'agent_api_key must be at most 8192 characters, without spaces or control characters'
            USING ERRCODE = '22023', COLUMN = 'agent_api_key';
    END IF;
    INSERT INTO workspace.project_agent_keys AS k (project_id, key_ciphertext, key_last4, key_updated_at)
    VALUES (store_project_agent_key.project_id,
            internal.envelope_seal(key, 'workspace.project_agent_keys.key:' || store_project_agent_key.project_id),
            right(key, 4), now())
    ON CONFLICT ON CONSTRAINT project_agent_keys_pkey DO UPDATE
       SET key_ciphertext = excluded.key_ciphertext, key_last4 = excluded.key_last4,
           key_updated_at = excluded.key_updated_at;
    SELECT s.org_id INTO org FROM identity.resource_scopes s
     WHERE s.resource_id = store_project_agent_key.project_id;
    PERFORM identity.audit('workspace.profile.agent_key_set', 'project', project_id::text, '{}',
                           org, project_id);
END
$$;


ALTER FUNCTION workspace.store_project_agent_key(project_id uuid, key text) OWNER TO neuronplane_owner;

--
-- Name: FUNCTION store_project_agent_key(project_id uuid, key text); Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON FUNCTION workspace.store_project_agent_key(project_id uuid, key text) IS 'Encrypt and store a project''s NeuronAgent API key (after the caller''s rights were checked), audited.';


--
-- Name: tg_datasets__drop_table(); Type: FUNCTION; Schema: workspace; Owner: neuronplane_owner
--

CREATE FUNCTION workspace.tg_datasets__drop_table() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    EXECUTE format('DROP TABLE IF EXISTS %I.%I', OLD.target_schema, OLD.target_table);
    RETURN NULL;
END
$$;


ALTER FUNCTION workspace.tg_datasets__drop_table() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION tg_datasets__drop_table(); Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON FUNCTION workspace.tg_datasets__drop_table() IS 'Trigger: drops a dataset''s table with its row.';


--
-- Name: tg_ingest_jobs__trace(); Type: FUNCTION; Schema: workspace; Owner: neuronplane_owner
--

CREATE FUNCTION workspace.tg_ingest_jobs__trace() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    tp text := internal.current_traceparent();
BEGIN
    IF tp IS NOT NULL THEN
        INSERT INTO workspace.ingest_job_traces (job_id, traceparent) VALUES (NEW.id, tp);
    END IF;
    RETURN NULL;
END
$$;


ALTER FUNCTION workspace.tg_ingest_jobs__trace() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION tg_ingest_jobs__trace(); Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON FUNCTION workspace.tg_ingest_jobs__trace() IS 'Trigger: keeps the traceparent of the request that queued a job.';


--
-- Name: tg_llm_models__audit(); Type: FUNCTION; Schema: workspace; Owner: neuronplane_owner
--

CREATE FUNCTION workspace.tg_llm_models__audit() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    r       workspace.llm_models;
    org     uuid;
    changed text[];
BEGIN
    IF TG_OP = 'DELETE' THEN
        r := OLD;
    ELSE
        r := NEW;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        SELECT array_agg(n.key ORDER BY n.key) INTO changed
          FROM jsonb_each(to_jsonb(NEW)) n JOIN jsonb_each(to_jsonb(OLD)) o USING (key)
         WHERE n.value IS DISTINCT FROM o.value
           AND n.key NOT IN ('updated_at', 'key_ciphertext', 'key_last4', 'key_updated_at');
        IF changed IS NULL THEN
            RETURN NULL;  -- a key change: audited as workspace.model_key.set / by the rotation
        END IF;
    END IF;
    SELECT s.org_id INTO org FROM identity.resource_scopes s WHERE s.resource_id = r.project_id;
    PERFORM identity.audit(
        'workspace.llm_model.' || CASE TG_OP WHEN 'INSERT' THEN 'created'
                                             WHEN 'UPDATE' THEN 'updated' ELSE 'deleted' END,
        'model', r.id::text,
        CASE WHEN changed IS NOT NULL THEN jsonb_build_object('changed', changed)
             ELSE jsonb_build_object('provider', r.provider, 'model_name', r.model_name) END,
        org, r.project_id);
    RETURN NULL;
END
$$;


ALTER FUNCTION workspace.tg_llm_models__audit() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION tg_llm_models__audit(); Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON FUNCTION workspace.tg_llm_models__audit() IS 'Trigger: an audit event for each LLM model created, changed (not its key) or deleted.';


--
-- Name: tg_llm_models__check(); Type: FUNCTION; Schema: workspace; Owner: neuronplane_owner
--

CREATE FUNCTION workspace.tg_llm_models__check() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    bad text[];
BEGIN
    IF NEW.provider IS NULL OR NEW.provider NOT IN ('openai', 'anthropic', 'huggingface', 'local') THEN
        RAISE EXCEPTION 'provider must be openai, anthropic, huggingface or local'
            USING ERRCODE = '22023', COLUMN = 'provider';
    END IF;
    IF NEW.model_name IS NULL OR btrim(NEW.model_name) = '' THEN
        RAISE EXCEPTION 'model_name is required' USING ERRCODE = '22023', COLUMN = 'model_name';
    END IF;
    NEW.model_name := btrim(NEW.model_name);
    IF length(NEW.model_name) > 200 OR NEW.model_name ~ '[[:cntrl:]/]' THEN
        RAISE EXCEPTION 'model_name must be at most 200 characters, without "/" or control characters'
            USING ERRCODE = '22023', COLUMN = 'model_name';
    END IF;
    IF length(NEW.display_name) > 200 THEN
        RAISE EXCEPTION 'display_name must be at most 200 characters'
            USING ERRCODE = '22023', COLUMN = 'display_name';
    END IF;
    IF NEW.config IS NULL OR jsonb_typeof(NEW.config) <> 'object' THEN
        RAISE EXCEPTION 'config must be a JSON object' USING ERRCODE = '22023', COLUMN = 'config';
    END IF;
    bad := workspace.secret_config_keys(NEW.config);
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'config must not hold secrets: % looks like one',
                        left(array_to_string(bad, ', '), 200)
            USING ERRCODE = '22023', COLUMN = 'config',
                  HINT = 'Store the provider key with set_llm_model_key: it is kept encrypted.';
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.project_id IS DISTINCT FROM OLD.project_id THEN
        RAISE EXCEPTION 'an LLM model cannot move to another project'
            USING ERRCODE = '22023', COLUMN = 'project_id';
    END IF;
    RETURN NEW;
END
$$;


ALTER FUNCTION workspace.tg_llm_models__check() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION tg_llm_models__check(); Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON FUNCTION workspace.tg_llm_models__check() IS 'Trigger: validates provider, model_name, display_name and config with messages naming the field (and never echoing a long value).';


--
-- Name: tg_llm_models__created_by(); Type: FUNCTION; Schema: workspace; Owner: neuronplane_owner
--

CREATE FUNCTION workspace.tg_llm_models__created_by() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    NEW.created_by := identity.current_principal_id();
    RETURN NEW;
END
$$;


ALTER FUNCTION workspace.tg_llm_models__created_by() OWNER TO neuronplane_owner;

--
-- Name: FUNCTION tg_llm_models__created_by(); Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON FUNCTION workspace.tg_llm_models__created_by() IS 'Trigger: created_by is the principal of the request that inserts the model.';


--
-- Name: agents; Type: TABLE; Schema: identity; Owner: neuronplane_owner
--

CREATE TABLE identity.agents (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    principal_type text DEFAULT 'agent'::text NOT NULL,
    project_id uuid NOT NULL,
    name text NOT NULL,
    disabled_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT agents_name_check CHECK (((btrim(name) <> ''::text) AND (length(name) <= 200))),
    CONSTRAINT agents_principal_type_check CHECK ((principal_type = 'agent'::text))
);

ALTER TABLE ONLY identity.agents FORCE ROW LEVEL SECURITY;


ALTER TABLE identity.agents OWNER TO neuronplane_owner;

--
-- Name: TABLE agents; Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON TABLE identity.agents IS 'Agents of a project (NeuronAgent); each is also a principal.';


--
-- Name: agents; Type: VIEW; Schema: api; Owner: neuronplane_owner
--

CREATE VIEW api.agents WITH (security_invoker='true') AS
 SELECT a.id,
    a.project_id,
    a.name,
    a.disabled_at,
    a.created_at,
    a.updated_at
   FROM identity.agents a;


ALTER TABLE api.agents OWNER TO neuronplane_owner;

--
-- Name: VIEW agents; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON VIEW api.agents IS 'Agents of the projects you may read. POST needs write on the project; PATCH write, DELETE admin on the agent.';


--
-- Name: COLUMN agents.id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.agents.id IS 'Agent id (also its principal id).';


--
-- Name: COLUMN agents.project_id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.agents.project_id IS 'The project.';


--
-- Name: COLUMN agents.name; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.agents.name IS 'Name, unique in the project.';


--
-- Name: COLUMN agents.disabled_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.agents.disabled_at IS 'When it was disabled (/rpc/disable_principal).';


--
-- Name: COLUMN agents.created_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.agents.created_at IS 'When it was registered.';


--
-- Name: COLUMN agents.updated_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.agents.updated_at IS 'When it last changed.';


--
-- Name: audit_events; Type: VIEW; Schema: api; Owner: neuronplane_owner
--

CREATE VIEW api.audit_events WITH (security_invoker='true') AS
 SELECT e.id,
    e.occurred_at,
    e.principal_id,
    e.principal_type,
    e.org_id,
    e.project_id,
    e.action,
    e.resource_type,
    e.resource_id,
    e.outcome,
    e.ip,
    e.user_agent,
    e.request_id,
    e.details
   FROM audit.events e;


ALTER TABLE api.audit_events OWNER TO neuronplane_owner;

--
-- Name: VIEW audit_events; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON VIEW api.audit_events IS 'The audit log, read-only. You see the events you performed; whoever may read an organization''s audit log (its owners and admins, and any role or policy granting audit read) sees its events; platform administrators see all. Filter with PostgREST operators, e.g. ?occurred_at=gte.2026-11-01&action=eq.auth.login.failed&order=occurred_at.desc&limit=50.';


--
-- Name: COLUMN audit_events.id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.audit_events.id IS 'Event number, increasing with time of insertion.';


--
-- Name: COLUMN audit_events.occurred_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.audit_events.occurred_at IS 'When the event was recorded (server clock).';


--
-- Name: COLUMN audit_events.principal_id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.audit_events.principal_id IS 'Who acted; null for anonymous callers.';


--
-- Name: COLUMN audit_events.principal_type; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.audit_events.principal_type IS 'user, org, agent, tool, dataset or service_account.';


--
-- Name: COLUMN audit_events.org_id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.audit_events.org_id IS 'The organization the event belongs to, if any.';


--
-- Name: COLUMN audit_events.project_id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.audit_events.project_id IS 'The project (profile) the event belongs to, if any.';


--
-- Name: COLUMN audit_events.action; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.audit_events.action IS 'What happened, from the action catalogue (e.g. auth.login.failed).';


--
-- Name: COLUMN audit_events.resource_type; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.audit_events.resource_type IS 'The kind of object acted upon (e.g. api_key, project).';


--
-- Name: COLUMN audit_events.resource_id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.audit_events.resource_id IS 'The object acted upon.';


--
-- Name: COLUMN audit_events.outcome; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.audit_events.outcome IS 'success, failure or denied.';


--
-- Name: COLUMN audit_events.ip; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.audit_events.ip IS 'Client address, when known.';


--
-- Name: COLUMN audit_events.user_agent; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.audit_events.user_agent IS 'Client user agent, when known.';


--
-- Name: COLUMN audit_events.request_id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.audit_events.request_id IS 'The request''s X-Request-Id, when given.';


--
-- Name: COLUMN audit_events.details; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.audit_events.details IS 'More about the event; never contains secrets.';


--
-- Name: datasets; Type: TABLE; Schema: workspace; Owner: neuronplane_owner
--

CREATE TABLE workspace.datasets (
    id uuid NOT NULL,
    project_id uuid NOT NULL,
    name text NOT NULL,
    target_schema name NOT NULL,
    target_table name NOT NULL,
    columns jsonb DEFAULT '[]'::jsonb NOT NULL,
    row_count bigint,
    embedding jsonb,
    indexes jsonb DEFAULT '[]'::jsonb NOT NULL,
    created_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT datasets_columns_check CHECK ((jsonb_typeof(columns) = 'array'::text)),
    CONSTRAINT datasets_indexes_check CHECK ((jsonb_typeof(indexes) = 'array'::text)),
    CONSTRAINT datasets_name_check CHECK (((btrim(name) <> ''::text) AND (length(name) <= 200))),
    CONSTRAINT datasets_row_count_check CHECK ((row_count >= 0))
);

ALTER TABLE ONLY workspace.datasets FORCE ROW LEVEL SECURITY;


ALTER TABLE workspace.datasets OWNER TO neuronplane_owner;

--
-- Name: TABLE datasets; Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON TABLE workspace.datasets IS 'Loaded datasets: where the table lives (target_schema.target_table), its columns and row count. Deleting the row drops the table.';


--
-- Name: dataset_tables; Type: VIEW; Schema: api; Owner: neuronplane_owner
--

CREATE VIEW api.dataset_tables WITH (security_invoker='true') AS
 SELECT d.id,
    d.project_id,
    d.name,
    d.target_schema,
    d.target_table,
    d.columns,
    d.row_count,
    d.embedding,
    d.indexes,
    d.created_by,
    d.created_at,
    d.updated_at
   FROM workspace.datasets d;


ALTER TABLE api.dataset_tables OWNER TO neuronplane_owner;

--
-- Name: VIEW dataset_tables; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON VIEW api.dataset_tables IS 'Loaded datasets you may read and where their tables are (schema ds_<project>, readable by those with read on the dataset). Delete a dataset (and its table) through api.datasets.';


--
-- Name: COLUMN dataset_tables.id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.dataset_tables.id IS 'Dataset id (as in api.datasets).';


--
-- Name: COLUMN dataset_tables.project_id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.dataset_tables.project_id IS 'The project.';


--
-- Name: COLUMN dataset_tables.name; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.dataset_tables.name IS 'Dataset name.';


--
-- Name: COLUMN dataset_tables.target_schema; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.dataset_tables.target_schema IS 'Schema of the table.';


--
-- Name: COLUMN dataset_tables.target_table; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.dataset_tables.target_table IS 'Table name (sanitized from the dataset name).';


--
-- Name: COLUMN dataset_tables.columns; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.dataset_tables.columns IS 'Columns: [{"name", "type", "source"}].';


--
-- Name: COLUMN dataset_tables.row_count; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.dataset_tables.row_count IS 'Rows loaded.';


--
-- Name: COLUMN dataset_tables.embedding; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.dataset_tables.embedding IS 'The embedding column''s model, type and source columns, if any.';


--
-- Name: COLUMN dataset_tables.indexes; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.dataset_tables.indexes IS 'Indexes created: [{"name", "kind", "column"}].';


--
-- Name: COLUMN dataset_tables.created_by; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.dataset_tables.created_by IS 'Who loaded it.';


--
-- Name: COLUMN dataset_tables.created_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.dataset_tables.created_at IS 'When it was first loaded.';


--
-- Name: COLUMN dataset_tables.updated_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.dataset_tables.updated_at IS 'When it was last loaded.';


--
-- Name: datasets; Type: TABLE; Schema: identity; Owner: neuronplane_owner
--

CREATE TABLE identity.datasets (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    principal_type text DEFAULT 'dataset'::text NOT NULL,
    project_id uuid NOT NULL,
    name text NOT NULL,
    disabled_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT datasets_name_check CHECK (((btrim(name) <> ''::text) AND (length(name) <= 200))),
    CONSTRAINT datasets_principal_type_check CHECK ((principal_type = 'dataset'::text))
);

ALTER TABLE ONLY identity.datasets FORCE ROW LEVEL SECURITY;


ALTER TABLE identity.datasets OWNER TO neuronplane_owner;

--
-- Name: TABLE datasets; Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON TABLE identity.datasets IS 'Datasets of a project; each is also a principal.';


--
-- Name: datasets; Type: VIEW; Schema: api; Owner: neuronplane_owner
--

CREATE VIEW api.datasets WITH (security_invoker='true') AS
 SELECT d.id,
    d.project_id,
    d.name,
    d.disabled_at,
    d.created_at,
    d.updated_at
   FROM identity.datasets d;


ALTER TABLE api.datasets OWNER TO neuronplane_owner;

--
-- Name: VIEW datasets; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON VIEW api.datasets IS 'Datasets of the projects you may read. POST needs write on the project; PATCH write, DELETE admin on the dataset.';


--
-- Name: COLUMN datasets.id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.datasets.id IS 'Dataset id (also its principal id).';


--
-- Name: COLUMN datasets.project_id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.datasets.project_id IS 'The project.';


--
-- Name: COLUMN datasets.name; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.datasets.name IS 'Name, unique in the project.';


--
-- Name: COLUMN datasets.disabled_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.datasets.disabled_at IS 'When it was disabled (/rpc/disable_principal).';


--
-- Name: COLUMN datasets.created_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.datasets.created_at IS 'When it was registered.';


--
-- Name: COLUMN datasets.updated_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.datasets.updated_at IS 'When it last changed.';


--
-- Name: db_health; Type: VIEW; Schema: ops; Owner: neuronplane_owner
--

CREATE VIEW ops.db_health WITH (security_invoker='true') AS
 SELECT db_health_snapshot.server_version,
    db_health_snapshot.started_at,
    db_health_snapshot.uptime,
    db_health_snapshot.database_name,
    db_health_snapshot.database_size_bytes,
    db_health_snapshot.connections,
    db_health_snapshot.max_connections,
    db_health_snapshot.connections_by_state,
    db_health_snapshot.cache_hit_ratio,
    db_health_snapshot.commits,
    db_health_snapshot.rollbacks,
    db_health_snapshot.deadlocks,
    db_health_snapshot.longest_transaction_seconds,
    db_health_snapshot.is_replica,
    db_health_snapshot.replicas,
    db_health_snapshot.replication_lag_seconds,
    db_health_snapshot.xid_age,
    db_health_snapshot.xid_wraparound_headroom,
    db_health_snapshot.checked_at
   FROM ops.db_health_snapshot() db_health_snapshot(server_version, started_at, uptime, database_name, database_size_bytes, connections, max_connections, connections_by_state, cache_hit_ratio, commits, rollbacks, deadlocks, longest_transaction_seconds, is_replica, replicas, replication_lag_seconds, xid_age, xid_wraparound_headroom, checked_at);


ALTER TABLE ops.db_health OWNER TO neuronplane_owner;

--
-- Name: VIEW db_health; Type: COMMENT; Schema: ops; Owner: neuronplane_owner
--

COMMENT ON VIEW ops.db_health IS 'Health of this server and database (ops.db_health_snapshot()).';


--
-- Name: db_health; Type: VIEW; Schema: api; Owner: neuronplane_owner
--

CREATE VIEW api.db_health WITH (security_invoker='true') AS
 SELECT db_health.server_version,
    db_health.started_at,
    db_health.uptime,
    db_health.database_name,
    db_health.database_size_bytes,
    db_health.connections,
    db_health.max_connections,
    db_health.connections_by_state,
    db_health.cache_hit_ratio,
    db_health.commits,
    db_health.rollbacks,
    db_health.deadlocks,
    db_health.longest_transaction_seconds,
    db_health.is_replica,
    db_health.replicas,
    db_health.replication_lag_seconds,
    db_health.xid_age,
    db_health.xid_wraparound_headroom,
    db_health.checked_at
   FROM ops.db_health;


ALTER TABLE api.db_health OWNER TO neuronplane_owner;

--
-- Name: VIEW db_health; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON VIEW api.db_health IS 'Database health, one row: server version, uptime, database size, client connections by state against max_connections, cache hit ratio, commits, rollbacks, deadlocks, the longest running transaction, replication lag (NULL without replicas), transaction-id wraparound headroom. For platform administrators and organization owners/admins (42501 otherwise).';


--
-- Name: COLUMN db_health.server_version; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.db_health.server_version IS 'PostgreSQL version.';


--
-- Name: COLUMN db_health.started_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.db_health.started_at IS 'When the server started.';


--
-- Name: COLUMN db_health.uptime; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.db_health.uptime IS 'How long it has been running.';


--
-- Name: COLUMN db_health.database_name; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.db_health.database_name IS 'This database.';


--
-- Name: COLUMN db_health.database_size_bytes; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.db_health.database_size_bytes IS 'Size of this database on disk.';


--
-- Name: COLUMN db_health.connections; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.db_health.connections IS 'Client connections to the server.';


--
-- Name: COLUMN db_health.max_connections; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.db_health.max_connections IS 'The server''s max_connections.';


--
-- Name: COLUMN db_health.connections_by_state; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.db_health.connections_by_state IS 'Client connections per state (active, idle, idle in transaction, ...).';


--
-- Name: COLUMN db_health.cache_hit_ratio; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.db_health.cache_hit_ratio IS 'Share of block reads served from shared buffers (0 to 1) in this database.';


--
-- Name: COLUMN db_health.commits; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.db_health.commits IS 'Committed transactions in this database since statistics were reset.';


--
-- Name: COLUMN db_health.rollbacks; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.db_health.rollbacks IS 'Rolled back transactions since statistics were reset.';


--
-- Name: COLUMN db_health.deadlocks; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.db_health.deadlocks IS 'Deadlocks detected since statistics were reset.';


--
-- Name: COLUMN db_health.longest_transaction_seconds; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.db_health.longest_transaction_seconds IS 'Age of the oldest open transaction (other than this one), in seconds.';


--
-- Name: COLUMN db_health.is_replica; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.db_health.is_replica IS 'True when this server is a standby.';


--
-- Name: COLUMN db_health.replicas; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.db_health.replicas IS 'Standbys streaming from this server.';


--
-- Name: COLUMN db_health.replication_lag_seconds; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.db_health.replication_lag_seconds IS 'The largest replay lag of the standbys, in seconds (NULL without replicas); on a standby, seconds since the last replayed commit.';


--
-- Name: COLUMN db_health.xid_age; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.db_health.xid_age IS 'Age of this database''s oldest unfrozen transaction id.';


--
-- Name: COLUMN db_health.xid_wraparound_headroom; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.db_health.xid_wraparound_headroom IS 'Transaction ids left before the server refuses writes to prevent wraparound (over all databases).';


--
-- Name: COLUMN db_health.checked_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.db_health.checked_at IS 'When these figures were taken.';


--
-- Name: index_health; Type: VIEW; Schema: ops; Owner: neuronplane_owner
--

CREATE VIEW ops.index_health WITH (security_invoker='true') AS
 SELECT index_health_snapshot.schema_name,
    index_health_snapshot.table_name,
    index_health_snapshot.index_name,
    index_health_snapshot.size_bytes,
    index_health_snapshot.scans,
    index_health_snapshot.is_unique,
    index_health_snapshot.is_unused,
    index_health_snapshot.is_valid,
    index_health_snapshot.duplicate_of,
    index_health_snapshot.definition
   FROM ops.index_health_snapshot() index_health_snapshot(schema_name, table_name, index_name, size_bytes, scans, is_unique, is_unused, is_valid, duplicate_of, definition);


ALTER TABLE ops.index_health OWNER TO neuronplane_owner;

--
-- Name: VIEW index_health; Type: COMMENT; Schema: ops; Owner: neuronplane_owner
--

COMMENT ON VIEW ops.index_health IS 'Health of every index (ops.index_health_snapshot()).';


--
-- Name: index_health; Type: VIEW; Schema: api; Owner: neuronplane_owner
--

CREATE VIEW api.index_health WITH (security_invoker='true') AS
 SELECT index_health.schema_name,
    index_health.table_name,
    index_health.index_name,
    index_health.size_bytes,
    index_health.scans,
    index_health.is_unique,
    index_health.is_unused,
    index_health.is_valid,
    index_health.duplicate_of,
    index_health.definition
   FROM ops.index_health;


ALTER TABLE api.index_health OWNER TO neuronplane_owner;

--
-- Name: VIEW index_health; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON VIEW api.index_health IS 'Every index of the database: size, scans, and whether it is unused (never scanned and enforcing no constraint), invalid, or a duplicate of another index of its table. For platform administrators and organization owners/admins (42501 otherwise).';


--
-- Name: COLUMN index_health.schema_name; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.index_health.schema_name IS 'Schema of the index.';


--
-- Name: COLUMN index_health.table_name; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.index_health.table_name IS 'Table it indexes.';


--
-- Name: COLUMN index_health.index_name; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.index_health.index_name IS 'Index name.';


--
-- Name: COLUMN index_health.size_bytes; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.index_health.size_bytes IS 'Size on disk.';


--
-- Name: COLUMN index_health.scans; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.index_health.scans IS 'Index scans since statistics were reset.';


--
-- Name: COLUMN index_health.is_unique; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.index_health.is_unique IS 'A unique index.';


--
-- Name: COLUMN index_health.is_unused; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.index_health.is_unused IS 'Never scanned and enforcing no constraint: a candidate for dropping.';


--
-- Name: COLUMN index_health.is_valid; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.index_health.is_valid IS 'False for an index left invalid (e.g. by a failed CREATE INDEX CONCURRENTLY).';


--
-- Name: COLUMN index_health.duplicate_of; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.index_health.duplicate_of IS 'Other indexes of the table with the same definition.';


--
-- Name: COLUMN index_health.definition; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.index_health.definition IS 'CREATE INDEX statement.';


--
-- Name: tools; Type: TABLE; Schema: identity; Owner: neuronplane_owner
--

CREATE TABLE identity.tools (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    principal_type text DEFAULT 'tool'::text NOT NULL,
    project_id uuid NOT NULL,
    name text NOT NULL,
    disabled_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT tools_name_check CHECK (((btrim(name) <> ''::text) AND (length(name) <= 200))),
    CONSTRAINT tools_principal_type_check CHECK ((principal_type = 'tool'::text))
);

ALTER TABLE ONLY identity.tools FORCE ROW LEVEL SECURITY;


ALTER TABLE identity.tools OWNER TO neuronplane_owner;

--
-- Name: TABLE tools; Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON TABLE identity.tools IS 'Tools of a project (NeuronMCP); each is also a principal.';


--
-- Name: tools; Type: VIEW; Schema: api; Owner: neuronplane_owner
--

CREATE VIEW api.tools WITH (security_invoker='true') AS
 SELECT t.id,
    t.project_id,
    t.name,
    t.disabled_at,
    t.created_at,
    t.updated_at
   FROM identity.tools t;


ALTER TABLE api.tools OWNER TO neuronplane_owner;

--
-- Name: VIEW tools; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON VIEW api.tools IS 'Tools of the projects you may read. POST needs write on the project; PATCH write, DELETE admin on the tool.';


--
-- Name: COLUMN tools.id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.tools.id IS 'Tool id (also its principal id).';


--
-- Name: COLUMN tools.project_id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.tools.project_id IS 'The project.';


--
-- Name: COLUMN tools.name; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.tools.name IS 'Name, unique in the project.';


--
-- Name: COLUMN tools.disabled_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.tools.disabled_at IS 'When it was disabled (/rpc/disable_principal).';


--
-- Name: COLUMN tools.created_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.tools.created_at IS 'When it was registered.';


--
-- Name: COLUMN tools.updated_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.tools.updated_at IS 'When it last changed.';


--
-- Name: usage_counters; Type: TABLE; Schema: ops; Owner: neuronplane_owner
--

CREATE TABLE ops.usage_counters (
    project_id uuid NOT NULL,
    day date NOT NULL,
    api_key_id uuid,
    requests bigint DEFAULT 0 NOT NULL,
    errors bigint DEFAULT 0 NOT NULL,
    llm_calls bigint DEFAULT 0 NOT NULL,
    tokens_in bigint DEFAULT 0 NOT NULL,
    tokens_out bigint DEFAULT 0 NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT usage_counters_errors_check CHECK ((errors >= 0)),
    CONSTRAINT usage_counters_llm_calls_check CHECK ((llm_calls >= 0)),
    CONSTRAINT usage_counters_requests_check CHECK ((requests >= 0)),
    CONSTRAINT usage_counters_tokens_in_check CHECK ((tokens_in >= 0)),
    CONSTRAINT usage_counters_tokens_out_check CHECK ((tokens_out >= 0))
)
WITH (fillfactor='70');

ALTER TABLE ONLY ops.usage_counters FORCE ROW LEVEL SECURITY;


ALTER TABLE ops.usage_counters OWNER TO neuronplane_owner;

--
-- Name: TABLE usage_counters; Type: COMMENT; Schema: ops; Owner: neuronplane_owner
--

COMMENT ON TABLE ops.usage_counters IS 'Per project, UTC day and API key: requests and errors of API-key requests (from the rate limiter''s counts), LLM calls and tokens (from api.record_usage()).';


--
-- Name: usage; Type: VIEW; Schema: ops; Owner: neuronplane_owner
--

CREATE VIEW ops.usage WITH (security_invoker='true') AS
 SELECT u.project_id,
    u.day,
    (sum(u.requests))::bigint AS requests,
    (sum(u.errors))::bigint AS errors,
    (sum(u.llm_calls))::bigint AS llm_calls,
    (sum(u.tokens_in))::bigint AS tokens_in,
    (sum(u.tokens_out))::bigint AS tokens_out,
    max(u.updated_at) AS updated_at
   FROM ops.usage_counters u
  GROUP BY u.project_id, u.day;


ALTER TABLE ops.usage OWNER TO neuronplane_owner;

--
-- Name: VIEW usage; Type: COMMENT; Schema: ops; Owner: neuronplane_owner
--

COMMENT ON VIEW ops.usage IS 'Usage per project and UTC day (ops.usage_counters summed over keys).';


--
-- Name: usage; Type: VIEW; Schema: api; Owner: neuronplane_owner
--

CREATE VIEW api.usage WITH (security_invoker='true') AS
 SELECT usage.project_id,
    usage.day,
    usage.requests,
    usage.errors,
    usage.llm_calls,
    usage.tokens_in,
    usage.tokens_out,
    usage.updated_at
   FROM ops.usage;


ALTER TABLE api.usage OWNER TO neuronplane_owner;

--
-- Name: VIEW usage; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON VIEW api.usage IS 'Usage per project and UTC day: requests and errors of API-key requests made with keys bound to the project (JWT requests are not counted), LLM calls and tokens reported by NeuronAgent (POST /rpc/record_usage). Filter with ?project_id=eq.<id>&day=gte.<date>. For administrators of the project (organization owners/admins) and platform administrators.';


--
-- Name: COLUMN usage.project_id; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.usage.project_id IS 'The project (profile).';


--
-- Name: COLUMN usage.day; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.usage.day IS 'UTC day.';


--
-- Name: COLUMN usage.requests; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.usage.requests IS 'API requests let through for the project''s API keys.';


--
-- Name: COLUMN usage.errors; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.usage.errors IS 'Refused requests of the project''s API keys (rate limited, revoked, expired, wrong secret).';


--
-- Name: COLUMN usage.llm_calls; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.usage.llm_calls IS 'LLM calls reported by NeuronAgent.';


--
-- Name: COLUMN usage.tokens_in; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.usage.tokens_in IS 'Prompt tokens reported.';


--
-- Name: COLUMN usage.tokens_out; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.usage.tokens_out IS 'Completion tokens reported.';


--
-- Name: COLUMN usage.updated_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.usage.updated_at IS 'Last change of these counters.';


--
-- Name: workers; Type: VIEW; Schema: ops; Owner: neuronplane_owner
--

CREATE VIEW ops.workers WITH (security_invoker='true') AS
 SELECT workers_snapshot.kind,
    workers_snapshot.name,
    workers_snapshot.state,
    workers_snapshot.started_at,
    workers_snapshot.last_seen_at,
    workers_snapshot.details
   FROM ops.workers_snapshot() workers_snapshot(kind, name, state, started_at, last_seen_at, details);


ALTER TABLE ops.workers OWNER TO neuronplane_owner;

--
-- Name: VIEW workers; Type: COMMENT; Schema: ops; Owner: neuronplane_owner
--

COMMENT ON VIEW ops.workers IS 'Background workers, neuronplane processes, scheduler jobs and ingestion workers (ops.workers_snapshot()).';


--
-- Name: workers; Type: VIEW; Schema: api; Owner: neuronplane_owner
--

CREATE VIEW api.workers WITH (security_invoker='true') AS
 SELECT workers.kind,
    workers.name,
    workers.state,
    workers.started_at,
    workers.last_seen_at,
    workers.details
   FROM ops.workers;


ALTER TABLE api.workers OWNER TO neuronplane_owner;

--
-- Name: VIEW workers; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON VIEW api.workers IS 'Background work: PostgreSQL background workers and neuronplane''s processes (from pg_stat_activity, kind background_worker / application), pg_cron''s scheduler jobs with their last run (kind scheduler_job), and the ingestion workers by their heartbeats (kind ingest_worker: busy, idle, stale or stopped in the last day). For platform administrators and organization owners/admins (42501 otherwise).';


--
-- Name: COLUMN workers.kind; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.workers.kind IS 'background_worker, application, scheduler_job or ingest_worker.';


--
-- Name: COLUMN workers.name; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.workers.name IS 'Application name, backend type or job name.';


--
-- Name: COLUMN workers.state; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.workers.state IS 'Session state; the job''s last status (succeeded, failed, running, inactive, not run yet); or an ingestion worker''s busy, idle, stale or stopped.';


--
-- Name: COLUMN workers.started_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.workers.started_at IS 'When the process started (NULL for jobs).';


--
-- Name: COLUMN workers.last_seen_at; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.workers.last_seen_at IS 'Its last activity, or when the job last ended.';


--
-- Name: COLUMN workers.details; Type: COMMENT; Schema: api; Owner: neuronplane_owner
--

COMMENT ON COLUMN api.workers.details IS 'pid, backend type, wait event; or the job''s schedule, last run and failures in the last day.';


--
-- Name: actions; Type: TABLE; Schema: audit; Owner: neuronplane_owner
--

CREATE TABLE audit.actions (
    action text NOT NULL,
    description text NOT NULL,
    CONSTRAINT actions_action_check CHECK ((action ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$'::text)),
    CONSTRAINT actions_description_check CHECK ((description <> ''::text))
);

ALTER TABLE ONLY audit.actions FORCE ROW LEVEL SECURITY;


ALTER TABLE audit.actions OWNER TO neuronplane_owner;

--
-- Name: TABLE actions; Type: COMMENT; Schema: audit; Owner: neuronplane_owner
--

COMMENT ON TABLE audit.actions IS 'Every action an audit event may name, with what it means.';


--
-- Name: chain_state; Type: TABLE; Schema: audit; Owner: neuronplane_owner
--

CREATE TABLE audit.chain_state (
    month date NOT NULL,
    last_position bigint DEFAULT 0 NOT NULL,
    head_hash bytea NOT NULL,
    finalized_at timestamp with time zone,
    exported_position bigint,
    exported_hash bytea,
    exported_at timestamp with time zone,
    exported_to text,
    dropped_at timestamp with time zone,
    CONSTRAINT chain_state_month_check CHECK ((month = date_trunc('month'::text, (month)::timestamp with time zone)))
);

ALTER TABLE ONLY audit.chain_state FORCE ROW LEVEL SECURITY;


ALTER TABLE audit.chain_state OWNER TO neuronplane_owner;

--
-- Name: TABLE chain_state; Type: COMMENT; Schema: audit; Owner: neuronplane_owner
--

COMMENT ON TABLE audit.chain_state IS 'Head of each month''s seal chain; final once no event can still join it; export marks for retention.';


--
-- Name: events_id_seq; Type: SEQUENCE; Schema: audit; Owner: neuronplane_owner
--

CREATE SEQUENCE audit.events_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE audit.events_id_seq OWNER TO neuronplane_owner;

--
-- Name: events_id_seq; Type: SEQUENCE OWNED BY; Schema: audit; Owner: neuronplane_owner
--

ALTER SEQUENCE audit.events_id_seq OWNED BY audit.events.id;


--
-- Name: sealer_state; Type: TABLE; Schema: audit; Owner: neuronplane_owner
--

CREATE TABLE audit.sealer_state (
    id boolean DEFAULT true NOT NULL,
    watermark bigint DEFAULT 0 NOT NULL,
    watermark_read_at timestamp with time zone,
    pending_id bigint,
    pending_xmax xid8,
    pending_read_at timestamp with time zone,
    last_run_at timestamp with time zone,
    CONSTRAINT sealer_state_id_check CHECK (id)
);

ALTER TABLE ONLY audit.sealer_state FORCE ROW LEVEL SECURITY;


ALTER TABLE audit.sealer_state OWNER TO neuronplane_owner;

--
-- Name: TABLE sealer_state; Type: COMMENT; Schema: audit; Owner: neuronplane_owner
--

COMMENT ON TABLE audit.sealer_state IS 'Progress of audit.seal(); one row.';


--
-- Name: seals; Type: TABLE; Schema: audit; Owner: neuronplane_owner
--

CREATE TABLE audit.seals (
    month date NOT NULL,
    "position" bigint NOT NULL,
    event_id bigint NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    prev_hash bytea NOT NULL,
    hash bytea NOT NULL,
    sealed_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    CONSTRAINT seals_hash_check CHECK ((octet_length(hash) = 32)),
    CONSTRAINT seals_position_check CHECK (("position" > 0)),
    CONSTRAINT seals_prev_hash_check CHECK ((octet_length(prev_hash) = 32))
)
PARTITION BY RANGE (month);

ALTER TABLE ONLY audit.seals FORCE ROW LEVEL SECURITY;


ALTER TABLE audit.seals OWNER TO neuronplane_owner;

--
-- Name: TABLE seals; Type: COMMENT; Schema: audit; Owner: neuronplane_owner
--

COMMENT ON TABLE audit.seals IS 'One seal per audit event: its position and hash in its month''s chain.';


--
-- Name: settings; Type: TABLE; Schema: audit; Owner: neuronplane_owner
--

CREATE TABLE audit.settings (
    id boolean DEFAULT true NOT NULL,
    trusted_proxy_header text,
    partitions_ahead integer DEFAULT 3 NOT NULL,
    max_details_bytes integer DEFAULT 16384 NOT NULL,
    CONSTRAINT settings_id_check CHECK (id),
    CONSTRAINT settings_max_details_bytes_check CHECK (((max_details_bytes >= 1024) AND (max_details_bytes <= 1048576))),
    CONSTRAINT settings_partitions_ahead_check CHECK (((partitions_ahead >= 1) AND (partitions_ahead <= 24))),
    CONSTRAINT settings_trusted_proxy_header_check CHECK ((trusted_proxy_header ~ '^[a-z0-9-]+$'::text))
);

ALTER TABLE ONLY audit.settings FORCE ROW LEVEL SECURITY;


ALTER TABLE audit.settings OWNER TO neuronplane_owner;

--
-- Name: TABLE settings; Type: COMMENT; Schema: audit; Owner: neuronplane_owner
--

COMMENT ON TABLE audit.settings IS 'Audit log settings, one row; change with UPDATE as an administrator.';


--
-- Name: verification_runs; Type: TABLE; Schema: audit; Owner: neuronplane_owner
--

CREATE TABLE audit.verification_runs (
    id bigint NOT NULL,
    checked_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    ok boolean NOT NULL,
    event_id bigint,
    problem text
);

ALTER TABLE ONLY audit.verification_runs FORCE ROW LEVEL SECURITY;


ALTER TABLE audit.verification_runs OWNER TO neuronplane_owner;

--
-- Name: TABLE verification_runs; Type: COMMENT; Schema: audit; Owner: neuronplane_owner
--

COMMENT ON TABLE audit.verification_runs IS 'Outcome of each audit.verify_and_record() run (pg_cron, hourly, and `neuronplane audit-verify`); kept 30 days.';


--
-- Name: verification_runs_id_seq; Type: SEQUENCE; Schema: audit; Owner: neuronplane_owner
--

ALTER TABLE audit.verification_runs ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME audit.verification_runs_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: account_login_failures; Type: TABLE; Schema: auth; Owner: neuronplane_owner
--

CREATE TABLE auth.account_login_failures (
    account_key text NOT NULL,
    user_id uuid,
    failure_count integer NOT NULL,
    first_failure_at timestamp with time zone NOT NULL,
    last_failure_at timestamp with time zone NOT NULL,
    locked_until timestamp with time zone,
    CONSTRAINT account_login_failures_account_key_check CHECK ((account_key ~ '^(user:[0-9a-f-]{36}|login:[0-9a-f]{64})$'::text)),
    CONSTRAINT account_login_failures_check CHECK (((user_id IS NOT NULL) = (account_key ~~ 'user:%'::text))),
    CONSTRAINT account_login_failures_failure_count_check CHECK ((failure_count > 0))
);

ALTER TABLE ONLY auth.account_login_failures FORCE ROW LEVEL SECURITY;


ALTER TABLE auth.account_login_failures OWNER TO neuronplane_owner;

--
-- Name: TABLE account_login_failures; Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON TABLE auth.account_login_failures IS 'Recent failed password logins per account (user:<id>) or unknown login name (login:<sha256 of the lower-cased name>): the account lockout. Cleared by a successful login or a new password; old rows are purged by auth.purge_login_throttles().';


--
-- Name: COLUMN account_login_failures.failure_count; Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON COLUMN auth.account_login_failures.failure_count IS 'Failures in a row, none more than auth.settings.lockout_window after the previous one (or after the end of its lock).';


--
-- Name: COLUMN account_login_failures.locked_until; Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON COLUMN auth.account_login_failures.locked_until IS 'No login is tried before this time (lockout_threshold failures reached).';


--
-- Name: address_login_attempts; Type: TABLE; Schema: auth; Owner: neuronplane_owner
--

CREATE TABLE auth.address_login_attempts (
    address inet NOT NULL,
    window_started_at timestamp with time zone NOT NULL,
    attempt_count integer NOT NULL,
    CONSTRAINT address_login_attempts_attempt_count_check CHECK ((attempt_count > 0))
);

ALTER TABLE ONLY auth.address_login_attempts FORCE ROW LEVEL SECURITY;


ALTER TABLE auth.address_login_attempts OWNER TO neuronplane_owner;

--
-- Name: TABLE address_login_attempts; Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON TABLE auth.address_login_attempts IS 'Password login attempts per client address in the current one-minute window, against auth.settings.login_rate_limit_per_min.';


--
-- Name: address_login_failures; Type: TABLE; Schema: auth; Owner: neuronplane_owner
--

CREATE TABLE auth.address_login_failures (
    address inet NOT NULL,
    failure_count integer NOT NULL,
    first_failure_at timestamp with time zone NOT NULL,
    last_failure_at timestamp with time zone NOT NULL,
    locked_until timestamp with time zone,
    CONSTRAINT address_login_failures_failure_count_check CHECK ((failure_count > 0))
);

ALTER TABLE ONLY auth.address_login_failures FORCE ROW LEVEL SECURITY;


ALTER TABLE auth.address_login_failures OWNER TO neuronplane_owner;

--
-- Name: TABLE address_login_failures; Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON TABLE auth.address_login_failures IS 'Recent failed password logins per client address (IPv4 host, IPv6 /64): the address lockout, same rule as per account. Old rows are purged by auth.purge_login_throttles().';


--
-- Name: COLUMN address_login_failures.locked_until; Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON COLUMN auth.address_login_failures.locked_until IS 'No login from this address is tried before this time.';


--
-- Name: api_key_rejections; Type: TABLE; Schema: auth; Owner: neuronplane_owner
--

CREATE TABLE auth.api_key_rejections (
    subject text NOT NULL,
    window_start timestamp with time zone NOT NULL,
    rejection_count integer NOT NULL,
    CONSTRAINT api_key_rejections_rejection_count_check CHECK ((rejection_count > 0)),
    CONSTRAINT api_key_rejections_subject_check CHECK ((subject ~ '^(api_key|address):'::text))
);

ALTER TABLE ONLY auth.api_key_rejections FORCE ROW LEVEL SECURITY;


ALTER TABLE auth.api_key_rejections OWNER TO neuronplane_owner;

--
-- Name: TABLE api_key_rejections; Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON TABLE auth.api_key_rejections IS 'Refused API-key requests in the current minute, per key (api_key:<id>) or client address (address:<ip>): only the first of each minute is audited. Purged by auth.purge_api_key_rejections().';


--
-- Name: api_key_request_counts; Type: TABLE; Schema: auth; Owner: neuronplane_owner
--

CREATE TABLE auth.api_key_request_counts (
    api_key_id uuid NOT NULL,
    window_start timestamp with time zone NOT NULL,
    request_count integer NOT NULL,
    last_taken integer NOT NULL,
    CONSTRAINT api_key_request_counts_last_taken_check CHECK ((last_taken >= 0)),
    CONSTRAINT api_key_request_counts_request_count_check CHECK ((request_count > 0))
)
WITH (fillfactor='50');

ALTER TABLE ONLY auth.api_key_request_counts FORCE ROW LEVEL SECURITY;


ALTER TABLE auth.api_key_request_counts OWNER TO neuronplane_owner;

--
-- Name: TABLE api_key_request_counts; Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON TABLE auth.api_key_request_counts IS 'Requests made with each API key in its current one-minute window (and requests handed out in advance to a backend), shared by every PostgREST instance; written by the autonomous connection.';


--
-- Name: autonomous_logins; Type: TABLE; Schema: auth; Owner: neuronplane_owner
--

CREATE TABLE auth.autonomous_logins (
    role_name text NOT NULL,
    password bytea NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT autonomous_logins_role_name_check CHECK ((role_name = 'neuronplane_autonomous'::text))
);

ALTER TABLE ONLY auth.autonomous_logins FORCE ROW LEVEL SECURITY;


ALTER TABLE auth.autonomous_logins OWNER TO neuronplane_owner;

--
-- Name: TABLE autonomous_logins; Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON TABLE auth.autonomous_logins IS 'The password of the autonomous connection''s login, encrypted under the data key; set when the change is deployed.';


--
-- Name: common_passwords; Type: TABLE; Schema: auth; Owner: neuronplane_owner
--

CREATE TABLE auth.common_passwords (
    password text NOT NULL
);

ALTER TABLE ONLY auth.common_passwords FORCE ROW LEVEL SECURITY;


ALTER TABLE auth.common_passwords OWNER TO neuronplane_owner;

--
-- Name: TABLE common_passwords; Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON TABLE auth.common_passwords IS 'Passwords refused as too common, lower-cased: Django''s list of 20,000 (19,640 distinct), loaded from data/common-passwords.txt.gz by the deploy script of auth/passwords.';


--
-- Name: credentials; Type: TABLE; Schema: auth; Owner: neuronplane_owner
--

CREATE TABLE auth.credentials (
    user_id uuid NOT NULL,
    password_hash text NOT NULL,
    changed_at timestamp with time zone DEFAULT now() NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT credentials_password_hash_check CHECK ((password_hash ~~ '$argon2id$%'::text))
);

ALTER TABLE ONLY auth.credentials FORCE ROW LEVEL SECURITY;


ALTER TABLE auth.credentials OWNER TO neuronplane_owner;

--
-- Name: TABLE credentials; Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON TABLE auth.credentials IS 'Users'' passwords, as argon2id hashes only. Written by auth.set_password(), read by auth.attempt_password_login() and auth.verify_password(); no API role reads it.';


--
-- Name: COLUMN credentials.password_hash; Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON COLUMN auth.credentials.password_hash IS 'argon2id in the PHC string format ($argon2id$v=19$m=...,t=...,p=...$salt$tag); rehashed at login when the parameters change.';


--
-- Name: COLUMN credentials.changed_at; Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON COLUMN auth.credentials.changed_at IS 'When the password was last set (a rehash is not a change).';


--
-- Name: external_identities; Type: TABLE; Schema: auth; Owner: neuronplane_owner
--

CREATE TABLE auth.external_identities (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    provider text NOT NULL,
    subject text NOT NULL,
    user_id uuid NOT NULL,
    email extensions.citext,
    email_verified boolean DEFAULT false NOT NULL,
    last_claims jsonb DEFAULT '{}'::jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    last_login_at timestamp with time zone,
    CONSTRAINT external_identities_email_check CHECK ((length((email)::text) <= 254)),
    CONSTRAINT external_identities_last_claims_check CHECK ((jsonb_typeof(last_claims) = 'object'::text)),
    CONSTRAINT external_identities_subject_check CHECK (((subject <> ''::text) AND (length(subject) <= 255)))
);

ALTER TABLE ONLY auth.external_identities FORCE ROW LEVEL SECURITY;


ALTER TABLE auth.external_identities OWNER TO neuronplane_owner;

--
-- Name: TABLE external_identities; Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON TABLE auth.external_identities IS 'Accounts at OpenID Providers (provider and subject, unique) linked to users, with the claims of their last login.';


--
-- Name: login_attempts; Type: TABLE; Schema: auth; Owner: neuronplane_owner
--

CREATE TABLE auth.login_attempts (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    provider text NOT NULL,
    state_hash bytea NOT NULL,
    nonce text NOT NULL,
    code_verifier bytea NOT NULL,
    redirect_uri text NOT NULL,
    binding_hash bytea NOT NULL,
    ip inet,
    user_agent text,
    created_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    consumed_at timestamp with time zone,
    completed_at timestamp with time zone,
    failed_reason text,
    CONSTRAINT login_attempts_binding_hash_check CHECK ((length(binding_hash) = 32)),
    CONSTRAINT login_attempts_check CHECK (((completed_at IS NULL) OR (consumed_at IS NOT NULL))),
    CONSTRAINT login_attempts_failed_reason_check CHECK ((length(failed_reason) <= 200)),
    CONSTRAINT login_attempts_nonce_check CHECK (((length(nonce) >= 32) AND (length(nonce) <= 128))),
    CONSTRAINT login_attempts_state_hash_check CHECK ((length(state_hash) = 32)),
    CONSTRAINT login_attempts_user_agent_check CHECK ((length(user_agent) <= 512))
);

ALTER TABLE ONLY auth.login_attempts FORCE ROW LEVEL SECURITY;


ALTER TABLE auth.login_attempts OWNER TO neuronplane_owner;

--
-- Name: TABLE login_attempts; Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON TABLE auth.login_attempts IS 'OIDC logins waiting for (or past) their callback: SHA-256 of the state and of the browser binding cookie, nonce, encrypted PKCE verifier, where to send the browser afterwards, expiry; consumed_at makes the state single-use.';


--
-- Name: COLUMN login_attempts.code_verifier; Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON COLUMN auth.login_attempts.code_verifier IS 'The PKCE code verifier, encrypted by internal.encrypt_secret() for context ''auth.login_attempts:<id>''.';


--
-- Name: COLUMN login_attempts.redirect_uri; Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON COLUMN auth.login_attempts.redirect_uri IS 'Where the browser goes after the login (redirect_to), one of the provider''s redirect_uris.';


--
-- Name: COLUMN login_attempts.binding_hash; Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON COLUMN auth.login_attempts.binding_hash IS 'SHA-256 of the random value the glue put in the starting browser''s cookie: a callback from another browser is refused.';


--
-- Name: oidc_providers; Type: TABLE; Schema: auth; Owner: neuronplane_owner
--

CREATE TABLE auth.oidc_providers (
    name text NOT NULL,
    issuer text NOT NULL,
    client_id text NOT NULL,
    client_secret bytea,
    authorization_endpoint text NOT NULL,
    token_endpoint text NOT NULL,
    jwks_uri text NOT NULL,
    userinfo_endpoint text,
    end_session_endpoint text,
    id_token_algs text[] DEFAULT '{RS256,ES256}'::text[] NOT NULL,
    jwks jsonb,
    jwks_fetched_at timestamp with time zone,
    scopes text[] DEFAULT '{openid,email,profile}'::text[] NOT NULL,
    callback_url text NOT NULL,
    redirect_uris text[] DEFAULT '{}'::text[] NOT NULL,
    link_verified_email boolean DEFAULT false NOT NULL,
    enabled boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    iss_parameter_supported boolean DEFAULT false NOT NULL,
    CONSTRAINT oidc_providers_authorization_endpoint_check CHECK ((authorization_endpoint ~ '^https?://[^[:space:]]+$'::text)),
    CONSTRAINT oidc_providers_callback_url_check CHECK ((callback_url ~ '^https?://[^[:space:]#]+$'::text)),
    CONSTRAINT oidc_providers_check CHECK (((jwks IS NULL) = (jwks_fetched_at IS NULL))),
    CONSTRAINT oidc_providers_client_id_check CHECK (((client_id <> ''::text) AND (length(client_id) <= 255))),
    CONSTRAINT oidc_providers_end_session_endpoint_check CHECK ((end_session_endpoint ~ '^https?://[^[:space:]]+$'::text)),
    CONSTRAINT oidc_providers_id_token_algs_check CHECK (((cardinality(id_token_algs) > 0) AND (id_token_algs <@ '{RS256,RS384,RS512,PS256,PS384,PS512,ES256,ES384,ES512,EdDSA}'::text[]))),
    CONSTRAINT oidc_providers_issuer_check CHECK ((issuer ~ '^https?://[^[:space:]]+$'::text)),
    CONSTRAINT oidc_providers_jwks_check CHECK ((jsonb_typeof((jwks -> 'keys'::text)) = 'array'::text)),
    CONSTRAINT oidc_providers_jwks_uri_check CHECK ((jwks_uri ~ '^https?://[^[:space:]]+$'::text)),
    CONSTRAINT oidc_providers_name_check CHECK ((name ~ '^[a-z0-9][a-z0-9_-]{0,62}$'::text)),
    CONSTRAINT oidc_providers_scopes_check CHECK (('openid'::text = ANY (scopes))),
    CONSTRAINT oidc_providers_token_endpoint_check CHECK ((token_endpoint ~ '^https?://[^[:space:]]+$'::text)),
    CONSTRAINT oidc_providers_userinfo_endpoint_check CHECK ((userinfo_endpoint ~ '^https?://[^[:space:]]+$'::text))
);

ALTER TABLE ONLY auth.oidc_providers FORCE ROW LEVEL SECURITY;


ALTER TABLE auth.oidc_providers OWNER TO neuronplane_owner;

--
-- Name: TABLE oidc_providers; Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON TABLE auth.oidc_providers IS 'OpenID Providers users may log in with: client registration, endpoints from discovery, the cached JWKS, scopes, and where the browser may be sent after login.';


--
-- Name: COLUMN oidc_providers.name; Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON COLUMN auth.oidc_providers.name IS 'Short name in the login URL: /auth/oidc/<name>/login.';


--
-- Name: COLUMN oidc_providers.client_secret; Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON COLUMN auth.oidc_providers.client_secret IS 'The client secret, encrypted by internal.encrypt_secret() for context ''auth.oidc_providers:<name>''; NULL for a public client (PKCE only).';


--
-- Name: COLUMN oidc_providers.jwks; Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON COLUMN auth.oidc_providers.jwks IS 'The provider''s JSON Web Key Set as last fetched from jwks_uri; refetched when an ID token names an unknown kid.';


--
-- Name: COLUMN oidc_providers.callback_url; Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON COLUMN auth.oidc_providers.callback_url IS 'The redirect_uri registered with the provider: the glue''s /auth/oidc/callback.';


--
-- Name: COLUMN oidc_providers.redirect_uris; Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON COLUMN auth.oidc_providers.redirect_uris IS 'Where the browser may be sent after login (redirect_to), compared exactly: no prefixes, no decoding.';


--
-- Name: COLUMN oidc_providers.link_verified_email; Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON COLUMN auth.oidc_providers.link_verified_email IS 'When true, a first login whose ID token carries email_verified = true is linked to the existing user with that e-mail; otherwise a new user is made.';


--
-- Name: COLUMN oidc_providers.iss_parameter_supported; Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON COLUMN auth.oidc_providers.iss_parameter_supported IS 'The provider''s discovery advertises authorization_response_iss_parameter_supported (RFC 9207): its callbacks must carry iss, equal to issuer.';


--
-- Name: refresh_token_key; Type: TABLE; Schema: auth; Owner: neuronplane_owner
--

CREATE TABLE auth.refresh_token_key (
    id boolean DEFAULT true NOT NULL,
    key bytea NOT NULL,
    CONSTRAINT refresh_token_key_id_check CHECK (id),
    CONSTRAINT refresh_token_key_key_check CHECK ((length(key) = 32))
);

ALTER TABLE ONLY auth.refresh_token_key FORCE ROW LEVEL SECURITY;


ALTER TABLE auth.refresh_token_key OWNER TO neuronplane_owner;

--
-- Name: TABLE refresh_token_key; Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON TABLE auth.refresh_token_key IS 'The HMAC-SHA-256 key that derives a refresh token''s successor from it (one row).';


--
-- Name: refresh_tokens; Type: TABLE; Schema: auth; Owner: neuronplane_owner
--

CREATE TABLE auth.refresh_tokens (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    session_id uuid NOT NULL,
    token_hash bytea NOT NULL,
    parent_id uuid,
    issued_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    used_at timestamp with time zone,
    revoked_at timestamp with time zone,
    CONSTRAINT refresh_tokens_token_hash_check CHECK ((length(token_hash) = 32))
);

ALTER TABLE ONLY auth.refresh_tokens FORCE ROW LEVEL SECURITY;


ALTER TABLE auth.refresh_tokens OWNER TO neuronplane_owner;

--
-- Name: TABLE refresh_tokens; Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON TABLE auth.refresh_tokens IS 'Refresh tokens (SHA-256 only), each spent once; parent_id chains a session''s rotations.';


--
-- Name: sessions; Type: TABLE; Schema: auth; Owner: neuronplane_owner
--

CREATE TABLE auth.sessions (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    principal_id uuid NOT NULL,
    auth_method text NOT NULL,
    created_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    refreshed_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    idle_expires_at timestamp with time zone NOT NULL,
    revoked_at timestamp with time zone,
    revoked_reason text,
    user_agent text,
    ip inet,
    CONSTRAINT sessions_auth_method_check CHECK ((auth_method = ANY (ARRAY['password'::text, 'oidc'::text]))),
    CONSTRAINT sessions_check CHECK (((revoked_at IS NULL) = (revoked_reason IS NULL))),
    CONSTRAINT sessions_revoked_reason_check CHECK ((revoked_reason = ANY (ARRAY['logout'::text, 'logout_all'::text, 'revoked'::text, 'refresh_reused'::text, 'password_changed'::text, 'password_reset'::text, 'principal_disabled'::text, 'expired'::text]))),
    CONSTRAINT sessions_user_agent_check CHECK ((length(user_agent) <= 512))
);

ALTER TABLE ONLY auth.sessions FORCE ROW LEVEL SECURITY;


ALTER TABLE auth.sessions OWNER TO neuronplane_owner;

--
-- Name: TABLE sessions; Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON TABLE auth.sessions IS 'Login sessions: absolute and idle expiry, revocation with its reason, the device (user agent, address) and method.';


--
-- Name: settings; Type: TABLE; Schema: auth; Owner: neuronplane_owner
--

CREATE TABLE auth.settings (
    id boolean DEFAULT true NOT NULL,
    access_ttl interval DEFAULT '00:15:00'::interval NOT NULL,
    refresh_ttl interval DEFAULT '7 days'::interval NOT NULL,
    session_lifetime interval DEFAULT '30 days'::interval NOT NULL,
    idle_timeout interval DEFAULT '7 days'::interval NOT NULL,
    refresh_reuse_grace interval DEFAULT '00:00:10'::interval NOT NULL,
    session_retention interval DEFAULT '30 days'::interval NOT NULL,
    issuer text DEFAULT 'neuronplane'::text NOT NULL,
    audience text DEFAULT 'neuronplane'::text NOT NULL,
    password_min_length integer DEFAULT 12 NOT NULL,
    password_max_length integer DEFAULT 256 NOT NULL,
    lockout_threshold integer DEFAULT 5 NOT NULL,
    lockout_window interval DEFAULT '00:15:00'::interval NOT NULL,
    lockout_base_delay interval DEFAULT '00:00:30'::interval NOT NULL,
    lockout_max_delay interval DEFAULT '01:00:00'::interval NOT NULL,
    login_rate_limit_per_min integer DEFAULT 30 NOT NULL,
    signing_key_publish_delay interval DEFAULT '00:05:00'::interval NOT NULL,
    oidc_login_ttl interval DEFAULT '00:10:00'::interval NOT NULL,
    oidc_attempt_retention interval DEFAULT '1 day'::interval NOT NULL,
    CONSTRAINT settings_access_ttl_check CHECK (((access_ttl >= '00:01:00'::interval) AND (access_ttl <= '1 day'::interval))),
    CONSTRAINT settings_audience_check CHECK ((btrim(audience) <> ''::text)),
    CONSTRAINT settings_check CHECK ((password_min_length <= password_max_length)),
    CONSTRAINT settings_check1 CHECK ((lockout_base_delay <= lockout_max_delay)),
    CONSTRAINT settings_id_check CHECK (id),
    CONSTRAINT settings_idle_timeout_check CHECK (((idle_timeout >= '00:05:00'::interval) AND (idle_timeout <= '90 days'::interval))),
    CONSTRAINT settings_issuer_check CHECK ((btrim(issuer) <> ''::text)),
    CONSTRAINT settings_lockout_base_delay_check CHECK (((lockout_base_delay >= '00:00:01'::interval) AND (lockout_base_delay <= '01:00:00'::interval))),
    CONSTRAINT settings_lockout_max_delay_check CHECK (((lockout_max_delay >= '00:00:01'::interval) AND (lockout_max_delay <= '1 day'::interval))),
    CONSTRAINT settings_lockout_threshold_check CHECK (((lockout_threshold >= 1) AND (lockout_threshold <= 100))),
    CONSTRAINT settings_lockout_window_check CHECK (((lockout_window >= '00:01:00'::interval) AND (lockout_window <= '1 day'::interval))),
    CONSTRAINT settings_login_rate_limit_per_min_check CHECK (((login_rate_limit_per_min >= 1) AND (login_rate_limit_per_min <= 100000))),
    CONSTRAINT settings_oidc_attempt_retention_check CHECK (((oidc_attempt_retention >= '00:00:00'::interval) AND (oidc_attempt_retention <= '30 days'::interval))),
    CONSTRAINT settings_oidc_login_ttl_check CHECK (((oidc_login_ttl >= '00:01:00'::interval) AND (oidc_login_ttl <= '01:00:00'::interval))),
    CONSTRAINT settings_password_max_length_check CHECK (((password_max_length >= 64) AND (password_max_length <= 4096))),
    CONSTRAINT settings_password_min_length_check CHECK (((password_min_length >= 8) AND (password_min_length <= 256))),
    CONSTRAINT settings_refresh_reuse_grace_check CHECK (((refresh_reuse_grace >= '00:00:00'::interval) AND (refresh_reuse_grace <= '00:01:00'::interval))),
    CONSTRAINT settings_refresh_ttl_check CHECK (((refresh_ttl >= '00:05:00'::interval) AND (refresh_ttl <= '90 days'::interval))),
    CONSTRAINT settings_session_lifetime_check CHECK (((session_lifetime >= '00:05:00'::interval) AND (session_lifetime <= '365 days'::interval))),
    CONSTRAINT settings_session_retention_check CHECK (((session_retention >= '01:00:00'::interval) AND (session_retention <= '3650 days'::interval))),
    CONSTRAINT settings_signing_key_publish_delay_check CHECK (((signing_key_publish_delay >= '00:00:00'::interval) AND (signing_key_publish_delay <= '1 day'::interval)))
);

ALTER TABLE ONLY auth.settings FORCE ROW LEVEL SECURITY;


ALTER TABLE auth.settings OWNER TO neuronplane_owner;

--
-- Name: TABLE settings; Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON TABLE auth.settings IS 'Authentication settings (one row): token lifetimes, session limits, password policy, lockout and login rate limits.';


--
-- Name: COLUMN settings.signing_key_publish_delay; Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON COLUMN auth.settings.signing_key_publish_delay IS 'How long a new signing key is published in the JWKS before auth.rotate_signing_key() may make it sign, so that every verifier has reloaded it.';


--
-- Name: COLUMN settings.oidc_login_ttl; Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON COLUMN auth.settings.oidc_login_ttl IS 'How long an OIDC login attempt may wait for its callback.';


--
-- Name: COLUMN settings.oidc_attempt_retention; Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON COLUMN auth.settings.oidc_attempt_retention IS 'How long spent or expired OIDC login attempts are kept (for investigations) before auth.cleanup_login_attempts() deletes them.';


--
-- Name: signing_keys; Type: TABLE; Schema: auth; Owner: neuronplane_owner
--

CREATE TABLE auth.signing_keys (
    kid text NOT NULL,
    private_key bytea NOT NULL,
    public_jwk jsonb NOT NULL,
    status text DEFAULT 'next'::text NOT NULL,
    created_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    activated_at timestamp with time zone,
    retired_at timestamp with time zone,
    CONSTRAINT signing_keys_check CHECK ((((public_jwk ->> 'kid'::text) = kid) AND ((public_jwk ->> 'kty'::text) = 'EC'::text) AND ((public_jwk ->> 'crv'::text) = 'P-256'::text) AND ((public_jwk ->> 'alg'::text) = 'ES256'::text) AND ((public_jwk ->> 'use'::text) = 'sig'::text) AND (public_jwk ? 'x'::text) AND (public_jwk ? 'y'::text) AND (NOT (public_jwk ? 'd'::text)))),
    CONSTRAINT signing_keys_check1 CHECK (
CASE status
    WHEN 'next'::text THEN ((activated_at IS NULL) AND (retired_at IS NULL))
    WHEN 'active'::text THEN ((activated_at IS NOT NULL) AND (retired_at IS NULL))
    ELSE ((activated_at IS NOT NULL) AND (retired_at >= activated_at))
END),
    CONSTRAINT signing_keys_kid_check CHECK ((kid ~ '^[A-Za-z0-9_-]{43}$'::text)),
    CONSTRAINT signing_keys_status_check CHECK ((status = ANY (ARRAY['next'::text, 'active'::text, 'retired'::text])))
);

ALTER TABLE ONLY auth.signing_keys FORCE ROW LEVEL SECURITY;


ALTER TABLE auth.signing_keys OWNER TO neuronplane_owner;

--
-- Name: TABLE signing_keys; Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON TABLE auth.signing_keys IS 'ES256 keys that sign access tokens: one active, the next one published ahead of it, and recently retired ones still published. No API role reads this table; api.jwks() publishes the public keys.';


--
-- Name: COLUMN signing_keys.kid; Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON COLUMN auth.signing_keys.kid IS 'Key id: the RFC 7638 thumbprint of the public key, named in each token''s header.';


--
-- Name: COLUMN signing_keys.private_key; Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON COLUMN auth.signing_keys.private_key IS 'PKCS#8 PEM of the private key, encrypted by internal.encrypt_secret() for context ''auth.signing_keys:<kid>''.';


--
-- Name: COLUMN signing_keys.public_jwk; Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON COLUMN auth.signing_keys.public_jwk IS 'The public key as a JSON Web Key (kty EC, crv P-256, x, y, kid, alg ES256, use sig).';


--
-- Name: COLUMN signing_keys.status; Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON COLUMN auth.signing_keys.status IS 'next: published, not signing yet; active: signs new tokens; retired: published until its tokens have expired.';


--
-- Name: COLUMN signing_keys.created_at; Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON COLUMN auth.signing_keys.created_at IS 'When the key was made and published.';


--
-- Name: COLUMN signing_keys.activated_at; Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON COLUMN auth.signing_keys.activated_at IS 'When the key started signing.';


--
-- Name: COLUMN signing_keys.retired_at; Type: COMMENT; Schema: auth; Owner: neuronplane_owner
--

COMMENT ON COLUMN auth.signing_keys.retired_at IS 'When the key stopped signing.';


--
-- Name: api_key_roles; Type: TABLE; Schema: identity; Owner: neuronplane_owner
--

CREATE TABLE identity.api_key_roles (
    role text NOT NULL,
    permission text NOT NULL,
    CONSTRAINT api_key_roles_role_check CHECK ((role ~ '^[a-z][a-z0-9_]{0,62}$'::text))
);

ALTER TABLE ONLY identity.api_key_roles FORCE ROW LEVEL SECURITY;


ALTER TABLE identity.api_key_roles OWNER TO neuronplane_owner;

--
-- Name: TABLE api_key_roles; Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON TABLE identity.api_key_roles IS 'The permissions an API key with this role lets through (whatever the resource type). A key never adds a right its principal lacks.';


--
-- Name: legacy_id_map; Type: TABLE; Schema: identity; Owner: neuronplane_owner
--

CREATE TABLE identity.legacy_id_map (
    source_system text NOT NULL,
    source_table text NOT NULL,
    legacy_id text NOT NULL,
    new_id uuid NOT NULL,
    outcome text NOT NULL,
    reason text,
    is_account_merge boolean DEFAULT false NOT NULL,
    imported_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT legacy_id_map_outcome_check CHECK ((outcome = ANY (ARRAY['imported'::text, 'merged'::text]))),
    CONSTRAINT legacy_id_map_source_system_check CHECK ((source_system = ANY (ARRAY['neurondesktop'::text, 'neuronagent'::text]))),
    CONSTRAINT legacy_id_map_source_table_check CHECK ((source_table = ANY (ARRAY['users'::text, 'profiles'::text, 'api_keys'::text, 'principals'::text])))
);

ALTER TABLE ONLY identity.legacy_id_map FORCE ROW LEVEL SECURITY;


ALTER TABLE identity.legacy_id_map OWNER TO neuronplane_owner;

--
-- Name: TABLE legacy_id_map; Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON TABLE identity.legacy_id_map IS 'Rows of the legacy NeuronDesktop/NeuronAgent tables already imported by identity.import_legacy(), and what they became. Written by the import only.';


--
-- Name: COLUMN legacy_id_map.source_system; Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON COLUMN identity.legacy_id_map.source_system IS 'neurondesktop or neuronagent.';


--
-- Name: COLUMN legacy_id_map.source_table; Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON COLUMN identity.legacy_id_map.source_table IS 'The legacy table: users, profiles, api_keys (either system) or principals (NeuronAgent).';


--
-- Name: COLUMN legacy_id_map.legacy_id; Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON COLUMN identity.legacy_id_map.legacy_id IS 'The row''s id in the legacy table, as text (NeuronDesktop user ids were text).';


--
-- Name: COLUMN legacy_id_map.new_id; Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON COLUMN identity.legacy_id_map.new_id IS 'The id of the row it became (user, organization, service account, project or API key); for a merge, the row it was merged into.';


--
-- Name: COLUMN legacy_id_map.outcome; Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON COLUMN identity.legacy_id_map.outcome IS 'imported (a new row) or merged (mapped onto an existing row).';


--
-- Name: COLUMN legacy_id_map.reason; Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON COLUMN identity.legacy_id_map.reason IS 'What the import changed or left out, as reported when it ran.';


--
-- Name: COLUMN legacy_id_map.is_account_merge; Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON COLUMN identity.legacy_id_map.is_account_merge IS 'True for an account merged into another by email: its API keys were imported revoked.';


--
-- Name: COLUMN legacy_id_map.imported_at; Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON COLUMN identity.legacy_id_map.imported_at IS 'When the row was imported.';


--
-- Name: permissions; Type: TABLE; Schema: identity; Owner: neuronplane_owner
--

CREATE TABLE identity.permissions (
    name text NOT NULL,
    description text NOT NULL,
    CONSTRAINT permissions_name_check CHECK ((name ~ '^[a-z][a-z0-9_]{0,62}$'::text))
);

ALTER TABLE ONLY identity.permissions FORCE ROW LEVEL SECURITY;


ALTER TABLE identity.permissions OWNER TO neuronplane_owner;

--
-- Name: TABLE permissions; Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON TABLE identity.permissions IS 'What can be done to a resource. "admin" implies every other permission: a grant of admin grants each of them, a deny of any of them denies admin.';


--
-- Name: resource_scopes; Type: TABLE; Schema: identity; Owner: neuronplane_owner
--

CREATE TABLE identity.resource_scopes (
    resource_id uuid NOT NULL,
    resource_type text NOT NULL,
    org_id uuid,
    project_id uuid,
    owner_id uuid,
    CONSTRAINT resource_scopes_resource_type_check CHECK ((resource_type = ANY (ARRAY['org'::text, 'project'::text, 'agent'::text, 'tool'::text, 'dataset'::text, 'model'::text, 'service_account'::text, 'api_key'::text])))
);

ALTER TABLE ONLY identity.resource_scopes FORCE ROW LEVEL SECURITY;


ALTER TABLE identity.resource_scopes OWNER TO neuronplane_owner;

--
-- Name: TABLE resource_scopes; Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON TABLE identity.resource_scopes IS 'Organization, project and owner of every resource, kept by trigger; what has_permission() inherits through.';


--
-- Name: resource_types; Type: TABLE; Schema: identity; Owner: neuronplane_owner
--

CREATE TABLE identity.resource_types (
    name text NOT NULL,
    scope_type text NOT NULL,
    inherits_admin_only boolean DEFAULT false NOT NULL,
    description text NOT NULL,
    CONSTRAINT resource_types_name_check CHECK ((name ~ '^[a-z][a-z0-9_]{0,62}$'::text)),
    CONSTRAINT resource_types_scope_type_check CHECK ((scope_type = ANY (ARRAY['org'::text, 'project'::text, 'agent'::text, 'tool'::text, 'dataset'::text, 'model'::text, 'service_account'::text, 'api_key'::text])))
);

ALTER TABLE ONLY identity.resource_types FORCE ROW LEVEL SECURITY;


ALTER TABLE identity.resource_types OWNER TO neuronplane_owner;

--
-- Name: TABLE resource_types; Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON TABLE identity.resource_types IS 'The types rights are granted on. scope_type: the kind of identity.resource_scopes row that stands for a resource of the type. inherits_admin_only: a policy on an enclosing organization or project reaches resources of this type only when it grants admin or denies.';


--
-- Name: role_grants; Type: TABLE; Schema: identity; Owner: neuronplane_owner
--

CREATE TABLE identity.role_grants (
    role text NOT NULL,
    resource_type text NOT NULL,
    permission text NOT NULL
);

ALTER TABLE ONLY identity.role_grants FORCE ROW LEVEL SECURITY;


ALTER TABLE identity.role_grants OWNER TO neuronplane_owner;

--
-- Name: TABLE role_grants; Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON TABLE identity.role_grants IS 'What an organization role grants, on every resource of the organization of that type.';


--
-- Name: roles; Type: TABLE; Schema: identity; Owner: neuronplane_owner
--

CREATE TABLE identity.roles (
    name text NOT NULL,
    description text NOT NULL,
    CONSTRAINT roles_name_check CHECK ((name ~ '^[a-z][a-z0-9_]{0,62}$'::text))
);

ALTER TABLE ONLY identity.roles FORCE ROW LEVEL SECURITY;


ALTER TABLE identity.roles OWNER TO neuronplane_owner;

--
-- Name: TABLE roles; Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON TABLE identity.roles IS 'Organization roles a membership can hold. What each grants is in identity.role_grants; adding a role is an INSERT into both.';


--
-- Name: settings; Type: TABLE; Schema: identity; Owner: neuronplane_owner
--

CREATE TABLE identity.settings (
    id boolean DEFAULT true NOT NULL,
    default_rate_limit_per_min integer DEFAULT 60 NOT NULL,
    CONSTRAINT settings_default_rate_limit_per_min_check CHECK (((default_rate_limit_per_min >= 1) AND (default_rate_limit_per_min <= 1000000))),
    CONSTRAINT settings_id_check CHECK (id)
);

ALTER TABLE ONLY identity.settings FORCE ROW LEVEL SECURITY;


ALTER TABLE identity.settings OWNER TO neuronplane_owner;

--
-- Name: TABLE settings; Type: COMMENT; Schema: identity; Owner: neuronplane_owner
--

COMMENT ON TABLE identity.settings IS 'Identity settings (one row), changed by administrators with SQL.';


--
-- Name: secret_columns; Type: TABLE; Schema: internal; Owner: neuronplane_owner
--

CREATE TABLE internal.secret_columns (
    name text NOT NULL,
    table_name regclass NOT NULL,
    column_name name NOT NULL,
    context_sql text NOT NULL
);

ALTER TABLE ONLY internal.secret_columns FORCE ROW LEVEL SECURITY;


ALTER TABLE internal.secret_columns OWNER TO neuronplane_owner;

--
-- Name: TABLE secret_columns; Type: COMMENT; Schema: internal; Owner: neuronplane_owner
--

COMMENT ON TABLE internal.secret_columns IS 'Every column that stores secrets, sealed by internal.encrypt_secret() for the context context_sql computes from the row.';


--
-- Name: ingest_job_traces; Type: TABLE; Schema: workspace; Owner: neuronplane_owner
--

CREATE TABLE workspace.ingest_job_traces (
    job_id uuid NOT NULL,
    traceparent text NOT NULL,
    CONSTRAINT ingest_job_traces_traceparent_check CHECK ((traceparent ~ '^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$'::text))
);

ALTER TABLE ONLY workspace.ingest_job_traces FORCE ROW LEVEL SECURITY;


ALTER TABLE workspace.ingest_job_traces OWNER TO neuronplane_owner;

--
-- Name: TABLE ingest_job_traces; Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON TABLE workspace.ingest_job_traces IS 'The W3C traceparent of the request that queued each ingestion job (when traced): the worker continues that trace.';


--
-- Name: ingest_settings; Type: TABLE; Schema: workspace; Owner: neuronplane_owner
--

CREATE TABLE workspace.ingest_settings (
    id boolean DEFAULT true NOT NULL,
    stale_after interval DEFAULT '00:00:30'::interval NOT NULL,
    max_attempts integer DEFAULT 3 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ingest_settings_id_check CHECK (id),
    CONSTRAINT ingest_settings_max_attempts_check CHECK (((max_attempts >= 1) AND (max_attempts <= 100))),
    CONSTRAINT ingest_settings_stale_after_check CHECK (((stale_after >= '00:00:01'::interval) AND (stale_after <= '1 day'::interval)))
);

ALTER TABLE ONLY workspace.ingest_settings FORCE ROW LEVEL SECURITY;


ALTER TABLE workspace.ingest_settings OWNER TO neuronplane_owner;

--
-- Name: TABLE ingest_settings; Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON TABLE workspace.ingest_settings IS 'Ingestion tuning (one row): a running job whose heartbeat is older than stale_after is taken over by another worker, at most max_attempts times.';


--
-- Name: ingest_uploads; Type: TABLE; Schema: workspace; Owner: neuronplane_owner
--

CREATE TABLE workspace.ingest_uploads (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    path text NOT NULL,
    filename text,
    size_bytes bigint NOT NULL,
    job_id uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ingest_uploads_path_check CHECK ((path ~ '^/'::text)),
    CONSTRAINT ingest_uploads_size_bytes_check CHECK ((size_bytes >= 0))
);

ALTER TABLE ONLY workspace.ingest_uploads FORCE ROW LEVEL SECURITY;


ALTER TABLE workspace.ingest_uploads OWNER TO neuronplane_owner;

--
-- Name: TABLE ingest_uploads; Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON TABLE workspace.ingest_uploads IS 'Files the glue received through POST /ingest/upload; a job names one by id, never by path, and each is used once.';


--
-- Name: ingest_workers; Type: TABLE; Schema: workspace; Owner: neuronplane_owner
--

CREATE TABLE workspace.ingest_workers (
    worker_id uuid NOT NULL,
    hostname text NOT NULL,
    pid integer NOT NULL,
    started_at timestamp with time zone DEFAULT now() NOT NULL,
    heartbeat_at timestamp with time zone DEFAULT now() NOT NULL,
    current_job_id uuid,
    jobs_done bigint DEFAULT 0 NOT NULL,
    stopped_at timestamp with time zone
);

ALTER TABLE ONLY workspace.ingest_workers FORCE ROW LEVEL SECURITY;


ALTER TABLE workspace.ingest_workers OWNER TO neuronplane_owner;

--
-- Name: TABLE ingest_workers; Type: COMMENT; Schema: workspace; Owner: neuronplane_owner
--

COMMENT ON TABLE workspace.ingest_workers IS 'Ingestion workers and their heartbeats (connections with application_name neuronplane-ingest-worker).';


--
-- Name: actions actions_pkey; Type: CONSTRAINT; Schema: audit; Owner: neuronplane_owner
--

ALTER TABLE ONLY audit.actions
    ADD CONSTRAINT actions_pkey PRIMARY KEY (action);


--
-- Name: chain_state chain_state_pkey; Type: CONSTRAINT; Schema: audit; Owner: neuronplane_owner
--

ALTER TABLE ONLY audit.chain_state
    ADD CONSTRAINT chain_state_pkey PRIMARY KEY (month);


--
-- Name: events events_pkey; Type: CONSTRAINT; Schema: audit; Owner: neuronplane_owner
--

ALTER TABLE ONLY audit.events
    ADD CONSTRAINT events_pkey PRIMARY KEY (id, occurred_at);


--
-- Name: sealer_state sealer_state_pkey; Type: CONSTRAINT; Schema: audit; Owner: neuronplane_owner
--

ALTER TABLE ONLY audit.sealer_state
    ADD CONSTRAINT sealer_state_pkey PRIMARY KEY (id);


--
-- Name: seals seals_event_id_month_key; Type: CONSTRAINT; Schema: audit; Owner: neuronplane_owner
--

ALTER TABLE ONLY audit.seals
    ADD CONSTRAINT seals_event_id_month_key UNIQUE (event_id, month);


--
-- Name: seals seals_pkey; Type: CONSTRAINT; Schema: audit; Owner: neuronplane_owner
--

ALTER TABLE ONLY audit.seals
    ADD CONSTRAINT seals_pkey PRIMARY KEY (month, "position");


--
-- Name: settings settings_pkey; Type: CONSTRAINT; Schema: audit; Owner: neuronplane_owner
--

ALTER TABLE ONLY audit.settings
    ADD CONSTRAINT settings_pkey PRIMARY KEY (id);


--
-- Name: verification_runs verification_runs_pkey; Type: CONSTRAINT; Schema: audit; Owner: neuronplane_owner
--

ALTER TABLE ONLY audit.verification_runs
    ADD CONSTRAINT verification_runs_pkey PRIMARY KEY (id);


--
-- Name: account_login_failures account_login_failures_pkey; Type: CONSTRAINT; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE ONLY auth.account_login_failures
    ADD CONSTRAINT account_login_failures_pkey PRIMARY KEY (account_key);


--
-- Name: address_login_attempts address_login_attempts_pkey; Type: CONSTRAINT; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE ONLY auth.address_login_attempts
    ADD CONSTRAINT address_login_attempts_pkey PRIMARY KEY (address);


--
-- Name: address_login_failures address_login_failures_pkey; Type: CONSTRAINT; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE ONLY auth.address_login_failures
    ADD CONSTRAINT address_login_failures_pkey PRIMARY KEY (address);


--
-- Name: api_key_rejections api_key_rejections_pkey; Type: CONSTRAINT; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE ONLY auth.api_key_rejections
    ADD CONSTRAINT api_key_rejections_pkey PRIMARY KEY (subject);


--
-- Name: api_key_request_counts api_key_request_counts_pkey; Type: CONSTRAINT; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE ONLY auth.api_key_request_counts
    ADD CONSTRAINT api_key_request_counts_pkey PRIMARY KEY (api_key_id);


--
-- Name: autonomous_logins autonomous_logins_pkey; Type: CONSTRAINT; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE ONLY auth.autonomous_logins
    ADD CONSTRAINT autonomous_logins_pkey PRIMARY KEY (role_name);


--
-- Name: common_passwords common_passwords_pkey; Type: CONSTRAINT; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE ONLY auth.common_passwords
    ADD CONSTRAINT common_passwords_pkey PRIMARY KEY (password);


--
-- Name: credentials credentials_pkey; Type: CONSTRAINT; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE ONLY auth.credentials
    ADD CONSTRAINT credentials_pkey PRIMARY KEY (user_id);


--
-- Name: external_identities external_identities_pkey; Type: CONSTRAINT; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE ONLY auth.external_identities
    ADD CONSTRAINT external_identities_pkey PRIMARY KEY (id);


--
-- Name: external_identities external_identities_provider_subject_key; Type: CONSTRAINT; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE ONLY auth.external_identities
    ADD CONSTRAINT external_identities_provider_subject_key UNIQUE (provider, subject);


--
-- Name: login_attempts login_attempts_pkey; Type: CONSTRAINT; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE ONLY auth.login_attempts
    ADD CONSTRAINT login_attempts_pkey PRIMARY KEY (id);


--
-- Name: login_attempts login_attempts_state_hash_key; Type: CONSTRAINT; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE ONLY auth.login_attempts
    ADD CONSTRAINT login_attempts_state_hash_key UNIQUE (state_hash);


--
-- Name: oidc_providers oidc_providers_issuer_key; Type: CONSTRAINT; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE ONLY auth.oidc_providers
    ADD CONSTRAINT oidc_providers_issuer_key UNIQUE (issuer);


--
-- Name: oidc_providers oidc_providers_pkey; Type: CONSTRAINT; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE ONLY auth.oidc_providers
    ADD CONSTRAINT oidc_providers_pkey PRIMARY KEY (name);


--
-- Name: refresh_token_key refresh_token_key_pkey; Type: CONSTRAINT; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE ONLY auth.refresh_token_key
    ADD CONSTRAINT refresh_token_key_pkey PRIMARY KEY (id);


--
-- Name: refresh_tokens refresh_tokens_pkey; Type: CONSTRAINT; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE ONLY auth.refresh_tokens
    ADD CONSTRAINT refresh_tokens_pkey PRIMARY KEY (id);


--
-- Name: refresh_tokens refresh_tokens_token_hash_key; Type: CONSTRAINT; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE ONLY auth.refresh_tokens
    ADD CONSTRAINT refresh_tokens_token_hash_key UNIQUE (token_hash);


--
-- Name: sessions sessions_pkey; Type: CONSTRAINT; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE ONLY auth.sessions
    ADD CONSTRAINT sessions_pkey PRIMARY KEY (id);


--
-- Name: settings settings_pkey; Type: CONSTRAINT; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE ONLY auth.settings
    ADD CONSTRAINT settings_pkey PRIMARY KEY (id);


--
-- Name: signing_keys signing_keys_pkey; Type: CONSTRAINT; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE ONLY auth.signing_keys
    ADD CONSTRAINT signing_keys_pkey PRIMARY KEY (kid);


--
-- Name: agents agents_pkey; Type: CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.agents
    ADD CONSTRAINT agents_pkey PRIMARY KEY (id);


--
-- Name: api_key_roles api_key_roles_pkey; Type: CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.api_key_roles
    ADD CONSTRAINT api_key_roles_pkey PRIMARY KEY (role, permission);


--
-- Name: api_keys api_keys_pkey; Type: CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.api_keys
    ADD CONSTRAINT api_keys_pkey PRIMARY KEY (id);


--
-- Name: api_keys api_keys_prefix_key; Type: CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.api_keys
    ADD CONSTRAINT api_keys_prefix_key UNIQUE (prefix);


--
-- Name: datasets datasets_pkey; Type: CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.datasets
    ADD CONSTRAINT datasets_pkey PRIMARY KEY (id);


--
-- Name: legacy_id_map legacy_id_map_pkey; Type: CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.legacy_id_map
    ADD CONSTRAINT legacy_id_map_pkey PRIMARY KEY (source_system, source_table, legacy_id);


--
-- Name: org_invitations org_invitations_pkey; Type: CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.org_invitations
    ADD CONSTRAINT org_invitations_pkey PRIMARY KEY (id);


--
-- Name: org_memberships org_memberships_pkey; Type: CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.org_memberships
    ADD CONSTRAINT org_memberships_pkey PRIMARY KEY (org_id, user_id);


--
-- Name: organizations organizations_pkey; Type: CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.organizations
    ADD CONSTRAINT organizations_pkey PRIMARY KEY (id);


--
-- Name: organizations organizations_slug_key; Type: CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.organizations
    ADD CONSTRAINT organizations_slug_key UNIQUE (slug);


--
-- Name: permissions permissions_pkey; Type: CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.permissions
    ADD CONSTRAINT permissions_pkey PRIMARY KEY (name);


--
-- Name: policies policies_pkey; Type: CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.policies
    ADD CONSTRAINT policies_pkey PRIMARY KEY (id);


--
-- Name: principals principals_id_type_key; Type: CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.principals
    ADD CONSTRAINT principals_id_type_key UNIQUE (id, type);


--
-- Name: principals principals_pkey; Type: CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.principals
    ADD CONSTRAINT principals_pkey PRIMARY KEY (id);


--
-- Name: projects projects_pkey; Type: CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.projects
    ADD CONSTRAINT projects_pkey PRIMARY KEY (id);


--
-- Name: resource_scopes resource_scopes_pkey; Type: CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.resource_scopes
    ADD CONSTRAINT resource_scopes_pkey PRIMARY KEY (resource_id);


--
-- Name: resource_types resource_types_pkey; Type: CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.resource_types
    ADD CONSTRAINT resource_types_pkey PRIMARY KEY (name);


--
-- Name: role_grants role_grants_pkey; Type: CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.role_grants
    ADD CONSTRAINT role_grants_pkey PRIMARY KEY (role, resource_type, permission);


--
-- Name: roles roles_pkey; Type: CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.roles
    ADD CONSTRAINT roles_pkey PRIMARY KEY (name);


--
-- Name: service_accounts service_accounts_pkey; Type: CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.service_accounts
    ADD CONSTRAINT service_accounts_pkey PRIMARY KEY (id);


--
-- Name: settings settings_pkey; Type: CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.settings
    ADD CONSTRAINT settings_pkey PRIMARY KEY (id);


--
-- Name: tools tools_pkey; Type: CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.tools
    ADD CONSTRAINT tools_pkey PRIMARY KEY (id);


--
-- Name: users users_email_key; Type: CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.users
    ADD CONSTRAINT users_email_key UNIQUE (email);


--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);


--
-- Name: users users_username_key; Type: CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.users
    ADD CONSTRAINT users_username_key UNIQUE (username);


--
-- Name: secret_columns secret_columns_pkey; Type: CONSTRAINT; Schema: internal; Owner: neuronplane_owner
--

ALTER TABLE ONLY internal.secret_columns
    ADD CONSTRAINT secret_columns_pkey PRIMARY KEY (name);


--
-- Name: secret_columns secret_columns_table_name_column_name_key; Type: CONSTRAINT; Schema: internal; Owner: neuronplane_owner
--

ALTER TABLE ONLY internal.secret_columns
    ADD CONSTRAINT secret_columns_table_name_column_name_key UNIQUE (table_name, column_name);


--
-- Name: datasets datasets_pkey; Type: CONSTRAINT; Schema: workspace; Owner: neuronplane_owner
--

ALTER TABLE ONLY workspace.datasets
    ADD CONSTRAINT datasets_pkey PRIMARY KEY (id);


--
-- Name: datasets datasets_target_schema_target_table_key; Type: CONSTRAINT; Schema: workspace; Owner: neuronplane_owner
--

ALTER TABLE ONLY workspace.datasets
    ADD CONSTRAINT datasets_target_schema_target_table_key UNIQUE (target_schema, target_table);


--
-- Name: ingest_job_traces ingest_job_traces_pkey; Type: CONSTRAINT; Schema: workspace; Owner: neuronplane_owner
--

ALTER TABLE ONLY workspace.ingest_job_traces
    ADD CONSTRAINT ingest_job_traces_pkey PRIMARY KEY (job_id);


--
-- Name: ingest_jobs ingest_jobs_pkey; Type: CONSTRAINT; Schema: workspace; Owner: neuronplane_owner
--

ALTER TABLE ONLY workspace.ingest_jobs
    ADD CONSTRAINT ingest_jobs_pkey PRIMARY KEY (id);


--
-- Name: ingest_settings ingest_settings_pkey; Type: CONSTRAINT; Schema: workspace; Owner: neuronplane_owner
--

ALTER TABLE ONLY workspace.ingest_settings
    ADD CONSTRAINT ingest_settings_pkey PRIMARY KEY (id);


--
-- Name: ingest_uploads ingest_uploads_pkey; Type: CONSTRAINT; Schema: workspace; Owner: neuronplane_owner
--

ALTER TABLE ONLY workspace.ingest_uploads
    ADD CONSTRAINT ingest_uploads_pkey PRIMARY KEY (id);


--
-- Name: ingest_workers ingest_workers_pkey; Type: CONSTRAINT; Schema: workspace; Owner: neuronplane_owner
--

ALTER TABLE ONLY workspace.ingest_workers
    ADD CONSTRAINT ingest_workers_pkey PRIMARY KEY (worker_id);


--
-- Name: llm_models llm_models_pkey; Type: CONSTRAINT; Schema: workspace; Owner: neuronplane_owner
--

ALTER TABLE ONLY workspace.llm_models
    ADD CONSTRAINT llm_models_pkey PRIMARY KEY (id);


--
-- Name: llm_models llm_models_project_model_name_key; Type: CONSTRAINT; Schema: workspace; Owner: neuronplane_owner
--

ALTER TABLE ONLY workspace.llm_models
    ADD CONSTRAINT llm_models_project_model_name_key UNIQUE (project_id, model_name);


--
-- Name: project_agent_keys project_agent_keys_pkey; Type: CONSTRAINT; Schema: workspace; Owner: neuronplane_owner
--

ALTER TABLE ONLY workspace.project_agent_keys
    ADD CONSTRAINT project_agent_keys_pkey PRIMARY KEY (project_id);


--
-- Name: events_occurred_at_brin; Type: INDEX; Schema: audit; Owner: neuronplane_owner
--

CREATE INDEX events_occurred_at_brin ON ONLY audit.events USING brin (occurred_at);


--
-- Name: events_org_idx; Type: INDEX; Schema: audit; Owner: neuronplane_owner
--

CREATE INDEX events_org_idx ON ONLY audit.events USING btree (org_id, occurred_at) WHERE (org_id IS NOT NULL);


--
-- Name: events_principal_idx; Type: INDEX; Schema: audit; Owner: neuronplane_owner
--

CREATE INDEX events_principal_idx ON ONLY audit.events USING btree (principal_id, occurred_at) WHERE (principal_id IS NOT NULL);


--
-- Name: verification_runs_checked_at_idx; Type: INDEX; Schema: audit; Owner: neuronplane_owner
--

CREATE INDEX verification_runs_checked_at_idx ON audit.verification_runs USING btree (checked_at);


--
-- Name: account_login_failures_user_id_idx; Type: INDEX; Schema: auth; Owner: neuronplane_owner
--

CREATE INDEX account_login_failures_user_id_idx ON auth.account_login_failures USING btree (user_id) WHERE (user_id IS NOT NULL);


--
-- Name: external_identities_user_idx; Type: INDEX; Schema: auth; Owner: neuronplane_owner
--

CREATE INDEX external_identities_user_idx ON auth.external_identities USING btree (user_id);


--
-- Name: login_attempts_expires_idx; Type: INDEX; Schema: auth; Owner: neuronplane_owner
--

CREATE INDEX login_attempts_expires_idx ON auth.login_attempts USING btree (expires_at);


--
-- Name: login_attempts_provider_idx; Type: INDEX; Schema: auth; Owner: neuronplane_owner
--

CREATE INDEX login_attempts_provider_idx ON auth.login_attempts USING btree (provider);


--
-- Name: refresh_tokens_one_child_idx; Type: INDEX; Schema: auth; Owner: neuronplane_owner
--

CREATE UNIQUE INDEX refresh_tokens_one_child_idx ON auth.refresh_tokens USING btree (parent_id);


--
-- Name: refresh_tokens_session_idx; Type: INDEX; Schema: auth; Owner: neuronplane_owner
--

CREATE INDEX refresh_tokens_session_idx ON auth.refresh_tokens USING btree (session_id);


--
-- Name: sessions_principal_idx; Type: INDEX; Schema: auth; Owner: neuronplane_owner
--

CREATE INDEX sessions_principal_idx ON auth.sessions USING btree (principal_id) WHERE (revoked_at IS NULL);


--
-- Name: signing_keys_one_active; Type: INDEX; Schema: auth; Owner: neuronplane_owner
--

CREATE UNIQUE INDEX signing_keys_one_active ON auth.signing_keys USING btree (status) WHERE (status = 'active'::text);


--
-- Name: signing_keys_one_next; Type: INDEX; Schema: auth; Owner: neuronplane_owner
--

CREATE UNIQUE INDEX signing_keys_one_next ON auth.signing_keys USING btree (status) WHERE (status = 'next'::text);


--
-- Name: agents_project_name_key; Type: INDEX; Schema: identity; Owner: neuronplane_owner
--

CREATE UNIQUE INDEX agents_project_name_key ON identity.agents USING btree (project_id, lower(name));


--
-- Name: api_keys_principal_idx; Type: INDEX; Schema: identity; Owner: neuronplane_owner
--

CREATE INDEX api_keys_principal_idx ON identity.api_keys USING btree (principal_id);


--
-- Name: api_keys_project_idx; Type: INDEX; Schema: identity; Owner: neuronplane_owner
--

CREATE INDEX api_keys_project_idx ON identity.api_keys USING btree (project_id);


--
-- Name: datasets_project_name_key; Type: INDEX; Schema: identity; Owner: neuronplane_owner
--

CREATE UNIQUE INDEX datasets_project_name_key ON identity.datasets USING btree (project_id, lower(name));


--
-- Name: legacy_id_map_new_idx; Type: INDEX; Schema: identity; Owner: neuronplane_owner
--

CREATE INDEX legacy_id_map_new_idx ON identity.legacy_id_map USING btree (new_id);


--
-- Name: org_invitations_email_idx; Type: INDEX; Schema: identity; Owner: neuronplane_owner
--

CREATE INDEX org_invitations_email_idx ON identity.org_invitations USING btree (invitee_email) WHERE (invitee_email IS NOT NULL);


--
-- Name: org_invitations_pending_email_idx; Type: INDEX; Schema: identity; Owner: neuronplane_owner
--

CREATE UNIQUE INDEX org_invitations_pending_email_idx ON identity.org_invitations USING btree (org_id, invitee_email) WHERE ((status = 'pending'::text) AND (invitee_email IS NOT NULL));


--
-- Name: org_invitations_pending_user_idx; Type: INDEX; Schema: identity; Owner: neuronplane_owner
--

CREATE UNIQUE INDEX org_invitations_pending_user_idx ON identity.org_invitations USING btree (org_id, invitee_user_id) WHERE ((status = 'pending'::text) AND (invitee_user_id IS NOT NULL));


--
-- Name: org_invitations_user_idx; Type: INDEX; Schema: identity; Owner: neuronplane_owner
--

CREATE INDEX org_invitations_user_idx ON identity.org_invitations USING btree (invitee_user_id) WHERE (invitee_user_id IS NOT NULL);


--
-- Name: org_memberships_user_idx; Type: INDEX; Schema: identity; Owner: neuronplane_owner
--

CREATE INDEX org_memberships_user_idx ON identity.org_memberships USING btree (user_id, org_id);


--
-- Name: policies_anchor_idx; Type: INDEX; Schema: identity; Owner: neuronplane_owner
--

CREATE INDEX policies_anchor_idx ON identity.policies USING btree (anchor_id);


--
-- Name: policies_identity_key; Type: INDEX; Schema: identity; Owner: neuronplane_owner
--

CREATE UNIQUE INDEX policies_identity_key ON identity.policies USING btree (subject_id, subject_role, resource_type, resource_id, org_id, project_id, permission, effect) NULLS NOT DISTINCT;


--
-- Name: policies_lookup_idx; Type: INDEX; Schema: identity; Owner: neuronplane_owner
--

CREATE INDEX policies_lookup_idx ON identity.policies USING btree (subject_id, anchor_id) INCLUDE (subject_role, resource_type, resource_id, permission, effect, expires_at, not_before);


--
-- Name: policies_project_idx; Type: INDEX; Schema: identity; Owner: neuronplane_owner
--

CREATE INDEX policies_project_idx ON identity.policies USING btree (project_id);


--
-- Name: policies_scope_org_idx; Type: INDEX; Schema: identity; Owner: neuronplane_owner
--

CREATE INDEX policies_scope_org_idx ON identity.policies USING btree (scope_org_id);


--
-- Name: principals_type_idx; Type: INDEX; Schema: identity; Owner: neuronplane_owner
--

CREATE INDEX principals_type_idx ON identity.principals USING btree (type);


--
-- Name: projects_org_idx; Type: INDEX; Schema: identity; Owner: neuronplane_owner
--

CREATE INDEX projects_org_idx ON identity.projects USING btree (org_id);


--
-- Name: projects_owner_name_key; Type: INDEX; Schema: identity; Owner: neuronplane_owner
--

CREATE UNIQUE INDEX projects_owner_name_key ON identity.projects USING btree (COALESCE(org_id, user_id), lower(name));


--
-- Name: projects_user_idx; Type: INDEX; Schema: identity; Owner: neuronplane_owner
--

CREATE INDEX projects_user_idx ON identity.projects USING btree (user_id);


--
-- Name: resource_scopes_org_idx; Type: INDEX; Schema: identity; Owner: neuronplane_owner
--

CREATE INDEX resource_scopes_org_idx ON identity.resource_scopes USING btree (org_id, resource_type);


--
-- Name: resource_scopes_owner_idx; Type: INDEX; Schema: identity; Owner: neuronplane_owner
--

CREATE INDEX resource_scopes_owner_idx ON identity.resource_scopes USING btree (owner_id, resource_type);


--
-- Name: resource_scopes_project_idx; Type: INDEX; Schema: identity; Owner: neuronplane_owner
--

CREATE INDEX resource_scopes_project_idx ON identity.resource_scopes USING btree (project_id, resource_type);


--
-- Name: service_accounts_name_key; Type: INDEX; Schema: identity; Owner: neuronplane_owner
--

CREATE UNIQUE INDEX service_accounts_name_key ON identity.service_accounts USING btree (COALESCE(project_id, org_id), lower(name)) NULLS NOT DISTINCT;


--
-- Name: service_accounts_org_idx; Type: INDEX; Schema: identity; Owner: neuronplane_owner
--

CREATE INDEX service_accounts_org_idx ON identity.service_accounts USING btree (org_id);


--
-- Name: service_accounts_project_idx; Type: INDEX; Schema: identity; Owner: neuronplane_owner
--

CREATE INDEX service_accounts_project_idx ON identity.service_accounts USING btree (project_id);


--
-- Name: tools_project_name_key; Type: INDEX; Schema: identity; Owner: neuronplane_owner
--

CREATE UNIQUE INDEX tools_project_name_key ON identity.tools USING btree (project_id, lower(name));


--
-- Name: users_admin_idx; Type: INDEX; Schema: identity; Owner: neuronplane_owner
--

CREATE INDEX users_admin_idx ON identity.users USING btree (id) WHERE is_admin;


--
-- Name: usage_counters_day_idx; Type: INDEX; Schema: ops; Owner: neuronplane_owner
--

CREATE INDEX usage_counters_day_idx ON ops.usage_counters USING btree (day);


--
-- Name: usage_counters_key; Type: INDEX; Schema: ops; Owner: neuronplane_owner
--

CREATE UNIQUE INDEX usage_counters_key ON ops.usage_counters USING btree (project_id, day, api_key_id) NULLS NOT DISTINCT;


--
-- Name: datasets_project_idx; Type: INDEX; Schema: workspace; Owner: neuronplane_owner
--

CREATE INDEX datasets_project_idx ON workspace.datasets USING btree (project_id);


--
-- Name: ingest_jobs_claim_idx; Type: INDEX; Schema: workspace; Owner: neuronplane_owner
--

CREATE INDEX ingest_jobs_claim_idx ON workspace.ingest_jobs USING btree (created_at) WHERE (status = ANY (ARRAY['queued'::text, 'running'::text]));


--
-- Name: ingest_jobs_dataset_idx; Type: INDEX; Schema: workspace; Owner: neuronplane_owner
--

CREATE INDEX ingest_jobs_dataset_idx ON workspace.ingest_jobs USING btree (dataset_id);


--
-- Name: ingest_jobs_project_idx; Type: INDEX; Schema: workspace; Owner: neuronplane_owner
--

CREATE INDEX ingest_jobs_project_idx ON workspace.ingest_jobs USING btree (project_id, created_at DESC);


--
-- Name: llm_models_project_idx; Type: INDEX; Schema: workspace; Owner: neuronplane_owner
--

CREATE INDEX llm_models_project_idx ON workspace.llm_models USING btree (project_id);


--
-- Name: actions actions_compile; Type: TRIGGER; Schema: audit; Owner: neuronplane_owner
--

CREATE TRIGGER actions_compile AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON audit.actions FOR EACH STATEMENT EXECUTE FUNCTION audit.tg_actions__compile();


--
-- Name: events events_append_only; Type: TRIGGER; Schema: audit; Owner: neuronplane_owner
--

CREATE TRIGGER events_append_only BEFORE DELETE OR UPDATE ON audit.events FOR EACH ROW EXECUTE FUNCTION audit.tg_append_only__reject();


--
-- Name: events events_no_truncate; Type: TRIGGER; Schema: audit; Owner: neuronplane_owner
--

CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON audit.events FOR EACH STATEMENT EXECUTE FUNCTION audit.tg_append_only__reject();


--
-- Name: events events_org_from_project; Type: TRIGGER; Schema: audit; Owner: neuronplane_owner
--

CREATE TRIGGER events_org_from_project BEFORE INSERT ON audit.events FOR EACH ROW EXECUTE FUNCTION audit.tg_events__org_from_project();


--
-- Name: events events_trace_id; Type: TRIGGER; Schema: audit; Owner: neuronplane_owner
--

CREATE TRIGGER events_trace_id BEFORE INSERT ON audit.events FOR EACH ROW EXECUTE FUNCTION audit.tg_events__trace_id();


--
-- Name: seals seals_append_only; Type: TRIGGER; Schema: audit; Owner: neuronplane_owner
--

CREATE TRIGGER seals_append_only BEFORE DELETE OR UPDATE ON audit.seals FOR EACH ROW EXECUTE FUNCTION audit.tg_append_only__reject();


--
-- Name: seals seals_no_truncate; Type: TRIGGER; Schema: audit; Owner: neuronplane_owner
--

CREATE TRIGGER seals_no_truncate BEFORE TRUNCATE ON audit.seals FOR EACH STATEMENT EXECUTE FUNCTION audit.tg_append_only__reject();


--
-- Name: api_key_rejections api_key_rejections_usage; Type: TRIGGER; Schema: auth; Owner: neuronplane_owner
--

CREATE TRIGGER api_key_rejections_usage AFTER INSERT OR UPDATE ON auth.api_key_rejections FOR EACH ROW EXECUTE FUNCTION ops.tg_api_key_rejections__usage();


--
-- Name: api_key_request_counts api_key_request_counts_usage; Type: TRIGGER; Schema: auth; Owner: neuronplane_owner
--

CREATE TRIGGER api_key_request_counts_usage AFTER INSERT OR UPDATE ON auth.api_key_request_counts FOR EACH ROW EXECUTE FUNCTION ops.tg_api_key_request_counts__usage();


--
-- Name: credentials credentials_set_updated_at; Type: TRIGGER; Schema: auth; Owner: neuronplane_owner
--

CREATE TRIGGER credentials_set_updated_at BEFORE UPDATE ON auth.credentials FOR EACH ROW EXECUTE FUNCTION internal.tg_set_updated_at();


--
-- Name: oidc_providers oidc_providers_set_updated_at; Type: TRIGGER; Schema: auth; Owner: neuronplane_owner
--

CREATE TRIGGER oidc_providers_set_updated_at BEFORE UPDATE ON auth.oidc_providers FOR EACH ROW EXECUTE FUNCTION internal.tg_set_updated_at();


--
-- Name: settings settings_reload_postgrest; Type: TRIGGER; Schema: auth; Owner: neuronplane_owner
--

CREATE TRIGGER settings_reload_postgrest AFTER UPDATE ON auth.settings FOR EACH ROW WHEN (((old.audience IS DISTINCT FROM new.audience) OR (old.access_ttl IS DISTINCT FROM new.access_ttl))) EXECUTE FUNCTION auth.tg_settings__reload_postgrest();


--
-- Name: agents agents_principal_delete; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER agents_principal_delete AFTER DELETE ON identity.agents FOR EACH ROW EXECUTE FUNCTION identity.tg_entity__sync_principal('agent', 'name');


--
-- Name: agents agents_principal_insert; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER agents_principal_insert BEFORE INSERT ON identity.agents FOR EACH ROW EXECUTE FUNCTION identity.tg_entity__sync_principal('agent', 'name');


--
-- Name: agents agents_principal_update; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER agents_principal_update AFTER UPDATE ON identity.agents FOR EACH ROW EXECUTE FUNCTION identity.tg_entity__sync_principal('agent', 'name');


--
-- Name: agents agents_scope; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER agents_scope AFTER INSERT OR DELETE OR UPDATE ON identity.agents FOR EACH ROW EXECUTE FUNCTION identity.tg_resource__scope('agent');


--
-- Name: agents agents_set_updated_at; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER agents_set_updated_at BEFORE UPDATE ON identity.agents FOR EACH ROW EXECUTE FUNCTION internal.tg_set_updated_at();


--
-- Name: api_keys api_keys_check_roles; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER api_keys_check_roles BEFORE INSERT OR UPDATE OF roles ON identity.api_keys FOR EACH ROW EXECUTE FUNCTION identity.tg_api_keys__check_roles();


--
-- Name: api_keys api_keys_scope; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER api_keys_scope AFTER INSERT OR DELETE OR UPDATE OF principal_id, project_id ON identity.api_keys FOR EACH ROW EXECUTE FUNCTION identity.tg_resource__scope('api_key');


--
-- Name: api_keys api_keys_set_updated_at; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER api_keys_set_updated_at BEFORE UPDATE ON identity.api_keys FOR EACH ROW EXECUTE FUNCTION internal.tg_set_updated_at();


--
-- Name: api_keys api_keys_use_keeps_updated_at; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER api_keys_use_keeps_updated_at BEFORE UPDATE OF last_used_at ON identity.api_keys FOR EACH ROW WHEN ((old.last_used_at IS DISTINCT FROM new.last_used_at)) EXECUTE FUNCTION identity.tg_api_keys__keep_updated_at();


--
-- Name: datasets datasets_principal_delete; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER datasets_principal_delete AFTER DELETE ON identity.datasets FOR EACH ROW EXECUTE FUNCTION identity.tg_entity__sync_principal('dataset', 'name');


--
-- Name: datasets datasets_principal_insert; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER datasets_principal_insert BEFORE INSERT ON identity.datasets FOR EACH ROW EXECUTE FUNCTION identity.tg_entity__sync_principal('dataset', 'name');


--
-- Name: datasets datasets_principal_update; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER datasets_principal_update AFTER UPDATE ON identity.datasets FOR EACH ROW EXECUTE FUNCTION identity.tg_entity__sync_principal('dataset', 'name');


--
-- Name: datasets datasets_scope; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER datasets_scope AFTER INSERT OR DELETE OR UPDATE ON identity.datasets FOR EACH ROW EXECUTE FUNCTION identity.tg_resource__scope('dataset');


--
-- Name: datasets datasets_set_updated_at; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER datasets_set_updated_at BEFORE UPDATE ON identity.datasets FOR EACH ROW EXECUTE FUNCTION internal.tg_set_updated_at();


--
-- Name: org_memberships org_memberships_keep_an_owner; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE CONSTRAINT TRIGGER org_memberships_keep_an_owner AFTER DELETE OR UPDATE OF role ON identity.org_memberships DEFERRABLE INITIALLY IMMEDIATE FOR EACH ROW EXECUTE FUNCTION identity.tg_org_memberships__keep_an_owner();


--
-- Name: org_memberships org_memberships_set_updated_at; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER org_memberships_set_updated_at BEFORE UPDATE ON identity.org_memberships FOR EACH ROW EXECUTE FUNCTION internal.tg_set_updated_at();


--
-- Name: organizations organizations_audit; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER organizations_audit AFTER UPDATE ON identity.organizations FOR EACH ROW EXECUTE FUNCTION identity.tg_entity__audit('org');


--
-- Name: organizations organizations_principal_delete; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER organizations_principal_delete AFTER DELETE ON identity.organizations FOR EACH ROW EXECUTE FUNCTION identity.tg_entity__sync_principal('org', 'name');


--
-- Name: organizations organizations_principal_insert; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER organizations_principal_insert BEFORE INSERT ON identity.organizations FOR EACH ROW EXECUTE FUNCTION identity.tg_entity__sync_principal('org', 'name');


--
-- Name: organizations organizations_principal_update; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER organizations_principal_update AFTER UPDATE ON identity.organizations FOR EACH ROW EXECUTE FUNCTION identity.tg_entity__sync_principal('org', 'name');


--
-- Name: organizations organizations_scope; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER organizations_scope AFTER INSERT OR DELETE OR UPDATE ON identity.organizations FOR EACH ROW EXECUTE FUNCTION identity.tg_resource__scope('org');


--
-- Name: organizations organizations_set_updated_at; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER organizations_set_updated_at BEFORE UPDATE ON identity.organizations FOR EACH ROW EXECUTE FUNCTION internal.tg_set_updated_at();


--
-- Name: policies policies_check; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER policies_check BEFORE INSERT OR UPDATE ON identity.policies FOR EACH ROW EXECUTE FUNCTION identity.tg_policies__check();


--
-- Name: principals principals_end_sessions; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER principals_end_sessions AFTER UPDATE OF disabled_at ON identity.principals FOR EACH ROW EXECUTE FUNCTION auth.tg_principals__end_sessions();


--
-- Name: principals principals_set_updated_at; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER principals_set_updated_at BEFORE UPDATE ON identity.principals FOR EACH ROW EXECUTE FUNCTION internal.tg_set_updated_at();


--
-- Name: projects projects_audit; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER projects_audit AFTER INSERT OR DELETE OR UPDATE ON identity.projects FOR EACH ROW EXECUTE FUNCTION identity.tg_entity__audit('project');


--
-- Name: projects projects_guard_move; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER projects_guard_move BEFORE UPDATE OF org_id ON identity.projects FOR EACH ROW EXECUTE FUNCTION identity.tg_projects__guard_move();


--
-- Name: projects projects_protect_dsn; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER projects_protect_dsn BEFORE INSERT OR UPDATE OF neurondb_dsn, neurondb_dsn_secret ON identity.projects FOR EACH ROW EXECUTE FUNCTION identity.tg_projects__protect_dsn();


--
-- Name: projects projects_protect_mcp_env; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER projects_protect_mcp_env BEFORE INSERT OR UPDATE OF mcp_config, mcp_env_secret ON identity.projects FOR EACH ROW EXECUTE FUNCTION identity.tg_projects__protect_mcp_env();


--
-- Name: projects projects_scope; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER projects_scope AFTER INSERT OR DELETE OR UPDATE ON identity.projects FOR EACH ROW EXECUTE FUNCTION identity.tg_resource__scope('project');


--
-- Name: projects projects_set_updated_at; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER projects_set_updated_at BEFORE UPDATE ON identity.projects FOR EACH ROW EXECUTE FUNCTION internal.tg_set_updated_at();


--
-- Name: resource_scopes resource_scopes_drop_policies; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER resource_scopes_drop_policies AFTER DELETE ON identity.resource_scopes FOR EACH ROW EXECUTE FUNCTION identity.tg_resource_scopes__drop_policies();


--
-- Name: service_accounts service_accounts_principal_delete; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER service_accounts_principal_delete AFTER DELETE ON identity.service_accounts FOR EACH ROW EXECUTE FUNCTION identity.tg_entity__sync_principal('service_account', 'name');


--
-- Name: service_accounts service_accounts_principal_insert; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER service_accounts_principal_insert BEFORE INSERT ON identity.service_accounts FOR EACH ROW EXECUTE FUNCTION identity.tg_entity__sync_principal('service_account', 'name');


--
-- Name: service_accounts service_accounts_principal_update; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER service_accounts_principal_update AFTER UPDATE ON identity.service_accounts FOR EACH ROW EXECUTE FUNCTION identity.tg_entity__sync_principal('service_account', 'name');


--
-- Name: service_accounts service_accounts_scope; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER service_accounts_scope AFTER INSERT OR DELETE OR UPDATE ON identity.service_accounts FOR EACH ROW EXECUTE FUNCTION identity.tg_resource__scope('service_account');


--
-- Name: service_accounts service_accounts_set_updated_at; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER service_accounts_set_updated_at BEFORE UPDATE ON identity.service_accounts FOR EACH ROW EXECUTE FUNCTION internal.tg_set_updated_at();


--
-- Name: tools tools_principal_delete; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER tools_principal_delete AFTER DELETE ON identity.tools FOR EACH ROW EXECUTE FUNCTION identity.tg_entity__sync_principal('tool', 'name');


--
-- Name: tools tools_principal_insert; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER tools_principal_insert BEFORE INSERT ON identity.tools FOR EACH ROW EXECUTE FUNCTION identity.tg_entity__sync_principal('tool', 'name');


--
-- Name: tools tools_principal_update; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER tools_principal_update AFTER UPDATE ON identity.tools FOR EACH ROW EXECUTE FUNCTION identity.tg_entity__sync_principal('tool', 'name');


--
-- Name: tools tools_scope; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER tools_scope AFTER INSERT OR DELETE OR UPDATE ON identity.tools FOR EACH ROW EXECUTE FUNCTION identity.tg_resource__scope('tool');


--
-- Name: tools tools_set_updated_at; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER tools_set_updated_at BEFORE UPDATE ON identity.tools FOR EACH ROW EXECUTE FUNCTION internal.tg_set_updated_at();


--
-- Name: users users_principal_delete; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER users_principal_delete AFTER DELETE ON identity.users FOR EACH ROW EXECUTE FUNCTION identity.tg_entity__sync_principal('user', 'username');


--
-- Name: users users_principal_insert; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER users_principal_insert BEFORE INSERT ON identity.users FOR EACH ROW EXECUTE FUNCTION identity.tg_entity__sync_principal('user', 'username');


--
-- Name: users users_principal_update; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER users_principal_update AFTER UPDATE ON identity.users FOR EACH ROW EXECUTE FUNCTION identity.tg_entity__sync_principal('user', 'username');


--
-- Name: users users_set_updated_at; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER users_set_updated_at BEFORE UPDATE ON identity.users FOR EACH ROW EXECUTE FUNCTION internal.tg_set_updated_at();


--
-- Name: agents zz_check_constraints; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER zz_check_constraints BEFORE INSERT OR UPDATE ON identity.agents FOR EACH ROW EXECUTE FUNCTION internal.tg_check_constraints();


--
-- Name: api_keys zz_check_constraints; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER zz_check_constraints BEFORE INSERT OR UPDATE ON identity.api_keys FOR EACH ROW EXECUTE FUNCTION internal.tg_check_constraints();


--
-- Name: datasets zz_check_constraints; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER zz_check_constraints BEFORE INSERT OR UPDATE ON identity.datasets FOR EACH ROW EXECUTE FUNCTION internal.tg_check_constraints();


--
-- Name: org_memberships zz_check_constraints; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER zz_check_constraints BEFORE INSERT OR UPDATE ON identity.org_memberships FOR EACH ROW EXECUTE FUNCTION internal.tg_check_constraints();


--
-- Name: organizations zz_check_constraints; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER zz_check_constraints BEFORE INSERT OR UPDATE ON identity.organizations FOR EACH ROW EXECUTE FUNCTION internal.tg_check_constraints();


--
-- Name: policies zz_check_constraints; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER zz_check_constraints BEFORE INSERT OR UPDATE ON identity.policies FOR EACH ROW EXECUTE FUNCTION internal.tg_check_constraints();


--
-- Name: principals zz_check_constraints; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER zz_check_constraints BEFORE INSERT OR UPDATE ON identity.principals FOR EACH ROW EXECUTE FUNCTION internal.tg_check_constraints();


--
-- Name: projects zz_check_constraints; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER zz_check_constraints BEFORE INSERT OR UPDATE ON identity.projects FOR EACH ROW EXECUTE FUNCTION internal.tg_check_constraints();


--
-- Name: service_accounts zz_check_constraints; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER zz_check_constraints BEFORE INSERT OR UPDATE ON identity.service_accounts FOR EACH ROW EXECUTE FUNCTION internal.tg_check_constraints();


--
-- Name: tools zz_check_constraints; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER zz_check_constraints BEFORE INSERT OR UPDATE ON identity.tools FOR EACH ROW EXECUTE FUNCTION internal.tg_check_constraints();


--
-- Name: users zz_check_constraints; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER zz_check_constraints BEFORE INSERT OR UPDATE ON identity.users FOR EACH ROW EXECUTE FUNCTION internal.tg_check_constraints();


--
-- Name: org_invitations zz_check_invitation_constraints; Type: TRIGGER; Schema: identity; Owner: neuronplane_owner
--

CREATE TRIGGER zz_check_invitation_constraints BEFORE INSERT OR UPDATE ON identity.org_invitations FOR EACH ROW EXECUTE FUNCTION internal.tg_check_constraints();


--
-- Name: datasets datasets_drop_table; Type: TRIGGER; Schema: workspace; Owner: neuronplane_owner
--

CREATE TRIGGER datasets_drop_table AFTER DELETE ON workspace.datasets FOR EACH ROW EXECUTE FUNCTION workspace.tg_datasets__drop_table();


--
-- Name: datasets datasets_set_updated_at; Type: TRIGGER; Schema: workspace; Owner: neuronplane_owner
--

CREATE TRIGGER datasets_set_updated_at BEFORE UPDATE ON workspace.datasets FOR EACH ROW EXECUTE FUNCTION internal.tg_set_updated_at();


--
-- Name: ingest_jobs ingest_jobs_set_updated_at; Type: TRIGGER; Schema: workspace; Owner: neuronplane_owner
--

CREATE TRIGGER ingest_jobs_set_updated_at BEFORE UPDATE ON workspace.ingest_jobs FOR EACH ROW EXECUTE FUNCTION internal.tg_set_updated_at();


--
-- Name: ingest_jobs ingest_jobs_trace; Type: TRIGGER; Schema: workspace; Owner: neuronplane_owner
--

CREATE TRIGGER ingest_jobs_trace AFTER INSERT ON workspace.ingest_jobs FOR EACH ROW EXECUTE FUNCTION workspace.tg_ingest_jobs__trace();


--
-- Name: ingest_settings ingest_settings_set_updated_at; Type: TRIGGER; Schema: workspace; Owner: neuronplane_owner
--

CREATE TRIGGER ingest_settings_set_updated_at BEFORE UPDATE ON workspace.ingest_settings FOR EACH ROW EXECUTE FUNCTION internal.tg_set_updated_at();


--
-- Name: llm_models llm_models_audit; Type: TRIGGER; Schema: workspace; Owner: neuronplane_owner
--

CREATE TRIGGER llm_models_audit AFTER INSERT OR DELETE OR UPDATE ON workspace.llm_models FOR EACH ROW EXECUTE FUNCTION workspace.tg_llm_models__audit();


--
-- Name: llm_models llm_models_check; Type: TRIGGER; Schema: workspace; Owner: neuronplane_owner
--

CREATE TRIGGER llm_models_check BEFORE INSERT OR UPDATE ON workspace.llm_models FOR EACH ROW EXECUTE FUNCTION workspace.tg_llm_models__check();


--
-- Name: llm_models llm_models_created_by; Type: TRIGGER; Schema: workspace; Owner: neuronplane_owner
--

CREATE TRIGGER llm_models_created_by BEFORE INSERT ON workspace.llm_models FOR EACH ROW EXECUTE FUNCTION workspace.tg_llm_models__created_by();


--
-- Name: llm_models llm_models_scope; Type: TRIGGER; Schema: workspace; Owner: neuronplane_owner
--

CREATE TRIGGER llm_models_scope AFTER INSERT OR DELETE OR UPDATE ON workspace.llm_models FOR EACH ROW EXECUTE FUNCTION identity.tg_resource__scope('model');


--
-- Name: llm_models llm_models_set_updated_at; Type: TRIGGER; Schema: workspace; Owner: neuronplane_owner
--

CREATE TRIGGER llm_models_set_updated_at BEFORE UPDATE ON workspace.llm_models FOR EACH ROW EXECUTE FUNCTION internal.tg_set_updated_at();


--
-- Name: datasets zz_check_constraints; Type: TRIGGER; Schema: workspace; Owner: neuronplane_owner
--

CREATE TRIGGER zz_check_constraints BEFORE INSERT OR UPDATE ON workspace.datasets FOR EACH ROW EXECUTE FUNCTION internal.tg_check_constraints();


--
-- Name: ingest_jobs zz_check_constraints; Type: TRIGGER; Schema: workspace; Owner: neuronplane_owner
--

CREATE TRIGGER zz_check_constraints BEFORE INSERT OR UPDATE ON workspace.ingest_jobs FOR EACH ROW EXECUTE FUNCTION internal.tg_check_constraints();


--
-- Name: llm_models zz_check_constraints; Type: TRIGGER; Schema: workspace; Owner: neuronplane_owner
--

CREATE TRIGGER zz_check_constraints BEFORE INSERT OR UPDATE ON workspace.llm_models FOR EACH ROW EXECUTE FUNCTION internal.tg_check_constraints();


--
-- Name: project_agent_keys zz_check_constraints; Type: TRIGGER; Schema: workspace; Owner: neuronplane_owner
--

CREATE TRIGGER zz_check_constraints BEFORE INSERT OR UPDATE ON workspace.project_agent_keys FOR EACH ROW EXECUTE FUNCTION internal.tg_check_constraints();


--
-- Name: account_login_failures account_login_failures_user_id_fkey; Type: FK CONSTRAINT; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE ONLY auth.account_login_failures
    ADD CONSTRAINT account_login_failures_user_id_fkey FOREIGN KEY (user_id) REFERENCES identity.users(id) ON DELETE CASCADE;


--
-- Name: api_key_request_counts api_key_request_counts_api_key_id_fkey; Type: FK CONSTRAINT; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE ONLY auth.api_key_request_counts
    ADD CONSTRAINT api_key_request_counts_api_key_id_fkey FOREIGN KEY (api_key_id) REFERENCES identity.api_keys(id) ON DELETE CASCADE;


--
-- Name: credentials credentials_user_id_fkey; Type: FK CONSTRAINT; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE ONLY auth.credentials
    ADD CONSTRAINT credentials_user_id_fkey FOREIGN KEY (user_id) REFERENCES identity.users(id) ON DELETE CASCADE;


--
-- Name: external_identities external_identities_provider_fkey; Type: FK CONSTRAINT; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE ONLY auth.external_identities
    ADD CONSTRAINT external_identities_provider_fkey FOREIGN KEY (provider) REFERENCES auth.oidc_providers(name) ON UPDATE CASCADE ON DELETE CASCADE;


--
-- Name: external_identities external_identities_user_id_fkey; Type: FK CONSTRAINT; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE ONLY auth.external_identities
    ADD CONSTRAINT external_identities_user_id_fkey FOREIGN KEY (user_id) REFERENCES identity.users(id) ON DELETE CASCADE;


--
-- Name: login_attempts login_attempts_provider_fkey; Type: FK CONSTRAINT; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE ONLY auth.login_attempts
    ADD CONSTRAINT login_attempts_provider_fkey FOREIGN KEY (provider) REFERENCES auth.oidc_providers(name) ON UPDATE CASCADE ON DELETE CASCADE;


--
-- Name: refresh_tokens refresh_tokens_parent_id_fkey; Type: FK CONSTRAINT; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE ONLY auth.refresh_tokens
    ADD CONSTRAINT refresh_tokens_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES auth.refresh_tokens(id) ON DELETE CASCADE;


--
-- Name: refresh_tokens refresh_tokens_session_id_fkey; Type: FK CONSTRAINT; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE ONLY auth.refresh_tokens
    ADD CONSTRAINT refresh_tokens_session_id_fkey FOREIGN KEY (session_id) REFERENCES auth.sessions(id) ON DELETE CASCADE;


--
-- Name: sessions sessions_principal_id_fkey; Type: FK CONSTRAINT; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE ONLY auth.sessions
    ADD CONSTRAINT sessions_principal_id_fkey FOREIGN KEY (principal_id) REFERENCES identity.principals(id) ON DELETE CASCADE;


--
-- Name: agents agents_id_principal_type_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.agents
    ADD CONSTRAINT agents_id_principal_type_fkey FOREIGN KEY (id, principal_type) REFERENCES identity.principals(id, type);


--
-- Name: agents agents_project_id_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.agents
    ADD CONSTRAINT agents_project_id_fkey FOREIGN KEY (project_id) REFERENCES identity.projects(id) ON DELETE CASCADE;


--
-- Name: api_key_roles api_key_roles_permission_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.api_key_roles
    ADD CONSTRAINT api_key_roles_permission_fkey FOREIGN KEY (permission) REFERENCES identity.permissions(name) ON UPDATE CASCADE;


--
-- Name: api_keys api_keys_created_by_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.api_keys
    ADD CONSTRAINT api_keys_created_by_fkey FOREIGN KEY (created_by) REFERENCES identity.principals(id) ON DELETE SET NULL;


--
-- Name: api_keys api_keys_principal_id_principal_type_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.api_keys
    ADD CONSTRAINT api_keys_principal_id_principal_type_fkey FOREIGN KEY (principal_id, principal_type) REFERENCES identity.principals(id, type) ON DELETE CASCADE;


--
-- Name: api_keys api_keys_project_id_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.api_keys
    ADD CONSTRAINT api_keys_project_id_fkey FOREIGN KEY (project_id) REFERENCES identity.projects(id) ON DELETE CASCADE;


--
-- Name: datasets datasets_id_principal_type_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.datasets
    ADD CONSTRAINT datasets_id_principal_type_fkey FOREIGN KEY (id, principal_type) REFERENCES identity.principals(id, type);


--
-- Name: datasets datasets_project_id_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.datasets
    ADD CONSTRAINT datasets_project_id_fkey FOREIGN KEY (project_id) REFERENCES identity.projects(id) ON DELETE CASCADE;


--
-- Name: org_invitations org_invitations_invited_by_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.org_invitations
    ADD CONSTRAINT org_invitations_invited_by_fkey FOREIGN KEY (invited_by) REFERENCES identity.principals(id) ON DELETE SET NULL;


--
-- Name: org_invitations org_invitations_invitee_user_id_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.org_invitations
    ADD CONSTRAINT org_invitations_invitee_user_id_fkey FOREIGN KEY (invitee_user_id) REFERENCES identity.users(id) ON DELETE CASCADE;


--
-- Name: org_invitations org_invitations_org_id_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.org_invitations
    ADD CONSTRAINT org_invitations_org_id_fkey FOREIGN KEY (org_id) REFERENCES identity.organizations(id) ON DELETE CASCADE;


--
-- Name: org_invitations org_invitations_role_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.org_invitations
    ADD CONSTRAINT org_invitations_role_fkey FOREIGN KEY (role) REFERENCES identity.roles(name) ON UPDATE CASCADE;


--
-- Name: org_memberships org_memberships_org_id_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.org_memberships
    ADD CONSTRAINT org_memberships_org_id_fkey FOREIGN KEY (org_id) REFERENCES identity.organizations(id) ON DELETE CASCADE;


--
-- Name: org_memberships org_memberships_role_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.org_memberships
    ADD CONSTRAINT org_memberships_role_fkey FOREIGN KEY (role) REFERENCES identity.roles(name) ON UPDATE CASCADE;


--
-- Name: org_memberships org_memberships_user_id_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.org_memberships
    ADD CONSTRAINT org_memberships_user_id_fkey FOREIGN KEY (user_id) REFERENCES identity.users(id) ON DELETE CASCADE;


--
-- Name: organizations organizations_id_principal_type_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.organizations
    ADD CONSTRAINT organizations_id_principal_type_fkey FOREIGN KEY (id, principal_type) REFERENCES identity.principals(id, type);


--
-- Name: policies policies_created_by_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.policies
    ADD CONSTRAINT policies_created_by_fkey FOREIGN KEY (created_by) REFERENCES identity.principals(id) ON DELETE SET NULL;


--
-- Name: policies policies_org_id_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.policies
    ADD CONSTRAINT policies_org_id_fkey FOREIGN KEY (org_id) REFERENCES identity.organizations(id) ON DELETE CASCADE;


--
-- Name: policies policies_permission_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.policies
    ADD CONSTRAINT policies_permission_fkey FOREIGN KEY (permission) REFERENCES identity.permissions(name) ON UPDATE CASCADE;


--
-- Name: policies policies_project_id_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.policies
    ADD CONSTRAINT policies_project_id_fkey FOREIGN KEY (project_id) REFERENCES identity.projects(id) ON DELETE CASCADE;


--
-- Name: policies policies_resource_type_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.policies
    ADD CONSTRAINT policies_resource_type_fkey FOREIGN KEY (resource_type) REFERENCES identity.resource_types(name) ON UPDATE CASCADE;


--
-- Name: policies policies_subject_id_subject_type_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.policies
    ADD CONSTRAINT policies_subject_id_subject_type_fkey FOREIGN KEY (subject_id, subject_type) REFERENCES identity.principals(id, type) ON DELETE CASCADE;


--
-- Name: policies policies_subject_role_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.policies
    ADD CONSTRAINT policies_subject_role_fkey FOREIGN KEY (subject_role) REFERENCES identity.roles(name) ON UPDATE CASCADE;


--
-- Name: projects projects_org_id_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.projects
    ADD CONSTRAINT projects_org_id_fkey FOREIGN KEY (org_id) REFERENCES identity.organizations(id) ON DELETE CASCADE;


--
-- Name: projects projects_user_id_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.projects
    ADD CONSTRAINT projects_user_id_fkey FOREIGN KEY (user_id) REFERENCES identity.users(id) ON DELETE CASCADE;


--
-- Name: role_grants role_grants_permission_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.role_grants
    ADD CONSTRAINT role_grants_permission_fkey FOREIGN KEY (permission) REFERENCES identity.permissions(name) ON UPDATE CASCADE;


--
-- Name: role_grants role_grants_resource_type_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.role_grants
    ADD CONSTRAINT role_grants_resource_type_fkey FOREIGN KEY (resource_type) REFERENCES identity.resource_types(name) ON UPDATE CASCADE;


--
-- Name: role_grants role_grants_role_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.role_grants
    ADD CONSTRAINT role_grants_role_fkey FOREIGN KEY (role) REFERENCES identity.roles(name) ON UPDATE CASCADE ON DELETE CASCADE;


--
-- Name: service_accounts service_accounts_id_principal_type_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.service_accounts
    ADD CONSTRAINT service_accounts_id_principal_type_fkey FOREIGN KEY (id, principal_type) REFERENCES identity.principals(id, type);


--
-- Name: service_accounts service_accounts_org_id_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.service_accounts
    ADD CONSTRAINT service_accounts_org_id_fkey FOREIGN KEY (org_id) REFERENCES identity.organizations(id) ON DELETE CASCADE;


--
-- Name: service_accounts service_accounts_project_id_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.service_accounts
    ADD CONSTRAINT service_accounts_project_id_fkey FOREIGN KEY (project_id) REFERENCES identity.projects(id) ON DELETE CASCADE;


--
-- Name: tools tools_id_principal_type_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.tools
    ADD CONSTRAINT tools_id_principal_type_fkey FOREIGN KEY (id, principal_type) REFERENCES identity.principals(id, type);


--
-- Name: tools tools_project_id_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.tools
    ADD CONSTRAINT tools_project_id_fkey FOREIGN KEY (project_id) REFERENCES identity.projects(id) ON DELETE CASCADE;


--
-- Name: users users_id_principal_type_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE ONLY identity.users
    ADD CONSTRAINT users_id_principal_type_fkey FOREIGN KEY (id, principal_type) REFERENCES identity.principals(id, type);


--
-- Name: usage_counters usage_counters_project_id_fkey; Type: FK CONSTRAINT; Schema: ops; Owner: neuronplane_owner
--

ALTER TABLE ONLY ops.usage_counters
    ADD CONSTRAINT usage_counters_project_id_fkey FOREIGN KEY (project_id) REFERENCES identity.projects(id) ON DELETE CASCADE;


--
-- Name: datasets datasets_created_by_fkey; Type: FK CONSTRAINT; Schema: workspace; Owner: neuronplane_owner
--

ALTER TABLE ONLY workspace.datasets
    ADD CONSTRAINT datasets_created_by_fkey FOREIGN KEY (created_by) REFERENCES identity.principals(id) ON DELETE SET NULL;


--
-- Name: datasets datasets_id_fkey; Type: FK CONSTRAINT; Schema: workspace; Owner: neuronplane_owner
--

ALTER TABLE ONLY workspace.datasets
    ADD CONSTRAINT datasets_id_fkey FOREIGN KEY (id) REFERENCES identity.datasets(id) ON DELETE CASCADE;


--
-- Name: datasets datasets_project_id_fkey; Type: FK CONSTRAINT; Schema: workspace; Owner: neuronplane_owner
--

ALTER TABLE ONLY workspace.datasets
    ADD CONSTRAINT datasets_project_id_fkey FOREIGN KEY (project_id) REFERENCES identity.projects(id) ON DELETE CASCADE;


--
-- Name: ingest_job_traces ingest_job_traces_job_id_fkey; Type: FK CONSTRAINT; Schema: workspace; Owner: neuronplane_owner
--

ALTER TABLE ONLY workspace.ingest_job_traces
    ADD CONSTRAINT ingest_job_traces_job_id_fkey FOREIGN KEY (job_id) REFERENCES workspace.ingest_jobs(id) ON DELETE CASCADE;


--
-- Name: ingest_jobs ingest_jobs_created_by_fkey; Type: FK CONSTRAINT; Schema: workspace; Owner: neuronplane_owner
--

ALTER TABLE ONLY workspace.ingest_jobs
    ADD CONSTRAINT ingest_jobs_created_by_fkey FOREIGN KEY (created_by) REFERENCES identity.principals(id) ON DELETE SET NULL;


--
-- Name: ingest_jobs ingest_jobs_dataset_id_fkey; Type: FK CONSTRAINT; Schema: workspace; Owner: neuronplane_owner
--

ALTER TABLE ONLY workspace.ingest_jobs
    ADD CONSTRAINT ingest_jobs_dataset_id_fkey FOREIGN KEY (dataset_id) REFERENCES workspace.datasets(id) ON DELETE SET NULL;


--
-- Name: ingest_jobs ingest_jobs_project_id_fkey; Type: FK CONSTRAINT; Schema: workspace; Owner: neuronplane_owner
--

ALTER TABLE ONLY workspace.ingest_jobs
    ADD CONSTRAINT ingest_jobs_project_id_fkey FOREIGN KEY (project_id) REFERENCES identity.projects(id) ON DELETE CASCADE;


--
-- Name: ingest_uploads ingest_uploads_job_id_fkey; Type: FK CONSTRAINT; Schema: workspace; Owner: neuronplane_owner
--

ALTER TABLE ONLY workspace.ingest_uploads
    ADD CONSTRAINT ingest_uploads_job_id_fkey FOREIGN KEY (job_id) REFERENCES workspace.ingest_jobs(id) ON DELETE SET NULL;


--
-- Name: ingest_workers ingest_workers_current_job_id_fkey; Type: FK CONSTRAINT; Schema: workspace; Owner: neuronplane_owner
--

ALTER TABLE ONLY workspace.ingest_workers
    ADD CONSTRAINT ingest_workers_current_job_id_fkey FOREIGN KEY (current_job_id) REFERENCES workspace.ingest_jobs(id) ON DELETE SET NULL;


--
-- Name: llm_models llm_models_project_id_fkey; Type: FK CONSTRAINT; Schema: workspace; Owner: neuronplane_owner
--

ALTER TABLE ONLY workspace.llm_models
    ADD CONSTRAINT llm_models_project_id_fkey FOREIGN KEY (project_id) REFERENCES identity.projects(id) ON DELETE CASCADE;


--
-- Name: project_agent_keys project_agent_keys_project_id_fkey; Type: FK CONSTRAINT; Schema: workspace; Owner: neuronplane_owner
--

ALTER TABLE ONLY workspace.project_agent_keys
    ADD CONSTRAINT project_agent_keys_project_id_fkey FOREIGN KEY (project_id) REFERENCES identity.projects(id) ON DELETE CASCADE;


--
-- Name: actions; Type: ROW SECURITY; Schema: audit; Owner: neuronplane_owner
--

ALTER TABLE audit.actions ENABLE ROW LEVEL SECURITY;

--
-- Name: chain_state; Type: ROW SECURITY; Schema: audit; Owner: neuronplane_owner
--

ALTER TABLE audit.chain_state ENABLE ROW LEVEL SECURITY;

--
-- Name: events; Type: ROW SECURITY; Schema: audit; Owner: neuronplane_owner
--

ALTER TABLE audit.events ENABLE ROW LEVEL SECURITY;

--
-- Name: events events_select_org_admin; Type: POLICY; Schema: audit; Owner: neuronplane_owner
--

CREATE POLICY events_select_org_admin ON audit.events FOR SELECT TO authenticated, service USING ((org_id = ANY (( SELECT identity.permitted_ids(( SELECT identity.current_principal_id() AS current_principal_id), 'audit'::text, 'read'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)) AS permitted_ids)::uuid[])));


--
-- Name: events events_select_own; Type: POLICY; Schema: audit; Owner: neuronplane_owner
--

CREATE POLICY events_select_own ON audit.events FOR SELECT TO authenticated, service USING ((principal_id = ( SELECT identity.current_principal_id() AS current_principal_id)));


--
-- Name: events events_select_platform_admin; Type: POLICY; Schema: audit; Owner: neuronplane_owner
--

CREATE POLICY events_select_platform_admin ON audit.events FOR SELECT TO authenticated, service USING (( SELECT identity.is_platform_admin(( SELECT identity.current_principal_id() AS current_principal_id)) AS is_platform_admin));


--
-- Name: sealer_state; Type: ROW SECURITY; Schema: audit; Owner: neuronplane_owner
--

ALTER TABLE audit.sealer_state ENABLE ROW LEVEL SECURITY;

--
-- Name: seals; Type: ROW SECURITY; Schema: audit; Owner: neuronplane_owner
--

ALTER TABLE audit.seals ENABLE ROW LEVEL SECURITY;

--
-- Name: settings; Type: ROW SECURITY; Schema: audit; Owner: neuronplane_owner
--

ALTER TABLE audit.settings ENABLE ROW LEVEL SECURITY;

--
-- Name: verification_runs; Type: ROW SECURITY; Schema: audit; Owner: neuronplane_owner
--

ALTER TABLE audit.verification_runs ENABLE ROW LEVEL SECURITY;

--
-- Name: account_login_failures; Type: ROW SECURITY; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE auth.account_login_failures ENABLE ROW LEVEL SECURITY;

--
-- Name: address_login_attempts; Type: ROW SECURITY; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE auth.address_login_attempts ENABLE ROW LEVEL SECURITY;

--
-- Name: address_login_failures; Type: ROW SECURITY; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE auth.address_login_failures ENABLE ROW LEVEL SECURITY;

--
-- Name: api_key_rejections; Type: ROW SECURITY; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE auth.api_key_rejections ENABLE ROW LEVEL SECURITY;

--
-- Name: api_key_request_counts; Type: ROW SECURITY; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE auth.api_key_request_counts ENABLE ROW LEVEL SECURITY;

--
-- Name: autonomous_logins; Type: ROW SECURITY; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE auth.autonomous_logins ENABLE ROW LEVEL SECURITY;

--
-- Name: common_passwords; Type: ROW SECURITY; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE auth.common_passwords ENABLE ROW LEVEL SECURITY;

--
-- Name: credentials; Type: ROW SECURITY; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE auth.credentials ENABLE ROW LEVEL SECURITY;

--
-- Name: external_identities; Type: ROW SECURITY; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE auth.external_identities ENABLE ROW LEVEL SECURITY;

--
-- Name: login_attempts; Type: ROW SECURITY; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE auth.login_attempts ENABLE ROW LEVEL SECURITY;

--
-- Name: oidc_providers; Type: ROW SECURITY; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE auth.oidc_providers ENABLE ROW LEVEL SECURITY;

--
-- Name: refresh_token_key; Type: ROW SECURITY; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE auth.refresh_token_key ENABLE ROW LEVEL SECURITY;

--
-- Name: refresh_tokens; Type: ROW SECURITY; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE auth.refresh_tokens ENABLE ROW LEVEL SECURITY;

--
-- Name: sessions; Type: ROW SECURITY; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE auth.sessions ENABLE ROW LEVEL SECURITY;

--
-- Name: settings; Type: ROW SECURITY; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE auth.settings ENABLE ROW LEVEL SECURITY;

--
-- Name: signing_keys; Type: ROW SECURITY; Schema: auth; Owner: neuronplane_owner
--

ALTER TABLE auth.signing_keys ENABLE ROW LEVEL SECURITY;

--
-- Name: agents; Type: ROW SECURITY; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE identity.agents ENABLE ROW LEVEL SECURITY;

--
-- Name: agents agents_delete; Type: POLICY; Schema: identity; Owner: neuronplane_owner
--

CREATE POLICY agents_delete ON identity.agents FOR DELETE TO authenticated, service USING (identity.has_permission(( SELECT identity.current_principal_id() AS current_principal_id), 'agent'::text, id, 'admin'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)));


--
-- Name: agents agents_insert; Type: POLICY; Schema: identity; Owner: neuronplane_owner
--

CREATE POLICY agents_insert ON identity.agents FOR INSERT TO authenticated, service WITH CHECK (identity.has_permission(( SELECT identity.current_principal_id() AS current_principal_id), 'project'::text, project_id, 'write'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)));


--
-- Name: agents agents_select; Type: POLICY; Schema: identity; Owner: neuronplane_owner
--

CREATE POLICY agents_select ON identity.agents FOR SELECT TO authenticated, service USING ((id = ANY (( SELECT identity.permitted_ids(( SELECT identity.current_principal_id() AS current_principal_id), 'agent'::text, 'read'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)) AS permitted_ids)::uuid[])));


--
-- Name: agents agents_update; Type: POLICY; Schema: identity; Owner: neuronplane_owner
--

CREATE POLICY agents_update ON identity.agents FOR UPDATE TO authenticated, service USING ((id = ANY (( SELECT identity.permitted_ids(( SELECT identity.current_principal_id() AS current_principal_id), 'agent'::text, 'read'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)) AS permitted_ids)::uuid[]))) WITH CHECK (identity.has_permission(( SELECT identity.current_principal_id() AS current_principal_id), 'agent'::text, id, 'write'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)));


--
-- Name: api_key_roles; Type: ROW SECURITY; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE identity.api_key_roles ENABLE ROW LEVEL SECURITY;

--
-- Name: api_key_roles api_key_roles_select; Type: POLICY; Schema: identity; Owner: neuronplane_owner
--

CREATE POLICY api_key_roles_select ON identity.api_key_roles FOR SELECT TO authenticated, service USING (true);


--
-- Name: api_keys; Type: ROW SECURITY; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE identity.api_keys ENABLE ROW LEVEL SECURITY;

--
-- Name: api_keys api_keys_select; Type: POLICY; Schema: identity; Owner: neuronplane_owner
--

CREATE POLICY api_keys_select ON identity.api_keys FOR SELECT TO authenticated, service USING ((id = ANY (( SELECT identity.permitted_ids(( SELECT identity.current_principal_id() AS current_principal_id), 'api_key'::text, 'read'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)) AS permitted_ids)::uuid[])));


--
-- Name: api_keys api_keys_update; Type: POLICY; Schema: identity; Owner: neuronplane_owner
--

CREATE POLICY api_keys_update ON identity.api_keys FOR UPDATE TO authenticated, service USING ((id = ANY (( SELECT identity.permitted_ids(( SELECT identity.current_principal_id() AS current_principal_id), 'api_key'::text, 'read'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)) AS permitted_ids)::uuid[]))) WITH CHECK (identity.has_permission(( SELECT identity.current_principal_id() AS current_principal_id), 'api_key'::text, id, 'admin'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)));


--
-- Name: datasets; Type: ROW SECURITY; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE identity.datasets ENABLE ROW LEVEL SECURITY;

--
-- Name: datasets datasets_delete; Type: POLICY; Schema: identity; Owner: neuronplane_owner
--

CREATE POLICY datasets_delete ON identity.datasets FOR DELETE TO authenticated, service USING (identity.has_permission(( SELECT identity.current_principal_id() AS current_principal_id), 'dataset'::text, id, 'admin'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)));


--
-- Name: datasets datasets_insert; Type: POLICY; Schema: identity; Owner: neuronplane_owner
--

CREATE POLICY datasets_insert ON identity.datasets FOR INSERT TO authenticated, service WITH CHECK (identity.has_permission(( SELECT identity.current_principal_id() AS current_principal_id), 'project'::text, project_id, 'write'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)));


--
-- Name: datasets datasets_select; Type: POLICY; Schema: identity; Owner: neuronplane_owner
--

CREATE POLICY datasets_select ON identity.datasets FOR SELECT TO authenticated, service USING ((id = ANY (( SELECT identity.permitted_ids(( SELECT identity.current_principal_id() AS current_principal_id), 'dataset'::text, 'read'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)) AS permitted_ids)::uuid[])));


--
-- Name: datasets datasets_update; Type: POLICY; Schema: identity; Owner: neuronplane_owner
--

CREATE POLICY datasets_update ON identity.datasets FOR UPDATE TO authenticated, service USING ((id = ANY (( SELECT identity.permitted_ids(( SELECT identity.current_principal_id() AS current_principal_id), 'dataset'::text, 'read'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)) AS permitted_ids)::uuid[]))) WITH CHECK (identity.has_permission(( SELECT identity.current_principal_id() AS current_principal_id), 'dataset'::text, id, 'write'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)));


--
-- Name: legacy_id_map; Type: ROW SECURITY; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE identity.legacy_id_map ENABLE ROW LEVEL SECURITY;

--
-- Name: org_invitations; Type: ROW SECURITY; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE identity.org_invitations ENABLE ROW LEVEL SECURITY;

--
-- Name: org_invitations org_invitations_select; Type: POLICY; Schema: identity; Owner: neuronplane_owner
--

CREATE POLICY org_invitations_select ON identity.org_invitations FOR SELECT TO authenticated, service USING (((org_id = ANY (( SELECT identity.permitted_ids(( SELECT identity.current_principal_id() AS current_principal_id), 'org'::text, 'admin'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)) AS permitted_ids)::uuid[])) OR identity.is_invitee(( SELECT identity.current_principal_id() AS current_principal_id), invitee_user_id, (invitee_email)::text)));


--
-- Name: org_memberships; Type: ROW SECURITY; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE identity.org_memberships ENABLE ROW LEVEL SECURITY;

--
-- Name: org_memberships org_memberships_select; Type: POLICY; Schema: identity; Owner: neuronplane_owner
--

CREATE POLICY org_memberships_select ON identity.org_memberships FOR SELECT TO authenticated, service USING ((org_id = ANY (( SELECT identity.permitted_ids(( SELECT identity.current_principal_id() AS current_principal_id), 'org'::text, 'read'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)) AS permitted_ids)::uuid[])));


--
-- Name: organizations; Type: ROW SECURITY; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE identity.organizations ENABLE ROW LEVEL SECURITY;

--
-- Name: organizations organizations_select; Type: POLICY; Schema: identity; Owner: neuronplane_owner
--

CREATE POLICY organizations_select ON identity.organizations FOR SELECT TO authenticated, service USING ((id = ANY (( SELECT identity.permitted_ids(( SELECT identity.current_principal_id() AS current_principal_id), 'org'::text, 'read'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)) AS permitted_ids)::uuid[])));


--
-- Name: organizations organizations_update; Type: POLICY; Schema: identity; Owner: neuronplane_owner
--

CREATE POLICY organizations_update ON identity.organizations FOR UPDATE TO authenticated, service USING ((id = ANY (( SELECT identity.permitted_ids(( SELECT identity.current_principal_id() AS current_principal_id), 'org'::text, 'read'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)) AS permitted_ids)::uuid[]))) WITH CHECK (identity.has_permission(( SELECT identity.current_principal_id() AS current_principal_id), 'org'::text, id, 'admin'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)));


--
-- Name: permissions; Type: ROW SECURITY; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE identity.permissions ENABLE ROW LEVEL SECURITY;

--
-- Name: permissions permissions_select; Type: POLICY; Schema: identity; Owner: neuronplane_owner
--

CREATE POLICY permissions_select ON identity.permissions FOR SELECT TO authenticated, service USING (true);


--
-- Name: policies; Type: ROW SECURITY; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE identity.policies ENABLE ROW LEVEL SECURITY;

--
-- Name: policies policies_select; Type: POLICY; Schema: identity; Owner: neuronplane_owner
--

CREATE POLICY policies_select ON identity.policies FOR SELECT TO authenticated, service USING ((( SELECT identity.is_platform_admin(( SELECT identity.current_principal_id() AS current_principal_id)) AS is_platform_admin) OR (subject_id = ( SELECT identity.current_principal_id() AS current_principal_id)) OR (scope_org_id = ANY (( SELECT identity.permitted_ids(( SELECT identity.current_principal_id() AS current_principal_id), 'org'::text, 'admin'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)) AS permitted_ids)::uuid[]))));


--
-- Name: principals; Type: ROW SECURITY; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE identity.principals ENABLE ROW LEVEL SECURITY;

--
-- Name: principals principals_select; Type: POLICY; Schema: identity; Owner: neuronplane_owner
--

CREATE POLICY principals_select ON identity.principals FOR SELECT TO authenticated, service USING ((( SELECT identity.is_platform_admin(( SELECT identity.current_principal_id() AS current_principal_id)) AS is_platform_admin) OR (id = ANY (( SELECT identity.visible_user_ids(( SELECT identity.current_principal_id() AS current_principal_id)) AS visible_user_ids)::uuid[])) OR (id = ANY (( SELECT identity.permitted_ids(( SELECT identity.current_principal_id() AS current_principal_id), 'org'::text, 'read'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)) AS permitted_ids)::uuid[])) OR (id = ANY (( SELECT identity.permitted_ids(( SELECT identity.current_principal_id() AS current_principal_id), 'service_account'::text, 'read'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)) AS permitted_ids)::uuid[])) OR (id = ANY (( SELECT identity.permitted_ids(( SELECT identity.current_principal_id() AS current_principal_id), 'agent'::text, 'read'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)) AS permitted_ids)::uuid[])) OR (id = ANY (( SELECT identity.permitted_ids(( SELECT identity.current_principal_id() AS current_principal_id), 'tool'::text, 'read'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)) AS permitted_ids)::uuid[])) OR (id = ANY (( SELECT identity.permitted_ids(( SELECT identity.current_principal_id() AS current_principal_id), 'dataset'::text, 'read'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)) AS permitted_ids)::uuid[]))));


--
-- Name: projects; Type: ROW SECURITY; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE identity.projects ENABLE ROW LEVEL SECURITY;

--
-- Name: projects projects_delete; Type: POLICY; Schema: identity; Owner: neuronplane_owner
--

CREATE POLICY projects_delete ON identity.projects FOR DELETE TO authenticated, service USING (identity.has_permission(( SELECT identity.current_principal_id() AS current_principal_id), 'project'::text, id, 'admin'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)));


--
-- Name: projects projects_insert; Type: POLICY; Schema: identity; Owner: neuronplane_owner
--

CREATE POLICY projects_insert ON identity.projects FOR INSERT TO authenticated, service WITH CHECK (identity.may_create_project(( SELECT identity.current_principal_id() AS current_principal_id), org_id, user_id, ( SELECT identity.current_api_key_id() AS current_api_key_id)));


--
-- Name: projects projects_select; Type: POLICY; Schema: identity; Owner: neuronplane_owner
--

CREATE POLICY projects_select ON identity.projects FOR SELECT TO authenticated, service USING ((id = ANY (( SELECT identity.permitted_ids(( SELECT identity.current_principal_id() AS current_principal_id), 'project'::text, 'read'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)) AS permitted_ids)::uuid[])));


--
-- Name: projects projects_update; Type: POLICY; Schema: identity; Owner: neuronplane_owner
--

CREATE POLICY projects_update ON identity.projects FOR UPDATE TO authenticated, service USING ((id = ANY (( SELECT identity.permitted_ids(( SELECT identity.current_principal_id() AS current_principal_id), 'project'::text, 'read'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)) AS permitted_ids)::uuid[]))) WITH CHECK (identity.has_permission(( SELECT identity.current_principal_id() AS current_principal_id), 'project'::text, id, 'write'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)));


--
-- Name: resource_scopes; Type: ROW SECURITY; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE identity.resource_scopes ENABLE ROW LEVEL SECURITY;

--
-- Name: resource_types; Type: ROW SECURITY; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE identity.resource_types ENABLE ROW LEVEL SECURITY;

--
-- Name: resource_types resource_types_select; Type: POLICY; Schema: identity; Owner: neuronplane_owner
--

CREATE POLICY resource_types_select ON identity.resource_types FOR SELECT TO authenticated, service USING (true);


--
-- Name: role_grants; Type: ROW SECURITY; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE identity.role_grants ENABLE ROW LEVEL SECURITY;

--
-- Name: role_grants role_grants_select; Type: POLICY; Schema: identity; Owner: neuronplane_owner
--

CREATE POLICY role_grants_select ON identity.role_grants FOR SELECT TO authenticated, service USING (true);


--
-- Name: roles; Type: ROW SECURITY; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE identity.roles ENABLE ROW LEVEL SECURITY;

--
-- Name: roles roles_select; Type: POLICY; Schema: identity; Owner: neuronplane_owner
--

CREATE POLICY roles_select ON identity.roles FOR SELECT TO authenticated, service USING (true);


--
-- Name: service_accounts; Type: ROW SECURITY; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE identity.service_accounts ENABLE ROW LEVEL SECURITY;

--
-- Name: service_accounts service_accounts_delete; Type: POLICY; Schema: identity; Owner: neuronplane_owner
--

CREATE POLICY service_accounts_delete ON identity.service_accounts FOR DELETE TO authenticated, service USING (identity.has_permission(( SELECT identity.current_principal_id() AS current_principal_id), 'service_account'::text, id, 'admin'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)));


--
-- Name: service_accounts service_accounts_select; Type: POLICY; Schema: identity; Owner: neuronplane_owner
--

CREATE POLICY service_accounts_select ON identity.service_accounts FOR SELECT TO authenticated, service USING ((id = ANY (( SELECT identity.permitted_ids(( SELECT identity.current_principal_id() AS current_principal_id), 'service_account'::text, 'read'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)) AS permitted_ids)::uuid[])));


--
-- Name: service_accounts service_accounts_update; Type: POLICY; Schema: identity; Owner: neuronplane_owner
--

CREATE POLICY service_accounts_update ON identity.service_accounts FOR UPDATE TO authenticated, service USING ((id = ANY (( SELECT identity.permitted_ids(( SELECT identity.current_principal_id() AS current_principal_id), 'service_account'::text, 'read'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)) AS permitted_ids)::uuid[]))) WITH CHECK (identity.has_permission(( SELECT identity.current_principal_id() AS current_principal_id), 'service_account'::text, id, 'admin'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)));


--
-- Name: settings; Type: ROW SECURITY; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE identity.settings ENABLE ROW LEVEL SECURITY;

--
-- Name: tools; Type: ROW SECURITY; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE identity.tools ENABLE ROW LEVEL SECURITY;

--
-- Name: tools tools_delete; Type: POLICY; Schema: identity; Owner: neuronplane_owner
--

CREATE POLICY tools_delete ON identity.tools FOR DELETE TO authenticated, service USING (identity.has_permission(( SELECT identity.current_principal_id() AS current_principal_id), 'tool'::text, id, 'admin'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)));


--
-- Name: tools tools_insert; Type: POLICY; Schema: identity; Owner: neuronplane_owner
--

CREATE POLICY tools_insert ON identity.tools FOR INSERT TO authenticated, service WITH CHECK (identity.has_permission(( SELECT identity.current_principal_id() AS current_principal_id), 'project'::text, project_id, 'write'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)));


--
-- Name: tools tools_select; Type: POLICY; Schema: identity; Owner: neuronplane_owner
--

CREATE POLICY tools_select ON identity.tools FOR SELECT TO authenticated, service USING ((id = ANY (( SELECT identity.permitted_ids(( SELECT identity.current_principal_id() AS current_principal_id), 'tool'::text, 'read'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)) AS permitted_ids)::uuid[])));


--
-- Name: tools tools_update; Type: POLICY; Schema: identity; Owner: neuronplane_owner
--

CREATE POLICY tools_update ON identity.tools FOR UPDATE TO authenticated, service USING ((id = ANY (( SELECT identity.permitted_ids(( SELECT identity.current_principal_id() AS current_principal_id), 'tool'::text, 'read'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)) AS permitted_ids)::uuid[]))) WITH CHECK (identity.has_permission(( SELECT identity.current_principal_id() AS current_principal_id), 'tool'::text, id, 'write'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)));


--
-- Name: users; Type: ROW SECURITY; Schema: identity; Owner: neuronplane_owner
--

ALTER TABLE identity.users ENABLE ROW LEVEL SECURITY;

--
-- Name: users users_select; Type: POLICY; Schema: identity; Owner: neuronplane_owner
--

CREATE POLICY users_select ON identity.users FOR SELECT TO authenticated, service USING ((( SELECT identity.is_platform_admin(( SELECT identity.current_principal_id() AS current_principal_id)) AS is_platform_admin) OR (id = ANY (( SELECT identity.visible_user_ids(( SELECT identity.current_principal_id() AS current_principal_id)) AS visible_user_ids)::uuid[]))));


--
-- Name: users users_update; Type: POLICY; Schema: identity; Owner: neuronplane_owner
--

CREATE POLICY users_update ON identity.users FOR UPDATE TO authenticated USING ((id = ( SELECT identity.current_principal_id() AS current_principal_id))) WITH CHECK ((id = ( SELECT identity.current_principal_id() AS current_principal_id)));


--
-- Name: secret_columns; Type: ROW SECURITY; Schema: internal; Owner: neuronplane_owner
--

ALTER TABLE internal.secret_columns ENABLE ROW LEVEL SECURITY;

--
-- Name: usage_counters; Type: ROW SECURITY; Schema: ops; Owner: neuronplane_owner
--

ALTER TABLE ops.usage_counters ENABLE ROW LEVEL SECURITY;

--
-- Name: usage_counters usage_counters_select; Type: POLICY; Schema: ops; Owner: neuronplane_owner
--

CREATE POLICY usage_counters_select ON ops.usage_counters FOR SELECT TO authenticated, service USING ((( SELECT identity.is_platform_admin(( SELECT identity.current_principal_id() AS current_principal_id)) AS is_platform_admin) OR (project_id = ANY (( SELECT identity.permitted_ids(( SELECT identity.current_principal_id() AS current_principal_id), 'project'::text, 'admin'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)) AS permitted_ids)::uuid[]))));


--
-- Name: datasets; Type: ROW SECURITY; Schema: workspace; Owner: neuronplane_owner
--

ALTER TABLE workspace.datasets ENABLE ROW LEVEL SECURITY;

--
-- Name: datasets datasets_select; Type: POLICY; Schema: workspace; Owner: neuronplane_owner
--

CREATE POLICY datasets_select ON workspace.datasets FOR SELECT TO authenticated, service USING ((( SELECT identity.is_platform_admin(( SELECT identity.current_principal_id() AS current_principal_id)) AS is_platform_admin) OR (id = ANY (( SELECT identity.permitted_ids(( SELECT identity.current_principal_id() AS current_principal_id), 'dataset'::text, 'read'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)) AS permitted_ids)::uuid[]))));


--
-- Name: ingest_job_traces; Type: ROW SECURITY; Schema: workspace; Owner: neuronplane_owner
--

ALTER TABLE workspace.ingest_job_traces ENABLE ROW LEVEL SECURITY;

--
-- Name: ingest_jobs; Type: ROW SECURITY; Schema: workspace; Owner: neuronplane_owner
--

ALTER TABLE workspace.ingest_jobs ENABLE ROW LEVEL SECURITY;

--
-- Name: ingest_jobs ingest_jobs_select; Type: POLICY; Schema: workspace; Owner: neuronplane_owner
--

CREATE POLICY ingest_jobs_select ON workspace.ingest_jobs FOR SELECT TO authenticated, service USING ((( SELECT identity.is_platform_admin(( SELECT identity.current_principal_id() AS current_principal_id)) AS is_platform_admin) OR (project_id = ANY (( SELECT identity.permitted_ids(( SELECT identity.current_principal_id() AS current_principal_id), 'project'::text, 'read'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)) AS permitted_ids)::uuid[]))));


--
-- Name: ingest_settings; Type: ROW SECURITY; Schema: workspace; Owner: neuronplane_owner
--

ALTER TABLE workspace.ingest_settings ENABLE ROW LEVEL SECURITY;

--
-- Name: ingest_settings ingest_settings_select; Type: POLICY; Schema: workspace; Owner: neuronplane_owner
--

CREATE POLICY ingest_settings_select ON workspace.ingest_settings FOR SELECT TO authenticated, service USING (( SELECT identity.is_platform_admin(( SELECT identity.current_principal_id() AS current_principal_id)) AS is_platform_admin));


--
-- Name: ingest_uploads; Type: ROW SECURITY; Schema: workspace; Owner: neuronplane_owner
--

ALTER TABLE workspace.ingest_uploads ENABLE ROW LEVEL SECURITY;

--
-- Name: ingest_uploads ingest_uploads_select; Type: POLICY; Schema: workspace; Owner: neuronplane_owner
--

CREATE POLICY ingest_uploads_select ON workspace.ingest_uploads FOR SELECT TO neuronplane_owner USING (true);


--
-- Name: ingest_workers; Type: ROW SECURITY; Schema: workspace; Owner: neuronplane_owner
--

ALTER TABLE workspace.ingest_workers ENABLE ROW LEVEL SECURITY;

--
-- Name: ingest_workers ingest_workers_select; Type: POLICY; Schema: workspace; Owner: neuronplane_owner
--

CREATE POLICY ingest_workers_select ON workspace.ingest_workers FOR SELECT TO authenticated, service USING (( SELECT identity.is_platform_admin(( SELECT identity.current_principal_id() AS current_principal_id)) AS is_platform_admin));


--
-- Name: llm_models; Type: ROW SECURITY; Schema: workspace; Owner: neuronplane_owner
--

ALTER TABLE workspace.llm_models ENABLE ROW LEVEL SECURITY;

--
-- Name: llm_models llm_models_delete; Type: POLICY; Schema: workspace; Owner: neuronplane_owner
--

CREATE POLICY llm_models_delete ON workspace.llm_models FOR DELETE TO authenticated, service USING (identity.has_permission(( SELECT identity.current_principal_id() AS current_principal_id), 'model'::text, id, 'write'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)));


--
-- Name: llm_models llm_models_insert; Type: POLICY; Schema: workspace; Owner: neuronplane_owner
--

CREATE POLICY llm_models_insert ON workspace.llm_models FOR INSERT TO authenticated, service WITH CHECK (identity.has_permission(( SELECT identity.current_principal_id() AS current_principal_id), 'project'::text, project_id, 'write'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)));


--
-- Name: llm_models llm_models_select; Type: POLICY; Schema: workspace; Owner: neuronplane_owner
--

CREATE POLICY llm_models_select ON workspace.llm_models FOR SELECT TO authenticated, service USING ((( SELECT identity.is_platform_admin(( SELECT identity.current_principal_id() AS current_principal_id)) AS is_platform_admin) OR (id = ANY (( SELECT identity.permitted_ids(( SELECT identity.current_principal_id() AS current_principal_id), 'model'::text, 'read'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)) AS permitted_ids)::uuid[]))));


--
-- Name: llm_models llm_models_update; Type: POLICY; Schema: workspace; Owner: neuronplane_owner
--

CREATE POLICY llm_models_update ON workspace.llm_models FOR UPDATE TO authenticated, service USING ((( SELECT identity.is_platform_admin(( SELECT identity.current_principal_id() AS current_principal_id)) AS is_platform_admin) OR (id = ANY (( SELECT identity.permitted_ids(( SELECT identity.current_principal_id() AS current_principal_id), 'model'::text, 'read'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)) AS permitted_ids)::uuid[])))) WITH CHECK (identity.has_permission(( SELECT identity.current_principal_id() AS current_principal_id), 'model'::text, id, 'write'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)));


--
-- Name: project_agent_keys; Type: ROW SECURITY; Schema: workspace; Owner: neuronplane_owner
--

ALTER TABLE workspace.project_agent_keys ENABLE ROW LEVEL SECURITY;

--
-- Name: project_agent_keys project_agent_keys_select; Type: POLICY; Schema: workspace; Owner: neuronplane_owner
--

CREATE POLICY project_agent_keys_select ON workspace.project_agent_keys FOR SELECT TO authenticated, service USING ((( SELECT identity.is_platform_admin(( SELECT identity.current_principal_id() AS current_principal_id)) AS is_platform_admin) OR (project_id = ANY (( SELECT identity.permitted_ids(( SELECT identity.current_principal_id() AS current_principal_id), 'project'::text, 'read'::text, ( SELECT identity.current_api_key_id() AS current_api_key_id)) AS permitted_ids)::uuid[]))));


--
-- Name: SCHEMA api; Type: ACL; Schema: -; Owner: neuronplane_owner
--

GRANT USAGE ON SCHEMA api TO anon;
GRANT USAGE ON SCHEMA api TO authenticated;
GRANT USAGE ON SCHEMA api TO service;
GRANT USAGE ON SCHEMA api TO neuronplane_worker;


--
-- Name: SCHEMA audit; Type: ACL; Schema: -; Owner: neuronplane_owner
--

GRANT USAGE ON SCHEMA audit TO neuronplane_worker;
GRANT USAGE ON SCHEMA audit TO authenticated;
GRANT USAGE ON SCHEMA audit TO service;


--
-- Name: SCHEMA auth; Type: ACL; Schema: -; Owner: neuronplane_owner
--

GRANT USAGE ON SCHEMA auth TO neuronplane_autonomous;
GRANT USAGE ON SCHEMA auth TO neuronplane_worker;


--
-- Name: SCHEMA public; Type: ACL; Schema: -; Owner: pg_database_owner
--

REVOKE USAGE ON SCHEMA public FROM PUBLIC;


--
-- Name: SCHEMA cron; Type: ACL; Schema: -; Owner: postgres
--

GRANT USAGE ON SCHEMA cron TO neuronplane_monitor;


--
-- Name: SCHEMA extensions; Type: ACL; Schema: -; Owner: neuronplane_owner
--

GRANT USAGE ON SCHEMA extensions TO anon;
GRANT USAGE ON SCHEMA extensions TO authenticated;
GRANT USAGE ON SCHEMA extensions TO service;
GRANT USAGE ON SCHEMA extensions TO neuronplane_worker;


--
-- Name: SCHEMA hooks; Type: ACL; Schema: -; Owner: neuronplane_owner
--

GRANT USAGE ON SCHEMA hooks TO anon;
GRANT USAGE ON SCHEMA hooks TO authenticated;
GRANT USAGE ON SCHEMA hooks TO service;
GRANT USAGE ON SCHEMA hooks TO authenticator;


--
-- Name: SCHEMA identity; Type: ACL; Schema: -; Owner: neuronplane_owner
--

GRANT USAGE ON SCHEMA identity TO authenticated;
GRANT USAGE ON SCHEMA identity TO service;
GRANT USAGE ON SCHEMA identity TO neuronplane_worker;


--
-- Name: SCHEMA ops; Type: ACL; Schema: -; Owner: neuronplane_owner
--

GRANT USAGE ON SCHEMA ops TO authenticated;
GRANT USAGE ON SCHEMA ops TO service;
GRANT USAGE ON SCHEMA ops TO neuronplane_monitor;
GRANT USAGE ON SCHEMA ops TO neuronplane_exporter;


--
-- Name: SCHEMA workspace; Type: ACL; Schema: -; Owner: neuronplane_owner
--

GRANT USAGE ON SCHEMA workspace TO authenticated;
GRANT USAGE ON SCHEMA workspace TO service;
GRANT USAGE ON SCHEMA workspace TO neuronplane_worker;
GRANT USAGE ON SCHEMA workspace TO neuronplane_monitor;


--
-- Name: FUNCTION plpython3_call_handler(); Type: ACL; Schema: pg_catalog; Owner: postgres
--

REVOKE ALL ON FUNCTION pg_catalog.plpython3_call_handler() FROM PUBLIC;


--
-- Name: FUNCTION plpython3_inline_handler(internal); Type: ACL; Schema: pg_catalog; Owner: postgres
--

REVOKE ALL ON FUNCTION pg_catalog.plpython3_inline_handler(internal) FROM PUBLIC;


--
-- Name: FUNCTION plpython3_validator(oid); Type: ACL; Schema: pg_catalog; Owner: postgres
--

REVOKE ALL ON FUNCTION pg_catalog.plpython3_validator(oid) FROM PUBLIC;


--
-- Name: FUNCTION citextin(cstring); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.citextin(cstring) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.citextin(cstring) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.citextin(cstring) TO anon;
GRANT ALL ON FUNCTION extensions.citextin(cstring) TO authenticated;
GRANT ALL ON FUNCTION extensions.citextin(cstring) TO service;
GRANT ALL ON FUNCTION extensions.citextin(cstring) TO neuronplane_worker;


--
-- Name: FUNCTION citextout(extensions.citext); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.citextout(extensions.citext) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.citextout(extensions.citext) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.citextout(extensions.citext) TO anon;
GRANT ALL ON FUNCTION extensions.citextout(extensions.citext) TO authenticated;
GRANT ALL ON FUNCTION extensions.citextout(extensions.citext) TO service;
GRANT ALL ON FUNCTION extensions.citextout(extensions.citext) TO neuronplane_worker;


--
-- Name: FUNCTION citextrecv(internal); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.citextrecv(internal) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.citextrecv(internal) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.citextrecv(internal) TO anon;
GRANT ALL ON FUNCTION extensions.citextrecv(internal) TO authenticated;
GRANT ALL ON FUNCTION extensions.citextrecv(internal) TO service;
GRANT ALL ON FUNCTION extensions.citextrecv(internal) TO neuronplane_worker;


--
-- Name: FUNCTION citextsend(extensions.citext); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.citextsend(extensions.citext) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.citextsend(extensions.citext) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.citextsend(extensions.citext) TO anon;
GRANT ALL ON FUNCTION extensions.citextsend(extensions.citext) TO authenticated;
GRANT ALL ON FUNCTION extensions.citextsend(extensions.citext) TO service;
GRANT ALL ON FUNCTION extensions.citextsend(extensions.citext) TO neuronplane_worker;


--
-- Name: FUNCTION citext(boolean); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.citext(boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.citext(boolean) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.citext(boolean) TO anon;
GRANT ALL ON FUNCTION extensions.citext(boolean) TO authenticated;
GRANT ALL ON FUNCTION extensions.citext(boolean) TO service;
GRANT ALL ON FUNCTION extensions.citext(boolean) TO neuronplane_worker;


--
-- Name: FUNCTION citext(character); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.citext(character) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.citext(character) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.citext(character) TO anon;
GRANT ALL ON FUNCTION extensions.citext(character) TO authenticated;
GRANT ALL ON FUNCTION extensions.citext(character) TO service;
GRANT ALL ON FUNCTION extensions.citext(character) TO neuronplane_worker;


--
-- Name: FUNCTION citext(inet); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.citext(inet) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.citext(inet) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.citext(inet) TO anon;
GRANT ALL ON FUNCTION extensions.citext(inet) TO authenticated;
GRANT ALL ON FUNCTION extensions.citext(inet) TO service;
GRANT ALL ON FUNCTION extensions.citext(inet) TO neuronplane_worker;


--
-- Name: TABLE org_memberships; Type: ACL; Schema: identity; Owner: neuronplane_owner
--

GRANT SELECT ON TABLE identity.org_memberships TO authenticated;
GRANT SELECT ON TABLE identity.org_memberships TO service;


--
-- Name: TABLE memberships; Type: ACL; Schema: api; Owner: neuronplane_owner
--

GRANT SELECT ON TABLE api.memberships TO authenticated;
GRANT SELECT ON TABLE api.memberships TO service;


--
-- Name: FUNCTION accept_invitation(invitation_id uuid); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.accept_invitation(invitation_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.accept_invitation(invitation_id uuid) TO authenticated;
GRANT ALL ON FUNCTION api.accept_invitation(invitation_id uuid) TO service;


--
-- Name: TABLE llm_models; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT DELETE ON TABLE workspace.llm_models TO authenticated;
GRANT DELETE ON TABLE workspace.llm_models TO service;


--
-- Name: COLUMN llm_models.id; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(id) ON TABLE workspace.llm_models TO authenticated;
GRANT SELECT(id) ON TABLE workspace.llm_models TO service;


--
-- Name: COLUMN llm_models.project_id; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(project_id),INSERT(project_id) ON TABLE workspace.llm_models TO authenticated;
GRANT SELECT(project_id),INSERT(project_id) ON TABLE workspace.llm_models TO service;


--
-- Name: COLUMN llm_models.provider; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(provider),INSERT(provider) ON TABLE workspace.llm_models TO authenticated;
GRANT SELECT(provider),INSERT(provider) ON TABLE workspace.llm_models TO service;


--
-- Name: COLUMN llm_models.model_name; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(model_name),INSERT(model_name) ON TABLE workspace.llm_models TO authenticated;
GRANT SELECT(model_name),INSERT(model_name) ON TABLE workspace.llm_models TO service;


--
-- Name: COLUMN llm_models.display_name; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(display_name),INSERT(display_name),UPDATE(display_name) ON TABLE workspace.llm_models TO authenticated;
GRANT SELECT(display_name),INSERT(display_name),UPDATE(display_name) ON TABLE workspace.llm_models TO service;


--
-- Name: COLUMN llm_models.config; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(config),INSERT(config),UPDATE(config) ON TABLE workspace.llm_models TO authenticated;
GRANT SELECT(config),INSERT(config),UPDATE(config) ON TABLE workspace.llm_models TO service;


--
-- Name: COLUMN llm_models.key_last4; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(key_last4) ON TABLE workspace.llm_models TO authenticated;
GRANT SELECT(key_last4) ON TABLE workspace.llm_models TO service;


--
-- Name: COLUMN llm_models.key_updated_at; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(key_updated_at) ON TABLE workspace.llm_models TO authenticated;
GRANT SELECT(key_updated_at) ON TABLE workspace.llm_models TO service;


--
-- Name: COLUMN llm_models.created_by; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(created_by) ON TABLE workspace.llm_models TO authenticated;
GRANT SELECT(created_by) ON TABLE workspace.llm_models TO service;


--
-- Name: COLUMN llm_models.created_at; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(created_at) ON TABLE workspace.llm_models TO authenticated;
GRANT SELECT(created_at) ON TABLE workspace.llm_models TO service;


--
-- Name: COLUMN llm_models.updated_at; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(updated_at) ON TABLE workspace.llm_models TO authenticated;
GRANT SELECT(updated_at) ON TABLE workspace.llm_models TO service;


--
-- Name: TABLE llm_models; Type: ACL; Schema: api; Owner: neuronplane_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE api.llm_models TO authenticated;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE api.llm_models TO service;


--
-- Name: FUNCTION add_llm_model(project_id uuid, provider text, model_name text, display_name text, config jsonb, key text); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.add_llm_model(project_id uuid, provider text, model_name text, display_name text, config jsonb, key text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.add_llm_model(project_id uuid, provider text, model_name text, display_name text, config jsonb, key text) TO authenticated;
GRANT ALL ON FUNCTION api.add_llm_model(project_id uuid, provider text, model_name text, display_name text, config jsonb, key text) TO service;


--
-- Name: TABLE org_invitations; Type: ACL; Schema: identity; Owner: neuronplane_owner
--

GRANT SELECT ON TABLE identity.org_invitations TO authenticated;
GRANT SELECT ON TABLE identity.org_invitations TO service;


--
-- Name: TABLE invitations; Type: ACL; Schema: api; Owner: neuronplane_owner
--

GRANT SELECT ON TABLE api.invitations TO authenticated;
GRANT SELECT ON TABLE api.invitations TO service;


--
-- Name: FUNCTION add_member(org_id uuid, user_id uuid, role text); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.add_member(org_id uuid, user_id uuid, role text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.add_member(org_id uuid, user_id uuid, role text) TO authenticated;
GRANT ALL ON FUNCTION api.add_member(org_id uuid, user_id uuid, role text) TO service;


--
-- Name: FUNCTION authorize_onboarding_probe(kind text, target text); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.authorize_onboarding_probe(kind text, target text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.authorize_onboarding_probe(kind text, target text) TO authenticated;
GRANT ALL ON FUNCTION api.authorize_onboarding_probe(kind text, target text) TO service;


--
-- Name: COLUMN ingest_jobs.id; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(id) ON TABLE workspace.ingest_jobs TO authenticated;
GRANT SELECT(id) ON TABLE workspace.ingest_jobs TO service;


--
-- Name: COLUMN ingest_jobs.project_id; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(project_id) ON TABLE workspace.ingest_jobs TO authenticated;
GRANT SELECT(project_id) ON TABLE workspace.ingest_jobs TO service;


--
-- Name: COLUMN ingest_jobs.dataset_id; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(dataset_id) ON TABLE workspace.ingest_jobs TO authenticated;
GRANT SELECT(dataset_id) ON TABLE workspace.ingest_jobs TO service;


--
-- Name: COLUMN ingest_jobs.dataset_name; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(dataset_name) ON TABLE workspace.ingest_jobs TO authenticated;
GRANT SELECT(dataset_name) ON TABLE workspace.ingest_jobs TO service;


--
-- Name: COLUMN ingest_jobs.if_exists; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(if_exists) ON TABLE workspace.ingest_jobs TO authenticated;
GRANT SELECT(if_exists) ON TABLE workspace.ingest_jobs TO service;


--
-- Name: COLUMN ingest_jobs.source_type; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(source_type) ON TABLE workspace.ingest_jobs TO authenticated;
GRANT SELECT(source_type) ON TABLE workspace.ingest_jobs TO service;


--
-- Name: COLUMN ingest_jobs.source; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(source) ON TABLE workspace.ingest_jobs TO authenticated;
GRANT SELECT(source) ON TABLE workspace.ingest_jobs TO service;


--
-- Name: COLUMN ingest_jobs.format; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(format) ON TABLE workspace.ingest_jobs TO authenticated;
GRANT SELECT(format) ON TABLE workspace.ingest_jobs TO service;


--
-- Name: COLUMN ingest_jobs.detected_format; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(detected_format) ON TABLE workspace.ingest_jobs TO authenticated;
GRANT SELECT(detected_format) ON TABLE workspace.ingest_jobs TO service;


--
-- Name: COLUMN ingest_jobs.options; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(options) ON TABLE workspace.ingest_jobs TO authenticated;
GRANT SELECT(options) ON TABLE workspace.ingest_jobs TO service;


--
-- Name: COLUMN ingest_jobs.embedding; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(embedding) ON TABLE workspace.ingest_jobs TO authenticated;
GRANT SELECT(embedding) ON TABLE workspace.ingest_jobs TO service;


--
-- Name: COLUMN ingest_jobs.index_config; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(index_config) ON TABLE workspace.ingest_jobs TO authenticated;
GRANT SELECT(index_config) ON TABLE workspace.ingest_jobs TO service;


--
-- Name: COLUMN ingest_jobs.has_credentials; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(has_credentials) ON TABLE workspace.ingest_jobs TO authenticated;
GRANT SELECT(has_credentials) ON TABLE workspace.ingest_jobs TO service;


--
-- Name: COLUMN ingest_jobs.status; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(status) ON TABLE workspace.ingest_jobs TO authenticated;
GRANT SELECT(status) ON TABLE workspace.ingest_jobs TO service;


--
-- Name: COLUMN ingest_jobs.phase; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(phase) ON TABLE workspace.ingest_jobs TO authenticated;
GRANT SELECT(phase) ON TABLE workspace.ingest_jobs TO service;


--
-- Name: COLUMN ingest_jobs.rows_done; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(rows_done) ON TABLE workspace.ingest_jobs TO authenticated;
GRANT SELECT(rows_done) ON TABLE workspace.ingest_jobs TO service;


--
-- Name: COLUMN ingest_jobs.rows_total; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(rows_total) ON TABLE workspace.ingest_jobs TO authenticated;
GRANT SELECT(rows_total) ON TABLE workspace.ingest_jobs TO service;


--
-- Name: COLUMN ingest_jobs.bytes_done; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(bytes_done) ON TABLE workspace.ingest_jobs TO authenticated;
GRANT SELECT(bytes_done) ON TABLE workspace.ingest_jobs TO service;


--
-- Name: COLUMN ingest_jobs.bytes_total; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(bytes_total) ON TABLE workspace.ingest_jobs TO authenticated;
GRANT SELECT(bytes_total) ON TABLE workspace.ingest_jobs TO service;


--
-- Name: COLUMN ingest_jobs.embed_done; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(embed_done) ON TABLE workspace.ingest_jobs TO authenticated;
GRANT SELECT(embed_done) ON TABLE workspace.ingest_jobs TO service;


--
-- Name: COLUMN ingest_jobs.embed_total; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(embed_total) ON TABLE workspace.ingest_jobs TO authenticated;
GRANT SELECT(embed_total) ON TABLE workspace.ingest_jobs TO service;


--
-- Name: COLUMN ingest_jobs.error; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(error) ON TABLE workspace.ingest_jobs TO authenticated;
GRANT SELECT(error) ON TABLE workspace.ingest_jobs TO service;


--
-- Name: COLUMN ingest_jobs.worker_id; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(worker_id) ON TABLE workspace.ingest_jobs TO authenticated;
GRANT SELECT(worker_id) ON TABLE workspace.ingest_jobs TO service;


--
-- Name: COLUMN ingest_jobs.attempt; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(attempt) ON TABLE workspace.ingest_jobs TO authenticated;
GRANT SELECT(attempt) ON TABLE workspace.ingest_jobs TO service;


--
-- Name: COLUMN ingest_jobs.heartbeat_at; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(heartbeat_at) ON TABLE workspace.ingest_jobs TO authenticated;
GRANT SELECT(heartbeat_at) ON TABLE workspace.ingest_jobs TO service;


--
-- Name: COLUMN ingest_jobs.started_at; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(started_at) ON TABLE workspace.ingest_jobs TO authenticated;
GRANT SELECT(started_at) ON TABLE workspace.ingest_jobs TO service;


--
-- Name: COLUMN ingest_jobs.finished_at; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(finished_at) ON TABLE workspace.ingest_jobs TO authenticated;
GRANT SELECT(finished_at) ON TABLE workspace.ingest_jobs TO service;


--
-- Name: COLUMN ingest_jobs.created_by; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(created_by) ON TABLE workspace.ingest_jobs TO authenticated;
GRANT SELECT(created_by) ON TABLE workspace.ingest_jobs TO service;


--
-- Name: COLUMN ingest_jobs.created_at; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(created_at) ON TABLE workspace.ingest_jobs TO authenticated;
GRANT SELECT(created_at) ON TABLE workspace.ingest_jobs TO service;


--
-- Name: COLUMN ingest_jobs.updated_at; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(updated_at) ON TABLE workspace.ingest_jobs TO authenticated;
GRANT SELECT(updated_at) ON TABLE workspace.ingest_jobs TO service;


--
-- Name: COLUMN ingest_jobs.details; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(details) ON TABLE workspace.ingest_jobs TO authenticated;
GRANT SELECT(details) ON TABLE workspace.ingest_jobs TO service;


--
-- Name: TABLE ingest_jobs; Type: ACL; Schema: api; Owner: neuronplane_owner
--

GRANT SELECT ON TABLE api.ingest_jobs TO authenticated;
GRANT SELECT ON TABLE api.ingest_jobs TO service;


--
-- Name: FUNCTION cancel_ingest(id uuid); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.cancel_ingest(id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.cancel_ingest(id uuid) TO authenticated;
GRANT ALL ON FUNCTION api.cancel_ingest(id uuid) TO service;


--
-- Name: FUNCTION change_member_role(org_id uuid, user_id uuid, role text); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.change_member_role(org_id uuid, user_id uuid, role text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.change_member_role(org_id uuid, user_id uuid, role text) TO authenticated;
GRANT ALL ON FUNCTION api.change_member_role(org_id uuid, user_id uuid, role text) TO service;


--
-- Name: FUNCTION change_password(old_password text, new_password text); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.change_password(old_password text, new_password text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.change_password(old_password text, new_password text) TO authenticated;
GRANT ALL ON FUNCTION api.change_password(old_password text, new_password text) TO service;


--
-- Name: FUNCTION count_ingest_workers(); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.count_ingest_workers() FROM PUBLIC;
GRANT ALL ON FUNCTION api.count_ingest_workers() TO authenticated;
GRANT ALL ON FUNCTION api.count_ingest_workers() TO service;


--
-- Name: FUNCTION create_api_key(name text, roles text[], project_id uuid, principal_id uuid, rate_limit_per_min integer, expires_at timestamp with time zone, OUT id uuid, OUT prefix text, OUT api_key text); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.create_api_key(name text, roles text[], project_id uuid, principal_id uuid, rate_limit_per_min integer, expires_at timestamp with time zone, OUT id uuid, OUT prefix text, OUT api_key text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.create_api_key(name text, roles text[], project_id uuid, principal_id uuid, rate_limit_per_min integer, expires_at timestamp with time zone, OUT id uuid, OUT prefix text, OUT api_key text) TO authenticated;
GRANT ALL ON FUNCTION api.create_api_key(name text, roles text[], project_id uuid, principal_id uuid, rate_limit_per_min integer, expires_at timestamp with time zone, OUT id uuid, OUT prefix text, OUT api_key text) TO service;


--
-- Name: TABLE organizations; Type: ACL; Schema: identity; Owner: neuronplane_owner
--

GRANT SELECT ON TABLE identity.organizations TO authenticated;
GRANT SELECT ON TABLE identity.organizations TO service;


--
-- Name: COLUMN organizations.name; Type: ACL; Schema: identity; Owner: neuronplane_owner
--

GRANT UPDATE(name) ON TABLE identity.organizations TO authenticated;
GRANT UPDATE(name) ON TABLE identity.organizations TO service;


--
-- Name: COLUMN organizations.metadata; Type: ACL; Schema: identity; Owner: neuronplane_owner
--

GRANT UPDATE(metadata) ON TABLE identity.organizations TO authenticated;
GRANT UPDATE(metadata) ON TABLE identity.organizations TO service;


--
-- Name: TABLE organizations; Type: ACL; Schema: api; Owner: neuronplane_owner
--

GRANT SELECT ON TABLE api.organizations TO authenticated;
GRANT SELECT ON TABLE api.organizations TO service;


--
-- Name: COLUMN organizations.name; Type: ACL; Schema: api; Owner: neuronplane_owner
--

GRANT UPDATE(name) ON TABLE api.organizations TO authenticated;
GRANT UPDATE(name) ON TABLE api.organizations TO service;


--
-- Name: COLUMN organizations.metadata; Type: ACL; Schema: api; Owner: neuronplane_owner
--

GRANT UPDATE(metadata) ON TABLE api.organizations TO authenticated;
GRANT UPDATE(metadata) ON TABLE api.organizations TO service;


--
-- Name: FUNCTION create_organization(name text, slug text, metadata jsonb); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.create_organization(name text, slug text, metadata jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION api.create_organization(name text, slug text, metadata jsonb) TO authenticated;
GRANT ALL ON FUNCTION api.create_organization(name text, slug text, metadata jsonb) TO service;


--
-- Name: FUNCTION is_valid_mcp_config(config jsonb); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.is_valid_mcp_config(config jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION identity.is_valid_mcp_config(config jsonb) TO authenticated;
GRANT ALL ON FUNCTION identity.is_valid_mcp_config(config jsonb) TO service;


--
-- Name: TABLE projects; Type: ACL; Schema: identity; Owner: neuronplane_owner
--

GRANT SELECT,DELETE ON TABLE identity.projects TO authenticated;
GRANT SELECT,DELETE ON TABLE identity.projects TO service;


--
-- Name: COLUMN projects.org_id; Type: ACL; Schema: identity; Owner: neuronplane_owner
--

GRANT INSERT(org_id),UPDATE(org_id) ON TABLE identity.projects TO authenticated;
GRANT INSERT(org_id),UPDATE(org_id) ON TABLE identity.projects TO service;


--
-- Name: COLUMN projects.user_id; Type: ACL; Schema: identity; Owner: neuronplane_owner
--

GRANT INSERT(user_id) ON TABLE identity.projects TO authenticated;
GRANT INSERT(user_id) ON TABLE identity.projects TO service;


--
-- Name: COLUMN projects.name; Type: ACL; Schema: identity; Owner: neuronplane_owner
--

GRANT INSERT(name),UPDATE(name) ON TABLE identity.projects TO authenticated;
GRANT INSERT(name),UPDATE(name) ON TABLE identity.projects TO service;


--
-- Name: COLUMN projects.description; Type: ACL; Schema: identity; Owner: neuronplane_owner
--

GRANT INSERT(description),UPDATE(description) ON TABLE identity.projects TO authenticated;
GRANT INSERT(description),UPDATE(description) ON TABLE identity.projects TO service;


--
-- Name: COLUMN projects.neurondb_dsn; Type: ACL; Schema: identity; Owner: neuronplane_owner
--

GRANT INSERT(neurondb_dsn),UPDATE(neurondb_dsn) ON TABLE identity.projects TO authenticated;
GRANT INSERT(neurondb_dsn),UPDATE(neurondb_dsn) ON TABLE identity.projects TO service;


--
-- Name: COLUMN projects.mcp_config; Type: ACL; Schema: identity; Owner: neuronplane_owner
--

GRANT INSERT(mcp_config),UPDATE(mcp_config) ON TABLE identity.projects TO authenticated;
GRANT INSERT(mcp_config),UPDATE(mcp_config) ON TABLE identity.projects TO service;


--
-- Name: COLUMN projects.agent_endpoint; Type: ACL; Schema: identity; Owner: neuronplane_owner
--

GRANT INSERT(agent_endpoint),UPDATE(agent_endpoint) ON TABLE identity.projects TO authenticated;
GRANT INSERT(agent_endpoint),UPDATE(agent_endpoint) ON TABLE identity.projects TO service;


--
-- Name: COLUMN projects.metadata; Type: ACL; Schema: identity; Owner: neuronplane_owner
--

GRANT INSERT(metadata),UPDATE(metadata) ON TABLE identity.projects TO authenticated;
GRANT INSERT(metadata),UPDATE(metadata) ON TABLE identity.projects TO service;


--
-- Name: COLUMN project_agent_keys.project_id; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(project_id) ON TABLE workspace.project_agent_keys TO authenticated;
GRANT SELECT(project_id) ON TABLE workspace.project_agent_keys TO service;


--
-- Name: COLUMN project_agent_keys.key_last4; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(key_last4) ON TABLE workspace.project_agent_keys TO authenticated;
GRANT SELECT(key_last4) ON TABLE workspace.project_agent_keys TO service;


--
-- Name: COLUMN project_agent_keys.key_updated_at; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(key_updated_at) ON TABLE workspace.project_agent_keys TO authenticated;
GRANT SELECT(key_updated_at) ON TABLE workspace.project_agent_keys TO service;


--
-- Name: TABLE profiles; Type: ACL; Schema: api; Owner: neuronplane_owner
--

GRANT SELECT ON TABLE api.profiles TO authenticated;
GRANT SELECT ON TABLE api.profiles TO service;


--
-- Name: FUNCTION create_profile(name text, neurondb_dsn text, mcp_config jsonb, agent_endpoint text, agent_api_key text, org_id uuid, description text, metadata jsonb); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.create_profile(name text, neurondb_dsn text, mcp_config jsonb, agent_endpoint text, agent_api_key text, org_id uuid, description text, metadata jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION api.create_profile(name text, neurondb_dsn text, mcp_config jsonb, agent_endpoint text, agent_api_key text, org_id uuid, description text, metadata jsonb) TO authenticated;
GRANT ALL ON FUNCTION api.create_profile(name text, neurondb_dsn text, mcp_config jsonb, agent_endpoint text, agent_api_key text, org_id uuid, description text, metadata jsonb) TO service;


--
-- Name: TABLE projects; Type: ACL; Schema: api; Owner: neuronplane_owner
--

GRANT SELECT,DELETE ON TABLE api.projects TO authenticated;
GRANT SELECT,DELETE ON TABLE api.projects TO service;


--
-- Name: COLUMN projects.org_id; Type: ACL; Schema: api; Owner: neuronplane_owner
--

GRANT INSERT(org_id),UPDATE(org_id) ON TABLE api.projects TO authenticated;
GRANT INSERT(org_id),UPDATE(org_id) ON TABLE api.projects TO service;


--
-- Name: COLUMN projects.user_id; Type: ACL; Schema: api; Owner: neuronplane_owner
--

GRANT INSERT(user_id) ON TABLE api.projects TO authenticated;
GRANT INSERT(user_id) ON TABLE api.projects TO service;


--
-- Name: COLUMN projects.name; Type: ACL; Schema: api; Owner: neuronplane_owner
--

GRANT INSERT(name),UPDATE(name) ON TABLE api.projects TO authenticated;
GRANT INSERT(name),UPDATE(name) ON TABLE api.projects TO service;


--
-- Name: COLUMN projects.description; Type: ACL; Schema: api; Owner: neuronplane_owner
--

GRANT INSERT(description),UPDATE(description) ON TABLE api.projects TO authenticated;
GRANT INSERT(description),UPDATE(description) ON TABLE api.projects TO service;


--
-- Name: COLUMN projects.neurondb_dsn; Type: ACL; Schema: api; Owner: neuronplane_owner
--

GRANT INSERT(neurondb_dsn),UPDATE(neurondb_dsn) ON TABLE api.projects TO authenticated;
GRANT INSERT(neurondb_dsn),UPDATE(neurondb_dsn) ON TABLE api.projects TO service;


--
-- Name: COLUMN projects.mcp_config; Type: ACL; Schema: api; Owner: neuronplane_owner
--

GRANT INSERT(mcp_config),UPDATE(mcp_config) ON TABLE api.projects TO authenticated;
GRANT INSERT(mcp_config),UPDATE(mcp_config) ON TABLE api.projects TO service;


--
-- Name: COLUMN projects.agent_endpoint; Type: ACL; Schema: api; Owner: neuronplane_owner
--

GRANT INSERT(agent_endpoint),UPDATE(agent_endpoint) ON TABLE api.projects TO authenticated;
GRANT INSERT(agent_endpoint),UPDATE(agent_endpoint) ON TABLE api.projects TO service;


--
-- Name: COLUMN projects.metadata; Type: ACL; Schema: api; Owner: neuronplane_owner
--

GRANT INSERT(metadata),UPDATE(metadata) ON TABLE api.projects TO authenticated;
GRANT INSERT(metadata),UPDATE(metadata) ON TABLE api.projects TO service;


--
-- Name: FUNCTION create_project(name text, org_id uuid, description text, neurondb_dsn text, mcp_config jsonb, agent_endpoint text, metadata jsonb); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.create_project(name text, org_id uuid, description text, neurondb_dsn text, mcp_config jsonb, agent_endpoint text, metadata jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION api.create_project(name text, org_id uuid, description text, neurondb_dsn text, mcp_config jsonb, agent_endpoint text, metadata jsonb) TO authenticated;
GRANT ALL ON FUNCTION api.create_project(name text, org_id uuid, description text, neurondb_dsn text, mcp_config jsonb, agent_endpoint text, metadata jsonb) TO service;


--
-- Name: TABLE service_accounts; Type: ACL; Schema: identity; Owner: neuronplane_owner
--

GRANT SELECT,DELETE ON TABLE identity.service_accounts TO authenticated;
GRANT SELECT,DELETE ON TABLE identity.service_accounts TO service;


--
-- Name: COLUMN service_accounts.name; Type: ACL; Schema: identity; Owner: neuronplane_owner
--

GRANT UPDATE(name) ON TABLE identity.service_accounts TO authenticated;
GRANT UPDATE(name) ON TABLE identity.service_accounts TO service;


--
-- Name: COLUMN service_accounts.description; Type: ACL; Schema: identity; Owner: neuronplane_owner
--

GRANT UPDATE(description) ON TABLE identity.service_accounts TO authenticated;
GRANT UPDATE(description) ON TABLE identity.service_accounts TO service;


--
-- Name: COLUMN service_accounts.metadata; Type: ACL; Schema: identity; Owner: neuronplane_owner
--

GRANT UPDATE(metadata) ON TABLE identity.service_accounts TO authenticated;
GRANT UPDATE(metadata) ON TABLE identity.service_accounts TO service;


--
-- Name: TABLE service_accounts; Type: ACL; Schema: api; Owner: neuronplane_owner
--

GRANT SELECT,DELETE ON TABLE api.service_accounts TO authenticated;
GRANT SELECT,DELETE ON TABLE api.service_accounts TO service;


--
-- Name: COLUMN service_accounts.name; Type: ACL; Schema: api; Owner: neuronplane_owner
--

GRANT UPDATE(name) ON TABLE api.service_accounts TO authenticated;
GRANT UPDATE(name) ON TABLE api.service_accounts TO service;


--
-- Name: COLUMN service_accounts.description; Type: ACL; Schema: api; Owner: neuronplane_owner
--

GRANT UPDATE(description) ON TABLE api.service_accounts TO authenticated;
GRANT UPDATE(description) ON TABLE api.service_accounts TO service;


--
-- Name: COLUMN service_accounts.metadata; Type: ACL; Schema: api; Owner: neuronplane_owner
--

GRANT UPDATE(metadata) ON TABLE api.service_accounts TO authenticated;
GRANT UPDATE(metadata) ON TABLE api.service_accounts TO service;


--
-- Name: FUNCTION create_service_account(name text, org_id uuid, project_id uuid, description text, metadata jsonb); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.create_service_account(name text, org_id uuid, project_id uuid, description text, metadata jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION api.create_service_account(name text, org_id uuid, project_id uuid, description text, metadata jsonb) TO authenticated;
GRANT ALL ON FUNCTION api.create_service_account(name text, org_id uuid, project_id uuid, description text, metadata jsonb) TO service;


--
-- Name: TABLE users; Type: ACL; Schema: identity; Owner: neuronplane_owner
--

GRANT SELECT ON TABLE identity.users TO authenticated;
GRANT SELECT ON TABLE identity.users TO service;


--
-- Name: COLUMN users.display_name; Type: ACL; Schema: identity; Owner: neuronplane_owner
--

GRANT UPDATE(display_name) ON TABLE identity.users TO authenticated;


--
-- Name: COLUMN users.metadata; Type: ACL; Schema: identity; Owner: neuronplane_owner
--

GRANT UPDATE(metadata) ON TABLE identity.users TO authenticated;


--
-- Name: TABLE users; Type: ACL; Schema: api; Owner: neuronplane_owner
--

GRANT SELECT ON TABLE api.users TO authenticated;
GRANT SELECT ON TABLE api.users TO service;


--
-- Name: COLUMN users.display_name; Type: ACL; Schema: api; Owner: neuronplane_owner
--

GRANT UPDATE(display_name) ON TABLE api.users TO authenticated;


--
-- Name: COLUMN users.metadata; Type: ACL; Schema: api; Owner: neuronplane_owner
--

GRANT UPDATE(metadata) ON TABLE api.users TO authenticated;


--
-- Name: FUNCTION create_user(username text, email text, display_name text, is_admin boolean); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.create_user(username text, email text, display_name text, is_admin boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION api.create_user(username text, email text, display_name text, is_admin boolean) TO authenticated;
GRANT ALL ON FUNCTION api.create_user(username text, email text, display_name text, is_admin boolean) TO service;


--
-- Name: FUNCTION decline_invitation(invitation_id uuid); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.decline_invitation(invitation_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.decline_invitation(invitation_id uuid) TO authenticated;
GRANT ALL ON FUNCTION api.decline_invitation(invitation_id uuid) TO service;


--
-- Name: FUNCTION details(job api.ingest_jobs); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.details(job api.ingest_jobs) FROM PUBLIC;
GRANT ALL ON FUNCTION api.details(job api.ingest_jobs) TO authenticated;
GRANT ALL ON FUNCTION api.details(job api.ingest_jobs) TO service;


--
-- Name: TABLE principals; Type: ACL; Schema: identity; Owner: neuronplane_owner
--

GRANT SELECT ON TABLE identity.principals TO authenticated;
GRANT SELECT ON TABLE identity.principals TO service;


--
-- Name: TABLE principals; Type: ACL; Schema: api; Owner: neuronplane_owner
--

GRANT SELECT ON TABLE api.principals TO authenticated;
GRANT SELECT ON TABLE api.principals TO service;


--
-- Name: FUNCTION disable_principal(principal_id uuid, disabled boolean); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.disable_principal(principal_id uuid, disabled boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION api.disable_principal(principal_id uuid, disabled boolean) TO authenticated;
GRANT ALL ON FUNCTION api.disable_principal(principal_id uuid, disabled boolean) TO service;


--
-- Name: FUNCTION explain_permission(resource_type text, resource_id uuid, permission text, principal_id uuid); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.explain_permission(resource_type text, resource_id uuid, permission text, principal_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.explain_permission(resource_type text, resource_id uuid, permission text, principal_id uuid) TO authenticated;
GRANT ALL ON FUNCTION api.explain_permission(resource_type text, resource_id uuid, permission text, principal_id uuid) TO service;
GRANT ALL ON FUNCTION api.explain_permission(resource_type text, resource_id uuid, permission text, principal_id uuid) TO neuronplane_worker;


--
-- Name: FUNCTION get_or_create_user_principal(username text, email text, display_name text); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.get_or_create_user_principal(username text, email text, display_name text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.get_or_create_user_principal(username text, email text, display_name text) TO authenticated;
GRANT ALL ON FUNCTION api.get_or_create_user_principal(username text, email text, display_name text) TO service;
GRANT ALL ON FUNCTION api.get_or_create_user_principal(username text, email text, display_name text) TO neuronplane_worker;


--
-- Name: TABLE policies; Type: ACL; Schema: identity; Owner: neuronplane_owner
--

GRANT SELECT ON TABLE identity.policies TO authenticated;
GRANT SELECT ON TABLE identity.policies TO service;


--
-- Name: TABLE policies; Type: ACL; Schema: api; Owner: neuronplane_owner
--

GRANT SELECT ON TABLE api.policies TO authenticated;
GRANT SELECT ON TABLE api.policies TO service;


--
-- Name: FUNCTION grant_permission(subject_id uuid, resource_type text, permission text, resource_id uuid, effect text, org_id uuid, project_id uuid, subject_role text, expires_at timestamp with time zone, conditions jsonb); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.grant_permission(subject_id uuid, resource_type text, permission text, resource_id uuid, effect text, org_id uuid, project_id uuid, subject_role text, expires_at timestamp with time zone, conditions jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION api.grant_permission(subject_id uuid, resource_type text, permission text, resource_id uuid, effect text, org_id uuid, project_id uuid, subject_role text, expires_at timestamp with time zone, conditions jsonb) TO authenticated;
GRANT ALL ON FUNCTION api.grant_permission(subject_id uuid, resource_type text, permission text, resource_id uuid, effect text, org_id uuid, project_id uuid, subject_role text, expires_at timestamp with time zone, conditions jsonb) TO service;


--
-- Name: FUNCTION has_permission(resource_type text, resource_id uuid, permission text, principal_id uuid); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.has_permission(resource_type text, resource_id uuid, permission text, principal_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.has_permission(resource_type text, resource_id uuid, permission text, principal_id uuid) TO authenticated;
GRANT ALL ON FUNCTION api.has_permission(resource_type text, resource_id uuid, permission text, principal_id uuid) TO service;
GRANT ALL ON FUNCTION api.has_permission(resource_type text, resource_id uuid, permission text, principal_id uuid) TO neuronplane_worker;


--
-- Name: FUNCTION health(); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.health() FROM PUBLIC;
GRANT ALL ON FUNCTION api.health() TO anon;
GRANT ALL ON FUNCTION api.health() TO authenticated;
GRANT ALL ON FUNCTION api.health() TO service;
GRANT ALL ON FUNCTION api.health() TO neuronplane_worker;


--
-- Name: FUNCTION invite_member(org_id uuid, user_id uuid, email text, role text, valid_days integer); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.invite_member(org_id uuid, user_id uuid, email text, role text, valid_days integer) FROM PUBLIC;
GRANT ALL ON FUNCTION api.invite_member(org_id uuid, user_id uuid, email text, role text, valid_days integer) TO authenticated;
GRANT ALL ON FUNCTION api.invite_member(org_id uuid, user_id uuid, email text, role text, valid_days integer) TO service;


--
-- Name: FUNCTION jwks(); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.jwks() FROM PUBLIC;
GRANT ALL ON FUNCTION api.jwks() TO anon;
GRANT ALL ON FUNCTION api.jwks() TO authenticated;
GRANT ALL ON FUNCTION api.jwks() TO service;


--
-- Name: FUNCTION login(username_or_email text, password text); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.login(username_or_email text, password text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.login(username_or_email text, password text) TO anon;
GRANT ALL ON FUNCTION api.login(username_or_email text, password text) TO authenticated;
GRANT ALL ON FUNCTION api.login(username_or_email text, password text) TO service;


--
-- Name: FUNCTION logout(); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.logout() FROM PUBLIC;
GRANT ALL ON FUNCTION api.logout() TO authenticated;
GRANT ALL ON FUNCTION api.logout() TO service;


--
-- Name: FUNCTION logout_all(); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.logout_all() FROM PUBLIC;
GRANT ALL ON FUNCTION api.logout_all() TO authenticated;
GRANT ALL ON FUNCTION api.logout_all() TO service;


--
-- Name: FUNCTION project_dsn(project_id uuid); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.project_dsn(project_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.project_dsn(project_id uuid) TO authenticated;
GRANT ALL ON FUNCTION api.project_dsn(project_id uuid) TO service;


--
-- Name: FUNCTION project_mcp_config(project_id uuid); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.project_mcp_config(project_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.project_mcp_config(project_id uuid) TO authenticated;
GRANT ALL ON FUNCTION api.project_mcp_config(project_id uuid) TO service;


--
-- Name: FUNCTION record_usage(project_id uuid, tokens_in bigint, tokens_out bigint, llm_calls integer, model_id uuid); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.record_usage(project_id uuid, tokens_in bigint, tokens_out bigint, llm_calls integer, model_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.record_usage(project_id uuid, tokens_in bigint, tokens_out bigint, llm_calls integer, model_id uuid) TO authenticated;
GRANT ALL ON FUNCTION api.record_usage(project_id uuid, tokens_in bigint, tokens_out bigint, llm_calls integer, model_id uuid) TO service;


--
-- Name: FUNCTION refresh(refresh_token text); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.refresh(refresh_token text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.refresh(refresh_token text) TO anon;
GRANT ALL ON FUNCTION api.refresh(refresh_token text) TO authenticated;
GRANT ALL ON FUNCTION api.refresh(refresh_token text) TO service;


--
-- Name: FUNCTION remove_member(org_id uuid, user_id uuid); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.remove_member(org_id uuid, user_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.remove_member(org_id uuid, user_id uuid) TO authenticated;
GRANT ALL ON FUNCTION api.remove_member(org_id uuid, user_id uuid) TO service;


--
-- Name: FUNCTION reset_password(user_id uuid, new_password text); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.reset_password(user_id uuid, new_password text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.reset_password(user_id uuid, new_password text) TO authenticated;
GRANT ALL ON FUNCTION api.reset_password(user_id uuid, new_password text) TO service;


--
-- Name: FUNCTION resolve_principal(principal_id uuid); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.resolve_principal(principal_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.resolve_principal(principal_id uuid) TO authenticated;
GRANT ALL ON FUNCTION api.resolve_principal(principal_id uuid) TO service;
GRANT ALL ON FUNCTION api.resolve_principal(principal_id uuid) TO neuronplane_worker;


--
-- Name: FUNCTION default_rate_limit_per_min(); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.default_rate_limit_per_min() FROM PUBLIC;
GRANT ALL ON FUNCTION identity.default_rate_limit_per_min() TO authenticated;
GRANT ALL ON FUNCTION identity.default_rate_limit_per_min() TO service;


--
-- Name: TABLE api_keys; Type: ACL; Schema: identity; Owner: neuronplane_owner
--

GRANT SELECT ON TABLE identity.api_keys TO authenticated;
GRANT SELECT ON TABLE identity.api_keys TO service;


--
-- Name: COLUMN api_keys.name; Type: ACL; Schema: identity; Owner: neuronplane_owner
--

GRANT UPDATE(name) ON TABLE identity.api_keys TO authenticated;
GRANT UPDATE(name) ON TABLE identity.api_keys TO service;


--
-- Name: TABLE api_keys; Type: ACL; Schema: api; Owner: neuronplane_owner
--

GRANT SELECT ON TABLE api.api_keys TO authenticated;
GRANT SELECT ON TABLE api.api_keys TO service;


--
-- Name: COLUMN api_keys.name; Type: ACL; Schema: api; Owner: neuronplane_owner
--

GRANT UPDATE(name) ON TABLE api.api_keys TO authenticated;
GRANT UPDATE(name) ON TABLE api.api_keys TO service;


--
-- Name: FUNCTION revoke_api_key(id uuid); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.revoke_api_key(id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.revoke_api_key(id uuid) TO authenticated;
GRANT ALL ON FUNCTION api.revoke_api_key(id uuid) TO service;


--
-- Name: FUNCTION revoke_invitation(invitation_id uuid); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.revoke_invitation(invitation_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.revoke_invitation(invitation_id uuid) TO authenticated;
GRANT ALL ON FUNCTION api.revoke_invitation(invitation_id uuid) TO service;


--
-- Name: FUNCTION revoke_permission(policy_id uuid); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.revoke_permission(policy_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.revoke_permission(policy_id uuid) TO authenticated;
GRANT ALL ON FUNCTION api.revoke_permission(policy_id uuid) TO service;


--
-- Name: FUNCTION revoke_session(session_id uuid); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.revoke_session(session_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.revoke_session(session_id uuid) TO authenticated;
GRANT ALL ON FUNCTION api.revoke_session(session_id uuid) TO service;


--
-- Name: FUNCTION rotate_api_key(id uuid, OUT new_id uuid, OUT prefix text, OUT api_key text); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.rotate_api_key(id uuid, OUT new_id uuid, OUT prefix text, OUT api_key text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.rotate_api_key(id uuid, OUT new_id uuid, OUT prefix text, OUT api_key text) TO authenticated;
GRANT ALL ON FUNCTION api.rotate_api_key(id uuid, OUT new_id uuid, OUT prefix text, OUT api_key text) TO service;


--
-- Name: FUNCTION sessions(); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.sessions() FROM PUBLIC;
GRANT ALL ON FUNCTION api.sessions() TO authenticated;
GRANT ALL ON FUNCTION api.sessions() TO service;


--
-- Name: FUNCTION set_llm_model_key(model_id uuid, key text); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.set_llm_model_key(model_id uuid, key text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.set_llm_model_key(model_id uuid, key text) TO authenticated;
GRANT ALL ON FUNCTION api.set_llm_model_key(model_id uuid, key text) TO service;


--
-- Name: FUNCTION set_llm_model_key(project_id uuid, model_name text, key text); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.set_llm_model_key(project_id uuid, model_name text, key text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.set_llm_model_key(project_id uuid, model_name text, key text) TO authenticated;
GRANT ALL ON FUNCTION api.set_llm_model_key(project_id uuid, model_name text, key text) TO service;


--
-- Name: FUNCTION set_profile_agent_key(project_id uuid, agent_api_key text); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.set_profile_agent_key(project_id uuid, agent_api_key text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.set_profile_agent_key(project_id uuid, agent_api_key text) TO authenticated;
GRANT ALL ON FUNCTION api.set_profile_agent_key(project_id uuid, agent_api_key text) TO service;


--
-- Name: FUNCTION sign_in_providers(); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.sign_in_providers() FROM PUBLIC;
GRANT ALL ON FUNCTION api.sign_in_providers() TO anon;
GRANT ALL ON FUNCTION api.sign_in_providers() TO authenticated;
GRANT ALL ON FUNCTION api.sign_in_providers() TO service;


--
-- Name: FUNCTION start_ingest(project_id uuid, dataset_name text, source_type text, source jsonb, format text, options jsonb, embedding jsonb, index_config jsonb, credentials jsonb, if_exists text); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.start_ingest(project_id uuid, dataset_name text, source_type text, source jsonb, format text, options jsonb, embedding jsonb, index_config jsonb, credentials jsonb, if_exists text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.start_ingest(project_id uuid, dataset_name text, source_type text, source jsonb, format text, options jsonb, embedding jsonb, index_config jsonb, credentials jsonb, if_exists text) TO authenticated;
GRANT ALL ON FUNCTION api.start_ingest(project_id uuid, dataset_name text, source_type text, source jsonb, format text, options jsonb, embedding jsonb, index_config jsonb, credentials jsonb, if_exists text) TO service;


--
-- Name: FUNCTION verify_audit(from_time timestamp with time zone, to_time timestamp with time zone); Type: ACL; Schema: api; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION api.verify_audit(from_time timestamp with time zone, to_time timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION api.verify_audit(from_time timestamp with time zone, to_time timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION api.verify_audit(from_time timestamp with time zone, to_time timestamp with time zone) TO service;


--
-- Name: FUNCTION next_event_id(); Type: ACL; Schema: audit; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION audit.next_event_id() FROM PUBLIC;


--
-- Name: TABLE events; Type: ACL; Schema: audit; Owner: neuronplane_owner
--

GRANT SELECT ON TABLE audit.events TO authenticated;
GRANT SELECT ON TABLE audit.events TO service;


--
-- Name: FUNCTION canonical(e audit.events); Type: ACL; Schema: audit; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION audit.canonical(e audit.events) FROM PUBLIC;


--
-- Name: FUNCTION chain_head(); Type: ACL; Schema: audit; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION audit.chain_head() FROM PUBLIC;


--
-- Name: FUNCTION client_ip(headers jsonb); Type: ACL; Schema: audit; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION audit.client_ip(headers jsonb) FROM PUBLIC;


--
-- Name: FUNCTION drop_partitions_older_than(max_age interval); Type: ACL; Schema: audit; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION audit.drop_partitions_older_than(max_age interval) FROM PUBLIC;


--
-- Name: FUNCTION ensure_partitions(months_ahead integer); Type: ACL; Schema: audit; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION audit.ensure_partitions(months_ahead integer) FROM PUBLIC;


--
-- Name: FUNCTION genesis_hash(month date); Type: ACL; Schema: audit; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION audit.genesis_hash(month date) FROM PUBLIC;


--
-- Name: FUNCTION is_known_action(action text); Type: ACL; Schema: audit; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION audit.is_known_action(action text) FROM PUBLIC;


--
-- Name: FUNCTION mark_exported(month date, "position" bigint, hash text, destination text); Type: ACL; Schema: audit; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION audit.mark_exported(month date, "position" bigint, hash text, destination text) FROM PUBLIC;


--
-- Name: FUNCTION month_end(month date); Type: ACL; Schema: audit; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION audit.month_end(month date) FROM PUBLIC;


--
-- Name: FUNCTION month_of(at timestamp with time zone); Type: ACL; Schema: audit; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION audit.month_of(at timestamp with time zone) FROM PUBLIC;


--
-- Name: FUNCTION month_start(month date); Type: ACL; Schema: audit; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION audit.month_start(month date) FROM PUBLIC;


--
-- Name: FUNCTION record(action text, outcome text, resource_type text, resource_id text, details jsonb, principal_id uuid, principal_type text, org_id uuid, project_id uuid, ip inet, user_agent text, request_id text); Type: ACL; Schema: audit; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION audit.record(action text, outcome text, resource_type text, resource_id text, details jsonb, principal_id uuid, principal_type text, org_id uuid, project_id uuid, ip inet, user_agent text, request_id text) FROM PUBLIC;
GRANT ALL ON FUNCTION audit.record(action text, outcome text, resource_type text, resource_id text, details jsonb, principal_id uuid, principal_type text, org_id uuid, project_id uuid, ip inet, user_agent text, request_id text) TO neuronplane_worker;


--
-- Name: FUNCTION redact(details jsonb); Type: ACL; Schema: audit; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION audit.redact(details jsonb) FROM PUBLIC;


--
-- Name: FUNCTION seal(max_events integer); Type: ACL; Schema: audit; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION audit.seal(max_events integer) FROM PUBLIC;


--
-- Name: FUNCTION tg_actions__compile(); Type: ACL; Schema: audit; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION audit.tg_actions__compile() FROM PUBLIC;


--
-- Name: FUNCTION tg_append_only__reject(); Type: ACL; Schema: audit; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION audit.tg_append_only__reject() FROM PUBLIC;


--
-- Name: FUNCTION tg_events__org_from_project(); Type: ACL; Schema: audit; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION audit.tg_events__org_from_project() FROM PUBLIC;


--
-- Name: FUNCTION tg_events__trace_id(); Type: ACL; Schema: audit; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION audit.tg_events__trace_id() FROM PUBLIC;


--
-- Name: FUNCTION try_inet(value text); Type: ACL; Schema: audit; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION audit.try_inet(value text) FROM PUBLIC;


--
-- Name: FUNCTION verify(from_time timestamp with time zone, to_time timestamp with time zone); Type: ACL; Schema: audit; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION audit.verify(from_time timestamp with time zone, to_time timestamp with time zone) FROM PUBLIC;


--
-- Name: FUNCTION verify_and_record(); Type: ACL; Schema: audit; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION audit.verify_and_record() FROM PUBLIC;


--
-- Name: FUNCTION verify_audit(from_time timestamp with time zone, to_time timestamp with time zone); Type: ACL; Schema: audit; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION audit.verify_audit(from_time timestamp with time zone, to_time timestamp with time zone) FROM PUBLIC;


--
-- Name: FUNCTION verify_head(month date, "position" bigint, hash text); Type: ACL; Schema: audit; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION audit.verify_head(month date, "position" bigint, hash text) FROM PUBLIC;


--
-- Name: FUNCTION access_token_claims(issuer text, audience text, principal_id uuid, role text, session_id uuid, principal_type text, issued_at bigint, lifetime interval); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.access_token_claims(issuer text, audience text, principal_id uuid, role text, session_id uuid, principal_type text, issued_at bigint, lifetime interval) FROM PUBLIC;


--
-- Name: FUNCTION api_key_lease_size(rate_limit_per_min integer); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.api_key_lease_size(rate_limit_per_min integer) FROM PUBLIC;


--
-- Name: FUNCTION argon2_hash(password text); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.argon2_hash(password text) FROM PUBLIC;


--
-- Name: FUNCTION argon2_needs_rehash(password_hash text); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.argon2_needs_rehash(password_hash text) FROM PUBLIC;


--
-- Name: FUNCTION argon2_verify(password_hash text, password text); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.argon2_verify(password_hash text, password text) FROM PUBLIC;


--
-- Name: FUNCTION argon2_verify_dummy(password text); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.argon2_verify_dummy(password text) FROM PUBLIC;


--
-- Name: FUNCTION attempt_password_login(username_or_email text, password text, ip inet, user_agent text, OUT outcome text, OUT user_id uuid, OUT retry_after integer); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.attempt_password_login(username_or_email text, password text, ip inet, user_agent text, OUT outcome text, OUT user_id uuid, OUT retry_after integer) FROM PUBLIC;


--
-- Name: FUNCTION authenticate_api_key(key text, OUT principal_id uuid, OUT principal_type text, OUT api_key_id uuid, OUT role text, OUT claims jsonb); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.authenticate_api_key(key text, OUT principal_id uuid, OUT principal_type text, OUT api_key_id uuid, OUT role text, OUT claims jsonb) FROM PUBLIC;


--
-- Name: FUNCTION autonomous(statement text); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.autonomous(statement text) FROM PUBLIC;


--
-- Name: FUNCTION autonomous_conninfo(); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.autonomous_conninfo() FROM PUBLIC;


--
-- Name: FUNCTION begin_oidc_login(provider text, redirect_to text, ip inet, user_agent text); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.begin_oidc_login(provider text, redirect_to text, ip inet, user_agent text) FROM PUBLIC;
GRANT ALL ON FUNCTION auth.begin_oidc_login(provider text, redirect_to text, ip inet, user_agent text) TO neuronplane_worker;


--
-- Name: FUNCTION change_password(old_password text, new_password text); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.change_password(old_password text, new_password text) FROM PUBLIC;


--
-- Name: FUNCTION check_access_token(); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.check_access_token() FROM PUBLIC;


--
-- Name: FUNCTION check_api_key(key text, OUT outcome text, OUT api_key_id uuid, OUT prefix text, OUT principal_id uuid, OUT principal_type text, OUT role text, OUT claims jsonb, OUT rate_limit_per_min integer, OUT last_used_at timestamp with time zone, OUT message text, OUT hint text); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.check_api_key(key text, OUT outcome text, OUT api_key_id uuid, OUT prefix text, OUT principal_id uuid, OUT principal_type text, OUT role text, OUT claims jsonb, OUT rate_limit_per_min integer, OUT last_used_at timestamp with time zone, OUT message text, OUT hint text) FROM PUBLIC;


--
-- Name: FUNCTION check_password_policy(password text, username text, email text); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.check_password_policy(password text, username text, email text) FROM PUBLIC;


--
-- Name: FUNCTION cleanup_login_attempts(); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.cleanup_login_attempts() FROM PUBLIC;
GRANT ALL ON FUNCTION auth.cleanup_login_attempts() TO neuronplane_worker;


--
-- Name: FUNCTION complete_oidc_login(attempt_id uuid, claims jsonb, ip inet, user_agent text); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.complete_oidc_login(attempt_id uuid, claims jsonb, ip inet, user_agent text) FROM PUBLIC;
GRANT ALL ON FUNCTION auth.complete_oidc_login(attempt_id uuid, claims jsonb, ip inet, user_agent text) TO neuronplane_worker;


--
-- Name: FUNCTION consume_login_attempt(state text, binding text, ip inet, user_agent text); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.consume_login_attempt(state text, binding text, ip inet, user_agent text) FROM PUBLIC;
GRANT ALL ON FUNCTION auth.consume_login_attempt(state text, binding text, ip inet, user_agent text) TO neuronplane_worker;


--
-- Name: FUNCTION consume_oidc_callback(provider text, state text, binding text, iss text, ip inet, user_agent text); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.consume_oidc_callback(provider text, state text, binding text, iss text, ip inet, user_agent text) FROM PUBLIC;
GRANT ALL ON FUNCTION auth.consume_oidc_callback(provider text, state text, binding text, iss text, ip inet, user_agent text) TO neuronplane_worker;


--
-- Name: FUNCTION cookie_login(username_or_email text, password text, ip inet, user_agent text); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.cookie_login(username_or_email text, password text, ip inet, user_agent text) FROM PUBLIC;
GRANT ALL ON FUNCTION auth.cookie_login(username_or_email text, password text, ip inet, user_agent text) TO neuronplane_worker;


--
-- Name: FUNCTION cookie_logout(access_token text, csrf_token text, ip inet, user_agent text); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.cookie_logout(access_token text, csrf_token text, ip inet, user_agent text) FROM PUBLIC;
GRANT ALL ON FUNCTION auth.cookie_logout(access_token text, csrf_token text, ip inet, user_agent text) TO neuronplane_worker;


--
-- Name: FUNCTION cookie_refresh(refresh_token text, csrf_token text, ip inet, user_agent text); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.cookie_refresh(refresh_token text, csrf_token text, ip inet, user_agent text) FROM PUBLIC;
GRANT ALL ON FUNCTION auth.cookie_refresh(refresh_token text, csrf_token text, ip inet, user_agent text) TO neuronplane_worker;


--
-- Name: FUNCTION cookie_session(access_token text); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.cookie_session(access_token text) FROM PUBLIC;
GRANT ALL ON FUNCTION auth.cookie_session(access_token text) TO neuronplane_worker;


--
-- Name: FUNCTION count_api_key_request(key_id uuid, max_per_min integer, take integer, touch boolean, ip inet, user_agent text, request_id text); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.count_api_key_request(key_id uuid, max_per_min integer, take integer, touch boolean, ip inet, user_agent text, request_id text) FROM PUBLIC;
GRANT ALL ON FUNCTION auth.count_api_key_request(key_id uuid, max_per_min integer, take integer, touch boolean, ip inet, user_agent text, request_id text) TO neuronplane_autonomous;


--
-- Name: FUNCTION count_login_attempt(ip inet, at timestamp with time zone, OUT retry_after integer, OUT first_refusal boolean); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.count_login_attempt(ip inet, at timestamp with time zone, OUT retry_after integer, OUT first_refusal boolean) FROM PUBLIC;


--
-- Name: FUNCTION count_login_failure(failed_account text, failed_user uuid, failed_address inet, failed_at timestamp with time zone); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.count_login_failure(failed_account text, failed_user uuid, failed_address inet, failed_at timestamp with time zone) FROM PUBLIC;


--
-- Name: FUNCTION create_session(principal_id uuid, auth_method text, ip inet, user_agent text); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.create_session(principal_id uuid, auth_method text, ip inet, user_agent text) FROM PUBLIC;


--
-- Name: FUNCTION create_signing_key(); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.create_signing_key() FROM PUBLIC;


--
-- Name: FUNCTION csrf_ok(session_id uuid, presented text); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.csrf_ok(session_id uuid, presented text) FROM PUBLIC;


--
-- Name: FUNCTION csrf_token(session_id uuid); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.csrf_token(session_id uuid) FROM PUBLIC;


--
-- Name: FUNCTION current_session_id(); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.current_session_id() FROM PUBLIC;


--
-- Name: FUNCTION delete_oidc_provider(name text); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.delete_oidc_provider(name text) FROM PUBLIC;


--
-- Name: FUNCTION digests_equal(a bytea, b bytea); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.digests_equal(a bytea, b bytea) FROM PUBLIC;


--
-- Name: FUNCTION error_response(status integer, error text, code text, message text, retry_after integer); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.error_response(status integer, error text, code text, message text, retry_after integer) FROM PUBLIC;


--
-- Name: FUNCTION es256_generate_key(OUT private_pem text, OUT public_jwk jsonb); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.es256_generate_key(OUT private_pem text, OUT public_jwk jsonb) FROM PUBLIC;


--
-- Name: FUNCTION es256_sign(claims jsonb, kid text, private_key bytea); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.es256_sign(claims jsonb, kid text, private_key bytea) FROM PUBLIC;


--
-- Name: FUNCTION es256_verify(token text, jwks jsonb, issuer text, audience text, verify_exp boolean); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.es256_verify(token text, jwks jsonb, issuer text, audience text, verify_exp boolean) FROM PUBLIC;


--
-- Name: FUNCTION fail_oidc_login(attempt_id uuid, reason text, ip inet, user_agent text); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.fail_oidc_login(attempt_id uuid, reason text, ip inet, user_agent text) FROM PUBLIC;
GRANT ALL ON FUNCTION auth.fail_oidc_login(attempt_id uuid, reason text, ip inet, user_agent text) TO neuronplane_worker;


--
-- Name: FUNCTION issue_access_token(principal_id uuid, principal_type text, role text, session_id uuid, extra_claims jsonb, lifetime interval); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.issue_access_token(principal_id uuid, principal_type text, role text, session_id uuid, extra_claims jsonb, lifetime interval) FROM PUBLIC;


--
-- Name: FUNCTION jwks(); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.jwks() FROM PUBLIC;


--
-- Name: FUNCTION keep_leased_requests(key_id uuid, window_start timestamp with time zone, requests integer); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.keep_leased_requests(key_id uuid, window_start timestamp with time zone, requests integer) FROM PUBLIC;


--
-- Name: FUNCTION list_sessions(); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.list_sessions() FROM PUBLIC;


--
-- Name: FUNCTION lockout_delay(failure_count integer); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.lockout_delay(failure_count integer) FROM PUBLIC;


--
-- Name: FUNCTION login(username_or_email text, password text); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.login(username_or_email text, password text) FROM PUBLIC;


--
-- Name: FUNCTION login_address(ip inet); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.login_address(ip inet) FROM PUBLIC;


--
-- Name: FUNCTION login_lock_seconds(account_key text, address inet); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.login_lock_seconds(account_key text, address inet) FROM PUBLIC;


--
-- Name: FUNCTION logout(); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.logout() FROM PUBLIC;


--
-- Name: FUNCTION logout_all(); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.logout_all() FROM PUBLIC;


--
-- Name: FUNCTION maintain_signing_keys(); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.maintain_signing_keys() FROM PUBLIC;


--
-- Name: FUNCTION new_refresh_token(session_id uuid, parent_id uuid, successor text, OUT id uuid, OUT token text); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.new_refresh_token(session_id uuid, parent_id uuid, successor text, OUT id uuid, OUT token text) FROM PUBLIC;


--
-- Name: FUNCTION next_failure_count(failure_count integer, last_failure_at timestamp with time zone, locked_until timestamp with time zone, at timestamp with time zone); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.next_failure_count(failure_count integer, last_failure_at timestamp with time zone, locked_until timestamp with time zone, at timestamp with time zone) FROM PUBLIC;


--
-- Name: FUNCTION oidc_callback_is_own(callback_url text, provider text); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.oidc_callback_is_own(callback_url text, provider text) FROM PUBLIC;


--
-- Name: FUNCTION oidc_error(code text, error text, message text, reason text, provider text, attempt_id uuid, ip inet, user_agent text); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.oidc_error(code text, error text, message text, reason text, provider text, attempt_id uuid, ip inet, user_agent text) FROM PUBLIC;


--
-- Name: FUNCTION oidc_provider_keys(provider text); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.oidc_provider_keys(provider text) FROM PUBLIC;
GRANT ALL ON FUNCTION auth.oidc_provider_keys(provider text) TO neuronplane_worker;


--
-- Name: FUNCTION oidc_username(claims jsonb, provider text); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.oidc_username(claims jsonb, provider text) FROM PUBLIC;


--
-- Name: FUNCTION pkce_challenge(verifier text); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.pkce_challenge(verifier text) FROM PUBLIC;


--
-- Name: FUNCTION published_signing_keys(); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.published_signing_keys() FROM PUBLIC;


--
-- Name: FUNCTION purge_api_key_rejections(); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.purge_api_key_rejections() FROM PUBLIC;


--
-- Name: FUNCTION purge_login_throttles(); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.purge_login_throttles() FROM PUBLIC;


--
-- Name: FUNCTION purge_sessions(); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.purge_sessions() FROM PUBLIC;


--
-- Name: FUNCTION random_token(n integer); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.random_token(n integer) FROM PUBLIC;


--
-- Name: FUNCTION rate_limit_retry_after(window_start timestamp with time zone, moment timestamp with time zone); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.rate_limit_retry_after(window_start timestamp with time zone, moment timestamp with time zone) FROM PUBLIC;


--
-- Name: FUNCTION record_api_key_rejection(key_id uuid, prefix text, reason text, ip inet, user_agent text, request_id text); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.record_api_key_rejection(key_id uuid, prefix text, reason text, ip inet, user_agent text, request_id text) FROM PUBLIC;
GRANT ALL ON FUNCTION auth.record_api_key_rejection(key_id uuid, prefix text, reason text, ip inet, user_agent text, request_id text) TO neuronplane_autonomous;


--
-- Name: FUNCTION record_csrf_refusal(session_id uuid, principal_id uuid, principal_type text, method text, path text, ip inet, user_agent text, request_id text); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.record_csrf_refusal(session_id uuid, principal_id uuid, principal_type text, method text, path text, ip inet, user_agent text, request_id text) FROM PUBLIC;
GRANT ALL ON FUNCTION auth.record_csrf_refusal(session_id uuid, principal_id uuid, principal_type text, method text, path text, ip inet, user_agent text, request_id text) TO neuronplane_autonomous;


--
-- Name: FUNCTION record_password_change_failure(user_id uuid, ip inet, user_agent text); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.record_password_change_failure(user_id uuid, ip inet, user_agent text) FROM PUBLIC;
GRANT ALL ON FUNCTION auth.record_password_change_failure(user_id uuid, ip inet, user_agent text) TO neuronplane_autonomous;


--
-- Name: FUNCTION refresh(refresh_token text); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.refresh(refresh_token text) FROM PUBLIC;


--
-- Name: FUNCTION refresh_checked(refresh_token text); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.refresh_checked(refresh_token text) FROM PUBLIC;


--
-- Name: FUNCTION request_ip(); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.request_ip() FROM PUBLIC;


--
-- Name: FUNCTION request_user_agent(); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.request_user_agent() FROM PUBLIC;


--
-- Name: FUNCTION require_read_write(what text); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.require_read_write(what text) FROM PUBLIC;


--
-- Name: FUNCTION require_session(); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.require_session() FROM PUBLIC;


--
-- Name: FUNCTION reset_password(user_id uuid, new_password text); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.reset_password(user_id uuid, new_password text) FROM PUBLIC;


--
-- Name: FUNCTION retired_key_retention(); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.retired_key_retention() FROM PUBLIC;


--
-- Name: FUNCTION revoke_session(session_id uuid); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.revoke_session(session_id uuid) FROM PUBLIC;


--
-- Name: FUNCTION revoke_sessions(principal_id uuid, reason text, only_session uuid, except_session uuid); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.revoke_sessions(principal_id uuid, reason text, only_session uuid, except_session uuid) FROM PUBLIC;


--
-- Name: FUNCTION rotate_signing_key(); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.rotate_signing_key() FROM PUBLIC;


--
-- Name: FUNCTION save_oidc_provider(name text, issuer text, client_id text, client_secret text, authorization_endpoint text, token_endpoint text, jwks_uri text, callback_url text, redirect_uris text[], scopes text[], userinfo_endpoint text, end_session_endpoint text, id_token_algs text[], link_verified_email boolean, enabled boolean); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.save_oidc_provider(name text, issuer text, client_id text, client_secret text, authorization_endpoint text, token_endpoint text, jwks_uri text, callback_url text, redirect_uris text[], scopes text[], userinfo_endpoint text, end_session_endpoint text, id_token_algs text[], link_verified_email boolean, enabled boolean) FROM PUBLIC;


--
-- Name: FUNCTION seconds_until(t timestamp with time zone, at timestamp with time zone); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.seconds_until(t timestamp with time zone, at timestamp with time zone) FROM PUBLIC;


--
-- Name: FUNCTION session_is_active(session_id uuid); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.session_is_active(session_id uuid) FROM PUBLIC;


--
-- Name: FUNCTION session_is_live_for(session_id uuid, sub text); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.session_is_live_for(session_id uuid, sub text) FROM PUBLIC;


--
-- Name: FUNCTION set_oidc_iss_parameter_supported(name text, supported boolean); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.set_oidc_iss_parameter_supported(name text, supported boolean) FROM PUBLIC;


--
-- Name: FUNCTION set_password(user_id uuid, password text); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.set_password(user_id uuid, password text) FROM PUBLIC;


--
-- Name: FUNCTION sign_in_providers(); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.sign_in_providers() FROM PUBLIC;


--
-- Name: FUNCTION store_oidc_jwks(provider text, jwks jsonb); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.store_oidc_jwks(provider text, jwks jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION auth.store_oidc_jwks(provider text, jwks jsonb) TO neuronplane_worker;


--
-- Name: FUNCTION successor_refresh_token(token text); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.successor_refresh_token(token text) FROM PUBLIC;


--
-- Name: FUNCTION take_leased_request(key_id uuid, window_start timestamp with time zone); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.take_leased_request(key_id uuid, window_start timestamp with time zone) FROM PUBLIC;


--
-- Name: FUNCTION tg_principals__end_sessions(); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.tg_principals__end_sessions() FROM PUBLIC;


--
-- Name: FUNCTION tg_settings__reload_postgrest(); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.tg_settings__reload_postgrest() FROM PUBLIC;


--
-- Name: FUNCTION token_response(session_id uuid, refresh_token text); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.token_response(session_id uuid, refresh_token text) FROM PUBLIC;


--
-- Name: FUNCTION verify_access_token(token text, allow_expired boolean); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.verify_access_token(token text, allow_expired boolean) FROM PUBLIC;


--
-- Name: FUNCTION verify_password(user_id uuid, password text); Type: ACL; Schema: auth; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION auth.verify_password(user_id uuid, password text) FROM PUBLIC;


--
-- Name: FUNCTION job_cache_invalidate(); Type: ACL; Schema: cron; Owner: postgres
--

REVOKE ALL ON FUNCTION cron.job_cache_invalidate() FROM PUBLIC;


--
-- Name: FUNCTION schedule(schedule text, command text); Type: ACL; Schema: cron; Owner: postgres
--

REVOKE ALL ON FUNCTION cron.schedule(schedule text, command text) FROM PUBLIC;


--
-- Name: FUNCTION schedule(job_name text, schedule text, command text); Type: ACL; Schema: cron; Owner: postgres
--

REVOKE ALL ON FUNCTION cron.schedule(job_name text, schedule text, command text) FROM PUBLIC;


--
-- Name: FUNCTION unschedule(job_id bigint); Type: ACL; Schema: cron; Owner: postgres
--

REVOKE ALL ON FUNCTION cron.unschedule(job_id bigint) FROM PUBLIC;


--
-- Name: FUNCTION unschedule(job_name name); Type: ACL; Schema: cron; Owner: postgres
--

REVOKE ALL ON FUNCTION cron.unschedule(job_name name) FROM PUBLIC;


--
-- Name: FUNCTION __plpgsql_show_dependency_tb(funcoid regprocedure, relid regclass); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.__plpgsql_show_dependency_tb(funcoid regprocedure, relid regclass) FROM PUBLIC;


--
-- Name: FUNCTION __plpgsql_show_dependency_tb(name text, relid regclass); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.__plpgsql_show_dependency_tb(name text, relid regclass) FROM PUBLIC;


--
-- Name: FUNCTION armor(bytea); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.armor(bytea) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.armor(bytea) TO neuronplane_owner;


--
-- Name: FUNCTION armor(bytea, text[], text[]); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.armor(bytea, text[], text[]) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.armor(bytea, text[], text[]) TO neuronplane_owner;


--
-- Name: FUNCTION citext_cmp(extensions.citext, extensions.citext); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.citext_cmp(extensions.citext, extensions.citext) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.citext_cmp(extensions.citext, extensions.citext) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.citext_cmp(extensions.citext, extensions.citext) TO anon;
GRANT ALL ON FUNCTION extensions.citext_cmp(extensions.citext, extensions.citext) TO authenticated;
GRANT ALL ON FUNCTION extensions.citext_cmp(extensions.citext, extensions.citext) TO service;
GRANT ALL ON FUNCTION extensions.citext_cmp(extensions.citext, extensions.citext) TO neuronplane_worker;


--
-- Name: FUNCTION citext_eq(extensions.citext, extensions.citext); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.citext_eq(extensions.citext, extensions.citext) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.citext_eq(extensions.citext, extensions.citext) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.citext_eq(extensions.citext, extensions.citext) TO anon;
GRANT ALL ON FUNCTION extensions.citext_eq(extensions.citext, extensions.citext) TO authenticated;
GRANT ALL ON FUNCTION extensions.citext_eq(extensions.citext, extensions.citext) TO service;
GRANT ALL ON FUNCTION extensions.citext_eq(extensions.citext, extensions.citext) TO neuronplane_worker;


--
-- Name: FUNCTION citext_ge(extensions.citext, extensions.citext); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.citext_ge(extensions.citext, extensions.citext) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.citext_ge(extensions.citext, extensions.citext) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.citext_ge(extensions.citext, extensions.citext) TO anon;
GRANT ALL ON FUNCTION extensions.citext_ge(extensions.citext, extensions.citext) TO authenticated;
GRANT ALL ON FUNCTION extensions.citext_ge(extensions.citext, extensions.citext) TO service;
GRANT ALL ON FUNCTION extensions.citext_ge(extensions.citext, extensions.citext) TO neuronplane_worker;


--
-- Name: FUNCTION citext_gt(extensions.citext, extensions.citext); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.citext_gt(extensions.citext, extensions.citext) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.citext_gt(extensions.citext, extensions.citext) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.citext_gt(extensions.citext, extensions.citext) TO anon;
GRANT ALL ON FUNCTION extensions.citext_gt(extensions.citext, extensions.citext) TO authenticated;
GRANT ALL ON FUNCTION extensions.citext_gt(extensions.citext, extensions.citext) TO service;
GRANT ALL ON FUNCTION extensions.citext_gt(extensions.citext, extensions.citext) TO neuronplane_worker;


--
-- Name: FUNCTION citext_hash(extensions.citext); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.citext_hash(extensions.citext) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.citext_hash(extensions.citext) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.citext_hash(extensions.citext) TO anon;
GRANT ALL ON FUNCTION extensions.citext_hash(extensions.citext) TO authenticated;
GRANT ALL ON FUNCTION extensions.citext_hash(extensions.citext) TO service;
GRANT ALL ON FUNCTION extensions.citext_hash(extensions.citext) TO neuronplane_worker;


--
-- Name: FUNCTION citext_hash_extended(extensions.citext, bigint); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.citext_hash_extended(extensions.citext, bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.citext_hash_extended(extensions.citext, bigint) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.citext_hash_extended(extensions.citext, bigint) TO anon;
GRANT ALL ON FUNCTION extensions.citext_hash_extended(extensions.citext, bigint) TO authenticated;
GRANT ALL ON FUNCTION extensions.citext_hash_extended(extensions.citext, bigint) TO service;
GRANT ALL ON FUNCTION extensions.citext_hash_extended(extensions.citext, bigint) TO neuronplane_worker;


--
-- Name: FUNCTION citext_larger(extensions.citext, extensions.citext); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.citext_larger(extensions.citext, extensions.citext) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.citext_larger(extensions.citext, extensions.citext) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.citext_larger(extensions.citext, extensions.citext) TO anon;
GRANT ALL ON FUNCTION extensions.citext_larger(extensions.citext, extensions.citext) TO authenticated;
GRANT ALL ON FUNCTION extensions.citext_larger(extensions.citext, extensions.citext) TO service;
GRANT ALL ON FUNCTION extensions.citext_larger(extensions.citext, extensions.citext) TO neuronplane_worker;


--
-- Name: FUNCTION citext_le(extensions.citext, extensions.citext); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.citext_le(extensions.citext, extensions.citext) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.citext_le(extensions.citext, extensions.citext) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.citext_le(extensions.citext, extensions.citext) TO anon;
GRANT ALL ON FUNCTION extensions.citext_le(extensions.citext, extensions.citext) TO authenticated;
GRANT ALL ON FUNCTION extensions.citext_le(extensions.citext, extensions.citext) TO service;
GRANT ALL ON FUNCTION extensions.citext_le(extensions.citext, extensions.citext) TO neuronplane_worker;


--
-- Name: FUNCTION citext_lt(extensions.citext, extensions.citext); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.citext_lt(extensions.citext, extensions.citext) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.citext_lt(extensions.citext, extensions.citext) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.citext_lt(extensions.citext, extensions.citext) TO anon;
GRANT ALL ON FUNCTION extensions.citext_lt(extensions.citext, extensions.citext) TO authenticated;
GRANT ALL ON FUNCTION extensions.citext_lt(extensions.citext, extensions.citext) TO service;
GRANT ALL ON FUNCTION extensions.citext_lt(extensions.citext, extensions.citext) TO neuronplane_worker;


--
-- Name: FUNCTION citext_ne(extensions.citext, extensions.citext); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.citext_ne(extensions.citext, extensions.citext) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.citext_ne(extensions.citext, extensions.citext) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.citext_ne(extensions.citext, extensions.citext) TO anon;
GRANT ALL ON FUNCTION extensions.citext_ne(extensions.citext, extensions.citext) TO authenticated;
GRANT ALL ON FUNCTION extensions.citext_ne(extensions.citext, extensions.citext) TO service;
GRANT ALL ON FUNCTION extensions.citext_ne(extensions.citext, extensions.citext) TO neuronplane_worker;


--
-- Name: FUNCTION citext_pattern_cmp(extensions.citext, extensions.citext); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.citext_pattern_cmp(extensions.citext, extensions.citext) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.citext_pattern_cmp(extensions.citext, extensions.citext) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.citext_pattern_cmp(extensions.citext, extensions.citext) TO anon;
GRANT ALL ON FUNCTION extensions.citext_pattern_cmp(extensions.citext, extensions.citext) TO authenticated;
GRANT ALL ON FUNCTION extensions.citext_pattern_cmp(extensions.citext, extensions.citext) TO service;
GRANT ALL ON FUNCTION extensions.citext_pattern_cmp(extensions.citext, extensions.citext) TO neuronplane_worker;


--
-- Name: FUNCTION citext_pattern_ge(extensions.citext, extensions.citext); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.citext_pattern_ge(extensions.citext, extensions.citext) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.citext_pattern_ge(extensions.citext, extensions.citext) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.citext_pattern_ge(extensions.citext, extensions.citext) TO anon;
GRANT ALL ON FUNCTION extensions.citext_pattern_ge(extensions.citext, extensions.citext) TO authenticated;
GRANT ALL ON FUNCTION extensions.citext_pattern_ge(extensions.citext, extensions.citext) TO service;
GRANT ALL ON FUNCTION extensions.citext_pattern_ge(extensions.citext, extensions.citext) TO neuronplane_worker;


--
-- Name: FUNCTION citext_pattern_gt(extensions.citext, extensions.citext); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.citext_pattern_gt(extensions.citext, extensions.citext) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.citext_pattern_gt(extensions.citext, extensions.citext) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.citext_pattern_gt(extensions.citext, extensions.citext) TO anon;
GRANT ALL ON FUNCTION extensions.citext_pattern_gt(extensions.citext, extensions.citext) TO authenticated;
GRANT ALL ON FUNCTION extensions.citext_pattern_gt(extensions.citext, extensions.citext) TO service;
GRANT ALL ON FUNCTION extensions.citext_pattern_gt(extensions.citext, extensions.citext) TO neuronplane_worker;


--
-- Name: FUNCTION citext_pattern_le(extensions.citext, extensions.citext); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.citext_pattern_le(extensions.citext, extensions.citext) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.citext_pattern_le(extensions.citext, extensions.citext) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.citext_pattern_le(extensions.citext, extensions.citext) TO anon;
GRANT ALL ON FUNCTION extensions.citext_pattern_le(extensions.citext, extensions.citext) TO authenticated;
GRANT ALL ON FUNCTION extensions.citext_pattern_le(extensions.citext, extensions.citext) TO service;
GRANT ALL ON FUNCTION extensions.citext_pattern_le(extensions.citext, extensions.citext) TO neuronplane_worker;


--
-- Name: FUNCTION citext_pattern_lt(extensions.citext, extensions.citext); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.citext_pattern_lt(extensions.citext, extensions.citext) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.citext_pattern_lt(extensions.citext, extensions.citext) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.citext_pattern_lt(extensions.citext, extensions.citext) TO anon;
GRANT ALL ON FUNCTION extensions.citext_pattern_lt(extensions.citext, extensions.citext) TO authenticated;
GRANT ALL ON FUNCTION extensions.citext_pattern_lt(extensions.citext, extensions.citext) TO service;
GRANT ALL ON FUNCTION extensions.citext_pattern_lt(extensions.citext, extensions.citext) TO neuronplane_worker;


--
-- Name: FUNCTION citext_smaller(extensions.citext, extensions.citext); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.citext_smaller(extensions.citext, extensions.citext) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.citext_smaller(extensions.citext, extensions.citext) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.citext_smaller(extensions.citext, extensions.citext) TO anon;
GRANT ALL ON FUNCTION extensions.citext_smaller(extensions.citext, extensions.citext) TO authenticated;
GRANT ALL ON FUNCTION extensions.citext_smaller(extensions.citext, extensions.citext) TO service;
GRANT ALL ON FUNCTION extensions.citext_smaller(extensions.citext, extensions.citext) TO neuronplane_worker;


--
-- Name: FUNCTION crypt(text, text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.crypt(text, text) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.crypt(text, text) TO neuronplane_owner;


--
-- Name: FUNCTION dblink(text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.dblink(text) FROM PUBLIC;


--
-- Name: FUNCTION dblink(text, boolean); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.dblink(text, boolean) FROM PUBLIC;


--
-- Name: FUNCTION dblink(text, text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.dblink(text, text) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.dblink(text, text) TO neuronplane_owner;


--
-- Name: FUNCTION dblink(text, text, boolean); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.dblink(text, text, boolean) FROM PUBLIC;


--
-- Name: FUNCTION dblink_build_sql_delete(text, int2vector, integer, text[]); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.dblink_build_sql_delete(text, int2vector, integer, text[]) FROM PUBLIC;


--
-- Name: FUNCTION dblink_build_sql_insert(text, int2vector, integer, text[], text[]); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.dblink_build_sql_insert(text, int2vector, integer, text[], text[]) FROM PUBLIC;


--
-- Name: FUNCTION dblink_build_sql_update(text, int2vector, integer, text[], text[]); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.dblink_build_sql_update(text, int2vector, integer, text[], text[]) FROM PUBLIC;


--
-- Name: FUNCTION dblink_cancel_query(text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.dblink_cancel_query(text) FROM PUBLIC;


--
-- Name: FUNCTION dblink_close(text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.dblink_close(text) FROM PUBLIC;


--
-- Name: FUNCTION dblink_close(text, boolean); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.dblink_close(text, boolean) FROM PUBLIC;


--
-- Name: FUNCTION dblink_close(text, text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.dblink_close(text, text) FROM PUBLIC;


--
-- Name: FUNCTION dblink_close(text, text, boolean); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.dblink_close(text, text, boolean) FROM PUBLIC;


--
-- Name: FUNCTION dblink_connect(text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.dblink_connect(text) FROM PUBLIC;


--
-- Name: FUNCTION dblink_connect(text, text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.dblink_connect(text, text) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.dblink_connect(text, text) TO neuronplane_owner;


--
-- Name: FUNCTION dblink_current_query(); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.dblink_current_query() FROM PUBLIC;


--
-- Name: FUNCTION dblink_disconnect(); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.dblink_disconnect() FROM PUBLIC;


--
-- Name: FUNCTION dblink_disconnect(text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.dblink_disconnect(text) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.dblink_disconnect(text) TO neuronplane_owner;


--
-- Name: FUNCTION dblink_error_message(text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.dblink_error_message(text) FROM PUBLIC;


--
-- Name: FUNCTION dblink_exec(text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.dblink_exec(text) FROM PUBLIC;


--
-- Name: FUNCTION dblink_exec(text, boolean); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.dblink_exec(text, boolean) FROM PUBLIC;


--
-- Name: FUNCTION dblink_exec(text, text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.dblink_exec(text, text) FROM PUBLIC;


--
-- Name: FUNCTION dblink_exec(text, text, boolean); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.dblink_exec(text, text, boolean) FROM PUBLIC;


--
-- Name: FUNCTION dblink_fdw_validator(options text[], catalog oid); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.dblink_fdw_validator(options text[], catalog oid) FROM PUBLIC;


--
-- Name: FUNCTION dblink_fetch(text, integer); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.dblink_fetch(text, integer) FROM PUBLIC;


--
-- Name: FUNCTION dblink_fetch(text, integer, boolean); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.dblink_fetch(text, integer, boolean) FROM PUBLIC;


--
-- Name: FUNCTION dblink_fetch(text, text, integer); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.dblink_fetch(text, text, integer) FROM PUBLIC;


--
-- Name: FUNCTION dblink_fetch(text, text, integer, boolean); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.dblink_fetch(text, text, integer, boolean) FROM PUBLIC;


--
-- Name: FUNCTION dblink_get_connections(); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.dblink_get_connections() FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.dblink_get_connections() TO neuronplane_owner;


--
-- Name: FUNCTION dblink_get_notify(OUT notify_name text, OUT be_pid integer, OUT extra text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.dblink_get_notify(OUT notify_name text, OUT be_pid integer, OUT extra text) FROM PUBLIC;


--
-- Name: FUNCTION dblink_get_notify(conname text, OUT notify_name text, OUT be_pid integer, OUT extra text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.dblink_get_notify(conname text, OUT notify_name text, OUT be_pid integer, OUT extra text) FROM PUBLIC;


--
-- Name: FUNCTION dblink_get_pkey(text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.dblink_get_pkey(text) FROM PUBLIC;


--
-- Name: FUNCTION dblink_get_result(text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.dblink_get_result(text) FROM PUBLIC;


--
-- Name: FUNCTION dblink_get_result(text, boolean); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.dblink_get_result(text, boolean) FROM PUBLIC;


--
-- Name: FUNCTION dblink_is_busy(text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.dblink_is_busy(text) FROM PUBLIC;


--
-- Name: FUNCTION dblink_open(text, text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.dblink_open(text, text) FROM PUBLIC;


--
-- Name: FUNCTION dblink_open(text, text, boolean); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.dblink_open(text, text, boolean) FROM PUBLIC;


--
-- Name: FUNCTION dblink_open(text, text, text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.dblink_open(text, text, text) FROM PUBLIC;


--
-- Name: FUNCTION dblink_open(text, text, text, boolean); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.dblink_open(text, text, text, boolean) FROM PUBLIC;


--
-- Name: FUNCTION dblink_send_query(text, text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.dblink_send_query(text, text) FROM PUBLIC;


--
-- Name: FUNCTION dearmor(text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.dearmor(text) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.dearmor(text) TO neuronplane_owner;


--
-- Name: FUNCTION decrypt(bytea, bytea, text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.decrypt(bytea, bytea, text) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.decrypt(bytea, bytea, text) TO neuronplane_owner;


--
-- Name: FUNCTION decrypt_iv(bytea, bytea, bytea, text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.decrypt_iv(bytea, bytea, bytea, text) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.decrypt_iv(bytea, bytea, bytea, text) TO neuronplane_owner;


--
-- Name: FUNCTION digest(bytea, text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.digest(bytea, text) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.digest(bytea, text) TO neuronplane_owner;


--
-- Name: FUNCTION digest(text, text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.digest(text, text) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.digest(text, text) TO neuronplane_owner;


--
-- Name: FUNCTION encrypt(bytea, bytea, text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.encrypt(bytea, bytea, text) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.encrypt(bytea, bytea, text) TO neuronplane_owner;


--
-- Name: FUNCTION encrypt_iv(bytea, bytea, bytea, text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.encrypt_iv(bytea, bytea, bytea, text) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.encrypt_iv(bytea, bytea, bytea, text) TO neuronplane_owner;


--
-- Name: FUNCTION gen_random_bytes(integer); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.gen_random_bytes(integer) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.gen_random_bytes(integer) TO neuronplane_owner;


--
-- Name: FUNCTION gen_random_uuid(); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.gen_random_uuid() FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.gen_random_uuid() TO neuronplane_owner;


--
-- Name: FUNCTION gen_salt(text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.gen_salt(text) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.gen_salt(text) TO neuronplane_owner;


--
-- Name: FUNCTION gen_salt(text, integer); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.gen_salt(text, integer) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.gen_salt(text, integer) TO neuronplane_owner;


--
-- Name: FUNCTION hmac(bytea, bytea, text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.hmac(bytea, bytea, text) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.hmac(bytea, bytea, text) TO neuronplane_owner;


--
-- Name: FUNCTION hmac(text, text, text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.hmac(text, text, text) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.hmac(text, text, text) TO neuronplane_owner;


--
-- Name: FUNCTION pgp_armor_headers(text, OUT key text, OUT value text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.pgp_armor_headers(text, OUT key text, OUT value text) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.pgp_armor_headers(text, OUT key text, OUT value text) TO neuronplane_owner;


--
-- Name: FUNCTION pgp_key_id(bytea); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.pgp_key_id(bytea) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.pgp_key_id(bytea) TO neuronplane_owner;


--
-- Name: FUNCTION pgp_pub_decrypt(bytea, bytea); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.pgp_pub_decrypt(bytea, bytea) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.pgp_pub_decrypt(bytea, bytea) TO neuronplane_owner;


--
-- Name: FUNCTION pgp_pub_decrypt(bytea, bytea, text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.pgp_pub_decrypt(bytea, bytea, text) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.pgp_pub_decrypt(bytea, bytea, text) TO neuronplane_owner;


--
-- Name: FUNCTION pgp_pub_decrypt(bytea, bytea, text, text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.pgp_pub_decrypt(bytea, bytea, text, text) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.pgp_pub_decrypt(bytea, bytea, text, text) TO neuronplane_owner;


--
-- Name: FUNCTION pgp_pub_decrypt_bytea(bytea, bytea); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.pgp_pub_decrypt_bytea(bytea, bytea) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.pgp_pub_decrypt_bytea(bytea, bytea) TO neuronplane_owner;


--
-- Name: FUNCTION pgp_pub_decrypt_bytea(bytea, bytea, text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.pgp_pub_decrypt_bytea(bytea, bytea, text) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.pgp_pub_decrypt_bytea(bytea, bytea, text) TO neuronplane_owner;


--
-- Name: FUNCTION pgp_pub_decrypt_bytea(bytea, bytea, text, text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.pgp_pub_decrypt_bytea(bytea, bytea, text, text) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.pgp_pub_decrypt_bytea(bytea, bytea, text, text) TO neuronplane_owner;


--
-- Name: FUNCTION pgp_pub_encrypt(text, bytea); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.pgp_pub_encrypt(text, bytea) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.pgp_pub_encrypt(text, bytea) TO neuronplane_owner;


--
-- Name: FUNCTION pgp_pub_encrypt(text, bytea, text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.pgp_pub_encrypt(text, bytea, text) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.pgp_pub_encrypt(text, bytea, text) TO neuronplane_owner;


--
-- Name: FUNCTION pgp_pub_encrypt_bytea(bytea, bytea); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.pgp_pub_encrypt_bytea(bytea, bytea) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.pgp_pub_encrypt_bytea(bytea, bytea) TO neuronplane_owner;


--
-- Name: FUNCTION pgp_pub_encrypt_bytea(bytea, bytea, text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.pgp_pub_encrypt_bytea(bytea, bytea, text) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.pgp_pub_encrypt_bytea(bytea, bytea, text) TO neuronplane_owner;


--
-- Name: FUNCTION pgp_sym_decrypt(bytea, text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.pgp_sym_decrypt(bytea, text) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.pgp_sym_decrypt(bytea, text) TO neuronplane_owner;


--
-- Name: FUNCTION pgp_sym_decrypt(bytea, text, text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.pgp_sym_decrypt(bytea, text, text) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.pgp_sym_decrypt(bytea, text, text) TO neuronplane_owner;


--
-- Name: FUNCTION pgp_sym_decrypt_bytea(bytea, text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.pgp_sym_decrypt_bytea(bytea, text) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.pgp_sym_decrypt_bytea(bytea, text) TO neuronplane_owner;


--
-- Name: FUNCTION pgp_sym_decrypt_bytea(bytea, text, text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.pgp_sym_decrypt_bytea(bytea, text, text) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.pgp_sym_decrypt_bytea(bytea, text, text) TO neuronplane_owner;


--
-- Name: FUNCTION pgp_sym_encrypt(text, text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.pgp_sym_encrypt(text, text) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.pgp_sym_encrypt(text, text) TO neuronplane_owner;


--
-- Name: FUNCTION pgp_sym_encrypt(text, text, text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.pgp_sym_encrypt(text, text, text) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.pgp_sym_encrypt(text, text, text) TO neuronplane_owner;


--
-- Name: FUNCTION pgp_sym_encrypt_bytea(bytea, text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.pgp_sym_encrypt_bytea(bytea, text) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.pgp_sym_encrypt_bytea(bytea, text) TO neuronplane_owner;


--
-- Name: FUNCTION pgp_sym_encrypt_bytea(bytea, text, text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.pgp_sym_encrypt_bytea(bytea, text, text) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.pgp_sym_encrypt_bytea(bytea, text, text) TO neuronplane_owner;


--
-- Name: FUNCTION plpgsql_check_function(funcoid regprocedure, relid regclass, format text, fatal_errors boolean, other_warnings boolean, performance_warnings boolean, extra_warnings boolean, security_warnings boolean, compatibility_warnings boolean, oldtable name, newtable name, anyelememttype regtype, anyenumtype regtype, anyrangetype regtype, anycompatibletype regtype, anycompatiblerangetype regtype, without_warnings boolean, all_warnings boolean, use_incomment_options boolean, incomment_options_usage_warning boolean); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.plpgsql_check_function(funcoid regprocedure, relid regclass, format text, fatal_errors boolean, other_warnings boolean, performance_warnings boolean, extra_warnings boolean, security_warnings boolean, compatibility_warnings boolean, oldtable name, newtable name, anyelememttype regtype, anyenumtype regtype, anyrangetype regtype, anycompatibletype regtype, anycompatiblerangetype regtype, without_warnings boolean, all_warnings boolean, use_incomment_options boolean, incomment_options_usage_warning boolean) FROM PUBLIC;


--
-- Name: FUNCTION plpgsql_check_function(name text, relid regclass, format text, fatal_errors boolean, other_warnings boolean, performance_warnings boolean, extra_warnings boolean, security_warnings boolean, compatibility_warnings boolean, oldtable name, newtable name, anyelememttype regtype, anyenumtype regtype, anyrangetype regtype, anycompatibletype regtype, anycompatiblerangetype regtype, without_warnings boolean, all_warnings boolean, use_incomment_options boolean, incomment_options_usage_warning boolean); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.plpgsql_check_function(name text, relid regclass, format text, fatal_errors boolean, other_warnings boolean, performance_warnings boolean, extra_warnings boolean, security_warnings boolean, compatibility_warnings boolean, oldtable name, newtable name, anyelememttype regtype, anyenumtype regtype, anyrangetype regtype, anycompatibletype regtype, anycompatiblerangetype regtype, without_warnings boolean, all_warnings boolean, use_incomment_options boolean, incomment_options_usage_warning boolean) FROM PUBLIC;


--
-- Name: FUNCTION plpgsql_check_function_tb(funcoid regprocedure, relid regclass, fatal_errors boolean, other_warnings boolean, performance_warnings boolean, extra_warnings boolean, security_warnings boolean, compatibility_warnings boolean, oldtable name, newtable name, anyelememttype regtype, anyenumtype regtype, anyrangetype regtype, anycompatibletype regtype, anycompatiblerangetype regtype, without_warnings boolean, all_warnings boolean, use_incomment_options boolean, incomment_options_usage_warning boolean); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.plpgsql_check_function_tb(funcoid regprocedure, relid regclass, fatal_errors boolean, other_warnings boolean, performance_warnings boolean, extra_warnings boolean, security_warnings boolean, compatibility_warnings boolean, oldtable name, newtable name, anyelememttype regtype, anyenumtype regtype, anyrangetype regtype, anycompatibletype regtype, anycompatiblerangetype regtype, without_warnings boolean, all_warnings boolean, use_incomment_options boolean, incomment_options_usage_warning boolean) FROM PUBLIC;


--
-- Name: FUNCTION plpgsql_check_function_tb(name text, relid regclass, fatal_errors boolean, other_warnings boolean, performance_warnings boolean, extra_warnings boolean, security_warnings boolean, compatibility_warnings boolean, oldtable name, newtable name, anyelememttype regtype, anyenumtype regtype, anyrangetype regtype, anycompatibletype regtype, anycompatiblerangetype regtype, without_warnings boolean, all_warnings boolean, use_incomment_options boolean, incomment_options_usage_warning boolean); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.plpgsql_check_function_tb(name text, relid regclass, fatal_errors boolean, other_warnings boolean, performance_warnings boolean, extra_warnings boolean, security_warnings boolean, compatibility_warnings boolean, oldtable name, newtable name, anyelememttype regtype, anyenumtype regtype, anyrangetype regtype, anycompatibletype regtype, anycompatiblerangetype regtype, without_warnings boolean, all_warnings boolean, use_incomment_options boolean, incomment_options_usage_warning boolean) FROM PUBLIC;


--
-- Name: FUNCTION plpgsql_check_pragma(VARIADIC name text[]); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.plpgsql_check_pragma(VARIADIC name text[]) FROM PUBLIC;


--
-- Name: FUNCTION plpgsql_coverage_branches(funcoid regprocedure); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.plpgsql_coverage_branches(funcoid regprocedure) FROM PUBLIC;


--
-- Name: FUNCTION plpgsql_coverage_branches(name text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.plpgsql_coverage_branches(name text) FROM PUBLIC;


--
-- Name: FUNCTION plpgsql_coverage_statements(funcoid regprocedure); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.plpgsql_coverage_statements(funcoid regprocedure) FROM PUBLIC;


--
-- Name: FUNCTION plpgsql_coverage_statements(name text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.plpgsql_coverage_statements(name text) FROM PUBLIC;


--
-- Name: FUNCTION plpgsql_profiler_function_statements_tb(funcoid regprocedure); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.plpgsql_profiler_function_statements_tb(funcoid regprocedure) FROM PUBLIC;


--
-- Name: FUNCTION plpgsql_profiler_function_statements_tb(name text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.plpgsql_profiler_function_statements_tb(name text) FROM PUBLIC;


--
-- Name: FUNCTION plpgsql_profiler_function_tb(funcoid regprocedure); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.plpgsql_profiler_function_tb(funcoid regprocedure) FROM PUBLIC;


--
-- Name: FUNCTION plpgsql_profiler_function_tb(name text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.plpgsql_profiler_function_tb(name text) FROM PUBLIC;


--
-- Name: FUNCTION plpgsql_profiler_functions_all(); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.plpgsql_profiler_functions_all() FROM PUBLIC;


--
-- Name: FUNCTION plpgsql_profiler_install_fake_queryid_hook(); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.plpgsql_profiler_install_fake_queryid_hook() FROM PUBLIC;


--
-- Name: FUNCTION plpgsql_profiler_remove_fake_queryid_hook(); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.plpgsql_profiler_remove_fake_queryid_hook() FROM PUBLIC;


--
-- Name: FUNCTION plpgsql_profiler_reset(funcoid regprocedure); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.plpgsql_profiler_reset(funcoid regprocedure) FROM PUBLIC;


--
-- Name: FUNCTION plpgsql_profiler_reset_all(); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.plpgsql_profiler_reset_all() FROM PUBLIC;


--
-- Name: FUNCTION plpgsql_show_dependency_tb(funcoid regprocedure, relid regclass); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.plpgsql_show_dependency_tb(funcoid regprocedure, relid regclass) FROM PUBLIC;


--
-- Name: FUNCTION plpgsql_show_dependency_tb(fnname text, relid regclass); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.plpgsql_show_dependency_tb(fnname text, relid regclass) FROM PUBLIC;


--
-- Name: FUNCTION regexp_match(extensions.citext, extensions.citext); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.regexp_match(extensions.citext, extensions.citext) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.regexp_match(extensions.citext, extensions.citext) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.regexp_match(extensions.citext, extensions.citext) TO anon;
GRANT ALL ON FUNCTION extensions.regexp_match(extensions.citext, extensions.citext) TO authenticated;
GRANT ALL ON FUNCTION extensions.regexp_match(extensions.citext, extensions.citext) TO service;
GRANT ALL ON FUNCTION extensions.regexp_match(extensions.citext, extensions.citext) TO neuronplane_worker;


--
-- Name: FUNCTION regexp_match(extensions.citext, extensions.citext, text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.regexp_match(extensions.citext, extensions.citext, text) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.regexp_match(extensions.citext, extensions.citext, text) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.regexp_match(extensions.citext, extensions.citext, text) TO anon;
GRANT ALL ON FUNCTION extensions.regexp_match(extensions.citext, extensions.citext, text) TO authenticated;
GRANT ALL ON FUNCTION extensions.regexp_match(extensions.citext, extensions.citext, text) TO service;
GRANT ALL ON FUNCTION extensions.regexp_match(extensions.citext, extensions.citext, text) TO neuronplane_worker;


--
-- Name: FUNCTION regexp_matches(extensions.citext, extensions.citext); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.regexp_matches(extensions.citext, extensions.citext) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.regexp_matches(extensions.citext, extensions.citext) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.regexp_matches(extensions.citext, extensions.citext) TO anon;
GRANT ALL ON FUNCTION extensions.regexp_matches(extensions.citext, extensions.citext) TO authenticated;
GRANT ALL ON FUNCTION extensions.regexp_matches(extensions.citext, extensions.citext) TO service;
GRANT ALL ON FUNCTION extensions.regexp_matches(extensions.citext, extensions.citext) TO neuronplane_worker;


--
-- Name: FUNCTION regexp_matches(extensions.citext, extensions.citext, text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.regexp_matches(extensions.citext, extensions.citext, text) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.regexp_matches(extensions.citext, extensions.citext, text) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.regexp_matches(extensions.citext, extensions.citext, text) TO anon;
GRANT ALL ON FUNCTION extensions.regexp_matches(extensions.citext, extensions.citext, text) TO authenticated;
GRANT ALL ON FUNCTION extensions.regexp_matches(extensions.citext, extensions.citext, text) TO service;
GRANT ALL ON FUNCTION extensions.regexp_matches(extensions.citext, extensions.citext, text) TO neuronplane_worker;


--
-- Name: FUNCTION regexp_replace(extensions.citext, extensions.citext, text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.regexp_replace(extensions.citext, extensions.citext, text) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.regexp_replace(extensions.citext, extensions.citext, text) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.regexp_replace(extensions.citext, extensions.citext, text) TO anon;
GRANT ALL ON FUNCTION extensions.regexp_replace(extensions.citext, extensions.citext, text) TO authenticated;
GRANT ALL ON FUNCTION extensions.regexp_replace(extensions.citext, extensions.citext, text) TO service;
GRANT ALL ON FUNCTION extensions.regexp_replace(extensions.citext, extensions.citext, text) TO neuronplane_worker;


--
-- Name: FUNCTION regexp_replace(extensions.citext, extensions.citext, text, text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.regexp_replace(extensions.citext, extensions.citext, text, text) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.regexp_replace(extensions.citext, extensions.citext, text, text) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.regexp_replace(extensions.citext, extensions.citext, text, text) TO anon;
GRANT ALL ON FUNCTION extensions.regexp_replace(extensions.citext, extensions.citext, text, text) TO authenticated;
GRANT ALL ON FUNCTION extensions.regexp_replace(extensions.citext, extensions.citext, text, text) TO service;
GRANT ALL ON FUNCTION extensions.regexp_replace(extensions.citext, extensions.citext, text, text) TO neuronplane_worker;


--
-- Name: FUNCTION regexp_split_to_array(extensions.citext, extensions.citext); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.regexp_split_to_array(extensions.citext, extensions.citext) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.regexp_split_to_array(extensions.citext, extensions.citext) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.regexp_split_to_array(extensions.citext, extensions.citext) TO anon;
GRANT ALL ON FUNCTION extensions.regexp_split_to_array(extensions.citext, extensions.citext) TO authenticated;
GRANT ALL ON FUNCTION extensions.regexp_split_to_array(extensions.citext, extensions.citext) TO service;
GRANT ALL ON FUNCTION extensions.regexp_split_to_array(extensions.citext, extensions.citext) TO neuronplane_worker;


--
-- Name: FUNCTION regexp_split_to_array(extensions.citext, extensions.citext, text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.regexp_split_to_array(extensions.citext, extensions.citext, text) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.regexp_split_to_array(extensions.citext, extensions.citext, text) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.regexp_split_to_array(extensions.citext, extensions.citext, text) TO anon;
GRANT ALL ON FUNCTION extensions.regexp_split_to_array(extensions.citext, extensions.citext, text) TO authenticated;
GRANT ALL ON FUNCTION extensions.regexp_split_to_array(extensions.citext, extensions.citext, text) TO service;
GRANT ALL ON FUNCTION extensions.regexp_split_to_array(extensions.citext, extensions.citext, text) TO neuronplane_worker;


--
-- Name: FUNCTION regexp_split_to_table(extensions.citext, extensions.citext); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.regexp_split_to_table(extensions.citext, extensions.citext) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.regexp_split_to_table(extensions.citext, extensions.citext) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.regexp_split_to_table(extensions.citext, extensions.citext) TO anon;
GRANT ALL ON FUNCTION extensions.regexp_split_to_table(extensions.citext, extensions.citext) TO authenticated;
GRANT ALL ON FUNCTION extensions.regexp_split_to_table(extensions.citext, extensions.citext) TO service;
GRANT ALL ON FUNCTION extensions.regexp_split_to_table(extensions.citext, extensions.citext) TO neuronplane_worker;


--
-- Name: FUNCTION regexp_split_to_table(extensions.citext, extensions.citext, text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.regexp_split_to_table(extensions.citext, extensions.citext, text) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.regexp_split_to_table(extensions.citext, extensions.citext, text) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.regexp_split_to_table(extensions.citext, extensions.citext, text) TO anon;
GRANT ALL ON FUNCTION extensions.regexp_split_to_table(extensions.citext, extensions.citext, text) TO authenticated;
GRANT ALL ON FUNCTION extensions.regexp_split_to_table(extensions.citext, extensions.citext, text) TO service;
GRANT ALL ON FUNCTION extensions.regexp_split_to_table(extensions.citext, extensions.citext, text) TO neuronplane_worker;


--
-- Name: FUNCTION replace(extensions.citext, extensions.citext, extensions.citext); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.replace(extensions.citext, extensions.citext, extensions.citext) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.replace(extensions.citext, extensions.citext, extensions.citext) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.replace(extensions.citext, extensions.citext, extensions.citext) TO anon;
GRANT ALL ON FUNCTION extensions.replace(extensions.citext, extensions.citext, extensions.citext) TO authenticated;
GRANT ALL ON FUNCTION extensions.replace(extensions.citext, extensions.citext, extensions.citext) TO service;
GRANT ALL ON FUNCTION extensions.replace(extensions.citext, extensions.citext, extensions.citext) TO neuronplane_worker;


--
-- Name: FUNCTION split_part(extensions.citext, extensions.citext, integer); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.split_part(extensions.citext, extensions.citext, integer) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.split_part(extensions.citext, extensions.citext, integer) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.split_part(extensions.citext, extensions.citext, integer) TO anon;
GRANT ALL ON FUNCTION extensions.split_part(extensions.citext, extensions.citext, integer) TO authenticated;
GRANT ALL ON FUNCTION extensions.split_part(extensions.citext, extensions.citext, integer) TO service;
GRANT ALL ON FUNCTION extensions.split_part(extensions.citext, extensions.citext, integer) TO neuronplane_worker;


--
-- Name: FUNCTION strpos(extensions.citext, extensions.citext); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.strpos(extensions.citext, extensions.citext) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.strpos(extensions.citext, extensions.citext) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.strpos(extensions.citext, extensions.citext) TO anon;
GRANT ALL ON FUNCTION extensions.strpos(extensions.citext, extensions.citext) TO authenticated;
GRANT ALL ON FUNCTION extensions.strpos(extensions.citext, extensions.citext) TO service;
GRANT ALL ON FUNCTION extensions.strpos(extensions.citext, extensions.citext) TO neuronplane_worker;


--
-- Name: FUNCTION texticlike(extensions.citext, extensions.citext); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.texticlike(extensions.citext, extensions.citext) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.texticlike(extensions.citext, extensions.citext) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.texticlike(extensions.citext, extensions.citext) TO anon;
GRANT ALL ON FUNCTION extensions.texticlike(extensions.citext, extensions.citext) TO authenticated;
GRANT ALL ON FUNCTION extensions.texticlike(extensions.citext, extensions.citext) TO service;
GRANT ALL ON FUNCTION extensions.texticlike(extensions.citext, extensions.citext) TO neuronplane_worker;


--
-- Name: FUNCTION texticlike(extensions.citext, text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.texticlike(extensions.citext, text) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.texticlike(extensions.citext, text) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.texticlike(extensions.citext, text) TO anon;
GRANT ALL ON FUNCTION extensions.texticlike(extensions.citext, text) TO authenticated;
GRANT ALL ON FUNCTION extensions.texticlike(extensions.citext, text) TO service;
GRANT ALL ON FUNCTION extensions.texticlike(extensions.citext, text) TO neuronplane_worker;


--
-- Name: FUNCTION texticnlike(extensions.citext, extensions.citext); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.texticnlike(extensions.citext, extensions.citext) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.texticnlike(extensions.citext, extensions.citext) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.texticnlike(extensions.citext, extensions.citext) TO anon;
GRANT ALL ON FUNCTION extensions.texticnlike(extensions.citext, extensions.citext) TO authenticated;
GRANT ALL ON FUNCTION extensions.texticnlike(extensions.citext, extensions.citext) TO service;
GRANT ALL ON FUNCTION extensions.texticnlike(extensions.citext, extensions.citext) TO neuronplane_worker;


--
-- Name: FUNCTION texticnlike(extensions.citext, text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.texticnlike(extensions.citext, text) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.texticnlike(extensions.citext, text) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.texticnlike(extensions.citext, text) TO anon;
GRANT ALL ON FUNCTION extensions.texticnlike(extensions.citext, text) TO authenticated;
GRANT ALL ON FUNCTION extensions.texticnlike(extensions.citext, text) TO service;
GRANT ALL ON FUNCTION extensions.texticnlike(extensions.citext, text) TO neuronplane_worker;


--
-- Name: FUNCTION texticregexeq(extensions.citext, extensions.citext); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.texticregexeq(extensions.citext, extensions.citext) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.texticregexeq(extensions.citext, extensions.citext) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.texticregexeq(extensions.citext, extensions.citext) TO anon;
GRANT ALL ON FUNCTION extensions.texticregexeq(extensions.citext, extensions.citext) TO authenticated;
GRANT ALL ON FUNCTION extensions.texticregexeq(extensions.citext, extensions.citext) TO service;
GRANT ALL ON FUNCTION extensions.texticregexeq(extensions.citext, extensions.citext) TO neuronplane_worker;


--
-- Name: FUNCTION texticregexeq(extensions.citext, text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.texticregexeq(extensions.citext, text) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.texticregexeq(extensions.citext, text) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.texticregexeq(extensions.citext, text) TO anon;
GRANT ALL ON FUNCTION extensions.texticregexeq(extensions.citext, text) TO authenticated;
GRANT ALL ON FUNCTION extensions.texticregexeq(extensions.citext, text) TO service;
GRANT ALL ON FUNCTION extensions.texticregexeq(extensions.citext, text) TO neuronplane_worker;


--
-- Name: FUNCTION texticregexne(extensions.citext, extensions.citext); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.texticregexne(extensions.citext, extensions.citext) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.texticregexne(extensions.citext, extensions.citext) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.texticregexne(extensions.citext, extensions.citext) TO anon;
GRANT ALL ON FUNCTION extensions.texticregexne(extensions.citext, extensions.citext) TO authenticated;
GRANT ALL ON FUNCTION extensions.texticregexne(extensions.citext, extensions.citext) TO service;
GRANT ALL ON FUNCTION extensions.texticregexne(extensions.citext, extensions.citext) TO neuronplane_worker;


--
-- Name: FUNCTION texticregexne(extensions.citext, text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.texticregexne(extensions.citext, text) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.texticregexne(extensions.citext, text) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.texticregexne(extensions.citext, text) TO anon;
GRANT ALL ON FUNCTION extensions.texticregexne(extensions.citext, text) TO authenticated;
GRANT ALL ON FUNCTION extensions.texticregexne(extensions.citext, text) TO service;
GRANT ALL ON FUNCTION extensions.texticregexne(extensions.citext, text) TO neuronplane_worker;


--
-- Name: FUNCTION translate(extensions.citext, extensions.citext, text); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.translate(extensions.citext, extensions.citext, text) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.translate(extensions.citext, extensions.citext, text) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.translate(extensions.citext, extensions.citext, text) TO anon;
GRANT ALL ON FUNCTION extensions.translate(extensions.citext, extensions.citext, text) TO authenticated;
GRANT ALL ON FUNCTION extensions.translate(extensions.citext, extensions.citext, text) TO service;
GRANT ALL ON FUNCTION extensions.translate(extensions.citext, extensions.citext, text) TO neuronplane_worker;


--
-- Name: FUNCTION authenticate_api_key_request(key text, OUT role text, OUT claims jsonb); Type: ACL; Schema: hooks; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION hooks.authenticate_api_key_request(key text, OUT role text, OUT claims jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION hooks.authenticate_api_key_request(key text, OUT role text, OUT claims jsonb) TO anon;
GRANT ALL ON FUNCTION hooks.authenticate_api_key_request(key text, OUT role text, OUT claims jsonb) TO authenticated;
GRANT ALL ON FUNCTION hooks.authenticate_api_key_request(key text, OUT role text, OUT claims jsonb) TO service;


--
-- Name: FUNCTION authenticate_cookie_request(token text, csrf_token text, method text, OUT role text, OUT claims jsonb); Type: ACL; Schema: hooks; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION hooks.authenticate_cookie_request(token text, csrf_token text, method text, OUT role text, OUT claims jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION hooks.authenticate_cookie_request(token text, csrf_token text, method text, OUT role text, OUT claims jsonb) TO anon;
GRANT ALL ON FUNCTION hooks.authenticate_cookie_request(token text, csrf_token text, method text, OUT role text, OUT claims jsonb) TO authenticated;
GRANT ALL ON FUNCTION hooks.authenticate_cookie_request(token text, csrf_token text, method text, OUT role text, OUT claims jsonb) TO service;


--
-- Name: FUNCTION check_access_token(); Type: ACL; Schema: hooks; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION hooks.check_access_token() FROM PUBLIC;
GRANT ALL ON FUNCTION hooks.check_access_token() TO anon;
GRANT ALL ON FUNCTION hooks.check_access_token() TO authenticated;
GRANT ALL ON FUNCTION hooks.check_access_token() TO service;


--
-- Name: FUNCTION pre_config(); Type: ACL; Schema: hooks; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION hooks.pre_config() FROM PUBLIC;
GRANT ALL ON FUNCTION hooks.pre_config() TO authenticator;


--
-- Name: FUNCTION pre_request(); Type: ACL; Schema: hooks; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION hooks.pre_request() FROM PUBLIC;
GRANT ALL ON FUNCTION hooks.pre_request() TO anon;
GRANT ALL ON FUNCTION hooks.pre_request() TO authenticated;
GRANT ALL ON FUNCTION hooks.pre_request() TO service;


--
-- Name: FUNCTION refuse_read_only_view_write(); Type: ACL; Schema: hooks; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION hooks.refuse_read_only_view_write() FROM PUBLIC;
GRANT ALL ON FUNCTION hooks.refuse_read_only_view_write() TO anon;
GRANT ALL ON FUNCTION hooks.refuse_read_only_view_write() TO authenticated;
GRANT ALL ON FUNCTION hooks.refuse_read_only_view_write() TO service;


--
-- Name: FUNCTION refuse_read_only_write(); Type: ACL; Schema: hooks; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION hooks.refuse_read_only_write() FROM PUBLIC;
GRANT ALL ON FUNCTION hooks.refuse_read_only_write() TO anon;
GRANT ALL ON FUNCTION hooks.refuse_read_only_write() TO authenticated;
GRANT ALL ON FUNCTION hooks.refuse_read_only_write() TO service;


--
-- Name: FUNCTION accept_invitation(invitation_id uuid); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.accept_invitation(invitation_id uuid) FROM PUBLIC;


--
-- Name: FUNCTION admin_org_ids(principal_id uuid); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.admin_org_ids(principal_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION identity.admin_org_ids(principal_id uuid) TO authenticated;
GRANT ALL ON FUNCTION identity.admin_org_ids(principal_id uuid) TO service;


--
-- Name: FUNCTION answer_explain_permission(resource_type text, resource_id uuid, permission text, principal_id uuid); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.answer_explain_permission(resource_type text, resource_id uuid, permission text, principal_id uuid) FROM PUBLIC;


--
-- Name: FUNCTION answer_has_permission(resource_type text, resource_id uuid, permission text, principal_id uuid); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.answer_has_permission(resource_type text, resource_id uuid, permission text, principal_id uuid) FROM PUBLIC;


--
-- Name: FUNCTION audit(action text, resource_type text, resource_id text, details jsonb, org_id uuid, project_id uuid); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.audit(action text, resource_type text, resource_id text, details jsonb, org_id uuid, project_id uuid) FROM PUBLIC;


--
-- Name: FUNCTION authz_context(principal_id uuid, resource_type text, permission text, api_key_id uuid); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.authz_context(principal_id uuid, resource_type text, permission text, api_key_id uuid) FROM PUBLIC;


--
-- Name: FUNCTION change_member_role(org_id uuid, user_id uuid, role text); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.change_member_role(org_id uuid, user_id uuid, role text) FROM PUBLIC;


--
-- Name: FUNCTION check_permission_args(resource_type text, permission text); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.check_permission_args(resource_type text, permission text) FROM PUBLIC;


--
-- Name: FUNCTION check_question(principal_id uuid, resource_type text, resource_id uuid, permission text); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.check_question(principal_id uuid, resource_type text, resource_id uuid, permission text) FROM PUBLIC;


--
-- Name: FUNCTION check_role(role text); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.check_role(role text) FROM PUBLIC;
GRANT ALL ON FUNCTION identity.check_role(role text) TO neuronplane_worker;


--
-- Name: FUNCTION create_api_key(name text, roles text[], project_id uuid, principal_id uuid, rate_limit_per_min integer, expires_at timestamp with time zone, OUT id uuid, OUT prefix text, OUT api_key text); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.create_api_key(name text, roles text[], project_id uuid, principal_id uuid, rate_limit_per_min integer, expires_at timestamp with time zone, OUT id uuid, OUT prefix text, OUT api_key text) FROM PUBLIC;


--
-- Name: FUNCTION create_organization(name text, slug text, metadata jsonb); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.create_organization(name text, slug text, metadata jsonb) FROM PUBLIC;


--
-- Name: FUNCTION create_project(name text, org_id uuid, description text, neurondb_dsn text, mcp_config jsonb, agent_endpoint text, metadata jsonb); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.create_project(name text, org_id uuid, description text, neurondb_dsn text, mcp_config jsonb, agent_endpoint text, metadata jsonb) FROM PUBLIC;


--
-- Name: FUNCTION create_service_account(name text, org_id uuid, project_id uuid, description text, metadata jsonb); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.create_service_account(name text, org_id uuid, project_id uuid, description text, metadata jsonb) FROM PUBLIC;


--
-- Name: FUNCTION create_user(username text, email text, display_name text, is_admin boolean); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.create_user(username text, email text, display_name text, is_admin boolean) FROM PUBLIC;


--
-- Name: FUNCTION current_api_key_id(); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.current_api_key_id() FROM PUBLIC;
GRANT ALL ON FUNCTION identity.current_api_key_id() TO authenticated;
GRANT ALL ON FUNCTION identity.current_api_key_id() TO service;
GRANT ALL ON FUNCTION identity.current_api_key_id() TO neuronplane_worker;


--
-- Name: FUNCTION current_principal_id(); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.current_principal_id() FROM PUBLIC;
GRANT ALL ON FUNCTION identity.current_principal_id() TO authenticated;
GRANT ALL ON FUNCTION identity.current_principal_id() TO service;
GRANT ALL ON FUNCTION identity.current_principal_id() TO neuronplane_worker;


--
-- Name: FUNCTION decide(effects text[]); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.decide(effects text[]) FROM PUBLIC;


--
-- Name: FUNCTION decline_invitation(invitation_id uuid); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.decline_invitation(invitation_id uuid) FROM PUBLIC;


--
-- Name: FUNCTION disable_principal(principal_id uuid, disabled boolean); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.disable_principal(principal_id uuid, disabled boolean) FROM PUBLIC;


--
-- Name: FUNCTION explain_permission(principal_id uuid, resource_type text, resource_id uuid, permission text, api_key_id uuid); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.explain_permission(principal_id uuid, resource_type text, resource_id uuid, permission text, api_key_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION identity.explain_permission(principal_id uuid, resource_type text, resource_id uuid, permission text, api_key_id uuid) TO neuronplane_worker;


--
-- Name: FUNCTION get_or_create_user_principal(username text, email text, display_name text); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.get_or_create_user_principal(username text, email text, display_name text) FROM PUBLIC;


--
-- Name: FUNCTION grant_permission(subject_id uuid, resource_type text, permission text, resource_id uuid, effect text, org_id uuid, project_id uuid, subject_role text, expires_at timestamp with time zone, conditions jsonb); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.grant_permission(subject_id uuid, resource_type text, permission text, resource_id uuid, effect text, org_id uuid, project_id uuid, subject_role text, expires_at timestamp with time zone, conditions jsonb) FROM PUBLIC;


--
-- Name: FUNCTION grants(principal_id uuid, resource_type text, permission text, api_key_id uuid); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.grants(principal_id uuid, resource_type text, permission text, api_key_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION identity.grants(principal_id uuid, resource_type text, permission text, api_key_id uuid) TO neuronplane_worker;


--
-- Name: FUNCTION has_permission(principal_id uuid, resource_type text, resource_id uuid, permission text, api_key_id uuid); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.has_permission(principal_id uuid, resource_type text, resource_id uuid, permission text, api_key_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION identity.has_permission(principal_id uuid, resource_type text, resource_id uuid, permission text, api_key_id uuid) TO authenticated;
GRANT ALL ON FUNCTION identity.has_permission(principal_id uuid, resource_type text, resource_id uuid, permission text, api_key_id uuid) TO service;
GRANT ALL ON FUNCTION identity.has_permission(principal_id uuid, resource_type text, resource_id uuid, permission text, api_key_id uuid) TO neuronplane_worker;


--
-- Name: FUNCTION import_legacy(desktop_schema text, agent_schema text); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.import_legacy(desktop_schema text, agent_schema text) FROM PUBLIC;


--
-- Name: FUNCTION invite_member(org_id uuid, user_id uuid, email text, role text, valid_days integer); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.invite_member(org_id uuid, user_id uuid, email text, role text, valid_days integer) FROM PUBLIC;


--
-- Name: FUNCTION is_active(principal_id uuid); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.is_active(principal_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION identity.is_active(principal_id uuid) TO authenticated;
GRANT ALL ON FUNCTION identity.is_active(principal_id uuid) TO service;
GRANT ALL ON FUNCTION identity.is_active(principal_id uuid) TO neuronplane_worker;


--
-- Name: FUNCTION is_invitee(principal_id uuid, invitee_user_id uuid, invitee_email text); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.is_invitee(principal_id uuid, invitee_user_id uuid, invitee_email text) FROM PUBLIC;
GRANT ALL ON FUNCTION identity.is_invitee(principal_id uuid, invitee_user_id uuid, invitee_email text) TO authenticated;
GRANT ALL ON FUNCTION identity.is_invitee(principal_id uuid, invitee_user_id uuid, invitee_email text) TO service;


--
-- Name: FUNCTION is_platform_admin(principal_id uuid); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.is_platform_admin(principal_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION identity.is_platform_admin(principal_id uuid) TO authenticated;
GRANT ALL ON FUNCTION identity.is_platform_admin(principal_id uuid) TO service;


--
-- Name: FUNCTION is_secret_env(name text, value jsonb); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.is_secret_env(name text, value jsonb) FROM PUBLIC;


--
-- Name: FUNCTION issue_api_key(principal_id uuid, name text, roles text[], project_id uuid, rate_limit_per_min integer, expires_at timestamp with time zone, created_by uuid, OUT id uuid, OUT prefix text, OUT api_key text); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.issue_api_key(principal_id uuid, name text, roles text[], project_id uuid, rate_limit_per_min integer, expires_at timestamp with time zone, created_by uuid, OUT id uuid, OUT prefix text, OUT api_key text) FROM PUBLIC;


--
-- Name: FUNCTION key_allows(api_key_id uuid, principal_id uuid, permission text); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.key_allows(api_key_id uuid, principal_id uuid, permission text) FROM PUBLIC;


--
-- Name: FUNCTION key_role_permissions(roles text[]); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.key_role_permissions(roles text[]) FROM PUBLIC;


--
-- Name: FUNCTION lock_invitation(invitation_id uuid); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.lock_invitation(invitation_id uuid) FROM PUBLIC;


--
-- Name: FUNCTION may_create_project(principal_id uuid, org_id uuid, user_id uuid, api_key_id uuid); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.may_create_project(principal_id uuid, org_id uuid, user_id uuid, api_key_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION identity.may_create_project(principal_id uuid, org_id uuid, user_id uuid, api_key_id uuid) TO authenticated;
GRANT ALL ON FUNCTION identity.may_create_project(principal_id uuid, org_id uuid, user_id uuid, api_key_id uuid) TO service;


--
-- Name: FUNCTION permitted_ids(principal_id uuid, resource_type text, permission text, api_key_id uuid); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.permitted_ids(principal_id uuid, resource_type text, permission text, api_key_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION identity.permitted_ids(principal_id uuid, resource_type text, permission text, api_key_id uuid) TO authenticated;
GRANT ALL ON FUNCTION identity.permitted_ids(principal_id uuid, resource_type text, permission text, api_key_id uuid) TO service;
GRANT ALL ON FUNCTION identity.permitted_ids(principal_id uuid, resource_type text, permission text, api_key_id uuid) TO neuronplane_worker;


--
-- Name: FUNCTION policy_applies(effect text, permission text, resource_type text, resource_id uuid, expires_at timestamp with time zone, not_before timestamp with time zone, asked_type text, asked_permission text, inherits_admin_only boolean, in_project boolean); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.policy_applies(effect text, permission text, resource_type text, resource_id uuid, expires_at timestamp with time zone, not_before timestamp with time zone, asked_type text, asked_permission text, inherits_admin_only boolean, in_project boolean) FROM PUBLIC;


--
-- Name: FUNCTION project_dsn(project_id uuid); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.project_dsn(project_id uuid) FROM PUBLIC;


--
-- Name: FUNCTION project_mcp_config(project_id uuid); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.project_mcp_config(project_id uuid) FROM PUBLIC;


--
-- Name: FUNCTION remove_member(org_id uuid, user_id uuid); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.remove_member(org_id uuid, user_id uuid) FROM PUBLIC;


--
-- Name: FUNCTION require_caller(); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.require_caller() FROM PUBLIC;


--
-- Name: FUNCTION require_invitee(inv identity.org_invitations); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.require_invitee(inv identity.org_invitations) FROM PUBLIC;


--
-- Name: FUNCTION require_key_manager(principal_id uuid); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.require_key_manager(principal_id uuid) FROM PUBLIC;


--
-- Name: FUNCTION require_member_admin(org_id uuid, role text); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.require_member_admin(org_id uuid, role text) FROM PUBLIC;


--
-- Name: FUNCTION require_pending(inv identity.org_invitations); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.require_pending(inv identity.org_invitations) FROM PUBLIC;


--
-- Name: FUNCTION require_permission(resource_type text, resource_id uuid, permission text); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.require_permission(resource_type text, resource_id uuid, permission text) FROM PUBLIC;


--
-- Name: FUNCTION require_platform_admin(what text); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.require_platform_admin(what text) FROM PUBLIC;


--
-- Name: FUNCTION require_policy_admin(resource_type text, resource_id uuid, org_id uuid, project_id uuid); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.require_policy_admin(resource_type text, resource_id uuid, org_id uuid, project_id uuid) FROM PUBLIC;


--
-- Name: FUNCTION resolve_principal(principal_id uuid); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.resolve_principal(principal_id uuid) FROM PUBLIC;


--
-- Name: FUNCTION revoke_api_key(id uuid); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.revoke_api_key(id uuid) FROM PUBLIC;


--
-- Name: FUNCTION revoke_invitation(invitation_id uuid); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.revoke_invitation(invitation_id uuid) FROM PUBLIC;


--
-- Name: FUNCTION revoke_permission(policy_id uuid); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.revoke_permission(policy_id uuid) FROM PUBLIC;


--
-- Name: FUNCTION rotate_api_key(id uuid, OUT new_id uuid, OUT prefix text, OUT api_key text); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.rotate_api_key(id uuid, OUT new_id uuid, OUT prefix text, OUT api_key text) FROM PUBLIC;


--
-- Name: FUNCTION split_dsn_password(dsn text, OUT dsn_without_password text, OUT password text); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.split_dsn_password(dsn text, OUT dsn_without_password text, OUT password text) FROM PUBLIC;


--
-- Name: FUNCTION tg_api_keys__check_roles(); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.tg_api_keys__check_roles() FROM PUBLIC;


--
-- Name: FUNCTION tg_api_keys__keep_updated_at(); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.tg_api_keys__keep_updated_at() FROM PUBLIC;


--
-- Name: FUNCTION tg_entity__audit(); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.tg_entity__audit() FROM PUBLIC;


--
-- Name: FUNCTION tg_entity__sync_principal(); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.tg_entity__sync_principal() FROM PUBLIC;


--
-- Name: FUNCTION tg_org_memberships__keep_an_owner(); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.tg_org_memberships__keep_an_owner() FROM PUBLIC;


--
-- Name: FUNCTION tg_policies__check(); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.tg_policies__check() FROM PUBLIC;


--
-- Name: FUNCTION tg_projects__guard_move(); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.tg_projects__guard_move() FROM PUBLIC;


--
-- Name: FUNCTION tg_projects__protect_dsn(); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.tg_projects__protect_dsn() FROM PUBLIC;


--
-- Name: FUNCTION tg_projects__protect_mcp_env(); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.tg_projects__protect_mcp_env() FROM PUBLIC;


--
-- Name: FUNCTION tg_resource__scope(); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.tg_resource__scope() FROM PUBLIC;


--
-- Name: FUNCTION tg_resource_scopes__drop_policies(); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.tg_resource_scopes__drop_policies() FROM PUBLIC;


--
-- Name: FUNCTION visible_user_ids(principal_id uuid); Type: ACL; Schema: identity; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION identity.visible_user_ids(principal_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION identity.visible_user_ids(principal_id uuid) TO authenticated;
GRANT ALL ON FUNCTION identity.visible_user_ids(principal_id uuid) TO service;


--
-- Name: FUNCTION current_traceparent(); Type: ACL; Schema: internal; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION internal.current_traceparent() FROM PUBLIC;


--
-- Name: FUNCTION decrypt_secret(ciphertext bytea, context text); Type: ACL; Schema: internal; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION internal.decrypt_secret(ciphertext bytea, context text) FROM PUBLIC;


--
-- Name: FUNCTION encrypt_secret(plaintext text, context text); Type: ACL; Schema: internal; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION internal.encrypt_secret(plaintext text, context text) FROM PUBLIC;


--
-- Name: FUNCTION envelope_open(blob bytea, context text, previous_key_file text); Type: ACL; Schema: internal; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION internal.envelope_open(blob bytea, context text, previous_key_file text) FROM PUBLIC;


--
-- Name: FUNCTION envelope_open_py(blob bytea, context text, key_files text[]); Type: ACL; Schema: internal; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION internal.envelope_open_py(blob bytea, context text, key_files text[]) FROM PUBLIC;


--
-- Name: FUNCTION envelope_seal(plaintext text, context text); Type: ACL; Schema: internal; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION internal.envelope_seal(plaintext text, context text) FROM PUBLIC;


--
-- Name: FUNCTION envelope_seal_py(plaintext text, context text, key_file text); Type: ACL; Schema: internal; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION internal.envelope_seal_py(plaintext text, context text, key_file text) FROM PUBLIC;


--
-- Name: FUNCTION legacy_desktop_user(desktop_users jsonb, ref text, OUT user_id uuid, OUT legacy_id text, OUT is_account_merge boolean); Type: ACL; Schema: internal; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION internal.legacy_desktop_user(desktop_users jsonb, ref text, OUT user_id uuid, OUT legacy_id text, OUT is_account_merge boolean) FROM PUBLIC;


--
-- Name: FUNCTION legacy_free_id(candidate text); Type: ACL; Schema: internal; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION internal.legacy_free_id(candidate text) FROM PUBLIC;


--
-- Name: FUNCTION legacy_free_name(candidate text, kind text); Type: ACL; Schema: internal; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION internal.legacy_free_name(candidate text, kind text) FROM PUBLIC;


--
-- Name: FUNCTION legacy_free_project_name(owner_id uuid, candidate text); Type: ACL; Schema: internal; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION internal.legacy_free_project_name(owner_id uuid, candidate text) FROM PUBLIC;


--
-- Name: FUNCTION legacy_import_key(legacy_id text, principal_id uuid, principal_type text, project_id uuid, name text, key_hash text, roles text[], rate_limit integer, expires_at timestamp with time zone, revoked_at timestamp with time zone, last_used_at timestamp with time zone, created_at timestamp with time zone, revoke_because text, notes text[], OUT new_id uuid, OUT outcome text, OUT reason text, OUT is_live boolean); Type: ACL; Schema: internal; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION internal.legacy_import_key(legacy_id text, principal_id uuid, principal_type text, project_id uuid, name text, key_hash text, roles text[], rate_limit integer, expires_at timestamp with time zone, revoked_at timestamp with time zone, last_used_at timestamp with time zone, created_at timestamp with time zone, revoke_because text, notes text[], OUT new_id uuid, OUT outcome text, OUT reason text, OUT is_live boolean) FROM PUBLIC;


--
-- Name: FUNCTION legacy_key_digest(key_hash text); Type: ACL; Schema: internal; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION internal.legacy_key_digest(key_hash text) FROM PUBLIC;


--
-- Name: FUNCTION legacy_key_roles(legacy_roles text[], OUT roles text[], OUT dropped text[]); Type: ACL; Schema: internal; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION internal.legacy_key_roles(legacy_roles text[], OUT roles text[], OUT dropped text[]) FROM PUBLIC;


--
-- Name: FUNCTION legacy_mcp_config(config jsonb, OUT mcp_config jsonb, OUT notes text[]); Type: ACL; Schema: internal; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION internal.legacy_mcp_config(config jsonb, OUT mcp_config jsonb, OUT notes text[]) FROM PUBLIC;


--
-- Name: FUNCTION legacy_rows(schema_name text, table_name text, required text[]); Type: ACL; Schema: internal; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION internal.legacy_rows(schema_name text, table_name text, required text[]) FROM PUBLIC;


--
-- Name: FUNCTION legacy_slug(name text); Type: ACL; Schema: internal; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION internal.legacy_slug(name text) FROM PUBLIC;


--
-- Name: FUNCTION master_key_file(); Type: ACL; Schema: internal; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION internal.master_key_file() FROM PUBLIC;


--
-- Name: FUNCTION tg_check_constraints(); Type: ACL; Schema: internal; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION internal.tg_check_constraints() FROM PUBLIC;


--
-- Name: FUNCTION tg_set_updated_at(); Type: ACL; Schema: internal; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION internal.tg_set_updated_at() FROM PUBLIC;


--
-- Name: FUNCTION add_usage(project_id uuid, api_key_id uuid, requests bigint, errors bigint, llm_calls bigint, tokens_in bigint, tokens_out bigint); Type: ACL; Schema: ops; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION ops.add_usage(project_id uuid, api_key_id uuid, requests bigint, errors bigint, llm_calls bigint, tokens_in bigint, tokens_out bigint) FROM PUBLIC;


--
-- Name: FUNCTION db_health_snapshot(); Type: ACL; Schema: ops; Owner: neuronplane_monitor
--

REVOKE ALL ON FUNCTION ops.db_health_snapshot() FROM PUBLIC;
GRANT ALL ON FUNCTION ops.db_health_snapshot() TO authenticated;
GRANT ALL ON FUNCTION ops.db_health_snapshot() TO service;


--
-- Name: FUNCTION index_health_snapshot(); Type: ACL; Schema: ops; Owner: neuronplane_monitor
--

REVOKE ALL ON FUNCTION ops.index_health_snapshot() FROM PUBLIC;
GRANT ALL ON FUNCTION ops.index_health_snapshot() TO authenticated;
GRANT ALL ON FUNCTION ops.index_health_snapshot() TO service;


--
-- Name: FUNCTION metrics_audit(); Type: ACL; Schema: ops; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION ops.metrics_audit() FROM PUBLIC;
GRANT ALL ON FUNCTION ops.metrics_audit() TO neuronplane_exporter;


--
-- Name: FUNCTION metrics_auth(); Type: ACL; Schema: ops; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION ops.metrics_auth() FROM PUBLIC;
GRANT ALL ON FUNCTION ops.metrics_auth() TO neuronplane_exporter;


--
-- Name: FUNCTION metrics_ingest_jobs(); Type: ACL; Schema: ops; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION ops.metrics_ingest_jobs() FROM PUBLIC;
GRANT ALL ON FUNCTION ops.metrics_ingest_jobs() TO neuronplane_exporter;


--
-- Name: FUNCTION metrics_ingest_workers(); Type: ACL; Schema: ops; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION ops.metrics_ingest_workers() FROM PUBLIC;
GRANT ALL ON FUNCTION ops.metrics_ingest_workers() TO neuronplane_exporter;


--
-- Name: FUNCTION metrics_security_events(); Type: ACL; Schema: ops; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION ops.metrics_security_events() FROM PUBLIC;
GRANT ALL ON FUNCTION ops.metrics_security_events() TO neuronplane_exporter;


--
-- Name: FUNCTION metrics_signing_keys(); Type: ACL; Schema: ops; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION ops.metrics_signing_keys() FROM PUBLIC;
GRANT ALL ON FUNCTION ops.metrics_signing_keys() TO neuronplane_exporter;


--
-- Name: FUNCTION record_usage(project_id uuid, tokens_in bigint, tokens_out bigint, llm_calls integer, model_id uuid); Type: ACL; Schema: ops; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION ops.record_usage(project_id uuid, tokens_in bigint, tokens_out bigint, llm_calls integer, model_id uuid) FROM PUBLIC;


--
-- Name: FUNCTION require_monitor_access(); Type: ACL; Schema: ops; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION ops.require_monitor_access() FROM PUBLIC;
GRANT ALL ON FUNCTION ops.require_monitor_access() TO neuronplane_monitor;


--
-- Name: FUNCTION tg_api_key_rejections__usage(); Type: ACL; Schema: ops; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION ops.tg_api_key_rejections__usage() FROM PUBLIC;


--
-- Name: FUNCTION tg_api_key_request_counts__usage(); Type: ACL; Schema: ops; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION ops.tg_api_key_request_counts__usage() FROM PUBLIC;


--
-- Name: FUNCTION workers_snapshot(); Type: ACL; Schema: ops; Owner: neuronplane_monitor
--

REVOKE ALL ON FUNCTION ops.workers_snapshot() FROM PUBLIC;
GRANT ALL ON FUNCTION ops.workers_snapshot() TO authenticated;
GRANT ALL ON FUNCTION ops.workers_snapshot() TO service;


--
-- Name: FUNCTION abandoned_ingest_uploads(unclaimed_after interval); Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION workspace.abandoned_ingest_uploads(unclaimed_after interval) FROM PUBLIC;
GRANT ALL ON FUNCTION workspace.abandoned_ingest_uploads(unclaimed_after interval) TO neuronplane_worker;


--
-- Name: FUNCTION add_embedding_column(job_id uuid, attempt integer, dimensions integer); Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION workspace.add_embedding_column(job_id uuid, attempt integer, dimensions integer) FROM PUBLIC;
GRANT ALL ON FUNCTION workspace.add_embedding_column(job_id uuid, attempt integer, dimensions integer) TO neuronplane_worker;


--
-- Name: FUNCTION add_llm_model(project_id uuid, provider text, model_name text, display_name text, config jsonb, key text); Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION workspace.add_llm_model(project_id uuid, provider text, model_name text, display_name text, config jsonb, key text) FROM PUBLIC;


--
-- Name: FUNCTION authorize_onboarding_probe(kind text, target text); Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION workspace.authorize_onboarding_probe(kind text, target text) FROM PUBLIC;


--
-- Name: FUNCTION begin_ingest_load(job_id uuid, attempt integer, columns jsonb); Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION workspace.begin_ingest_load(job_id uuid, attempt integer, columns jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION workspace.begin_ingest_load(job_id uuid, attempt integer, columns jsonb) TO neuronplane_worker;


--
-- Name: FUNCTION cancel_ingest(id uuid); Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION workspace.cancel_ingest(id uuid) FROM PUBLIC;


--
-- Name: FUNCTION check_ingest_request(source_type text, source jsonb, format text, options jsonb, embedding jsonb, index_config jsonb, credentials jsonb); Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION workspace.check_ingest_request(source_type text, source jsonb, format text, options jsonb, embedding jsonb, index_config jsonb, credentials jsonb) FROM PUBLIC;


--
-- Name: FUNCTION check_keys(field text, obj jsonb, allowed text[]); Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION workspace.check_keys(field text, obj jsonb, allowed text[]) FROM PUBLIC;


--
-- Name: FUNCTION claim_ingest_job(worker_id uuid); Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION workspace.claim_ingest_job(worker_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION workspace.claim_ingest_job(worker_id uuid) TO neuronplane_worker;


--
-- Name: FUNCTION count_ingest_workers(); Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION workspace.count_ingest_workers() FROM PUBLIC;


--
-- Name: FUNCTION create_profile(name text, neurondb_dsn text, mcp_config jsonb, agent_endpoint text, agent_api_key text, org_id uuid, description text, metadata jsonb); Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION workspace.create_profile(name text, neurondb_dsn text, mcp_config jsonb, agent_endpoint text, agent_api_key text, org_id uuid, description text, metadata jsonb) FROM PUBLIC;


--
-- Name: FUNCTION dataset_schema(project_id uuid); Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION workspace.dataset_schema(project_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION workspace.dataset_schema(project_id uuid) TO authenticated;
GRANT ALL ON FUNCTION workspace.dataset_schema(project_id uuid) TO service;
GRANT ALL ON FUNCTION workspace.dataset_schema(project_id uuid) TO neuronplane_worker;


--
-- Name: FUNCTION ensure_dataset_schema(project_id uuid); Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION workspace.ensure_dataset_schema(project_id uuid) FROM PUBLIC;


--
-- Name: FUNCTION fail_ingest(job_id uuid, attempt integer, error text); Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION workspace.fail_ingest(job_id uuid, attempt integer, error text) FROM PUBLIC;
GRANT ALL ON FUNCTION workspace.fail_ingest(job_id uuid, attempt integer, error text) TO neuronplane_worker;


--
-- Name: FUNCTION forget_ingest_upload(upload_id uuid); Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION workspace.forget_ingest_upload(upload_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION workspace.forget_ingest_upload(upload_id uuid) TO neuronplane_worker;


--
-- Name: FUNCTION ingest_column_types(); Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION workspace.ingest_column_types() FROM PUBLIC;


--
-- Name: FUNCTION ingest_heartbeat(worker_id uuid, job_id uuid, attempt integer, phase text, rows_done bigint, bytes_done bigint, rows_total bigint, bytes_total bigint, embed_done bigint, embed_total bigint, detected_format text); Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION workspace.ingest_heartbeat(worker_id uuid, job_id uuid, attempt integer, phase text, rows_done bigint, bytes_done bigint, rows_total bigint, bytes_total bigint, embed_done bigint, embed_total bigint, detected_format text) FROM PUBLIC;
GRANT ALL ON FUNCTION workspace.ingest_heartbeat(worker_id uuid, job_id uuid, attempt integer, phase text, rows_done bigint, bytes_done bigint, rows_total bigint, bytes_total bigint, embed_done bigint, embed_total bigint, detected_format text) TO neuronplane_worker;


--
-- Name: FUNCTION ingest_job_traceparent(job_id uuid); Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION workspace.ingest_job_traceparent(job_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION workspace.ingest_job_traceparent(job_id uuid) TO neuronplane_worker;


--
-- Name: FUNCTION llm_model_for_write(model_id uuid); Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION workspace.llm_model_for_write(model_id uuid) FROM PUBLIC;


--
-- Name: FUNCTION note_ingest(job_id uuid, attempt integer, details jsonb); Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION workspace.note_ingest(job_id uuid, attempt integer, details jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION workspace.note_ingest(job_id uuid, attempt integer, details jsonb) TO neuronplane_worker;


--
-- Name: FUNCTION publish_ingest(job_id uuid, attempt integer, row_count bigint, columns jsonb, embedding jsonb, detected_format text, bytes_read bigint); Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION workspace.publish_ingest(job_id uuid, attempt integer, row_count bigint, columns jsonb, embedding jsonb, detected_format text, bytes_read bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION workspace.publish_ingest(job_id uuid, attempt integer, row_count bigint, columns jsonb, embedding jsonb, detected_format text, bytes_read bigint) TO neuronplane_worker;


--
-- Name: FUNCTION register_ingest_upload(path text, size_bytes bigint, filename text); Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION workspace.register_ingest_upload(path text, size_bytes bigint, filename text) FROM PUBLIC;
GRANT ALL ON FUNCTION workspace.register_ingest_upload(path text, size_bytes bigint, filename text) TO neuronplane_worker;


--
-- Name: FUNCTION register_ingest_worker(worker_id uuid, hostname text, pid integer); Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION workspace.register_ingest_worker(worker_id uuid, hostname text, pid integer) FROM PUBLIC;
GRANT ALL ON FUNCTION workspace.register_ingest_worker(worker_id uuid, hostname text, pid integer) TO neuronplane_worker;


--
-- Name: FUNCTION require_ingest_attempt(job_id uuid, attempt integer, for_update boolean); Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION workspace.require_ingest_attempt(job_id uuid, attempt integer, for_update boolean) FROM PUBLIC;


--
-- Name: FUNCTION require_string(field text, obj jsonb, key text, pattern text); Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION workspace.require_string(field text, obj jsonb, key text, pattern text) FROM PUBLIC;


--
-- Name: FUNCTION retry_ingest(job_id uuid, attempt integer, reason text); Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION workspace.retry_ingest(job_id uuid, attempt integer, reason text) FROM PUBLIC;
GRANT ALL ON FUNCTION workspace.retry_ingest(job_id uuid, attempt integer, reason text) TO neuronplane_worker;


--
-- Name: FUNCTION reveal_llm_model_key(model_id uuid, agent_id uuid); Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION workspace.reveal_llm_model_key(model_id uuid, agent_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION workspace.reveal_llm_model_key(model_id uuid, agent_id uuid) TO neuronplane_worker;


--
-- Name: FUNCTION reveal_project_agent_key(project_id uuid); Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION workspace.reveal_project_agent_key(project_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION workspace.reveal_project_agent_key(project_id uuid) TO neuronplane_worker;


--
-- Name: FUNCTION rotate_secrets(previous_key_file text); Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION workspace.rotate_secrets(previous_key_file text) FROM PUBLIC;


--
-- Name: FUNCTION sanitize_identifier(raw text, fallback text); Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION workspace.sanitize_identifier(raw text, fallback text) FROM PUBLIC;
GRANT ALL ON FUNCTION workspace.sanitize_identifier(raw text, fallback text) TO authenticated;
GRANT ALL ON FUNCTION workspace.sanitize_identifier(raw text, fallback text) TO service;
GRANT ALL ON FUNCTION workspace.sanitize_identifier(raw text, fallback text) TO neuronplane_worker;


--
-- Name: FUNCTION secret_config_keys(config jsonb); Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION workspace.secret_config_keys(config jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION workspace.secret_config_keys(config jsonb) TO authenticated;
GRANT ALL ON FUNCTION workspace.secret_config_keys(config jsonb) TO service;


--
-- Name: FUNCTION set_llm_model_key(model_id uuid, key text); Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION workspace.set_llm_model_key(model_id uuid, key text) FROM PUBLIC;


--
-- Name: FUNCTION set_llm_model_key(project_id uuid, model_name text, key text); Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION workspace.set_llm_model_key(project_id uuid, model_name text, key text) FROM PUBLIC;


--
-- Name: FUNCTION set_profile_agent_key(project_id uuid, agent_api_key text); Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION workspace.set_profile_agent_key(project_id uuid, agent_api_key text) FROM PUBLIC;


--
-- Name: FUNCTION staging_table(job_id uuid); Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION workspace.staging_table(job_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION workspace.staging_table(job_id uuid) TO neuronplane_worker;


--
-- Name: FUNCTION start_ingest(project_id uuid, dataset_name text, source_type text, source jsonb, format text, options jsonb, embedding jsonb, index_config jsonb, credentials jsonb, if_exists text); Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION workspace.start_ingest(project_id uuid, dataset_name text, source_type text, source jsonb, format text, options jsonb, embedding jsonb, index_config jsonb, credentials jsonb, if_exists text) FROM PUBLIC;


--
-- Name: FUNCTION stop_ingest_worker(worker_id uuid); Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION workspace.stop_ingest_worker(worker_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION workspace.stop_ingest_worker(worker_id uuid) TO neuronplane_worker;


--
-- Name: FUNCTION store_llm_model_key(model workspace.llm_models, key text); Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION workspace.store_llm_model_key(model workspace.llm_models, key text) FROM PUBLIC;


--
-- Name: FUNCTION store_project_agent_key(project_id uuid, key text); Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION workspace.store_project_agent_key(project_id uuid, key text) FROM PUBLIC;


--
-- Name: FUNCTION tg_datasets__drop_table(); Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION workspace.tg_datasets__drop_table() FROM PUBLIC;


--
-- Name: FUNCTION tg_ingest_jobs__trace(); Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION workspace.tg_ingest_jobs__trace() FROM PUBLIC;


--
-- Name: FUNCTION tg_llm_models__audit(); Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION workspace.tg_llm_models__audit() FROM PUBLIC;


--
-- Name: FUNCTION tg_llm_models__check(); Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION workspace.tg_llm_models__check() FROM PUBLIC;


--
-- Name: FUNCTION tg_llm_models__created_by(); Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

REVOKE ALL ON FUNCTION workspace.tg_llm_models__created_by() FROM PUBLIC;


--
-- Name: FUNCTION max(extensions.citext); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.max(extensions.citext) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.max(extensions.citext) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.max(extensions.citext) TO anon;
GRANT ALL ON FUNCTION extensions.max(extensions.citext) TO authenticated;
GRANT ALL ON FUNCTION extensions.max(extensions.citext) TO service;
GRANT ALL ON FUNCTION extensions.max(extensions.citext) TO neuronplane_worker;


--
-- Name: FUNCTION min(extensions.citext); Type: ACL; Schema: extensions; Owner: postgres
--

REVOKE ALL ON FUNCTION extensions.min(extensions.citext) FROM PUBLIC;
GRANT ALL ON FUNCTION extensions.min(extensions.citext) TO neuronplane_owner;
GRANT ALL ON FUNCTION extensions.min(extensions.citext) TO anon;
GRANT ALL ON FUNCTION extensions.min(extensions.citext) TO authenticated;
GRANT ALL ON FUNCTION extensions.min(extensions.citext) TO service;
GRANT ALL ON FUNCTION extensions.min(extensions.citext) TO neuronplane_worker;


--
-- Name: TABLE agents; Type: ACL; Schema: identity; Owner: neuronplane_owner
--

GRANT SELECT,DELETE ON TABLE identity.agents TO authenticated;
GRANT SELECT,DELETE ON TABLE identity.agents TO service;


--
-- Name: COLUMN agents.project_id; Type: ACL; Schema: identity; Owner: neuronplane_owner
--

GRANT INSERT(project_id) ON TABLE identity.agents TO authenticated;
GRANT INSERT(project_id) ON TABLE identity.agents TO service;


--
-- Name: COLUMN agents.name; Type: ACL; Schema: identity; Owner: neuronplane_owner
--

GRANT INSERT(name),UPDATE(name) ON TABLE identity.agents TO authenticated;
GRANT INSERT(name),UPDATE(name) ON TABLE identity.agents TO service;


--
-- Name: TABLE agents; Type: ACL; Schema: api; Owner: neuronplane_owner
--

GRANT SELECT,DELETE ON TABLE api.agents TO authenticated;
GRANT SELECT,DELETE ON TABLE api.agents TO service;


--
-- Name: COLUMN agents.project_id; Type: ACL; Schema: api; Owner: neuronplane_owner
--

GRANT INSERT(project_id) ON TABLE api.agents TO authenticated;
GRANT INSERT(project_id) ON TABLE api.agents TO service;


--
-- Name: COLUMN agents.name; Type: ACL; Schema: api; Owner: neuronplane_owner
--

GRANT INSERT(name),UPDATE(name) ON TABLE api.agents TO authenticated;
GRANT INSERT(name),UPDATE(name) ON TABLE api.agents TO service;


--
-- Name: TABLE audit_events; Type: ACL; Schema: api; Owner: neuronplane_owner
--

GRANT SELECT ON TABLE api.audit_events TO authenticated;
GRANT SELECT ON TABLE api.audit_events TO service;


--
-- Name: TABLE datasets; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT ON TABLE workspace.datasets TO authenticated;
GRANT SELECT ON TABLE workspace.datasets TO service;


--
-- Name: TABLE dataset_tables; Type: ACL; Schema: api; Owner: neuronplane_owner
--

GRANT SELECT ON TABLE api.dataset_tables TO authenticated;
GRANT SELECT ON TABLE api.dataset_tables TO service;


--
-- Name: TABLE datasets; Type: ACL; Schema: identity; Owner: neuronplane_owner
--

GRANT SELECT,DELETE ON TABLE identity.datasets TO authenticated;
GRANT SELECT,DELETE ON TABLE identity.datasets TO service;


--
-- Name: COLUMN datasets.project_id; Type: ACL; Schema: identity; Owner: neuronplane_owner
--

GRANT INSERT(project_id) ON TABLE identity.datasets TO authenticated;
GRANT INSERT(project_id) ON TABLE identity.datasets TO service;


--
-- Name: COLUMN datasets.name; Type: ACL; Schema: identity; Owner: neuronplane_owner
--

GRANT INSERT(name),UPDATE(name) ON TABLE identity.datasets TO authenticated;
GRANT INSERT(name),UPDATE(name) ON TABLE identity.datasets TO service;


--
-- Name: TABLE datasets; Type: ACL; Schema: api; Owner: neuronplane_owner
--

GRANT SELECT,DELETE ON TABLE api.datasets TO authenticated;
GRANT SELECT,DELETE ON TABLE api.datasets TO service;


--
-- Name: COLUMN datasets.project_id; Type: ACL; Schema: api; Owner: neuronplane_owner
--

GRANT INSERT(project_id) ON TABLE api.datasets TO authenticated;
GRANT INSERT(project_id) ON TABLE api.datasets TO service;


--
-- Name: COLUMN datasets.name; Type: ACL; Schema: api; Owner: neuronplane_owner
--

GRANT INSERT(name),UPDATE(name) ON TABLE api.datasets TO authenticated;
GRANT INSERT(name),UPDATE(name) ON TABLE api.datasets TO service;


--
-- Name: TABLE db_health; Type: ACL; Schema: ops; Owner: neuronplane_owner
--

GRANT SELECT ON TABLE ops.db_health TO authenticated;
GRANT SELECT ON TABLE ops.db_health TO service;


--
-- Name: TABLE db_health; Type: ACL; Schema: api; Owner: neuronplane_owner
--

GRANT SELECT ON TABLE api.db_health TO authenticated;
GRANT SELECT ON TABLE api.db_health TO service;


--
-- Name: TABLE index_health; Type: ACL; Schema: ops; Owner: neuronplane_owner
--

GRANT SELECT ON TABLE ops.index_health TO authenticated;
GRANT SELECT ON TABLE ops.index_health TO service;


--
-- Name: TABLE index_health; Type: ACL; Schema: api; Owner: neuronplane_owner
--

GRANT SELECT ON TABLE api.index_health TO authenticated;
GRANT SELECT ON TABLE api.index_health TO service;


--
-- Name: TABLE tools; Type: ACL; Schema: identity; Owner: neuronplane_owner
--

GRANT SELECT,DELETE ON TABLE identity.tools TO authenticated;
GRANT SELECT,DELETE ON TABLE identity.tools TO service;


--
-- Name: COLUMN tools.project_id; Type: ACL; Schema: identity; Owner: neuronplane_owner
--

GRANT INSERT(project_id) ON TABLE identity.tools TO authenticated;
GRANT INSERT(project_id) ON TABLE identity.tools TO service;


--
-- Name: COLUMN tools.name; Type: ACL; Schema: identity; Owner: neuronplane_owner
--

GRANT INSERT(name),UPDATE(name) ON TABLE identity.tools TO authenticated;
GRANT INSERT(name),UPDATE(name) ON TABLE identity.tools TO service;


--
-- Name: TABLE tools; Type: ACL; Schema: api; Owner: neuronplane_owner
--

GRANT SELECT,DELETE ON TABLE api.tools TO authenticated;
GRANT SELECT,DELETE ON TABLE api.tools TO service;


--
-- Name: COLUMN tools.project_id; Type: ACL; Schema: api; Owner: neuronplane_owner
--

GRANT INSERT(project_id) ON TABLE api.tools TO authenticated;
GRANT INSERT(project_id) ON TABLE api.tools TO service;


--
-- Name: COLUMN tools.name; Type: ACL; Schema: api; Owner: neuronplane_owner
--

GRANT INSERT(name),UPDATE(name) ON TABLE api.tools TO authenticated;
GRANT INSERT(name),UPDATE(name) ON TABLE api.tools TO service;


--
-- Name: TABLE usage_counters; Type: ACL; Schema: ops; Owner: neuronplane_owner
--

GRANT SELECT ON TABLE ops.usage_counters TO authenticated;
GRANT SELECT ON TABLE ops.usage_counters TO service;


--
-- Name: TABLE usage; Type: ACL; Schema: ops; Owner: neuronplane_owner
--

GRANT SELECT ON TABLE ops.usage TO authenticated;
GRANT SELECT ON TABLE ops.usage TO service;


--
-- Name: TABLE usage; Type: ACL; Schema: api; Owner: neuronplane_owner
--

GRANT SELECT ON TABLE api.usage TO authenticated;
GRANT SELECT ON TABLE api.usage TO service;


--
-- Name: TABLE workers; Type: ACL; Schema: ops; Owner: neuronplane_owner
--

GRANT SELECT ON TABLE ops.workers TO authenticated;
GRANT SELECT ON TABLE ops.workers TO service;


--
-- Name: TABLE workers; Type: ACL; Schema: api; Owner: neuronplane_owner
--

GRANT SELECT ON TABLE api.workers TO authenticated;
GRANT SELECT ON TABLE api.workers TO service;


--
-- Name: SEQUENCE jobid_seq; Type: ACL; Schema: cron; Owner: postgres
--

REVOKE SELECT ON SEQUENCE cron.jobid_seq FROM PUBLIC;


--
-- Name: TABLE job; Type: ACL; Schema: cron; Owner: postgres
--

REVOKE SELECT ON TABLE cron.job FROM PUBLIC;
GRANT SELECT ON TABLE cron.job TO neuronplane_monitor;


--
-- Name: SEQUENCE runid_seq; Type: ACL; Schema: cron; Owner: postgres
--

REVOKE SELECT ON SEQUENCE cron.runid_seq FROM PUBLIC;


--
-- Name: TABLE job_run_details; Type: ACL; Schema: cron; Owner: postgres
--

REVOKE SELECT,DELETE ON TABLE cron.job_run_details FROM PUBLIC;
GRANT SELECT ON TABLE cron.job_run_details TO neuronplane_monitor;


--
-- Name: TABLE api_key_roles; Type: ACL; Schema: identity; Owner: neuronplane_owner
--

GRANT SELECT ON TABLE identity.api_key_roles TO authenticated;
GRANT SELECT ON TABLE identity.api_key_roles TO service;


--
-- Name: TABLE permissions; Type: ACL; Schema: identity; Owner: neuronplane_owner
--

GRANT SELECT ON TABLE identity.permissions TO authenticated;
GRANT SELECT ON TABLE identity.permissions TO service;


--
-- Name: TABLE resource_types; Type: ACL; Schema: identity; Owner: neuronplane_owner
--

GRANT SELECT ON TABLE identity.resource_types TO authenticated;
GRANT SELECT ON TABLE identity.resource_types TO service;


--
-- Name: TABLE role_grants; Type: ACL; Schema: identity; Owner: neuronplane_owner
--

GRANT SELECT ON TABLE identity.role_grants TO authenticated;
GRANT SELECT ON TABLE identity.role_grants TO service;


--
-- Name: TABLE roles; Type: ACL; Schema: identity; Owner: neuronplane_owner
--

GRANT SELECT ON TABLE identity.roles TO authenticated;
GRANT SELECT ON TABLE identity.roles TO service;


--
-- Name: TABLE ingest_settings; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT ON TABLE workspace.ingest_settings TO authenticated;
GRANT SELECT ON TABLE workspace.ingest_settings TO service;


--
-- Name: COLUMN ingest_settings.stale_after; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(stale_after) ON TABLE workspace.ingest_settings TO neuronplane_monitor;


--
-- Name: TABLE ingest_workers; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT ON TABLE workspace.ingest_workers TO authenticated;
GRANT SELECT ON TABLE workspace.ingest_workers TO service;


--
-- Name: COLUMN ingest_workers.worker_id; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(worker_id) ON TABLE workspace.ingest_workers TO neuronplane_monitor;


--
-- Name: COLUMN ingest_workers.hostname; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(hostname) ON TABLE workspace.ingest_workers TO neuronplane_monitor;


--
-- Name: COLUMN ingest_workers.pid; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(pid) ON TABLE workspace.ingest_workers TO neuronplane_monitor;


--
-- Name: COLUMN ingest_workers.started_at; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(started_at) ON TABLE workspace.ingest_workers TO neuronplane_monitor;


--
-- Name: COLUMN ingest_workers.heartbeat_at; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(heartbeat_at) ON TABLE workspace.ingest_workers TO neuronplane_monitor;


--
-- Name: COLUMN ingest_workers.current_job_id; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(current_job_id) ON TABLE workspace.ingest_workers TO neuronplane_monitor;


--
-- Name: COLUMN ingest_workers.jobs_done; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(jobs_done) ON TABLE workspace.ingest_workers TO neuronplane_monitor;


--
-- Name: COLUMN ingest_workers.stopped_at; Type: ACL; Schema: workspace; Owner: neuronplane_owner
--

GRANT SELECT(stopped_at) ON TABLE workspace.ingest_workers TO neuronplane_monitor;


--
-- Name: DEFAULT PRIVILEGES FOR FUNCTIONS; Type: DEFAULT ACL; Schema: -; Owner: neuronplane_owner
--

ALTER DEFAULT PRIVILEGES FOR ROLE neuronplane_owner REVOKE ALL ON FUNCTIONS  FROM PUBLIC;


--
-- Name: DEFAULT PRIVILEGES FOR FUNCTIONS; Type: DEFAULT ACL; Schema: -; Owner: postgres
--

ALTER DEFAULT PRIVILEGES FOR ROLE postgres REVOKE ALL ON FUNCTIONS  FROM PUBLIC;


--
-- PostgreSQL database dump complete
--
