-- Deploy neuronplane:identity/principals to pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- Anything that can act or be acted upon. Users, organizations and (later) service
-- accounts, agents, tools and datasets share their id with their principal; the entity
-- tables reference (id, type), so a principal's type always matches its entity.
CREATE TABLE identity.principals (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    type        text NOT NULL
                CHECK (type IN ('user', 'org', 'agent', 'tool', 'dataset', 'service_account')),
    name        text NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 256),
    disabled_at timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (id, type),
    -- A principal may be given an end of validity (a contractor's user, a temporary service
    -- account); from then on it is treated like a disabled one.
    expires_at timestamptz
);
COMMENT ON COLUMN identity.principals.expires_at IS
    'After this time the principal may do nothing, like a disabled one; NULL = no end.';
COMMENT ON TABLE identity.principals IS
    'Every actor or resource that rights are granted to or on: user, org, agent, tool, dataset, service_account.';

CREATE INDEX principals_type_idx ON identity.principals (type);

ALTER TABLE identity.principals ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

CREATE TRIGGER principals_set_updated_at BEFORE UPDATE ON identity.principals
    FOR EACH ROW EXECUTE FUNCTION internal.tg_set_updated_at();

-- Keeps the principal of a user, organization or service account: created before the
-- entity (whose foreign key needs it), renamed and disabled with it, deleted after it.
-- Arguments: the principal type, the entity's column that names it.
-- SECURITY DEFINER: principals are written by the owner only, whoever changes the entity.
CREATE FUNCTION identity.tg_entity__sync_principal()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SECURITY DEFINER
AS $$
DECLARE
    row_json jsonb;
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM identity.principals WHERE id = OLD.id;
        RETURN OLD;
    END IF;
    row_json := to_jsonb(NEW);
    IF TG_OP = 'INSERT' THEN
        INSERT INTO identity.principals (id, type, name, disabled_at)
        VALUES (NEW.id, TG_ARGV[0], row_json ->> TG_ARGV[1],
                (row_json ->> 'disabled_at')::timestamptz);
    ELSE
        UPDATE identity.principals
           SET name = row_json ->> TG_ARGV[1],
               disabled_at = (row_json ->> 'disabled_at')::timestamptz
         WHERE id = NEW.id
           AND (name, disabled_at) IS DISTINCT FROM
               (row_json ->> TG_ARGV[1], (row_json ->> 'disabled_at')::timestamptz);
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION identity.tg_entity__sync_principal() IS
    'Trigger: keeps the principal of a user, organization or service account in step with it.';



RESET ROLE;

COMMIT;
