-- Deploy neuronplane:identity/resource_scopes to pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- Where every resource that rights can be granted on sits: its organization, its project
-- and its owning principal. Rights are inherited org -> project -> the project's
-- resources, so identity.has_permission() finds a resource's ancestors with one probe of
-- this table instead of knowing every resource table. Kept by trigger by each resource
-- table; never written by hand. Ids are uuids, unique across all resource tables.
CREATE TABLE identity.resource_scopes (
    resource_id   uuid PRIMARY KEY,
    resource_type text NOT NULL
                  CHECK (resource_type IN ('org', 'project', 'agent', 'tool', 'dataset', 'model',
                                           'service_account', 'api_key')),
    org_id        uuid,
    project_id    uuid,
    -- The principal that owns the resource outright (a personal project's user, an API
    -- key's principal): it holds admin on it.
    owner_id      uuid
);
COMMENT ON TABLE identity.resource_scopes IS
    'Organization, project and owner of every resource, kept by trigger; what has_permission() inherits through.';

CREATE INDEX resource_scopes_org_idx ON identity.resource_scopes (org_id, resource_type);
CREATE INDEX resource_scopes_project_idx ON identity.resource_scopes (project_id, resource_type);
CREATE INDEX resource_scopes_owner_idx ON identity.resource_scopes (owner_id, resource_type);

ALTER TABLE identity.resource_scopes ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

-- Keeps the scope row of a resource. Argument: the resource type. The row's org_id,
-- project_id and owner come from the resource's columns of those names (those it has)
-- and, for a resource inside a project, from the project's own scope row.
-- SECURITY DEFINER: scopes are written by the owner only, whoever changes the resource.
CREATE FUNCTION identity.tg_resource__scope()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    rtype   constant text := TG_ARGV[0];
    r       jsonb;
    v_org   uuid;
    v_proj  uuid;
    v_owner uuid;
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM identity.resource_scopes WHERE resource_id = OLD.id;
        RETURN OLD;
    END IF;
    r := to_jsonb(NEW);
    CASE rtype
    WHEN 'org' THEN
        v_org := NEW.id;
    WHEN 'project' THEN
        v_org := (r ->> 'org_id')::uuid;
        v_proj := NEW.id;
        v_owner := (r ->> 'user_id')::uuid;
    ELSE
        v_proj := (r ->> 'project_id')::uuid;
        v_owner := (r ->> 'principal_id')::uuid;
        -- Inside a project: the project's organization, and its owner unless the
        -- resource has one of its own (an API key belongs to its principal).
        IF v_proj IS NOT NULL THEN
            SELECT s.org_id, coalesce(v_owner, s.owner_id) INTO v_org, v_owner
              FROM identity.resource_scopes s WHERE s.resource_id = v_proj;
        END IF;
        v_org := coalesce((r ->> 'org_id')::uuid, v_org);
        -- An API key of a service account sits in the account's organization.
        IF v_org IS NULL AND v_owner IS NOT NULL THEN
            SELECT s.org_id INTO v_org FROM identity.resource_scopes s WHERE s.resource_id = v_owner;
        END IF;
    END CASE;
    INSERT INTO identity.resource_scopes AS s (resource_id, resource_type, org_id, project_id, owner_id)
    VALUES (NEW.id, rtype, v_org, v_proj, v_owner)
    ON CONFLICT (resource_id) DO UPDATE
       SET org_id = EXCLUDED.org_id, project_id = EXCLUDED.project_id, owner_id = EXCLUDED.owner_id
     WHERE (s.org_id, s.project_id, s.owner_id)
           IS DISTINCT FROM (EXCLUDED.org_id, EXCLUDED.project_id, EXCLUDED.owner_id);
    -- A project that changes organization or owner takes its resources along (an API
    -- key keeps its principal as owner).
    IF rtype = 'project' AND TG_OP = 'UPDATE' THEN
        UPDATE identity.resource_scopes s
           SET org_id = v_org,
               owner_id = CASE WHEN s.resource_type = 'api_key' THEN s.owner_id ELSE v_owner END
         WHERE s.project_id = NEW.id AND s.resource_id <> NEW.id
           AND (s.org_id IS DISTINCT FROM v_org
                OR (s.resource_type <> 'api_key' AND s.owner_id IS DISTINCT FROM v_owner));
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION identity.tg_resource__scope() IS
    'Trigger: keeps identity.resource_scopes in step with a resource table (argument: the resource type).';

CREATE TRIGGER organizations_scope AFTER INSERT OR UPDATE OR DELETE ON identity.organizations
    FOR EACH ROW EXECUTE FUNCTION identity.tg_resource__scope('org');

INSERT INTO identity.resource_scopes (resource_id, resource_type, org_id)
SELECT o.id, 'org', o.id FROM identity.organizations o;

RESET ROLE;

COMMIT;
