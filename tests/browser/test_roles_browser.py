"""Roles in a real browser: what a screen (trinh_chieu) and a unit head (don_vi) can reach.

``thidua serve`` runs over a fresh database (the bundled sample) with one account per role in
its accounts store; every test opens its own browser context (its own Streamlit session) and
signs in through the form. A page a role may not use must be neither linked (the navigation,
any link on the page) nor reachable by its address: typed in the address bar (a new page load,
so a new sign-in, which then lands on the address typed) or reached by the browser's history
within the session (back and forward). What refuses shows the refusal sentence and nothing of
the page. hcqt is the positive control: the same addresses open. A unit head's named tables and
their downloads hold only their unit's rows (the same rows hcqt gets for that unit), and a
download's address (thidua's own route) serves only the browser that signed in: a client with
no session cookie that has the address (from a download list, a proxy log) gets 403, and so
does the same browser once signed out. Signed out, an unknown address is the sign-in form with
no English "Page not found" dialog over it.

Screenshots go to artifacts/screenshots/roles-*.png for a human to look at.
"""

from __future__ import annotations

import csv
import io
import tempfile
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.conftest import PAGES, PASSWORD, ROLE_ACCOUNTS
from thidua.accounts import roles
from thidua.accounts.store import AccountStore, accounts_path
from thidua.catalogue import t
from thidua.contract.reference import OFFICE_UNITS

from .conftest import ARTIFACTS, DEFAULT_TIMEOUT_MS, VIEWPORT, Server, _start, _stop
from .test_dashboard_browser import EXCEPTION, SETTLED, main

pytestmark = pytest.mark.browser

UNIT = ROLE_ACCOUNTS["dv"][1]
UNIT_NAME = next(name for code, name, *_ in OFFICE_UNITS if code == UNIT)  # in the sample
REFUSED = t("access_refused", "vi")
SIGNED_IN = """() => document.querySelector('.st-key-signin_name') === null
    && (document.querySelector('h1') !== null
        || document.querySelector('[data-testid=stAlertContentError]') !== null)"""
# What a page shows of its content: none of it may be on a refused page.
CONTENT = ('h1, [data-testid=stDataFrame], [data-testid=stPlotlyChart], .js-plotly-plot,'
           ' [data-testid=stMetric],'
           ' [data-testid=stFileUploader], [data-testid=stDownloadButton], a.thidua-download,'
           ' [data-testid=stTable]')
NAMED_TABLES = {  # the tables page's named tables -> (the column naming the row's unit, as)
    "table_staff": ("col_unit_code", UNIT), "table_registrations": ("col_unit_code", UNIT),
    "table_evaluations": ("col_unit_code", UNIT),
    "table_nominations": ("col_proposing_unit", UNIT_NAME),
    "table_unregistered": ("col_unit_code", UNIT)}
PAGE_PATHS = {f"/{url}" for url in PAGES}


@pytest.fixture(scope="module")
def role_server(browser: Any) -> Iterator[Server]:
    """``thidua serve`` on a fresh database whose accounts store holds one account per role."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log = ARTIFACTS / "browser-roles-serve.log"
    log.write_bytes(b"")
    with tempfile.TemporaryDirectory(prefix="thidua-roles-") as folder:
        db = Path(folder) / "thidua.duckdb"
        store = AccountStore(accounts_path(db))
        for name, (role, unit) in ROLE_ACCOUNTS.items():
            store.add(name, role, PASSWORD, unit=unit)
        server = _start(db, log)
        try:
            yield server
        finally:
            _stop(server.process)


@pytest.fixture
def open_session(browser: Any) -> Iterator[Any]:
    """``new()``: a page in a browser context of its own (a session of its own)."""
    contexts: list[Any] = []

    def new() -> Any:
        context = browser.new_context(viewport=VIEWPORT, accept_downloads=True,
                                      locale="vi-VN")
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield new
    for context in contexts:
        context.close()


def settle(page: Any) -> None:
    page.wait_for_function(SETTLED)
    if page.locator(EXCEPTION).count():
        pytest.fail(f"{page.url} shows an exception:\n{page.locator(EXCEPTION).first.inner_text()}",
                    pytrace=False)


def sign_in(page: Any, server: Server, address: str, name: str) -> Any:
    """Type ``address`` in the address bar, get the sign-in form, sign in as ``name``."""
    server.check_alive()
    page.goto(f"{server.url}{address}")
    form = page.locator(".st-key-signin_name input")
    form.wait_for(state="visible")
    form.fill(name)
    page.locator(".st-key-signin_password input").fill(PASSWORD)
    page.get_by_role("button", name=t("signin_page_submit", "vi"), exact=True).click()
    page.wait_for_function(SIGNED_IN)
    settle(page)
    return page


def go_back_to(page: Any, path: str) -> None:
    """What the browser's back and forward buttons do: a history entry, then popstate."""
    page.evaluate("""path => { history.pushState({}, '', path);
        window.dispatchEvent(new PopStateEvent('popstate', {state: {}})); }""", path)
    page.wait_for_timeout(500)  # let the rerun start; what is checked is waited for below
    settle(page)


def shot(page: Any, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / "screenshots" / f"roles-{name}.png"))


def linked_pages(page: Any) -> set[str]:
    """The page addresses any link of the document points to (not a link within the page:
    "#stMain", a heading's anchor, which the browser resolves against the page's own path)."""
    hrefs = page.eval_on_selector_all(
        "a[href]", "links => links.filter(a => !a.getAttribute('href').startsWith('#'))"
                   ".map(a => a.href)")
    return {urlsplit(h).path for h in hrefs} & PAGE_PATHS


def assert_refused(page: Any) -> None:
    """The refusal sentence, and nothing of the page: no title, table, chart, upload, file."""
    errors = page.locator("[data-testid=stMain] [data-testid=stAlertContentError]")
    assert errors.count() == 1, page.url
    assert main(page).locator(CONTENT).count() == 0, page.url
    text = [line for line in main(page).inner_text().splitlines() if line.strip()]
    assert text == ["block", REFUSED], text  # "block": the alert's icon, a ligature


def assert_presentation(page: Any) -> None:
    """The presentation's slide and nothing else: no sidebar, link, table, upload or file."""
    assert "mode=trinh-chieu" in page.url, page.url
    assert page.locator("[data-testid=stSidebar]").count() == 0
    assert linked_pages(page) == set()
    assert page.locator("h1").first.inner_text() == "Kết quả chính"
    for hidden in ("stDataFrame", "stFileUploader", "stDownloadButton", "stSidebarNav"):
        assert page.locator(f"[data-testid={hidden}]").count() == 0, hidden
    assert page.locator("[data-testid=stAlertContentError]").count() == 0


# ------------------------------------------------------------------------- by link


@pytest.mark.parametrize("name", list(ROLE_ACCOUNTS))
def test_the_links_are_only_the_allowed_pages(role_server, open_session, name: str):
    page = sign_in(open_session(), role_server, "/", name)
    role = ROLE_ACCOUNTS[name][0]
    allowed = {f"/{url}" for url in roles.allowed_pages(role)}
    shot(page, f"{role}-home")
    assert linked_pages(page) == allowed
    if role == "trinh_chieu":
        assert_presentation(page)
    else:
        nav = page.locator("[data-testid=stSidebarNav] a")
        assert {urlsplit(a.get_attribute("href")).path for a in nav.all()} == allowed
        assert page.locator("h1").first.inner_text() == t("page_overview", "vi")


# ---------------------------------------------------------------- by typed address


REFUSALS = [(name, url) for name in ("dv", "ld") for url in PAGES
            if url not in roles.allowed_pages(ROLE_ACCOUNTS[name][0])]
CONTROLS = ["du-lieu", "nhap-du-lieu", "nhat-ky", "bao-cao"]


def test_the_sign_in_address_itself_has_the_form(role_server, open_session):
    """Signed out, /dang-nhap is the form (not Streamlit's English "Page not found" over it)."""
    page = sign_in(open_session(), role_server, "/dang-nhap", "hc")
    assert page.locator('[data-testid="stDialog"]').count() == 0
    assert main(page).get_by_text("Đăng nhập: hc · Hành chính – Quản trị").count() == 1
    assert linked_pages(page) == PAGE_PATHS


@pytest.mark.parametrize(("name", "url"), REFUSALS, ids=[f"{n}-{u}" for n, u in REFUSALS])
def test_a_typed_address_of_a_page_not_allowed_refuses(role_server, open_session, name, url):
    page = sign_in(open_session(), role_server, f"/{url}", name)
    assert_refused(page)
    assert linked_pages(page) == {f"/{u}" for u in roles.allowed_pages(ROLE_ACCOUNTS[name][0])}
    shot(page, f"{ROLE_ACCOUNTS[name][0]}-{url}")


@pytest.mark.parametrize("url", CONTROLS)
def test_the_same_addresses_open_for_hcqt(role_server, open_session, url: str):
    page = sign_in(open_session(), role_server, f"/{url}", "hc")
    assert page.locator("h1").first.inner_text() == t(PAGES[url][1], "vi")
    assert urlsplit(page.url).path == f"/{url}"
    assert page.locator("[data-testid=stAlertContentError]").count() == 0
    shot(page, f"hcqt-{url}")


SCREEN_ADDRESSES = [*(f"/{url}" for url in PAGES), "/?mode=none", "/dang-nhap",
                    "/du-lieu?mode=&units=TH"]


@pytest.mark.parametrize("address", SCREEN_ADDRESSES)
def test_the_screen_gets_the_presentation_at_any_address(role_server, open_session, address):
    page = sign_in(open_session(), role_server, address, "tc")
    assert_presentation(page)
    if address == "/du-lieu":
        shot(page, "trinh_chieu-du-lieu")


@pytest.mark.parametrize("name", ["ld", "dv"])
def test_others_may_present(role_server, open_session, name: str):
    page = sign_in(open_session(), role_server, "/?mode=trinh-chieu&play=0", name)
    assert page.locator("h1").first.inner_text() == "Kết quả chính"
    assert page.locator("[data-testid=stAlertContentError]").count() == 0


# ------------------------------------------------------- by history, within a session


def test_back_and_forward_within_a_session_refuse_too(role_server, open_session):
    page = sign_in(open_session(), role_server, "/tong-quan", "dv")
    for url in sorted(set(PAGES) - roles.allowed_pages("don_vi")):
        go_back_to(page, f"/{url}")
        page.locator("[data-testid=stAlertContentError]").first.wait_for(state="visible")
        assert_refused(page)
    go_back_to(page, "/du-lieu")  # an allowed page still opens in the same session
    page.get_by_role("heading", level=1, name=t("page_tables", "vi")).wait_for()
    screen = sign_in(open_session(), role_server, "/", "tc")
    go_back_to(screen, "/nhap-du-lieu")
    assert_presentation(screen)


# ------------------------------------------------------------ a unit head's named rows


def choose(page: Any, table: str) -> None:
    page.locator(".st-key-table_choice").get_by_text(t(table, "vi"), exact=True).click()
    page.wait_for_timeout(300)
    settle(page)
    main(page).get_by_text(t("rows_count", "vi", n=""), exact=False).first.wait_for()


def csv_rows(page: Any) -> list[dict[str, str]]:
    """The table's CSV download, as rows (the bytes the browser got)."""
    with page.expect_download() as info:
        main(page).get_by_role("link", name=t("download_csv", "vi")).click()
    path = info.value.path()
    text = Path(path).read_bytes().decode("utf-8").removeprefix("\ufeff")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def shown_count(page: Any) -> int:
    caption = main(page).get_by_text(" dòng", exact=False).last.inner_text()
    return int(caption.split()[0].replace(".", ""))


def test_a_unit_head_sees_and_downloads_only_its_units_named_rows(role_server, open_session):
    head = sign_in(open_session(), role_server, "/du-lieu", "dv")
    admin = sign_in(open_session(), role_server, "/du-lieu", "hc")
    for table, (column_key, unit) in NAMED_TABLES.items():
        choose(head, table)
        choose(admin, table)
        column = t(column_key, "vi")
        expect_rows = [r for r in csv_rows(admin) if r[column] == unit]
        rows = csv_rows(head)
        assert rows == expect_rows, table
        assert shown_count(head) == len(rows), table
        assert main(head).get_by_text(t("access_unit_scope", "vi", unit=UNIT)).count() == 1
        if table == "table_staff":
            assert rows and shown_count(admin) > len(rows)  # other units' rows exist
            shot(head, "don_vi-du-lieu-can-bo")


@pytest.mark.parametrize("name", ["ld", "hc"])
def test_a_tables_grid_has_no_export_of_its_own(role_server, open_session, name: str):
    """Streamlit's data grid offers "Download as CSV" in its toolbar (and a copy to the
    clipboard): a named table would leave with lanh_dao, who may only see it, and for every
    role without the audit log. ``thidua serve`` turns that off (``client.disableDataExport``);
    the toolbar's other tools stay, and thidua's own download link is still there."""
    page = sign_in(open_session(), role_server, "/du-lieu", name)
    choose(page, "table_staff")
    main(page).locator("[data-testid=stDataFrame]").first.hover()
    tools = main(page).locator("[data-testid=stElementToolbar] button")
    tools.first.wait_for(state="visible")
    labels = tools.evaluate_all("els => els.map(e => e.getAttribute('aria-label') || '')")
    assert len(labels) >= 2 and all(labels), labels  # the grid's toolbar is drawn
    assert not [label for label in labels if "download" in label.lower()
                or "csv" in label.lower()], labels
    offered = main(page).get_by_role("link", name=t("download_csv", "vi"))
    assert offered.count() == (1 if name == "hc" else 0)  # named: hcqt only


# ------------------------------------------------------------- the download endpoint


def fetch(url: str) -> tuple[int, bytes]:
    """GET ``url`` as a client with no session, no cookie: (status, body)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def test_a_download_address_serves_only_the_signed_in_browser(role_server, open_session):
    """Before issue 9 the file sat at ``/media/<hash>`` for anyone with the address. Now the
    link goes to thidua's route, which builds on fetch for the cookie it was drawn for."""
    page = sign_in(open_session(), role_server, "/du-lieu", "hc")
    choose(page, "table_staff")
    url = page.url
    with page.expect_download() as info:
        main(page).get_by_role("link", name=t("download_csv", "vi")).click()
    download = info.value
    assert urlsplit(download.url).path.startswith("/api/thidua/download/"), download.url
    assert "Họ và tên" in Path(download.path()).read_bytes().decode("utf-8")
    assert download.suggested_filename.endswith(".csv")
    assert page.url == url  # downloaded in place: the same tab, on the same page
    assert len(page.context.pages) == 1
    assert fetch(download.url)[0] == 403  # no cookie: no file
    assert page.request.get(download.url).status == 200  # this browser's cookie: the file
    page.locator("[data-testid=stSidebar]").get_by_role(
        "button", name=t("signin_page_sign_out", "vi")).click()
    page.locator(".st-key-signin_name input").wait_for(state="visible")
    gone = page.request.get(download.url)  # the same browser, signed out
    assert gone.status == 403 and "Họ và tên" not in gone.text()
    assert t("download_refused", "vi") in gone.text()
    page.goto(download.url)  # the link clicked again, signed out: the route's page in the tab
    assert page.locator("h1").inner_text() == t("download_refused_title", "vi")
    page.goto(f"{role_server.url}/api/thidua/download/het-han?lang=en")
    assert page.locator("h1").inner_text() == t("download_gone_title", "en")


def test_signed_out_an_unknown_address_is_the_form_without_an_english_dialog(role_server,
                                                                           open_session):
    page = open_session()
    page.goto(f"{role_server.url}/khong-co")
    page.locator(".st-key-signin_name input").wait_for(state="visible")
    page.wait_for_timeout(1500)  # the dialog, if any, comes with the first run's messages
    settle(page)
    assert page.get_by_text("Page not found").count() == 0
    assert page.locator('[data-testid="stDialog"]').count() == 0
    shot(page, "signed-out-unknown-address")
