"""Benchmark: the glue's request throughput with metrics and tracing on, against both off.

One throwaway cluster with the project's schema; the glue runs as its own uvicorn process
(one worker, as `up` runs it) in three configurations, alternated --rounds times:

  off      no metrics middleware, ENABLE_TRACING unset (no SDK loaded);
  metrics  the metrics middleware only (reported, no target);
  on       the metrics middleware, and ENABLE_TRACING=true exporting every span (sampler
           always_on) over OTLP/HTTP to a receiver run here, which decodes nothing but
           counts the requests it gets;
  sampled  the same with OTEL_TRACES_SAMPLER=parentbased_traceidratio, 10% of the traces
           (reported, no target).

Load: wrk (Debian's package) when installed, else concurrent httpx clients in this process
(which then compete with the glue for the CPU): --clients connections for --duration
seconds on
  GET /healthz        one database call through the pool (with tracing: a span for the
                      request, one for each statement, and the traceparent set on the
                      connection), and
  GET /auth/session   answered without the database (no cookie: 401).
Target: on >= 0.9x off for each, medians of the rounds.

    .venv/bin/python bench/observability.py [--duration 8] [--rounds 3] [--clients 8] [--quick]

Exits 0 when every target is met, 1 when one is missed.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from neuronplane.procs import free_port  # noqa: E402
from neuronplane.testrun import prepare_database, throwaway_cluster  # noqa: E402

TARGET = 0.9
PATHS = ("/healthz", "/auth/session")


class Receiver:
    """Answers OTLP/HTTP exports with 200 and counts them."""

    def __init__(self) -> None:
        self.requests = 0
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("content-length", 0)))
                receiver.requests += 1
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def start_glue(conninfo: str, mode: str, receiver: Receiver) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OTEL_", "ENABLE_TRACING"))}
    if mode in ("on", "sampled"):
        env.update({"ENABLE_TRACING": "true", "OTEL_EXPORTER_OTLP_ENDPOINT": receiver.url,
                    "OTEL_TRACES_SAMPLER": "always_on"})
    if mode == "sampled":
        env.update({"OTEL_TRACES_SAMPLER": "parentbased_traceidratio",
                    "OTEL_TRACES_SAMPLER_ARG": "0.1"})
    code = ("import sys; from neuronplane import glue; glue.serve(sys.argv[1], '127.0.0.1', "
            "int(sys.argv[2]), metrics_on=sys.argv[3] != 'off')")
    proc = subprocess.Popen([sys.executable, "-c", code, conninfo, str(port), mode], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline or proc.poll() is not None:
            proc.kill()
            raise SystemExit("the glue did not start")
        time.sleep(0.2)


def wrk(url: str, clients: int, duration: float) -> float:
    out = subprocess.run(["wrk", "-t", "2", "-c", str(clients), "-d", f"{max(1, round(duration))}s",
                          "--timeout", "10s", url], text=True, capture_output=True,
                         check=True).stdout
    rate = re.search(r"Requests/sec:\s+([0-9.]+)", out)
    if not rate or "Socket errors" in out:
        raise RuntimeError(f"wrk failed or saw socket errors:\n{out}")
    return float(rate.group(1))


async def load(url: str, clients: int, duration: float) -> float:
    """Requests per second of `clients` concurrent loops for `duration` seconds."""
    done = 0
    stop = time.monotonic() + duration

    async def one(client: httpx.AsyncClient) -> None:
        nonlocal done
        while time.monotonic() < stop:
            r = await client.get(url)
            assert r.status_code in (200, 401), r.status_code
            done += 1

    started = time.monotonic()
    async with httpx.AsyncClient(timeout=10,
                                 limits=httpx.Limits(max_connections=clients)) as client:
        await asyncio.gather(*(one(client) for _ in range(clients)))
    return done / (time.monotonic() - started)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=8.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--quick", action="store_true", help="2 s, 2 rounds")
    args = parser.parse_args()
    if args.quick:
        args.duration, args.rounds = 2.0, 2
    receiver = Receiver()
    use_wrk = shutil.which("wrk") is not None
    results: dict[tuple[str, str], list[float]] = {}
    with throwaway_cluster(ROOT, log=lambda *_: None) as (cluster, tmp):
        db = prepare_database(ROOT, cluster, tmp, round_trip=False, quiet=True)
        conninfo = (f"host=127.0.0.1 port={cluster.port} dbname={db.dbname} "
                    f"user=neuronplane_worker passfile={db.passfile}")
        for round_ in range(args.rounds):
            # Alternate which goes first, so that neither always gets the warmer machine.
            modes = ("off", "metrics", "on", "sampled")
            for mode in (modes if round_ % 2 == 0 else modes[::-1]):
                proc, url = start_glue(conninfo, mode, receiver)
                try:
                    for path in PATHS:
                        if use_wrk:
                            wrk(url + path, args.clients, 1.0)  # warm up
                            rate = wrk(url + path, args.clients, args.duration)
                        else:
                            asyncio.run(load(url + path, args.clients, 1.0))
                            rate = asyncio.run(load(url + path, args.clients, args.duration))
                        results.setdefault((mode, path), []).append(rate)
                finally:
                    proc.terminate()
                    proc.wait(timeout=10)
    ok = True
    print(f"glue throughput ({'wrk' if use_wrk else 'httpx'}), {args.clients} connections, "
          f"{args.duration:.0f} s x {args.rounds} rounds (medians); {receiver.requests} OTLP "
          "exports received")
    for path in PATHS:
        off, metrics_only, on, sampled = (statistics.median(results[(mode, path)])
                                          for mode in ("off", "metrics", "on", "sampled"))
        ratio = on / off
        ok &= ratio >= TARGET
        print(f"  GET {path}: off {off:.0f} req/s; metrics {metrics_only:.0f} "
              f"({metrics_only / off:.2f}x); metrics+tracing {on:.0f} ({ratio:.2f}x, target "
              f">= {TARGET}x: {'ok' if ratio >= TARGET else 'MISSED'}); with 10% sampled "
              f"{sampled:.0f} ({sampled / off:.2f}x)")
    if receiver.requests == 0:
        print("no span was exported: the 'on' runs did not trace")
        ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
