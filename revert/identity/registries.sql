-- Revert neuronplane:identity/registries from pg

BEGIN;

DROP TABLE identity.datasets;
DROP TABLE identity.tools;
DROP TABLE identity.agents;

COMMIT;
