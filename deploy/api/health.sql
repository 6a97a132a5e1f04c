-- Deploy neuronplane:api/health to pg

BEGIN;

-- The owner reads sqitch's registry to report the deployed version.
GRANT USAGE ON SCHEMA sqitch TO neuronplane_owner;
GRANT SELECT ON sqitch.changes, sqitch.tags TO neuronplane_owner;

SET LOCAL ROLE neuronplane_owner;

-- SECURITY DEFINER: anon may not read sqitch's registry, but may learn the deployed version.
CREATE FUNCTION api.health()
RETURNS jsonb
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    WITH last_change AS (
        SELECT c.change_id, c.change
          FROM sqitch.changes c
         WHERE c.project = 'neuronplane'
         ORDER BY c.committed_at DESC
         LIMIT 1
    ), last_tag AS (
        SELECT t.tag
          FROM sqitch.tags t
         WHERE t.project = 'neuronplane'
         ORDER BY t.committed_at DESC
         LIMIT 1
    )
    SELECT jsonb_build_object(
        'status', 'ok',
        'schema_version', coalesce(
            (SELECT t.tag FROM sqitch.tags t, last_change lc WHERE t.change_id = lc.change_id),
            (SELECT change FROM last_change)),
        'last_change', (SELECT change FROM last_change),
        'last_tag', (SELECT tag FROM last_tag),
        'server_time', now(),
        'database', current_database()
    )
$$;

COMMENT ON FUNCTION api.health() IS
$$Liveness of the database behind the API. Returns status "ok", schema_version (the tag of the last deployed change, else its name), last_change, last_tag, server_time and database. Callable without credentials: GET /rpc/health.$$;

GRANT EXECUTE ON FUNCTION api.health() TO anon, authenticated, service, neuronplane_worker;

RESET ROLE;

COMMIT;
