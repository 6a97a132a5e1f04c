-- Deploy neuronplane:identity/organizations to pg

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
    FOREIGN KEY (id, principal_type) REFERENCES identity.principals (id, type),
    -- Organizations can be disabled like the other principals; the principal follows the
    -- organization's row (identity.tg_entity__sync_principal reads disabled_at from it).
    disabled_at timestamptz
);
COMMENT ON COLUMN identity.organizations.disabled_at IS
    'When the organization was disabled; as a principal it can then do nothing.';
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



-- Is this principal present, enabled and not expired?
-- SECURITY DEFINER: callable by roles that cannot read principals. PL/pgSQL rather than
-- SQL: a SQL function with SET is never inlined and is planned again at every call, while
-- PL/pgSQL keeps its plan for the session.
CREATE FUNCTION identity.is_active(principal_id uuid)
RETURNS boolean
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN EXISTS (SELECT FROM identity.principals p
                    WHERE p.id = is_active.principal_id AND p.disabled_at IS NULL
                      AND (p.expires_at IS NULL OR p.expires_at > now()));
END
$$;
COMMENT ON FUNCTION identity.is_active(uuid) IS
    'True for a principal that exists, is not disabled and has not expired.';
GRANT EXECUTE ON FUNCTION identity.is_active(uuid) TO authenticated, service, neuronplane_worker;

RESET ROLE;

COMMIT;
