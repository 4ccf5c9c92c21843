"""A download is built on the click, for the session that drew the button, and not kept.

Streamlit runs a download button's ``data`` callable when it is clicked (no script run), stores
the bytes and serves them at ``/media/<hash>`` to anyone who has that address: no session and
no cookie is asked. ``access.audited`` therefore checks the session again at the click (an
ended, expired or disabled session gets no file, and the refusal is in the audit log), and
``access.expire_downloads`` takes the file off its address within twice ``DOWNLOAD_TTL_S``.
The real server's side (a signed-out client fetching the address) is in
tests/browser/test_roles_browser.py.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.media_file_storage import MediaFileStorageError
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

from dashboard.ui import access
from tests.conftest import PASSWORD, audit_events, run_app
from thidua.accounts.store import AccountStore

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
def test_a_click_after_the_session_ended_gives_no_file(role_store, signed_in, clicks, how):
    at = staff_table(signed_in("hc"))
    csv = clicks[-2]
    assert csv().decode("utf-8-sig").count("\n") == 7  # drawn and clicked while signed in
    _end_session(role_store, at.session_state["auth_token"], how)
    with pytest.raises(PermissionError):
        csv()
    assert [e[2] for e in audit_events(role_store.path)][-1] == REFUSED
    assert [e[2].get("outcome") for e in audit_events(role_store.path)] == [None, "refused"]


def test_the_local_users_downloads_stop_once_an_account_exists(accounts_file, clicks):
    staff_table(run_app())  # no account: the single local user, no sign-in
    csv = clicks[-2]
    assert csv().decode("utf-8-sig").count("\n") == 7
    AccountStore(accounts_file).add("hc", "hcqt", PASSWORD)  # IT made the first account
    with pytest.raises(PermissionError):
        csv()
    assert audit_events(accounts_file)[-1] == ("download", "local", REFUSED)


class _Runtime:
    def __init__(self, manager: MediaFileManager) -> None:
        self.media_file_mgr = manager


@pytest.fixture
def media(monkeypatch: pytest.MonkeyPatch):
    """Streamlit's own media manager and storage, as ``streamlit run`` has them; the timers
    of ``expire_downloads`` are kept, to be fired by the test (``fire``)."""
    from streamlit import runtime

    storage = MemoryMediaFileStorage("/media")
    manager = MediaFileManager(storage)
    monkeypatch.setattr(runtime, "exists", lambda: True)
    monkeypatch.setattr(runtime, "get_instance", lambda: _Runtime(manager))
    timers: list = []
    monkeypatch.setattr(access, "_later", lambda s, f, *a: timers.append((s, f, a)))

    def fire() -> float:
        seconds, function, args = timers.pop(0)
        function(*args)
        return seconds

    return manager, storage, timers, fire


def _built(manager: MediaFileManager, content: bytes) -> str:
    """Register ``content`` as a deferred download and click it: the stored file's name."""
    file_id = manager.add_deferred(lambda: content, "text/csv", "coords", file_name="a.csv")
    return Path(manager.execute_deferred(file_id)).name


def test_a_built_file_leaves_its_address_after_two_sweeps(media):
    manager, storage, timers, fire = media
    name = _built(manager, b"named rows")
    assert storage.get_file(name).content == b"named rows"  # what /media would serve
    access.expire_downloads()
    assert fire() == access.DOWNLOAD_TTL_S  # the first sweep marks it: still there
    assert storage.get_file(name).content == b"named rows"
    assert fire() == access.DOWNLOAD_TTL_S  # the second removes it
    with pytest.raises(MediaFileStorageError):
        storage.get_file(name)
    assert timers == []


def test_a_file_a_page_still_shows_is_kept(media):
    manager, storage, _timers, fire = media
    url = manager.add(b"on the page", "text/csv", "coords", is_for_static_download=True)
    access.expire_downloads()
    fire()
    fire()
    assert storage.get_file(Path(url).name).content == b"on the page"
