"""The scale benchmark's record: ``benchmarks/results/scale.json`` and its RESULTS.md section.

Runs are kept per label (``before``: today's loader; ``after``: once the streaming loader and
the precomputed aggregates land) and scale, so a later run of one scale replaces only its own
row. The markdown section sits between two markers in ``benchmarks/RESULTS.md`` and is
rewritten whole; everything else in that file (other sections) is left as it is.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JSON = ROOT / "benchmarks" / "results" / "scale.json"
MARKDOWN = ROOT / "benchmarks" / "RESULTS.md"
BEGIN, END = "<!-- scale:begin -->", "<!-- scale:end -->"


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
               platform.processor())
    mem = int(Path("/proc/meminfo").read_text().split()[1]) / 2**20
    libs = ", ".join(f"{p} {version(p)}" for p in ("duckdb", "pandas", "pyarrow", "streamlit"))
    return (f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB RAM shared with other jobs, "
            f"{platform.system()} {platform.release()}, Python {platform.python_version()}, "
            f"{libs}")


def record(results: list[dict], label: str) -> None:
    data = json.loads(JSON.read_text()) if JSON.exists() else {"runs": {}}
    runs = data["runs"].setdefault(label, {})
    for r in results:
        runs[r["scale"]] = {**r, "date": dt.date.today().isoformat()}
    data["machine"] = machine()
    JSON.parent.mkdir(parents=True, exist_ok=True)
    JSON.write_text(json.dumps(data, ensure_ascii=False, indent=1, default=str) + "\n")
    write_markdown(data)


def _fmt(v, unit: str = "") -> str:
    return "–" if v is None else f"{v:,}{unit}"


def _scale_rows(label: str, runs: dict) -> list[str]:
    lines = [f"### {label}", "",
             "| scale | generate | CSV | load | load peak | summary (thidua) | summary (pandas) "
             "| speed-up | memory thidua/pandas | same numbers | machine load (1 min) |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for scale in ("office", "province", "national"):
        r = runs.get(scale)
        if not r:
            continue
        g, ld, s = r.get("generate", {}), r["load"], r.get("summary", {})
        load = f"{ld['seconds']} s" + (f" (stopped: {ld['stopped']})" if ld.get("stopped")
                                       else "" if ld.get("exit") == 0 else f" (exit {ld['exit']})")
        lines.append(
            f"| {scale} | {_fmt(g.get('seconds'), ' s')} | {_fmt(g.get('csv_mb'), ' MB')} "
            f"| {load} | {_fmt(ld['peak_mb'], ' MB')} "
            f"| {_fmt(s.get('thidua_s'), ' s')}, {_fmt(s.get('thidua_mb'), ' MB')} "
            f"| {_fmt(s.get('pandas_s'), ' s')}, {_fmt(s.get('pandas_mb'), ' MB')}"
            f"{' (stopped: ' + s['pandas_stopped'] + ')' if s.get('pandas_stopped') else ''} "
            f"| {_fmt(s.get('speedup'), '×')} | {_fmt(s.get('memory_ratio'))} "
            f"| {s.get('same_numbers', '–')} | {_fmt(r.get('load_average_1m'))} |")
    return lines


def _page_rows(runs: dict) -> list[str]:
    lines = ["", "Page render, server side (AppTest, ms: first render / re-render with the same "
             "filters / re-render after a filter change, a new as-of date each time) and the "
             "slowest of the queries the pages ran (median):", "",
             "| scale | " + " | ".join(("overview", "participation", "criteria", "nominations",
                                        "tables")) + " | slowest query | queries |",
             "|---|---|---|---|---|---|---|---|"]
    for scale in ("office", "province", "national"):
        r = runs.get(scale)
        if not r or "pages" not in r:
            continue
        cells = [f"{_fmt(p['first_ms'])} / {_fmt(p['median_ms'])} / "
                 f"{_fmt(p.get('filter_change_ms'))}" for p in r["pages"].values()]
        q = r["queries"][0] if r["queries"] else {"query": "–", "median_ms": 0}
        lines.append(f"| {scale} | " + " | ".join(cells) +
                     f" | {q['query']} {q['median_ms']} ms | {len(r['queries'])} |")
    return lines


def write_markdown(data: dict) -> None:
    body = ["## Scale (issue 10)", "",
            "`make bench-scale` (`uv run python -m benchmarks.scale`). Medians; peak memory "
            "is the process tree's "
            "resident set, polled. Raw numbers, every query: `benchmarks/results/scale.json`.",
            "", f"Machine: {data['machine']}.", ""]
    for label, runs in data["runs"].items():
        body += _scale_rows(label, runs) + _page_rows(runs) + [""]
    section = BEGIN + "\n" + "\n".join(body).rstrip() + "\n" + END
    text = MARKDOWN.read_text() if MARKDOWN.exists() else "# Benchmark results\n"
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        text = head + section + rest.split(END, 1)[1]
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    MARKDOWN.write_text(text)
