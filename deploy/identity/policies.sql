-- Deploy neuronplane:identity/policies to pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- The unified permissions. A policy gives (or, with effect deny, takes away) one
-- permission to a subject on a resource:
-- * subject: a principal, or with subject_role set, every member of the organization
--   subject_id who has that role;
-- * resource: resource_id, or with resource_id NULL every resource of resource_type in
--   the scope project_id / org_id (both NULL: the whole platform). A policy on an
--   organization or project reaches everything inside it;
-- * permission: read, write, execute or admin; admin implies the other three.
CREATE TABLE identity.policies (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    subject_id    uuid NOT NULL,
    subject_type  text NOT NULL,
    subject_role  text REFERENCES identity.roles (name) ON UPDATE CASCADE,
    resource_type text NOT NULL REFERENCES identity.resource_types (name) ON UPDATE CASCADE,
    resource_id   uuid,
    org_id        uuid REFERENCES identity.organizations (id) ON DELETE CASCADE,
    project_id    uuid REFERENCES identity.projects (id) ON DELETE CASCADE,
    permission    text NOT NULL REFERENCES identity.permissions (name) ON UPDATE CASCADE,
    effect        text NOT NULL DEFAULT 'allow' CHECK (effect IN ('allow', 'deny')),
    expires_at    timestamptz,
    -- Optional conditions. Supported: {"not_before": "<timestamptz>"}, kept in not_before.
    conditions    jsonb CHECK (jsonb_typeof(conditions) = 'object'
                               AND conditions - 'not_before' = '{}'::jsonb),
    not_before    timestamptz,
    -- The organization the policy belongs to (its resource's or scope's), filled by
    -- trigger: that organization's admins see and manage it.
    scope_org_id  uuid,
    created_by    uuid REFERENCES identity.principals (id) ON DELETE SET NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    -- The one id has_permission() looks policies up by: the resource, else the scope,
    -- else the all-zero uuid for platform-wide wildcards.
    anchor_id     uuid NOT NULL GENERATED ALWAYS AS (
                      coalesce(resource_id, project_id, org_id,
                               '00000000-0000-0000-0000-000000000000'::uuid)) STORED,
    FOREIGN KEY (subject_id, subject_type) REFERENCES identity.principals (id, type) ON DELETE CASCADE,
    CONSTRAINT policies_role_subject_check CHECK (subject_role IS NULL OR subject_type = 'org'),
    CONSTRAINT policies_audit_check CHECK (resource_type <> 'audit' OR resource_id IS NULL),
    -- A resource is its own anchor; a wildcard is scoped to one project or one org.
    CONSTRAINT policies_scope_check CHECK (
        (resource_id IS NULL OR (org_id IS NULL AND project_id IS NULL))
        AND (org_id IS NULL OR project_id IS NULL))
);
COMMENT ON TABLE identity.policies IS
    'Unified permissions: allow or deny read/write/execute/admin to a principal (or an org role) on a resource, a wildcard scope or the platform.';

-- One policy per (subject, resource, permission, effect): granting again updates it.
CREATE UNIQUE INDEX policies_identity_key ON identity.policies
    (subject_id, subject_role, resource_type, resource_id, org_id, project_id, permission, effect)
    NULLS NOT DISTINCT;
-- The lookup of has_permission(): a principal's (or an org role's) policies by anchor.
CREATE INDEX policies_lookup_idx ON identity.policies (subject_id, anchor_id)
    INCLUDE (subject_role, resource_type, resource_id, permission, effect, expires_at, not_before);
CREATE INDEX policies_anchor_idx ON identity.policies (anchor_id);
CREATE INDEX policies_scope_org_idx ON identity.policies (scope_org_id);
CREATE INDEX policies_project_idx ON identity.policies (project_id);

ALTER TABLE identity.policies ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

-- Checks what the column constraints cannot: the resource exists and has the stated
-- type; an org-role subject is granted only inside its own organization. Fills
-- scope_org_id and not_before.
-- SECURITY DEFINER: reads resource scopes, which no API role can.
CREATE FUNCTION identity.tg_policies__check()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    scope identity.resource_scopes;
BEGIN
    IF NEW.resource_id IS NOT NULL THEN
        SELECT * INTO scope FROM identity.resource_scopes s WHERE s.resource_id = NEW.resource_id;
        IF NOT FOUND OR scope.resource_type <> NEW.resource_type THEN
            RAISE EXCEPTION 'there is no % with id %', NEW.resource_type, NEW.resource_id
                USING ERRCODE = '23503',
                      HINT = 'Grant on an existing resource, or leave resource_id empty for every resource of the type.';
        END IF;
        NEW.scope_org_id := scope.org_id;
    ELSIF NEW.project_id IS NOT NULL THEN
        SELECT s.org_id INTO NEW.scope_org_id FROM identity.resource_scopes s
         WHERE s.resource_id = NEW.project_id;
    ELSE
        NEW.scope_org_id := NEW.org_id;
    END IF;
    IF NEW.subject_role IS NOT NULL AND NEW.scope_org_id IS DISTINCT FROM NEW.subject_id THEN
        RAISE EXCEPTION 'a policy for the % role of organization % must be on a resource of that organization',
                        NEW.subject_role, NEW.subject_id
            USING ERRCODE = '22023';
    END IF;
    BEGIN
        NEW.not_before := (NEW.conditions ->> 'not_before')::timestamptz;
    EXCEPTION WHEN invalid_datetime_format OR datetime_field_overflow THEN
        RAISE EXCEPTION 'conditions.not_before must be a timestamp with time zone'
            USING ERRCODE = '22007', HINT = 'Example: {"not_before": "2026-12-01T00:00:00Z"}.';
    END;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION identity.tg_policies__check() IS
    'Trigger: a policy''s resource must exist with its type; org-role subjects stay in their org; fills scope_org_id and not_before.';

CREATE TRIGGER policies_check BEFORE INSERT OR UPDATE ON identity.policies
    FOR EACH ROW EXECUTE FUNCTION identity.tg_policies__check();

-- A resource that is deleted takes the policies on it along (ids are never reused, but a
-- stale policy would still show in listings).
-- SECURITY DEFINER: runs when any resource is deleted, by whoever deletes it.
CREATE FUNCTION identity.tg_resource_scopes__drop_policies()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    DELETE FROM identity.policies p WHERE p.resource_id = OLD.resource_id;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION identity.tg_resource_scopes__drop_policies() IS
    'Trigger: deletes the policies on a resource that no longer exists.';

CREATE TRIGGER resource_scopes_drop_policies AFTER DELETE ON identity.resource_scopes
    FOR EACH ROW EXECUTE FUNCTION identity.tg_resource_scopes__drop_policies();


RESET ROLE;

COMMIT;
