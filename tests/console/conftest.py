"""Fixtures of the console's browser tests: the real stack behind `up`'s Nginx (PostgreSQL,
PostgREST, the glue with uploads, an ingestion worker, the built console), Debian's
Chromium driven by Playwright, a user with a password, and axe-core's checks."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from neuronplane import proxy
from neuronplane.procs import free_port
from tests.conftest import ROOT
from tests.ingest.conftest import files, glue, ingest_settings, worker  # noqa: F401 (fixtures)

PASSWORD = "Quartz-Meadow-Falcon-58"
CONSOLE = ROOT / "console"
AXE = CONSOLE / "node_modules" / "axe-core" / "axe.min.js"
# Screenshots of every page, kept after the run (the test command's artifacts).
ARTIFACTS = ROOT / ".artifacts" / "console"


@dataclass
class Entry:
    url: str
    port: int


@pytest.fixture(scope="module")
def entry(postgrest, glue, tmp_path_factory) -> Iterator[Entry]:  # noqa: F811 (the fixture)
    """`up`'s Nginx (the same rendered configuration and nginx/routes.conf) in front of the
    test stack, serving console/dist."""
    if not (CONSOLE / "dist" / "index.html").is_file():
        pytest.fail("console/dist is missing: ./neuronplane test builds it (npm ci, vite build)")
    tmp = tmp_path_factory.mktemp("nginx")
    for sub in ("nginx/client_body", "nginx/proxy", "nginx/fastcgi", "nginx/uwsgi", "nginx/scgi"):
        (tmp / sub).mkdir(parents=True, exist_ok=True)
    port = free_port()
    conf = tmp / "nginx.conf"
    conf.write_text(proxy.config_text(
        root=ROOT, run_dir=tmp, log_dir=tmp, host="127.0.0.1", port=port, api_url=postgrest.url,
        glue_url=glue, console_dir=CONSOLE / "dist", as_root=os.geteuid() == 0))
    service = proxy.service(root=ROOT, run_dir=tmp, log_dir=tmp, host="127.0.0.1", port=port,
                            conf_path=conf)
    service.start(timeout=30)
    try:
        yield Entry(f"http://127.0.0.1:{port}", port)
    finally:
        service.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator:
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        try:
            yield b
        finally:
            b.close()


@dataclass
class User:
    id: str
    name: str


@pytest.fixture
def user(superuser) -> User:
    name = f"console-{uuid.uuid4().hex[:10]}"
    user_id = str(superuser.execute(
        "INSERT INTO identity.users (username, email) VALUES (%s, %s) RETURNING id",
        (name, f"{name}@example.test")).fetchone()[0])
    superuser.execute("SELECT auth.set_password(%s, %s)", (user_id, PASSWORD))
    return User(user_id, name)


class Page:
    """A browser tab on the console, recording the page's errors and CSP violations."""

    def __init__(self, browser, entry: Entry) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 800})
        self.page = self.context.new_page()
        self.entry = entry
        self.problems: list[str] = []
        self.page.on("console", lambda m: self.problems.append(m.text)
                     if "Content Security Policy" in m.text else None)
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))

    def open(self, path: str = "/") -> None:
        self.page.goto(self.entry.url + path)

    def sign_in(self, user: User) -> None:
        self.open()
        self.page.get_by_label("Username or e-mail").fill(user.name)
        self.page.get_by_label("Password", exact=True).fill(PASSWORD)
        self.page.get_by_role("button", name="Sign in").click()
        self.page.get_by_text("Signed in as").wait_for()

    def go(self, title: str) -> None:
        self.page.get_by_role("navigation", name="Main").get_by_role("link", name=title).click()
        self.page.get_by_role("heading", level=1, name=title).wait_for()

    def axe(self) -> list[dict]:
        """axe-core's serious and critical violations on the page as it is. The script goes
        in through the DevTools protocol, which the page's CSP does not govern."""
        self.page.evaluate(AXE.read_text())
        found = self.page.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
            ".map(v => ({id: v.id, impact: v.impact, help: v.help,"
            " nodes: v.nodes.map(n => n.target.join(' '))}))")
        return [v for v in found if v["impact"] in ("serious", "critical")]

    def shot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def tab(browser, entry, request) -> Iterator[Page]:
    page = Page(browser, entry)
    try:
        yield page
        assert not page.problems, page.problems
    finally:
        report = getattr(request.node, "rep_call", None)
        if report is not None and report.failed:
            page.shot(f"failed-{request.node.name}")
        page.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item: a failed test leaves a screenshot."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)
