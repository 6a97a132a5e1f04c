-- Verify neuronplane:audit/record on pg

BEGIN;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'audit.record(text, text, text, text, jsonb, uuid, text, uuid, uuid, inet, text, text)'::regprocedure
   AND prosecdef AND 'search_path=pg_catalog, pg_temp' = ANY (proconfig);

DO $$
BEGIN
    ASSERT audit.redact('{"password": "x", "nested": [{"api_key": "y"}], "ok": 1}')
           = '{"password": "[redacted]", "nested": [{"api_key": "[redacted]"}], "ok": 1}',
           'audit.redact must replace secret-named keys at any depth';
    ASSERT has_function_privilege('neuronplane_worker',
        'audit.record(text, text, text, text, jsonb, uuid, text, uuid, uuid, inet, text, text)', 'EXECUTE')
       AND NOT has_function_privilege('authenticated',
        'audit.record(text, text, text, text, jsonb, uuid, text, uuid, uuid, inet, text, text)', 'EXECUTE'),
           'only the worker (and definer functions) may call audit.record';
END
$$;

ROLLBACK;
