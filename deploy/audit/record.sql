-- Deploy neuronplane:audit/record to pg
-- requires: audit/events

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- Replace the value of every key that names a secret, at any depth. The audit log must
-- never hold a password, token, key or cookie, whatever a caller puts in details.
CREATE FUNCTION audit.redact(details jsonb)
RETURNS jsonb
LANGUAGE plpgsql
IMMUTABLE
PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
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
COMMENT ON FUNCTION audit.redact(jsonb) IS
    'details with the value of every secret-named key (password, token, secret, api_key, cookie, ...) replaced by "[redacted]".';

-- An inet from text, or NULL when the text is not an address (headers are client input).
CREATE FUNCTION audit.try_inet(value text)
RETURNS inet
LANGUAGE plpgsql
IMMUTABLE
PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF value IS NULL OR value !~ '^[0-9A-Fa-f:.]{2,45}$' THEN
        RETURN NULL;
    END IF;
    RETURN value::inet;
EXCEPTION WHEN invalid_text_representation THEN
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION audit.try_inet(text) IS 'text as inet, or NULL when it is not an IP address.';

-- The one way to write an audit event.
-- SECURITY DEFINER: no role may insert into audit.events directly; this function checks
-- the action against the catalogue, fills in request metadata and redacts secrets.
CREATE FUNCTION audit.record(
    action         text,
    outcome        text DEFAULT 'success',
    resource_type  text DEFAULT NULL,
    resource_id    text DEFAULT NULL,
    details        jsonb DEFAULT '{}',
    principal_id   uuid DEFAULT NULL,
    principal_type text DEFAULT NULL,
    org_id         uuid DEFAULT NULL,
    project_id     uuid DEFAULT NULL,
    ip             inet DEFAULT NULL,
    user_agent     text DEFAULT NULL,
    request_id     text DEFAULT NULL
)
RETURNS bigint
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    headers   jsonb;
    proxy     text;
    forwarded text;
    v_details jsonb := coalesce(details, '{}'::jsonb);
    v_ip      inet := ip;
    v_ua      text := user_agent;
    v_req     text := request_id;
    max_bytes integer;
    v_id      bigint;
BEGIN
    IF NOT EXISTS (SELECT FROM audit.actions a WHERE a.action = record.action) THEN
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
    IF jsonb_typeof(v_details) <> 'object' THEN
        RAISE EXCEPTION 'audit details must be a JSON object, not %', jsonb_typeof(v_details)
            USING ERRCODE = '22023';
    END IF;

    -- Request metadata: from PostgREST's headers for API requests, from the connection
    -- for direct SQL clients. What the caller passes wins.
    headers := nullif(current_setting('request.headers', true), '')::jsonb;
    IF headers IS NOT NULL THEN
        IF v_ip IS NULL THEN
            SELECT s.trusted_proxy_header INTO proxy FROM audit.settings s;
            IF proxy IS NOT NULL THEN
                -- With one trusted proxy, the address it saw is the last one it appended.
                forwarded := btrim(split_part(headers ->> proxy, ',',
                    array_length(string_to_array(headers ->> proxy, ','), 1)));
                v_ip := audit.try_inet(forwarded);
            END IF;
        END IF;
        v_ua := coalesce(v_ua, headers ->> 'user-agent');
        v_req := coalesce(v_req, headers ->> 'x-request-id');
    ELSIF v_ip IS NULL THEN
        v_ip := inet_client_addr();
    END IF;

    IF v_details::text ~* '(pass|secret|token|key|authorization|cookie|credential|verifier|dsn|signature)' THEN
        v_details := audit.redact(v_details);
    END IF;
    SELECT s.max_details_bytes INTO max_bytes FROM audit.settings s;
    IF octet_length(v_details::text) > max_bytes THEN
        -- Keep the event; drop the oversized payload, saying so.
        v_details := jsonb_build_object('truncated', true,
                                        'original_bytes', octet_length(v_details::text));
    END IF;

    -- Take a transaction id before drawing the event id: audit.seal() relies on every
    -- event id being drawn by a transaction that its snapshots already see as running.
    PERFORM pg_current_xact_id();
    IF to_regclass(format('audit.events_%s', to_char(audit.month_of(clock_timestamp()), 'YYYY_MM')))
       IS NULL THEN
        PERFORM audit.ensure_partitions();
    END IF;

    INSERT INTO audit.events (occurred_at, principal_id, principal_type, org_id, project_id,
                              action, resource_type, resource_id, outcome, ip, user_agent,
                              request_id, details)
    VALUES (clock_timestamp(), principal_id, principal_type, org_id, project_id,
            action, resource_type, left(resource_id, 256), outcome, v_ip, left(v_ua, 512),
            left(v_req, 128), v_details)
    RETURNING id INTO v_id;
    RETURN v_id;
END
$$;
COMMENT ON FUNCTION audit.record(text, text, text, text, jsonb, uuid, text, uuid, uuid, inet, text, text) IS
    'Append an audit event and return its id. action must be in audit.actions; ip, user_agent and request_id default to the PostgREST request''s headers (ip from audit.settings.trusted_proxy_header) or, for direct SQL clients, the connection''s address. Secret-named keys in details are redacted.';

GRANT USAGE ON SCHEMA audit TO neuronplane_worker;
GRANT EXECUTE ON FUNCTION audit.record(text, text, text, text, jsonb, uuid, text, uuid, uuid, inet, text, text)
   TO neuronplane_worker;

COMMIT;
