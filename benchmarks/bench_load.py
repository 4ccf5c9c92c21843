"""Load and summary speed: medians of repeated runs, rows per second, and their ratio.

Run with `make bench`. Measures, on this machine:
* `thidua load` (in process) of the bundled office sample workbook (fresh database each run);
* `thidua load` of a generated CSV folder of about 1 million evaluation rows (the province
  sample at 45% of its size; the full province and national sizes: `benchmarks.scale`);
* `thidua summary` on each resulting database.
Speed is reported, never asserted: tests hold no timing assertions.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from thidua.ingest.load import load
from thidua.metrics.summary import build_summary
from thidua.sample import write_sample
from thidua.store.database import connect_read_only

ROOT = Path(__file__).resolve().parent.parent


def _timed(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def bench(source: Path, label: str, repeat: int, workdir: Path) -> None:
    counter = iter(range(1000))

    def run_load():
        db = workdir / f"{label}-{next(counter)}.duckdb"
        outcome = load(source, db)
        assert outcome.outcome == "imported", outcome.errors[:3]
        return db, outcome

    load_s, (db, outcome) = _timed(run_load, repeat)
    rows = sum(outcome.rows.values())
    con = connect_read_only(db)
    summary_s, _ = _timed(lambda: build_summary(con), max(repeat, 5))
    con.close()
    print(f"{label:<10} rows={rows:>9,}  evaluations={outcome.rows['evaluations']:>9,}  "
          f"load median={load_s:6.2f}s  rows/s={rows / load_s:>9,.0f}  "
          f"summary median={summary_s * 1000:6.1f}ms")


def main() -> None:
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        bench(ROOT / "data" / "sample" / "thidua_mau.xlsx", "office", repeat, workdir)
        folder = write_sample(workdir / "province", scale="province", rows_factor=0.45)
        bench(folder, "1M rows", repeat, workdir)


if __name__ == "__main__":
    main()
