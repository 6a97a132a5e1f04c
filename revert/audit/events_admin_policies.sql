-- Revert neuronplane:audit/events_admin_policies from pg

BEGIN;

DROP POLICY events_select_platform_admin ON audit.events;
DROP POLICY events_select_org_admin ON audit.events;

COMMENT ON VIEW api.audit_events IS
$$The audit log, read-only. You see the events you performed (organization and platform administrators see more). Filter with PostgREST operators, e.g. ?occurred_at=gte.2026-11-01&action=eq.auth.login.failed&order=occurred_at.desc&limit=50.$$;

COMMIT;
