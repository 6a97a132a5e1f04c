-- Deploy neuronplane:identity/catalogue to pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

CREATE TABLE identity.permissions (
    name        text PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9_]{0,62}$'),
    description text NOT NULL
);
COMMENT ON TABLE identity.permissions IS
    'What can be done to a resource. "admin" implies every other permission: a grant of admin grants each of them, a deny of any of them denies admin.';

-- 'audit' names an organization's audit log: its resources are organizations.
CREATE TABLE identity.resource_types (
    name                text PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9_]{0,62}$'),
    scope_type          text NOT NULL
                        CHECK (scope_type IN ('org', 'project', 'agent', 'tool', 'dataset', 'model',
                                              'service_account', 'api_key')),
    inherits_admin_only boolean NOT NULL DEFAULT false,
    description         text NOT NULL
);
COMMENT ON TABLE identity.resource_types IS
    'The types rights are granted on. scope_type: the kind of identity.resource_scopes row that stands for a resource of the type. inherits_admin_only: a policy on an enclosing organization or project reaches resources of this type only when it grants admin or denies.';

CREATE TABLE identity.roles (
    name        text PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9_]{0,62}$'),
    description text NOT NULL
);
COMMENT ON TABLE identity.roles IS
    'Organization roles a membership can hold. What each grants is in identity.role_grants; adding a role is an INSERT into both.';

CREATE TABLE identity.role_grants (
    role          text NOT NULL REFERENCES identity.roles (name) ON UPDATE CASCADE ON DELETE CASCADE,
    resource_type text NOT NULL REFERENCES identity.resource_types (name) ON UPDATE CASCADE,
    permission    text NOT NULL REFERENCES identity.permissions (name) ON UPDATE CASCADE,
    PRIMARY KEY (role, resource_type, permission)
);
COMMENT ON TABLE identity.role_grants IS
    'What an organization role grants, on every resource of the organization of that type.';

-- A key narrows what its principal may do to the union of its roles' permissions.
CREATE TABLE identity.api_key_roles (
    role       text NOT NULL CHECK (role ~ '^[a-z][a-z0-9_]{0,62}$'),
    permission text NOT NULL REFERENCES identity.permissions (name) ON UPDATE CASCADE,
    PRIMARY KEY (role, permission)
);
COMMENT ON TABLE identity.api_key_roles IS
    'The permissions an API key with this role lets through (whatever the resource type). A key never adds a right its principal lacks.';

INSERT INTO identity.permissions (name, description) VALUES
    ('read',    'See the resource.'),
    ('write',   'Change the resource, or create resources inside it.'),
    ('execute', 'Run the resource (an agent, a tool, a model).'),
    ('admin',   'Everything, including granting rights and deleting.');

INSERT INTO identity.resource_types (name, scope_type, inherits_admin_only, description) VALUES
    ('org',             'org',             false, 'An organization and everything in it.'),
    ('project',         'project',         false, 'A project (the desktop''s profile) and what it holds.'),
    ('agent',           'agent',           false, 'An agent registered in a project.'),
    ('tool',            'tool',            false, 'A tool registered in a project.'),
    ('dataset',         'dataset',         false, 'A dataset registered in a project.'),
    ('model',           'model',           false, 'An LLM model configuration of a project.'),
    ('service_account', 'service_account', true,  'A service account.'),
    ('api_key',         'api_key',         true,  'An API key.'),
    ('audit',           'org',             true,  'The audit log of an organization (its id is the organization''s).');

INSERT INTO identity.roles (name, description) VALUES
    ('owner',  'Everything in the organization; only owners make owners.'),
    ('admin',  'Everything in the organization.'),
    ('member', 'Reads, writes and executes what the organization holds; not its service accounts, API keys or audit log.'),
    ('viewer', 'Reads what the organization holds; not its service accounts, API keys or audit log.');

INSERT INTO identity.role_grants (role, resource_type, permission)
SELECT r.role, t.name, r.permission
  FROM identity.resource_types t
 CROSS JOIN (VALUES ('owner', 'admin'), ('admin', 'admin')) r (role, permission)
UNION ALL
SELECT r.role, t.name, r.permission
  FROM identity.resource_types t
 CROSS JOIN (VALUES ('member', 'read'), ('member', 'write'), ('member', 'execute'),
                    ('viewer', 'read')) r (role, permission)
 WHERE NOT t.inherits_admin_only;

INSERT INTO identity.api_key_roles (role, permission) VALUES
    ('admin', 'admin'),
    ('member', 'read'), ('member', 'write'), ('member', 'execute'),
    ('service', 'read'), ('service', 'execute'),
    ('viewer', 'read');

ALTER TABLE identity.permissions ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE identity.resource_types ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE identity.roles ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE identity.role_grants ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE identity.api_key_roles ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

-- The catalogue is public knowledge inside the platform; only its owner changes it.
CREATE POLICY permissions_select ON identity.permissions FOR SELECT TO authenticated, service USING (true);
CREATE POLICY resource_types_select ON identity.resource_types FOR SELECT TO authenticated, service USING (true);
CREATE POLICY roles_select ON identity.roles FOR SELECT TO authenticated, service USING (true);
CREATE POLICY role_grants_select ON identity.role_grants FOR SELECT TO authenticated, service USING (true);
CREATE POLICY api_key_roles_select ON identity.api_key_roles FOR SELECT TO authenticated, service USING (true);
GRANT SELECT ON identity.permissions, identity.resource_types, identity.roles,
                identity.role_grants, identity.api_key_roles
   TO authenticated, service;

RESET ROLE;

COMMIT;
