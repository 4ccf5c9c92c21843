"""Shared fixtures: every test builds its own database with the real loader from committed files.

``tiny`` is the hand-checkable campaign in ``tests/fixtures/tiny`` (CSV, one file per table);
``tiny_workbook`` is the same data written as an .xlsx workbook with Vietnamese sheet names and
labels. Expected numbers for both are in ``tests/expected.py``.

The app's tests (AppTest) share the rest: ``run_app`` runs the dashboard once (a session token,
an address, a query string); ``tiny_app`` runs it over the tiny campaign with no account (the
single local user); ``accounts_file`` points the app at a temporary accounts store, which
``role_store`` fills with one account per role (``ROLE_ACCOUNTS``, one password) and
``signed_in`` runs the app in a session of one of them, as the sign-in page opens it;
``download_links`` reads the download links a page drew, and ``fetch`` asks thidua's download
route for one of them as a browser with a given session cookie would.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import xlsxwriter

from thidua.contract import reference as ref
from thidua.ingest.load import load
from thidua.store.database import connect_read_only

FIXTURES = Path(__file__).parent / "fixtures"
TINY = FIXTURES / "tiny"
APP = str(Path(__file__).parent.parent / "dashboard" / "streamlit_app.py")
PASSWORD = "mat-khau-rat-dai"
ROLE_ACCOUNTS = {"hc": ("hcqt", None), "ld": ("lanh_dao", None), "dv": ("don_vi", "TH"),
                 "tc": ("trinh_chieu", None)}  # name -> (role, unit)
# An import run in the test process (CliRunner) would lower the priority of the whole test
# session, and of every server and browser it starts after: the tests import at the default
# priority. tests/test_priority.py checks the default in processes of their own.
os.environ.setdefault("THIDUA_IMPORT_NICE", "0")

PAGES = {  # the dashboard's page addresses -> (page file, title key)
    "tong-quan": ("app_pages/overview.py", "page_overview"),
    "tham-gia": ("app_pages/participation.py", "page_participation"),
    "tieu-chi": ("app_pages/criteria.py", "page_criteria"),
    "khen-thuong": ("app_pages/nominations.py", "page_nominations"),
    "bao-cao": ("app_pages/reports.py", "page_reports"),
    "du-lieu": ("app_pages/tables.py", "page_tables"),
    "nhap-du-lieu": ("app_pages/import_data.py", "page_import"),
    "nhat-ky": ("app_pages/audit_log.py", "page_audit"),
}


def read_tiny() -> dict[str, list[dict[str, str]]]:
    """The tiny fixture as {table: [row dicts with canonical keys]}."""
    tables = {}
    for table in ref.TABLES:
        with open(TINY / f"{table.name}.csv", encoding="utf-8", newline="") as handle:
            tables[table.name] = list(csv.DictReader(handle))
    return tables


def write_workbook(path: Path, tables: dict[str, list[dict[str, str]]],
                   real_dates: bool = True) -> Path:
    """Write ``tables`` as a clean workbook: Vietnamese sheet names and headers in row 1."""
    workbook = xlsxwriter.Workbook(str(path))
    date_format = workbook.add_format({"num_format": "dd/mm/yyyy"})
    for table in ref.TABLES:
        sheet = workbook.add_worksheet(table.label_vi)
        for c, col in enumerate(table.columns):
            sheet.write_string(0, c, col.label_vi)
        for r, row in enumerate(tables[table.name], start=1):
            for c, col in enumerate(table.columns):
                value = row.get(col.name) or ""
                if not value:
                    continue
                if real_dates and col.type == ref.DATE:
                    sheet.write_datetime(r, c, dt.datetime.fromisoformat(value), date_format)
                else:
                    sheet.write_string(r, c, value)
    workbook.close()
    return path


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "thidua.duckdb"


@pytest.fixture
def tiny_workbook(tmp_path: Path) -> Path:
    return write_workbook(tmp_path / "tiny.xlsx", read_tiny())


@pytest.fixture
def tiny_db(db_path: Path) -> Path:
    outcome = load(TINY, db_path)
    assert outcome.outcome == "imported", [e.code for e in outcome.errors]
    return db_path


@pytest.fixture
def tiny_con(tiny_db: Path):
    con = connect_read_only(tiny_db)
    yield con
    con.close()


def run_app(token: str | None = None, url: str | None = None, **query: str):
    """One run of the dashboard in AppTest: a session ``token`` in ``session_state`` (as the
    sign-in page keeps it), ``url`` the address the browser asked for, ``query`` its query
    string. It must run without an exception."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=60)
    if token is not None:
        at.session_state["auth_token"] = token
    if url is not None:
        at.context["url"] = f"http://localhost:8501/{url}"
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def audit_events(path: Path) -> list[tuple[str, str | None, dict]]:
    """The audit log of the accounts store at ``path``, oldest first: (event, user, details)."""
    from thidua.accounts.audit import AuditLog

    return [(e["event"], e["user"], e["details"]) for e in reversed(AuditLog(path).entries())]


@pytest.fixture
def tiny_app(tiny_db: Path, monkeypatch: pytest.MonkeyPatch):
    """``run_app`` over the tiny campaign, with no account: the single local user."""
    monkeypatch.setenv("THIDUA_DB", str(tiny_db))
    return run_app


@pytest.fixture
def accounts_file(tiny_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app over the tiny campaign with its accounts in a temporary (empty) store."""
    monkeypatch.setenv("THIDUA_DB", str(tiny_db))
    monkeypatch.setenv("THIDUA_ACCOUNTS", str(tmp_path / "accounts.sqlite"))
    return tmp_path / "accounts.sqlite"


@pytest.fixture
def role_store(accounts_file: Path):
    """The accounts store holding one account per role (``ROLE_ACCOUNTS``)."""
    from thidua.accounts.store import AccountStore

    accounts = AccountStore(accounts_file)
    for name, (role, unit) in ROLE_ACCOUNTS.items():
        accounts.add(name, role, PASSWORD, unit=unit)
    return accounts


@pytest.fixture
def signed_in(role_store):
    """``make(name, url=None, **query)``: the app run in a new session of account ``name``."""
    def make(name: str, url: str | None = None, **query: str):
        return run_app(token=role_store.create_session(name), url=url, **query)

    return make


@dataclass(frozen=True)
class Link:
    """A download link drawn on the page: its words and address."""

    label: str
    href: str


LINK = re.compile(r'<a class="thidua-download[^"]*" href="([^"]+)">'
                  r'<span aria-hidden="true">[^<]*</span>([^<]*)</a>')


def download_links(at) -> list[Link]:
    """The page's download links (``dashboard/ui/download_link.py``), in page order."""
    found = []
    for element in at.get("html"):
        for href, label in LINK.findall(element.proto.body):
            found.append(Link(html.unescape(label), html.unescape(href)))
    return found


@pytest.fixture
def fetch():
    """``get(link, cookie=None)``: the download route's answer to a browser holding ``cookie``
    (the ``thidua_session`` value), as the server mounts it (``download_route.routes``)."""
    from starlette.applications import Starlette
    from starlette.testclient import TestClient

    from dashboard import download_route
    from dashboard.session_routes import COOKIE

    client = TestClient(Starlette(routes=download_route.routes()))

    def get(link: Link | str, cookie: str | None = None):
        headers = {"cookie": f"{COOKIE}={cookie}"} if cookie else {}
        return client.get(link.href if isinstance(link, Link) else link, headers=headers)

    yield get
    client.close()
