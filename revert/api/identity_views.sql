-- Revert neuronplane:api/identity_views from pg

BEGIN;

DROP VIEW api.principals;
DROP VIEW api.policies;
DROP VIEW api.api_keys;
DROP VIEW api.datasets;
DROP VIEW api.tools;
DROP VIEW api.agents;
DROP VIEW api.service_accounts;
DROP VIEW api.projects;
DROP VIEW api.memberships;
DROP VIEW api.users;
DROP VIEW api.organizations;

COMMIT;
