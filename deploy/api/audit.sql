-- Deploy neuronplane:api/audit to pg

BEGIN;

-- Endpoints: each is a thin wrapper over the area function that holds its rule, and the only
-- thing the API roles may call. SECURITY DEFINER, so that the area functions need no grant
-- to any API role; every area function runs as neuronplane_owner either way.

SET LOCAL ROLE neuronplane_owner;

GRANT USAGE ON SCHEMA audit TO authenticated, service;
GRANT SELECT ON audit.events TO authenticated, service;

CREATE VIEW api.audit_events WITH (security_invoker = true) AS
SELECT e.id, e.occurred_at, e.principal_id, e.principal_type, e.org_id, e.project_id,
       e.action, e.resource_type, e.resource_id, e.outcome, e.ip, e.user_agent,
       e.request_id, e.details
  FROM audit.events e;

COMMENT ON VIEW api.audit_events IS
$$The audit log, read-only. You see the events you performed; whoever may read an organization's audit log (its owners and admins, and any role or policy granting audit read) sees its events; platform administrators see all. Filter with PostgREST operators, e.g. ?occurred_at=gte.2026-11-01&action=eq.auth.login.failed&order=occurred_at.desc&limit=50.$$;
COMMENT ON COLUMN api.audit_events.id IS 'Event number, increasing with time of insertion.';
COMMENT ON COLUMN api.audit_events.occurred_at IS 'When the event was recorded (server clock).';
COMMENT ON COLUMN api.audit_events.principal_id IS 'Who acted; null for anonymous callers.';
COMMENT ON COLUMN api.audit_events.principal_type IS 'user, org, agent, tool, dataset or service_account.';
COMMENT ON COLUMN api.audit_events.org_id IS 'The organization the event belongs to, if any.';
COMMENT ON COLUMN api.audit_events.project_id IS 'The project (profile) the event belongs to, if any.';
COMMENT ON COLUMN api.audit_events.action IS 'What happened, from the action catalogue (e.g. auth.login.failed).';
COMMENT ON COLUMN api.audit_events.resource_type IS 'The kind of object acted upon (e.g. api_key, project).';
COMMENT ON COLUMN api.audit_events.resource_id IS 'The object acted upon.';
COMMENT ON COLUMN api.audit_events.outcome IS 'success, failure or denied.';
COMMENT ON COLUMN api.audit_events.ip IS 'Client address, when known.';
COMMENT ON COLUMN api.audit_events.user_agent IS 'Client user agent, when known.';
COMMENT ON COLUMN api.audit_events.request_id IS 'The request''s X-Request-Id, when given.';
COMMENT ON COLUMN api.audit_events.details IS 'More about the event; never contains secrets.';

GRANT SELECT ON api.audit_events TO authenticated, service;

CREATE FUNCTION api.verify_audit(from_time timestamptz DEFAULT '-infinity',
                                 to_time timestamptz DEFAULT 'infinity')
RETURNS TABLE (ok boolean, event_id bigint, occurred_at timestamptz, problem text)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT * FROM audit.verify_audit(from_time, to_time)
$$;
COMMENT ON FUNCTION api.verify_audit(timestamptz, timestamptz) IS
$$Platform administrators: verify the audit log's hash chains for the months overlapping [from_time, to_time) (default: everything). One row: ok = true, or the first event whose content or link does not match, with the problem. Events recorded in the last minute may not be sealed yet. GET /rpc/verify_audit?from_time=2026-11-01$$;

GRANT EXECUTE ON FUNCTION api.verify_audit(timestamptz, timestamptz) TO authenticated, service;

RESET ROLE;

COMMIT;
