-- Deploy neuronplane:audit/chain to pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- The bytes a seal hashes: every column of the event, as a JSON array in a fixed order,
-- with the time in UTC. Independent of the session's TimeZone and DateStyle.
CREATE FUNCTION audit.canonical(e audit.events)
RETURNS bytea
LANGUAGE sql
IMMUTABLE
PARALLEL SAFE
-- No SET clause, so that it is inlined; pg_catalog's functions are named explicitly.
AS $$
    SELECT pg_catalog.convert_to(pg_catalog.jsonb_build_array(
        e.id, pg_catalog.timezone('UTC', e.occurred_at), e.principal_id, e.principal_type,
        e.org_id, e.project_id, e.action, e.resource_type, e.resource_id, e.outcome,
        e.ip::text, e.user_agent, e.request_id, e.details)::text, 'UTF8')
$$;
COMMENT ON FUNCTION audit.canonical(audit.events) IS
    'The canonical serialization of an audit event that its seal hashes.';

-- Seal the committed events that are not sealed yet, appending each to its month's chain
-- in id order. Writers never wait for this: they only insert. Run every minute by pg_cron
-- (audit/schedule) and callable at any time; concurrent runs skip (advisory lock).
-- SECURITY DEFINER: seals are written by the owner only.
CREATE FUNCTION audit.seal(max_events integer DEFAULT 100000)
RETURNS integer
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    st          audit.sealer_state;
    horizon     xid8;
    ev          audit.events;
    cur_month   date;
    pos         bigint;
    prev        bytea;
    h           bytea;
    sealed      integer := 0;
    read_id     bigint;
    read_called boolean;
BEGIN
    IF max_events IS NULL OR max_events < 1 THEN
        RAISE EXCEPTION 'max_events must be positive' USING ERRCODE = '22023';
    END IF;
    IF NOT pg_try_advisory_xact_lock(hashtext('neuronplane.audit.seal')) THEN
        RETURN 0;  -- another sealer is at work
    END IF;
    -- Every minute is also a chance to keep partitions ahead (cheap when nothing is missing).
    PERFORM audit.ensure_partitions();
    SELECT * INTO st FROM audit.sealer_state FOR UPDATE;
    -- Every transaction older than this horizon has ended, so its events (if committed)
    -- are visible to the statements below.
    horizon := pg_snapshot_xmin(pg_current_snapshot());

    FOR ev IN
        SELECT e.*
          FROM audit.events e
         WHERE e.id > st.watermark
           AND NOT EXISTS (SELECT FROM audit.seals s
                            WHERE s.event_id = e.id AND s.month = audit.month_of(e.occurred_at))
         ORDER BY audit.month_of(e.occurred_at), e.id
         LIMIT max_events
    LOOP
        IF cur_month IS DISTINCT FROM audit.month_of(ev.occurred_at) THEN
            IF cur_month IS NOT NULL THEN
                UPDATE audit.chain_state SET last_position = pos, head_hash = prev
                 WHERE month = cur_month;
            END IF;
            cur_month := audit.month_of(ev.occurred_at);
            INSERT INTO audit.chain_state (month, head_hash)
            VALUES (cur_month, audit.genesis_hash(cur_month))
            ON CONFLICT (month) DO NOTHING;
            SELECT c.last_position, c.head_hash INTO pos, prev
              FROM audit.chain_state c WHERE c.month = cur_month FOR UPDATE;
        END IF;
        pos := pos + 1;
        h := sha256(prev || audit.canonical(ev));
        INSERT INTO audit.seals (month, position, event_id, occurred_at, prev_hash, hash)
        VALUES (cur_month, pos, ev.id, ev.occurred_at, prev, h);
        prev := h;
        sealed := sealed + 1;
    END LOOP;
    IF cur_month IS NOT NULL THEN
        UPDATE audit.chain_state SET last_position = pos, head_hash = prev
         WHERE month = cur_month;
    END IF;

    -- Advance the watermark: every transaction that could have drawn an id up to
    -- pending_id has ended before our horizon, so those events were all sealed above.
    IF st.pending_xmax IS NOT NULL AND horizon >= st.pending_xmax AND sealed < max_events THEN
        st.watermark := greatest(st.watermark, st.pending_id);
        st.watermark_read_at := st.pending_read_at;
    END IF;
    -- The next pending point: read the sequence first, then the snapshot's xmax, so every
    -- id drawn so far belongs to a transaction below that xmax.
    SELECT s.last_value, s.is_called INTO read_id, read_called FROM audit.events_id_seq s;
    st.pending_id := CASE WHEN read_called THEN read_id ELSE read_id - 1 END;
    st.pending_read_at := clock_timestamp();
    st.pending_xmax := pg_snapshot_xmax(pg_current_snapshot());

    UPDATE audit.sealer_state
       SET watermark = st.watermark, watermark_read_at = st.watermark_read_at,
           pending_id = st.pending_id, pending_xmax = st.pending_xmax,
           pending_read_at = st.pending_read_at, last_run_at = clock_timestamp();

    -- A month is final when the watermark was read five minutes after it ended: no event
    -- of that month can still be sealed.
    UPDATE audit.chain_state c
       SET finalized_at = clock_timestamp()
     WHERE c.finalized_at IS NULL AND c.dropped_at IS NULL
       AND st.watermark_read_at IS NOT NULL
       AND audit.month_end(c.month) + interval '5 minutes'
           <= st.watermark_read_at;
    RETURN sealed;
END
$$;
COMMENT ON FUNCTION audit.seal(integer) IS
    'Seal up to max_events committed, unsealed audit events into their months'' SHA-256 chains; returns how many. Runs every minute from pg_cron.';

-- Check the chains of every month overlapping [from_time, to_time): each seal's link to
-- its predecessor, each event's content against its seal, missing events and seals, heads
-- that were exported, and events that escaped sealing. Stops at the first problem.
-- SECURITY DEFINER: reads the seals, which no API role can.
CREATE FUNCTION audit.verify(from_time timestamptz DEFAULT '-infinity',
                             to_time timestamptz DEFAULT 'infinity')
RETURNS TABLE (ok boolean, event_id bigint, occurred_at timestamptz, problem text)
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    cs        audit.chain_state;
    r         record;
    expect    bigint;
    prev      bytea;
    watermark bigint;
    stray     record;
BEGIN
    IF from_time IS NULL OR to_time IS NULL OR from_time >= to_time THEN
        RAISE EXCEPTION 'verify needs from_time < to_time' USING ERRCODE = '22023';
    END IF;
    SELECT s.watermark INTO watermark FROM audit.sealer_state s;

    FOR cs IN
        SELECT * FROM audit.chain_state c
         WHERE c.dropped_at IS NULL
           AND audit.month_start(c.month) < to_time
           AND audit.month_end(c.month) > from_time
         ORDER BY c.month
    LOOP
        expect := 1;
        prev := audit.genesis_hash(cs.month);
        FOR r IN
            SELECT s.position, s.event_id AS sid, s.occurred_at AS sat, s.prev_hash, s.hash,
                   e AS ev, (e.id IS NOT NULL) AS present
              FROM audit.seals s
              LEFT JOIN audit.events e ON e.id = s.event_id AND e.occurred_at = s.occurred_at
             WHERE s.month = cs.month
             ORDER BY s.position
        LOOP
            IF r.position <> expect THEN
                RETURN QUERY SELECT false, NULL::bigint, NULL::timestamptz,
                    format('%s: seal %s is missing (seals were deleted)',
                           to_char(cs.month, 'YYYY-MM'), expect);
                RETURN;
            END IF;
            IF r.prev_hash <> prev THEN
                RETURN QUERY SELECT false, r.sid, r.sat,
                    format('event %s: its seal does not link to the seal before it', r.sid);
                RETURN;
            END IF;
            IF NOT r.present THEN
                RETURN QUERY SELECT false, r.sid, r.sat,
                    format('event %s is missing: it was sealed, then deleted', r.sid);
                RETURN;
            END IF;
            IF sha256(r.prev_hash || audit.canonical(r.ev)) <> r.hash THEN
                RETURN QUERY SELECT false, r.sid, r.sat,
                    format('event %s does not match its seal: its content was altered', r.sid);
                RETURN;
            END IF;
            IF r.position = cs.exported_position AND r.hash <> cs.exported_hash THEN
                RETURN QUERY SELECT false, r.sid, r.sat,
                    format('%s: the chain was rewritten: the head exported at position %s no longer matches',
                           to_char(cs.month, 'YYYY-MM'), r.position);
                RETURN;
            END IF;
            prev := r.hash;
            expect := expect + 1;
        END LOOP;
        IF expect - 1 <> cs.last_position OR prev <> cs.head_hash THEN
            RETURN QUERY SELECT false, NULL::bigint, NULL::timestamptz,
                format('%s: the chain ends at seal %s but its head says %s (seals were deleted)',
                       to_char(cs.month, 'YYYY-MM'), expect - 1, cs.last_position);
            RETURN;
        END IF;
        IF cs.exported_position IS NOT NULL AND cs.exported_position > cs.last_position THEN
            RETURN QUERY SELECT false, NULL::bigint, NULL::timestamptz,
                format('%s: the head exported at position %s is beyond the chain''s end (%s)',
                       to_char(cs.month, 'YYYY-MM'), cs.exported_position, cs.last_position);
            RETURN;
        END IF;
        -- An event at or below the watermark without a seal was slipped in afterwards.
        SELECT e.id, e.occurred_at INTO stray
          FROM audit.events e
         WHERE e.occurred_at >= audit.month_start(cs.month)
           AND e.occurred_at < audit.month_end(cs.month)
           AND e.id <= watermark
           AND NOT EXISTS (SELECT FROM audit.seals s
                            WHERE s.event_id = e.id AND s.month = cs.month)
         ORDER BY e.id
         LIMIT 1;
        IF FOUND THEN
            RETURN QUERY SELECT false, stray.id, stray.occurred_at,
                format('event %s has no seal although it is older than the sealer''s watermark: it was inserted afterwards',
                       stray.id);
            RETURN;
        END IF;
    END LOOP;
    RETURN QUERY SELECT true, NULL::bigint, NULL::timestamptz, NULL::text;
END
$$;
COMMENT ON FUNCTION audit.verify(timestamptz, timestamptz) IS
    'Verify the seal chains of every month overlapping [from_time, to_time): one row, ok = true, or the first event (or seal) whose content or link does not match and what is wrong.';

-- The latest sealed hash, to be exported and anchored outside the database.
-- SECURITY DEFINER: reads audit.chain_state, which no API role can.
CREATE FUNCTION audit.chain_head()
RETURNS TABLE (month date, "position" bigint, hash text, finalized boolean)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT c.month, c.last_position, encode(c.head_hash, 'hex'), c.finalized_at IS NOT NULL
      FROM audit.chain_state c
     WHERE c.last_position > 0 AND c.dropped_at IS NULL
     ORDER BY c.month DESC
     LIMIT 1
$$;
COMMENT ON FUNCTION audit.chain_head() IS
    'The latest sealed hash (hex) with its month and position; finalized when that month can take no more events.';

-- Does the chain still hold this hash at this position? For anchors kept outside.
-- SECURITY DEFINER: reads the seals, which no API role can.
CREATE FUNCTION audit.verify_head(month date, "position" bigint, hash text)
RETURNS boolean
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT EXISTS (SELECT FROM audit.seals s
                    WHERE s.month = verify_head.month AND s.position = verify_head.position
                      AND s.hash = decode(verify_head.hash, 'hex'))
$$;
COMMENT ON FUNCTION audit.verify_head(date, bigint, text) IS
    'True when the seal at (month, position) has this hash (hex): checks an anchor kept outside the database.';

-- Record that a head was exported (e.g. stored in an external, write-once place).
-- SECURITY DEFINER: updates audit.chain_state.
CREATE FUNCTION audit.mark_exported(month date, "position" bigint, hash text, destination text)
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF destination IS NULL OR btrim(destination) = '' THEN
        RAISE EXCEPTION 'say where the head was exported to' USING ERRCODE = '22023';
    END IF;
    IF hash IS NULL OR hash !~ '^[0-9a-f]{64}$' THEN
        RAISE EXCEPTION 'hash must be 64 lower-case hex digits' USING ERRCODE = '22023';
    END IF;
    IF NOT audit.verify_head(month, "position", hash) THEN
        RAISE EXCEPTION 'the chain of % has no seal % with that hash', to_char(month, 'YYYY-MM'), "position"
            USING ERRCODE = '22023',
                  HINT = 'Export what audit.chain_head() returns.';
    END IF;
    UPDATE audit.chain_state c
       SET exported_position = mark_exported.position, exported_hash = decode(hash, 'hex'),
           exported_at = clock_timestamp(), exported_to = destination
     WHERE c.month = mark_exported.month
       AND (c.exported_position IS NULL OR c.exported_position <= mark_exported.position);
    PERFORM audit.record('audit.head.exported', 'success', 'audit', to_char(month, 'YYYY-MM'),
                         jsonb_build_object('position', "position", 'hash', hash,
                                            'destination', destination));
END
$$;
COMMENT ON FUNCTION audit.mark_exported(date, bigint, text, text) IS
    'Record that the head (month, position, hash) was exported to destination; retention requires it.';

-- Retention: drop whole months older than max_age, but only months whose chain is final
-- and whose final head was exported. Checks every month first: all or nothing.
-- SECURITY DEFINER: drops partitions owned by the owner.
CREATE FUNCTION audit.drop_partitions_older_than(max_age interval)
RETURNS SETOF text
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    due    audit.chain_state[];
    cs     audit.chain_state;
    suffix text;
BEGIN
    IF max_age IS NULL OR max_age < interval '1 month' THEN
        RAISE EXCEPTION 'max_age must be at least one month, not %', max_age
            USING ERRCODE = '22023';
    END IF;
    SELECT coalesce(array_agg(c ORDER BY c.month), '{}') INTO due
      FROM audit.chain_state c
     WHERE c.dropped_at IS NULL
       AND audit.month_end(c.month) <= clock_timestamp() - max_age;
    FOREACH cs IN ARRAY due LOOP
        IF cs.finalized_at IS NULL THEN
            RAISE EXCEPTION 'audit partition % cannot be dropped: its chain is not sealed yet',
                            'events_' || to_char(cs.month, 'YYYY_MM')
                USING ERRCODE = '55000', HINT = 'Run SELECT audit.seal(); and try again.';
        END IF;
        -- An empty month has nothing to anchor.
        IF cs.last_position > 0
           AND (cs.exported_position IS DISTINCT FROM cs.last_position
                OR cs.exported_hash IS DISTINCT FROM cs.head_hash) THEN
            RAISE EXCEPTION 'audit partition % cannot be dropped: its final chain head has not been exported',
                            'events_' || to_char(cs.month, 'YYYY_MM')
                USING ERRCODE = '55000',
                      HINT = 'Export the head (audit.chain_state for that month), then call audit.mark_exported().';
        END IF;
    END LOOP;
    -- Every month passed: drop them all.
    FOREACH cs IN ARRAY due LOOP
        suffix := to_char(cs.month, 'YYYY_MM');
        EXECUTE format('DROP TABLE IF EXISTS audit.%I', 'events_' || suffix);
        EXECUTE format('DROP TABLE IF EXISTS audit.%I', 'seals_' || suffix);
        UPDATE audit.chain_state SET dropped_at = clock_timestamp() WHERE month = cs.month;
        PERFORM audit.record('audit.partition.dropped', 'success', 'audit',
                             to_char(cs.month, 'YYYY-MM'),
                             jsonb_build_object('last_position', cs.last_position,
                                                'head_hash', encode(cs.head_hash, 'hex')));
        RETURN NEXT 'audit.events_' || suffix;
    END LOOP;
END
$$;
COMMENT ON FUNCTION audit.drop_partitions_older_than(interval) IS
    'Drop the audit months that ended more than max_age ago; refuses (55000) unless every such month is sealed and its final head exported.';


-- SECURITY DEFINER: audit.verify() reads the seals, which no API role can; only platform
-- administrators get past the first line.
CREATE FUNCTION audit.verify_audit(from_time timestamptz DEFAULT '-infinity',
                                 to_time timestamptz DEFAULT 'infinity')
RETURNS TABLE (ok boolean, event_id bigint, occurred_at timestamptz, problem text)
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NOT identity.is_platform_admin(identity.current_principal_id()) THEN
        RAISE EXCEPTION 'only platform administrators may verify the audit log'
            USING ERRCODE = '42501';
    END IF;
    RETURN QUERY SELECT v.ok, v.event_id, v.occurred_at, v.problem
                   FROM audit.verify(from_time, to_time) AS v;
END
$$;
COMMENT ON FUNCTION audit.verify_audit(timestamptz,timestamptz) IS
    'What api.verify_audit() does (see its comment there); only that endpoint calls it.';

RESET ROLE;

COMMIT;
