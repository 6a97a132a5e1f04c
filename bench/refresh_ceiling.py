"""Diagnostic: how near can a refresh rotation come to pgbench's simple-update here?

bench/auth.py (b) compares api.refresh() rotations with pgbench -b simple-update (target
0.5x). This script measures, in the same throwaway cluster and the same way (pgbench as
the driver, 16 clients, the chain kept in bench.refresh_chains, warm-up excluded), what
parts of a rotation cost, by rotating with stand-ins that do less:

  api.refresh        the rotation as shipped;
  writes             only the writes a rotation must make, as one statement in a plain
                     PL/pgSQL function: spend the token (used_at), move the session's idle
                     deadline, insert the successor (its hash, parent, session), append the
                     audit event. No principal or settings read, no answer, no signature;
  writes + signature the same, then auth.es256_sign() (PL/Python) of an access token's
                     claims with the active key;
and then, after dropping the foreign keys and CHECK constraints of auth.refresh_tokens and
auth.sessions in this throwaway database (printed when done):
  bare writes        spend, session, successor, without those constraints and without the
                     audit event: less than the issue allows;
  bare + signature   the same, then the signature.

Each variant is run right after its own simple-update baseline, in alternating rounds; the
ratios are rotations/s over that baseline. --protocol simple runs both sides in pgbench's
default query mode instead of -M prepared. The bare variants bound what any rotation that
signs in PL/Python can reach on this machine: whatever the rest of api.refresh() costs, it
cannot beat "bare + signature". Nothing here is a target; it prints figures only.

    .venv/bin/python bench/refresh_ceiling.py            # 10s runs, 2 rounds: ~5 minutes
    .venv/bin/python bench/refresh_ceiling.py --quick    # 3s runs, 1 round
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import auth
from neuronplane.cluster import PG_BIN
from neuronplane.testrun import FAST_SETTINGS, prepare_database, throwaway_cluster

ROOT = Path(__file__).resolve().parents[1]

# The writes of a rotation as one statement. bench.audit_event = off leaves out the audit
# event (the bare variants); sign = true adds the access token's signature.
ROTATION_WRITES_SQL = """
CREATE FUNCTION bench.rotation_writes(refresh_token text, sign boolean)
RETURNS text
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    hit  record;
    now_ timestamptz := clock_timestamp();
BEGIN
    WITH tok AS (
        UPDATE auth.refresh_tokens r SET used_at = now_
         WHERE r.token_hash = sha256(convert_to(refresh_token, 'UTF8'))
           AND r.used_at IS NULL AND r.revoked_at IS NULL AND r.expires_at > now_
        RETURNING r.id, r.session_id
    ), ses AS (
        UPDATE auth.sessions s SET refreshed_at = now_,
                                   idle_expires_at = least(now_ + interval '7 days', s.expires_at)
          FROM tok
         WHERE s.id = tok.session_id AND s.revoked_at IS NULL AND s.expires_at > now_
        RETURNING s.id, s.principal_id, tok.id AS token_id,
                  auth.successor_refresh_token(refresh_token) AS successor
    ), successor AS (
        INSERT INTO auth.refresh_tokens (session_id, token_hash, parent_id, expires_at)
        SELECT ses.id, sha256(convert_to(ses.successor, 'UTF8')), ses.token_id,
               now_ + interval '7 days'
          FROM ses
    ), event AS (
        INSERT INTO audit.events (principal_id, principal_type, action, resource_type,
                                  resource_id, outcome, ip)
        SELECT ses.principal_id, 'user', 'auth.refresh.rotated', 'session', ses.id::text,
               'success', inet_client_addr()
          FROM ses
         WHERE current_setting('bench.audit_event', true) IS DISTINCT FROM 'off'
    )
    SELECT ses.id, ses.principal_id, ses.successor, k.kid, k.private_key INTO hit
      FROM ses CROSS JOIN auth.signing_keys k WHERE k.status = 'active';
    IF sign THEN
        PERFORM auth.es256_sign(
            auth.access_token_claims('neuronplane', 'neuronplane', hit.principal_id,
                                     'authenticated', hit.id, 'user',
                                     floor(extract(epoch FROM now_))::bigint,
                                     interval '15 minutes'),
            hit.kid, hit.private_key);
    END IF;
    RETURN hit.successor;
END
$$;
GRANT EXECUTE ON FUNCTION bench.rotation_writes(text, boolean) TO anon;
"""

STRIP_SQL = """
DO $$
DECLARE c record;
BEGIN
    FOR c IN SELECT conrelid::regclass AS rel, conname FROM pg_constraint
              WHERE conrelid IN ('auth.refresh_tokens'::regclass, 'auth.sessions'::regclass)
                AND contype IN ('f', 'c')
    LOOP
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', c.rel, c.conname);
    END LOOP;
END $$;
"""


def statement(sign: bool) -> str:
    return ("UPDATE bench.refresh_chains "
            f"SET token = bench.rotation_writes(token, {str(sign).lower()}) "
            "WHERE client = :client_id;\n")


VARIANTS = {
    "api.refresh": auth.PGBENCH_REFRESH,
    "writes": statement(False),
    "writes + signature": statement(True),
    "bare writes": statement(False),
    "bare + signature": statement(True),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float,
                        help="seconds per run (default 10; 3 with --quick)")
    parser.add_argument("--rounds", type=int, help="rounds (default 2; 1 with --quick)")
    parser.add_argument("--clients", type=int, default=16, help="clients (default 16)")
    parser.add_argument("--scale", type=int, help="pgbench -i scale (default 16; 4 with --quick)")
    parser.add_argument("--protocol", choices=("prepared", "simple"), default="prepared",
                        help="pgbench -M, both sides (default prepared, as bench/auth.py; "
                             "simple is pgbench's own default)")
    parser.add_argument("--quick", action="store_true", help="3s runs, one round, scale 4")
    args = parser.parse_args()
    for name, full, quick in (("duration", 10.0, 3.0), ("rounds", 2, 1), ("scale", 16, 4)):
        if getattr(args, name) is None:
            setattr(args, name, quick if args.quick else full)
    warmup = min(3.0, args.duration)
    print(f"refresh ceiling: {os.cpu_count()} CPUs; {args.duration:g}s runs, {args.rounds} "
          f"round(s), {args.clients} clients, pgbench -M {args.protocol} on both sides; "
          f"cluster settings {FAST_SETTINGS}")
    rates: dict[str, list[tuple[float, float]]] = {name: [] for name in VARIANTS}
    settings = dict(FAST_SETTINGS)
    with throwaway_cluster(ROOT, log=lambda *_: None, settings=settings) as (cluster, tmp):
        db = prepare_database(ROOT, cluster, tmp, round_trip=False, quiet=True)
        with cluster.connect(db.dbname, autocommit=True) as conn:
            conn.execute("UPDATE auth.settings SET login_rate_limit_per_min = %s, "
                         "lockout_threshold = 100", (auth.LOGIN_RATE_LIMIT,))
            fx = auth.make_fixtures(conn, args.clients)
            conn.execute(auth.REFRESH_CHAINS_SQL)
            conn.execute(ROTATION_WRITES_SQL)
        cluster.ensure_database("pgbench")
        env = {**cluster.libpq_env("pgbench"), "PATH": "/usr/bin:/bin"}
        subprocess.run([str(PG_BIN / "pgbench"), "-i", "-q", "-s", str(args.scale)], env=env,
                       text=True, capture_output=True, check=True)
        work = Path(tempfile.mkdtemp(dir=str(cluster.data_dir.parent)))
        users = fx.users[:args.clients]

        def run(names: list[str]) -> None:
            for rnd in range(1, args.rounds + 1):
                for name in names:
                    tps, _ = auth.pgbench_simple_update(env, args.clients, args.duration,
                                                        args.protocol)
                    rate, done, rotated = auth.pgbench_refresh(cluster, db, users, args.duration,
                                                               warmup, work, VARIANTS[name],
                                                               args.protocol)
                    if rotated != done:
                        raise RuntimeError(f"{name}: {done - rotated} of {done} transactions "
                                           "rotated nothing")
                    rates[name].append((rate, tps))
                    print(f"   round {rnd}: {name:<20} {rate:8,.0f} rotations/s; simple-update "
                          f"{tps:8,.0f} TPS; {rate / tps:.2f}x", flush=True)

        started = time.perf_counter()
        run(["api.refresh", "writes", "writes + signature"])
        with cluster.connect(db.dbname, autocommit=True) as conn:
            conn.execute(STRIP_SQL)
            conn.execute(f"ALTER ROLE authenticator IN DATABASE {db.dbname} "
                         "SET bench.audit_event = 'off'")
        print("   throwaway database only: the foreign keys and CHECK constraints of "
              "auth.refresh_tokens and auth.sessions dropped; no audit event from here on")
        run(["bare writes", "bare + signature"])
    print(f"\n== summary ({time.perf_counter() - started:.0f}s of runs); medians, each over its "
          "own baselines")
    for name, pairs in rates.items():
        rate = statistics.median(r for r, _ in pairs)
        tps = statistics.median(t for _, t in pairs)
        print(f"   {name:<20} {rate:8,.0f} / {tps:8,.0f} per s = {rate / tps:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
