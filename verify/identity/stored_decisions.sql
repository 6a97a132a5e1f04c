-- Verify neuronplane:identity/stored_decisions on pg (reworked after @v0.2.0)

BEGIN;

SELECT principal_id, resource_id, resource_type, project_id, granted, active, is_admin, valid_until
  FROM identity.decisions WHERE false;

SELECT 1 / count(*) FROM pg_catalog.pg_class
 WHERE oid IN ('identity.decisions'::regclass, 'identity.decisions_epoch'::regclass)
   AND relrowsecurity AND relforcerowsecurity
HAVING count(*) = 2;

SELECT 1 / count(*) FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_language l ON l.oid = p.prolang
 WHERE p.oid = 'identity.has_permission(uuid, text, uuid, text, uuid)'::regprocedure
   AND l.lanname = 'c' AND p.prosrc = 'neuronplane_has_permission' AND NOT p.prosecdef
   AND p.provolatile = 's';

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'identity.has_permission_stored(uuid, text, uuid, text, uuid)'::regprocedure
   AND prosrc LIKE '%FROM identity.decisions d%' AND prosecdef
   AND 'search_path=pg_catalog, pg_temp' = ANY (proconfig);

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'identity.permitted_ids(uuid, text, text, uuid)'::regprocedure
   AND prosrc LIKE '%FROM identity.decisions d%' AND prosecdef
   AND 'search_path=pg_catalog, pg_temp' = ANY (proconfig);

-- the module loads and answers (NULL arguments go to has_permission_stored())
SELECT 1 / count(*) FROM (SELECT identity.has_permission(NULL, 'org', NULL, 'read') AS a) t
 WHERE a IS NOT NULL;

SELECT 1 / count(*) FROM pg_catalog.pg_trigger
 WHERE tgname LIKE '%\_decisions\_%' AND tgrelid IN
       ('identity.policies'::regclass, 'identity.org_memberships'::regclass,
        'identity.resource_scopes'::regclass, 'identity.principals'::regclass,
        'identity.users'::regclass)
HAVING count(*) = 14;

SELECT 1 / count(*) FROM cron.job WHERE jobname = 'neuronplane-identity-decisions';

ROLLBACK;
