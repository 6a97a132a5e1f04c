-- Deploy neuronplane:audit/events_admin_policies to pg
-- requires: api/audit_events
-- requires: identity/admin_checks

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- Permissive policies add up with events_select_own: owners and admins of an
-- organization read its events; platform administrators read every event.
CREATE POLICY events_select_org_admin ON audit.events
    FOR SELECT
    TO authenticated, service
    USING (org_id = ANY ((SELECT identity.admin_org_ids((SELECT identity.current_principal_id())))::uuid[]));

CREATE POLICY events_select_platform_admin ON audit.events
    FOR SELECT
    TO authenticated, service
    USING ((SELECT identity.is_platform_admin((SELECT identity.current_principal_id()))));

COMMENT ON VIEW api.audit_events IS
$$The audit log, read-only. You see the events you performed; owners and admins of an organization also see its events; platform administrators see all. Filter with PostgREST operators, e.g. ?occurred_at=gte.2026-11-01&action=eq.auth.login.failed&order=occurred_at.desc&limit=50.$$;

COMMIT;
