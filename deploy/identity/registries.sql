-- Deploy neuronplane:identity/registries to pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- Minimal registries of the project resources NeuronAgent and NeuronMCP act as or on:
-- agents, tools and datasets. Each is a principal (it can be granted rights and act) and
-- a resource of its project (rights on the project reach it).
CREATE TABLE identity.agents (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    principal_type text NOT NULL DEFAULT 'agent' CHECK (principal_type = 'agent'),
    project_id     uuid NOT NULL REFERENCES identity.projects (id) ON DELETE CASCADE,
    name           text NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 200),
    disabled_at    timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (id, principal_type) REFERENCES identity.principals (id, type)
);
COMMENT ON TABLE identity.agents IS 'Agents of a project (NeuronAgent); each is also a principal.';

CREATE TABLE identity.tools (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    principal_type text NOT NULL DEFAULT 'tool' CHECK (principal_type = 'tool'),
    project_id     uuid NOT NULL REFERENCES identity.projects (id) ON DELETE CASCADE,
    name           text NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 200),
    disabled_at    timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (id, principal_type) REFERENCES identity.principals (id, type)
);
COMMENT ON TABLE identity.tools IS 'Tools of a project (NeuronMCP); each is also a principal.';

CREATE TABLE identity.datasets (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    principal_type text NOT NULL DEFAULT 'dataset' CHECK (principal_type = 'dataset'),
    project_id     uuid NOT NULL REFERENCES identity.projects (id) ON DELETE CASCADE,
    name           text NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 200),
    disabled_at    timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (id, principal_type) REFERENCES identity.principals (id, type)
);
COMMENT ON TABLE identity.datasets IS 'Datasets of a project; each is also a principal.';

CREATE UNIQUE INDEX agents_project_name_key ON identity.agents (project_id, lower(name));
CREATE UNIQUE INDEX tools_project_name_key ON identity.tools (project_id, lower(name));
CREATE UNIQUE INDEX datasets_project_name_key ON identity.datasets (project_id, lower(name));

ALTER TABLE identity.agents ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE identity.tools ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE identity.datasets ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

CREATE TRIGGER agents_set_updated_at BEFORE UPDATE ON identity.agents
    FOR EACH ROW EXECUTE FUNCTION internal.tg_set_updated_at();
CREATE TRIGGER agents_principal_insert BEFORE INSERT ON identity.agents
    FOR EACH ROW EXECUTE FUNCTION identity.tg_entity__sync_principal('agent', 'name');
CREATE TRIGGER agents_principal_update AFTER UPDATE ON identity.agents
    FOR EACH ROW EXECUTE FUNCTION identity.tg_entity__sync_principal('agent', 'name');
CREATE TRIGGER agents_principal_delete AFTER DELETE ON identity.agents
    FOR EACH ROW EXECUTE FUNCTION identity.tg_entity__sync_principal('agent', 'name');
CREATE TRIGGER agents_scope AFTER INSERT OR UPDATE OR DELETE ON identity.agents
    FOR EACH ROW EXECUTE FUNCTION identity.tg_resource__scope('agent');

CREATE TRIGGER tools_set_updated_at BEFORE UPDATE ON identity.tools
    FOR EACH ROW EXECUTE FUNCTION internal.tg_set_updated_at();
CREATE TRIGGER tools_principal_insert BEFORE INSERT ON identity.tools
    FOR EACH ROW EXECUTE FUNCTION identity.tg_entity__sync_principal('tool', 'name');
CREATE TRIGGER tools_principal_update AFTER UPDATE ON identity.tools
    FOR EACH ROW EXECUTE FUNCTION identity.tg_entity__sync_principal('tool', 'name');
CREATE TRIGGER tools_principal_delete AFTER DELETE ON identity.tools
    FOR EACH ROW EXECUTE FUNCTION identity.tg_entity__sync_principal('tool', 'name');
CREATE TRIGGER tools_scope AFTER INSERT OR UPDATE OR DELETE ON identity.tools
    FOR EACH ROW EXECUTE FUNCTION identity.tg_resource__scope('tool');

CREATE TRIGGER datasets_set_updated_at BEFORE UPDATE ON identity.datasets
    FOR EACH ROW EXECUTE FUNCTION internal.tg_set_updated_at();
CREATE TRIGGER datasets_principal_insert BEFORE INSERT ON identity.datasets
    FOR EACH ROW EXECUTE FUNCTION identity.tg_entity__sync_principal('dataset', 'name');
CREATE TRIGGER datasets_principal_update AFTER UPDATE ON identity.datasets
    FOR EACH ROW EXECUTE FUNCTION identity.tg_entity__sync_principal('dataset', 'name');
CREATE TRIGGER datasets_principal_delete AFTER DELETE ON identity.datasets
    FOR EACH ROW EXECUTE FUNCTION identity.tg_entity__sync_principal('dataset', 'name');
CREATE TRIGGER datasets_scope AFTER INSERT OR UPDATE OR DELETE ON identity.datasets
    FOR EACH ROW EXECUTE FUNCTION identity.tg_resource__scope('dataset');

RESET ROLE;

COMMIT;
