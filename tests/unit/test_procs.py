"""Background process handling: port checks, start failures with the log's tail, stop."""

import socket
import subprocess
import sys

import pytest

from neuronplane.procs import Service, StartError, free_port, port_in_use, tail


def test_port_in_use_sees_a_listener():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        assert port_in_use("127.0.0.1", port)
    assert not port_in_use("127.0.0.1", free_port())


def test_tail_of_missing_and_long_logs(tmp_path):
    assert tail(tmp_path / "nope.log") == "(no log yet)"
    log = tmp_path / "x.log"
    log.write_text("".join(f"line {i}\n" for i in range(100)))
    assert tail(log, 3) == "line 97\nline 98\nline 99"


def _service(tmp_path, code: str, port: int) -> Service:
    return Service(name="demo", argv=[sys.executable, "-c", code],
                   health_url=f"http://127.0.0.1:{port}/", ports=[("127.0.0.1", port)],
                   pid_file=tmp_path / "demo.pid", log_file=tmp_path / "demo.log")


def test_a_component_that_dies_reports_its_log(tmp_path):
    svc = _service(tmp_path, "import sys; print('boom: bad config'); sys.exit(3)", free_port())
    with pytest.raises(StartError, match=r"(?s)demo exited with status 3.*boom: bad config"):
        svc.start(timeout=10)
    assert not (tmp_path / "demo.pid").exists()


def test_a_taken_port_is_a_clear_error(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        svc = _service(tmp_path, "pass", port)
        svc.hint = "set DEMO_PORT"
        with pytest.raises(StartError, match=f"127.0.0.1:{port}: the port is taken.*DEMO_PORT"):
            svc.start(timeout=5)


def test_start_status_stop(tmp_path):
    port = free_port()
    code = (f"import http.server as h; h.HTTPServer(('127.0.0.1', {port}), "
            "h.SimpleHTTPRequestHandler).serve_forever()")
    svc = _service(tmp_path, code, port)
    pid = svc.start(timeout=15)
    try:
        assert svc.pid() == pid and svc.answering()
        assert svc.start(timeout=5) == pid, "a running, answering service is left alone"
    finally:
        assert svc.stop()
    assert svc.pid() is None and not svc.answering()
    assert not svc.stop(), "stopping twice is harmless"


def test_stale_pid_file_is_not_ours(tmp_path):
    """A reused pid that runs another program is not taken for ours (nor killed)."""
    svc = _service(tmp_path, "pass", free_port())
    other = subprocess.Popen(["sleep", "30"])
    try:
        (tmp_path / "demo.pid").write_text(f"{other.pid}\n")
        assert svc.pid() is None
        assert not svc.stop()
        assert other.poll() is None
    finally:
        other.kill()
        other.wait()
