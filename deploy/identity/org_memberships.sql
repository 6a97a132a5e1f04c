-- Deploy neuronplane:identity/org_memberships to pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

CREATE TABLE identity.org_memberships (
    org_id     uuid NOT NULL REFERENCES identity.organizations (id) ON DELETE CASCADE,
    user_id    uuid NOT NULL REFERENCES identity.users (id) ON DELETE CASCADE,
    role       text NOT NULL REFERENCES identity.roles (name) ON UPDATE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, user_id)
);
COMMENT ON TABLE identity.org_memberships IS
    'Who belongs to which organization, as owner, admin, member or viewer. An organization keeps at least one owner.';

CREATE INDEX org_memberships_user_idx ON identity.org_memberships (user_id, org_id);

ALTER TABLE identity.org_memberships ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

CREATE TRIGGER org_memberships_set_updated_at BEFORE UPDATE ON identity.org_memberships
    FOR EACH ROW EXECUTE FUNCTION internal.tg_set_updated_at();

-- Removing or demoting the last owner of an organization that still exists is refused.
-- (Deleting the organization takes its memberships along.) A constraint trigger, so a
-- transaction that hands ownership over may defer it: SET CONSTRAINTS ... DEFERRED.
-- SECURITY DEFINER: must see every owner of the organization, whoever makes the change.
CREATE FUNCTION identity.tg_org_memberships__keep_an_owner()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF OLD.role = 'owner'
       AND EXISTS (SELECT FROM identity.organizations o WHERE o.id = OLD.org_id)
       AND NOT EXISTS (SELECT FROM identity.org_memberships m
                        WHERE m.org_id = OLD.org_id AND m.role = 'owner') THEN
        RAISE EXCEPTION 'organization % must keep at least one owner', OLD.org_id
            USING ERRCODE = '23514',
                  HINT = 'Make another member owner first.';
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION identity.tg_org_memberships__keep_an_owner() IS
    'Trigger: refuses to leave an organization without an owner.';

CREATE CONSTRAINT TRIGGER org_memberships_keep_an_owner
    AFTER UPDATE OF role OR DELETE ON identity.org_memberships
    DEFERRABLE INITIALLY IMMEDIATE
    FOR EACH ROW EXECUTE FUNCTION identity.tg_org_memberships__keep_an_owner();


-- Memberships and policies name catalogue rows instead of fixed lists.

RESET ROLE;

COMMIT;
