-- Revert neuronplane:workspace/envelope from pg

BEGIN;

DROP FUNCTION internal.envelope_open(bytea, text, text);
DROP FUNCTION internal.envelope_seal(text, text);
DROP FUNCTION internal.master_key_file();
DROP FUNCTION internal.envelope_open_py(bytea, text, text[]);
DROP FUNCTION internal.envelope_seal_py(text, text, text);

COMMIT;
