"""A download is built when its link is fetched, for the browser and session that drew it only.

A page draws a link to thidua's own route (``dashboard/download_route.py``) naming a random
token; the file is built on fetch. With accounts, the ``thidua_session`` cookie must be the
session the link was made for and still live (an ended, expired or disabled session gets 403,
and the refusal is in the audit log). A token lives ten minutes at most, and no other
session's script run can take it away (issue 9: Streamlit's ``/media`` files could vanish
between the click and the fetch). The real server's side is in
tests/browser/test_roles_browser.py.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.media_file_storage import MediaFileStorageError
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

from dashboard.download_registry import LIFETIME_S, Recipe, Registry
from dashboard.download_route import content_disposition
from tests.conftest import PASSWORD, audit_events, download_links, run_app
from thidua.accounts.store import AccountStore
from thidua.catalogue import t

REFUSED = {"what": "can-bo", "outcome": "refused", "reason": "signed_out"}


def staff_table(at):
    at.switch_page("app_pages/tables.py").run()
    at.segmented_control(key="table_choice").set_value("table_staff").run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _end_session(store: AccountStore, token: str, how: str) -> None:
    if how == "signed_out":  # in another tab, or the store's session ended by IT
        store.end_session(token)
    elif how == "disabled":
        store.disable("hc")
    else:  # nine idle hours later the session has expired
        later = dt.datetime.now(dt.UTC) + dt.timedelta(hours=9)
        assert store.session(token, now=later) is None


@pytest.mark.parametrize("how", ["signed_out", "disabled", "expired"])
def test_a_fetch_after_the_session_ended_gives_no_file(role_store, signed_in, fetch, how):
    at = staff_table(signed_in("hc"))
    csv = download_links(at)[-2]
    cookie = at.session_state["auth_token"]
    answer = fetch(csv, cookie)  # drawn and fetched while signed in
    assert answer.status_code == 200 and answer.content.decode("utf-8-sig").count("\n") == 7
    _end_session(role_store, cookie, how)
    answer = fetch(csv, cookie)
    assert answer.status_code == 403
    assert t("download_refused", "vi") in answer.text and "Họ và tên" not in answer.text
    assert [e[2] for e in audit_events(role_store.path)][-1] == REFUSED
    assert [e[2].get("outcome") for e in audit_events(role_store.path)] == [None, "refused"]


def test_only_the_cookie_the_link_was_made_for_fetches_it(role_store, signed_in, fetch):
    at = staff_table(signed_in("hc"))
    csv = download_links(at)[-2]
    other = role_store.create_session("hc")  # the same account, another browser
    assert fetch(csv).status_code == 403  # no cookie at all
    assert fetch(csv, other).status_code == 403
    token = at.session_state["auth_token"]
    assert fetch(csv, token).status_code == 200
    cookie, _max_age = role_store.claim_handoff(role_store.start_handoff(token))
    assert cookie != token  # the browser's cookie: the same session's other key
    assert fetch(csv, cookie).content.decode("utf-8-sig").count("\n") == 7
    assert [e[2].get("outcome") for e in audit_events(role_store.path)] == [
        "refused", "refused", None, None]


def test_the_local_users_downloads_stop_once_an_account_exists(accounts_file, fetch):
    at = staff_table(run_app())  # no account: the single local user, no sign-in
    csv = download_links(at)[-2]
    assert fetch(csv).content.decode("utf-8-sig").count("\n") == 7  # the token alone
    AccountStore(accounts_file).add("hc", "hcqt", PASSWORD)  # IT made the first account
    assert fetch(csv).status_code == 403
    assert audit_events(accounts_file)[-1] == ("download", "local", REFUSED)


def test_the_answer_is_an_attachment_no_cache_keeps(tiny_app, fetch):
    csv = download_links(staff_table(tiny_app()))[-2]
    answer = fetch(csv)
    assert answer.headers["cache-control"] == "no-store"
    assert answer.headers["x-content-type-options"] == "nosniff"
    name = "thidua_TD25_can-bo_tat-ca-don-vi_2026-06-15.csv"  # export_file_name's
    assert answer.headers["content-disposition"] == content_disposition(name)
    assert answer.headers["content-disposition"].startswith(f'attachment; filename="{name}"')


def test_a_vietnamese_file_name_is_kept_in_filename_star():
    header = content_disposition("báo cáo Đợt 1.csv")
    assert header == ("attachment; filename=\"b_o c_o __t 1.csv\"; "
                      "filename*=UTF-8''b%C3%A1o%20c%C3%A1o%20%C4%90%E1%BB%A3t%201.csv")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_unknown_token_says_the_link_expired_in_the_pages_language(fetch, lang):
    answer = fetch(f"/api/thidua/download/khong-co-token?lang={lang}")
    assert answer.status_code == 410
    assert t("download_gone_title", lang) in answer.text
    assert answer.headers["content-type"].startswith("text/html")


def _recipe(built: list, session: str | None = "s1") -> Recipe:
    return Recipe(build=lambda: built.append(1) or b"rows", file_name="a.csv", mime="text/csv",
                  event="download", what="a", details={}, action="download_aggregate",
                  user="local", session=None, accounts=Path("/nonexistent/accounts.sqlite"),
                  streamlit_session=session)


def test_nothing_is_built_before_the_fetch_and_each_fetch_builds(fetch, monkeypatch):
    built: list = []
    monkeypatch.setattr("dashboard.download_route.REGISTRY", registry := Registry())
    token = registry.offer(_recipe(built))
    assert built == []
    assert fetch(f"/api/thidua/download/{token}").content == b"rows"
    assert fetch(f"/api/thidua/download/{token}").content == b"rows"
    assert built == [1, 1]


def test_a_token_lives_its_lifetime_and_no_longer():
    now = [1000.0]
    registry = Registry(clock=lambda: now[0])
    token = registry.offer(_recipe([]))
    now[0] += LIFETIME_S - 1
    assert registry.get(token) is not None
    now[0] += 2
    assert registry.get(token) is None and len(registry) == 0


def test_a_rerun_keeps_the_previous_renders_links_and_drops_older_ones():
    registry = Registry()
    registry.begin_render("s1")
    first = registry.offer(_recipe([]))
    other = registry.offer(_recipe([], session="s2"))
    registry.begin_render("s1")  # a rerun racing the click: the first render's link still works
    second = registry.offer(_recipe([]))
    assert registry.get(first) and registry.get(second)
    registry.begin_render("s1")
    assert registry.get(first) is None and registry.get(second) is not None
    for _ in range(5):  # another session's runs never touch s2's links, nor s1's
        registry.begin_render("s3")
    assert registry.get(other) is not None and registry.get(second) is not None


def test_the_caps_drop_the_oldest_first():
    registry = Registry(per_session=3, overall=5)
    tokens = [registry.offer(_recipe([])) for _ in range(4)]
    assert registry.get(tokens[0]) is None and all(registry.get(x) for x in tokens[1:])
    others = [registry.offer(_recipe([], session=f"o{i}")) for i in range(3)]
    assert len(registry) == 5 and registry.get(tokens[1]) is None
    assert all(registry.get(x) for x in others)


def test_other_sessions_runs_and_sweeps_between_render_and_fetch_lose_nothing(
        role_store, signed_in, fetch):
    """Issue 9: the race. Streamlit's own deferred download is gone after two sweeps of any
    session (what answered 404 under 20 viewers); the route's link outlives both the sweeps
    and other sessions' script runs of the same page."""
    manager = MediaFileManager(MemoryMediaFileStorage("/media"))
    deferred = manager.add_deferred(lambda: b"rows", "text/csv", "coords", file_name="a.csv")
    media = Path(manager.execute_deferred(deferred)).name
    at = staff_table(signed_in("hc"))
    csv = download_links(at)[-2]
    for name in ("ld", "dv", "hc", "dv", "ld"):  # five more viewers' sessions draw the page
        staff_table(signed_in(name))
        manager.remove_orphaned_files()
    with pytest.raises(MediaFileStorageError):
        manager._storage.get_file(media)  # the old way: the built file has left its address
    answer = fetch(csv, at.session_state["auth_token"])
    assert answer.status_code == 200 and answer.content.decode("utf-8-sig").count("\n") == 7


def test_an_action_the_role_lacks_is_refused(role_store):
    from dataclasses import replace

    from dashboard.download_route import refusal

    token = role_store.create_session("ld")  # lanh_dao: figures per unit, no named rows
    recipe = replace(_recipe([]), action="download_named", user="ld", session=token,
                     accounts=role_store.path)
    assert refusal(recipe, token) == "not_allowed"
    assert refusal(replace(recipe, action="download_aggregate"), token) is None
    assert refusal(replace(recipe, user="hc"), token) == "signed_out"  # not whom it was for
