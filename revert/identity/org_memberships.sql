-- Revert neuronplane:identity/org_memberships from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

DROP TABLE identity.org_memberships;
DROP FUNCTION identity.tg_org_memberships__keep_an_owner();

COMMIT;
