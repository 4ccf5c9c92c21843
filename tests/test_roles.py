"""Each role × each page and its download buttons in AppTest, signed in with a real session.

Accounts live in a temporary store (``$THIDUA_ACCOUNTS``); a session is opened with
``AccountStore.create_session`` and its token put in ``session_state``, as the sign-in page
does. A page the role may open renders its title; an address it may not open (AppTest's
``context["url"]``, which the app reads as the browser's address) shows the refusal and no
data. A unit head (don_vi, unit TH of the tiny fixture) sees every unit's figures but only TH's
named rows.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.ui import chart_element
from tests.conftest import PAGES, PASSWORD, ROLE_ACCOUNTS, audit_events, download_links
from thidua.accounts import roles
from thidua.accounts.store import AccountStore
from thidua.catalogue import t

REFUSED = t("access_refused", "vi")
CASES = [(name, url) for name in ("hc", "ld", "dv") for url in PAGES]


def open_page(signed_in, name: str, url: str) -> AppTest:
    at = signed_in(name)
    at.switch_page(PAGES[url][0]).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def downloads(at: AppTest) -> list[str]:
    return [link.label for link in download_links(at)]


def test_the_roles_pages_are_the_specs():
    assert roles.allowed_pages("lanh_dao") == set(PAGES) - {"nhap-du-lieu", "nhat-ky"}
    assert roles.allowed_pages("don_vi") == {"tong-quan", "tham-gia", "tieu-chi", "khen-thuong",
                                             "du-lieu"}


@pytest.mark.parametrize(("name", "url"), CASES, ids=[f"{n}-{u}" for n, u in CASES])
def test_each_role_on_each_page(signed_in, name: str, url: str):
    role = ROLE_ACCOUNTS[name][0]
    if url in roles.allowed_pages(role):
        at = open_page(signed_in, name, url)
        assert [x.value for x in at.title] == [t(PAGES[url][1], "vi")]
        assert REFUSED not in [e.value for e in at.error]
    else:
        at = signed_in(name, url=url)
        assert [e.value for e in at.error] == [REFUSED]
        assert not at.title and not at.dataframe and not at.metric
        assert not download_links(at) and not chart_element.specs(at)


TABLE = ["Tải CSV", "Tải Excel"]
DOWNLOADS = {  # role -> page -> the download buttons it shows first (a page not listed: refused)
    "hc": {"tong-quan": [], "tham-gia": TABLE, "tieu-chi": TABLE, "khen-thuong": TABLE,
           "bao-cao": ["Tải danh sách (Excel)"], "du-lieu": TABLE,
           "nhap-du-lieu": ["Tải mẫu nhập liệu trống"], "nhat-ky": []},  # an empty log
    "ld": {"tong-quan": [], "tham-gia": [], "tieu-chi": [], "khen-thuong": [],  # named lists
           "bao-cao": ["Tải danh sách (Excel)"], "du-lieu": TABLE},  # figures per unit
    "dv": {"tong-quan": [], "tham-gia": [],  # TH's staff have all registered: no list
           "tieu-chi": TABLE, "khen-thuong": TABLE, "du-lieu": TABLE},  # TH's rows only
}
MATRIX = [(name, url) for name, pages in DOWNLOADS.items() for url in pages]
OPENED = {"tieu-chi": "criteria_missing_open"}  # a list drawn when its expander is opened


@pytest.mark.parametrize(("name", "url"), MATRIX, ids=[f"{n}-{u}" for n, u in MATRIX])
def test_each_roles_download_buttons_on_each_page(signed_in, name: str, url: str):
    assert set(DOWNLOADS[name]) == roles.allowed_pages(ROLE_ACCOUNTS[name][0])
    at = open_page(signed_in, name, url)
    if url in OPENED:
        assert downloads(at) == []  # closed: not offered before the list is opened
        at.session_state[OPENED[url]] = True
        at.run()
    assert downloads(at) == DOWNLOADS[name][url]


def test_the_navigation_lists_only_the_allowed_pages(signed_in):
    at = signed_in("dv")
    urls = {info.get("url_pathname") for info in at._registered_pages.values()}
    assert urls == {"", "dang-nhap", *roles.allowed_pages("don_vi")}  # "": the home switch


@pytest.mark.parametrize("url", ["du-lieu", "nhap-du-lieu", "tong-quan", "nhat-ky", ""])
def test_the_screen_lands_in_the_presentation_whatever_the_address(signed_in, url: str):
    at = signed_in("tc", url=url, mode="none")
    assert at.title[0].value == "Kết quả chính"
    assert at.query_params["mode"] == "trinh-chieu"
    assert not at.sidebar.selectbox and not at.sidebar.button
    keys = {b.key for b in at.button}
    assert "present_exit" not in keys and "present_next" in keys
    at.button(key="present_next").click().run()
    assert at.title[0].value == "Tham gia theo đơn vị"


def test_others_may_present_and_leave(signed_in):
    at = signed_in("ld", mode="trinh-chieu", play="0")
    assert at.title[0].value == "Kết quả chính"
    at.button(key="present_exit").click().run()
    assert at.title[0].value == "Tổng quan"


@pytest.mark.parametrize(("name", "expected"), [
    ("hc", ["Tải CSV", "Tải Excel"]), ("ld", []), ("dv", [])])
def test_named_downloads_on_the_participation_page(signed_in, name: str, expected: list[str]):
    at = open_page(signed_in, name, "tham-gia")
    assert downloads(at) == expected
    if name == "dv":  # TH's staff have all registered; BTCD's Đỗ Thị Giang is not TH's
        assert not at.dataframe
        assert at.success[0].value == t("all_registered", "vi")
    else:
        assert list(at.dataframe[0].value["Họ và tên"]) == ["Đỗ Thị Giang"]


@pytest.mark.parametrize(("name", "aggregate", "named"), [
    ("hc", ["Tải CSV", "Tải Excel"], ["Tải CSV", "Tải Excel"]),
    ("ld", ["Tải CSV", "Tải Excel"], []),
    ("dv", ["Tải CSV", "Tải Excel"], ["Tải CSV", "Tải Excel"])])
def test_table_downloads_by_kind(signed_in, name: str, aggregate: list[str], named: list[str]):
    at = open_page(signed_in, name, "du-lieu")
    assert list(at.dataframe[0].value["Mã đơn vị"]) == ["BTCD", "KT", "TH"]  # every unit
    assert downloads(at) == aggregate
    at.segmented_control(key="table_choice").set_value("table_staff").run()
    assert downloads(at) == named


@pytest.mark.parametrize(("name", "expected"), [
    ("hc", ["Tải danh sách (Excel)"]), ("ld", ["Tải danh sách (Excel)"])])
def test_report_downloads(signed_in, name: str, expected: list[str]):
    at = open_page(signed_in, name, "bao-cao")
    assert downloads(at) == expected
    assert at.button(key="reports_build")


def test_a_unit_head_sees_only_its_units_named_rows(signed_in):
    at = open_page(signed_in, "dv", "du-lieu")
    expected = {
        "table_staff": ("Họ và tên", ["Phạm Thị Dung", "Hoàng Văn Em"]),
        "table_registrations": ("Mã đơn vị", ["TH", "TH", "TH"]),
        "table_nominations": ("Mã hồ sơ", ["HS02", "HS03"]),
        "table_unregistered": ("Họ và tên", []),
    }
    for table, (column, values) in expected.items():
        at.segmented_control(key="table_choice").set_value(table).run()
        assert not at.exception
        shown = at.dataframe[0].value
        assert sorted(shown[column]) == sorted(values), table
    at.segmented_control(key="table_choice").set_value("table_evaluations").run()
    assert set(at.dataframe[0].value["Mã đơn vị"]) == {"TH"}
    assert any(c.value == t("access_unit_scope", "vi", unit="TH") for c in at.caption)


def test_a_unit_head_on_the_nominations_and_criteria_pages(signed_in):
    at = open_page(signed_in, "dv", "khen-thuong")
    assert sorted(at.dataframe[0].value["Mã hồ sơ"]) == ["HS02", "HS03"]
    assert downloads(at) == ["Tải CSV", "Tải Excel"]
    assert len(chart_element.specs(at)) == 4  # the figures are every unit's
    at = open_page(signed_in, "dv", "tieu-chi")
    at.session_state["criteria_missing_open"] = True  # the list, opened
    at.run()
    assert list(at.dataframe[0].value["Tên đối tượng"]) == ["Hoàng Văn Em"]
    assert any(c.value == t("access_unit_scope", "vi", unit="TH") for c in at.caption)
    assert downloads(at) == ["Tải CSV", "Tải Excel"]


def test_a_unit_head_of_another_unit_sees_other_rows(role_store: AccountStore, signed_in):
    role_store.add("dv_kt", "don_vi", PASSWORD, unit="KT")
    at = open_page(signed_in, "dv_kt", "khen-thuong")
    assert list(at.dataframe[0].value["Mã hồ sơ"]) == ["HS01"]
    at = open_page(signed_in, "dv_kt", "tieu-chi")
    at.session_state["criteria_missing_open"] = True  # nothing to open: every result is in
    at.run()
    assert not at.dataframe and at.success[0].value == t("all_submitted", "vi")


def test_the_leadership_overview_shows_every_unit(signed_in):
    at = signed_in("ld")
    assert {m.label: m.value for m in at.metric}["Cán bộ tham gia"] == "83,3%"
    assert "present_start" in {b.key for b in at.sidebar.button}


def test_a_download_click_is_recorded(role_store, signed_in, fetch):
    at = open_page(signed_in, "dv", "du-lieu")
    at.segmented_control(key="table_choice").set_value("table_staff").run()
    csv, xlsx = download_links(at)
    assert audit_events(role_store.path) == []  # drawn, not built: nothing downloaded yet
    cookie = at.session_state["auth_token"]
    answer = fetch(csv, cookie)
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/csv")
    assert answer.content.decode("utf-8-sig").count("\n") == 3  # header and TH's two staff
    assert fetch(xlsx, cookie).content[:2] == b"PK"
    entries = audit_events(role_store.path)
    filters = {"campaign": "TD25", "units": [], "as_of": "2026-06-15"}
    assert entries == [
        ("download", "dv", {"what": "can-bo", "format": "csv", "rows": 2, "named": True,
                            "period": None, "filters": filters}),
        ("download", "dv", {"what": "can-bo", "format": "xlsx", "rows": 2, "named": True,
                            "period": None, "filters": filters})]


def test_the_official_list_is_recorded_as_a_document(role_store, signed_in, fetch):
    at = open_page(signed_in, "ld", "bao-cao")
    assert fetch(download_links(at)[-1], at.session_state["auth_token"]).content[:2] == b"PK"
    assert audit_events(role_store.path) == [("document", "ld", {
        "what": "official_list", "statuses": [],
        "filters": {"campaign": "TD25", "units": [], "as_of": "2026-06-15"}})]


def test_an_import_is_recorded_with_its_hash(role_store, signed_in, tmp_path: Path):
    import hashlib

    from tests.conftest import read_tiny, write_workbook

    tables = read_tiny()
    tables["staff"][1]["unit_code"] = "XX"
    broken = write_workbook(tmp_path / "broken.xlsx", tables).read_bytes()
    at = open_page(signed_in, "hc", "nhap-du-lieu")
    mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    at.file_uploader[0].set_value(("broken.xlsx", broken, mime)).run()
    at.button[0].click().run()
    assert not at.exception
    assert audit_events(role_store.path) == [("import", "hc", {
        "file": "broken.xlsx", "sha256": hashlib.sha256(broken).hexdigest(),
        "outcome": "rejected", "campaign": "TD25", "errors": 1, "replace_all": False})]


def test_the_audit_page_lists_filters_and_downloads(role_store, signed_in, fetch):
    from thidua.accounts.audit import AuditLog

    log = AuditLog(role_store.path)
    log.record("sign_in", "ld")
    log.record("download", "dv", what="can-bo", rows=2)
    at = open_page(signed_in, "hc", "nhat-ky")
    table = at.dataframe[0].value
    assert list(table["Người dùng"]) == ["dv", "ld"]
    assert list(table["Sự kiện"]) == ["Tải bảng", "Đăng nhập"]
    assert list(table["Chi tiết"]) == ['{"rows": 2, "what": "can-bo"}', "{}"]
    at.selectbox(key="audit_event").set_value("sign_in").run()
    assert list(at.dataframe[0].value["Người dùng"]) == ["ld"]
    assert downloads(at) == ["Tải nhật ký (CSV)"]
    answer = fetch(download_links(at)[-1], at.session_state["auth_token"])
    assert answer.content.decode("utf-8-sig").splitlines()[1].split(",")[1:3] == ["Đăng nhập",
                                                                                "ld"]
    assert audit_events(role_store.path)[-1] == ("download", "hc", {
        "what": "audit_log", "rows": 1, "since": None, "user_filter": None,
        "event_filter": "sign_in"})
    at.date_input(key="audit_since").set_value(dt.date.today() + dt.timedelta(days=1)).run()
    assert not at.dataframe and at.info[0].value == t("auditpage_empty", "vi")


@pytest.mark.parametrize(("name", "nominees"), [
    ("hc", ["Nguyễn Văn An", "Phòng Tổng hợp"]), ("dv", ["Phòng Tổng hợp"])])
def test_the_slides_name_only_the_unit_heads_nominees(signed_in, name: str, nominees: list):
    at = signed_in(name, mode="trinh-chieu", slide="5", play="0")
    assert at.title[0].value == "Tập thể, cá nhân được đề nghị khen thưởng"
    listed = next(m.value for m in at.markdown if "big-list" in m.value and "(" in m.value)
    assert [n for n in ("Nguyễn Văn An", "Phòng Tổng hợp", "Phạm Thị Dung")
            if n in listed] == nominees
