"""``benchmarks.measure.run``: the wall time of a command ends when the command does."""

from __future__ import annotations

import sys
import time

from benchmarks.measure import run

CHILD = ("import time; print(time.perf_counter(), flush=True); time.sleep(0.06); "
         "print(time.perf_counter(), flush=True)")


def test_the_wall_time_is_not_rounded_up_to_the_next_poll() -> None:
    """Memory is polled every 50 ms; the clock used to be read at the first poll after the
    command ended, up to 50 ms late. The command prints the monotonic clock (the same for
    every process) when it starts and just before it ends: ``run`` returns within a few ms of
    that end, and its time covers the command's own. Three runs: polling alone would be more
    than 20 ms late on at least one of them nineteen times in twenty."""
    for _ in range(3):
        timed = run([sys.executable, "-c", CHILD])
        returned = time.perf_counter()
        began, ended = (float(x) for x in timed.stdout.split())
        assert timed.returncode == 0 and timed.stopped is None
        assert returned - ended < 0.02
        assert timed.seconds >= ended - began >= 0.06


def test_output_memory_and_the_timeout_still_work() -> None:
    timed = run([sys.executable, "-c", "print('ok'); b = bytearray(64 << 20); print(len(b))"])
    assert timed.stdout.split() == ["ok", str(64 << 20)] and timed.peak_mb >= 0
    stopped = run(["sleep", "5"], timeout_s=0.2)
    assert stopped.stopped == "timeout" and stopped.seconds < 2
