"""The console's first load through the proxy: the bytes a browser transfers for the
initial page (index.html and every script and stylesheet it names), compressed as Nginx
serves them, against the same files uncompressed (the baseline of the same run).
Target: at most 250 KB compressed.

    .venv/bin/python bench/console_load.py     # needs console/dist (./neuronplane up builds it)
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from neuronplane import proxy  # noqa: E402
from neuronplane.procs import free_port  # noqa: E402

TARGET = 250 * 1024


def transferred(client: httpx.Client, url: str, compressed: bool) -> int:
    """Bytes on the wire for one answer's body (gzip when asked and served)."""
    headers = {"Accept-Encoding": "gzip" if compressed else "identity"}
    with client.stream("GET", url, headers=headers) as r:
        r.raise_for_status()
        return sum(len(chunk) for chunk in r.iter_raw())


def main() -> int:
    dist = ROOT / "console" / "dist"
    if not (dist / "index.html").is_file():
        print("console/dist is missing: run ./neuronplane up "
              "(or npm ci && npm run build in console/)")
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        run = Path(tmp)
        for sub in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (run / "nginx" / sub).mkdir(parents=True)
        port = free_port()
        conf = run / "nginx.conf"
        # No API behind it: the first load is the static page; its API calls are a few
        # hundred bytes.
        conf.write_text(proxy.config_text(
            root=ROOT, run_dir=run, log_dir=run, host="127.0.0.1", port=port,
            api_url="http://127.0.0.1:9", glue_url="http://127.0.0.1:9", console_dir=dist,
            as_root=os.geteuid() == 0))
        service = proxy.service(root=ROOT, run_dir=run, log_dir=run, host="127.0.0.1", port=port,
                                conf_path=conf)
        service.health_url = f"http://127.0.0.1:{port}/"
        service.start(timeout=30)
        try:
            base = f"http://127.0.0.1:{port}"
            with httpx.Client(base_url=base, timeout=10) as client:
                html = client.get("/").text
                assets = ["/", *re.findall(r'(?:src|href)="(/assets/[^"]+)"', html)]
                gz = sum(transferred(client, a, True) for a in assets)
                raw = sum(transferred(client, a, False) for a in assets)
        finally:
            service.stop()
    print(f"files of the first load: {len(assets)} ({', '.join(assets)})")
    print(f"uncompressed (baseline): {raw / 1024:.1f} KB")
    print(f"compressed (served):     {gz / 1024:.1f} KB   ratio {gz / raw:.2f}")
    print(f"target: <= {TARGET // 1024} KB compressed: {'met' if gz <= TARGET else 'NOT met'}")
    return 0 if gz <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
