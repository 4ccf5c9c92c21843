"""Issue 10's benchmark: for each scale, generate, load, query, render, summarise — and pandas.

``uv run python -m benchmarks.scale [--scales office,province,national] [--rounds 5]``

For each scale: generate the sample (``thidua sample``; the office is the bundled workbook),
``thidua load`` it into a fresh database (subprocess: time and peak memory of its process tree,
stopped at ``--load-cap-gb`` or ``--load-timeout``), render each dashboard page with AppTest
and time every query the pages ran (medians of ``--rounds`` after a warm-up), run ``thidua
summary --json`` (as ``./thidua.sh``, the way the README runs it) and, in the same run over
the same CSV files, the plain pandas script (``benchmarks/pandas_summary.py``): ratios of
time and memory, and whether the numbers agree.
Results go to ``benchmarks/results/scale.json`` and the "Scale (issue 10)" section of
``benchmarks/RESULTS.md`` (see ``report``). The national scale needs about 10 GB of memory and
half an hour: ``make bench-scale SCALES=national`` on a machine with nothing else running.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
from pathlib import Path

from benchmarks import pages, report
from benchmarks.measure import run

ROOT = Path(__file__).resolve().parent.parent
THIDUA = [sys.executable, "-m", "thidua.cli"]
# The summary is timed as a person runs it (README): ``./thidua.sh summary --json``, the shell
# script that starts the environment's ``thidua`` (its start-up is part of the number).
THIDUA_SH = [str(ROOT / "thidua.sh")]


def _office_csv(folder: Path) -> Path:
    """The office sample as a CSV folder with Vietnamese headers (for the pandas script)."""
    from thidua.contract.reference import TABLES
    from thidua.sample import build_sample

    folder.mkdir(parents=True, exist_ok=True)
    for table, df in zip(TABLES, build_sample("office").values(), strict=True):
        df.rename(columns={c.name: c.label_vi for c in table.columns}).to_csv(
            folder / f"{table.name}.csv", index=False)
    return folder


def _generate(scale: str, work: Path, result: dict) -> tuple[Path, Path]:
    """(what thidua loads, the CSV folder pandas reads)."""
    if scale == "office":
        from thidua.paths import SAMPLE_WORKBOOK

        return SAMPLE_WORKBOOK, _office_csv(work / "office-csv")
    folder = work / scale
    gen = run([*THIDUA, "sample", "--scale", scale, "--out", str(folder)])
    result["generate"] = {"seconds": round(gen.seconds, 1), "peak_mb": round(gen.peak_mb),
                          "csv_mb": round(sum(p.stat().st_size for p in folder.glob("*.csv"))
                                          / 2**20)}
    return folder, folder


def _repeat(cmd: list[str], times: int) -> tuple[float, float, str]:
    runs = [run(cmd) for _ in range(times)]
    return (statistics.median(r.seconds for r in runs), max(r.peak_mb for r in runs),
            runs[-1].stdout)


def _summaries(db: Path, csv: Path, rounds: int, result: dict) -> None:
    run([*THIDUA_SH, "--help"])  # not timed: the script's one-off sync if uv.lock changed
    t_s, m_s, out_s = _repeat([*THIDUA_SH, "summary", "--db", str(db), "--json"], rounds)
    t_p, m_p, out_p = _repeat([sys.executable, str(ROOT / "benchmarks" / "pandas_summary.py"),
                               str(csv)], rounds)
    same = json.loads(out_s) == json.loads(out_p)
    result["load_average_end_1m"] = round(os.getloadavg()[0], 1)
    result["summary"] = {"thidua_s": round(t_s, 2), "thidua_mb": round(m_s),
                         "pandas_s": round(t_p, 2), "pandas_mb": round(m_p),
                         "speedup": round(t_p / t_s, 1), "memory_ratio": round(m_s / m_p, 2),
                         "same_numbers": same}


def _pandas_alone(csv: Path, args: argparse.Namespace, result: dict) -> None:
    """thidua could not load: what the pandas script costs on the same files (capped too)."""
    alone = run([sys.executable, str(ROOT / "benchmarks" / "pandas_summary.py"), str(csv)],
                cap_bytes=int(args.load_cap_gb * 2**30), timeout_s=args.load_timeout)
    result["summary"] = {"pandas_s": round(alone.seconds, 1), "pandas_mb": round(alone.peak_mb),
                         "pandas_stopped": alone.stopped, "pandas_exit": alone.returncode}
    print(f"[{csv.name}] pandas alone: {result['summary']}", flush=True)


def bench_scale(scale: str, work: Path, args: argparse.Namespace) -> dict:
    # Other jobs share the machine: their load is part of the record.
    result: dict = {"scale": scale, "load_average_1m": round(os.getloadavg()[0], 1)}
    source, csv = _generate(scale, work, result)
    db = work / f"{scale}.duckdb"
    db.unlink(missing_ok=True)
    load = run([*THIDUA, "load", str(source), "--db", str(db), "--lang", "en"],
               cap_bytes=int(args.load_cap_gb * 2**30), timeout_s=args.load_timeout)
    result["load"] = {"seconds": round(load.seconds, 1), "peak_mb": round(load.peak_mb),
                      "exit": load.returncode, "stopped": load.stopped}
    print(f"[{scale}] load: {result['load']}", flush=True)
    if load.stopped or load.returncode != 0:
        result["load"]["output_tail"] = load.stdout[-600:]
        _pandas_alone(csv, args, result)
        return result
    rendered, calls = pages.render_pages(db, args.rounds)
    result["pages"] = rendered
    result["queries"] = pages.time_queries(db, calls, args.rounds)
    print(f"[{scale}] pages: {rendered}", flush=True)
    _summaries(db, csv, args.rounds, result)
    print(f"[{scale}] summary: {result['summary']}", flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description="issue 10 scale benchmark")
    parser.add_argument("--scales", default="office,province,national")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--work", type=Path, default=Path("/tmp/thidua-bench-scale"))
    parser.add_argument("--load-cap-gb", type=float, default=12.0)
    parser.add_argument("--load-timeout", type=float, default=600.0)
    parser.add_argument("--label", default="before", help="e.g. before / after (RESULTS.md)")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    results = [bench_scale(s, args.work, args) for s in args.scales.split(",")]
    report.record(results, args.label)


if __name__ == "__main__":
    main()
