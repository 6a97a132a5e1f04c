-- Deploy neuronplane:api/verify_audit to pg
-- requires: audit/chain
-- requires: identity/admin_checks

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- SECURITY DEFINER: audit.verify() reads the seals, which no API role can; only platform
-- administrators get past the first line.
CREATE FUNCTION api.verify_audit(from_time timestamptz DEFAULT '-infinity',
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
COMMENT ON FUNCTION api.verify_audit(timestamptz, timestamptz) IS
$$Platform administrators: verify the audit log's hash chains for the months overlapping [from_time, to_time) (default: everything). One row: ok = true, or the first event whose content or link does not match, with the problem. Events recorded in the last minute may not be sealed yet. GET /rpc/verify_audit?from_time=2026-11-01$$;

GRANT EXECUTE ON FUNCTION api.verify_audit(timestamptz, timestamptz) TO authenticated, service;

COMMIT;
