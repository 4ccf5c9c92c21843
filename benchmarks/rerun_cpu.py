"""Server time of a warm script run, step by step through the load driver's cycle (AppTest).

    uv run python benchmarks/rerun_cpu.py OFFICE_DB [ROUNDS] [--province PROVINCE_DB]
    uv run python benchmarks/rerun_cpu.py OFFICE_DB 5 --profile overview   # pyinstrument

A ``lanh_dao`` account signs in (a temporary accounts store), then the cycle of
``benchmarks/load_viewers.py`` runs once to warm every cache (queries, figures) and ``ROUNDS``
more times: as-of date, a unit, the Criteria page, English, the Tables page, units cleared,
Vietnamese, another date, the Overview. Each script run is timed where ``load_viewers`` times it
on the server (around ``dashboard/ui/timing.py``'s block): its wall time and the CPU time of
the script's own thread (``time.thread_time``: no AppTest overhead, no waiting); medians.
With ``--province``, the Participation page of that database is re-run ``ROUNDS`` times as it
stands (warm).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
APP = str(ROOT / "dashboard" / "streamlit_app.py")
CYCLE = (("as_of", dt.date(2025, 12, 15)), ("unit", "add"), ("page", "criteria"),
         ("lang", "en"), ("page", "tables"), ("unit", "clear"), ("lang", "vi"),
         ("as_of", dt.date(2026, 1, 15)), ("page", "overview"))


def _app(db: Path, tmp: Path):
    from streamlit.testing.v1 import AppTest

    from thidua.accounts.store import AccountStore

    os.environ["THIDUA_DB"] = str(db)
    os.environ["THIDUA_ACCOUNTS"] = str(tmp / "accounts.sqlite")
    store = AccountStore(tmp / "accounts.sqlite")
    if not store.has_accounts():
        store.add("ld", "lanh_dao", "mat-khau-rat-dai")
    at = AppTest.from_file(APP, default_timeout=600)
    at.session_state["auth_token"] = store.create_session("ld")
    at.run()
    return at


def _step(at, kind: str, value) -> None:
    campaign = at.session_state["filters"].campaign
    if kind == "as_of":
        at.date_input(key=f"as_of_{campaign}").set_value(value)
        at.button[[b.label for b in at.button].index(
            next(b.label for b in at.button if b.proto.is_form_submitter))].click()
    elif kind == "unit":
        picker = at.multiselect(key=f"units_{campaign}")
        picker.set_value([picker.options[1]] if value == "add" else [])
    elif kind == "lang":
        at.segmented_control(key="lang").set_value(value)
    elif kind == "page":
        at.switch_page(f"app_pages/{value}.py")


RUNS: list[tuple[float, float]] = []  # (wall ms, script thread CPU ms) of each script run


def _measured() -> None:
    """Every script run from now on timed in its own thread: wall and CPU of that thread."""
    import contextlib

    from dashboard.ui import timing

    plain = timing.timed_run

    @contextlib.contextmanager
    def measured():
        wall, cpu = time.perf_counter(), time.thread_time()
        try:
            with plain():
                yield
        finally:
            RUNS.append(((time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000))

    timing.timed_run = measured


def _timed(at) -> tuple[float, float]:
    """(wall ms, CPU ms) of the script runs of one ``at.run()`` (a rerun counts in)."""
    before = len(RUNS)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    runs = RUNS[before:]
    return sum(w for w, _ in runs), sum(c for _, c in runs)


def cycle(db: Path, rounds: int) -> dict[str, tuple[float, float]]:
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        at = _app(db, tmp)
        times: dict[str, list[tuple[float, float]]] = {}
        for i in range(rounds + 1):
            for kind, value in CYCLE:
                _step(at, kind, value)
                ms = _timed(at)
                if i:
                    times.setdefault(f"{kind}:{value}", []).append(ms)
        return {k: (statistics.median(s for s, _ in v), statistics.median(c for _, c in v))
                for k, v in times.items()}


def _profiled() -> list:
    """Each script run from now on under pyinstrument (in the script's own thread)."""
    import contextlib

    from pyinstrument import Profiler

    from dashboard.ui import timing

    sessions: list = []
    plain = timing.timed_run

    @contextlib.contextmanager
    def profiled():
        profiler = Profiler(interval=0.0002, async_mode="disabled")
        profiler.start()
        try:
            with plain():
                yield
        finally:
            sessions.append(profiler.stop())

    timing.timed_run = profiled
    return sessions


def warm_page(db: Path, page: str, rounds: int, profile: bool = False) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        at = _app(db, tmp)
        at.switch_page(f"app_pages/{page}.py").run()
        at.run()
        sessions = _profiled() if profile else None
        runs = [_timed(at) for _ in range(rounds)]
        if sessions is not None:
            from pyinstrument.renderers import ConsoleRenderer
            from pyinstrument.session import Session

            combined = sessions[0]
            for other in sessions[1:]:
                combined = Session.combine(combined, other)
            print(ConsoleRenderer(unicode=True, color=False, short_mode=False,
                                  processor_options={"filter_threshold": 0.01}).render(combined))
        return statistics.median(s for s, _ in runs), statistics.median(c for _, c in runs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db", type=Path)
    parser.add_argument("rounds", type=int, nargs="?", default=5)
    parser.add_argument("--province", type=Path)
    parser.add_argument("--profile", help="a page to profile (pyinstrument), e.g. overview")
    parser.add_argument("--pages", default="overview,criteria,tables,participation")
    args = parser.parse_args()
    _measured()
    print(f"uptime: {os.getloadavg()}")
    if args.profile:
        warm_page(args.province or args.db, args.profile, args.rounds, profile=True)
        return
    for page in args.pages.split(","):
        server, cpu = warm_page(args.db, page, args.rounds)
        print(f"office {page:<14} warm rerun: wall {server:6.1f} ms  cpu {cpu:6.1f} ms")
    for step, (server, cpu) in cycle(args.db, args.rounds).items():
        print(f"cycle {step:<22} wall {server:6.1f} ms  cpu {cpu:6.1f} ms")
    if args.province:
        server, cpu = warm_page(args.province, "participation", args.rounds)
        print(f"province participation warm rerun: wall {server:6.1f} ms  cpu {cpu:6.1f} ms")


if __name__ == "__main__":
    main()
