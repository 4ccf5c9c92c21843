"""The dashboard's pages at one database: the AppTest render of each page and the queries it runs.

``render_pages(db, rounds)`` opens each page with Streamlit's AppTest (after one warm-up run of
the app; the query cache emptied before each page, so its first render runs its queries),
re-runs it ``rounds`` times and records every named query the page asked the
database for (``dashboard.ui.state.SharedDatabase.fetch``: the SQL the pages run, with their
default filters). ``time_queries(db, calls, rounds)`` then runs each recorded query on its own
read-only connection, ``rounds`` times after one warm-up. Medians everywhere.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "streamlit_app.py")
PAGES = ("app_pages/overview.py", "app_pages/participation.py", "app_pages/criteria.py",
         "app_pages/nominations.py", "app_pages/tables.py")


def _one_page(app_test, page: str, rounds: int) -> dict:
    """First render, re-render (same filters: cached queries) and re-render after a filter
    change (a new as-of date each round: every query runs)."""
    at = app_test.from_file(APP, default_timeout=600)
    start = time.perf_counter()
    at.run()  # the default page (overview)
    opened = time.perf_counter() - start
    start = time.perf_counter()
    at.switch_page(page).run()
    first = opened if page.endswith("overview.py") else time.perf_counter() - start
    same, changed = [], []
    for i in range(rounds):
        start = time.perf_counter()
        at.run()
        same.append(time.perf_counter() - start)
        at.sidebar.date_input[0].set_value(dt.date(2025, 11, 3) + dt.timedelta(days=9 * i))
        start = time.perf_counter()
        at.run()
        changed.append(time.perf_counter() - start)
    return {"first_ms": round(first * 1000),
            "median_ms": round(statistics.median(same) * 1000),
            "filter_change_ms": round(statistics.median(changed) * 1000),
            "error": bool(at.exception)}


def render_pages(db: Path, rounds: int) -> tuple[dict[str, dict], list[tuple]]:
    """{page: {first_ms, median_ms, filter_change_ms}} and the distinct queries the pages ran:
    (query, params) for a whole result, (query, params, how) for a long list's first rows or
    its count (``dashboard/ui/named_list.py``: how = (fn, positional args))."""
    from streamlit.testing.v1 import AppTest

    from dashboard.ui import state
    from thidua.store import sql

    calls: dict[str, tuple] = {}
    original, original_run = state.SharedDatabase.fetch, state.SharedDatabase.run

    def recording(self, name: str, params: dict[str, Any]):
        key = name + json.dumps(params, sort_keys=True, default=str)
        calls.setdefault(key, (name, dict(params)))
        return original(self, name, params)

    def recording_run(self, fn, *args: Any, **kwargs: Any):
        if fn in (sql.fetch_first, sql.count_rows):
            key = fn.__name__ + json.dumps([args, kwargs], sort_keys=True, default=str)
            calls.setdefault(key, (args[0], dict(kwargs), (fn, args[1:])))
        return original_run(self, fn, *args, **kwargs)

    os.environ["THIDUA_DB"] = str(db)
    state.SharedDatabase.fetch, state.SharedDatabase.run = recording, recording_run
    results: dict[str, dict] = {}
    try:
        AppTest.from_file(APP, default_timeout=600).run()  # warm-up: imports, first script run
        for page in PAGES:
            state._cached.clear()  # each page's first render runs its queries
            state._records.clear()
            state._cached_first.clear()
            results[page.split("/")[-1][:-3]] = _one_page(AppTest, page, rounds)
    finally:
        state.SharedDatabase.fetch, state.SharedDatabase.run = original, original_run
    return results, list(calls.values())


def _runner(call: tuple):
    """(label, the function running the recorded query once on a connection)."""
    from thidua.store.sql import fetch_df

    name, params = call[0], call[1]
    if len(call) == 2:
        return name, lambda con: len(fetch_df(con, name, **params))
    fn, args = call[2]
    label = f"{name} ({'first rows' if fn.__name__ == 'fetch_first' else 'count'})"
    return label, lambda con: (lambda out: out if isinstance(out, int) else len(out))(
        fn(con, name, *args, **params))


def time_queries(db: Path, calls: list[tuple], rounds: int) -> list[dict]:
    """Median time of each recorded query (one warm-up run first), slowest first."""
    from thidua.store.database import connect_read_only

    con = connect_read_only(db)
    rows = []
    try:
        for call in calls:
            label, once = _runner(call)
            once(con)
            times = []
            for _ in range(rounds):
                start = time.perf_counter()
                n = once(con)
                times.append(time.perf_counter() - start)
            rows.append({"query": label, "rows": n,
                         "median_ms": round(statistics.median(times) * 1000, 1)})
    finally:
        con.close()
    return sorted(rows, key=lambda r: -r["median_ms"])
