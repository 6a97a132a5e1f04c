-- Deploy neuronplane:audit/events_policies to pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- Permissive policies add up with events_select_own: owners and admins of an
-- organization read its events; platform administrators read every event.
CREATE POLICY events_select_org_admin ON audit.events
    FOR SELECT
    TO authenticated, service
    USING (org_id = ANY ((SELECT identity.permitted_ids((SELECT identity.current_principal_id()),
                                                       'audit', 'read',
                                                       (SELECT identity.current_api_key_id())))::uuid[]));

CREATE POLICY events_select_platform_admin ON audit.events
    FOR SELECT
    TO authenticated, service
    USING ((SELECT identity.is_platform_admin((SELECT identity.current_principal_id()))));


-- An organization's events are read by whoever may read its audit log: its owners and
-- admins by their role's grant, and any other role or policy granting audit read.


-- Everyone sees the events they performed. Organization owners and admins (their org's
-- events) and platform admins (all events) get their own policies with the identity
-- tables that define those roles; permissive policies add up.
CREATE POLICY events_select_own ON audit.events
    FOR SELECT
    TO authenticated, service
    USING (principal_id = (SELECT identity.current_principal_id()));

RESET ROLE;

COMMIT;
