-- Deploy neuronplane:auth/settings to pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- Authentication settings (one row), changed by administrators with SQL:
--   UPDATE auth.settings SET access_ttl = '10 minutes';
CREATE TABLE auth.settings (
    id                      boolean PRIMARY KEY DEFAULT true CHECK (id),
    -- Tokens and sessions
    access_ttl              interval NOT NULL DEFAULT '15 minutes'
                            CHECK (access_ttl BETWEEN '1 minute' AND '1 day'),
    refresh_ttl             interval NOT NULL DEFAULT '7 days'
                            CHECK (refresh_ttl BETWEEN '5 minutes' AND '90 days'),
    session_lifetime        interval NOT NULL DEFAULT '30 days'
                            CHECK (session_lifetime BETWEEN '5 minutes' AND '365 days'),
    idle_timeout            interval NOT NULL DEFAULT '7 days'
                            CHECK (idle_timeout BETWEEN '5 minutes' AND '90 days'),
    -- A spent refresh token presented again within this interval (a client's concurrent
    -- duplicate) gets the same successor; after it, reuse revokes the session.
    refresh_reuse_grace     interval NOT NULL DEFAULT '10 seconds'
                            CHECK (refresh_reuse_grace BETWEEN '0 seconds' AND '1 minute'),
    -- Ended sessions (and their refresh tokens) are deleted this long after they end.
    session_retention       interval NOT NULL DEFAULT '30 days'
                            CHECK (session_retention BETWEEN '1 hour' AND '3650 days'),
    issuer                  text NOT NULL DEFAULT 'neuronplane' CHECK (btrim(issuer) <> ''),
    audience                text NOT NULL DEFAULT 'neuronplane' CHECK (btrim(audience) <> ''),
    -- Password policy
    password_min_length     integer NOT NULL DEFAULT 12 CHECK (password_min_length BETWEEN 8 AND 256),
    password_max_length     integer NOT NULL DEFAULT 256 CHECK (password_max_length BETWEEN 64 AND 4096),
    -- Lockout: after lockout_threshold failures within lockout_window (per account, and
    -- per client address), each further attempt waits lockout_base_delay * 2^(excess),
    -- capped at lockout_max_delay.
    lockout_threshold       integer NOT NULL DEFAULT 5 CHECK (lockout_threshold BETWEEN 1 AND 100),
    lockout_window          interval NOT NULL DEFAULT '15 minutes'
                            CHECK (lockout_window BETWEEN '1 minute' AND '1 day'),
    lockout_base_delay      interval NOT NULL DEFAULT '30 seconds'
                            CHECK (lockout_base_delay BETWEEN '1 second' AND '1 hour'),
    lockout_max_delay       interval NOT NULL DEFAULT '1 hour'
                            CHECK (lockout_max_delay BETWEEN '1 second' AND '1 day'),
    -- Login attempts per client address per minute.
    login_rate_limit_per_min integer NOT NULL DEFAULT 30
                            CHECK (login_rate_limit_per_min BETWEEN 1 AND 100000),
    CHECK (password_min_length <= password_max_length),
    CHECK (lockout_base_delay <= lockout_max_delay),
    signing_key_publish_delay interval NOT NULL DEFAULT '5 minutes'
        CHECK (signing_key_publish_delay BETWEEN '0 seconds' AND '1 day'),
    oidc_login_ttl interval NOT NULL DEFAULT '10 minutes'
        CHECK (oidc_login_ttl BETWEEN '1 minute' AND '1 hour'),
    oidc_attempt_retention interval NOT NULL DEFAULT '1 day'
        CHECK (oidc_attempt_retention BETWEEN '0 seconds' AND '30 days')
);
COMMENT ON COLUMN auth.settings.oidc_login_ttl IS
    'How long an OIDC login attempt may wait for its callback.';
COMMENT ON COLUMN auth.settings.oidc_attempt_retention IS
    'How long spent or expired OIDC login attempts are kept (for investigations) before auth.cleanup_login_attempts() deletes them.';
COMMENT ON COLUMN auth.settings.signing_key_publish_delay IS
    'How long a new signing key is published in the JWKS before auth.rotate_signing_key() may make it sign, so that every verifier has reloaded it.';
COMMENT ON TABLE auth.settings IS
    'Authentication settings (one row): token lifetimes, session limits, password policy, lockout and login rate limits.';
INSERT INTO auth.settings DEFAULT VALUES;
ALTER TABLE auth.settings ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;




RESET ROLE;

COMMIT;
