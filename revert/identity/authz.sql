-- Revert neuronplane:identity/authz from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

DROP FUNCTION identity.admin_org_ids(uuid);
DROP FUNCTION identity.check_role(text);
DROP FUNCTION identity.decide(text[]);
DROP FUNCTION identity.grants(uuid,text,text,uuid);
DROP FUNCTION identity.policy_applies(text,text,text,uuid,timestamptz,timestamptz,text,text,bool,bool);
DROP FUNCTION identity.authz_context(uuid,text,text,uuid);
DROP FUNCTION identity.permitted_ids(uuid,text,text,uuid);
DROP FUNCTION identity.explain_permission(uuid,text,uuid,text,uuid);
DROP FUNCTION identity.has_permission(uuid,text,uuid,text,uuid);
DROP FUNCTION identity.current_api_key_id();

COMMIT;
