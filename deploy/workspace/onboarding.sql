-- Deploy neuronplane:workspace/onboarding to pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

INSERT INTO audit.actions (action, description) VALUES
    ('workspace.onboarding.probed', 'The glue tested a connection for the onboarding wizard on the caller''s behalf; details name the kind (database, agent) and the target host and port, never a password or key.');

-- The glue's onboarding endpoints touch the network on a caller's behalf. It forwards the
-- caller's credentials to PostgREST, which calls this: the database decides who may probe
-- (an authenticated, active principal) and records each probe with its target, so that
-- every connection attempt the glue makes has an accountable caller.
-- SECURITY DEFINER: writes the audit event and reads the principal's state.
CREATE FUNCTION workspace.authorize_onboarding_probe(kind text, target text)
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    caller uuid := identity.require_caller();
BEGIN
    IF NOT identity.is_active(caller) THEN
        RAISE EXCEPTION 'principal % is disabled or expired', caller USING ERRCODE = '42501';
    END IF;
    IF kind IS NULL OR kind NOT IN ('database', 'agent') THEN
        RAISE EXCEPTION 'kind must be database or agent' USING ERRCODE = '22023', COLUMN = 'kind';
    END IF;
    IF target IS NULL OR length(target) > 300 OR target !~ '^[^[:space:][:cntrl:]@]+$' THEN
        RAISE EXCEPTION 'target must be a host and port or a URL without credentials (at most 300 characters)'
            USING ERRCODE = '22023', COLUMN = 'target';
    END IF;
    PERFORM identity.audit('workspace.onboarding.probed', kind, target,
                           jsonb_build_object('kind', kind, 'target', target));
    RETURN jsonb_build_object('principal_id', caller);
END
$$;
COMMENT ON FUNCTION workspace.authorize_onboarding_probe(text,text) IS
    'What api.authorize_onboarding_probe() does (see its comment there); only that endpoint calls it.';

RESET ROLE;

COMMIT;
