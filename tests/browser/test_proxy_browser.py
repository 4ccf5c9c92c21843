"""The deployment as committed, on loopback: nginx with TLS in front of three ``thidua serve``s.

``stack.py`` renders ``deploy/nginx-thidua.conf`` (ports, paths and backends only) and starts
each backend with the command of ``deploy/thidua@.service``, all on one database and one
accounts store with one ``hcqt`` account made by ``thidua users add --password-stdin``.
Chromium resolves the site's own name (``server_name``) to 127.0.0.1, so the browser sends the
Host and Origin a LAN browser would and the WebSocket's origin check is the real one.

Two browsers, each given the route cookie of a different backend, sign in, see the Overview,
open another page and download a CSV; one uploads a workbook. nginx's access log (with the
upstream of every request) then shows each browser's requests, its WebSocket upgrade (101) and
its download on its own backend only. Requests without a browser check the plain-HTTP redirect,
the route cookie and nginx's upload limit (413 before any backend sees the body).
"""

from __future__ import annotations

import contextlib
import csv
import http.client
import io
import json
import os
import re
import secrets
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from thidua.catalogue import t

from .conftest import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, VIEWPORT, _unavailable
from .drive import go_to, sign_in, wait_title
from .stack import (
    NGINX,
    REPO,
    SAMPLE,
    SERVER_NAME,
    SITE,
    Stack,
    StackError,
    password,
    prepare,
    running,
    thidua,
    tls_context,
    unit_command,
)

pytestmark = pytest.mark.browser

ACCOUNT = "hcqt.proxy"
BACKENDS = 3
AGENTS = ("thidua-proxy-A", "thidua-proxy-B")  # one per browser, to tell them apart in the log
ROUTE = re.compile(r"thidua_route=([0-9a-f]{32}); Path=/; Secure; HttpOnly; SameSite=Lax")
BACKUP = REPO / "deploy" / "thidua-backup.sh"
LIMIT_MB = int(re.search(r"client_max_body_size (\d+)m;", SITE.read_text()).group(1))


@pytest.fixture(scope="module")
def stack() -> Iterator[Stack]:
    if not NGINX.exists():
        _unavailable(f"{NGINX} is missing (apt-get install nginx)")
    if shutil.which("openssl") is None:
        _unavailable("openssl is missing (apt-get install openssl)")
    with tempfile.TemporaryDirectory(prefix="thidua-proxy-") as folder:
        root = Path(folder)
        try:
            prepare(root, {ACCOUNT: "hcqt"})
            timing = {"THIDUA_TIMING_LOG": str(root / "log" / "timing.jsonl")}
            with running(root, BACKENDS, extra_env=timing) as started:
                yield started
        except StackError as error:
            pytest.fail(str(error), pytrace=False)
        finally:  # nginx's and the servers' logs, for after the run
            shutil.copytree(root / "log", ARTIFACTS / "proxy-logs", dirs_exist_ok=True)


def request(stack: Stack, path: str, *, method: str = "GET", route: str | None = None,
            agent: str = "thidua-proxy-probe", headers: dict[str, str] | None = None,
            port: int | None = None) -> tuple[int, dict[str, list[str]], bytes]:
    """One request to nginx (HTTPS unless ``port`` is the plain one): status, headers, body."""
    plain = port is not None
    connection = (http.client.HTTPConnection("127.0.0.1", port, timeout=30) if plain else
                  http.client.HTTPSConnection("127.0.0.1", stack.https_port, timeout=30,
                                              context=tls_context()))
    sent = {"Host": SERVER_NAME if plain else f"{SERVER_NAME}:{stack.https_port}",
            "User-Agent": agent, **(headers or {})}
    if route:
        sent["Cookie"] = f"thidua_route={route}"
    try:
        connection.request(method, path, headers=sent)
        answer = connection.getresponse()
        received: dict[str, list[str]] = {}
        for name, value in answer.getheaders():
            received.setdefault(name.lower(), []).append(value)
        return answer.status, received, answer.read()
    finally:
        connection.close()


def upstream_of(stack: Stack, agent: str) -> str:
    """The backend nginx sent ``agent``'s request to (its log line is written as it ends)."""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        found = [line["upstream"] for line in stack.access() if line["agent"] == agent]
        if found:
            return found[-1]
        time.sleep(0.05)
    raise AssertionError(f"no access-log line for {agent}")


@pytest.fixture(scope="module")
def routes(stack: Stack) -> dict[str, str]:
    """A route cookie value for each backend (by "127.0.0.1:port"), found by asking nginx."""
    found: dict[str, str] = {}
    for attempt in range(100):
        value = secrets.token_hex(16)
        agent = f"thidua-proxy-probe-{attempt}"
        assert request(stack, "/_stcore/health", route=value, agent=agent)[0] == 200
        found.setdefault(upstream_of(stack, agent), value)
        if len(found) == BACKENDS:
            break
    return found


@pytest.fixture(scope="module")
def browser(playwright_api: Any) -> Iterator[Any]:
    """Chromium that finds the site's name on this computer, as a LAN browser finds it."""
    browser = playwright_api.chromium.launch(executable_path=str(CHROMIUM), args=[
        *CHROMIUM_ARGS, f"--host-resolver-rules=MAP {SERVER_NAME} 127.0.0.1"])
    yield browser
    browser.close()


@pytest.fixture(scope="module")
def signed_in(browser: Any, stack: Stack, routes: dict[str, str]) -> Iterator[dict[str, Any]]:
    """One signed-in page per agent, each browser pinned (by its cookie) to another backend."""
    pages, contexts = {}, []
    for agent, backend in zip(AGENTS, sorted(routes), strict=False):
        context = browser.new_context(viewport=VIEWPORT, locale="vi-VN", user_agent=agent,
                                      ignore_https_errors=True, accept_downloads=True)
        context.set_default_timeout(60_000)
        context.add_cookies([{"name": "thidua_route", "value": routes[backend],
                              "url": stack.url, "secure": True, "httpOnly": True}])
        contexts.append(context)
        pages[agent] = context.new_page()
        sign_in(pages[agent], f"{stack.url}/", ACCOUNT, password(ACCOUNT))
    yield pages
    for context in contexts:
        context.close()


# ---------------------------------------------------------------- without a browser


def test_plain_http_is_sent_to_https(stack: Stack) -> None:
    status, headers, _body = request(stack, "/tham-gia?lang=en", port=stack.http_port)
    assert status == 301
    assert headers["location"] == [f"https://{SERVER_NAME}/tham-gia?lang=en"]


def test_the_route_cookie_keeps_a_browser_on_one_backend(stack: Stack,
                                                         routes: dict[str, str]) -> None:
    """A first visit gets a random route cookie; with it, every request goes to one backend;
    different browsers spread over every backend (found by ``routes``)."""
    status, headers, _body = request(stack, "/_stcore/health", agent="thidua-proxy-first")
    assert status == 200
    cookies = [ROUTE.fullmatch(value) for value in headers.get("set-cookie", [])]
    given = [match.group(1) for match in cookies if match]
    assert len(given) == 1, headers.get("set-cookie")
    first = upstream_of(stack, "thidua-proxy-first")
    for visit in range(8):
        agent = f"thidua-proxy-again-{visit}"
        status, headers, _body = request(stack, "/_stcore/health", route=given[0], agent=agent)
        assert status == 200
        assert not any(ROUTE.fullmatch(v) for v in headers.get("set-cookie", []))  # kept
        assert upstream_of(stack, agent) == first
    assert sorted(routes) == sorted(stack.upstream(port) for port in stack.backends)


def test_an_upload_over_the_limit_is_refused_by_nginx(stack: Stack,
                                                      routes: dict[str, str]) -> None:
    """``client_max_body_size``: refused with 413 on its declared size, before any backend."""
    agent = "thidua-proxy-too-large"
    status, _headers, body = request(
        stack, "/_stcore/upload_file/session/file", method="PUT", agent=agent,
        route=next(iter(routes.values())),
        headers={"Content-Length": str((LIMIT_MB << 20) + 1), "Expect": "100-continue",
                 "Content-Type": "multipart/form-data; boundary=x"})
    assert status == 413
    assert b"413 Request Entity Too Large" in body
    assert upstream_of(stack, agent) == "-"  # no backend was asked


# ---------------------------------------------------------------- two browsers


def test_sign_in_and_the_overview_through_the_proxy(stack: Stack,
                                                    signed_in: dict[str, Any]) -> None:
    for page in signed_in.values():
        address = urlsplit(page.url)
        assert (address.scheme, address.netloc, address.path) == (
            "https", f"{SERVER_NAME}:{stack.https_port}", "/tong-quan"), page.url
        assert page.locator(".js-plotly-plot .main-svg").count() >= 1
        sidebar = page.locator('[data-testid="stSidebar"]').inner_text()
        assert ACCOUNT in sidebar
        assert t("access_local_banner", "vi") not in page.inner_text("body")


def test_another_page_and_a_csv_download_on_each_backend(signed_in: dict[str, Any],
                                                         downloads: Path) -> None:
    for agent, page in signed_in.items():
        go_to(page, "page_participation", charts=3)
        with page.expect_download() as info:
            page.locator('[data-testid="stMain"]').get_by_role(
                "link", name=t("download_csv", "vi")).click()
        saved = downloads / f"proxy-{agent}.csv"
        info.value.save_as(saved)
        raw = saved.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), raw[:16]
        header = next(csv.reader(io.StringIO(raw.decode("utf-8").removeprefix("\ufeff"))))
        assert "Họ và tên" in header, header


def test_an_upload_reaches_the_process_of_its_session(signed_in: dict[str, Any]) -> None:
    """The sample workbook, uploaded and checked: identical to the data, so "unchanged"."""
    page = signed_in[AGENTS[0]]
    go_to(page, "page_import")
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
        str(SAMPLE))
    page.get_by_role("button", name=t("import_button", "vi")).click()
    message = t("load_unchanged", "vi", file=SAMPLE.name, campaign="XXX").split("XXX")[0]
    page.get_by_text(message).wait_for(state="visible", timeout=120_000)
    wait_title(page, "page_import")


def test_each_browser_stayed_on_its_backend(stack: Stack, signed_in: dict[str, Any]) -> None:
    """After the browsers close (nginx logs a WebSocket when it ends): per browser, every
    request went to one backend, a different one for each, with its upgrade and download."""
    for page in signed_in.values():
        page.context.close()
    stack.check_alive()
    deadline = time.monotonic() + 10
    lines: list[dict[str, str]] = []
    while time.monotonic() < deadline:
        lines = stack.access()
        if all(any(line["agent"] == agent and line["status"] == "101" for line in lines)
               for agent in AGENTS):
            break
        time.sleep(0.2)
    seen = {}
    for agent in AGENTS:
        mine = [line for line in lines if line["agent"] == agent]
        upstreams = {line["upstream"] for line in mine}
        assert len(upstreams) == 1, (agent, upstreams)
        seen[agent] = upstreams.pop()
        assert any(line["path"].startswith("/_stcore/stream") and line["status"] == "101"
                   for line in mine), agent
        assert any(line["path"].startswith("/api/thidua/download/") and line["status"] == "200"
                   for line in mine), [line["path"] for line in mine]
    assert len(set(seen.values())) == len(AGENTS), seen
    uploads = [line for line in lines if line["agent"] == AGENTS[0]
               and line["path"].startswith("/_stcore/upload_file/")]
    assert uploads and all(line["status"] in ("200", "204") for line in uploads), uploads


def test_each_server_logged_its_own_time_per_run(stack: Stack) -> None:
    """``$THIDUA_TIMING_LOG`` (dashboard/ui/timing.py): one line per script run, from the
    process that ran it, naming the page; sessions only as a hash."""
    runs = [json.loads(line) for line in
            (stack.root / "log" / "timing.jsonl").read_text().splitlines()]
    assert {"t", "pid", "session", "page", "ms", "cpu_ms", "queue_ms", "beside",
            "end"} <= set(runs[0])
    # the script's own core time and its wait for a core are parts of its time
    assert all(run["cpu_ms"] >= 0 and run["queue_ms"] >= 0 for run in runs)
    assert all(run["cpu_ms"] + run["queue_ms"] <= run["ms"] + 5 for run in runs)
    assert len({run["pid"] for run in runs}) >= len(AGENTS)  # two backends ran scripts
    assert {"tong-quan", "tham-gia", "nhap-du-lieu", ""} <= {run["page"] for run in runs}
    assert all(re.fullmatch(r"[0-9a-f]{12}", run["session"]) for run in runs)
    assert all(run["ms"] > 0 for run in runs)
    assert {"ok", "rerun"} <= {run["end"] for run in runs}


def test_a_backup_taken_while_serving_restores(stack: Stack, signed_in: dict[str, Any],
                                               tmp_path: Path) -> None:
    """``deploy/thidua-backup.sh`` while the servers run; restored by copying the folder back
    (docs/deployment.md): the same figures, accounts, audit entries and kept versions."""
    variant = tmp_path / "nhap_2026.xlsx"  # an import first, so that a version is kept
    thidua(stack.root, "sample", "--seed", "2026", "--out", str(variant))
    thidua(stack.root, "load", str(variant), "--replace-all")
    env = {**unit_command(0, stack.root)[1], "PATH": os.environ["PATH"]}
    done = subprocess.run(["bash", str(BACKUP), str(tmp_path / "backups")], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    folder = Path(done.stdout.strip())
    assert subprocess.run(["sha256sum", "--quiet", "-c", "SHA256SUMS"], cwd=folder,
                          capture_output=True).returncode == 0
    restored = tmp_path / "restored"
    shutil.copytree(folder, restored)
    live, copy = stack.db, restored / stack.db.name

    def thidua_json(db: Path, *args: str) -> Any:
        result = subprocess.run([sys.executable, "-m", "thidua.cli", *args, "--db", str(db)],
                                capture_output=True, text=True, check=True, cwd=REPO)
        return json.loads(result.stdout) if "--json" in args else result.stdout

    assert thidua_json(copy, "summary", "--json") == thidua_json(live, "summary", "--json")
    assert ACCOUNT in thidua_json(copy, "users", "list")
    with contextlib.closing(sqlite3.connect(copy.with_name("thidua.accounts.sqlite"))) as con:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert con.execute("SELECT count(*) FROM audit WHERE event = 'sign_in' AND user = ?",
                           (ACCOUNT,)).fetchone()[0] >= len(AGENTS)
    kept = sorted(p.name for p in (live.parent / f"{live.name}.versions").iterdir())
    assert sorted(p.name for p in (restored / f"{live.name}.versions").iterdir()) == kept
