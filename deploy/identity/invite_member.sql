-- Deploy neuronplane:identity/invite_member to pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- The console invites by username or e-mail; only someone who may manage the
-- organization's members learns whether such a user exists.
CREATE FUNCTION identity.invite_member(org_id uuid, username_or_email text,
                                       role text DEFAULT 'member')
RETURNS uuid
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_user uuid;
BEGIN
    PERFORM identity.check_role(role);
    PERFORM identity.require_member_admin(org_id, role);
    SELECT u.id INTO v_user FROM identity.users u
     WHERE lower(u.username) = lower(trim(username_or_email))
        OR lower(u.email) = lower(trim(username_or_email))
     ORDER BY lower(u.username) = lower(trim(username_or_email)) DESC
     LIMIT 1;
    IF v_user IS NULL THEN
        RAISE EXCEPTION 'there is no user named %', left(username_or_email, 200)
            USING ERRCODE = '23503', HINT = 'The person needs an account first (an administrator creates it, or they sign in once with single sign-on).';
    END IF;
    PERFORM identity.add_member(org_id, v_user, role);
    RETURN v_user;
END
$$;
COMMENT ON FUNCTION identity.invite_member(uuid, text, text) IS
    'What api.invite_member() does (see its comment there); only that endpoint calls it. Definer: it looks users up past the caller''s row security, after checking the caller may manage members.';
REVOKE ALL ON FUNCTION identity.invite_member(uuid, text, text) FROM PUBLIC;

COMMIT;
