-- Deploy neuronplane:identity/service_accounts to pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- Machine identities for service-to-service calls. They get rights only through explicit
-- policies, never through an organization membership.
CREATE TABLE identity.service_accounts (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    principal_type text NOT NULL DEFAULT 'service_account' CHECK (principal_type = 'service_account'),
    name           text NOT NULL CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$'),
    org_id         uuid REFERENCES identity.organizations (id) ON DELETE CASCADE,
    project_id     uuid REFERENCES identity.projects (id) ON DELETE CASCADE,
    description    text CHECK (length(description) <= 2000),
    disabled_at    timestamptz,
    metadata       jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(metadata) = 'object'),
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (id, principal_type) REFERENCES identity.principals (id, type)
);
COMMENT ON TABLE identity.service_accounts IS
    'Service accounts: principals for service-to-service calls, in an organization and/or a project. Rights only through explicit policies.';

CREATE UNIQUE INDEX service_accounts_name_key
    ON identity.service_accounts (coalesce(project_id, org_id), lower(name)) NULLS NOT DISTINCT;
CREATE INDEX service_accounts_org_idx ON identity.service_accounts (org_id);
CREATE INDEX service_accounts_project_idx ON identity.service_accounts (project_id);

ALTER TABLE identity.service_accounts ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

CREATE TRIGGER service_accounts_set_updated_at BEFORE UPDATE ON identity.service_accounts
    FOR EACH ROW EXECUTE FUNCTION internal.tg_set_updated_at();
CREATE TRIGGER service_accounts_principal_insert BEFORE INSERT ON identity.service_accounts
    FOR EACH ROW EXECUTE FUNCTION identity.tg_entity__sync_principal('service_account', 'name');
CREATE TRIGGER service_accounts_principal_update AFTER UPDATE ON identity.service_accounts
    FOR EACH ROW EXECUTE FUNCTION identity.tg_entity__sync_principal('service_account', 'name');
CREATE TRIGGER service_accounts_principal_delete AFTER DELETE ON identity.service_accounts
    FOR EACH ROW EXECUTE FUNCTION identity.tg_entity__sync_principal('service_account', 'name');
CREATE TRIGGER service_accounts_scope AFTER INSERT OR UPDATE OR DELETE ON identity.service_accounts
    FOR EACH ROW EXECUTE FUNCTION identity.tg_resource__scope('service_account');

RESET ROLE;

COMMIT;
