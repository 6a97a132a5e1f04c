-- Revert neuronplane:identity/row_security from pg

BEGIN;

REVOKE ALL ON identity.organizations, identity.users, identity.org_memberships,
              identity.projects, identity.service_accounts, identity.agents, identity.tools,
              identity.datasets, identity.api_keys, identity.policies, identity.principals
  FROM authenticated, service;

SET LOCAL ROLE neuronplane_owner;

DROP POLICY principals_select ON identity.principals;
DROP POLICY policies_select ON identity.policies;
DROP POLICY api_keys_update ON identity.api_keys;
DROP POLICY api_keys_select ON identity.api_keys;
DROP POLICY datasets_delete ON identity.datasets;
DROP POLICY datasets_update ON identity.datasets;
DROP POLICY datasets_insert ON identity.datasets;
DROP POLICY datasets_select ON identity.datasets;
DROP POLICY tools_delete ON identity.tools;
DROP POLICY tools_update ON identity.tools;
DROP POLICY tools_insert ON identity.tools;
DROP POLICY tools_select ON identity.tools;
DROP POLICY agents_delete ON identity.agents;
DROP POLICY agents_update ON identity.agents;
DROP POLICY agents_insert ON identity.agents;
DROP POLICY agents_select ON identity.agents;
DROP POLICY service_accounts_delete ON identity.service_accounts;
DROP POLICY service_accounts_update ON identity.service_accounts;
DROP POLICY service_accounts_select ON identity.service_accounts;
DROP POLICY projects_delete ON identity.projects;
DROP TRIGGER projects_guard_move ON identity.projects;
DROP POLICY projects_update ON identity.projects;
DROP POLICY projects_insert ON identity.projects;
DROP POLICY projects_select ON identity.projects;
DROP POLICY org_memberships_select ON identity.org_memberships;
DROP POLICY users_update ON identity.users;
DROP POLICY users_select ON identity.users;
DROP POLICY organizations_update ON identity.organizations;
DROP POLICY organizations_select ON identity.organizations;
DROP FUNCTION identity.tg_projects__guard_move();
DROP FUNCTION identity.may_create_project(uuid,uuid,uuid,uuid);
DROP FUNCTION identity.visible_user_ids(uuid);

COMMIT;
