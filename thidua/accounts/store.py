"""Accounts, passwords and sessions of the Office's dashboard, in the accounts SQLite file.

Passwords are kept only as argon2id hashes (argon2-cffi); session tokens only as their SHA-256,
so the file alone lets nobody in. Five wrong passwords in a row lock an account for 15
minutes, and each failure tells the caller how long to wait before answering (``delay_s``).
Every time can be injected (``now``) so the rules are tested without waiting.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from thidua.accounts.account import ROLES, Account
from thidua.accounts.sqlite import connect, stamp, unstamp, utc

MIN_PASSWORD = 10
MAX_NAME = 64
MAX_FAILURES = 5
LOCK_FOR = dt.timedelta(minutes=15)
IDLE_FOR = dt.timedelta(hours=8)
LIVE_FOR = dt.timedelta(hours=24)
MAX_DELAY_S = 8.0

_hasher = PasswordHasher()
# Verified against when the name is unknown, so an unknown name costs the same time.
_DUMMY_HASH = _hasher.hash("thidua-no-such-account")


def accounts_path(db_path: Path) -> Path:
    """``$THIDUA_ACCOUNTS``, else ``<db folder>/<db stem>.accounts.sqlite`` beside the DB."""
    named = os.environ.get("THIDUA_ACCOUNTS")
    if named:
        return Path(named)
    db_path = Path(db_path)
    return db_path.with_name(f"{db_path.stem}.accounts.sqlite")


class AccountError(ValueError):
    """A refused change; ``key`` and ``params`` make its sentence in the catalogue."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key, params)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class SignIn:
    """The answer to a sign-in: reason is ok, bad_password, unknown, disabled or locked."""

    ok: bool
    account: Account | None
    reason: str
    delay_s: float = 0.0


def _account(row: tuple) -> Account:
    name, role, unit, disabled, created_at = row
    return Account(name, role, unit, bool(disabled), unstamp(created_at))


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError("account_weak_password", min=MIN_PASSWORD, length=len(password))


def check_new(name: str, role: str, unit: str | None) -> tuple[str, str | None]:
    """The name and unit of a new account as kept (stripped); AccountError if refused."""
    name = name.strip()
    if not name or len(name) > MAX_NAME or any(c.isspace() or not c.isprintable()
                                               for c in name):
        raise AccountError("account_bad_name", name=name, max=MAX_NAME)
    if role not in ROLES:
        raise AccountError("account_bad_role", role=role, roles=", ".join(ROLES))
    unit = unit.strip() if unit and unit.strip() else None
    if role == "don_vi" and unit is None:
        raise AccountError("account_unit_required", name=name)
    if role != "don_vi" and unit is not None:
        raise AccountError("account_unit_not_for_role", role=role, unit=unit)
    return name, unit


_COLUMNS = "name, role, unit, disabled, created_at"
_A_COLUMNS = "a.name, a.role, a.unit, a.disabled, a.created_at"


class AccountStore:
    """The accounts of one database, in the SQLite file at ``path`` (made on first write)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    # -- accounts ---------------------------------------------------------------------------

    def has_accounts(self) -> bool:
        """Whether any enabled account exists (then sign-in is required)."""
        if not self.path.exists():
            return False
        with connect(self.path) as con:
            return con.execute("SELECT 1 FROM accounts WHERE disabled = 0 LIMIT 1").fetchone() \
                is not None

    def accounts(self) -> list[Account]:
        """Every account, by name."""
        if not self.path.exists():
            return []
        with connect(self.path) as con:
            rows = con.execute(f"SELECT {_COLUMNS} FROM accounts ORDER BY name").fetchall()
        return [_account(row) for row in rows]

    def get(self, name: str) -> Account | None:
        if not self.path.exists():
            return None
        with connect(self.path) as con:
            row = con.execute(f"SELECT {_COLUMNS} FROM accounts WHERE name = ?",
                              (name,)).fetchone()
        return _account(row) if row else None

    def add(self, name: str, role: str, password: str, unit: str | None = None,
            now: dt.datetime | None = None) -> Account:
        """A new enabled account; AccountError if the name, role, unit or password is refused."""
        name, unit = check_new(name, role, unit)
        _check_password(password)
        hashed = _hasher.hash(password)
        created = stamp(utc(now))
        with connect(self.path, write=True) as con:
            if con.execute("SELECT 1 FROM accounts WHERE name = ?", (name,)).fetchone():
                raise AccountError("account_duplicate", name=name)
            con.execute("INSERT INTO accounts (name, role, unit, password_hash, created_at) "
                        "VALUES (?, ?, ?, ?, ?)", (name, role, unit, hashed, created))
        return Account(name, role, unit, False, unstamp(created))

    def disable(self, name: str) -> None:
        """Disable the account and end its sessions; AccountError if there is none."""
        with connect(self.path, write=True) as con:
            if con.execute("UPDATE accounts SET disabled = 1 WHERE name = ?",
                           (name,)).rowcount == 0:
                raise AccountError("account_unknown", name=name)
            con.execute("DELETE FROM sessions WHERE name = ?", (name,))

    def set_password(self, name: str, password: str) -> None:
        """A new password (its sessions end, its lock lifts); AccountError if refused."""
        _check_password(password)
        hashed = _hasher.hash(password)
        with connect(self.path, write=True) as con:
            if con.execute("UPDATE accounts SET password_hash = ?, failures = 0, "
                           "locked_until = NULL WHERE name = ?", (hashed, name)).rowcount == 0:
                raise AccountError("account_unknown", name=name)
            con.execute("DELETE FROM sessions WHERE name = ?", (name,))

    # -- sign-in ----------------------------------------------------------------------------

    def sign_in(self, name: str, password: str, now: dt.datetime | None = None) -> SignIn:
        """Check a name and password; count failures, lock after five in a row."""
        moment = utc(now)
        with connect(self.path, write=True) as con:
            row = con.execute(f"SELECT {_COLUMNS}, password_hash, failures, locked_until "
                              "FROM accounts WHERE name = ?", (name,)).fetchone()
            if row is None:
                _verify(_DUMMY_HASH, password)
                return SignIn(False, None, "unknown", 1.0)
            account = _account(row[:5])
            hashed, failures, locked_until = row[5:]
            if locked_until and unstamp(locked_until) > moment:
                return SignIn(False, None, "locked", MAX_DELAY_S)
            if locked_until:  # the lock has run out: a fresh count
                failures = 0
            if not _verify(hashed, password):
                failures += 1
                lock = stamp(moment + LOCK_FOR) if failures >= MAX_FAILURES else None
                con.execute("UPDATE accounts SET failures = ?, locked_until = ? WHERE name = ?",
                            (0 if lock else failures, lock, name))
                return SignIn(False, None, "locked" if lock else "bad_password",
                              min(float(failures), MAX_DELAY_S))
            con.execute("UPDATE accounts SET failures = 0, locked_until = NULL WHERE name = ?",
                        (name,))
            if account.disabled:
                return SignIn(False, None, "disabled", 1.0)
            if _hasher.check_needs_rehash(hashed):
                con.execute("UPDATE accounts SET password_hash = ? WHERE name = ?",
                            (_hasher.hash(password), name))
            return SignIn(True, account, "ok")

    # -- sessions ---------------------------------------------------------------------------

    def create_session(self, name: str, now: dt.datetime | None = None) -> str:
        """A new session token for an enabled account (only its hash is kept)."""
        token = secrets.token_urlsafe(32)
        moment = stamp(utc(now))
        with connect(self.path, write=True) as con:
            row = con.execute("SELECT disabled FROM accounts WHERE name = ?", (name,)).fetchone()
            if row is None:
                raise AccountError("account_unknown", name=name)
            if row[0]:
                raise AccountError("account_disabled", name=name)
            con.execute("INSERT INTO sessions (token_hash, name, created_at, last_seen) "
                        "VALUES (?, ?, ?, ?)", (_token_hash(token), name, moment, moment))
        return token

    def session(self, token: str, now: dt.datetime | None = None) -> Account | None:
        """The account of a live session (its last-seen time refreshed), else None."""
        if not token or not self.path.exists():
            return None
        moment = utc(now)
        key = _token_hash(token)
        with connect(self.path, write=True) as con:
            row = con.execute(
                f"SELECT s.created_at, s.last_seen, {_A_COLUMNS} FROM sessions s "
                "JOIN accounts a ON a.name = s.name WHERE s.token_hash = ?",
                (key,)).fetchone()
            if row is None:
                return None
            created, seen = unstamp(row[0]), unstamp(row[1])
            account = _account(row[2:])
            if (account.disabled or moment - seen > IDLE_FOR or moment - created > LIVE_FOR):
                con.execute("DELETE FROM sessions WHERE token_hash = ?", (key,))
                return None
            con.execute("UPDATE sessions SET last_seen = ? WHERE token_hash = ?",
                        (stamp(max(moment, seen)), key))
        return account

    def end_session(self, token: str) -> None:
        """Sign out: forget the session (nothing happens for an unknown token)."""
        if not token or not self.path.exists():
            return
        with connect(self.path, write=True) as con:
            con.execute("DELETE FROM sessions WHERE token_hash = ?", (_token_hash(token),))


def _verify(hashed: str, password: str) -> bool:
    try:
        return _hasher.verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False
