-- Deploy neuronplane:audit/record to pg

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

-- The client's address from a PostgREST request's headers: with one trusted proxy, the
-- last address it appended to audit.settings.trusted_proxy_header; NULL without one.
CREATE FUNCTION audit.client_ip(headers jsonb)
RETURNS inet
LANGUAGE plpgsql
STABLE
PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
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
COMMENT ON FUNCTION audit.client_ip(jsonb) IS
    'The client address in PostgREST request headers, per audit.settings.trusted_proxy_header.';

-- The one way to write an audit event.
-- SECURITY DEFINER: no role may insert into audit.events directly; this function checks
-- the action against the catalogue, fills in request metadata and redacts secrets.
-- It is on every login's path and PL/pgSQL prepares its expressions again in every
-- transaction, so the common path is short: one validity test, no query but the INSERT
-- (the catalogue check is compiled, settings are read only when they matter).
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
$$;
COMMENT ON FUNCTION audit.record(text, text, text, text, jsonb, uuid, text, uuid, uuid, inet, text, text) IS
    'Append an audit event and return its id. action must be in audit.actions; ip, user_agent and request_id default to the PostgREST request''s headers (ip from audit.settings.trusted_proxy_header) or, for direct SQL clients, the connection''s address. Secret-named keys in details are redacted.';

GRANT USAGE ON SCHEMA audit TO neuronplane_worker;
GRANT EXECUTE ON FUNCTION audit.record(text, text, text, text, jsonb, uuid, text, uuid, uuid, inet, text, text)
   TO neuronplane_worker;

RESET ROLE;

COMMIT;
