-- Deploy neuronplane:api/audit_events to pg
-- requires: audit/events
-- requires: identity/current_principal

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- Everyone sees the events they performed. Organization owners and admins (their org's
-- events) and platform admins (all events) get their own policies with the identity
-- tables that define those roles; permissive policies add up.
CREATE POLICY events_select_own ON audit.events
    FOR SELECT
    TO authenticated, service
    USING (principal_id = (SELECT identity.current_principal_id()));

GRANT USAGE ON SCHEMA audit TO authenticated, service;
GRANT SELECT ON audit.events TO authenticated, service;

CREATE VIEW api.audit_events WITH (security_invoker = true) AS
SELECT e.id, e.occurred_at, e.principal_id, e.principal_type, e.org_id, e.project_id,
       e.action, e.resource_type, e.resource_id, e.outcome, e.ip, e.user_agent,
       e.request_id, e.details
  FROM audit.events e;

COMMENT ON VIEW api.audit_events IS
$$The audit log, read-only. You see the events you performed (organization and platform administrators see more). Filter with PostgREST operators, e.g. ?occurred_at=gte.2026-11-01&action=eq.auth.login.failed&order=occurred_at.desc&limit=50.$$;
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

COMMIT;
