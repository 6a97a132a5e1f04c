-- Deploy neuronplane:identity/principal_expiry to pg
-- requires: identity/principals
-- requires: identity/organizations

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- A principal may be given an end of validity (a contractor's user, a temporary service
-- account); from then on it is treated like a disabled one.
ALTER TABLE identity.principals ADD COLUMN expires_at timestamptz;
COMMENT ON COLUMN identity.principals.expires_at IS
    'After this time the principal may do nothing, like a disabled one; NULL = no end.';

-- Organizations can be disabled like the other principals; the principal follows the
-- organization's row (identity.tg_entity__sync_principal reads disabled_at from it).
ALTER TABLE identity.organizations ADD COLUMN disabled_at timestamptz;
COMMENT ON COLUMN identity.organizations.disabled_at IS
    'When the organization was disabled; as a principal it can then do nothing.';

-- Is this principal present, enabled and not expired?
-- SECURITY DEFINER: callable by roles that cannot read principals. PL/pgSQL rather than
-- SQL: a SQL function with SET is never inlined and is planned again at every call, while
-- PL/pgSQL keeps its plan for the session.
CREATE FUNCTION identity.is_active(principal_id uuid)
RETURNS boolean
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN EXISTS (SELECT FROM identity.principals p
                    WHERE p.id = is_active.principal_id AND p.disabled_at IS NULL
                      AND (p.expires_at IS NULL OR p.expires_at > now()));
END
$$;
COMMENT ON FUNCTION identity.is_active(uuid) IS
    'True for a principal that exists, is not disabled and has not expired.';
GRANT EXECUTE ON FUNCTION identity.is_active(uuid) TO authenticated, service, neuronplane_worker;

COMMIT;
