-- Deploy neuronplane:workspace/ingest_worker to pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- The ingestion worker's side. The worker (role neuronplane_worker) has no right on the
-- tables: it registers, claims, reports and publishes through these functions, each
-- SECURITY DEFINER because it writes tables whose RLS no API role passes, and each checks
-- that the caller still holds the job (worker id and attempt) so that a worker that lost
-- its job to another cannot touch it.

CREATE FUNCTION workspace.register_ingest_worker(worker_id uuid, hostname text, pid integer)
RETURNS void
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    INSERT INTO workspace.ingest_workers (worker_id, hostname, pid)
    VALUES (worker_id, hostname, pid)
    ON CONFLICT ON CONSTRAINT ingest_workers_pkey
    DO UPDATE SET heartbeat_at = now(), stopped_at = NULL, hostname = excluded.hostname,
                  pid = excluded.pid
$$;
COMMENT ON FUNCTION workspace.register_ingest_worker(uuid, text, integer) IS
    'A worker announces itself (or again after a restart). Definer: workers have no table rights.';

-- A worker that stops cleanly (SIGTERM, Ctrl-C) says so and hands its running job back at
-- once: queued again, for the next worker (woken by NOTIFY), rather than left to be taken
-- over when its heartbeat goes stale. The worker calls this after its load connection is
-- closed, so its transaction, and the half-loaded staging table with it, are gone; the
-- next attempt starts from the source, and the old attempt number can no longer publish
-- (workspace.require_ingest_attempt).
CREATE FUNCTION workspace.stop_ingest_worker(worker_id uuid)
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    handed uuid;
BEGIN
    UPDATE workspace.ingest_workers w
       SET stopped_at = now(), current_job_id = NULL
     WHERE w.worker_id = $1;
    FOR handed IN
        UPDATE workspace.ingest_jobs j
           SET status = 'queued', phase = NULL, worker_id = NULL, heartbeat_at = NULL
         WHERE j.worker_id = $1 AND j.status = 'running'
        RETURNING j.id
    LOOP
        PERFORM pg_catalog.pg_notify('neuronplane_ingest', handed::text);
    END LOOP;
END
$$;
COMMENT ON FUNCTION workspace.stop_ingest_worker(uuid) IS
    'A worker that stops cleanly says so, and hands its running job back (queued again, with NOTIFY) for the next worker. Definer: workers have no table rights.';

-- The next job for this worker: the oldest queued one, or a running one whose worker
-- stopped heartbeating (it crashed: its load transaction died with it, so starting again
-- from the source duplicates nothing). Jobs whose attempts are used up fail instead.
CREATE FUNCTION workspace.claim_ingest_job(worker_id uuid)
RETURNS TABLE (job_id uuid, attempt integer, project_id uuid, dataset_name text,
               if_exists text, source_type text, source jsonb, format text, options jsonb,
               embedding jsonb, index_config jsonb, target_schema name, credentials jsonb,
               upload_path text)
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    cfg workspace.ingest_settings;
    j   workspace.ingest_jobs;
BEGIN
    SELECT * INTO cfg FROM workspace.ingest_settings;
    UPDATE workspace.ingest_workers w SET heartbeat_at = now(), current_job_id = NULL
     WHERE w.worker_id = claim_ingest_job.worker_id;

    WITH dead AS (
        SELECT x.id FROM workspace.ingest_jobs x
         WHERE x.status = 'running' AND x.heartbeat_at < now() - cfg.stale_after
           AND x.attempt >= cfg.max_attempts
           FOR UPDATE SKIP LOCKED)
    UPDATE workspace.ingest_jobs x
       SET status = 'failed', finished_at = now(), phase = NULL,
           error = format('the worker stopped responding %s times; giving up', x.attempt)
      FROM dead WHERE x.id = dead.id;

    SELECT * INTO j FROM workspace.ingest_jobs x
     WHERE x.status = 'queued'
        OR (x.status = 'running' AND x.heartbeat_at < now() - cfg.stale_after)
     ORDER BY x.created_at
     LIMIT 1
       FOR UPDATE SKIP LOCKED;
    IF NOT FOUND THEN
        RETURN;
    END IF;

    UPDATE workspace.ingest_jobs x
       SET status = 'running', worker_id = claim_ingest_job.worker_id,
           attempt = x.attempt + 1, heartbeat_at = now(),
           started_at = coalesce(x.started_at, now()), phase = 'load',
           rows_done = 0, bytes_done = 0, embed_done = 0, error = NULL
     WHERE x.id = j.id
    RETURNING * INTO j;
    UPDATE workspace.ingest_workers w SET current_job_id = j.id
     WHERE w.worker_id = claim_ingest_job.worker_id;

    job_id := j.id;
    attempt := j.attempt;
    project_id := j.project_id;
    dataset_name := j.dataset_name;
    if_exists := j.if_exists;
    source_type := j.source_type;
    source := j.source;
    format := j.format;
    options := j.options;
    embedding := j.embedding;
    index_config := j.index_config;
    target_schema := workspace.dataset_schema(j.project_id);
    credentials := CASE WHEN j.credentials_secret IS NOT NULL THEN
        internal.decrypt_secret(j.credentials_secret,
                                'workspace.ingest_jobs.credentials:' || j.id)::jsonb END;
    SELECT u.path INTO upload_path FROM workspace.ingest_uploads u WHERE u.job_id = j.id;
    RETURN NEXT;
END
$$;
COMMENT ON FUNCTION workspace.claim_ingest_job(uuid) IS
    'The next queued (or abandoned) job, locked with SKIP LOCKED and handed to this worker with a new attempt number, with its decrypted credentials. Definer: reads secrets the worker role cannot.';

-- Locks the job's row, then the worker's: the order of publish_ingest() and fail_ingest(),
-- so that a heartbeat during a publish waits instead of deadlocking with it (40P01).
CREATE FUNCTION workspace.ingest_heartbeat(worker_id uuid, job_id uuid DEFAULT NULL,
                                           attempt integer DEFAULT NULL,
                                           phase text DEFAULT NULL,
                                           rows_done bigint DEFAULT NULL,
                                           bytes_done bigint DEFAULT NULL,
                                           rows_total bigint DEFAULT NULL,
                                           bytes_total bigint DEFAULT NULL,
                                           embed_done bigint DEFAULT NULL,
                                           embed_total bigint DEFAULT NULL,
                                           detected_format text DEFAULT NULL)
RETURNS text
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    s       text;
    running boolean;
BEGIN
    IF job_id IS NULL THEN
        UPDATE workspace.ingest_workers w SET heartbeat_at = now(), current_job_id = NULL
         WHERE w.worker_id = ingest_heartbeat.worker_id;
        RETURN NULL;
    END IF;
    UPDATE workspace.ingest_jobs x
       SET heartbeat_at = now(),
           phase = coalesce(ingest_heartbeat.phase, x.phase),
           rows_done = coalesce(ingest_heartbeat.rows_done, x.rows_done),
           bytes_done = coalesce(ingest_heartbeat.bytes_done, x.bytes_done),
           rows_total = coalesce(ingest_heartbeat.rows_total, x.rows_total),
           bytes_total = coalesce(ingest_heartbeat.bytes_total, x.bytes_total),
           embed_done = coalesce(ingest_heartbeat.embed_done, x.embed_done),
           embed_total = coalesce(ingest_heartbeat.embed_total, x.embed_total),
           detected_format = coalesce(ingest_heartbeat.detected_format, x.detected_format)
     WHERE x.id = ingest_heartbeat.job_id AND x.worker_id = ingest_heartbeat.worker_id
       AND x.attempt = ingest_heartbeat.attempt AND x.status = 'running';
    running := FOUND;
    -- (the job's row, then the worker's: the order in which publishing and failing a job
    -- lock them, so that a heartbeat during a publish waits instead of deadlocking)
    UPDATE workspace.ingest_workers w
       SET heartbeat_at = now(), current_job_id = ingest_heartbeat.job_id
     WHERE w.worker_id = ingest_heartbeat.worker_id;
    IF running THEN
        RETURN 'running';
    END IF;
    SELECT x.status INTO s FROM workspace.ingest_jobs x WHERE x.id = ingest_heartbeat.job_id;
    RETURN CASE WHEN s = 'cancelled' THEN 'cancelled' ELSE 'lost' END;
END
$$;
COMMENT ON FUNCTION workspace.ingest_heartbeat(uuid, uuid, integer, text, bigint, bigint, bigint, bigint, bigint, bigint, text) IS
    'Worker heartbeat and job progress; returns running, cancelled or lost (another attempt owns the job). Definer: workers have no table rights.';

-- The job is still this worker's attempt and running, or an error (57014 when it was
-- cancelled, 40001 when it was lost). Publishing locks the row (for_update), so that
-- publishing and cancelling serialize; the load itself must not hold that lock, or the
-- heartbeats of the same job would wait for it.
CREATE FUNCTION workspace.require_ingest_attempt(job_id uuid, attempt integer,
                                                 for_update boolean DEFAULT false)
RETURNS workspace.ingest_jobs
LANGUAGE plpgsql
VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    j workspace.ingest_jobs;
BEGIN
    IF for_update THEN
        SELECT * INTO j FROM workspace.ingest_jobs x WHERE x.id = require_ingest_attempt.job_id
           FOR UPDATE;
    ELSE
        SELECT * INTO j FROM workspace.ingest_jobs x WHERE x.id = require_ingest_attempt.job_id;
    END IF;
    IF j.id IS NULL THEN
        RAISE EXCEPTION 'ingest job % does not exist', job_id USING ERRCODE = '42704';
    ELSIF j.status = 'cancelled' THEN
        RAISE EXCEPTION 'ingest job % was cancelled', job_id USING ERRCODE = '57014';
    ELSIF j.status <> 'running' OR j.attempt <> require_ingest_attempt.attempt THEN
        RAISE EXCEPTION 'ingest job % is no longer held by this attempt', job_id
            USING ERRCODE = '40001';
    END IF;
    RETURN j;
END
$$;
COMMENT ON FUNCTION workspace.require_ingest_attempt(uuid, integer, boolean) IS
    'Locks and returns the job if this attempt still runs it; 57014 cancelled, 40001 lost.';

CREATE FUNCTION workspace.staging_table(job_id uuid)
RETURNS name
LANGUAGE sql
IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT ('_ingest_' || replace(job_id::text, '-', ''))::name
$$;
COMMENT ON FUNCTION workspace.staging_table(uuid) IS
    'Name of a job''s staging table (sanitized dataset names never start with an underscore).';

-- Column types the worker may ask for: anything else is refused, so a type is never
-- text spliced into DDL from outside.
CREATE FUNCTION workspace.ingest_column_types()
RETURNS text[]
LANGUAGE sql
IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT ARRAY['smallint', 'integer', 'bigint', 'numeric', 'real', 'double precision',
                 'boolean', 'text', 'bytea', 'date', 'time', 'timestamp', 'timestamptz',
                 'jsonb', 'real[]']
$$;
COMMENT ON FUNCTION workspace.ingest_column_types() IS 'Column types a dataset table may have.';

-- Creates the staging table, in the caller's (the load's) transaction: if the worker dies,
-- the table dies with the transaction. columns: [{"name": source name, "type": type}],
-- in source order. Returns the sanitized, unique column names, in the same order.
-- Definer: creates a table in the project's dataset schema and lets the worker fill it.
CREATE FUNCTION workspace.begin_ingest_load(job_id uuid, attempt integer, columns jsonb)
RETURNS text[]
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    j      workspace.ingest_jobs := workspace.require_ingest_attempt(job_id, attempt);
    s      name := workspace.dataset_schema(j.project_id);
    t      name := workspace.staging_table(j.id);
    names  text[] := '{}';
    defs   text[] := '{}';
    c      jsonb;
    n      text;
    base   text;
    k      integer;
    typ    text;
    i      integer := 0;
BEGIN
    IF jsonb_typeof(columns) <> 'array' OR jsonb_array_length(columns) = 0 THEN
        RAISE EXCEPTION 'the source has no columns' USING ERRCODE = '22023';
    END IF;
    IF jsonb_array_length(columns) > 1600 THEN
        RAISE EXCEPTION 'the source has % columns; a table holds at most 1600',
                        jsonb_array_length(columns) USING ERRCODE = '54011';
    END IF;
    IF j.if_exists = 'fail' AND EXISTS (
        SELECT FROM identity.datasets d
         WHERE d.project_id = j.project_id AND lower(d.name) = lower(j.dataset_name)) THEN
        RAISE EXCEPTION 'a dataset named "%" already exists in this project', j.dataset_name
            USING ERRCODE = '23505', HINT = 'Choose another dataset_name, or if_exists => replace.';
    END IF;
    PERFORM workspace.ensure_dataset_schema(j.project_id);
    FOR c IN SELECT value FROM jsonb_array_elements(columns) LOOP
        i := i + 1;
        typ := c ->> 'type';
        IF typ IS NULL OR NOT typ = ANY (workspace.ingest_column_types()) THEN
            RAISE EXCEPTION 'column % has an unsupported type %', c ->> 'name', coalesce(typ, 'null')
                USING ERRCODE = '22023';
        END IF;
        base := workspace.sanitize_identifier(c ->> 'name', 'column_' || i);
        n := base;
        k := 1;
        WHILE n = ANY (names) LOOP
            k := k + 1;
            n := left(base, 45) || '_' || k;
        END LOOP;
        names := names || n;
        defs := defs || format('%I %s', n, typ);
    END LOOP;
    EXECUTE format('CREATE TABLE %I.%I (%s)', s, t, array_to_string(defs, ', '));
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON %I.%I TO neuronplane_worker', s, t);
    RETURN names;
END
$$;
COMMENT ON FUNCTION workspace.begin_ingest_load(uuid, integer, jsonb) IS
    'Creates the job''s staging table (sanitized, unique column names; types from workspace.ingest_column_types()) for the worker to COPY into, inside its load transaction.';

-- Adds the embedding column to the staging table: vector(dim) when pgvector is installed,
-- else real[]. Definer: alters the owner's table.
CREATE FUNCTION workspace.add_embedding_column(job_id uuid, attempt integer, dimensions integer)
RETURNS text
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    j workspace.ingest_jobs := workspace.require_ingest_attempt(job_id, attempt);
    vext name;
    typ text;
BEGIN
    IF dimensions IS NULL OR dimensions NOT BETWEEN 1 AND 16000 THEN
        RAISE EXCEPTION 'embedding dimensions must be between 1 and 16000' USING ERRCODE = '22023';
    END IF;
    SELECT n.nspname INTO vext FROM pg_catalog.pg_extension e
      JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'vector';
    typ := CASE WHEN vext IS NOT NULL THEN format('%I.vector(%s)', vext, dimensions) ELSE 'real[]' END;
    EXECUTE format('ALTER TABLE %I.%I ADD COLUMN embedding %s',
                   workspace.dataset_schema(j.project_id), workspace.staging_table(j.id), typ);
    RETURN typ;
END
$$;
COMMENT ON FUNCTION workspace.add_embedding_column(uuid, integer, integer) IS
    'Adds column embedding (pgvector''s vector(n) where installed, else real[]) to the staging table.';

-- Publishes the staging table as the dataset's table, in the load transaction: the rows,
-- the dataset rows, the indexes and the job's success commit together or not at all.
-- Definer: renames and secures a table of the owner, creates the dataset and its principal.
CREATE FUNCTION workspace.publish_ingest(job_id uuid, attempt integer, row_count bigint,
                                         columns jsonb, embedding jsonb DEFAULT NULL,
                                         detected_format text DEFAULT NULL,
                                         bytes_read bigint DEFAULT NULL)
RETURNS uuid
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    j        workspace.ingest_jobs := workspace.require_ingest_attempt(job_id, attempt, true);
    s        name := workspace.dataset_schema(j.project_id);
    stage    name := workspace.staging_table(j.id);
    d_id     uuid;
    prev     workspace.datasets;
    target   text;
    base     text;
    k        integer := 1;
    col      text;
    idx      jsonb := '[]';
    iname    text;
    vext     name;
BEGIN
    SELECT d.id INTO d_id FROM identity.datasets d
     WHERE d.project_id = j.project_id AND lower(d.name) = lower(j.dataset_name)
       FOR UPDATE;
    IF d_id IS NOT NULL AND j.if_exists = 'fail' THEN
        RAISE EXCEPTION 'a dataset named "%" already exists in this project', j.dataset_name
            USING ERRCODE = '23505', HINT = 'Choose another dataset_name, or if_exists => replace.';
    END IF;
    IF d_id IS NOT NULL THEN
        SELECT * INTO prev FROM workspace.datasets x WHERE x.id = d_id;
    END IF;
    IF prev.id IS NOT NULL THEN
        EXECUTE format('DROP TABLE IF EXISTS %I.%I', prev.target_schema, prev.target_table);
        target := prev.target_table;
    ELSE
        base := workspace.sanitize_identifier(j.dataset_name, 'dataset');
        target := base;
        WHILE EXISTS (SELECT FROM pg_catalog.pg_class c
                        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                       WHERE n.nspname = s AND c.relname = target) LOOP
            k := k + 1;
            target := left(base, 45) || '_' || k;
        END LOOP;
    END IF;
    EXECUTE format('ALTER TABLE %I.%I RENAME TO %I', s, stage, target);

    IF d_id IS NULL THEN
        INSERT INTO identity.datasets (project_id, name) VALUES (j.project_id, j.dataset_name)
        RETURNING id INTO d_id;
    END IF;

    -- Indexes: btree and full-text (GIN over to_tsvector('simple', ...)) on the named
    -- columns, HNSW on the embedding when pgvector is there.
    FOR col IN SELECT jsonb_array_elements_text(coalesce(j.index_config -> 'btree', '[]')) LOOP
        col := workspace.sanitize_identifier(col, col);
        iname := left(target || '_' || col, 50) || '_btree';
        EXECUTE format('CREATE INDEX %I ON %I.%I (%I)', iname, s, target, col);
        idx := idx || jsonb_build_object('name', iname, 'kind', 'btree', 'column', col);
    END LOOP;
    FOR col IN SELECT jsonb_array_elements_text(coalesce(j.index_config -> 'fulltext', '[]')) LOOP
        col := workspace.sanitize_identifier(col, col);
        iname := left(target || '_' || col, 50) || '_fts';
        EXECUTE format('CREATE INDEX %I ON %I.%I USING gin (to_tsvector(''simple''::regconfig, %I::text))',
                       iname, s, target, col);
        idx := idx || jsonb_build_object('name', iname, 'kind', 'fulltext', 'column', col);
    END LOOP;
    SELECT n.nspname INTO vext FROM pg_catalog.pg_extension e
      JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'vector';
    IF embedding IS NOT NULL AND vext IS NOT NULL
       AND coalesce((j.index_config ->> 'hnsw')::boolean, true) THEN
        iname := left(target, 50) || '_hnsw';
        EXECUTE format('CREATE INDEX %I ON %I.%I USING hnsw (embedding %I.vector_cosine_ops)',
                       iname, s, target, vext);
        idx := idx || jsonb_build_object('name', iname, 'kind', 'hnsw', 'column', 'embedding');
    END IF;

    -- The table is the dataset's: RLS by has_permission on it, reading for the API roles.
    EXECUTE format('REVOKE ALL ON %I.%I FROM neuronplane_worker', s, target);
    EXECUTE format('ALTER TABLE %I.%I ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY', s, target);
    EXECUTE format(
        'CREATE POLICY %I ON %I.%I FOR SELECT TO authenticated, service USING ('
        '(SELECT identity.has_permission((SELECT identity.current_principal_id()), ''dataset'', %L::uuid,'
        ' ''read'', (SELECT identity.current_api_key_id()))))',
        left(target, 50) || '_select', s, target, d_id);
    EXECUTE format('GRANT SELECT ON %I.%I TO authenticated, service', s, target);
    EXECUTE format('COMMENT ON TABLE %I.%I IS %L', s, target,
                   'Dataset ' || j.dataset_name || ' (' || d_id || '), loaded by ingest job ' || j.id);

    INSERT INTO workspace.datasets AS x (id, project_id, name, target_schema, target_table,
                                         columns, row_count, embedding, indexes, created_by)
    VALUES (d_id, j.project_id, j.dataset_name, s, target, coalesce(columns, '[]'), row_count,
            embedding, idx, j.created_by)
    ON CONFLICT (id) DO UPDATE
       SET columns = excluded.columns, row_count = excluded.row_count,
           embedding = excluded.embedding, indexes = excluded.indexes,
           target_table = excluded.target_table;

    UPDATE workspace.ingest_jobs x
       -- clock_timestamp(): now() is the start of the load's transaction.
       SET status = 'succeeded', finished_at = clock_timestamp(), phase = NULL, dataset_id = d_id,
           rows_done = row_count, rows_total = row_count, heartbeat_at = clock_timestamp(),
           detected_format = coalesce(publish_ingest.detected_format, x.detected_format),
           bytes_done = coalesce(bytes_read, x.bytes_done),
           bytes_total = coalesce(bytes_read, x.bytes_total),
           embed_done = CASE WHEN publish_ingest.embedding IS NOT NULL THEN row_count ELSE x.embed_done END,
           embed_total = CASE WHEN publish_ingest.embedding IS NOT NULL THEN row_count ELSE x.embed_total END
     WHERE x.id = j.id;
    UPDATE workspace.ingest_workers w SET jobs_done = w.jobs_done + 1, current_job_id = NULL
     WHERE w.worker_id = j.worker_id;
    PERFORM audit.record('workspace.ingest.succeeded', 'success', 'dataset', d_id::text,
                         jsonb_build_object('job_id', j.id, 'rows', row_count,
                                            'table', format('%I.%I', s, target)),
                         j.created_by, (SELECT p.type FROM identity.principals p WHERE p.id = j.created_by),
                         NULL, j.project_id);
    PERFORM pg_catalog.pg_notify('neuronplane_ingest', j.id::text);
    RETURN d_id;
END
$$;
COMMENT ON FUNCTION workspace.publish_ingest(uuid, integer, bigint, jsonb, jsonb, text, bigint) IS
    'Turns the staging table into the dataset''s table (RLS by has_permission on the dataset, indexes from index_config), records the dataset and marks the job succeeded, all in the load transaction.';

-- A failed attempt: the worker rolled its load back; the job fails with its error,
-- unless it was cancelled or taken over in the meantime.
CREATE FUNCTION workspace.fail_ingest(job_id uuid, attempt integer, error text)
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    j workspace.ingest_jobs;
BEGIN
    UPDATE workspace.ingest_jobs x
       SET status = 'failed', finished_at = now(), phase = NULL,
           error = left(coalesce(fail_ingest.error, 'unknown error'), 2000)
     WHERE x.id = fail_ingest.job_id AND x.attempt = fail_ingest.attempt
       AND x.status = 'running'
    RETURNING * INTO j;
    IF FOUND THEN
        UPDATE workspace.ingest_workers w SET current_job_id = NULL WHERE w.worker_id = j.worker_id;
        PERFORM audit.record('workspace.ingest.failed', 'failure', 'project', j.project_id::text,
                             jsonb_build_object('job_id', j.id, 'error', j.error),
                             j.created_by,
                             (SELECT p.type FROM identity.principals p WHERE p.id = j.created_by),
                             NULL, j.project_id);
        PERFORM pg_catalog.pg_notify('neuronplane_ingest', j.id::text);
    END IF;
END
$$;
COMMENT ON FUNCTION workspace.fail_ingest(uuid, integer, text) IS
    'Marks this attempt''s job failed with its error (unless cancelled or taken over). Definer: workers have no table rights.';

-- The glue registers a received file; a job then names it by id.
CREATE FUNCTION workspace.register_ingest_upload(path text, size_bytes bigint, filename text)
RETURNS uuid
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    INSERT INTO workspace.ingest_uploads (path, size_bytes, filename)
    VALUES (path, size_bytes, left(filename, 500))
    RETURNING id
$$;
COMMENT ON FUNCTION workspace.register_ingest_upload(text, bigint, text) IS
    'Records a file the glue received; returns the upload id a job names. Definer: only the glue (worker role) may.';

-- Forgets an upload (its file is gone): the glue after a refused start, the worker after
-- the job ended.
CREATE FUNCTION workspace.forget_ingest_upload(upload_id uuid)
RETURNS text
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    DELETE FROM workspace.ingest_uploads u WHERE u.id = upload_id RETURNING u.path
$$;
COMMENT ON FUNCTION workspace.forget_ingest_upload(uuid) IS
    'Deletes an upload''s row and returns its path (for the caller to remove the file).';

-- Uploaded files nobody will read again: those of jobs that ended without a worker
-- running them to the end (cancelled while queued, say), and those no job ever named
-- (the client went away between the upload and start_ingest) once they are old enough.
-- An idle worker removes each file, then forgets it (workspace.forget_ingest_upload()).
-- Definer: the worker role has no rights on the tables.
CREATE FUNCTION workspace.abandoned_ingest_uploads(unclaimed_after interval DEFAULT '1 day')
RETURNS TABLE (upload_id uuid, path text)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT u.id, u.path
      FROM workspace.ingest_uploads u
      LEFT JOIN workspace.ingest_jobs j ON j.id = u.job_id
     WHERE (u.job_id IS NOT NULL AND (j.id IS NULL OR j.status IN ('succeeded', 'failed', 'cancelled')))
        OR (u.job_id IS NULL AND u.created_at < now() - unclaimed_after)
     ORDER BY u.created_at
     LIMIT 100
$$;
COMMENT ON FUNCTION workspace.abandoned_ingest_uploads(interval) IS
    'Up to 100 uploads no job will read: their job has ended (or is gone), or no job named them within unclaimed_after. For the worker, which removes the files and forgets them.';

REVOKE ALL ON FUNCTION workspace.require_ingest_attempt(uuid, integer, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION
    workspace.register_ingest_worker(uuid, text, integer),
    workspace.stop_ingest_worker(uuid),
    workspace.claim_ingest_job(uuid),
    workspace.ingest_heartbeat(uuid, uuid, integer, text, bigint, bigint, bigint, bigint, bigint, bigint, text),
    workspace.begin_ingest_load(uuid, integer, jsonb),
    workspace.add_embedding_column(uuid, integer, integer),
    workspace.publish_ingest(uuid, integer, bigint, jsonb, jsonb, text, bigint),
    workspace.fail_ingest(uuid, integer, text),
    workspace.register_ingest_upload(text, bigint, text),
    workspace.forget_ingest_upload(uuid),
    workspace.abandoned_ingest_uploads(interval),
    workspace.staging_table(uuid)
  TO neuronplane_worker;

GRANT SELECT (details) ON workspace.ingest_jobs TO authenticated, service;

-- Merges a note of the worker into the job's details. Called on the worker's own autocommit
-- connection, never in the load's transaction: that one must not hold the job's row, or
-- the job's heartbeats would wait for it. Definer: workers have no table rights.
CREATE FUNCTION workspace.note_ingest(job_id uuid, attempt integer, details jsonb)
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF details IS NULL OR jsonb_typeof(details) <> 'object' THEN
        RAISE EXCEPTION 'details must be a JSON object' USING ERRCODE = '22023';
    END IF;
    PERFORM workspace.require_ingest_attempt(note_ingest.job_id, note_ingest.attempt);
    UPDATE workspace.ingest_jobs x
       SET details = x.details || note_ingest.details
     WHERE x.id = note_ingest.job_id;
END
$$;
COMMENT ON FUNCTION workspace.note_ingest(uuid, integer, jsonb) IS
    'Merges the worker''s notes (restarts, missing-value markers, compression) into the job''s details while this attempt holds it; 57014 cancelled, 40001 lost. Definer: workers have no table rights.';
REVOKE ALL ON FUNCTION workspace.note_ingest(uuid, integer, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION workspace.note_ingest(uuid, integer, jsonb) TO neuronplane_worker;


-- An attempt that lost its database connection (server restart, terminated backend) did
-- not fail on the data: like a crashed worker's, the job goes back to the queue, until the
-- job has had workspace.ingest_settings.max_attempts attempts. Each such attempt is listed
-- in details.attempts with its reason, so that the last error is not the only one seen.
-- Returns what became of the job: queued, failed, or lost (cancelled or no longer held
-- by this attempt: left alone).
-- SECURITY DEFINER: workers have no table rights.
CREATE FUNCTION workspace.retry_ingest(job_id uuid, attempt integer, reason text)
RETURNS text
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    cfg workspace.ingest_settings;
    j   workspace.ingest_jobs;
    why text := left(coalesce(reason, 'the database connection was lost'), 2000);
BEGIN
    SELECT * INTO cfg FROM workspace.ingest_settings;
    SELECT * INTO j FROM workspace.ingest_jobs x
     WHERE x.id = retry_ingest.job_id AND x.attempt = retry_ingest.attempt
       AND x.status = 'running'
       FOR UPDATE;
    IF NOT FOUND THEN
        RETURN 'lost';
    END IF;
    UPDATE workspace.ingest_jobs x
       SET details = x.details || jsonb_build_object('attempts',
               coalesce(x.details -> 'attempts', '[]') || jsonb_build_array(jsonb_build_object(
                   'attempt', j.attempt, 'reason', why, 'at', now())))
     WHERE x.id = j.id;
    IF j.attempt >= cfg.max_attempts THEN
        PERFORM workspace.fail_ingest(j.id, j.attempt,
                                      format('gave up after %s attempts: %s', j.attempt, why));
        RETURN 'failed';
    END IF;
    UPDATE workspace.ingest_jobs x
       SET status = 'queued', phase = NULL, worker_id = NULL, heartbeat_at = NULL
     WHERE x.id = j.id;
    UPDATE workspace.ingest_workers w SET current_job_id = NULL WHERE w.worker_id = j.worker_id;
    PERFORM pg_catalog.pg_notify('neuronplane_ingest', j.id::text);
    RETURN 'queued';
END
$$;
COMMENT ON FUNCTION workspace.retry_ingest(uuid, integer, text) IS
    'An attempt lost its database connection: the job is queued again (NOTIFY), or failed once it had max_attempts attempts; the reason is appended to details.attempts. Returns queued, failed or lost. Definer: workers have no table rights.';

GRANT EXECUTE ON FUNCTION workspace.retry_ingest(uuid, integer, text) TO neuronplane_worker;


CREATE FUNCTION workspace.start_ingest(project_id uuid, dataset_name text, source_type text,
                                 source jsonb, format text DEFAULT 'auto',
                                 options jsonb DEFAULT '{}', embedding jsonb DEFAULT NULL,
                                 index_config jsonb DEFAULT '{}', credentials jsonb DEFAULT NULL,
                                 if_exists text DEFAULT 'fail')
RETURNS uuid
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    caller  uuid := identity.require_caller();
    v_id    uuid := gen_random_uuid();
    up      workspace.ingest_uploads;
BEGIN
    IF project_id IS NULL OR NOT EXISTS (SELECT FROM identity.projects p WHERE p.id = start_ingest.project_id) THEN
        RAISE EXCEPTION 'project % does not exist', coalesce(project_id::text, 'null')
            USING ERRCODE = '42704';
    END IF;
    PERFORM identity.require_permission('project', project_id, 'write');
    IF dataset_name IS NULL OR btrim(dataset_name) = '' OR length(dataset_name) > 200 THEN
        RAISE EXCEPTION 'dataset_name is required (1 to 200 characters)' USING ERRCODE = '22023';
    END IF;
    IF if_exists IS NULL OR if_exists NOT IN ('fail', 'replace') THEN
        RAISE EXCEPTION 'if_exists must be fail or replace' USING ERRCODE = '22023';
    END IF;
    PERFORM workspace.check_ingest_request(source_type, source, format, coalesce(options, '{}'),
                                           embedding, coalesce(index_config, '{}'), credentials);
    IF if_exists = 'fail' AND EXISTS (
        SELECT FROM identity.datasets d
         WHERE d.project_id = start_ingest.project_id AND lower(d.name) = lower(dataset_name)) THEN
        RAISE EXCEPTION 'a dataset named "%" already exists in this project', dataset_name
            USING ERRCODE = '23505', HINT = 'Choose another dataset_name, or if_exists => replace.';
    END IF;
    IF if_exists = 'replace' THEN
        -- Replacing a dataset is writing it.
        PERFORM identity.require_permission('dataset', d.id, 'write')
           FROM identity.datasets d
          WHERE d.project_id = start_ingest.project_id AND lower(d.name) = lower(dataset_name);
    END IF;
    IF source_type = 'upload' THEN
        SELECT * INTO up FROM workspace.ingest_uploads u
         WHERE u.id = (source ->> 'upload_id')::uuid AND u.job_id IS NULL
           AND u.created_at > now() - interval '1 day'
           FOR UPDATE;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'upload % does not exist or was used already', source ->> 'upload_id'
                USING ERRCODE = '42704', HINT = 'Send the file to the glue''s POST /ingest/upload.';
        END IF;
    END IF;
    PERFORM workspace.ensure_dataset_schema(project_id);

    INSERT INTO workspace.ingest_jobs (id, project_id, dataset_name, if_exists, source_type,
                                       source, format, options, embedding, index_config,
                                       credentials_secret, created_by)
    VALUES (v_id, project_id, btrim(dataset_name), if_exists, source_type, source, format,
            coalesce(options, '{}'), embedding, coalesce(index_config, '{}'),
            CASE WHEN credentials IS NOT NULL THEN
                internal.encrypt_secret(credentials::text, 'workspace.ingest_jobs.credentials:' || v_id)
            END,
            caller);
    IF up.id IS NOT NULL THEN
        UPDATE workspace.ingest_uploads u SET job_id = v_id WHERE u.id = up.id;
    END IF;
    PERFORM identity.audit('workspace.ingest.started', 'project', project_id::text,
                           jsonb_build_object('job_id', v_id, 'dataset_name', dataset_name,
                                              'source_type', source_type, 'format', format),
                           NULL, project_id);
    PERFORM pg_catalog.pg_notify('neuronplane_ingest', v_id::text);
    RETURN v_id;
END
$$;
COMMENT ON FUNCTION workspace.start_ingest(uuid,text,text,jsonb,text,jsonb,jsonb,jsonb,jsonb,text) IS
    'What api.start_ingest() does (see its comment there); only that endpoint calls it.';

CREATE FUNCTION workspace.cancel_ingest(id uuid)
RETURNS uuid
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    caller uuid := identity.require_caller();
    j      workspace.ingest_jobs;
BEGIN
    SELECT * INTO j FROM workspace.ingest_jobs x WHERE x.id = cancel_ingest.id FOR UPDATE;
    IF NOT FOUND OR NOT identity.has_permission(caller, 'project', j.project_id, 'read',
                                                identity.current_api_key_id()) THEN
        RAISE EXCEPTION 'ingest job % does not exist', coalesce(id::text, 'null')
            USING ERRCODE = '42704';
    END IF;
    IF j.created_by IS DISTINCT FROM caller THEN
        PERFORM identity.require_permission('project', j.project_id, 'write');
    END IF;
    IF j.status NOT IN ('queued', 'running') THEN
        -- PT409: PostgREST answers 409 Conflict.
        RAISE EXCEPTION 'ingest job % has already finished (%)', id, j.status
            USING ERRCODE = 'PT409';
    END IF;
    UPDATE workspace.ingest_jobs x
       SET status = 'cancelled', finished_at = now(), phase = NULL,
           error = 'cancelled'
     WHERE x.id = j.id;
    PERFORM identity.audit('workspace.ingest.cancelled', 'project', j.project_id::text,
                           jsonb_build_object('job_id', j.id, 'was', j.status), NULL, j.project_id);
    PERFORM pg_catalog.pg_notify('neuronplane_ingest', j.id::text);
    RETURN j.id;
END
$$;
COMMENT ON FUNCTION workspace.cancel_ingest(uuid) IS
    'What api.cancel_ingest() does (see its comment there); only that endpoint calls it.';

-- How many ingestion workers are alive, so that a client whose job stays queued can say
-- that none is running instead of waiting in silence. Only a count: which hosts and
-- processes run workers is for administrators (ops.workers_snapshot()).
-- SECURITY DEFINER: API roles cannot read workspace.ingest_workers.
CREATE FUNCTION workspace.count_ingest_workers()
RETURNS integer
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT count(*)::integer
      FROM workspace.ingest_workers w
     CROSS JOIN workspace.ingest_settings s
     WHERE w.stopped_at IS NULL AND w.heartbeat_at >= now() - s.stale_after
$$;
COMMENT ON FUNCTION workspace.count_ingest_workers() IS
    'What api.count_ingest_workers() does (see its comment there); only that endpoint calls it.';

RESET ROLE;

COMMIT;
