-- Verify neuronplane:auth/settings on pg

BEGIN;

SELECT access_ttl, refresh_ttl, session_lifetime, idle_timeout, refresh_reuse_grace, session_retention, issuer,
       audience, password_min_length, password_max_length, lockout_threshold, lockout_window,
       lockout_base_delay, lockout_max_delay, login_rate_limit_per_min
  FROM auth.settings WHERE false;

DO $$
BEGIN
    ASSERT (SELECT count(*) FROM auth.settings) = 1, 'auth.settings holds one row';
    ASSERT (SELECT access_ttl = '15 minutes' FROM auth.settings), 'access tokens live 15 minutes by default';
    ASSERT NOT has_table_privilege('authenticated', 'auth.settings', 'SELECT'),
           'API roles do not read the settings';
END
$$;

ROLLBACK;
