-- Deploy neuronplane:identity/row_security to pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- Every user who shares an organization with this principal, and itself.
-- SECURITY DEFINER: called from RLS policies by roles that cannot read memberships.
CREATE FUNCTION identity.visible_user_ids(principal_id uuid)
RETURNS uuid[]
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN (SELECT array_agg(DISTINCT x.id)
              FROM (SELECT $1 AS id
                     UNION ALL
                    SELECT other.user_id
                      FROM identity.org_memberships mine
                      JOIN identity.org_memberships other ON other.org_id = mine.org_id
                     WHERE mine.user_id = $1) x
             WHERE x.id IS NOT NULL);
END
$$;
COMMENT ON FUNCTION identity.visible_user_ids(uuid) IS
    'The principal itself and every user sharing an organization with it.';

-- May the principal create a project owned by this organization and/or user? In an
-- organization: write on it (the user, if named, must be the caller). Personal: only for
-- oneself, as an active user, through no key or a key that allows write and is not limited
-- to a project.
-- SECURITY DEFINER: called from the projects insert policy.
CREATE FUNCTION identity.may_create_project(principal_id uuid, org_id uuid, user_id uuid,
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
COMMENT ON FUNCTION identity.may_create_project(uuid, uuid, uuid, uuid) IS
    'May the principal create a project for this organization and/or user?';

-- Policies. (select ...) around the helpers makes PostgreSQL run them once per statement.
-- Reading: what has_permission() allows. Writing: USING picks the rows the caller can
-- see, WITH CHECK demands the write right, so a visible row the caller may not change
-- fails with 42501 instead of being skipped.

-- Listing policies are one indexable "id = ANY (permitted_ids(...))": permitted_ids()
-- answers for platform administrators itself, since an OR in front of it could not use an
-- index.
CREATE POLICY organizations_select ON identity.organizations FOR SELECT TO authenticated, service
    USING (id = ANY ((SELECT identity.permitted_ids((SELECT identity.current_principal_id()),
                                                        'org', 'read',
                                                        (SELECT identity.current_api_key_id())))::uuid[]));
CREATE POLICY organizations_update ON identity.organizations FOR UPDATE TO authenticated, service
    USING (id = ANY ((SELECT identity.permitted_ids((SELECT identity.current_principal_id()),
                                                        'org', 'read',
                                                        (SELECT identity.current_api_key_id())))::uuid[]))
    WITH CHECK (identity.has_permission((SELECT identity.current_principal_id()), 'org', id,
                                        'admin', (SELECT identity.current_api_key_id())));

CREATE POLICY users_select ON identity.users FOR SELECT TO authenticated, service
    USING ((SELECT identity.is_platform_admin((SELECT identity.current_principal_id())))
           OR id = ANY ((SELECT identity.visible_user_ids((SELECT identity.current_principal_id())))::uuid[]));
CREATE POLICY users_update ON identity.users FOR UPDATE TO authenticated
    USING (id = (SELECT identity.current_principal_id()))
    WITH CHECK (id = (SELECT identity.current_principal_id()));

CREATE POLICY org_memberships_select ON identity.org_memberships FOR SELECT TO authenticated, service
    USING (org_id = ANY ((SELECT identity.permitted_ids((SELECT identity.current_principal_id()),
                                                        'org', 'read',
                                                        (SELECT identity.current_api_key_id())))::uuid[]));

CREATE POLICY projects_select ON identity.projects FOR SELECT TO authenticated, service
    USING (id = ANY ((SELECT identity.permitted_ids((SELECT identity.current_principal_id()),
                                                        'project', 'read',
                                                        (SELECT identity.current_api_key_id())))::uuid[]));
CREATE POLICY projects_insert ON identity.projects FOR INSERT TO authenticated, service
    WITH CHECK (identity.may_create_project((SELECT identity.current_principal_id()), org_id,
                                            user_id, (SELECT identity.current_api_key_id())));
CREATE POLICY projects_update ON identity.projects FOR UPDATE TO authenticated, service
    USING (id = ANY ((SELECT identity.permitted_ids((SELECT identity.current_principal_id()),
                                                        'project', 'read',
                                                        (SELECT identity.current_api_key_id())))::uuid[]))
    WITH CHECK (identity.has_permission((SELECT identity.current_principal_id()), 'project', id,
                                        'write', (SELECT identity.current_api_key_id())));

-- Moving a project to another organization takes it away from the old one: it needs admin
-- on the project and write on the destination. RLS sees only the new row, so a trigger
-- compares old and new. It checks API roles only; definer functions check for themselves.
CREATE FUNCTION identity.tg_projects__guard_move()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    caller uuid := identity.current_principal_id();
    key_id uuid := identity.current_api_key_id();
BEGIN
    IF NEW.org_id IS DISTINCT FROM OLD.org_id
       AND current_user IN ('authenticated', 'service', 'anon')
       AND NOT (identity.has_permission(caller, 'project', OLD.id, 'admin', key_id)
                AND (NEW.org_id IS NULL
                     OR identity.has_permission(caller, 'org', NEW.org_id, 'write', key_id))) THEN
        RAISE EXCEPTION 'moving project % to another organization needs admin on it and write on the destination', OLD.id
            USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION identity.tg_projects__guard_move() IS
    'Trigger: an API caller moves a project between organizations only with admin on it and write on the destination.';

CREATE TRIGGER projects_guard_move BEFORE UPDATE OF org_id ON identity.projects
    FOR EACH ROW EXECUTE FUNCTION identity.tg_projects__guard_move();

CREATE POLICY projects_delete ON identity.projects FOR DELETE TO authenticated, service
    USING (identity.has_permission((SELECT identity.current_principal_id()), 'project', id,
                                   'admin', (SELECT identity.current_api_key_id())));

CREATE POLICY service_accounts_select ON identity.service_accounts FOR SELECT TO authenticated, service
    USING (id = ANY ((SELECT identity.permitted_ids((SELECT identity.current_principal_id()),
                                                        'service_account', 'read',
                                                        (SELECT identity.current_api_key_id())))::uuid[]));
CREATE POLICY service_accounts_update ON identity.service_accounts FOR UPDATE TO authenticated, service
    USING (id = ANY ((SELECT identity.permitted_ids((SELECT identity.current_principal_id()),
                                                        'service_account', 'read',
                                                        (SELECT identity.current_api_key_id())))::uuid[]))
    WITH CHECK (identity.has_permission((SELECT identity.current_principal_id()), 'service_account',
                                        id, 'admin', (SELECT identity.current_api_key_id())));
CREATE POLICY service_accounts_delete ON identity.service_accounts FOR DELETE TO authenticated, service
    USING (identity.has_permission((SELECT identity.current_principal_id()), 'service_account', id,
                                   'admin', (SELECT identity.current_api_key_id())));

CREATE POLICY agents_select ON identity.agents FOR SELECT TO authenticated, service
    USING (id = ANY ((SELECT identity.permitted_ids((SELECT identity.current_principal_id()),
                                                        'agent', 'read',
                                                        (SELECT identity.current_api_key_id())))::uuid[]));
CREATE POLICY agents_insert ON identity.agents FOR INSERT TO authenticated, service
    WITH CHECK (identity.has_permission((SELECT identity.current_principal_id()), 'project',
                                        project_id, 'write', (SELECT identity.current_api_key_id())));
CREATE POLICY agents_update ON identity.agents FOR UPDATE TO authenticated, service
    USING (id = ANY ((SELECT identity.permitted_ids((SELECT identity.current_principal_id()),
                                                   'agent', 'read',
                                                   (SELECT identity.current_api_key_id())))::uuid[]))
    WITH CHECK (identity.has_permission((SELECT identity.current_principal_id()), 'agent', id,
                                        'write', (SELECT identity.current_api_key_id())));
CREATE POLICY agents_delete ON identity.agents FOR DELETE TO authenticated, service
    USING (identity.has_permission((SELECT identity.current_principal_id()), 'agent', id,
                                   'admin', (SELECT identity.current_api_key_id())));

CREATE POLICY tools_select ON identity.tools FOR SELECT TO authenticated, service
    USING (id = ANY ((SELECT identity.permitted_ids((SELECT identity.current_principal_id()),
                                                        'tool', 'read',
                                                        (SELECT identity.current_api_key_id())))::uuid[]));
CREATE POLICY tools_insert ON identity.tools FOR INSERT TO authenticated, service
    WITH CHECK (identity.has_permission((SELECT identity.current_principal_id()), 'project',
                                        project_id, 'write', (SELECT identity.current_api_key_id())));
CREATE POLICY tools_update ON identity.tools FOR UPDATE TO authenticated, service
    USING (id = ANY ((SELECT identity.permitted_ids((SELECT identity.current_principal_id()),
                                                   'tool', 'read',
                                                   (SELECT identity.current_api_key_id())))::uuid[]))
    WITH CHECK (identity.has_permission((SELECT identity.current_principal_id()), 'tool', id,
                                        'write', (SELECT identity.current_api_key_id())));
CREATE POLICY tools_delete ON identity.tools FOR DELETE TO authenticated, service
    USING (identity.has_permission((SELECT identity.current_principal_id()), 'tool', id,
                                   'admin', (SELECT identity.current_api_key_id())));

CREATE POLICY datasets_select ON identity.datasets FOR SELECT TO authenticated, service
    USING (id = ANY ((SELECT identity.permitted_ids((SELECT identity.current_principal_id()),
                                                        'dataset', 'read',
                                                        (SELECT identity.current_api_key_id())))::uuid[]));
CREATE POLICY datasets_insert ON identity.datasets FOR INSERT TO authenticated, service
    WITH CHECK (identity.has_permission((SELECT identity.current_principal_id()), 'project',
                                        project_id, 'write', (SELECT identity.current_api_key_id())));
CREATE POLICY datasets_update ON identity.datasets FOR UPDATE TO authenticated, service
    USING (id = ANY ((SELECT identity.permitted_ids((SELECT identity.current_principal_id()),
                                                   'dataset', 'read',
                                                   (SELECT identity.current_api_key_id())))::uuid[]))
    WITH CHECK (identity.has_permission((SELECT identity.current_principal_id()), 'dataset', id,
                                        'write', (SELECT identity.current_api_key_id())));
CREATE POLICY datasets_delete ON identity.datasets FOR DELETE TO authenticated, service
    USING (identity.has_permission((SELECT identity.current_principal_id()), 'dataset', id,
                                   'admin', (SELECT identity.current_api_key_id())));

CREATE POLICY api_keys_select ON identity.api_keys FOR SELECT TO authenticated, service
    USING (id = ANY ((SELECT identity.permitted_ids((SELECT identity.current_principal_id()),
                                                        'api_key', 'read',
                                                        (SELECT identity.current_api_key_id())))::uuid[]));
CREATE POLICY api_keys_update ON identity.api_keys FOR UPDATE TO authenticated, service
    USING (id = ANY ((SELECT identity.permitted_ids((SELECT identity.current_principal_id()),
                                                   'api_key', 'read',
                                                   (SELECT identity.current_api_key_id())))::uuid[]))
    WITH CHECK (identity.has_permission((SELECT identity.current_principal_id()), 'api_key', id,
                                        'admin', (SELECT identity.current_api_key_id())));

-- Policies are seen by their subject and by the administrators of their organization.
CREATE POLICY policies_select ON identity.policies FOR SELECT TO authenticated, service
    USING ((SELECT identity.is_platform_admin((SELECT identity.current_principal_id())))
           OR subject_id = (SELECT identity.current_principal_id())
           OR scope_org_id = ANY ((SELECT identity.permitted_ids((SELECT identity.current_principal_id()),
                                                                'org', 'admin',
                                                                (SELECT identity.current_api_key_id())))::uuid[]));

-- A principal is visible when what it stands for is.
CREATE POLICY principals_select ON identity.principals FOR SELECT TO authenticated, service
    USING ((SELECT identity.is_platform_admin((SELECT identity.current_principal_id())))
           OR id = ANY ((SELECT identity.visible_user_ids((SELECT identity.current_principal_id())))::uuid[])
           OR id = ANY ((SELECT identity.permitted_ids((SELECT identity.current_principal_id()),
                                                      'org', 'read',
                                                      (SELECT identity.current_api_key_id())))::uuid[])
           OR id = ANY ((SELECT identity.permitted_ids((SELECT identity.current_principal_id()),
                                                      'service_account', 'read',
                                                      (SELECT identity.current_api_key_id())))::uuid[])
           OR id = ANY ((SELECT identity.permitted_ids((SELECT identity.current_principal_id()),
                                                      'agent', 'read',
                                                      (SELECT identity.current_api_key_id())))::uuid[])
           OR id = ANY ((SELECT identity.permitted_ids((SELECT identity.current_principal_id()),
                                                      'tool', 'read',
                                                      (SELECT identity.current_api_key_id())))::uuid[])
           OR id = ANY ((SELECT identity.permitted_ids((SELECT identity.current_principal_id()),
                                                      'dataset', 'read',
                                                      (SELECT identity.current_api_key_id())))::uuid[]));

-- Grants: reading is table-wide (RLS filters rows); writing only on listed columns. Rows
-- that need a secret, a membership or an audit event are created by api functions.
GRANT SELECT ON identity.organizations, identity.users, identity.org_memberships,
                identity.projects, identity.service_accounts, identity.agents, identity.tools,
                identity.datasets, identity.api_keys, identity.policies, identity.principals
   TO authenticated, service;
GRANT UPDATE (name, metadata) ON identity.organizations TO authenticated, service;
GRANT UPDATE (display_name, metadata) ON identity.users TO authenticated;
GRANT INSERT (org_id, user_id, name, description, neurondb_dsn, mcp_config, agent_endpoint, metadata),
      UPDATE (org_id, name, description, neurondb_dsn, mcp_config, agent_endpoint, metadata),
      DELETE
   ON identity.projects TO authenticated, service;
GRANT UPDATE (name, description, metadata), DELETE
   ON identity.service_accounts TO authenticated, service;
GRANT INSERT (project_id, name), UPDATE (name), DELETE
   ON identity.agents, identity.tools, identity.datasets TO authenticated, service;
GRANT UPDATE (name) ON identity.api_keys TO authenticated, service;
GRANT EXECUTE ON FUNCTION identity.visible_user_ids(uuid),
                          identity.may_create_project(uuid, uuid, uuid, uuid)
   TO authenticated, service;



RESET ROLE;

COMMIT;
