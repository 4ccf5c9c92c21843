"""Fixtures of the browser tests: one ``thidua serve`` and one Chromium for the whole module.

The server runs on a free loopback port over a fresh database, so it loads the bundled sample
first, exactly as a new user's first ``thidua serve`` does. Chromium is Debian's
(/usr/bin/chromium; Playwright cannot download its own here). Without it the tests are skipped
on a developer's machine and fail under CI (CI=true), where a skip would hide a missing install.

Every request the pages make (and every web socket they open) is recorded in ``Traffic``: the
dashboard must work with no network beyond this computer, and nothing the Office types may be
sent to, or announced to, a third party (a font, an icon, a script from a CDN).
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from thidua.metrics.summary import build_summary
from thidua.store.database import connect_read_only

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1600, "height": 1000}
ARTIFACTS = REPO / "artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
DOWNLOADS = ARTIFACTS / "downloads"
HEALTH_TIMEOUT_S = 90.0
FIRST_CHART_TIMEOUT_MS = 90_000
DEFAULT_TIMEOUT_MS = 30_000
LANGS = ("vi", "en")


def _unavailable(reason: str) -> None:
    """Fail under CI (a skipped browser test would pass a broken setup), skip elsewhere."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: the browser tests must run)", pytrace=False)
    pytest.skip(reason)


LOCAL_HOSTS = ("127.0.0.1", "localhost")
LOCAL_SCHEMES = ("data", "blob", "about")
# Addresses the page refers to without a request the browser reports (a favicon, a preload).
RESOURCE_URLS = """() => [
    ...performance.getEntriesByType("resource").map(e => e.name),
    ...[...document.querySelectorAll("link[href]")].map(e => e.href),
    ...[...document.querySelectorAll("script[src], img[src], iframe[src], source[src]")]
        .map(e => e.src),
]"""


def is_local(url: str) -> bool:
    """Served by this computer (or inline data): 127.0.0.1, localhost, data:, blob:."""
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or (
        parts.scheme in ("http", "https", "ws", "wss") and parts.hostname in LOCAL_HOSTS)


@dataclass
class Traffic:
    """Every URL the browser asked for, in order (requests, web sockets, page resources)."""

    urls: list[str]

    def record(self, url: str) -> None:
        self.urls.append(url)

    def record_page(self, page: Any) -> None:
        """Add what the page's DOM and resource timing name (favicons are not reported)."""
        for url in page.evaluate(RESOURCE_URLS):
            self.record(url)

    def foreign(self) -> list[str]:
        return sorted({url for url in self.urls if not is_local(url)})


@dataclass
class Server:
    url: str
    db: Path
    log: Path
    process: subprocess.Popen
    started: float  # time.monotonic() just before the process was started

    def check_alive(self) -> None:
        if self.process.poll() is not None:
            pytest.fail(f"thidua serve exited with {self.process.returncode}; log:\n"
                        f"{self.log_tail()}", pytrace=False)

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.status == 200 and response.read().strip() == b"ok"
    except (urllib.error.URLError, OSError):
        return False


def _stop(process: subprocess.Popen) -> None:
    """SIGTERM to the whole process group (the CLI and its streamlit child), then SIGKILL."""
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=15)
    # The streamlit child may outlive the CLI by a moment: the group must be gone too.
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    if process.poll() is None:
        process.kill()
        process.wait(timeout=10)


def _start(db: Path, log: Path) -> Server:
    """``thidua serve`` on a free port; returns once /_stcore/health answers "ok"."""
    for _attempt in range(3):  # the free port may be taken between finding and binding it
        port = _free_port()
        url = f"http://127.0.0.1:{port}"
        env = {k: v for k, v in os.environ.items() if k != "THIDUA_DB"}
        started = time.monotonic()
        with open(log, "ab") as out:
            process = subprocess.Popen(
                [sys.executable, "-m", "thidua.cli", "serve", "--db", str(db),
                 "--port", str(port)],
                cwd=REPO, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                start_new_session=True)
        server = Server(url, db, log, process, started)
        deadline = started + HEALTH_TIMEOUT_S
        while time.monotonic() < deadline and process.poll() is None:
            if _healthy(url):
                if process.poll() is None:  # "ok" from our server, not from a stray one
                    return server
                break
            time.sleep(0.25)
        exited = process.poll() is not None
        _stop(process)
        if not (exited and "is not available" in server.log_tail()):
            state = f"exited with {process.returncode}" if exited else "not healthy"
            pytest.fail(f"thidua serve {state} after {time.monotonic() - started:.0f}s "
                        f"(limit {HEALTH_TIMEOUT_S:.0f}s); log:\n{server.log_tail()}",
                        pytrace=False)
    pytest.fail(f"no free port for thidua serve; log:\n{server.log_tail()}", pytrace=False)


@pytest.fixture(scope="module")
def playwright_api() -> Iterator[Any]:
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (uv sync --group dev)")
    with sync_playwright() as api:
        yield api


@pytest.fixture(scope="module")
def browser(playwright_api: Any) -> Iterator[Any]:
    browser = playwright_api.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture(scope="module")
def server(browser: Any) -> Iterator[Server]:
    """The dashboard over a fresh database (the browser is up first: it is not timed).

    The database lives in a folder of its own, not under pytest's numbered temp folders, which
    another pytest run on the same machine may prune while this one is still serving. The
    server's log is kept in artifacts/ for after the run.
    """
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log = ARTIFACTS / "browser-serve.log"
    log.write_bytes(b"")
    with tempfile.TemporaryDirectory(prefix="thidua-browser-") as folder:
        server = _start(Path(folder) / "thidua.duckdb", log)
        try:
            yield server
        finally:
            _stop(server.process)


@pytest.fixture(scope="module")
def traffic() -> Traffic:
    return Traffic([])


@pytest.fixture(scope="module")
def pages(browser: Any, server: Server, traffic: Traffic) -> Iterator[dict[str, Any]]:
    """One page per language, each in its own context (its own Streamlit session).

    Every request of either context and every web socket of either page goes to ``traffic``.
    """
    contexts = {lang: browser.new_context(viewport=VIEWPORT, accept_downloads=True,
                                          locale="vi-VN" if lang == "vi" else "en-US")
                for lang in LANGS}
    opened = {}
    for lang, context in contexts.items():
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        context.on("request", lambda request: traffic.record(request.url))
        opened[lang] = context.new_page()
        opened[lang].on("websocket", lambda socket: traffic.record(socket.url))
    yield opened
    for context in contexts.values():
        context.close()


@pytest.fixture(scope="module")
def first_chart_s(server: Server, pages: dict[str, Any]) -> float:
    """Seconds from starting ``thidua serve`` to the first Plotly chart on "/" (reported only).

    The chart must appear within FIRST_CHART_TIMEOUT_MS (else Playwright's TimeoutError fails
    every test that needs it); how long it took is printed, never asserted.
    """
    page = pages["vi"]
    page.goto(f"{server.url}/", timeout=FIRST_CHART_TIMEOUT_MS)
    page.locator(".js-plotly-plot").first.wait_for(state="visible",
                                                   timeout=FIRST_CHART_TIMEOUT_MS)
    seconds = time.monotonic() - server.started
    print(f"\nserve→first chart: {seconds:.1f}s")
    return seconds


@pytest.fixture(scope="module")
def summary(server: Server, first_chart_s: float) -> dict[str, Any]:
    """The numbers the pages must show, from the database the server loaded."""
    con = connect_read_only(server.db)
    try:
        return build_summary(con)
    finally:
        con.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture(scope="session")
def downloads() -> Path:
    DOWNLOADS.mkdir(parents=True, exist_ok=True)
    return DOWNLOADS
