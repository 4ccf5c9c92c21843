"""The Office sign-in and a sign-in that survives a reload, in a real browser.

``thidua serve`` runs with accounts (IT's password account, a lanh_dao mapped to an Office
e-mail) and the ``THIDUA_OIDC_*`` settings of a fake provider on 127.0.0.1
(``tests/fake_idp.py``, in this process). Chromium clicks "Đăng nhập bằng tài khoản của Văn
phòng", goes through the provider and comes back signed in with the mapped role; an e-mail
with no account is refused with a sentence; sign-out ends the session everywhere. A password
sign-in keeps the browser signed in across a reload, and not after a sign-out. The session
cookie is HttpOnly and SameSite=Strict, and no address the browser asked for carries it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.fake_idp import FakeIdP
from thidua.accounts import AccountStore, AuditLog, accounts_path
from thidua.catalogue import t

from .conftest import (
    ARTIFACTS,
    DEFAULT_TIMEOUT_MS,
    HEALTH_TIMEOUT_S,
    REPO,
    VIEWPORT,
    Server,
    Traffic,
    _free_port,
    _healthy,
    _stop,
)

pytestmark = pytest.mark.browser

PASSWORD = "mat-khau-rat-dai"
OFFICE = t("signin_oidc_button", "vi")
FIRST_PAGE_TIMEOUT_MS = 90_000


@pytest.fixture(scope="module")
def idp() -> Iterator[FakeIdP]:
    provider = FakeIdP().start()
    yield provider
    provider.stop()


def _serve(db: Path, log: Path, idp: FakeIdP) -> Server:
    """``thidua serve`` with the fake provider set up; returns once it answers "ok"."""
    for _attempt in range(3):  # the free port may be taken between finding and binding it
        port = _free_port()
        url = f"http://127.0.0.1:{port}"
        env = {k: v for k, v in os.environ.items() if k not in ("THIDUA_DB", "THIDUA_ACCOUNTS")}
        env.update({"THIDUA_OIDC_METADATA_URL": idp.metadata_url,
                    "THIDUA_OIDC_CLIENT_ID": idp.client_id,
                    "THIDUA_OIDC_CLIENT_SECRET": idp.client_secret,
                    "THIDUA_OIDC_REDIRECT_URI": f"{url}/oauth2callback"})
        started = time.monotonic()
        with open(log, "ab") as out:
            process = subprocess.Popen(
                [sys.executable, "-m", "thidua.cli", "serve", "--db", str(db), "--port", str(port)],
                cwd=REPO, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                start_new_session=True)
        server = Server(url, db, log, process, started)
        while time.monotonic() < started + HEALTH_TIMEOUT_S and process.poll() is None:
            if _healthy(url) and process.poll() is None:
                return server
            time.sleep(0.25)
        exited = process.poll() is not None
        _stop(process)
        if not (exited and "is not available" in server.log_tail()):
            pytest.fail(f"thidua serve did not start; log:\n{server.log_tail()}", pytrace=False)
    pytest.fail(f"no free port for thidua serve; log:\n{server.log_tail()}", pytrace=False)


@pytest.fixture(scope="module")
def office(browser: Any, idp: FakeIdP) -> Iterator[Server]:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log = ARTIFACTS / "browser-serve-oidc.log"
    log.write_bytes(b"")
    with tempfile.TemporaryDirectory(prefix="thidua-oidc-") as folder:
        db = Path(folder) / "thidua.duckdb"
        store = AccountStore(accounts_path(db))
        store.add("it", "hcqt", PASSWORD)
        store.add("ld", "lanh_dao", None, email="lanh.dao@vanphong.test")
        server = _serve(db, log, idp)
        try:
            yield server
        finally:
            _stop(server.process)


@pytest.fixture
def context(browser: Any) -> Iterator[tuple[Any, Any, Traffic]]:
    """A fresh browser profile (no cookie yet) and every address it asks for."""
    traffic = Traffic([])
    ctx = browser.new_context(viewport=VIEWPORT, locale="vi-VN")
    ctx.set_default_timeout(DEFAULT_TIMEOUT_MS)
    ctx.on("request", lambda request: traffic.record(request.url))
    page = ctx.new_page()
    yield ctx, page, traffic
    ctx.close()


def _events(server: Server, since_id: int = 0) -> list[tuple[str, str | None, dict]]:
    return [(e["event"], e["user"], e["details"])
            for e in reversed(AuditLog(accounts_path(server.db)).entries()) if e["id"] > since_id]


def _last_id(server: Server) -> int:
    entries = AuditLog(accounts_path(server.db)).entries(limit=1)
    return entries[0]["id"] if entries else 0


def _signed_in_as(page: Any, text: str) -> None:
    page.get_by_role("heading", name="Tổng quan").wait_for(timeout=FIRST_PAGE_TIMEOUT_MS)
    page.locator('[data-testid="stSidebar"]').get_by_text(text).wait_for()


def _sign_in_page(page: Any) -> None:
    page.get_by_role("heading", name=t("signin_page_title", "vi")).wait_for(
        timeout=FIRST_PAGE_TIMEOUT_MS)
    page.get_by_role("button", name=OFFICE, exact=True).wait_for()


def _session_cookie(ctx: Any) -> dict | None:
    return next((c for c in ctx.cookies() if c["name"] == "thidua_session"), None)


def _wait_for_cookie(ctx: Any, page: Any) -> dict:
    for _ in range(40):
        cookie = _session_cookie(ctx)
        if cookie:
            return cookie
        page.wait_for_timeout(250)
    pytest.fail("the page never got its session cookie", pytrace=False)


def test_the_office_sign_in_brings_the_mapped_role(office, idp, context, screenshots: Path):
    ctx, page, traffic = context
    start = _last_id(office)
    page.goto(f"{office.url}/", timeout=FIRST_PAGE_TIMEOUT_MS)
    _sign_in_page(page)
    began = time.monotonic()
    page.get_by_role("button", name=OFFICE, exact=True).click()
    _signed_in_as(page, "Đăng nhập: ld · Lãnh đạo")
    print(f"\nOffice sign-in, click → signed in: {time.monotonic() - began:.1f}s")  # not asserted
    nav = page.locator('[data-testid="stSidebarNav"]')
    assert nav.get_by_text("Báo cáo").count() == 1
    assert nav.get_by_text(t("page_import", "vi")).count() == 0
    assert nav.get_by_text(t("page_audit", "vi")).count() == 0
    cookie = _wait_for_cookie(ctx, page)
    assert (cookie["httpOnly"], cookie["sameSite"], cookie["path"]) == (True, "Strict", "/")
    assert "thidua_session" not in page.evaluate("document.cookie")  # no script can read it
    page.screenshot(path=str(screenshots / "oidc-signed-in.png"))
    for _ in range(2):  # typed by hand, then reloaded: refused, and still signed in
        began = time.monotonic()
        page.goto(f"{office.url}/nhap-du-lieu")
        try:
            page.get_by_text(t("access_refused", "vi")).wait_for(timeout=FIRST_PAGE_TIMEOUT_MS)
        finally:
            print(f"/nhap-du-lieu answered in {time.monotonic() - began:.1f}s")
            page.screenshot(path=str(screenshots / "oidc-typed-address.png"))
    assert [e[:2] for e in _events(office, start)] == [("sign_in", "ld")]  # reloads: no new one
    assert _events(office, start)[0][2] == {"method": "oidc", "email": "lanh.dao@vanphong.test"}
    page.goto(f"{office.url}/tong-quan")
    _signed_in_as(page, "Đăng nhập: ld · Lãnh đạo")
    logouts = idp.logouts
    page.get_by_role("button", name=t("signin_page_sign_out", "vi")).click()
    _sign_in_page(page)
    assert idp.logouts == logouts + 1  # the provider's own sign-out was visited too
    assert _session_cookie(ctx) is None
    assert AccountStore(accounts_path(office.db)).session(cookie["value"]) is None
    page.reload()
    _sign_in_page(page)
    assert [e[:2] for e in _events(office, start)] == [("sign_in", "ld"), ("sign_out", "ld")]
    assert not any(cookie["value"] in url for url in traffic.urls)
    assert traffic.foreign() == []


def test_an_email_without_an_account_is_refused(office, idp, context, screenshots: Path):
    _ctx, page, _traffic = context
    start = _last_id(office)
    idp.email = "nguoi.la@vanphong.test"
    try:
        page.goto(f"{office.url}/", timeout=FIRST_PAGE_TIMEOUT_MS)
        _sign_in_page(page)
        page.get_by_role("button", name=OFFICE, exact=True).click()
        refusal = t("signin_oidc_unknown", "vi", email="nguoi.la@vanphong.test")
        page.get_by_text(refusal).wait_for(timeout=FIRST_PAGE_TIMEOUT_MS)
        assert page.locator('a[href^="mailto:"]').count() == 0  # shown as text, not a link
    finally:
        idp.email = "lanh.dao@vanphong.test"
    page.screenshot(path=str(screenshots / "oidc-refused.png"))
    assert page.locator('[data-testid="stMetric"]').count() == 0
    page.reload()
    _sign_in_page(page)  # the same identity again: nothing, and no second entry
    assert _events(office, start) == [("sign_in_failed", "nguoi.la@vanphong.test",
                                       {"reason": "unknown_email", "method": "oidc",
                                        "email": "nguoi.la@vanphong.test"})]


def test_a_password_sign_in_survives_a_reload_until_sign_out(office, context):
    ctx, page, traffic = context
    page.goto(f"{office.url}/?lang=vi", timeout=FIRST_PAGE_TIMEOUT_MS)
    _sign_in_page(page)
    page.get_by_text(t("signin_oidc_password", "vi")).click()  # IT's folded password form
    page.get_by_label(t("signin_page_name", "vi")).fill("it")
    page.get_by_label(t("signin_page_password", "vi"), exact=True).fill(PASSWORD)
    page.get_by_role("button", name=t("signin_page_submit", "vi"), exact=True).click()
    _signed_in_as(page, "Đăng nhập: it · Hành chính – Quản trị")
    cookie = _wait_for_cookie(ctx, page)
    began = time.monotonic()
    page.reload()
    _signed_in_as(page, "Đăng nhập: it · Hành chính – Quản trị")
    print(f"\nreload → signed in again: {time.monotonic() - began:.1f}s")  # not asserted
    second = ctx.new_page()  # another tab of the same browser: signed in too
    second.goto(f"{office.url}/nhat-ky")
    second.get_by_role("heading", name=t("page_audit", "vi")).wait_for(
        timeout=FIRST_PAGE_TIMEOUT_MS)
    second.close()
    page.get_by_role("button", name=t("signin_page_sign_out", "vi")).click()
    _sign_in_page(page)
    assert _session_cookie(ctx) is None
    page.reload()
    _sign_in_page(page)
    assert AccountStore(accounts_path(office.db)).session(cookie["value"]) is None
    assert not any(cookie["value"] in url for url in traffic.urls)
