-- Deploy neuronplane:roles to pg

BEGIN;

-- Roles are cluster-wide: create each one only if it is missing, then (re)state the
-- attributes we rely on, so deploying into a cluster that already has them is safe.
DO $$
DECLARE
    r record;
BEGIN
    FOR r IN
        SELECT * FROM (VALUES
            -- PostgREST logs in as authenticator and switches to one of the API roles.
            ('authenticator',      'LOGIN NOINHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS'),
            ('anon',               'NOLOGIN NOINHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS'),
            ('authenticated',      'NOLOGIN NOINHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS'),
            ('service',            'NOLOGIN NOINHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS'),
            -- Owns every schema and object. BYPASSRLS so that SECURITY DEFINER functions,
            -- which run as this role, act on forced-RLS tables by their own checks.
            ('neuronplane_owner',  'NOLOGIN NOINHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION BYPASSRLS'),
            -- The glue service and the ingestion worker log in as this role.
            ('neuronplane_worker', 'LOGIN NOINHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS'),
            -- The autonomous (dblink) connection of the request hook logs in as this role.
            ('neuronplane_autonomous', 'LOGIN NOINHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS'),
            -- Owns the ops observability functions: server statistics, no neuronplane data.
            ('neuronplane_monitor', 'NOLOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION BYPASSRLS')
        ) AS t(name, attributes)
    LOOP
        IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = r.name) THEN
            EXECUTE format('CREATE ROLE %I %s', r.name, r.attributes);
        ELSE
            EXECUTE format('ALTER ROLE %I %s', r.name, r.attributes);
        END IF;
    END LOOP;
END
$$;

COMMENT ON ROLE authenticator IS 'PostgREST''s login role; it only switches to anon, authenticated or service.';
COMMENT ON ROLE anon IS 'Requests without credentials.';
COMMENT ON ROLE authenticated IS 'A person with a session (JWT from neuronplane).';
COMMENT ON ROLE service IS 'A service account or other non-human principal authenticated by API key.';
COMMENT ON ROLE neuronplane_owner IS 'Owner of neuronplane''s schemas and objects; never logs in.';
COMMENT ON ROLE neuronplane_worker IS 'Login of the neuronplane glue service and ingestion worker.';
COMMENT ON ROLE neuronplane_autonomous IS
    'Login of the autonomous (dblink) connection that counts API-key requests, records their last use and audits refused keys.';
COMMENT ON ROLE neuronplane_monitor IS
    'Owner of the ops observability functions: pg_monitor and pg_cron''s job tables, no neuronplane data; never logs in.';

-- A counter need not wait for the WAL flush: a crash of the server forgets at most the last
-- fraction of a second of counts. The timeouts bound how long a request can wait for it.
ALTER ROLE neuronplane_autonomous SET synchronous_commit = off;
ALTER ROLE neuronplane_autonomous SET statement_timeout = '5s';
ALTER ROLE neuronplane_autonomous SET lock_timeout = '2s';

GRANT pg_monitor TO neuronplane_monitor;

GRANT anon, authenticated, service TO authenticator;

-- Functions created by the owner are not executable by PUBLIC either.
ALTER DEFAULT PRIVILEGES FOR ROLE neuronplane_owner REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

COMMIT;
