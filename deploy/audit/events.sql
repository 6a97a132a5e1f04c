-- Deploy neuronplane:audit/events to pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- The catalogue of actions: audit.record() accepts no other. docs/audit.md lists them.
CREATE TABLE audit.actions (
    action      text PRIMARY KEY
                CHECK (action ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$'),
    description text NOT NULL CHECK (description <> '')
);
COMMENT ON TABLE audit.actions IS 'Every action an audit event may name, with what it means.';

-- audit.record() asks audit.is_known_action(), a function compiled from the catalogue
-- (a constant array, inlined into record()'s plan) and recompiled whenever the catalogue
-- changes: no catalogue lookup per event.
CREATE FUNCTION audit.tg_actions__compile()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    EXECUTE format(
        'CREATE OR REPLACE FUNCTION audit.is_known_action(action text) RETURNS boolean '
        'LANGUAGE sql STABLE PARALLEL SAFE AS %L',
        format('SELECT action OPERATOR(pg_catalog.=) ANY (%L::pg_catalog.text[])',
               (SELECT coalesce(array_agg(a.action ORDER BY a.action), '{}') FROM audit.actions a)));
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION audit.tg_actions__compile() IS
    'Trigger: recompiles audit.is_known_action() from audit.actions.';

CREATE FUNCTION audit.is_known_action(action text)
RETURNS boolean
LANGUAGE sql
STABLE
PARALLEL SAFE
AS $$ SELECT false $$;
COMMENT ON FUNCTION audit.is_known_action(text) IS
    'True when action is in audit.actions; compiled from the catalogue by a trigger.';

CREATE TRIGGER actions_compile AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON audit.actions
    FOR EACH STATEMENT EXECUTE FUNCTION audit.tg_actions__compile();

INSERT INTO audit.actions (action, description) VALUES
    ('auth.login.succeeded',      'A principal logged in (password, OIDC or other method in details.method).'),
    ('auth.login.failed',         'A login attempt failed; details.reason says why, never the secret.'),
    ('auth.login.locked',         'A login was refused because the account or address is locked out.'),
    ('auth.logout',               'A session was ended by its owner.'),
    ('auth.refresh.rotated',      'A refresh token was spent and a successor issued.'),
    ('auth.refresh.reused',       'A spent refresh token was presented again; the session was revoked.'),
    ('auth.session.revoked',      'A session was revoked (by its owner, an admin or a password change).'),
    ('auth.password.changed',     'A password was changed by its owner.'),
    ('auth.password.reset',       'A password was reset by an administrator.'),
    ('auth.oidc.started',         'An OIDC login attempt was created.'),
    ('auth.oidc.failed',          'An OIDC callback failed validation.'),
    ('auth.signing_key.rotated',  'A new access-token signing key became active.'),
    ('api_key.created',           'An API key was created (its prefix in resource_id, never the secret).'),
    ('api_key.revoked',           'An API key was revoked.'),
    ('api_key.rate_limited',      'A request with an API key was refused by its rate limit.'),
    ('policy.granted',            'A permission policy was created.'),
    ('policy.revoked',            'A permission policy was removed.'),
    ('identity.user.created',     'A user was created.'),
    ('identity.user.disabled',    'A user was disabled.'),
    ('identity.org.created',      'An organization was created.'),
    ('identity.membership.changed', 'An organization membership was added, changed or removed.'),
    ('identity.project.created',  'A project (profile) was created.'),
    ('identity.project.deleted',  'A project (profile) was deleted.'),
    ('identity.service_account.created', 'A service account was created.'),
    ('workspace.model_key.set',   'An LLM model key was stored (last four characters only in details).'),
    ('workspace.model_key.revealed', 'An LLM model key was decrypted for a worker.'),
    ('workspace.ingest.started',  'A dataset ingestion job was queued.'),
    ('workspace.ingest.cancelled', 'A dataset ingestion job was cancelled.'),
    ('audit.head.exported',       'A chain head was recorded as exported outside the database.'),
    ('audit.partition.dropped',   'An audit partition was dropped by retention, after its head was exported.');

-- Settings that administrators change with SQL (one row).
CREATE TABLE audit.settings (
    id                   boolean PRIMARY KEY DEFAULT true CHECK (id),
    -- The one header a trusted reverse proxy sets to the client address (e.g.
    -- x-forwarded-for, x-real-ip); NULL when PostgREST is reached without such a proxy.
    trusted_proxy_header text CHECK (trusted_proxy_header ~ '^[a-z0-9-]+$'),
    partitions_ahead     integer NOT NULL DEFAULT 3 CHECK (partitions_ahead BETWEEN 1 AND 24),
    max_details_bytes    integer NOT NULL DEFAULT 16384
                         CHECK (max_details_bytes BETWEEN 1024 AND 1048576)
);
COMMENT ON TABLE audit.settings IS 'Audit log settings, one row; change with UPDATE as an administrator.';
INSERT INTO audit.settings DEFAULT VALUES;

-- The events. Writes only through audit.record(); no role may UPDATE or DELETE them and a
-- trigger refuses both even to the owner.
-- Event ids: the transaction takes its id before it draws an event id, which audit.seal()
-- relies on (an id drawn is then always by a transaction its snapshots see as running).
CREATE SEQUENCE audit.events_id_seq AS bigint;
CREATE FUNCTION audit.next_event_id()
RETURNS bigint
LANGUAGE sql
VOLATILE
AS $$
    SELECT CASE WHEN pg_catalog.pg_current_xact_id() IS NOT NULL
                THEN pg_catalog.nextval('audit.events_id_seq'::pg_catalog.regclass) END
$$;
COMMENT ON FUNCTION audit.next_event_id() IS
    'The next audit event id, drawn after the transaction took its transaction id.';

CREATE TABLE audit.events (
    id             bigint NOT NULL DEFAULT audit.next_event_id(),
    occurred_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    principal_id   uuid,
    principal_type text,
    org_id         uuid,
    project_id     uuid,
    action         text NOT NULL,
    resource_type  text,
    resource_id    text,
    outcome        text NOT NULL,
    ip             inet,
    user_agent     text,
    request_id     text,
    details        jsonb NOT NULL DEFAULT '{}',
    -- No CHECK constraints: they are prepared again for every INSERT statement, and
    -- audit.record(), the only writer, validates everything (action against the
    -- catalogue, outcome, principal, formats, lengths, details) before it inserts.
    PRIMARY KEY (id, occurred_at)
) PARTITION BY RANGE (occurred_at);

ALTER SEQUENCE audit.events_id_seq OWNED BY audit.events.id;

COMMENT ON TABLE audit.events IS
    'The audit log: append-only, partitioned by month (UTC), sealed into a SHA-256 chain per month.';

CREATE INDEX events_principal_idx ON audit.events (principal_id, occurred_at)
    WHERE principal_id IS NOT NULL;
CREATE INDEX events_org_idx ON audit.events (org_id, occurred_at) WHERE org_id IS NOT NULL;
CREATE INDEX events_occurred_at_brin ON audit.events USING brin (occurred_at);

-- The seals: event i of month m is sealed by hash_i = sha256(hash_{i-1} || canonical(event_i)),
-- hash_0 being the month's genesis. Written only by audit.seal().
CREATE TABLE audit.seals (
    month       date NOT NULL,
    position    bigint NOT NULL CHECK (position > 0),
    event_id    bigint NOT NULL,
    occurred_at timestamptz NOT NULL,
    prev_hash   bytea NOT NULL CHECK (octet_length(prev_hash) = 32),
    hash        bytea NOT NULL CHECK (octet_length(hash) = 32),
    sealed_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (month, position),
    UNIQUE (event_id, month)
) PARTITION BY RANGE (month);
COMMENT ON TABLE audit.seals IS 'One seal per audit event: its position and hash in its month''s chain.';

-- Per month: the head of its chain, whether it is final, and whether it was exported.
CREATE TABLE audit.chain_state (
    month             date PRIMARY KEY CHECK (month = date_trunc('month', month)),
    last_position     bigint NOT NULL DEFAULT 0,
    head_hash         bytea NOT NULL,
    finalized_at      timestamptz,
    exported_position bigint,
    exported_hash     bytea,
    exported_at       timestamptz,
    exported_to       text,
    dropped_at        timestamptz
);
COMMENT ON TABLE audit.chain_state IS
    'Head of each month''s seal chain; final once no event can still join it; export marks for retention.';

-- The sealer's progress. watermark: every event with id <= watermark is sealed, or never
-- committed. pending_*: the sequence position read at pending_read_at and the snapshot xmax
-- taken after it; once every transaction below pending_xmax has ended, pending_id becomes
-- the watermark.
CREATE TABLE audit.sealer_state (
    id                   boolean PRIMARY KEY DEFAULT true CHECK (id),
    watermark            bigint NOT NULL DEFAULT 0,
    watermark_read_at    timestamptz,
    pending_id           bigint,
    pending_xmax         xid8,
    pending_read_at      timestamptz,
    last_run_at          timestamptz
);
COMMENT ON TABLE audit.sealer_state IS 'Progress of audit.seal(); one row.';
INSERT INTO audit.sealer_state DEFAULT VALUES;

-- Row level security on every table. Only the owner (SECURITY DEFINER functions) works
-- on them; the API's read policy on events comes with api/audit_events.
ALTER TABLE audit.actions      ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE audit.settings     ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE audit.events       ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE audit.seals        ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE audit.chain_state  ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE audit.sealer_state ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

-- Append-only, even for the owner.
CREATE FUNCTION audit.tg_append_only__reject()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % is refused', TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME, TG_OP
        USING ERRCODE = '42501',
              HINT = 'Audit events are never changed; old months are removed only by audit.drop_partitions_older_than().';
END
$$;
COMMENT ON FUNCTION audit.tg_append_only__reject() IS
    'Trigger: refuses UPDATE, DELETE and TRUNCATE on the audit tables.';

CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON audit.events
    FOR EACH ROW EXECUTE FUNCTION audit.tg_append_only__reject();
CREATE TRIGGER seals_append_only BEFORE UPDATE OR DELETE ON audit.seals
    FOR EACH ROW EXECUTE FUNCTION audit.tg_append_only__reject();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON audit.events
    FOR EACH STATEMENT EXECUTE FUNCTION audit.tg_append_only__reject();
CREATE TRIGGER seals_no_truncate BEFORE TRUNCATE ON audit.seals
    FOR EACH STATEMENT EXECUTE FUNCTION audit.tg_append_only__reject();

-- The month (UTC) an instant belongs to: the partition key of the seals.
-- No SET clause on these small SQL functions, so that the planner inlines them (they
-- are not SECURITY DEFINER, and name pg_catalog's functions explicitly).
CREATE FUNCTION audit.month_of(at timestamptz)
RETURNS date
LANGUAGE sql
IMMUTABLE
PARALLEL SAFE
AS $$ SELECT pg_catalog.date_trunc('month', pg_catalog.timezone('UTC', at))::date $$;
COMMENT ON FUNCTION audit.month_of(timestamptz) IS 'The first day of the UTC month containing at.';

-- The instants a month (UTC) begins and ends: partition bounds, and what verify and
-- retention compare with.
CREATE FUNCTION audit.month_start(month date)
RETURNS timestamptz
LANGUAGE sql
IMMUTABLE
PARALLEL SAFE
AS $$ SELECT pg_catalog.timezone('UTC', month::timestamp) $$;
COMMENT ON FUNCTION audit.month_start(date) IS 'When the UTC month beginning on month starts.';

CREATE FUNCTION audit.month_end(month date)
RETURNS timestamptz
LANGUAGE sql
IMMUTABLE
PARALLEL SAFE
AS $$ SELECT pg_catalog.timezone('UTC', (month OPERATOR(pg_catalog.+) '1 month'::interval)) $$;
COMMENT ON FUNCTION audit.month_end(date) IS 'When the UTC month beginning on month ends.';

-- The hash every month's chain starts from.
CREATE FUNCTION audit.genesis_hash(month date)
RETURNS bytea
LANGUAGE sql
IMMUTABLE
PARALLEL SAFE
AS $$
    SELECT pg_catalog.sha256(pg_catalog.convert_to(
        pg_catalog.concat('neuronplane audit chain ', pg_catalog.to_char(month, 'YYYY-MM')), 'UTF8'))
$$;
COMMENT ON FUNCTION audit.genesis_hash(date) IS 'The hash a month''s seal chain starts from.';

-- Create this month's and the next months' partitions (events and seals), with RLS and
-- the TRUNCATE guard (statement triggers are not inherited by partitions). Idempotent;
-- run at deploy, daily by pg_cron and by every audit.seal() (every minute).
-- SECURITY DEFINER: partitions must be created by the owner of the partitioned tables.
CREATE FUNCTION audit.ensure_partitions(months_ahead integer DEFAULT NULL)
RETURNS integer
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    ahead   integer := coalesce(months_ahead,
                                (SELECT s.partitions_ahead FROM audit.settings s));
    first   date := audit.month_of(clock_timestamp());
    m       date;
    suffix  text;
    created integer := 0;
BEGIN
    IF ahead IS NULL OR ahead < 0 OR ahead > 24 THEN
        RAISE EXCEPTION 'months_ahead must be between 0 and 24, not %', ahead
            USING ERRCODE = '22023';
    END IF;
    -- One maintainer at a time; concurrent callers wait, then find the work done.
    PERFORM pg_advisory_xact_lock(hashtext('neuronplane.audit.ensure_partitions'));
    FOR i IN 0 .. ahead LOOP
        m := (first + make_interval(months => i))::date;
        suffix := to_char(m, 'YYYY_MM');
        IF to_regclass(format('audit.events_%s', suffix)) IS NULL THEN
            EXECUTE format(
                'CREATE TABLE audit.%I PARTITION OF audit.events FOR VALUES FROM (%L) TO (%L)',
                'events_' || suffix,
                audit.month_start(m), audit.month_end(m));
            EXECUTE format('ALTER TABLE audit.%I ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY',
                           'events_' || suffix);
            EXECUTE format('CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON audit.%I '
                           'FOR EACH STATEMENT EXECUTE FUNCTION audit.tg_append_only__reject()',
                           'events_' || suffix);
            created := created + 1;
        END IF;
        IF to_regclass(format('audit.seals_%s', suffix)) IS NULL THEN
            EXECUTE format(
                'CREATE TABLE audit.%I PARTITION OF audit.seals FOR VALUES FROM (%L) TO (%L)',
                'seals_' || suffix, m, (m + interval '1 month')::date);
            EXECUTE format('ALTER TABLE audit.%I ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY',
                           'seals_' || suffix);
            EXECUTE format('CREATE TRIGGER seals_no_truncate BEFORE TRUNCATE ON audit.%I '
                           'FOR EACH STATEMENT EXECUTE FUNCTION audit.tg_append_only__reject()',
                           'seals_' || suffix);
            created := created + 1;
        END IF;
        INSERT INTO audit.chain_state (month, head_hash)
        VALUES (m, audit.genesis_hash(m))
        ON CONFLICT (month) DO NOTHING;
    END LOOP;
    RETURN created;
END
$$;
COMMENT ON FUNCTION audit.ensure_partitions(integer) IS
    'Create the audit partitions of this month and the next months_ahead (default: audit.settings.partitions_ahead) months. Idempotent; returns how many tables it created.';

SELECT audit.ensure_partitions();

RESET ROLE;

COMMIT;
