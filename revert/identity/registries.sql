-- Revert neuronplane:identity/registries from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

DROP TABLE identity.datasets;
DROP TABLE identity.tools;
DROP TABLE identity.agents;

COMMIT;
