"""Accounts, passwords and sessions of the Office's dashboard, in the accounts SQLite file.

Passwords are kept only as argon2id hashes (argon2-cffi); session tokens only as their SHA-256,
so the file alone lets nobody in. Five wrong passwords in a row lock an account for 15
minutes, and each failure tells the caller how long to wait before answering (``delay_s``).
An account may instead (or also) carry the Office e-mail an OpenID Connect sign-in maps to;
one without a password signs in that way only. Every time can be injected (``now``) so the
rules are tested without waiting. Sessions: ``thidua.accounts.sessions``.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from thidua.accounts.account import ROLES, Account, AccountError
from thidua.accounts.sessions import (
    COLUMNS,
    IDLE_FOR,
    LIVE_FOR,
    Sessions,
    account_of,
)
from thidua.accounts.sqlite import connect, stamp, unstamp, utc

__all__ = ["IDLE_FOR", "LIVE_FOR", "Account", "AccountError", "AccountStore", "SignIn",
           "accounts_path", "check_email", "check_new"]

MIN_PASSWORD = 10
MAX_NAME = 64
MAX_FAILURES = 5
LOCK_FOR = dt.timedelta(minutes=15)
MAX_DELAY_S = 8.0
MAX_EMAIL = 254
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")

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


@dataclass(frozen=True)
class SignIn:
    """The answer to a sign-in: reason is ok, bad_password, unknown, no_password, disabled
    or locked."""

    ok: bool
    account: Account | None
    reason: str
    delay_s: float = 0.0


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


def check_email(email: str) -> str:
    """The e-mail as kept and matched (trimmed, lower case); AccountError if it is not one."""
    kept = email.strip().lower()
    if (len(kept) > MAX_EMAIL or not _EMAIL.fullmatch(kept)
            or not all(c.isprintable() for c in kept)):
        raise AccountError("account_bad_email", email=email.strip(), max=MAX_EMAIL)
    return kept


class AccountStore(Sessions):
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
            rows = con.execute(f"SELECT {COLUMNS} FROM accounts ORDER BY name").fetchall()
        return [account_of(row) for row in rows]

    def get(self, name: str) -> Account | None:
        if not self.path.exists():
            return None
        with connect(self.path) as con:
            row = con.execute(f"SELECT {COLUMNS} FROM accounts WHERE name = ?",
                              (name,)).fetchone()
        return account_of(row) if row else None

    def add(self, name: str, role: str, password: str | None, unit: str | None = None,
            now: dt.datetime | None = None, email: str | None = None) -> Account:
        """A new enabled account; AccountError if the name, role, unit, password or e-mail is
        refused. ``password`` None makes an OIDC-only account (its ``email`` is needed)."""
        name, unit = check_new(name, role, unit)
        email = check_email(email) if email is not None else None
        if password is None and email is None:
            raise AccountError("account_no_sign_in", name=name)
        if password is not None:
            _check_password(password)
        hashed = _hasher.hash(password) if password is not None else ""
        created = stamp(utc(now))
        with connect(self.path, write=True) as con:
            if con.execute("SELECT 1 FROM accounts WHERE name = ?", (name,)).fetchone():
                raise AccountError("account_duplicate", name=name)
            _refuse_taken(con, email, name)
            con.execute("INSERT INTO accounts (name, role, unit, password_hash, created_at, "
                        "email) VALUES (?, ?, ?, ?, ?, ?)",
                        (name, role, unit, hashed, created, email))
        return Account(name, role, unit, False, unstamp(created), email, bool(hashed))

    def set_email(self, name: str, email: str | None) -> Account:
        """Map an account to an Office e-mail (None: remove the mapping); AccountError if
        refused. Its sessions go on: the e-mail is how it signs in, not who it is."""
        email = check_email(email) if email is not None else None
        with connect(self.path, write=True) as con:
            row = con.execute(f"SELECT {COLUMNS} FROM accounts WHERE name = ?",
                              (name,)).fetchone()
            if row is None:
                raise AccountError("account_unknown", name=name)
            if email is None and not row[-1]:
                raise AccountError("account_no_sign_in", name=name)
            _refuse_taken(con, email, name)
            con.execute("UPDATE accounts SET email = ? WHERE name = ?", (email, name))
        return replace(account_of(row), email=email)

    def by_email(self, email: str) -> Account | None:
        """The account an Office e-mail maps to (matched without regard to case), or None."""
        if not self.path.exists():
            return None
        try:
            kept = check_email(email)
        except AccountError:
            return None
        with connect(self.path) as con:
            row = con.execute(f"SELECT {COLUMNS} FROM accounts WHERE email = ?",
                              (kept,)).fetchone()
        return account_of(row) if row else None

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
        """Check a name and password; count failures, lock after five in a row.

        An account without a password (OIDC only) answers ``no_password`` after the same
        work as an unknown name, and counts no failure.
        """
        moment = utc(now)
        with connect(self.path, write=True) as con:
            row = con.execute(f"SELECT {COLUMNS}, failures, locked_until "
                              "FROM accounts WHERE name = ?", (name,)).fetchone()
            if row is None or not row[6]:
                _verify(_DUMMY_HASH, password)
                return SignIn(False, None, "unknown" if row is None else "no_password", 1.0)
            account = account_of(row[:7])
            hashed, failures, locked_until = row[6:]
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


def _refuse_taken(con, email: str | None, name: str) -> None:
    if email is None:
        return
    other = con.execute("SELECT name FROM accounts WHERE email = ? AND name <> ?",
                        (email, name)).fetchone()
    if other:
        raise AccountError("account_email_taken", email=email, other=other[0])


def _verify(hashed: str, password: str) -> bool:
    try:
        return _hasher.verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False
