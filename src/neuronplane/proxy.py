"""The stack's single entry point: Nginx on loopback, serving the console at / and
forwarding /rest/ to PostgREST and the glue's routes to the glue (nginx/routes.conf)."""

from __future__ import annotations

import shutil
from pathlib import Path

from .procs import Service, url_host

NGINX_CANDIDATES = ("/usr/sbin/nginx", "/usr/bin/nginx")


def nginx_bin() -> str:
    for candidate in NGINX_CANDIDATES:
        if Path(candidate).is_file():
            return candidate
    return shutil.which("nginx") or NGINX_CANDIDATES[0]


def config_text(*, root: Path, run_dir: Path, log_dir: Path, host: str, port: int,
                api_url: str, glue_url: str, console_dir: Path, as_root: bool = False) -> str:
    """The main configuration of `up`'s Nginx: its files in NEURONPLANE_HOME, so that it
    runs unprivileged beside a system Nginx, and the project's routes included as they are.
    as_root: the master runs as root and its workers must too (else they would be `nobody`,
    who may not reach the checkout); normally `up` runs it as the server's OS user."""
    tmp = run_dir / "nginx"
    listen = f"{url_host(host)}:{port}"
    user = "user root;\n" if as_root else ""
    return f"""# Written by `neuronplane up`; the routes are in {root / 'nginx' / 'routes.conf'}.
{user}worker_processes 1;
pid {tmp / 'nginx.pid'};
error_log stderr warn;
daemon off;

events {{
    worker_connections 512;
}}

http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    server_tokens off;
    sendfile on;
    keepalive_timeout 65s;
    gzip on;
    gzip_types text/css application/javascript application/json image/svg+xml;
    gzip_min_length 512;

    client_body_temp_path {tmp / 'client_body'};
    proxy_temp_path {tmp / 'proxy'};
    fastcgi_temp_path {tmp / 'fastcgi'};
    uwsgi_temp_path {tmp / 'uwsgi'};
    scgi_temp_path {tmp / 'scgi'};

    # The caller's X-Request-Id when it is a plain token, else one made here.
    map $http_x_request_id $np_request_id {{
        default                      $request_id;
        "~^[A-Za-z0-9._:-]{{1,128}}$"  $http_x_request_id;
    }}
    log_format neuronplane '$remote_addr [$time_iso8601] "$request" $status '
                           '$body_bytes_sent $request_time rid=$np_request_id';
    access_log {log_dir / 'nginx.access.log'} neuronplane;

    client_max_body_size 1m;
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host $host;
    proxy_set_header X-Request-Id $np_request_id;
    proxy_set_header X-Real-IP $remote_addr;
    proxy_set_header X-Forwarded-For $remote_addr;
    proxy_set_header X-Forwarded-Proto $scheme;
    proxy_connect_timeout 5s;
    proxy_read_timeout 300s;

    server {{
        listen {listen} default_server;
        set $np_api {api_url};
        set $np_glue {glue_url};
        set $np_console {console_dir};
        include {root / 'nginx' / 'routes.conf'};
    }}
}}
"""


def service(*, root: Path, run_dir: Path, log_dir: Path, host: str, port: int,
            conf_path: Path) -> Service:
    return Service(
        name="nginx",
        argv=[nginx_bin(), "-c", str(conf_path), "-e", "stderr"],
        health_url=f"http://{url_host(host)}:{port}/healthz",
        ports=[(host, port)],
        pid_file=run_dir / "nginx.pid",
        log_file=log_dir / "nginx.log",
        hint="set NEURONPLANE_HTTP_PORT",
    )
