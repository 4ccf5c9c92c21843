"""Re-render time of the dashboard after a filter change, measured with Streamlit's AppTest.

Loads the bundled sample into a temporary database, opens each page, then changes the as-of
date and the unit filter back and forth; reports the median run time per page (first, cold
render and the median of warm re-renders), so a regression shows as a ratio, never as a test
failure. Last, the largest table of the sample (every evaluation result, about 2,000 rows, each
cell written by ``thidua.formats`` through a pandas Styler) is re-rendered as it stands.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "streamlit_app.py")
PAGES = ("app_pages/overview.py", "app_pages/participation.py", "app_pages/criteria.py",
         "app_pages/nominations.py", "app_pages/tables.py")


def main() -> None:
    from thidua.ingest.load import load

    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        load(ROOT / "data" / "sample" / "thidua_mau.xlsx", db)
        os.environ["THIDUA_DB"] = str(db)
        dates = [dt.date(2025, 11, 30), dt.date(2026, 1, 15), dt.date(2026, 3, 31)]
        for page in PAGES:
            at = AppTest.from_file(APP, default_timeout=120)
            at.run()
            start = time.perf_counter()
            at.switch_page(page).run()
            cold = time.perf_counter() - start
            warm = []
            for i in range(rounds):
                at.sidebar.date_input[0].set_value(dates[i % len(dates)])
                start = time.perf_counter()
                at.run()
                warm.append(time.perf_counter() - start)
                assert not at.exception, at.exception
            print(f"{page:<32} first render {cold * 1000:7.0f} ms   "
                  f"re-render after a filter change: median {statistics.median(warm) * 1000:6.0f}"
                  f" ms (n={rounds})")

        largest_table(rounds)


def largest_table(rounds: int) -> None:
    """Re-render time of the Tables page showing every evaluation result."""
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("app_pages/tables.py").run()
    at.segmented_control(key="table_choice").set_value("table_evaluations").run()
    at.selectbox(key="period_table_evaluations").select_index(0).run()  # all periods
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
        assert not at.exception, at.exception
    print(f"{'tables: every evaluation':<32} {len(at.dataframe[0].value):,} rows: re-render "
          f"median {statistics.median(times) * 1000:6.0f} ms (n={rounds})")


if __name__ == "__main__":
    main()
