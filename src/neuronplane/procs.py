"""Background processes that `neuronplane up` starts and `down` stops.

Each process has a pid file and a log file under NEURONPLANE_HOME; a process counts as
ours only while its pid is alive *and* runs the program we started (pid files outlive
crashes, and pids are reused).
"""

from __future__ import annotations

import os
import pwd
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path


class StartError(RuntimeError):
    """A component did not start; the message carries the tail of its log."""


def tail(path: Path, lines: int = 20) -> str:
    try:
        with path.open("rb") as f:
            f.seek(0, os.SEEK_END)
            size = f.tell()
            f.seek(max(0, size - 64 * 1024))
            text = f.read().decode("utf-8", "replace")
    except OSError:
        return "(no log yet)"
    return "\n".join(text.splitlines()[-lines:]) or "(log is empty)"


def port_in_use(host: str, port: int) -> bool:
    """True when something accepts connections on host:port, or the port cannot be bound."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.settimeout(0.5)
        if s.connect_ex((host, port)) == 0:
            return True
    with socket.socket(family, socket.SOCK_STREAM) as s:
        # As servers do: connections of a stopped server lingering in TIME_WAIT don't count.
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return True
    return False


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def url_host(host: str) -> str:
    """A host as it goes in a URL (IPv6 addresses in brackets)."""
    return f"[{host}]" if ":" in host else host


def http_ok(url: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:  # noqa: S310 (loopback URL)
            return 200 <= resp.status < 300
    except (urllib.error.URLError, OSError, ValueError):
        return False


@dataclass
class Service:
    """A long-running child: started detached, answered for by an HTTP health URL."""

    name: str
    argv: list[str]
    health_url: str
    ports: list[tuple[str, int]]
    pid_file: Path
    log_file: Path
    env: dict[str, str] | None = None
    hint: str = ""
    # The OS user to run as (when started by root); None: the invoking user.
    user: str | None = None

    def pid(self) -> int | None:
        try:
            pid = int(self.pid_file.read_text().strip())
        except (OSError, ValueError):
            return None
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            return None
        # Same program as the one we started (its argv[0] or the script it runs)?
        wanted = os.path.basename(self.argv[0]).encode()
        # Nginx rewrites its title to "nginx: master process ...".
        if not any(os.path.basename(part) == wanted or part.startswith(wanted + b":")
                   for part in cmdline[:3]):
            return None
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return None
        if _is_zombie(pid):
            return None
        return pid

    def answering(self) -> bool:
        return http_ok(self.health_url)

    def start(self, timeout: float) -> int:
        pid = self.pid()
        if pid is not None:
            if self.answering():
                return pid
            self.stop()
        for host, port in self.ports:
            if port_in_use(host, port):
                raise StartError(
                    f"{self.name} cannot listen on {host}:{port}: the port is taken by "
                    f"another process; stop it{' or ' + self.hint if self.hint else ''}")
        self.log_file.parent.mkdir(parents=True, exist_ok=True)
        self.pid_file.parent.mkdir(parents=True, exist_ok=True)
        as_user: dict = {}
        if self.user:
            entry = pwd.getpwnam(self.user)
            as_user = {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}
        with self.log_file.open("ab") as log:
            try:
                proc = subprocess.Popen(
                    self.argv, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                    env=self.env, start_new_session=True, cwd="/", **as_user)
            except OSError as exc:
                who = f" as OS user {self.user!r}" if self.user else ""
                raise StartError(f"{self.name} cannot be run{who}: {self.argv[0]}: "
                                 f"{exc.strerror}") from None
        self.pid_file.write_text(f"{proc.pid}\n")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                self.pid_file.unlink(missing_ok=True)
                raise StartError(
                    f"{self.name} exited with status {proc.returncode} while starting"
                    f"\n--- last lines of {self.log_file} ---\n{tail(self.log_file)}")
            if self.answering():
                return proc.pid
            time.sleep(0.2)
        self.stop()
        raise StartError(
            f"{self.name} did not answer {self.health_url} within {timeout:.0f}s"
            f"\n--- last lines of {self.log_file} ---\n{tail(self.log_file)}")

    def stop(self, timeout: float = 10) -> bool:
        """Stop the process if it is ours and alive; True when one was stopped."""
        pid = self.pid()
        self.pid_file.unlink(missing_ok=True)
        if pid is None:
            return False
        os.killpg(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not _alive(pid):
                return True
            time.sleep(0.1)
        os.killpg(pid, signal.SIGKILL)
        while _alive(pid):
            time.sleep(0.05)
        return True


def _is_zombie(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rsplit(")", 1)[1].split()[0] == "Z"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    if _is_zombie(pid):
        # Our own child that exited: reap it so the pid is released.
        try:
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            pass
        return False
    return True
