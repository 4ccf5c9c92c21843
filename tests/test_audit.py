"""The audit log: entries newest first, the three filters, no secret ever written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from thidua.accounts import AccountStore, AuditLog

T0 = dt.datetime(2026, 3, 5, 8, 0, tzinfo=dt.UTC)


@pytest.fixture
def log(tmp_path: Path) -> AuditLog:
    log = AuditLog(tmp_path / "t.accounts.sqlite")
    log.record("sign_in", "lan", at=T0)
    log.record("import", "lan", at=T0 + dt.timedelta(minutes=5), file="đợt 2026.xlsx", rows=12)
    log.record("sign_in_failed", "binh", at=T0 + dt.timedelta(minutes=6), reason="bad_password")
    log.record("account_add", "root", at=T0 + dt.timedelta(hours=1), name="binh", role="don_vi")
    return log


def test_entries_newest_first_with_their_details(log: AuditLog):
    entries = log.entries()
    assert [(e["id"], e["event"], e["user"]) for e in entries] == [
        (4, "account_add", "root"), (3, "sign_in_failed", "binh"), (2, "import", "lan"),
        (1, "sign_in", "lan")]
    assert entries[2] == {"id": 2, "at": T0 + dt.timedelta(minutes=5), "event": "import",
                          "user": "lan", "details": {"file": "đợt 2026.xlsx", "rows": 12}}
    assert entries[3]["details"] == {}


def test_filters(log: AuditLog):
    def ids(**filters) -> list[int]:
        return [e["id"] for e in log.entries(**filters)]

    assert ids(user="lan") == [2, 1]
    assert ids(event="sign_in_failed") == [3]
    assert ids(since=T0 + dt.timedelta(minutes=5)) == [4, 3, 2]
    assert ids(since=T0 + dt.timedelta(minutes=5), user="lan") == [2]
    assert ids(limit=2) == [4, 3]
    assert ids(user="nobody") == []
    # A naive time is local time: the same moment as its UTC equivalent.
    local = (T0 + dt.timedelta(minutes=6)).astimezone().replace(tzinfo=None)
    assert ids(since=local) == [4, 3]


@pytest.mark.parametrize("key", ["password", "token", "secret", "Password", "session_token"])
def test_secret_keys_are_refused_and_nothing_is_written(log: AuditLog, key: str):
    with pytest.raises(ValueError, match="never keeps secrets"):
        log.record("sign_in", "lan", **{key: "hunter2-hunter2"})
    assert len(log.entries()) == 4
    assert b"hunter2" not in b"".join(p.read_bytes() for p in log.path.parent.iterdir())


def test_an_empty_log_and_a_shared_file(tmp_path: Path):
    path = tmp_path / "t.accounts.sqlite"
    assert AuditLog(path).entries() == []
    AccountStore(path).add("lan", "hcqt", "mật-khẩu-đủ-dài")
    AuditLog(path).record("account_add", "root", name="lan")
    assert [a.name for a in AccountStore(path).accounts()] == ["lan"]
    assert [e["details"] for e in AuditLog(path).entries()] == [{"name": "lan"}]
