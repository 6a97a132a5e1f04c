-- Deploy neuronplane:audit/project_org to pg
-- requires: audit/events
-- requires: identity/projects

BEGIN;

-- Events about a project were stored with org_id NULL whenever their writer passed only the
-- project (every workspace.ingest.* event), so the organization's owners, who read their
-- organization's events through api.audit_events, never saw them. An event's organization
-- is its project's: set here once, whoever writes the event.

SET LOCAL ROLE neuronplane_owner;

CREATE FUNCTION audit.tg_events__org_from_project()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NEW.org_id IS NULL AND NEW.project_id IS NOT NULL THEN
        NEW.org_id := (SELECT p.org_id FROM identity.projects p WHERE p.id = NEW.project_id);
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION audit.tg_events__org_from_project() IS
    'Trigger: an event that names a project and no organization belongs to the project''s organization (none for a personal project).';

CREATE TRIGGER events_org_from_project BEFORE INSERT ON audit.events
    FOR EACH ROW EXECUTE FUNCTION audit.tg_events__org_from_project();

COMMIT;
