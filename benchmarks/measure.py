"""Running a command and measuring it: wall time and the peak memory of its process tree.

Peak memory is the largest sum of the resident set sizes of the process and all its
descendants, polled every 50 ms from ``/proc`` (Linux), so ``uv run`` wrappers or worker
children are counted. A memory cap and a timeout stop a runaway command (the tree is killed,
the outcome says why) instead of letting the kernel kill something else. The wall time ends
when the process does (a thread waits for it), not at the next poll: polling alone rounded
every run up to a multiple of 50 ms, a 0.13 s summary to 0.15 s.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

PAGE = os.sysconf("SC_PAGE_SIZE")


@dataclass
class Run:
    seconds: float
    peak_bytes: int
    returncode: int | None
    stopped: str | None  # "memory cap" / "timeout" / None
    stdout: str

    @property
    def peak_mb(self) -> float:
        return self.peak_bytes / 2**20


def _children(pid: int) -> list[int]:
    kids: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            kids += [int(k) for k in (task / "children").read_text().split()]
    return kids


def tree_rss(pid: int) -> int:
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            total += int(Path(f"/proc/{p}/statm").read_text().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            continue
        todo += _children(p)
    return total


def run(cmd: list[str], cap_bytes: int | None = None, timeout_s: float | None = None,
        env: dict[str, str] | None = None) -> Run:
    """Run ``cmd`` to the end (or to the cap / timeout) and measure it."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env=env, start_new_session=True)
    peak, stopped = 0, None
    out_chunks: list[str] = []
    reader = threading.Thread(target=lambda: out_chunks.append(proc.stdout.read()), daemon=True)
    reader.start()
    ended_at: list[float] = []
    ended = threading.Event()
    threading.Thread(target=lambda: (proc.wait(), ended_at.append(time.perf_counter()),
                                     ended.set()), daemon=True).start()
    while not ended.is_set():
        peak = max(peak, tree_rss(proc.pid))
        elapsed = time.perf_counter() - start
        if cap_bytes and peak > cap_bytes:
            stopped = "memory cap"
        elif timeout_s and elapsed > timeout_s:
            stopped = "timeout"
        if stopped:
            os.killpg(proc.pid, signal.SIGKILL)
            ended.wait()
            break
        ended.wait(0.05)
    seconds = ended_at[0] - start
    reader.join(timeout=5)
    return Run(seconds, peak, proc.returncode, stopped, "".join(out_chunks))
