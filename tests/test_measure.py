"""``benchmarks.measure.run``: the wall time of a command ends when the command does."""

from __future__ import annotations

import sys

from benchmarks.measure import run


def test_the_wall_time_is_not_rounded_up_to_the_next_poll() -> None:
    """Memory is polled every 50 ms; a 70 ms command was measured at the third poll (0.10 s)."""
    timed = run(["sleep", "0.07"])
    assert timed.returncode == 0 and timed.stopped is None
    assert 0.07 <= timed.seconds < 0.095


def test_output_memory_and_the_timeout_still_work() -> None:
    timed = run([sys.executable, "-c", "print('ok'); b = bytearray(64 << 20); print(len(b))"])
    assert timed.stdout.split() == ["ok", str(64 << 20)] and timed.peak_mb >= 0
    stopped = run(["sleep", "5"], timeout_s=0.2)
    assert stopped.stopped == "timeout" and stopped.seconds < 2
