"""The accounts file: one SQLite connection per operation, WAL, a busy timeout, the tables.

One short-lived connection per call keeps the store safe from the dashboard's many threads and
from other processes (a second server, ``thidua users`` while the app runs): SQLite's WAL lets
readers go on while one writer writes, and ``BEGIN IMMEDIATE`` plus ``busy_timeout`` make a
second writer wait its turn instead of failing. Times are stored as UTC ISO text of one fixed
width, so they sort and compare as text.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

BUSY_TIMEOUT_MS = 30_000

SCHEMA = (
    """CREATE TABLE IF NOT EXISTS accounts (
        name TEXT PRIMARY KEY,
        role TEXT NOT NULL,
        unit TEXT,
        password_hash TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        failures INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT
    )""",
    """CREATE TABLE IF NOT EXISTS sessions (
        token_hash TEXT PRIMARY KEY,
        name TEXT NOT NULL REFERENCES accounts(name),
        created_at TEXT NOT NULL,
        last_seen TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        event TEXT NOT NULL,
        user TEXT,
        details TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS audit_at ON audit(at)",
    """CREATE TABLE IF NOT EXISTS oidc_seen (
        key TEXT PRIMARY KEY,
        at TEXT NOT NULL
    )""",
)
# Columns added after the first release: a file made before them gets them on first use.
ADDED_COLUMNS = (
    ("accounts", "email", "TEXT"),            # the Office e-mail an OIDC sign-in maps to
    ("sessions", "cookie_hash", "TEXT"),      # the browser cookie's token (a second key)
    ("sessions", "handoff_hash", "TEXT"),     # the one-time code that sets the cookie
    ("sessions", "handoff_until", "TEXT"),
)
INDEXES = (
    "CREATE UNIQUE INDEX IF NOT EXISTS accounts_email ON accounts(email) "
    "WHERE email IS NOT NULL",
    "CREATE INDEX IF NOT EXISTS sessions_cookie ON sessions(cookie_hash)",
    "CREATE INDEX IF NOT EXISTS sessions_handoff ON sessions(handoff_hash)",
)


def utc(now: dt.datetime | None = None) -> dt.datetime:
    """``now`` in UTC (a naive time is taken as local time); the current time if None."""
    if now is None:
        return dt.datetime.now(dt.UTC)
    return now.astimezone(dt.UTC)


def stamp(moment: dt.datetime) -> str:
    """The stored text of a moment: UTC, microseconds, fixed width."""
    return utc(moment).isoformat(timespec="microseconds")


def unstamp(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def _missing(con: sqlite3.Connection) -> list[tuple[str, str, str]]:
    have = {table: {row[1] for row in con.execute(f"PRAGMA table_info({table})")}
            for table in {table for table, _c, _d in ADDED_COLUMNS}}
    return [(t, c, d) for t, c, d in ADDED_COLUMNS if c not in have[t]]


def _add_columns(con: sqlite3.Connection) -> None:
    """Bring an older file up to date, under the write lock (two processes may both try)."""
    if _missing(con):
        con.execute("BEGIN IMMEDIATE")
        try:
            for table, column, declared in _missing(con):  # again, now that we hold the lock
                con.execute(f"ALTER TABLE {table} ADD COLUMN {column} {declared}")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")
    for statement in INDEXES:
        con.execute(statement)


# The files this process has made the tables of, by path, device, inode and change time: a
# file made anew, restored or replaced is another inode or another change time and is checked
# again. The dashboard opens a connection on every script run (the session check); making the
# tables each time was most of its cost. Reads leave the file's change time alone (WAL).
_READY: set[tuple[str, int, int, int]] = set()


def _identity(path: Path) -> tuple[str, int, int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return str(path), info.st_dev, info.st_ino, info.st_ctime_ns


def _prepare(con: sqlite3.Connection, path: Path, fresh: bool) -> None:
    """The tables and columns of the current version, once per file and process."""
    if not fresh and _identity(path) in _READY:
        return
    con.execute("PRAGMA journal_mode = WAL")
    for statement in SCHEMA:
        con.execute(statement)
    _add_columns(con)
    identity = _identity(path)
    if identity is not None:
        _READY.add(identity)


@contextlib.contextmanager
def connect(path: Path, write: bool = False) -> Iterator[sqlite3.Connection]:
    """A connection to the accounts file, its tables made; a write holds the write lock.

    Commits when the block ends normally, rolls back if it raises, closes either way.
    """
    fresh = not path.exists()
    if fresh:
        path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        if fresh:
            with contextlib.suppress(OSError):
                os.chmod(path, 0o600)  # password hashes: the owner only
        con.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        con.execute("PRAGMA foreign_keys = ON")
        _prepare(con, path, fresh)
        con.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        try:
            yield con
        except BaseException as exc:
            con.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError) and "no such" in str(exc):
                _READY.discard(_identity(path))  # a file put back that looks the same
            raise
        con.execute("COMMIT")
    finally:
        con.close()
