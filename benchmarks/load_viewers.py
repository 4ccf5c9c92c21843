"""Many signed-in viewers at once through the reverse proxy, while imports land (issue 9).

    uv run python benchmarks/load_viewers.py --viewers 5,10,20

The stack is the proxy test's (``tests/browser/stack.py``: the committed nginx site, TLS, in
front of ``thidua serve``s started by the systemd unit's command), with 1, then 3 processes;
the baseline (``one_chart_app.py``: one chart a page, the same widgets and labels) runs behind
the same nginx. For each N, contexts sign in (``lanh_dao`` accounts; not timed; those of the
smaller N stay) up to N, then for ``--duration`` s each repeats: as-of date, a unit, a page,
English, the Tables page and its CSV (a link to thidua's download route: saved and failed
CSVs are counted), units cleared, Vietnamese, another date, the Overview.
Meanwhile ``thidua load --replace-all`` lands one of two workbooks in turn every
``--import-every`` s, during the baseline too. Re-render: click → Streamlit's run over (no
running indicator, connected), the change visible (address parameters, the title in its
language), every chart drawn. One Chromium with N contexts: each context has its own renderer
processes (a separate browser's page work) without N browser and GPU processes fighting for
the 2 cores; one asyncio loop drives them. Server time per run: ``$THIDUA_TIMING_LOG``
(``dashboard/ui/timing.py``: the script's time, its time on a core and its wait for one). CPU per
action: the CPU seconds Chromium's and the servers' processes used in the phase, over its
actions (``/proc``). RSS: sum over the servers' process groups, sampled each second.
Results: a Markdown table on stdout and every figure in ``artifacts/load_viewers.json``, with
each step of the cycle's count, p50 and p95 (``by_step``: which steps make the p95), and the
pages' own main-thread counters per action (``renderer_per_action``: CDP task, script, layout
and style time and counts, summed over the viewers).

``--cycle criteria-lang`` (or another of ``CYCLES``) has every viewer repeat one page's steps
only, from where ``START`` puts it: what one page costs each of many renderers, a page element
taken out at a time in a test build (``benchmarks/RESULTS.md``, ninth session).

``--spread`` starts viewer i at step i mod 10 of the cycle (brought there untimed before the
phase), so the steps are taken in equal numbers and not all at the same moment; without it every
viewer begins at the as-of date, a quarter second after the one before (the earlier runs).
``--warm`` first takes each viewer once round the cycle, untimed, so that what is timed is
re-renders, not a tab's first loading of an element's code (as ``browser_cost.py`` leaves out
its first round).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser import stack as st  # noqa: E402
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.browser.drive import ACTION_TIMEOUT_MS, DONE, POLL_MS, Viewer  # noqa: E402
from thidua.catalogue import t  # noqa: E402
from thidua.cli.serve import streamlit_command  # noqa: E402

BASELINE = ROOT / "benchmarks" / "one_chart_app.py"
OUT = ROOT / "artifacts" / "load_viewers.json"
CONTEXT = dict(ignore_https_errors=True, accept_downloads=True, locale="vi-VN",
               viewport={"width": 1400, "height": 900})  # a viewer's browser context
CYCLE = (("as_of", "2025-12-15"), ("unit", "add"), ("page", "page_criteria"), ("lang", "en"),
         ("page", "page_tables"), ("download", ""), ("unit", "clear"), ("lang", "vi"),
         ("as_of", "2026-01-15"), ("page", "page_overview"))



def pct(values: list[float], q: int) -> float | None:
    return (statistics.quantiles(values, n=100, method="inclusive")[q - 1]
            if len(values) > 1 else (values or [None])[0])


def processes():
    """(its ``/proc`` folder, its command name, the fields of its ``stat`` after the name) of
    every process there is."""
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            head, rest = (proc / "stat").read_text().rsplit(")", 1)
        except (OSError, ValueError):
            continue
        yield proc, head.rsplit("(", 1)[-1], rest.split()


def rss_mb(groups: list[int]) -> float:
    """Resident memory of every process in these process groups, in MB."""
    total = 0
    for proc, _name, fields in processes():
        try:
            if int(fields[2]) in groups:
                total += int(next(line for line in (proc / "status").read_text().splitlines()
                                  if line.startswith("VmRSS:")).split()[1])
        except (OSError, StopIteration, ValueError, IndexError):
            continue
    return total / 1024


def cpu_s(groups: list[int] | None = None) -> float:
    """CPU seconds (user and system) used so far by the processes of these process groups, or
    with no groups by every Chromium process (the viewers' browsers)."""
    tick, total = os.sysconf("SC_CLK_TCK"), 0
    for _proc, name, fields in processes():
        try:
            if (int(fields[2]) in groups) if groups else "chrom" in name:
                total += int(fields[11]) + int(fields[12])
        except (ValueError, IndexError):
            continue
    return total / tick


async def sign_in(page, url: str, name: str | None) -> None:
    """Open the app (and sign in, for thidua) until the Overview and its chart are shown."""
    await page.goto(f"{url}/")
    if name:  # thidua: the sign-in form first
        await page.get_by_label(t("signin_page_name", "vi")).fill(name)
        await page.get_by_label(t("signin_page_password", "vi")).fill(st.password(name))
        await page.get_by_role("button", name=t("signin_page_submit", "vi")).click()
    await page.wait_for_function(DONE, arg=[{}, t("page_overview", "vi"), 1],
                                 timeout=ACTION_TIMEOUT_MS, polling=POLL_MS)


# Focused cycles (``--cycle``): one page's steps only, to weigh what each costs a renderer
# among many; each begins where START puts it (not timed).
CYCLES = {"full": CYCLE,
          "criteria-lang": (("lang", "en"), ("lang", "vi")),
          "criteria-arrive": (("page", "page_criteria"), ("page", "page_overview")),
          "overview-lang": (("lang", "en"), ("lang", "vi"))}
START = {"criteria-lang": (("page", "page_criteria"),)}
# ``--phases``: where an action's time goes, in the page's own clock. The page notes the time of
# the click (pointer down) and of each WebSocket message it handles after it; after the change is
# shown the driver reads: click → the run's first message (the click handled, the request sent,
# the server's queue and run start), → its last (the run, and the page handling its messages as
# they come), → found shown (drawing what the last messages said, and the 50 ms poll).
PHASES_SCRIPT = """(() => {
    const seen = window.__thiduaPhases = {click: 0, frames: []};
    addEventListener("pointerdown", () => { seen.click = performance.now(); seen.frames = []; },
                     true);
    const Native = window.WebSocket;
    window.WebSocket = class extends Native {
        constructor(...args) {
            super(...args);
            this.addEventListener("message", () => {
                if (seen.frames.length < 1000) seen.frames.push(performance.now());
            });
        }
    };
})();"""
PHASES_READ = """() => {
    const seen = window.__thiduaPhases, now = performance.now(), f = seen ? seen.frames : [];
    return seen && f.length ? [f[0] - seen.click, f[f.length - 1] - seen.click, now - seen.click,
                               f.length] : null;
}"""
RENDERER = ("TaskDuration", "ScriptDuration", "LayoutDuration", "RecalcStyleDuration",
            "LayoutCount", "RecalcStyleCount")


def cycle_name() -> str:
    return os.environ.get("LOAD_CYCLE", "full")


async def renderer_counters(viewers: list) -> dict[str, float]:
    """Chromium's counters of every viewer's page, summed (CDP ``Performance.getMetrics``)."""
    total = dict.fromkeys(RENDERER, 0.0)
    for viewer in viewers:
        with contextlib.suppress(Exception):
            got = await viewer.cdp.send("Performance.getMetrics")
            for m in got["metrics"]:
                if m["name"] in total:
                    total[m["name"]] += m["value"]
    return total


async def drive(viewer: Viewer, until: float, samples: list, errors: list,
                phases: list | None = None) -> None:
    """The cycle from its start (Overview, Vietnamese, all units) until ``until``; after an
    error the viewer opens the app again (a reload signs out) and starts the cycle over."""
    while time.monotonic() < until:
        cycle = CYCLES[cycle_name()]
        kind, arg = cycle[viewer.step % len(cycle)]
        viewer.step += 1
        try:
            step = f"{kind} {arg}".strip()
            samples.append((kind, await viewer.act(kind, arg), step))
            if phases is not None and kind != "download":
                seen = await viewer.page.evaluate(PHASES_READ)
                if seen:
                    phases.append((step, seen))
        except Exception as error:
            errors.append(f"{kind} on {viewer.page.url}: {str(error).splitlines()[0][:160]}")
            with contextlib.suppress(Exception):
                await sign_in(viewer.page, viewer.url, viewer.name)
            viewer.step, viewer.lang, viewer.title = 0, "vi", "page_overview"
            for kind, arg in START.get(cycle_name(), ()):
                with contextlib.suppress(Exception):
                    await viewer.act(kind, arg)


async def imports(root: Path, every: float, until: float, landed: list) -> None:
    """An import 5 s in, then every ``every`` s while 5 s remain (the two books in turn)."""
    books, due = (root / "nhap_b.xlsx", root / "nhap_a.xlsx"), time.monotonic() + 5
    while due + 5 < until:
        await asyncio.sleep(max(0.0, due - time.monotonic()))
        due += every
        book = books[len(landed) % 2]
        start = time.monotonic()
        try:
            await asyncio.to_thread(st.thidua, root, "load", str(book), "--replace-all")
            landed.append({"file": book.name, "s": round(time.monotonic() - start, 1),
                           "at": time.time()})
        except st.StackError as error:
            landed.append({"file": book.name, "error": str(error)[:300]})


async def add_viewers(browser, stack: st.Stack, viewers: list, count: int,
                      names: list[str | None], spread: bool = False, warm: bool = False,
                      phases: bool = False) -> None:
    """Sign in new browser contexts (five at a time, not timed) until there are ``count``.

    With ``spread``, viewer i is then taken (not timed) through the cycle's first i mod its
    length steps and begins there: at any moment the viewers are at every step, as twenty people
    are, not all on the same page at once (which also left a minute's run with the cycle's
    first half only: its downloads and its table page were hardly reached). With ``warm``, each
    first goes once round the whole cycle (not timed), as ``browser_cost.py`` does: the first
    visit of a page loads the code of its elements (the Tables page's data grid: 15-25 s when
    20 renderers load it at once, 6-8 s once loaded), a cost of a tab's first visit, not of a
    re-render, and one the baseline, which has no table, never pays."""
    gate = asyncio.Semaphore(5)

    async def one(i: int) -> Viewer:
        async with gate:
            context = await browser.new_context(**CONTEXT)
            if phases:
                await context.add_init_script(script=PHASES_SCRIPT)
            page = await context.new_page()
            page.set_default_timeout(ACTION_TIMEOUT_MS)
            viewer = Viewer(page, stack.url, names[i % len(names)])
            await sign_in(page, viewer.url, viewer.name)
            viewer.cdp = await context.new_cdp_session(page)
            await viewer.cdp.send("Performance.enable")
            for kind, arg in START.get(cycle_name(), ()):  # where a focused cycle begins
                await viewer.act(kind, arg)
            cycle = CYCLES[cycle_name()]
            for kind, arg in cycle if warm else ():  # back where it began
                await viewer.act(kind, arg)
            for kind, arg in cycle[:i % len(cycle)] if spread else ():
                await viewer.act(kind, arg)
                viewer.step += 1
            return viewer
    viewers += await asyncio.gather(*(one(i) for i in range(len(viewers), count)))


async def phase(stack: st.Stack, viewers: list, args) -> dict:
    """Every viewer acts for ``args.duration`` s (going on where it was, a quarter second
    apart) while imports land; RSS sampled every second."""
    groups = stack.backend_groups()
    before = rss_mb(groups)
    cpu_before = cpu_s(groups), cpu_s()
    renderer_before = await renderer_counters(viewers)
    started, until = time.time(), time.monotonic() + args.duration
    samples, errors, landed, peak = [], [], [], [before]
    phases: list | None = [] if args.phases else None

    async def sample_rss() -> None:
        while time.monotonic() < until:
            peak.append(rss_mb(groups))
            await asyncio.sleep(1)

    async def staggered(i: int, viewer: Viewer) -> None:
        await asyncio.sleep(i / 4)
        await drive(viewer, until, samples, errors, phases)
    await asyncio.gather(sample_rss(), imports(stack.root, args.import_every, until, landed),
                         *(staggered(i, v) for i, v in enumerate(viewers)))
    ended = time.time()
    server_cpu, browser_cpu = cpu_s(groups) - cpu_before[0], cpu_s() - cpu_before[1]
    renderer = {k: v - renderer_before[k] for k, v in (await renderer_counters(viewers)).items()}
    await asyncio.sleep(5)
    renders = [s for kind, s, _ in samples if kind != "download"]
    return {"viewers": len(viewers), "actions": len(samples), "errors": errors,
            "rerender_p50": pct(renders, 50), "rerender_p95": pct(renders, 95),
            "download_p50": pct([s for k, s, _ in samples if k == "download"], 50),
            "downloads": [sum(k == "download" for k, _, _ in samples),
                          sum(e.startswith("download on") for e in errors)],  # saved, failed
            "by_kind": {k: pct([s for kk, s, _ in samples if kk == k], 50)
                        for k in dict.fromkeys(k for k, _ in CYCLES[cycle_name()])},
            # Each step of the cycle: its count, p50 and p95 (which steps make the p95).
            "by_step": {step: [len(times := [s for _, s, ss in samples if ss == step]),
                               pct(times, 50), pct(times, 95)]
                        for step in dict.fromkeys(f"{k} {a}".strip()
                                                  for k, a in CYCLES[cycle_name()])},
            "cores_servers": round(server_cpu / (ended - started), 2),
            "cores_browsers": round(browser_cpu / (ended - started), 2),
            "cpu_ms_per_action": {"servers": round(1000 * server_cpu / max(1, len(samples))),
                                  "browsers": round(1000 * browser_cpu / max(1, len(samples)))},
            # The pages' main threads, per action (ms, or counts): what a renderer did.
            "renderer_per_action": {k: round((1000 if k.endswith("Duration") else 1) * v
                                             / max(1, len(samples)), 1)
                                    for k, v in renderer.items()},
            # --phases: each step's p50 ms from the click to the run's first message, to its
            # last, to found shown, and the messages a run (none without --phases).
            "phases_by_step": {step: [pct([p[i] for ss, p in phases if ss == step], 50)
                                      for i in range(4)]
                               for step in dict.fromkeys(ss for ss, _ in phases or ())},
            "rss_before": before, "rss_peak": max(peak), "rss_after": rss_mb(groups),
            "imports": landed, "window": [started, ended]}


def server_runs(log: Path, window: list[float]) -> list[dict]:
    """The timing lines of the runs that ended inside the phase window."""
    if not log.exists():
        return []
    runs = [json.loads(line) for line in log.read_text().splitlines()]
    return [r for r in runs if window[0] <= r["t"] <= window[1]]


def baseline_command(port: int, root: Path) -> tuple[list[str], dict[str, str]]:
    _argv, env = st.unit_command(port, root)
    return streamlit_command(BASELINE, "127.0.0.1", port), env


async def run(args) -> list[dict]:
    from playwright.async_api import async_playwright

    OUT.parent.mkdir(exist_ok=True)
    root = Path(tempfile.mkdtemp(prefix="thidua-load-"))
    names = [f"lanh.dao{i:02d}" for i in range(max(args.viewers))]
    st.prepare(root, dict.fromkeys(names, "lanh_dao"))
    shutil.copy(st.SAMPLE, root / "nhap_a.xlsx")
    st.thidua(root, "sample", "--seed", "2026", "--out", str(root / "nhap_b.xlsx"))
    targets = [(f"thidua ×{p}", p, st.unit_command, names) for p in args.processes]
    targets += [("one chart ×1", 1, baseline_command, [None])] if args.baseline else []
    results = []
    try:
        async with async_playwright() as api:
            for label, count, command, who in targets:
                log = root / "log" / f"timing-{len(results)}.jsonl"
                env = {"THIDUA_TIMING_LOG": str(log)}
                if args.hold_ms is not None:
                    env["THIDUA_HOLD_MS"] = str(args.hold_ms)
                with st.running(root, count, env, command) as stack:
                    browser = await api.chromium.launch(executable_path=browser_path(
                        root, args.browser_nice), args=[
                        *CHROMIUM_ARGS, f"--host-resolver-rules=MAP {st.SERVER_NAME} 127.0.0.1"])
                    viewers: list[Viewer] = []
                    for n in sorted(args.viewers):
                        print(f"{label}: {n} viewers …", file=sys.stderr, flush=True)
                        await add_viewers(browser, stack, viewers, n, who, args.spread,
                                          args.warm, args.phases)
                        result = await phase(stack, viewers, args)
                        runs = server_runs(log, result["window"])
                        times = [r["ms"] for r in runs]
                        cpu = [r["cpu_ms"] for r in runs if "cpu_ms" in r]
                        results.append({"target": label, "processes": count,
                                        "spread": args.spread, "warm": args.warm, **result,
                                        "server_p50": pct(times, 50),
                                        "server_p95": pct(times, 95), "runs": len(times),
                                        "server_cpu_p50": pct(cpu, 50),
                                        "server_cpu_p95": pct(cpu, 95)})
                        OUT.write_text(json.dumps(results, indent=1, ensure_ascii=False))
                    await browser.close()
    finally:  # the servers' logs and timing lines stay in artifacts/ for a closer look
        shutil.copytree(root / "log", ROOT / "artifacts" / "load-logs", dirs_exist_ok=True)
        shutil.rmtree(root, ignore_errors=True)
    return results


def browser_path(root: Path, nice: int) -> str:
    """Chromium, or with ``--browser-nice N`` a script starting it with the driver's session N
    steps nicer (and itself N steps nicer in it): the browsers then yield the cores to the
    servers, as the viewers' own computers would (they are not the server in an office). A
    separate, labelled measurement; the default runs them as they are."""
    if nice <= 0:
        return str(CHROMIUM)
    script = root / "chromium-nice.sh"
    # Linux's autogroup scheduling (on by default) shares the cores between sessions first and
    # applies nice only inside a session: the servers run in sessions of their own, so a nice
    # browser alone still got its session's full share. The driver's session (the browsers,
    # the driver, the imports it starts) is made nicer as a whole.
    script.write_text(f"#!/bin/sh\necho {nice} > /proc/self/autogroup 2>/dev/null\n"
                      f'exec nice -n {nice} {CHROMIUM} "$@"\n')
    script.chmod(0o755)
    return str(script)


def table(results: list[dict]) -> str:
    def f(value, digits=1) -> str:
        return "–" if value is None else f"{value:.{digits}f}"
    base = {r["viewers"]: r for r in results if r["target"].startswith("one chart")}
    lines = ["| target | N | actions | errors | re-render p50 / p95 s | ÷ one chart p50 / p95 "
             "| server ms/run p50 / p95 | of which on a core p50 / p95 "
             "| CPU ms per action: browsers / servers | download p50 s | CSVs saved / failed "
             "| RSS MB before / peak / after | imports |", "|" + "---|" * 13]
    for r in results:
        b = base.get(r["viewers"])
        ratio = (f"{r['rerender_p50'] / b['rerender_p50']:.2f} / "
                 f"{r['rerender_p95'] / b['rerender_p95']:.2f}"
                 if b and r is not b and r["rerender_p50"] and b["rerender_p50"] else "–")
        landed = sum("error" not in i for i in r["imports"])
        lines.append(f"| {r['target']} | {r['viewers']} | {r['actions']} | {len(r['errors'])} "
                     f"| {f(r['rerender_p50'])} / {f(r['rerender_p95'])} | {ratio} "
                     f"| {f(r['server_p50'], 0)} / {f(r['server_p95'], 0)} "
                     f"| {f(r.get('server_cpu_p50'), 0)} / {f(r.get('server_cpu_p95'), 0)} "
                     f"| {r['cpu_ms_per_action']['browsers']} / "
                     f"{r['cpu_ms_per_action']['servers']} "
                     f"| {f(r['download_p50'])} | {r['downloads'][0]} / {r['downloads'][1]} "
                     f"| {r['rss_before']:.0f} / {r['rss_peak']:.0f}"
                     f" / {r['rss_after']:.0f} | {landed}/{len(r['imports'])} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    numbers = lambda text: [int(v) for v in text.split(",")]  # noqa: E731
    parser.add_argument("--viewers", default="5,10,20", type=numbers)
    parser.add_argument("--processes", default="1,3", type=numbers)
    parser.add_argument("--duration", type=float, default=30.0, help="seconds of actions per N")
    parser.add_argument("--import-every", type=float, default=20.0)
    parser.add_argument("--no-baseline", dest="baseline", action="store_false")
    parser.add_argument("--hold-ms", type=int, default=None,
                        help="the servers' THIDUA_HOLD_MS (0: pages streamed element by element)")
    parser.add_argument("--cycle", choices=sorted(CYCLES), default="full",
                        help="the steps each viewer repeats (full: the whole cycle; the others "
                        "one page's steps)")
    parser.add_argument("--spread", action="store_true",
                        help="start viewer i at step i of the cycle (taken there untimed), "
                        "not every viewer at its first step")
    parser.add_argument("--warm", action="store_true",
                        help="take each viewer once round the cycle (untimed) before the phase")
    parser.add_argument("--browser-nice", type=int, default=0,
                        help="run the browsers (the driver's session) N steps nicer than "
                        "the servers (0: as they are)")
    parser.add_argument("--phases", action="store_true",
                        help="note in each page when the click was and when each message came, "
                        "and report each step's click → first message → last → shown")
    args = parser.parse_args()
    os.environ["LOAD_CYCLE"] = args.cycle
    results = asyncio.run(run(args))
    print(table(results))
    for r in results:
        print(f"  {r['target']} N={r['viewers']} renderer per action: "
              + ", ".join(f"{k} {v}" for k, v in r["renderer_per_action"].items()))
        print(f"  {r['target']} N={r['viewers']} steps: "
              + "; ".join(f"{k} {v[0]}× {v[1] or 0:.1f}/{v[2] or 0:.1f} s"
                          for k, v in r["by_step"].items()))
        for step, (first, last, shown, count) in r["phases_by_step"].items():
            print(f"  {r['target']} N={r['viewers']} phases {step}: first message {first:.0f}, "
                  f"last {last:.0f}, shown {shown:.0f} ms ({count:.0f} messages)")
    for r in results:
        for error in sorted(set(r["errors"]))[:5]:
            print(f"  {r['target']} N={r['viewers']}: {error}")


if __name__ == "__main__":
    main()
