-- Deploy neuronplane:audit/project_org to pg

BEGIN;

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

RESET ROLE;

COMMIT;
