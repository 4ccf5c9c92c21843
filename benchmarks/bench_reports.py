"""Time to build each document on the bundled sample: medians of repeated in-process runs.

The official list (xlsx) and the progress report (html, xlsx, pdf). The PDF time includes
rendering every chart with kaleido (Debian Chromium) and printing with Chromium.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from thidua.documents.official_list import official_list_bytes
from thidua.documents.progress import progress_report_bytes
from thidua.ingest.load import load
from thidua.metrics.summary import resolve_as_of, resolve_campaign
from thidua.store.database import connect_read_only

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        load(ROOT / "data" / "sample" / "thidua_mau.xlsx", db)
        con = connect_read_only(db)
        code = resolve_campaign(con, None)
        day = resolve_as_of(con, code, None)
        jobs = {
            "official list (xlsx)": lambda: official_list_bytes(con, code, day, None, None),
            "progress report (html)": lambda: progress_report_bytes(con, "html", code, day, None),
            "progress report (xlsx)": lambda: progress_report_bytes(con, "xlsx", code, day, None),
            "progress report (pdf)": lambda: progress_report_bytes(con, "pdf", code, day, None),
        }
        for label, job in jobs.items():
            times, size = [], 0
            for _ in range(repeat):
                start = time.perf_counter()
                size = len(job())
                times.append(time.perf_counter() - start)
            print(f"{label:<24} median {statistics.median(times):6.2f} s over {repeat} runs, "
                  f"{size / 1024:,.0f} KiB")
        con.close()


if __name__ == "__main__":
    main()
