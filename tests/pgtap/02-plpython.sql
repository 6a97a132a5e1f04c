-- PL/Python runs in the server with the project's plpython/ modules importable.
BEGIN;
SELECT plan(3);

CREATE FUNCTION pg_temp.np_runtime_missing() RETURNS text[]
LANGUAGE plpython3u AS $$
import np_runtime
return np_runtime.missing_libraries()
$$;

CREATE FUNCTION pg_temp.np_runtime_file() RETURNS text
LANGUAGE plpython3u AS $$
import np_runtime
return np_runtime.__file__
$$;

SELECT lives_ok('SELECT pg_temp.np_runtime_missing()',
                'PL/Python imports modules from plpython/');
SELECT is(pg_temp.np_runtime_missing(), ARRAY[]::text[],
          'argon2, jwt and cryptography are importable inside the server');
SELECT matches(pg_temp.np_runtime_file(), '/plpython/np_runtime\.py$',
               'the module comes from the staged plpython/ folder');

SELECT * FROM finish();
ROLLBACK;
