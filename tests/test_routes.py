"""Every page has its own address, and what an address asks for and is not there is said in
words, not silently replaced.

AppTest covers the query string (``?campaign=``, ``?units=``, ``?as_of=``); the URL paths need
a real ``thidua serve`` (AppTest has no address bar), driven by Chromium like tests/browser.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import PAGES
from thidua.catalogue import t


def warnings(at: AppTest) -> list[str]:
    return [w.value for w in at.warning]


def test_an_unknown_campaign_is_named(tiny_app):
    at = tiny_app(campaign="XX")
    assert warnings(at) == [
        "Không có đợt thi đua «XX» trong cơ sở dữ liệu (địa chỉ ?campaign=); đang hiện đợt TD25."]
    assert at.title[0].value == "Tổng quan"


def test_an_unknown_unit_is_named_and_the_known_one_kept(tiny_app):
    at = tiny_app(units="ZZ,TH", lang="en")
    assert warnings(at) == [
        "Campaign TD25 has no unit «ZZ» (address ?units=); that code is ignored."]
    assert at.query_params["units"] == "TH"
    assert {m.label: m.value for m in at.metric}["Staff taking part"] == "100.0%"


def test_a_date_outside_the_campaign_is_named(tiny_app):
    at = tiny_app(as_of="2030-01-01")
    last = dt.date.today() if dt.date.today() > dt.date(2027, 1, 24) else dt.date(2027, 1, 24)
    assert warnings(at) == [
        f"Ngày «2030\\-01\\-01» (địa chỉ ?as_of=) nằm ngoài khoảng 01/10/2025 – "
        f"{last:%d/%m/%Y} của đợt TD25; đang hiện số liệu đến ngày 15/06/2026."]


def test_a_known_address_has_no_notice(tiny_app):
    at = tiny_app(campaign="TD25", units="TH", as_of="2025-11-30")
    assert warnings(at) == []


def test_data_from_the_address_is_not_read_as_markdown(tiny_app):
    at = tiny_app(campaign="**X**")
    assert warnings(at)[0].startswith("Không có đợt thi đua «\\*\\*X\\*\\*»")


# -- URL paths, on a real server ---------------------------------------------------------------


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """``thidua serve`` on a free loopback port over the tiny campaign, and a Chromium page."""
    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, _start, _stop, _unavailable
    from tests.conftest import TINY
    from thidua.ingest.load import load

    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="thidua-routes-") as folder:
        db = Path(folder) / "thidua.duckdb"
        assert load(TINY, db).outcome == "imported"
        server = _start(db, Path(folder) / "serve.log")
        try:
            with sync_playwright() as api:
                browser = api.chromium.launch(executable_path=str(CHROMIUM),
                                              args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                page.set_default_timeout(60_000)
                yield server, page
                browser.close()
        finally:
            _stop(server.process)


def _open(served: Any, path: str) -> tuple[str, str]:
    """(the page's title, the main area's text) once the page has drawn its title."""
    server, page = served
    page.goto(f"{server.url}/{path}")
    title = page.locator("[data-testid=stMain] h1").first
    title.wait_for(state="visible")
    page.wait_for_function("() => document.querySelector('[data-testid=stApp]')"
                           "?.dataset.testScriptState === 'notRunning'")
    return title.inner_text(), page.locator("[data-testid=stMain]").inner_text()


@pytest.mark.browser
@pytest.mark.parametrize("path", list(PAGES))
def test_every_page_has_its_own_address(served, path: str):
    title, text = _open(served, path)
    assert title == t(PAGES[path][1], "vi")
    assert "Không có trang" not in text
    assert served[1].evaluate("location.pathname") == f"/{path}"


@pytest.mark.browser
def test_the_root_opens_the_overview_at_its_address(served):
    title, text = _open(served, "?lang=en")
    assert title == "Overview"
    assert "There is no page" not in text
    address = served[1].evaluate("location.pathname + location.search")
    assert address == "/tong-quan?campaign=TD25&lang=en"


@pytest.mark.browser
def test_an_unknown_address_is_named(served):
    title, text = _open(served, "khong-co")
    assert title == "Tổng quan"
    assert "Không có trang «/khong-co»; đang hiện trang Tổng quan." in text
