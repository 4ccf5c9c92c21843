"""A page that fails says so in the reader's language (dashboard/ui/failure.py)."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest

from thidua.catalogue import t

APP = str(Path(__file__).parent.parent / "dashboard" / "streamlit_app.py")


@pytest.fixture
def details():
    """Set ``client.showErrorDetails`` as ``thidua serve`` does, and put it back after."""
    before = config.get_option("client.showErrorDetails")
    yield lambda value: config.set_option("client.showErrorDetails", value)
    config.set_option("client.showErrorDetails", before)


def _failing(tiny_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The Overview's query fails: a bug, a broken file, whatever a page meets."""
    from dashboard.ui import state

    real = state.query

    def query(name: str, **params):
        if name == "metrics/evaluation_period":
            raise RuntimeError("/srv/secret/path and a value from the data")
        return real(name, **params)

    monkeypatch.setattr(state, "query", query)
    monkeypatch.setenv("THIDUA_DB", str(tiny_db))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_failing_page_says_so_in_its_language_with_a_reference(
        tiny_db, monkeypatch, details, caplog, lang):
    _failing(tiny_db, monkeypatch)
    details("type")  # as thidua serve runs
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    with caplog.at_level(logging.ERROR, logger="dashboard.ui.failure"):
        at.run()
    assert not at.exception  # not Streamlit's English box
    said = [e.value for e in at.error]
    pattern = re.escape(t("page_failed", lang, ref="@@")).replace("@@", "([0-9A-F]{6})")
    refs = [m.group(1) for s in said if (m := re.fullmatch(pattern, s))]
    assert len(refs) == 1, said
    assert "secret" not in " ".join(said)  # the message of the error stays in the log
    logged = [r for r in caplog.records if refs[0] in r.getMessage()]
    assert logged and logged[0].exc_info and "secret" in str(logged[0].exc_info[1])
    assert at.title and at.title[0].value == t("page_overview", lang)  # the page's own frame


def test_where_details_are_shown_the_exception_follows(tiny_db, monkeypatch, details):
    _failing(tiny_db, monkeypatch)
    details("full")  # a developer's streamlit run, and the default of the test suite's AppTest
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert len(at.error) == 1 and "RuntimeError" in at.exception[0].message + str(
        at.exception[0].proto.type)


def _refs(at, lang: str) -> list[str]:
    pattern = re.escape(t("page_failed", lang, ref="@@")).replace("@@", "([0-9A-F]{6})")
    return [m.group(1) for e in at.error if (m := re.fullmatch(pattern, e.value))]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_failure_outside_a_page_is_said_the_same_way(
        tiny_db, monkeypatch, details, caplog, lang):
    """The sidebar's filters fail (here the campaigns' query, before any page runs)."""
    from dashboard.ui import state

    real = state.query

    def query(name: str, **params):
        if name == "metrics/campaigns":
            raise RuntimeError("/srv/secret/sidebar")
        return real(name, **params)

    monkeypatch.setattr(state, "query", query)
    monkeypatch.setenv("THIDUA_DB", str(tiny_db))
    details("type")
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    with caplog.at_level(logging.ERROR, logger="dashboard.ui.failure"):
        at.run()
    assert not at.exception
    refs = _refs(at, lang)
    assert len(refs) == 1, [e.value for e in at.error]
    assert "secret" not in " ".join(e.value for e in at.error)
    assert any(refs[0] in r.getMessage() and "sidebar" in str(r.exc_info[1])
               for r in caplog.records if r.exc_info)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_failing_sign_in_page_says_so_in_its_language(role_store, monkeypatch, details, lang):
    from thidua.accounts.store import AccountStore

    def broken(*_args, **_kwargs):
        raise RuntimeError("/srv/secret/accounts")

    details("type")
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    assert at.button and not at.exception  # the form, signed out
    monkeypatch.setattr(AccountStore, "sign_in", broken)  # the store fails at the attempt
    at.text_input[0].input("hcqt")
    at.text_input[1].input("x" * 12)
    at.button[0].click().run()
    assert not at.exception
    assert len(_refs(at, lang)) == 1, [e.value for e in at.error]
