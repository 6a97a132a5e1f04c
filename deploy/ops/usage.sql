-- Deploy neuronplane:ops/usage to pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- Usage per project and UTC day, one row per API key (api_key_id NULL: reported without a
-- key). Requests and errors come from what the request path already counts for API keys
-- (auth.api_key_request_counts, auth.api_key_rejections, through triggers below); LLM
-- calls and tokens from api.record_usage(), which NeuronAgent calls. One row per key keeps
-- the counting as contended as the per-key rate-limit row it follows, no more.
CREATE TABLE ops.usage_counters (
    project_id  uuid NOT NULL REFERENCES identity.projects (id) ON DELETE CASCADE,
    day         date NOT NULL,
    api_key_id  uuid,
    requests    bigint NOT NULL DEFAULT 0 CHECK (requests >= 0),
    errors      bigint NOT NULL DEFAULT 0 CHECK (errors >= 0),
    llm_calls   bigint NOT NULL DEFAULT 0 CHECK (llm_calls >= 0),
    tokens_in   bigint NOT NULL DEFAULT 0 CHECK (tokens_in >= 0),
    tokens_out  bigint NOT NULL DEFAULT 0 CHECK (tokens_out >= 0),
    updated_at  timestamptz NOT NULL DEFAULT now()
) WITH (fillfactor = 70);
COMMENT ON TABLE ops.usage_counters IS
    'Per project, UTC day and API key: requests and errors of API-key requests (from the rate limiter''s counts), LLM calls and tokens (from api.record_usage()).';
CREATE UNIQUE INDEX usage_counters_key ON ops.usage_counters (project_id, day, api_key_id) NULLS NOT DISTINCT;
CREATE INDEX usage_counters_day_idx ON ops.usage_counters (day);

ALTER TABLE ops.usage_counters ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

-- Usage is read by the administrators of a project (organization owners and admins, and
-- those granted admin on it) and platform administrators.
CREATE POLICY usage_counters_select ON ops.usage_counters FOR SELECT TO authenticated, service
    USING ((SELECT identity.is_platform_admin((SELECT identity.current_principal_id())))
           OR project_id = ANY ((SELECT identity.permitted_ids((SELECT identity.current_principal_id()),
                                                              'project', 'admin',
                                                              (SELECT identity.current_api_key_id())))::uuid[]));

-- Add to the counters of a project's day.
CREATE FUNCTION ops.add_usage(project_id uuid, api_key_id uuid, requests bigint DEFAULT 0,
                              errors bigint DEFAULT 0, llm_calls bigint DEFAULT 0,
                              tokens_in bigint DEFAULT 0, tokens_out bigint DEFAULT 0)
RETURNS void
LANGUAGE sql
VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
    INSERT INTO ops.usage_counters AS u (project_id, day, api_key_id, requests, errors, llm_calls,
                                         tokens_in, tokens_out)
    VALUES ($1, (now() AT TIME ZONE 'UTC')::date, $2, $3, $4, $5, $6, $7)
    ON CONFLICT (project_id, day, api_key_id) DO UPDATE
       SET requests = u.requests + excluded.requests, errors = u.errors + excluded.errors,
           llm_calls = u.llm_calls + excluded.llm_calls, tokens_in = u.tokens_in + excluded.tokens_in,
           tokens_out = u.tokens_out + excluded.tokens_out, updated_at = now()
$$;
COMMENT ON FUNCTION ops.add_usage(uuid, uuid, bigint, bigint, bigint, bigint, bigint) IS
    'Add requests, errors, LLM calls and tokens to a project''s counters of today (UTC).';

-- Every count of the rate limiter (auth.count_api_key_request(), on the autonomous
-- connection) for a key of a project: requests it let through are requests, a refusal is
-- an error. For a key above 2,000 requests a minute the limiter hands out batches, which
-- count when handed out (at most limit/1000 per backend a minute may go unused).
-- SECURITY DEFINER: writes ops.usage_counters whoever counts.
CREATE FUNCTION ops.tg_api_key_request_counts__usage()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
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
COMMENT ON FUNCTION ops.tg_api_key_request_counts__usage() IS
    'Trigger: requests let through (and refusals, as errors) of a project''s API key go to ops.usage_counters.';

CREATE TRIGGER api_key_request_counts_usage AFTER INSERT OR UPDATE ON auth.api_key_request_counts
    FOR EACH ROW EXECUTE FUNCTION ops.tg_api_key_request_counts__usage();

-- A refused key (revoked, expired, wrong secret, disabled principal) that names a key of a
-- project is an error of that project.
-- SECURITY DEFINER: writes ops.usage_counters whoever counts.
CREATE FUNCTION ops.tg_api_key_rejections__usage()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
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
$$;
COMMENT ON FUNCTION ops.tg_api_key_rejections__usage() IS
    'Trigger: a refused request naming a project''s API key counts as an error of that project.';

CREATE TRIGGER api_key_rejections_usage AFTER INSERT OR UPDATE ON auth.api_key_rejections
    FOR EACH ROW EXECUTE FUNCTION ops.tg_api_key_rejections__usage();

-- NeuronAgent reports the tokens of its LLM calls for a project it may execute in.
-- SECURITY DEFINER: writes ops.usage_counters after checking execute on the project.
CREATE FUNCTION ops.record_usage(project_id uuid, tokens_in bigint, tokens_out bigint,
                                 llm_calls integer DEFAULT 1, model_id uuid DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
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
COMMENT ON FUNCTION ops.record_usage(uuid,int8,int8,int4,uuid) IS
    'What api.record_usage() does (see its comment there); only that endpoint calls it.';

-- Per project and day, summed over keys.
CREATE VIEW ops.usage WITH (security_invoker = true) AS
SELECT u.project_id, u.day, sum(u.requests)::bigint AS requests, sum(u.errors)::bigint AS errors,
       sum(u.llm_calls)::bigint AS llm_calls, sum(u.tokens_in)::bigint AS tokens_in,
       sum(u.tokens_out)::bigint AS tokens_out, max(u.updated_at) AS updated_at
  FROM ops.usage_counters u
 GROUP BY u.project_id, u.day;
COMMENT ON VIEW ops.usage IS 'Usage per project and UTC day (ops.usage_counters summed over keys).';

GRANT USAGE ON SCHEMA ops TO authenticated, service;
GRANT SELECT ON ops.usage_counters, ops.usage TO authenticated, service;

RESET ROLE;

COMMIT;
