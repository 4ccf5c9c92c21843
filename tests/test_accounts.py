"""The accounts store and the roles: exact answers, injected times, two processes at once."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import sqlite3
from pathlib import Path

import pytest

from thidua.accounts import (
    LOCAL_USER,
    PAGES,
    ROLES,
    Account,
    AccountError,
    AccountStore,
    accounts_path,
    allowed_pages,
    can,
    row_scope,
)

T0 = dt.datetime(2026, 3, 5, 8, 0, tzinfo=dt.UTC)
PASSWORD = "mật-khẩu-đủ-dài"  # 15 characters, Vietnamese letters on purpose


@pytest.fixture
def store(tmp_path: Path) -> AccountStore:
    return AccountStore(tmp_path / "t.accounts.sqlite")


def test_accounts_path_is_beside_the_database_or_named(tmp_path: Path, monkeypatch):
    monkeypatch.delenv("THIDUA_ACCOUNTS", raising=False)
    assert accounts_path(tmp_path / "data" / "thidua.duckdb") == \
        tmp_path / "data" / "thidua.accounts.sqlite"
    monkeypatch.setenv("THIDUA_ACCOUNTS", str(tmp_path / "elsewhere.sqlite"))
    assert accounts_path(tmp_path / "data" / "thidua.duckdb") == tmp_path / "elsewhere.sqlite"


def test_add_list_get_disable(store: AccountStore):
    assert store.has_accounts() is False
    assert store.accounts() == []
    assert not store.path.exists()  # reading makes no file
    added = store.add("lan", "hcqt", PASSWORD, now=T0)
    assert added == Account("lan", "hcqt", None, False, T0)
    store.add("binh", "don_vi", PASSWORD, unit=" KT ", now=T0 + dt.timedelta(hours=1))
    assert store.has_accounts() is True
    assert store.accounts() == [
        Account("binh", "don_vi", "KT", False, T0 + dt.timedelta(hours=1)),
        Account("lan", "hcqt", None, False, T0)]
    assert store.get("lan") == added
    assert store.get("nobody") is None
    store.disable("lan")
    store.disable("binh")
    assert store.get("lan") == Account("lan", "hcqt", None, True, T0)
    assert store.has_accounts() is False  # only disabled accounts left


@pytest.mark.parametrize(("name", "role", "password", "unit", "key", "params"), [
    ("an", "admin", PASSWORD, None, "account_bad_role",
     {"role": "admin", "roles": "hcqt, lanh_dao, don_vi, trinh_chieu"}),
    ("an", "don_vi", PASSWORD, None, "account_unit_required", {"name": "an"}),
    ("an", "don_vi", PASSWORD, "  ", "account_unit_required", {"name": "an"}),
    ("an", "lanh_dao", PASSWORD, "KT", "account_unit_not_for_role",
     {"role": "lanh_dao", "unit": "KT"}),
    ("an", "hcqt", "123456789", None, "account_weak_password", {"min": 10, "length": 9}),
    ("nguyen van", "hcqt", PASSWORD, None, "account_bad_name", {"name": "nguyen van", "max": 64}),
    ("  ", "hcqt", PASSWORD, None, "account_bad_name", {"name": "", "max": 64}),
])
def test_add_refuses_with_a_catalogue_key(store, name, role, password, unit, key, params):
    with pytest.raises(AccountError) as caught:
        store.add(name, role, password, unit=unit)
    assert (caught.value.key, caught.value.params) == (key, params)
    assert store.accounts() == []


def test_duplicate_name_is_refused_and_the_first_kept(store: AccountStore):
    store.add("lan", "hcqt", PASSWORD, now=T0)
    with pytest.raises(AccountError) as caught:
        store.add("lan", "lanh_dao", "another-password-1")
    assert (caught.value.key, caught.value.params) == ("account_duplicate", {"name": "lan"})
    assert store.accounts() == [Account("lan", "hcqt", None, False, T0)]


def test_unknown_names_are_refused(store: AccountStore):
    store.add("lan", "hcqt", PASSWORD)
    for change in (lambda: store.disable("x"), lambda: store.set_password("x", PASSWORD)):
        with pytest.raises(AccountError) as caught:
            change()
        assert (caught.value.key, caught.value.params) == ("account_unknown", {"name": "x"})


def test_passwords_are_argon2id_hashes_and_nowhere_in_the_file(store: AccountStore):
    store.add("lan", "hcqt", PASSWORD)
    store.set_password("lan", "second-secret-42")
    con = sqlite3.connect(store.path)
    (hashed,) = con.execute("SELECT password_hash FROM accounts").fetchone()
    con.close()
    assert hashed.startswith("$argon2id$")
    raw = b"".join(p.read_bytes() for p in store.path.parent.iterdir())  # file, -wal, -shm
    for secret in (PASSWORD, "second-secret-42"):
        assert secret.encode("utf-8") not in raw
    assert store.sign_in("lan", PASSWORD).reason == "bad_password"
    assert store.sign_in("lan", "second-secret-42").reason == "ok"


def test_sign_in_answers(store: AccountStore):
    lan = store.add("lan", "hcqt", PASSWORD, now=T0)
    store.add("cu", "lanh_dao", PASSWORD, now=T0)
    store.disable("cu")
    ok = store.sign_in("lan", PASSWORD, now=T0)
    assert (ok.ok, ok.account, ok.reason, ok.delay_s) == (True, lan, "ok", 0.0)
    bad = store.sign_in("lan", "wrong-password", now=T0)
    assert (bad.ok, bad.account, bad.reason, bad.delay_s) == (False, None, "bad_password", 1.0)
    assert store.sign_in("nobody", PASSWORD, now=T0).reason == "unknown"
    assert store.sign_in("cu", PASSWORD, now=T0).reason == "disabled"
    assert store.sign_in("cu", "wrong-password", now=T0).reason == "bad_password"


def test_five_failures_lock_for_fifteen_minutes(store: AccountStore):
    store.add("lan", "hcqt", PASSWORD)
    answers = [store.sign_in("lan", "wrong", now=T0 + dt.timedelta(seconds=i)) for i in range(5)]
    assert [(a.reason, a.delay_s) for a in answers] == [
        ("bad_password", 1.0), ("bad_password", 2.0), ("bad_password", 3.0),
        ("bad_password", 4.0), ("locked", 5.0)]
    # Locked: even the right password is turned away until 15 minutes after the fifth failure.
    assert store.sign_in("lan", PASSWORD, now=T0 + dt.timedelta(minutes=15)).reason == "locked"
    later = T0 + dt.timedelta(minutes=15, seconds=5)
    assert store.sign_in("lan", PASSWORD, now=later).reason == "ok"


def test_a_success_resets_the_count(store: AccountStore):
    store.add("lan", "hcqt", PASSWORD)
    for _ in range(4):
        store.sign_in("lan", "wrong", now=T0)
    assert store.sign_in("lan", PASSWORD, now=T0).reason == "ok"
    assert [store.sign_in("lan", "wrong", now=T0).reason for _ in range(4)] == \
        ["bad_password"] * 4


def test_an_expired_lock_starts_a_fresh_count(store: AccountStore):
    store.add("lan", "hcqt", PASSWORD)
    for _ in range(5):
        store.sign_in("lan", "wrong", now=T0)
    after = T0 + dt.timedelta(minutes=16)
    assert store.sign_in("lan", "wrong", now=after).reason == "bad_password"
    assert store.sign_in("lan", "wrong", now=after).delay_s == 2.0


def test_a_new_password_lifts_the_lock(store: AccountStore):
    store.add("lan", "hcqt", PASSWORD)
    for _ in range(5):
        store.sign_in("lan", "wrong", now=T0)
    store.set_password("lan", "brand-new-password")
    assert store.sign_in("lan", "brand-new-password", now=T0).reason == "ok"


def test_sessions_are_hashed_and_expire(store: AccountStore):
    lan = store.add("lan", "hcqt", PASSWORD, now=T0)
    token = store.create_session("lan", now=T0)
    assert len(token) == 43
    con = sqlite3.connect(store.path)
    stored = con.execute("SELECT token_hash FROM sessions").fetchall()
    con.close()
    assert token not in repr(stored)
    assert token.encode() not in b"".join(p.read_bytes() for p in store.path.parent.iterdir())
    assert store.session(token, now=T0 + dt.timedelta(hours=7, minutes=59)) == lan
    # Each visit refreshes the idle clock; 8 h after the last visit it is over.
    seen = T0 + dt.timedelta(hours=7, minutes=59)
    assert store.session(token, now=seen + dt.timedelta(hours=8)) == lan
    assert store.session(token, now=seen + dt.timedelta(hours=16, seconds=1)) is None
    assert store.session(token, now=seen) is None  # forgotten, not just refused once


def test_a_visit_writes_last_seen_only_once_a_minute(store: AccountStore):
    """Every script run checks the session; only a stale "last seen" is written (no write lock,
    no commit to disk on most clicks), and the idle clock still follows the visits."""
    from thidua.accounts.sessions import TOUCH_EVERY

    def last_seen() -> str:
        con = sqlite3.connect(store.path)
        try:
            return con.execute("SELECT last_seen FROM sessions").fetchone()[0]
        finally:
            con.close()

    store.add("lan", "hcqt", PASSWORD, now=T0)
    token = store.create_session("lan", now=T0)
    first = last_seen()
    soon = T0 + TOUCH_EVERY - dt.timedelta(seconds=1)
    assert store.session(token, now=soon) is not None
    assert last_seen() == first  # a read only
    later = T0 + TOUCH_EVERY
    assert store.session(token, now=later) is not None
    assert last_seen() > first
    assert store.session(token, now=T0) is not None  # an older clock never moves it back
    assert store.session(token, now=later + dt.timedelta(hours=8)) is not None
    assert store.session(token, now=later + dt.timedelta(hours=16, seconds=1)) is None


def test_a_busy_session_ends_after_24_hours(store: AccountStore):
    store.add("lan", "hcqt", PASSWORD, now=T0)
    token = store.create_session("lan", now=T0)
    for hours in (6, 12, 18, 24):
        assert store.session(token, now=T0 + dt.timedelta(hours=hours)) is not None
    assert store.session(token, now=T0 + dt.timedelta(hours=24, seconds=1)) is None


def test_sign_out_disable_and_passwd_end_sessions(store: AccountStore):
    store.add("lan", "hcqt", PASSWORD, now=T0)
    store.add("binh", "lanh_dao", PASSWORD, now=T0)
    first, second = store.create_session("lan", now=T0), store.create_session("lan", now=T0)
    other = store.create_session("binh", now=T0)
    store.end_session(first)
    store.end_session("no-such-token")
    assert store.session(first, now=T0) is None
    assert store.session(second, now=T0) is not None
    store.set_password("lan", "brand-new-password")
    assert store.session(second, now=T0) is None
    store.disable("binh")
    assert store.session(other, now=T0) is None
    assert store.session("", now=T0) is None
    with pytest.raises(AccountError) as caught:
        store.create_session("binh", now=T0)
    assert caught.value.key == "account_disabled"


def _add_many(path: str, prefix: str, barrier) -> None:
    store = AccountStore(Path(path))
    barrier.wait()
    for i in range(3):
        store.add(f"{prefix}{i}", "trinh_chieu", PASSWORD)


def test_two_processes_write_at_once(store: AccountStore):
    store.add("lan", "hcqt", PASSWORD)  # the file exists before the race
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2)
    workers = [ctx.Process(target=_add_many, args=(str(store.path), p, barrier))
               for p in ("a", "b")]
    for w in workers:
        w.start()
    for w in workers:
        w.join(120)
    assert [w.exitcode for w in workers] == [0, 0]
    assert [a.name for a in store.accounts()] == ["a0", "a1", "a2", "b0", "b1", "b2", "lan"]
    con = sqlite3.connect(store.path)
    assert con.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    con.close()


def test_pages_of_each_role():
    assert ROLES == ("hcqt", "lanh_dao", "don_vi", "trinh_chieu")
    assert allowed_pages("hcqt") == frozenset(PAGES)
    assert allowed_pages("lanh_dao") == frozenset(
        {"tong-quan", "tham-gia", "tieu-chi", "khen-thuong", "bao-cao", "du-lieu"})
    assert allowed_pages("don_vi") == frozenset(
        {"tong-quan", "tham-gia", "tieu-chi", "khen-thuong", "du-lieu"})
    assert allowed_pages("trinh_chieu") == frozenset()
    assert allowed_pages("nobody") == frozenset()


def test_actions_of_each_role():
    actions = ("import", "download_named", "download_aggregate", "official_list",
               "progress_report", "audit", "admin", "present")
    table = {role: {a for a in actions if can(role, a)} for role in ROLES}
    assert table == {
        "hcqt": set(actions),
        "lanh_dao": {"download_aggregate", "official_list", "progress_report", "present"},
        "don_vi": {"download_aggregate", "download_named", "present"},
        "trinh_chieu": {"present"},
    }
    assert can("nobody", "present") is False
    with pytest.raises(ValueError, match="unknown action 'imprt'"):
        can("hcqt", "imprt")


def test_row_scope_and_the_local_user():
    created = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    assert row_scope(Account("b", "don_vi", "KT", False, created)) == "KT"
    assert row_scope(Account("c", "lanh_dao", None, False, created)) is None
    assert LOCAL_USER.name == "local"
    assert LOCAL_USER.role == "hcqt"
    assert row_scope(LOCAL_USER) is None


def test_the_tables_are_made_once_per_file_and_again_for_a_file_put_back(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The session check opens the file on every script run: its tables are made once per
    process, and a file put back in its place (another inode) is made up to date again."""
    from thidua.accounts import sqlite

    statements: list[str] = []
    real_connect = sqlite3.connect

    def traced(*args, **kwargs):
        con = real_connect(*args, **kwargs)
        con.set_trace_callback(statements.append)
        return con
    monkeypatch.setattr(sqlite.sqlite3, "connect", traced)
    path = tmp_path / "accounts.sqlite3"
    with sqlite.connect(path) as con:
        con.execute("SELECT count(*) FROM accounts").fetchone()
    assert any("CREATE TABLE" in s for s in statements)
    with sqlite.connect(path) as con:  # the making's own write is checked once more
        con.execute("SELECT count(*) FROM accounts").fetchone()
    statements.clear()
    for _ in range(3):  # reads: the tables are not made again
        with sqlite.connect(path) as con:
            con.execute("SELECT count(*) FROM sessions").fetchone()
    assert statements and not [s for s in statements if "CREATE" in s or "table_info" in s]
    # An older file (no e-mail column) put in its place: checked again, the column added.
    old = tmp_path / "old.sqlite3"
    raw = real_connect(old)
    raw.execute("CREATE TABLE accounts (name TEXT PRIMARY KEY, role TEXT NOT NULL, unit TEXT,"
                " password_hash TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0,"
                " created_at TEXT NOT NULL, failures INTEGER NOT NULL DEFAULT 0,"
                " locked_until TEXT)")
    raw.commit()
    raw.close()
    os.replace(old, path)
    with sqlite.connect(path) as con:
        columns = {row[1] for row in con.execute("PRAGMA table_info(accounts)")}
    assert "email" in columns


def test_a_file_made_anew_in_the_same_place_gets_its_tables(tmp_path: Path):
    """Removed and made again (the new file often gets the old one's inode): its tables are
    made, not taken as made."""
    from thidua.accounts import sqlite

    path = tmp_path / "accounts.sqlite3"
    for _ in range(5):
        with sqlite.connect(path) as con:
            assert con.execute("SELECT count(*) FROM accounts").fetchone() == (0,)
        for leftover in tmp_path.glob("accounts.sqlite3*"):
            leftover.unlink()
