-- Deploy neuronplane:identity/users to pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

CREATE TABLE identity.users (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    principal_type text NOT NULL DEFAULT 'user' CHECK (principal_type = 'user'),
    -- Both unique whatever the case.
    username       extensions.citext NOT NULL UNIQUE
                   CHECK (username::text ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$'),
    email          extensions.citext UNIQUE
                   CHECK (length(email) <= 254 AND email::text ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'),
    display_name   text CHECK (length(display_name) <= 200),
    -- A platform administrator: may do anything, everywhere.
    is_admin       boolean NOT NULL DEFAULT false,
    disabled_at    timestamptz,
    metadata       jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(metadata) = 'object'),
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (id, principal_type) REFERENCES identity.principals (id, type)
);
COMMENT ON TABLE identity.users IS
    'People. is_admin marks platform administrators; a disabled user can do nothing. Each has a principal with the same id.';

CREATE INDEX users_admin_idx ON identity.users (id) WHERE is_admin;

ALTER TABLE identity.users ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

CREATE TRIGGER users_set_updated_at BEFORE UPDATE ON identity.users
    FOR EACH ROW EXECUTE FUNCTION internal.tg_set_updated_at();
CREATE TRIGGER users_principal_insert BEFORE INSERT ON identity.users
    FOR EACH ROW EXECUTE FUNCTION identity.tg_entity__sync_principal('user', 'username');
CREATE TRIGGER users_principal_update AFTER UPDATE ON identity.users
    FOR EACH ROW EXECUTE FUNCTION identity.tg_entity__sync_principal('user', 'username');
CREATE TRIGGER users_principal_delete AFTER DELETE ON identity.users
    FOR EACH ROW EXECUTE FUNCTION identity.tg_entity__sync_principal('user', 'username');

RESET ROLE;

COMMIT;
