"""The sign-in page in AppTest: the form, the sentences of a refusal, the audit entries, session
expiry and sign-out, and the single-user mode when no account exists.

The wait after a failed attempt (``access.pause``) is replaced by a recorder: the test checks
that each failure asks for a wait, without waiting.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dashboard.ui import access
from tests.conftest import PASSWORD, audit_events, run_app
from thidua.accounts.store import AccountStore
from thidua.catalogue import t

SUBMIT = "FormSubmitter:sign_in_form-Đăng nhập"


@pytest.fixture
def store(accounts_file: Path) -> AccountStore:
    """One account only (hcqt): the tests disable it, lock it, sign it in and out."""
    accounts = AccountStore(accounts_file)
    accounts.add("hc", "hcqt", PASSWORD)
    return accounts


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    asked: list[float] = []
    monkeypatch.setattr(access, "pause", asked.append)
    return asked


def submit(at, name: str, password: str):
    at.text_input(key="signin_name").input(name)
    at.text_input(key="signin_password").input(password)
    at.button(key=SUBMIT).click().run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_any_address_shows_the_sign_in_page_first(store, accounts_file):
    at = run_app(units="TH")
    assert [x.value for x in at.title] == ["Đăng nhập"]
    assert not at.metric and not at.dataframe and not at.sidebar.selectbox
    assert "thidua – Theo dõi thi đua, khen thưởng" in at.caption[0].value


def test_the_form_signs_in_and_keeps_the_token_out_of_the_address(store, accounts_file, waits):
    at = submit(run_app(), "hc", PASSWORD)
    assert [x.value for x in at.title] == ["Tổng quan"]
    token = at.session_state["auth_token"]
    assert store.session(token).name == "hc"
    assert all(token not in str(v) for v in at.query_params.values())
    assert audit_events(accounts_file) == [("sign_in", "hc", {})]
    assert waits == []
    assert at.sidebar.markdown[0].value == "Đăng nhập: **hc** · Hành chính – Quản trị"


def test_a_wrong_password_and_an_unknown_name_read_the_same(store, accounts_file, waits):
    at = submit(run_app(), "hc", "wrong-password-1")
    wrong = [e.value for e in at.error]
    at = submit(run_app(), "nobody", "wrong-password-1")
    unknown = [e.value for e in at.error]
    assert wrong == unknown == ["Tên đăng nhập hoặc mật khẩu không đúng."]
    assert [x.value for x in at.title] == ["Đăng nhập"]
    assert "auth_token" not in at.session_state
    assert audit_events(accounts_file) == [("sign_in_failed", "hc", {"reason": "bad_password"}),
                             ("sign_in_failed", "nobody", {"reason": "unknown"})]
    assert "wrong-password-1" not in accounts_file.read_bytes().decode("utf-8", "replace")
    assert len(waits) == 2 and all(w > 0 for w in waits)  # each failure is slowed


def test_a_locked_account_is_told_to_wait(store, accounts_file, waits):
    for _ in range(5):
        store.sign_in("hc", "wrong-password-1")
    at = submit(run_app(), "hc", PASSWORD)  # the right password, but locked
    assert [e.value for e in at.error] == [t("signin_page_locked", "vi")]
    assert audit_events(accounts_file)[-1] == ("sign_in_failed", "hc", {"reason": "locked"})
    assert "auth_token" not in at.session_state


def test_a_disabled_account_cannot_sign_in(store, accounts_file, waits):
    store.add("old", "lanh_dao", PASSWORD)
    store.disable("old")
    at = submit(run_app(), "old", PASSWORD)
    assert [e.value for e in at.error] == [t("signin_page_disabled", "vi")]


def test_an_empty_form_is_asked_again_and_not_sent(store, accounts_file, waits):
    at = submit(run_app(), "", "")
    assert [w.value for w in at.warning] == [t("signin_page_empty", "vi")]
    assert audit_events(accounts_file) == []


def test_an_expired_session_goes_back_to_the_sign_in_page(store, accounts_file):
    yesterday = dt.datetime.now(dt.UTC) - dt.timedelta(hours=25)
    at = run_app(token=store.create_session("hc", now=yesterday))
    assert [x.value for x in at.title] == ["Đăng nhập"]
    assert [i.value for i in at.info] == [t("signin_page_expired", "vi")]
    assert not at.metric


def test_a_live_session_is_checked_on_every_run(store, accounts_file):
    token = store.create_session("hc")
    at = run_app(token=token)
    assert [x.value for x in at.title] == ["Tổng quan"]
    store.end_session(token)  # ended elsewhere (another tab signed out, IT disabled it)
    at.run()
    assert [x.value for x in at.title] == ["Đăng nhập"]


def test_sign_out_ends_the_session_and_is_recorded(store, accounts_file, waits):
    at = submit(run_app(), "hc", PASSWORD)
    token = at.session_state["auth_token"]
    at.sidebar.button(key="sign_out").click().run()
    assert [x.value for x in at.title] == ["Đăng nhập"]
    assert store.session(token) is None
    assert [e[:2] for e in audit_events(accounts_file)] == [("sign_in", "hc"), ("sign_out", "hc")]


def test_the_page_in_english_with_the_agency(store, accounts_file, monkeypatch):
    monkeypatch.setenv("THIDUA_AGENCY", "UBND TỈNH NGHỆ AN|VĂN PHÒNG")
    at = run_app()
    at.segmented_control(key="signin_lang").set_value("en").run()
    assert [x.value for x in at.title] == ["Sign in"]
    assert at.caption[0].value == ("UBND TỈNH NGHỆ AN · VĂN PHÒNG · thidua – Emulation "
                                   "campaign tracker")
    assert at.query_params["lang"] == "en"


def test_no_account_means_the_local_user_and_a_banner(accounts_file):
    at = run_app()
    assert [x.value for x in at.title] == ["Tổng quan"]
    assert at.info[0].value == t("access_local_banner", "vi")
    assert not at.text_input and "sign_out" not in {b.key for b in at.sidebar.button}
    at = run_app(lang="en")
    assert at.info[0].value == ("Single-user mode on this computer — no accounts yet; see "
                                "`thidua users add`.")


def test_every_account_disabled_still_needs_a_sign_in(store, accounts_file):
    store.disable("hc")
    at = run_app()
    assert [x.value for x in at.title] == ["Đăng nhập"]
    assert not at.metric
