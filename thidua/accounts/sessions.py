"""Sessions of the accounts store: made at sign-in, checked on every run, ended at sign-out.

A session row has up to two bearer keys, each kept only as its SHA-256: the token the signing
tab holds in its server-side state, and the browser cookie's token, so a reload stays signed
in. The cookie's token never passes through the page: at sign-in the tab asks for a one-time
code (``start_handoff``, valid for a minute); the browser posts that code to the server's
own route, which exchanges it (``claim_handoff``) for the cookie's token and sets it as an
HttpOnly cookie. Both keys share the row, so one idle timer, one 24-hour limit and one
sign-out end them together.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from pathlib import Path

from thidua.accounts.account import Account, AccountError
from thidua.accounts.sqlite import connect, stamp, unstamp, utc

IDLE_FOR = dt.timedelta(hours=8)
LIVE_FOR = dt.timedelta(hours=24)
HANDOFF_FOR = dt.timedelta(seconds=60)
TOUCH_EVERY = dt.timedelta(seconds=60)  # how stale a live session's "last seen" may get
MAX_KEY = 200  # longer than any token this store makes: refused before it is hashed

COLUMNS = "name, role, unit, disabled, created_at, email, password_hash"
A_COLUMNS = ("a.name, a.role, a.unit, a.disabled, a.created_at, a.email, "
             "a.password_hash")


def account_of(row: tuple) -> Account:
    """The Account of a row of ``COLUMNS`` (a password hash only says whether there is one)."""
    name, role, unit, disabled, created_at, email, password_hash = row
    return Account(name, role, unit, bool(disabled), unstamp(created_at), email,
                   bool(password_hash))


def key_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _usable(token: str | None) -> bool:
    return bool(token) and isinstance(token, str) and len(token) <= MAX_KEY


class Sessions:
    """The session half of ``AccountStore`` (which provides ``path``)."""

    path: Path

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
                        "VALUES (?, ?, ?, ?)", (key_hash(token), name, moment, moment))
        return token

    def session(self, token: str, now: dt.datetime | None = None) -> Account | None:
        """The account of a live session, by either of its keys (last seen refreshed).

        Every script run asks, so the answer is read without the write lock; the row is
        written only to forget a dead session or when its last visit is older than
        ``TOUCH_EVERY`` (a write commits to disk and queues behind other processes' writes:
        tens of milliseconds a click, under load far more). The idle clock is thus at most
        ``TOUCH_EVERY`` behind the last visit.
        """
        if not _usable(token) or not self.path.exists():
            return None
        moment = utc(now)
        key = key_hash(token)
        with connect(self.path) as con:
            row = con.execute(
                f"SELECT s.token_hash, s.created_at, s.last_seen, {A_COLUMNS} FROM sessions s "
                "JOIN accounts a ON a.name = s.name WHERE s.token_hash = ? OR s.cookie_hash = ?",
                (key, key)).fetchone()
        if row is None:
            return None
        primary, created, seen = row[0], unstamp(row[1]), unstamp(row[2])
        account = account_of(row[3:])
        if account.disabled or moment - seen > IDLE_FOR or moment - created > LIVE_FOR:
            with connect(self.path, write=True) as con:
                con.execute("DELETE FROM sessions WHERE token_hash = ?", (primary,))
            return None
        if moment - seen >= TOUCH_EVERY:
            with connect(self.path, write=True) as con:  # never backwards (a later visit won)
                con.execute("UPDATE sessions SET last_seen = ? WHERE token_hash = ? AND "
                            "last_seen < ?", (stamp(moment), primary, stamp(moment)))
        return account

    def end_session(self, token: str) -> None:
        """Sign out: forget the session, whichever key names it (an unknown one: nothing)."""
        if not _usable(token) or not self.path.exists():
            return
        key = key_hash(token)
        with connect(self.path, write=True) as con:
            con.execute("DELETE FROM sessions WHERE token_hash = ? OR cookie_hash = ?",
                        (key, key))

    def same_session(self, first: str, second: str) -> bool:
        """Whether both keys (the session's token or its cookie) name one existing session."""
        if not (_usable(first) and _usable(second)) or not self.path.exists():
            return False
        one, two = key_hash(first), key_hash(second)
        with connect(self.path) as con:
            row = con.execute("SELECT 1 FROM sessions WHERE (token_hash = ? OR cookie_hash = ?)"
                              " AND (token_hash = ? OR cookie_hash = ?)",
                              (one, one, two, two)).fetchone()
        return row is not None

    def start_handoff(self, token: str, now: dt.datetime | None = None) -> str | None:
        """A one-time code that lets the browser fetch this session's cookie (a minute)."""
        if not _usable(token) or not self.path.exists():
            return None
        code = secrets.token_urlsafe(32)
        until = stamp(utc(now) + HANDOFF_FOR)
        with connect(self.path, write=True) as con:
            changed = con.execute(
                "UPDATE sessions SET handoff_hash = ?, handoff_until = ? WHERE token_hash = ?",
                (key_hash(code), until, key_hash(token))).rowcount
        return code if changed else None

    def claim_handoff(self, code: str, now: dt.datetime | None = None
                      ) -> tuple[str, int] | None:
        """Exchange a one-time code for the session's cookie token and its max age (s).

        None if the code is unknown, used, older than a minute, or its session has ended.
        A second claim of the same code gets None: the first one cleared it.
        """
        if not _usable(code) or not self.path.exists():
            return None
        moment = utc(now)
        cookie = secrets.token_urlsafe(32)
        with connect(self.path, write=True) as con:
            row = con.execute(
                "SELECT s.token_hash, s.created_at, s.handoff_until FROM sessions s JOIN "
                "accounts a ON a.name = s.name WHERE s.handoff_hash = ? AND a.disabled = 0",
                (key_hash(code),)).fetchone()
            if row is None:
                return None
            con.execute("UPDATE sessions SET handoff_hash = NULL, handoff_until = NULL "
                        "WHERE token_hash = ?", (row[0],))
            left = unstamp(row[1]) + LIVE_FOR - moment
            if unstamp(row[2]) < moment or left <= dt.timedelta(0):
                return None
            con.execute("UPDATE sessions SET cookie_hash = ? WHERE token_hash = ?",
                        (key_hash(cookie), row[0]))
        return cookie, int(left.total_seconds())
