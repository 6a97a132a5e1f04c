-- Deploy neuronplane:identity/stored_decisions to pg (reworked after @v0.2.0)
-- requires: identity/stored_decisions@v0.2.0
-- requires: identity/manage
-- requires: api/identity_functions
-- requires: audit/events_admin_policies

BEGIN;

-- Authorization computed on read from one rule source. Roles, what they grant, the
-- permissions, the resource types and the API-key roles are rows; identity.grants() turns
-- them, with memberships, ownership, policies and platform administrators, into the facts
-- that decide; has_permission(), permitted_ids() and explain_permission() read those facts.
-- The stored decisions (identity.decisions, their triggers, epoch row and cron job) go.

DO $do$
BEGIN
    PERFORM cron.unschedule(j.jobid) FROM cron.job j
     WHERE j.jobname = 'neuronplane-identity-decisions';
END
$do$;

SET LOCAL ROLE neuronplane_owner;

DROP TRIGGER policies_decisions_insert ON identity.policies;
DROP TRIGGER policies_decisions_update ON identity.policies;
DROP TRIGGER policies_decisions_delete ON identity.policies;
DROP TRIGGER org_memberships_decisions_insert ON identity.org_memberships;
DROP TRIGGER org_memberships_decisions_update ON identity.org_memberships;
DROP TRIGGER org_memberships_decisions_delete ON identity.org_memberships;
DROP TRIGGER resource_scopes_decisions_insert ON identity.resource_scopes;
DROP TRIGGER resource_scopes_decisions_update ON identity.resource_scopes;
DROP TRIGGER resource_scopes_decisions_delete ON identity.resource_scopes;
DROP TRIGGER principals_decisions_insert ON identity.principals;
DROP TRIGGER principals_decisions_update ON identity.principals;
DROP TRIGGER principals_decisions_delete ON identity.principals;
DROP TRIGGER users_decisions_insert ON identity.users;
DROP TRIGGER users_decisions_update ON identity.users;
DROP FUNCTION identity.tg_policies__decisions();
DROP FUNCTION identity.tg_org_memberships__decisions();
DROP FUNCTION identity.tg_resource_scopes__decisions();
DROP FUNCTION identity.tg_principals__decisions();
DROP FUNCTION identity.tg_users__decisions();
DROP FUNCTION identity.policy_principals(uuid, text);
DROP FUNCTION identity.refresh_decisions_below(uuid[], uuid[]);
DROP FUNCTION identity.decisions_drift();
DROP FUNCTION identity.refresh_stale_decisions();
DROP FUNCTION identity.rebuild_decisions();
DROP FUNCTION identity.refresh_principal_decisions(uuid[]);
DROP FUNCTION identity.computed_principal_decisions(uuid[]);
DROP FUNCTION identity.refresh_decisions(uuid[], uuid[]);
DROP FUNCTION identity.computed_decisions(uuid[], uuid[]);
DROP FUNCTION identity.decisions_turn();
DROP TABLE identity.decisions_epoch;
DROP TABLE identity.decisions;

-- The catalogue -----------------------------------------------------------------------------

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

-- Memberships and policies name catalogue rows instead of fixed lists.
ALTER TABLE identity.org_memberships DROP CONSTRAINT org_memberships_role_check,
    ADD CONSTRAINT org_memberships_role_fkey FOREIGN KEY (role)
        REFERENCES identity.roles (name) ON UPDATE CASCADE;
ALTER TABLE identity.policies DROP CONSTRAINT policies_subject_role_check,
    DROP CONSTRAINT policies_resource_type_check,
    DROP CONSTRAINT policies_permission_check,
    ADD CONSTRAINT policies_subject_role_fkey FOREIGN KEY (subject_role)
        REFERENCES identity.roles (name) ON UPDATE CASCADE,
    ADD CONSTRAINT policies_resource_type_fkey FOREIGN KEY (resource_type)
        REFERENCES identity.resource_types (name) ON UPDATE CASCADE,
    ADD CONSTRAINT policies_permission_fkey FOREIGN KEY (permission)
        REFERENCES identity.permissions (name) ON UPDATE CASCADE;
ALTER TABLE identity.api_keys DROP CONSTRAINT api_keys_roles_check,
    ADD CONSTRAINT api_keys_roles_check
        CHECK (cardinality(roles) BETWEEN 1 AND 4 AND array_position(roles, NULL) IS NULL);

-- An array cannot reference rows: a key's roles are checked by trigger.
-- SECURITY DEFINER: reads identity.api_key_roles whoever writes the key.
CREATE FUNCTION identity.tg_api_keys__check_roles()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF EXISTS (SELECT FROM unnest(NEW.roles) r
                WHERE NOT EXISTS (SELECT FROM identity.api_key_roles k WHERE k.role = r)) THEN
        RAISE EXCEPTION 'roles must be a non-empty subset of {%}',
                        (SELECT string_agg(DISTINCT k.role, ', ') FROM identity.api_key_roles k)
            USING ERRCODE = '22023', HINT = 'API-key roles are the rows of identity.api_key_roles.';
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION identity.tg_api_keys__check_roles() IS
    'Trigger: every role of an API key is a row of identity.api_key_roles.';
CREATE TRIGGER api_keys_check_roles BEFORE INSERT OR UPDATE OF roles ON identity.api_keys
    FOR EACH ROW EXECUTE FUNCTION identity.tg_api_keys__check_roles();

-- The rule source ---------------------------------------------------------------------------

-- The permissions API-key roles let through, from identity.api_key_roles (admin: every
-- permission). PL/pgSQL keeps its plan for the session.
CREATE OR REPLACE FUNCTION identity.key_role_permissions(roles text[])
RETURNS text[]
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN (SELECT coalesce(array_agg(p.name ORDER BY p.name), '{}')
              FROM identity.permissions p
             WHERE EXISTS (SELECT FROM identity.api_key_roles r
                            WHERE r.role = ANY ($1) AND r.permission IN (p.name, 'admin')));
END
$$;
COMMENT ON FUNCTION identity.key_role_permissions(text[]) IS
    'The permissions an API key with these roles lets through (identity.api_key_roles; admin: all).';

-- Who asks, and through what: one row whatever the arguments. subject_ids and
-- subject_roles are whose policies reach the principal: itself (role NULL), and each
-- organization it belongs to with its role there. refusal says why the principal may do
-- nothing (missing, disabled, expired; an unknown type or permission), key_refusal why the
-- key lets nothing through; both NULL when neither refuses. The key's project
-- (key_project_id) still narrows resource by resource, in identity.grants().
-- Plain SQL without SET so that the planner inlines it into its callers.
CREATE FUNCTION identity.authz_context(principal_id uuid, resource_type text, permission text,
                                       api_key_id uuid)
RETURNS TABLE (principal_id uuid, scope_type text, inherits_admin_only boolean,
               is_admin boolean, key_project_id uuid, subject_ids uuid[], subject_roles text[],
               refusal text, key_refusal text)
LANGUAGE sql
STABLE
AS $$
    SELECT pr.id, t.scope_type, t.inherits_admin_only, coalesce(u.is_admin, false), k.project_id,
           pr.id || coalesce(ms.org_ids, '{}'), NULL::text || coalesce(ms.roles, '{}'),
           CASE WHEN pr.id IS NULL THEN 'no such principal'
                WHEN pr.disabled_at IS NOT NULL THEN format('disabled at %s', pr.disabled_at)
                WHEN pr.expires_at <= now() THEN format('expired at %s', pr.expires_at)
                WHEN t.name IS NULL THEN format('no resource type %s', coalesce(a.resource_type, 'null'))
                WHEN perm.name IS NULL THEN format('no permission %s', coalesce(a.permission, 'null'))
           END,
           CASE WHEN a.api_key_id IS NULL THEN NULL
                WHEN k.id IS NULL THEN 'no such API key'
                WHEN k.principal_id IS DISTINCT FROM pr.id THEN 'the key belongs to another principal'
                WHEN k.revoked_at IS NOT NULL THEN format('revoked at %s', k.revoked_at)
                WHEN k.expires_at <= now() THEN format('expired at %s', k.expires_at)
                WHEN a.permission IS NULL OR NOT a.permission = ANY (identity.key_role_permissions(k.roles))
                     THEN format('roles %s do not include %s', k.roles, coalesce(a.permission, 'null'))
           END
      FROM (VALUES ($1, $2, $3, $4)) AS a (principal_id, resource_type, permission, api_key_id)
      LEFT JOIN identity.principals pr ON pr.id = a.principal_id
      LEFT JOIN identity.users u ON u.id = a.principal_id
      LEFT JOIN identity.resource_types t ON t.name = a.resource_type
      LEFT JOIN identity.permissions perm ON perm.name = a.permission
      LEFT JOIN identity.api_keys k ON k.id = a.api_key_id
      LEFT JOIN LATERAL (SELECT array_agg(m.org_id ORDER BY m.org_id) AS org_ids,
                                array_agg(m.role ORDER BY m.org_id) AS roles
                           FROM identity.org_memberships m WHERE m.user_id = pr.id) ms ON true
$$;
COMMENT ON FUNCTION identity.authz_context(uuid, text, text, uuid) IS
    'The asking principal and key as authorization sees them: platform admin, the key''s project, the subjects whose policies reach it (itself, and each organization with its role there), and why either refuses everything (NULL: neither does).';

-- Does one policy bear on a question about a resource? Its permission (admin implies every
-- other; any deny denies admin), its time window, its reach (a policy on a named resource
-- or an enclosing one; a wildcard of the type, of organizations, or of projects for a
-- resource in a project) and the types that inherit only admin grants and denies.
-- The anchor (which resource, project, organization or platform) is matched by the caller.
-- One expression without SET, so that the planner inlines it.
CREATE FUNCTION identity.policy_applies(effect text, permission text, resource_type text,
                                        resource_id uuid, expires_at timestamptz,
                                        not_before timestamptz, asked_type text,
                                        asked_permission text, inherits_admin_only boolean,
                                        in_project boolean)
RETURNS boolean
LANGUAGE sql
STABLE
AS $$
    SELECT (permission = asked_permission OR permission = 'admin'
            OR (asked_permission = 'admin' AND effect = 'deny'))
       AND (expires_at IS NULL OR expires_at > now())
       AND (not_before IS NULL OR not_before <= now())
       AND (resource_id IS NOT NULL OR resource_type = asked_type OR resource_type = 'org'
            OR (resource_type = 'project' AND in_project))
       AND (resource_type = asked_type OR effect = 'deny' OR permission = 'admin'
            OR NOT inherits_admin_only)
$$;
COMMENT ON FUNCTION identity.policy_applies(text, text, text, uuid, timestamptz, timestamptz, text, text, boolean, boolean) IS
    'Whether a policy with these columns bears on asked_permission over a resource of asked_type it is anchored above.';

-- The one rule source: every fact that bears on the principal holding the permission on a
-- resource of the type, one row per fact and resource (resource_id NULL: every resource of
-- the type, the platform); identity.decide() turns a resource's facts into the decision.
-- Facts: platform administrator (override); ownership and an organization role's grants
-- (allow); policies of the principal and of its roles, anchored on the resource, its
-- project, its organization or the platform (allow or deny). A refused principal or key
-- yields nothing; a key's project keeps only the resources inside it. Plain SQL without
-- SET, inlined into each caller: a listing runs from the principal's memberships,
-- ownerships and policies, a question about one resource by index probes around it.
CREATE FUNCTION identity.grants(principal_id uuid, resource_type text, permission text,
                                api_key_id uuid DEFAULT NULL)
RETURNS TABLE (resource_id uuid, effect text, permission text, source text, source_id uuid)
LANGUAGE sql
STABLE
AS $$
    SELECT f.resource_id, f.effect, f.permission, f.source, f.source_id
      FROM identity.authz_context($1, $2, $3, $4) c
     CROSS JOIN LATERAL (
            SELECT s.resource_id, s.project_id, 'override', 'admin', 'platform_admin', c.principal_id
              FROM identity.resource_scopes s
             WHERE c.is_admin AND s.resource_type = c.scope_type
            UNION ALL
            SELECT NULL, NULL, 'override', 'admin', 'platform_admin', c.principal_id
             WHERE c.is_admin
            UNION ALL
            SELECT s.resource_id, s.project_id, 'allow', 'admin', 'owner', s.owner_id
              FROM identity.resource_scopes s
             WHERE s.owner_id = c.principal_id AND s.resource_type = c.scope_type
            UNION ALL
            SELECT s.resource_id, s.project_id, 'allow', g.permission, 'membership', m.org_id
              FROM identity.org_memberships m
              JOIN identity.role_grants g ON g.role = m.role
              JOIN identity.resource_scopes s ON s.org_id = m.org_id
             WHERE m.user_id = c.principal_id AND s.resource_type = c.scope_type
               AND g.resource_type = $2 AND g.permission IN ($3, 'admin')
            UNION ALL
            SELECT s.resource_id, s.project_id, p.effect, p.permission, 'policy', p.id
              FROM identity.policies p
              JOIN identity.resource_scopes s ON s.resource_id = p.anchor_id
             WHERE p.subject_id = ANY (c.subject_ids)
               AND p.subject_role IS NOT DISTINCT FROM c.subject_roles[array_position(c.subject_ids, p.subject_id)]
               AND s.resource_type = c.scope_type
               AND identity.policy_applies(p.effect, p.permission, p.resource_type, p.resource_id,
                                           p.expires_at, p.not_before, $2, $3,
                                           c.inherits_admin_only, s.project_id IS NOT NULL)
            UNION ALL
            SELECT s.resource_id, s.project_id, p.effect, p.permission, 'policy', p.id
              FROM identity.policies p
              JOIN identity.resource_scopes s ON s.project_id = p.anchor_id
             WHERE p.subject_id = ANY (c.subject_ids)
               AND p.subject_role IS NOT DISTINCT FROM c.subject_roles[array_position(c.subject_ids, p.subject_id)]
               AND s.resource_type = c.scope_type AND s.resource_id <> p.anchor_id
               AND identity.policy_applies(p.effect, p.permission, p.resource_type, p.resource_id,
                                           p.expires_at, p.not_before, $2, $3,
                                           c.inherits_admin_only, true)
            UNION ALL
            SELECT s.resource_id, s.project_id, p.effect, p.permission, 'policy', p.id
              FROM identity.policies p
              JOIN identity.resource_scopes s ON s.org_id = p.anchor_id
             WHERE p.subject_id = ANY (c.subject_ids)
               AND p.subject_role IS NOT DISTINCT FROM c.subject_roles[array_position(c.subject_ids, p.subject_id)]
               AND s.resource_type = c.scope_type AND s.resource_id <> p.anchor_id
               AND identity.policy_applies(p.effect, p.permission, p.resource_type, p.resource_id,
                                           p.expires_at, p.not_before, $2, $3,
                                           c.inherits_admin_only, s.project_id IS NOT NULL)
            UNION ALL
            SELECT s.resource_id, s.project_id, p.effect, p.permission, 'policy', p.id
              FROM identity.policies p
              CROSS JOIN (SELECT r.resource_id, r.project_id FROM identity.resource_scopes r
                           WHERE r.resource_type = c.scope_type
                          UNION ALL
                          SELECT NULL, NULL) s
             WHERE p.subject_id = ANY (c.subject_ids)
               AND p.subject_role IS NOT DISTINCT FROM c.subject_roles[array_position(c.subject_ids, p.subject_id)]
               AND p.anchor_id = '00000000-0000-0000-0000-000000000000'
               AND identity.policy_applies(p.effect, p.permission, p.resource_type, p.resource_id,
                                           p.expires_at, p.not_before, $2, $3,
                                           c.inherits_admin_only, s.project_id IS NOT NULL)
           ) AS f (resource_id, project_id, effect, permission, source, source_id)
     WHERE c.refusal IS NULL AND c.key_refusal IS NULL
       AND (c.key_project_id IS NULL OR f.project_id = c.key_project_id)
$$;
COMMENT ON FUNCTION identity.grants(uuid, text, text, uuid) IS
    'The rule source: each fact (source platform_admin, owner, membership or policy; effect override, allow or deny; permission the fact names, admin covering all) bearing on the permission over a resource of the type (resource_id NULL: the whole type). identity.decide() of a resource''s effects is the decision.';

-- The decision from a resource's facts: a platform administrator may do everything; else
-- an allow and no deny (deny wins). One expression, inlined where it is used.
CREATE FUNCTION identity.decide(effects text[])
RETURNS boolean
LANGUAGE sql
IMMUTABLE
AS $$
    SELECT coalesce('override' = ANY (effects)
                    OR ('allow' = ANY (effects) AND NOT 'deny' = ANY (effects)), false)
$$;
COMMENT ON FUNCTION identity.decide(text[]) IS
    'The decision from the effects of identity.grants() on one resource: any override (platform administrator), else an allow and no deny.';

-- Derived from the rule source ---------------------------------------------------------------

-- The one decision: identity.decide() over the facts on the resource (NULL: on every
-- resource of the type, which only platform-wide facts answer).
-- SECURITY DEFINER: every component asks, but none may read policies or memberships.
CREATE OR REPLACE FUNCTION identity.has_permission(
    principal_id  uuid,
    resource_type text,
    resource_id   uuid,
    permission    text,
    api_key_id    uuid DEFAULT NULL
)
RETURNS boolean
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF $3 IS NULL THEN
        RETURN (SELECT identity.decide(array_agg(g.effect)) FROM identity.grants($1, $2, $4, $5) g
                 WHERE g.resource_id IS NULL);
    END IF;
    RETURN (SELECT identity.decide(array_agg(g.effect)) FROM identity.grants($1, $2, $4, $5) g
             WHERE g.resource_id = $3);
END
$$;
COMMENT ON FUNCTION identity.has_permission(uuid, text, uuid, text, uuid) IS
    'May principal_id exercise permission on resource_id of resource_type (NULL id: every resource of the type)? Optionally through api_key_id, whose roles and project narrow the answer. identity.decide() over identity.grants(): platform admins may do everything, else an allow and no deny; rights are inherited org -> project -> resources.';

-- Every resource of the type that identity.decide() allows: the same facts, listed from
-- the principal's side. One generic plan: the arguments change the rows, not the plan.
-- SECURITY DEFINER: RLS policies call it for roles that cannot read the identity tables.
CREATE OR REPLACE FUNCTION identity.permitted_ids(
    principal_id  uuid,
    resource_type text,
    permission    text,
    api_key_id    uuid DEFAULT NULL
)
RETURNS uuid[]
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_generic_plan
AS $$
BEGIN
    RETURN (SELECT coalesce(array_agg(d.resource_id), '{}')
              FROM (SELECT g.resource_id FROM identity.grants($1, $2, $3, $4) g
                     WHERE g.resource_id IS NOT NULL
                     GROUP BY g.resource_id
                    HAVING identity.decide(array_agg(g.effect))) d);
END
$$;
COMMENT ON FUNCTION identity.permitted_ids(uuid, text, text, uuid) IS
    'The ids of every resource of resource_type on which the principal holds permission (through api_key_id if given): the resources identity.decide() allows over identity.grants(); for RLS policies and listings.';

-- The organizations whose membership role makes the principal an administrator.
-- SECURITY DEFINER: for callers that cannot read memberships.
CREATE OR REPLACE FUNCTION identity.admin_org_ids(principal_id uuid)
RETURNS uuid[]
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN (SELECT coalesce(array_agg(DISTINCT g.resource_id), '{}')
              FROM identity.grants($1, 'org', 'admin') g
             WHERE g.source = 'membership');
END
$$;
COMMENT ON FUNCTION identity.admin_org_ids(uuid) IS
    'The organizations an active principal administers by its membership role (identity.grants()).';

-- Why has_permission() answers as it does: what refuses the principal or the key, each fact
-- of identity.grants() on the resource, then the decision.
-- SECURITY DEFINER: reads policies and memberships for the administrators who ask.
CREATE OR REPLACE FUNCTION identity.explain_permission(
    principal_id  uuid,
    resource_type text,
    resource_id   uuid,
    permission    text,
    api_key_id    uuid DEFAULT NULL
)
RETURNS TABLE (source text, source_id uuid, effect text, detail text)
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN QUERY
        SELECT 'principal', $1, 'deny', c.refusal
          FROM identity.authz_context($1, $2, $4, $5) c
         WHERE c.refusal IS NOT NULL
        UNION ALL
        SELECT 'api_key', $5, CASE WHEN c.key_refusal IS NULL THEN 'allow' ELSE 'deny' END,
               coalesce(c.key_refusal,
                        format('roles %s allow %s', k.roles, $4)
                        || coalesce(format(', only on what project %s holds', c.key_project_id), ''))
          FROM identity.authz_context($1, $2, $4, $5) c
          LEFT JOIN identity.api_keys k ON k.id = $5
         WHERE $5 IS NOT NULL
        UNION ALL
        SELECT 'resource', $3, 'deny', format('there is no %s with this id', $2)
         WHERE $3 IS NOT NULL
           AND NOT EXISTS (SELECT FROM identity.resource_scopes s
                             JOIN identity.resource_types t ON t.scope_type = s.resource_type
                            WHERE s.resource_id = $3 AND t.name = $2);
    RETURN QUERY
        SELECT DISTINCT g.source, g.source_id, g.effect,
               CASE g.source
               WHEN 'platform_admin' THEN 'platform administrator'
               WHEN 'owner' THEN format('owns this %s', $2)
               WHEN 'membership' THEN format('%s of organization %s, a role granting %s on %s',
                                             m.role, m.org_id, g.permission, $2)
               ELSE format('%s %s on %s %s to %s%s', p.effect, p.permission, p.resource_type,
                           coalesce(p.resource_id::text,
                                    'every one in ' || coalesce('project ' || p.project_id,
                                                                'org ' || p.org_id, 'the platform')),
                           CASE WHEN p.subject_role IS NULL THEN p.subject_type || ' ' || p.subject_id
                                ELSE p.subject_role || 's of org ' || p.subject_id END,
                           coalesce(', until ' || p.expires_at, ''))
               END
          FROM identity.grants($1, $2, $4, $5) g
          LEFT JOIN identity.policies p ON g.source = 'policy' AND p.id = g.source_id
          LEFT JOIN identity.org_memberships m
                 ON g.source = 'membership' AND m.org_id = g.source_id AND m.user_id = $1
         WHERE g.resource_id = $3 OR ($3 IS NULL AND g.resource_id IS NULL)
         ORDER BY g.effect DESC, g.source, g.source_id;
    RETURN QUERY SELECT 'decision', NULL::uuid,
        CASE WHEN identity.has_permission($1, $2, $3, $4, $5) THEN 'allow' ELSE 'deny' END,
        'a platform administrator may do everything; else an allow and no deny; a refused principal or key allows nothing';
END
$$;
COMMENT ON FUNCTION identity.explain_permission(uuid, text, uuid, text, uuid) IS
    'Why has_permission() with the same arguments answers as it does: what refuses the principal or key, each fact of identity.grants() on the resource (platform admin, ownership, membership role, policy), then the decision.';

-- Does the request's API key (if any) let this principal use a permission outside any
-- project? No key: yes.
CREATE OR REPLACE FUNCTION identity.key_allows(api_key_id uuid, principal_id uuid, permission text)
RETURNS boolean
LANGUAGE sql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT api_key_id IS NULL OR EXISTS (
        SELECT FROM identity.authz_context(key_allows.principal_id, NULL, key_allows.permission,
                                           key_allows.api_key_id) c
         WHERE c.key_refusal IS NULL AND c.key_project_id IS NULL)
$$;

-- May the principal create a project owned by this organization and/or user? In an
-- organization: write on it (the user, if named, must be the caller). Personal: only for
-- oneself, as an active user, through no key or a key that allows write and is not limited
-- to a project.
-- SECURITY DEFINER: called from the projects insert policy.
CREATE OR REPLACE FUNCTION identity.may_create_project(principal_id uuid, org_id uuid, user_id uuid,
                                                       api_key_id uuid DEFAULT NULL)
RETURNS boolean
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT CASE
        WHEN $1 IS NULL THEN false
        WHEN $2 IS NOT NULL THEN ($3 IS NULL OR $3 = $1)
                                 AND identity.has_permission($1, 'org', $2, 'write', $4)
        ELSE $3 = $1
             AND EXISTS (SELECT FROM identity.users u WHERE u.id = $1)
             AND EXISTS (SELECT FROM identity.authz_context($1, 'project', 'write', $4) c
                          WHERE c.refusal IS NULL AND c.key_refusal IS NULL
                            AND c.key_project_id IS NULL)
    END
$$;

-- Arguments naming a resource type and a permission of the catalogue, or a 22023 error
-- quoting at most 64 characters of what was refused (a megabyte argument is no message).
CREATE OR REPLACE FUNCTION identity.check_permission_args(resource_type text, permission text)
RETURNS void
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM identity.resource_types t WHERE t.name = $1) THEN
        RAISE EXCEPTION 'unknown resource type %',
                        CASE WHEN length($1) > 64 THEN left($1, 64) || '...' ELSE coalesce($1, 'null') END
            USING ERRCODE = '22023',
                  HINT = 'One of ' || (SELECT string_agg(t.name, ', ' ORDER BY t.name)
                                         FROM identity.resource_types t) || '.';
    END IF;
    IF NOT EXISTS (SELECT FROM identity.permissions p WHERE p.name = $2) THEN
        RAISE EXCEPTION 'permission must be one of %, not %',
                        (SELECT string_agg(p.name, ', ' ORDER BY p.name) FROM identity.permissions p),
                        CASE WHEN length($2) > 64 THEN left($2, 64) || '...' ELSE coalesce($2, 'null') END
            USING ERRCODE = '22023';
    END IF;
END
$$;
COMMENT ON FUNCTION identity.check_permission_args(text, text) IS
    'Raises 22023 unless resource_type and permission are rows of identity.resource_types and identity.permissions.';

-- A role of the catalogue, or a 22023 error.
CREATE FUNCTION identity.check_role(role text)
RETURNS void
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM identity.roles r WHERE r.name = $1) THEN
        RAISE EXCEPTION 'role must be one of %, not %',
                        (SELECT string_agg(r.name, ', ' ORDER BY r.name) FROM identity.roles r),
                        coalesce(role, 'null')
            USING ERRCODE = '22023', HINT = 'Roles are the rows of identity.roles.';
    END IF;
END
$$;
COMMENT ON FUNCTION identity.check_role(text) IS
    'Raises 22023 unless role is a row of identity.roles.';

-- Roles are validated against the catalogue.
CREATE OR REPLACE FUNCTION api.add_member(org_id uuid, user_id uuid, role text DEFAULT 'member')
RETURNS api.memberships
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    result api.memberships;
BEGIN
    PERFORM identity.check_role(role);
    PERFORM identity.require_member_admin(org_id, role);
    IF NOT EXISTS (SELECT FROM identity.users u WHERE u.id = add_member.user_id) THEN
        RAISE EXCEPTION 'there is no user with id %', user_id USING ERRCODE = '23503';
    END IF;
    BEGIN
        INSERT INTO identity.org_memberships (org_id, user_id, role)
        VALUES (add_member.org_id, add_member.user_id, add_member.role);
    EXCEPTION WHEN unique_violation THEN
        RAISE EXCEPTION 'user % is already a member of organization %', user_id, org_id
            USING ERRCODE = '23505', HINT = 'Use change_member_role to change the role.';
    END;
    PERFORM identity.audit('identity.membership.changed', 'org', org_id::text,
                           jsonb_build_object('user_id', user_id, 'role', role, 'change', 'added'),
                           org_id);
    SELECT * INTO result FROM api.memberships m
     WHERE m.org_id = add_member.org_id AND m.user_id = add_member.user_id;
    RETURN result;
END
$$;

CREATE OR REPLACE FUNCTION api.change_member_role(org_id uuid, user_id uuid, role text)
RETURNS api.memberships
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    old_role text;
    result api.memberships;
BEGIN
    PERFORM identity.check_role(role);
    SELECT m.role INTO old_role FROM identity.org_memberships m
     WHERE m.org_id = change_member_role.org_id AND m.user_id = change_member_role.user_id;
    PERFORM identity.require_member_admin(org_id, CASE WHEN 'owner' IN (role, old_role)
                                                       THEN 'owner' ELSE role END);
    IF old_role IS NULL THEN
        RAISE EXCEPTION 'user % is not a member of organization %', user_id, org_id
            USING ERRCODE = '42704', HINT = 'Use add_member first.';
    END IF;
    UPDATE identity.org_memberships m SET role = change_member_role.role
     WHERE m.org_id = change_member_role.org_id AND m.user_id = change_member_role.user_id;
    PERFORM identity.audit('identity.membership.changed', 'org', org_id::text,
                           jsonb_build_object('user_id', user_id, 'role', role,
                                              'previous_role', old_role, 'change', 'role'),
                           org_id);
    SELECT * INTO result FROM api.memberships m
     WHERE m.org_id = change_member_role.org_id AND m.user_id = change_member_role.user_id;
    RETURN result;
END
$$;

-- Every argument is checked before the row is built: a constraint violation inside a
-- definer function prints the whole row (the key's secret hash too) in its DETAIL.
CREATE OR REPLACE FUNCTION identity.issue_api_key(principal_id uuid, name text, roles text[],
                                       project_id uuid, rate_limit_per_min integer,
                                       expires_at timestamptz, created_by uuid,
                                       OUT id uuid, OUT prefix text, OUT api_key text)
LANGUAGE plpgsql
VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_type text;
BEGIN
    SELECT p.type INTO v_type FROM identity.principals p WHERE p.id = issue_api_key.principal_id;
    IF v_type IS NULL OR v_type NOT IN ('user', 'service_account', 'agent') THEN
        RAISE EXCEPTION 'API keys are for users, service accounts and agents'
            USING ERRCODE = '22023';
    END IF;
    -- The same bounds as identity.api_keys' checks, whose violation would print the row.
    IF issue_api_key.name IS NULL THEN
        RAISE EXCEPTION 'name is required' USING ERRCODE = '22004',
              HINT = 'Name the key after where it is used, in at most 200 characters.';
    END IF;
    IF btrim(issue_api_key.name) = '' OR length(issue_api_key.name) > 200 THEN
        RAISE EXCEPTION 'name must be 1 to 200 characters, not blank' USING ERRCODE = '22023';
    END IF;
    -- (each role must be a row of identity.api_key_roles: the table's trigger says so)
    IF roles IS NULL OR cardinality(roles) = 0 THEN
        RAISE EXCEPTION 'an API key needs at least one role' USING ERRCODE = '22023';
    END IF;
    IF array_position(roles, NULL) IS NOT NULL
       OR (SELECT count(DISTINCT r) FROM unnest(roles) r) > 4 THEN
        RAISE EXCEPTION 'roles must be 1 to 4 distinct roles, none of them null'
            USING ERRCODE = '22023';
    END IF;
    IF rate_limit_per_min IS NOT NULL AND rate_limit_per_min NOT BETWEEN 1 AND 1000000 THEN
        RAISE EXCEPTION 'rate_limit_per_min must be between 1 and 1000000'
            USING ERRCODE = '22023', HINT = 'Leave it out for the default.';
    END IF;
    IF expires_at IS NOT NULL AND expires_at <= now() THEN
        RAISE EXCEPTION 'expires_at must be in the future' USING ERRCODE = '22023';
    END IF;
    prefix := encode(extensions.gen_random_bytes(6), 'hex');
    api_key := 'npk_' || prefix || '_' || encode(extensions.gen_random_bytes(32), 'hex');
    INSERT INTO identity.api_keys (principal_id, principal_type, project_id, name, prefix,
                                   secret_hash, roles, rate_limit_per_min, expires_at, created_by)
    VALUES (issue_api_key.principal_id, v_type, issue_api_key.project_id, issue_api_key.name,
            prefix, sha256(convert_to(api_key, 'UTF8')),
            (SELECT array_agg(DISTINCT r ORDER BY r) FROM unnest(roles) r),
            coalesce(rate_limit_per_min, identity.default_rate_limit_per_min()),
            issue_api_key.expires_at, created_by)
    RETURNING api_keys.id INTO id;
END
$$;
COMMENT ON FUNCTION identity.issue_api_key(uuid, text, text[], uuid, integer, timestamptz, uuid) IS
    'Insert an API key (npk_<12 hex>_<64 hex>: 256 random bits) and return it; only its SHA-256 is stored. Arguments are checked first (22004, 22023), so no constraint violation shows the row.';
COMMENT ON FUNCTION api.create_api_key(text, text[], uuid, uuid, integer, timestamptz) IS
$$Create an API key for yourself, or for a service account or agent you administer. Returns the key (npk_<prefix>_<secret>) once: it cannot be shown again. roles (admin, member, viewer, service) narrow what the key may do; project_id limits it to one project; name is 1 to 200 characters; rate_limit_per_min is 1 to 1000000 (default when left out); expires_at is in the future. Errors: 42501, 22004 (no name), 22023.$$;

-- An organization's events are read by whoever may read its audit log: its owners and
-- admins by their role's grant, and any other role or policy granting audit read.
ALTER POLICY events_select_org_admin ON audit.events
    USING (org_id = ANY ((SELECT identity.permitted_ids((SELECT identity.current_principal_id()),
                                                       'audit', 'read',
                                                       (SELECT identity.current_api_key_id())))::uuid[]));
COMMENT ON VIEW api.audit_events IS
$$The audit log, read-only. You see the events you performed; whoever may read an organization's audit log (its owners and admins, and any role or policy granting audit read) sees its events; platform administrators see all. Filter with PostgREST operators, e.g. ?occurred_at=gte.2026-11-01&action=eq.auth.login.failed&order=occurred_at.desc&limit=50.$$;

-- What the rules were written with before they became rows.
DROP FUNCTION identity.decide_from_sources(uuid, text, uuid, text, uuid);
DROP FUNCTION identity.policy_bits(text, uuid, text, text, text, uuid, uuid, uuid);
DROP FUNCTION identity.role_bits(text, text, boolean);
DROP FUNCTION identity.permission_bit(text, text);
DROP FUNCTION identity.policy_reaches(text, uuid, text, text, text, uuid, uuid, uuid, text);

GRANT EXECUTE ON FUNCTION identity.grants(uuid, text, text, uuid),
                          identity.check_role(text)
   TO neuronplane_worker;

COMMIT;
