-- Deploy neuronplane:api/console to pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

CREATE FUNCTION api.sign_in_providers()
RETURNS TABLE (name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$ SELECT * FROM auth.sign_in_providers() $$;
COMMENT ON FUNCTION api.sign_in_providers() IS
    'The OIDC providers a person may sign in with (their names, enabled ones only), for the console''s sign-in page: GET /auth/oidc/{name}/login starts the login. Anyone may call it.';
REVOKE ALL ON FUNCTION api.sign_in_providers() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.sign_in_providers() TO anon, authenticated, service;

CREATE FUNCTION api.invite_member(org_id uuid, username_or_email text, role text DEFAULT 'member')
RETURNS api.memberships
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_user uuid := identity.invite_member(org_id, username_or_email, role);
    result api.memberships;
BEGIN
    SELECT * INTO result FROM api.memberships m
     WHERE m.org_id = invite_member.org_id AND m.user_id = v_user;
    RETURN result;
END
$$;
COMMENT ON FUNCTION api.invite_member(uuid, text, text) IS
    'Add the user with this username or e-mail to the organization with a role (owner, admin, member, viewer); the caller must be allowed to manage members (only owners make owners). 23503 when no user has that name, 23505 when already a member. Audited as identity.membership.changed.';
REVOKE ALL ON FUNCTION api.invite_member(uuid, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.invite_member(uuid, text, text) TO authenticated, service;

COMMIT;
