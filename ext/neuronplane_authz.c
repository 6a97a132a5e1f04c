/*
 * neuronplane_authz: identity.has_permission() read straight from identity.decisions.
 *
 * The decision itself is computed by SQL: the triggers of the identity/stored_decisions
 * change keep one row per (principal, resource) in identity.decisions, with the bits of
 * the permissions granted (see identity.permission_bit()). This function only reads that
 * row, the way the executor reads a primary key: one descent of the primary key index and
 * one heap fetch under the calling query's snapshot. A PL/pgSQL function doing the same
 * pays a SECURITY DEFINER switch with a pinned search_path, SPI and an executor start per
 * call, which cost more than the read itself.
 *
 * It answers only the common case, without an API key:
 *   - a fresh row on (principal, resource): platform admin, or the resource's type and the
 *     permission's bit;
 *   - no row on the resource, a fresh row of the principal's own (the nil uuid): true for
 *     an active platform admin, false otherwise.
 * A NULL type or permission is answered false. Everything else (an API key, a NULL
 * principal or resource, a stale row, no row at all, the nil uuid asked as a resource)
 * goes to identity.has_permission_stored(), the PL/pgSQL version of the same reading,
 * which falls back to identity.decide_from_sources(). pgTAP checks that the three agree
 * on every case.
 *
 * The table is read without row security and without a privilege check, as the SECURITY
 * DEFINER function it replaces did: calling identity.has_permission() is the privilege.
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/relscan.h"
#include "access/skey.h"
#include "access/stratnum.h"
#include "access/table.h"
#include "access/tableam.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "executor/tuptable.h"
#include "fmgr.h"
#include "nodes/makefuncs.h"
#include "nodes/pg_list.h"
#include "parser/parse_func.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/relcache.h"
#include "utils/snapmgr.h"
#include "utils/timestamp.h"
#include "utils/uuid.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

PG_FUNCTION_INFO_V1(neuronplane_has_permission);

/* identity.decisions and the columns read, found by name; forgotten on any relcache
 * invalidation of the table or its index (a revert and redeploy, an ALTER) */
static Oid	decisions_relid = InvalidOid;
static Oid	decisions_pkey = InvalidOid;
static AttrNumber att_type;
static AttrNumber att_granted;
static AttrNumber att_admin;
static AttrNumber att_until;

static const pg_uuid_t nil_uuid = {{0}};

static void
forget_relation(Datum arg, Oid relid)
{
	if (relid == InvalidOid || relid == decisions_relid || relid == decisions_pkey)
		decisions_relid = InvalidOid;
}

void
_PG_init(void)
{
	CacheRegisterRelcacheCallback(forget_relation, (Datum) 0);
}

static AttrNumber
column_of(Oid relid, const char *name)
{
	AttrNumber	attnum = get_attnum(relid, name);

	if (attnum == InvalidAttrNumber)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("identity.decisions has no column \"%s\"", name),
				 errhint("Deploy the identity/stored_decisions change.")));
	return attnum;
}

static Oid
decisions_by_name(void)
{
	Oid			relid = get_relname_relid("decisions", get_namespace_oid("identity", false));

	if (!OidIsValid(relid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("relation \"identity.decisions\" does not exist"),
				 errhint("Deploy the identity/stored_decisions change.")));
	return relid;
}

/* Opens identity.decisions and its primary key index (AccessShareLock, kept to the end of
 * the transaction as the executor does). The columns are found under the lock: taking it
 * processes the invalidations of whatever changed the table meanwhile, which forget the
 * cached OID (forget_relation()); a table dropped and made again is found again by name. */
static void
open_decisions(Relation *heap, Relation *index)
{
	Oid			relid = decisions_relid;

	*heap = OidIsValid(relid) ? try_table_open(relid, AccessShareLock) : NULL;
	if (*heap == NULL || !OidIsValid(decisions_relid))
	{
		if (*heap != NULL)
			table_close(*heap, AccessShareLock);
		for (;;)
		{
			relid = decisions_by_name();
			*heap = table_open(relid, AccessShareLock);
			if (decisions_by_name() == relid)
				break;
			table_close(*heap, AccessShareLock);	/* replaced while we waited */
		}
		att_type = column_of(relid, "resource_type");
		att_granted = column_of(relid, "granted");
		att_admin = column_of(relid, "is_admin");
		att_until = column_of(relid, "valid_until");
		decisions_relid = relid;
	}
	decisions_pkey = RelationGetPrimaryKeyIndex(*heap);
	if (!OidIsValid(decisions_pkey))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("identity.decisions has no primary key")));
	*index = index_open(decisions_pkey, AccessShareLock);
}

/* Reads the row of (principal, resource) into slot; false when there is none visible to
 * the snapshot. The caller clears the slot. */
static bool
read_row(Relation heap, Relation index, Snapshot snapshot, TupleTableSlot *slot,
		 Datum principal, Datum resource)
{
	ScanKeyData keys[2];
	IndexScanDesc scan;
	bool		found;

	ScanKeyInit(&keys[0], 1, BTEqualStrategyNumber, F_UUID_EQ, principal);
	ScanKeyInit(&keys[1], 2, BTEqualStrategyNumber, F_UUID_EQ, resource);
	scan = index_beginscan(heap, index, snapshot, 2, 0);
	index_rescan(scan, keys, 2, NULL, 0);
	found = index_getnext_slot(scan, ForwardScanDirection, slot);
	index_endscan(scan);
	return found;
}

/* valid_until is NULL or later than now() (the transaction's start, as now() is) */
static bool
row_is_fresh(TupleTableSlot *slot)
{
	bool		isnull;
	Datum		until = slot_getattr(slot, att_until, &isnull);

	return isnull || DatumGetTimestampTz(until) > GetCurrentTransactionStartTimestamp();
}

static bool
text_is(text *t, const char *s)
{
	size_t		len = strlen(s);

	return VARSIZE_ANY_EXHDR(t) == len && memcmp(VARDATA_ANY(t), s, len) == 0;
}

/* identity.permission_bit(): read 1, write 2, execute 4, admin 8; shifted by 4 for the
 * audit log of an organization; 0 for anything else */
static int
permission_bit(text *resource_type, text *permission)
{
	int			bit = 0;

	if (text_is(permission, "read"))
		bit = 1;
	else if (text_is(permission, "write"))
		bit = 2;
	else if (text_is(permission, "execute"))
		bit = 4;
	else if (text_is(permission, "admin"))
		bit = 8;
	return text_is(resource_type, "audit") ? bit << 4 : bit;
}

/* identity.has_permission_stored() with the same arguments. Its FmgrInfo is kept in the
 * calling expression's fn_extra, for as long as that expression lives (a query, a PL/pgSQL
 * expression of a transaction): it is found by name at most once per call site. */
static Datum
ask_stored(FunctionCallInfo fcinfo)
{
	LOCAL_FCINFO(inner, 5);
	FmgrInfo   *stored = (FmgrInfo *) fcinfo->flinfo->fn_extra;
	Datum		result;
	int			i;

	if (stored == NULL)
	{
		Oid			argtypes[5] = {UUIDOID, TEXTOID, UUIDOID, TEXTOID, UUIDOID};
		Oid			fn = LookupFuncName(list_make2(makeString("identity"),
												   makeString("has_permission_stored")),
										5, argtypes, false);

		stored = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(FmgrInfo));
		fmgr_info_cxt(fn, stored, fcinfo->flinfo->fn_mcxt);
		fcinfo->flinfo->fn_extra = stored;
	}
	InitFunctionCallInfoData(*inner, stored, 5, PG_GET_COLLATION(), NULL, NULL);
	for (i = 0; i < 5; i++)
	{
		bool		present = i < PG_NARGS();

		inner->args[i].value = present ? PG_GETARG_DATUM(i) : (Datum) 0;
		inner->args[i].isnull = present ? PG_ARGISNULL(i) : true;
	}
	result = FunctionCallInvoke(inner);
	if (inner->isnull)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(result);
}

/*
 * identity.has_permission(principal_id uuid, resource_type text, resource_id uuid,
 *                         permission text, api_key_id uuid DEFAULT NULL) RETURNS boolean
 */
Datum
neuronplane_has_permission(PG_FUNCTION_ARGS)
{
	Relation	heap;
	Relation	index;
	Snapshot	snapshot;
	TupleTableSlot *slot;
	text	   *resource_type;
	text	   *permission;
	int			decided = -1;	/* 1 true, 0 false, -1 ask identity.has_permission_stored() */
	bool		isnull;

	/* nothing is granted on a NULL type or permission */
	if (PG_ARGISNULL(1) || PG_ARGISNULL(3))
		PG_RETURN_BOOL(false);
	if (PG_NARGS() != 5 || PG_ARGISNULL(0) || PG_ARGISNULL(2) || !PG_ARGISNULL(4))
		return ask_stored(fcinfo);

	resource_type = PG_GETARG_TEXT_PP(1);
	permission = PG_GETARG_TEXT_PP(3);
	snapshot = ActiveSnapshotSet() ? GetActiveSnapshot() : GetTransactionSnapshot();
	open_decisions(&heap, &index);
	slot = table_slot_create(heap, NULL);

	if (read_row(heap, index, snapshot, slot, PG_GETARG_DATUM(0), PG_GETARG_DATUM(2)))
	{
		if (row_is_fresh(slot))
		{
			Datum		row_type = slot_getattr(slot, att_type, &isnull);

			/* (a NULL type: the principal's own row, the nil uuid asked as a resource) */
			if (!isnull)
			{
				text	   *stored_type = DatumGetTextPP(row_type);
				bool		admin = DatumGetBool(slot_getattr(slot, att_admin, &isnull));
				int			granted = DatumGetInt16(slot_getattr(slot, att_granted, &isnull));
				bool		type_matches;

				/* the audit log of an organization is kept on the organization's row */
				if (text_is(resource_type, "audit"))
					type_matches = text_is(stored_type, "org");
				else
					type_matches = VARSIZE_ANY_EXHDR(stored_type) == VARSIZE_ANY_EXHDR(resource_type)
						&& memcmp(VARDATA_ANY(stored_type), VARDATA_ANY(resource_type),
								  VARSIZE_ANY_EXHDR(resource_type)) == 0;
				decided = admin ||
					(type_matches && (granted & permission_bit(resource_type, permission)) != 0);
			}
		}
	}
	else
	{
		/* no row on the resource: only a platform administrator may */
		ExecClearTuple(slot);
		if (read_row(heap, index, snapshot, slot, PG_GETARG_DATUM(0),
					 UUIDPGetDatum((pg_uuid_t *) &nil_uuid)) && row_is_fresh(slot))
		{
			Datum		admin = slot_getattr(slot, att_admin, &isnull);

			decided = !isnull && DatumGetBool(admin);
		}
	}
	ExecDropSingleTupleTableSlot(slot);
	index_close(index, NoLock);
	table_close(heap, NoLock);

	if (decided < 0)
		return ask_stored(fcinfo);
	PG_RETURN_BOOL(decided == 1);
}
