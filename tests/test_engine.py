"""``thidua.store.engine``: DuckDB's engine without the package's Python front (issue 10).

The fast path's connections come from ``_duckdb`` directly; this holds only while those are
the very objects the ``duckdb`` package hands out, which a new DuckDB could change.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import duckdb

from thidua.store import engine


def test_the_engine_is_the_packages_own() -> None:
    assert engine.connect is duckdb.connect
    assert engine.CatalogException is duckdb.CatalogException
    assert engine.DuckDBPyConnection is duckdb.DuckDBPyConnection


def test_a_connection_without_the_package_runs_the_named_queries(tiny_db: Path) -> None:
    """In a process that never imports ``duckdb``: read-only connect, macros, dates, lists."""
    code = (
        "import sys, datetime as dt\n"
        "from thidua.store import aggregates\n"
        "from thidua.store.sql import SUMMARY_MACROS, fetch_rows\n"
        f"con = aggregates.connect_reader({str(tiny_db)!r}, SUMMARY_MACROS)\n"
        "rows = fetch_rows(con, 'metrics/unit_metrics', campaign_code='TD25',\n"
        "                  as_of=dt.date(2025, 12, 31), period=None, unit_codes=['TH'])\n"
        "assert rows and all(r['unit_code'].startswith('TH') for r in rows), rows\n"
        "assert 'duckdb' not in sys.modules, 'the package was imported'\n"
        "print(len(rows))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert int(run.stdout) >= 1


def test_dates_come_back_as_dates(tiny_db: Path) -> None:
    con = engine.connect(str(tiny_db), read_only=True)
    try:
        (day,) = con.execute("select cast($d as date)", {"d": dt.date(2025, 1, 2)}).fetchone()
    finally:
        con.close()
    assert day == dt.date(2025, 1, 2)
