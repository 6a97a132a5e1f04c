-- Deploy neuronplane:identity/organizations to pg
-- requires: identity/principals
-- requires: extensions

BEGIN;

SET LOCAL ROLE neuronplane_owner;

CREATE TABLE identity.organizations (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    principal_type text NOT NULL DEFAULT 'org' CHECK (principal_type = 'org'),
    name           text NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 200),
    -- Unique whatever the case: "Acme" and "acme" are the same organization.
    slug           extensions.citext NOT NULL UNIQUE
                   CHECK (slug::text ~ '^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$'),
    metadata       jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(metadata) = 'object'),
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (id, principal_type) REFERENCES identity.principals (id, type)
);
COMMENT ON TABLE identity.organizations IS
    'Organizations: they own projects and service accounts and have members. Each has a principal with the same id.';

ALTER TABLE identity.organizations ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

CREATE TRIGGER organizations_set_updated_at BEFORE UPDATE ON identity.organizations
    FOR EACH ROW EXECUTE FUNCTION internal.tg_set_updated_at();
CREATE TRIGGER organizations_principal_insert BEFORE INSERT ON identity.organizations
    FOR EACH ROW EXECUTE FUNCTION identity.tg_entity__sync_principal('org', 'name');
CREATE TRIGGER organizations_principal_update AFTER UPDATE ON identity.organizations
    FOR EACH ROW EXECUTE FUNCTION identity.tg_entity__sync_principal('org', 'name');
CREATE TRIGGER organizations_principal_delete AFTER DELETE ON identity.organizations
    FOR EACH ROW EXECUTE FUNCTION identity.tg_entity__sync_principal('org', 'name');

COMMIT;
