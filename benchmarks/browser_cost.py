"""What one viewer's browser spends on each action of the load cycle, thidua against the baseline.

    uv run python benchmarks/browser_cost.py --rounds 4

The same stack, driver and cycle as ``load_viewers.py`` (nginx in front of one ``thidua serve``,
then the one-chart baseline behind the same nginx), but one viewer and no imports: nothing waits
for a core, so what is measured is the page's own cost in the browser. For each action, the
delta of Chromium's own counters of the page's main thread (CDP ``Performance.getMetrics``:
``TaskDuration``, ``ScriptDuration``, ``LayoutDuration``, ``RecalcStyleDuration``) from the
click until the change is shown and one more second has passed (Plotly's second draw, the
table's canvas), and the CPU of all Chromium processes over the whole run (``/proc``).
Medians per action over ``--rounds`` rounds of the cycle (the first round is not counted: code
and fonts load on it). A lever is judged by the task time per round, thidua ÷ baseline.

``--slow-server N`` makes the server slow, as 20 viewers on 2 cores make it, without more
browsers: the servers run on the last CPU with N busy processes (each in a session of its own,
since the kernel shares a core between sessions, not processes), the browser and this script
on the others. The median time an action takes until it is shown is reported with each run.
``--slow-browser N`` is the other way round: the browser on the first CPU beside N busy
processes, the server alone on the last (one browser starved of CPU, as each of 20 browsers on
2 cores is, without the 19 others).
Results: a Markdown table on stdout, every figure in ``artifacts/browser_cost.json``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.load_viewers import (  # noqa: E402
    CONTEXT,
    CYCLE,
    baseline_command,
    cpu_s,
    sign_in,
)
from tests.browser import stack as st  # noqa: E402
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.browser.drive import ACTION_TIMEOUT_MS, Viewer  # noqa: E402

OUT = ROOT / "artifacts" / "browser_cost.json"
TASKSET = "taskset"
METRICS = ("TaskDuration", "ScriptDuration", "LayoutDuration", "RecalcStyleDuration")
SETTLE_S = 1.0  # after the change is shown: Plotly's redraw for its margins, late paints


async def counters(cdp) -> dict[str, float]:
    got = await cdp.send("Performance.getMetrics")
    return {m["name"]: m["value"] for m in got["metrics"] if m["name"] in METRICS}


async def measure(browser, url: str, name: str | None, rounds: int) -> dict:
    context = await browser.new_context(**CONTEXT)
    page = await context.new_page()
    page.set_default_timeout(ACTION_TIMEOUT_MS)
    cdp = await context.new_cdp_session(page)
    await cdp.send("Performance.enable")
    viewer = Viewer(page, url, name)
    await sign_in(page, url, name)
    per_kind: dict[str, list[dict[str, float]]] = {}
    shown_s: list[float] = []
    cpu_start = None
    for i in range(rounds * len(CYCLE)):
        if i == len(CYCLE):  # the first round warms up
            cpu_start = cpu_s()
        kind, arg = CYCLE[i % len(CYCLE)]
        before = await counters(cdp)
        took = await viewer.act(kind, arg)
        await asyncio.sleep(SETTLE_S)
        after = await counters(cdp)
        if i >= len(CYCLE):
            key = f"{kind} {arg}".strip()
            per_kind.setdefault(key, []).append(
                {m: 1000 * (after[m] - before[m]) for m in METRICS})
            shown_s.append(took)
    cpu = cpu_s() - (cpu_start or 0)
    await context.close()
    medians = {k: {m: round(statistics.median(s[m] for s in v)) for m in METRICS}
               for k, v in per_kind.items()}
    counted = (rounds - 1) * len(CYCLE)
    return {"by_action": medians,
            "task_ms_per_round": sum(v["TaskDuration"] for v in medians.values()),
            "cpu_ms_per_action": round(1000 * cpu / counted),
            "shown_s_median": round(statistics.median(shown_s), 3)}


def pinned(command, cpu: int):
    """``command`` (a stack's backend command) run on CPU ``cpu`` only."""
    def run(port: int, root: Path) -> tuple[list[str], dict[str, str]]:
        argv, env = command(port, root)
        return [TASKSET, "-c", str(cpu), *argv], env
    return run


def hogs(count: int, cpu: int) -> list[subprocess.Popen]:
    """``count`` busy processes on CPU ``cpu``, each in a session of its own."""
    spin = f"import os; os.sched_setaffinity(0, {{{cpu}}})\nwhile True: pass"
    return [subprocess.Popen([sys.executable, "-c", spin], start_new_session=True)
            for _ in range(count)]


async def run(args) -> list[dict]:
    from playwright.async_api import async_playwright

    OUT.parent.mkdir(exist_ok=True)
    root = Path(tempfile.mkdtemp(prefix="thidua-cost-"))
    st.prepare(root, {"lanh.dao00": "lanh_dao"})
    targets = [("thidua", st.unit_command, "lanh.dao00")]
    targets += [("one chart", baseline_command, None)] if args.baseline else []
    results, busy = [], []
    server_cpu = (os.cpu_count() or 1) - 1
    if args.slow_server:
        if not server_cpu or not shutil.which(TASKSET):
            raise SystemExit("--slow-server needs two CPUs and taskset (util-linux)")
        targets = [(label, pinned(command, server_cpu), name)
                   for label, command, name in targets]
        os.sched_setaffinity(0, set(range(server_cpu)))  # Chromium inherits it
    if args.slow_browser:
        if not server_cpu or not shutil.which(TASKSET):
            raise SystemExit("--slow-browser needs two CPUs and taskset (util-linux)")
        targets = [(label, pinned(command, server_cpu), name)
                   for label, command, name in targets]
        os.sched_setaffinity(0, {0})  # Chromium inherits it
    try:
        async with async_playwright() as api:
            for label, command, name in targets:
                with st.running(root, 1, None, command) as stack:
                    busy = hogs(args.slow_server, server_cpu) + hogs(args.slow_browser, 0)
                    browser = await api.chromium.launch(executable_path=str(CHROMIUM), args=[
                        *CHROMIUM_ARGS, f"--host-resolver-rules=MAP {st.SERVER_NAME} 127.0.0.1"])
                    print(f"{label} …", file=sys.stderr, flush=True)
                    results.append({"target": label, "slow_server": args.slow_server,
                                    "slow_browser": args.slow_browser,
                                    **await measure(browser, stack.url, name, args.rounds)})
                    await browser.close()
                    for hog in busy:
                        hog.kill()
                    busy = []
    finally:
        for hog in busy:
            hog.kill()
        shutil.rmtree(root, ignore_errors=True)
    OUT.write_text(json.dumps(results, indent=1, ensure_ascii=False))
    return results


def table(results: list[dict]) -> str:
    kinds = list(results[0]["by_action"])
    head = "| action | " + " | ".join(f"{r['target']}: task / script / layout ms"
                                      for r in results) + " |"
    lines = [head, "|---" * (len(results) + 1) + "|"]
    for k in kinds:
        cells = [" / ".join(str(r["by_action"][k][m]) for m in METRICS[:3]) for r in results]
        lines.append(f"| {k} | " + " | ".join(cells) + " |")
    lines.append("| **task ms per round** | " + " | ".join(
        str(r["task_ms_per_round"]) for r in results) + " |")
    lines.append("| **CPU ms per action, all Chromium** | " + " | ".join(
        str(r["cpu_ms_per_action"]) for r in results) + " |")
    lines.append("| **an action shown after, median s** | " + " | ".join(
        str(r["shown_s_median"]) for r in results) + " |")
    if len(results) == 2:
        a, b = (r["task_ms_per_round"] for r in results)
        lines.append(f"\nthidua ÷ one chart, task time per round: {a / b:.2f}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=4,
                        help="rounds of the cycle (the first warms up)")
    parser.add_argument("--no-baseline", dest="baseline", action="store_false")
    parser.add_argument("--slow-server", type=int, default=0, metavar="N",
                        help="the servers on the last CPU with N busy processes beside them")
    parser.add_argument("--slow-browser", type=int, default=0, metavar="N",
                        help="the browser on the first CPU with N busy processes beside it")
    args = parser.parse_args()
    if args.rounds < 2:
        parser.error("--rounds must be at least 2 (the first round is not counted)")
    print(table(asyncio.run(run(args))))


if __name__ == "__main__":
    main()
