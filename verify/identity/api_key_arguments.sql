-- Verify neuronplane:identity/api_key_arguments on pg

BEGIN;

DO $$
DECLARE
    body text := pg_get_functiondef(
        'identity.issue_api_key(uuid, text, text[], uuid, integer, timestamptz, uuid)'::regprocedure);
BEGIN
    ASSERT body LIKE '%rate_limit_per_min must be between 1 and 1000000%'
       AND body LIKE '%name must be 1 to 200 characters%'
       AND body LIKE '%name is required%',
        'identity.issue_api_key must check its arguments before writing';
END
$$;

ROLLBACK;
