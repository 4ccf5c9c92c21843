"""The page layer's access to the database: one cached connection, cached named queries.

One read-only DuckDB connection per server process is shared by every session behind a lock
(queries take milliseconds; DuckDB connections are not safe to share across threads). Results
are cached per (query, parameters, database snapshot), bounded in size and age; after an import
the import page calls ``refresh`` and every page shows the new data without a restart. A
snapshot check (one ``stat``) runs at most every ``SNAPSHOT_CHECK_S`` seconds, so a re-render
after a filter change does no file I/O beyond DuckDB's own.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import streamlit as st

from thidua.formats import is_missing
from thidua.store import sql
from thidua.store.database import connect_read_only, resolve_db, snapshot_token
from thidua.store.sql import fetch_df

SNAPSHOT_CHECK_S = 10.0
QUERY_TTL_S = 600
QUERY_MAX_ENTRIES = 512


class SharedDatabase:
    """The live database file behind one lock; reconnects when an import replaced the file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lock = threading.RLock()
        self.con: duckdb.DuckDBPyConnection | None = None
        self.token: tuple[int, int] | None = None
        self.checked_at = 0.0

    def current_token(self, force: bool = False) -> tuple[int, int] | None:
        with self.lock:
            now = time.monotonic()
            if force or now - self.checked_at > SNAPSHOT_CHECK_S:
                self.checked_at = now
                token = snapshot_token(self.path)
                if token != self.token:
                    if self.con is not None:
                        self.con.close()  # the old file's instance must go before reopening
                        self.con = None
                    self.token = token
            return self.token

    def fetch(self, name: str, params: dict[str, Any]) -> pd.DataFrame:
        with self.lock:
            if self.token is None:
                return pd.DataFrame()
            if self.con is None:
                self.con = connect_read_only(self.path)
            return fetch_df(self.con, name, **params)

    def run(self, fn, *args: Any, **kwargs: Any) -> Any:
        """``fn(connection, *args, **kwargs)`` under the lock (documents built from queries)."""
        with self.lock:
            if self.con is None:
                self.current_token(force=True)
                self.con = connect_read_only(self.path)
            return fn(self.con, *args, **kwargs)


@st.cache_resource(max_entries=4)
def shared_database(path: str) -> SharedDatabase:
    return SharedDatabase(Path(path))


@functools.lru_cache(maxsize=16)
def _resolved_absolute(path: Path) -> str:
    return str(path.resolve())


def database() -> SharedDatabase:
    """This process's shared database (an absolute path resolved once: a ``stat`` a part)."""
    path = resolve_db()
    return shared_database(_resolved_absolute(path) if path.is_absolute()
                           else str(path.resolve()))


def _encode(value: Any) -> Any:
    """A parameter as JSON; a missing date (pandas' NaT is a ``datetime``) is NULL, not "NaT"."""
    if is_missing(value):
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _decode(params_json: str) -> dict[str, Any]:
    """The parameters of a cache key back as values (dates as dates)."""
    params = json.loads(params_json)
    for key in ("as_of", "period", "today"):
        if params.get(key):
            params[key] = dt.date.fromisoformat(params[key])
    return params


# A resource cache (one frame, no pickle): ``st.cache_data`` unpickles a result on every hit
# (0.1 to 0.3 ms a query, a dozen queries a run); ``query`` hands out a copy instead.
@st.cache_resource(ttl=QUERY_TTL_S, max_entries=QUERY_MAX_ENTRIES, show_spinner=False)
def _cached(name: str, params_json: str, db_path: str,
            token: tuple[int, int] | None) -> pd.DataFrame:
    return shared_database(db_path).fetch(name, _decode(params_json))


def _key(name: str, params: dict[str, Any]) -> tuple[str, str, str, tuple[int, int] | None]:
    db = database()
    token = db.current_token()
    params_json = json.dumps({k: _encode(v) for k, v in params.items()}, sort_keys=True)
    return name, params_json, str(db.path), token


def query(name: str, **params: Any) -> pd.DataFrame:
    """The named query's rows for these parameters (cached per database snapshot).

    The cache is shared by every session and keyed by query and parameters only, so what it
    holds must never depend on who asks: a unit head's named rows are cut to their unit after
    it, per account (``access.scoped``), before anything is shown or downloaded.
    """
    return _cached(*_key(name, params)).copy()


@st.cache_resource(ttl=QUERY_TTL_S, max_entries=QUERY_MAX_ENTRIES, show_spinner=False)
def _records(name: str, params_json: str, db_path: str,
             token: tuple[int, int] | None) -> list[dict[str, Any]]:
    return _cached(name, params_json, db_path, token).to_dict("records")


def rows(name: str, **params: Any) -> list[dict[str, Any]]:
    """The same cached result as a list of dicts: the ``fetch`` of ``thidua.metrics.kpis``.

    Made once per result (pandas writes records row by row), each call a copy of each dict.
    """
    return [dict(row) for row in _records(*_key(name, params))]


@st.cache_data(ttl=QUERY_TTL_S, max_entries=32, show_spinner=False)
def _document(kind: str, args_json: str, db_path: str, token: tuple[int, int] | None) -> bytes:
    from thidua.documents.official_list import official_list_bytes
    from thidua.documents.progress import build_report, render_report

    args = json.loads(args_json)
    args["as_of"] = dt.date.fromisoformat(args["as_of"])
    db = shared_database(db_path)
    if kind == "official_list":
        return db.run(official_list_bytes, **args)
    fmt = args.pop("fmt")
    # Only the queries hold the shared connection; charts and printing run outside the lock.
    return render_report(db.run(build_report, **args), fmt)


def document(kind: str, **args: Any) -> bytes:
    """A report's bytes ("official_list" or "progress"), cached per database snapshot."""
    db = database()
    token = db.current_token()
    args_json = json.dumps({k: _encode(v) for k, v in args.items()}, sort_keys=True)
    return _document(kind, args_json, str(db.path), token)


def refresh() -> None:
    """After an import: drop cached results and look at the file again now."""
    from dashboard.ui import figures

    _cached.clear()
    _cached_first.clear()
    _records.clear()
    _document.clear()
    figures.clear()
    database().current_token(force=True)


@st.cache_resource(ttl=QUERY_TTL_S, max_entries=QUERY_MAX_ENTRIES, show_spinner=False)
def _cached_first(name: str, params_json: str, limit: int, scope_column: str | None,
                  scope_json: str, count: str | None, db_path: str,
                  token: tuple[int, int] | None) -> tuple[pd.DataFrame, int | None]:
    params, scope = _decode(params_json), json.loads(scope_json)
    db = shared_database(db_path)
    if token is None:
        return pd.DataFrame(), 0
    rows = db.run(sql.fetch_first, name, limit, scope_column, scope, **params)
    total = (db.run(sql.count_rows, name, scope_column, scope, None if count == name else count,
                    **params) if count else None)
    return rows, total


def first_rows(name: str, limit: int, scope_column: str | None, scope_units: list[str] | None,
               count: str | None = None, **params: Any) -> tuple[pd.DataFrame, int | None]:
    """The named query's first ``limit`` rows (only those of ``scope_units`` if given) and,
    with ``count`` (the query's own name, or a named query counting it), how many rows it has
    in all; cached per snapshot like :func:`query` (the scope is part of the key: one unit's
    rows never reach another account)."""
    name, params_json, db_path, token = _key(name, params)
    scope_json = json.dumps(sorted(scope_units) if scope_units is not None else None)
    rows, total = _cached_first(name, params_json, limit, scope_column, scope_json, count,
                                db_path, token)
    return rows.copy(), total


def all_rows(name: str, scope_column: str | None, scope_units: list[str] | None,
             **params: Any) -> Callable[[], pd.DataFrame]:
    """What gives every row of the named query (of ``scope_units`` if given), read when it is
    called and not cached: a download's rows, built when its link is fetched."""
    db = database()

    def every_row() -> pd.DataFrame:
        return db.run(sql.fetch_first, name, None, scope_column, scope_units, **params)

    return every_row
