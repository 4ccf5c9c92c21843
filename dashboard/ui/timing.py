"""The server's own time per script run, for ``benchmarks/load_viewers.py``.

When ``$THIDUA_TIMING_LOG`` names a file, every run of the entry script appends one JSON line:
``{"t": end time (epoch s), "pid", "session": a hash of the session id, "page": its url path,
"ms": milliseconds in the script, "cpu_ms": of them on a core, "queue_ms": of them ready
but waiting for a core (Linux's ``/proc/thread-self/schedstat``; absent elsewhere) -- the rest
it slept: the interpreter lock, a lock, a query's threads --, "beside": the other runs under way
in this process when it started, "end": ok | rerun | stop | error}``. The session id is hashed
so the file holds nothing that names or reaches a session. Unset (the default), it does
nothing. Lines are appended with one ``write`` each (O_APPEND), so several server processes
can share one file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from collections.abc import Iterator

ENV = "THIDUA_TIMING_LOG"
_RUNNING = [0]  # script runs under way in this process (read and changed under the GIL)
ENDS = {"RerunException": "rerun", "StopException": "stop"}  # Streamlit's control flow


def _run_context() -> tuple[str, str]:
    """(hashed session id, url path of the page that ran) of the current script run."""
    try:
        from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

        ctx = get_script_run_ctx()
        if ctx is None:
            return "", ""
        session = hashlib.sha256(ctx.session_id.encode()).hexdigest()[:12]
        page = ctx.pages_manager.get_pages().get(ctx.page_script_hash) or {}
        return session, str(page.get("url_pathname", ""))
    except Exception:  # a timing line must never break a page
        return "", ""


def _queued_ns() -> int | None:
    """Nanoseconds this thread has so far spent ready to run, waiting for a core."""
    try:
        with open("/proc/thread-self/schedstat", "rb") as stat:
            return int(stat.read().split()[1])
    except (OSError, ValueError, IndexError):
        return None


def _append(path: str, record: dict) -> None:
    line = (json.dumps(record, ensure_ascii=False) + "\n").encode()
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, line)
        finally:
            os.close(fd)


@contextlib.contextmanager
def timed_run() -> Iterator[None]:
    """Time the body (one script run) and append its line, however the run ends."""
    path = os.environ.get(ENV)
    if not path:
        yield
        return
    started, cpu, queued = time.perf_counter(), time.thread_time(), _queued_ns()
    end, _RUNNING[0], beside = "ok", _RUNNING[0] + 1, _RUNNING[0]
    try:
        yield
    except BaseException as exc:
        end = ENDS.get(type(exc).__name__, "error")
        raise
    finally:
        # Read in the reverse order of the start, the clock last: the script's time encloses
        # the windows of its core time and its wait (a wait between two reads counts in all).
        queued_after, cpu_after = _queued_ns(), time.thread_time()
        ms = (time.perf_counter() - started) * 1000
        _RUNNING[0] -= 1
        record = {"t": round(time.time(), 3), "pid": os.getpid(), "ms": round(ms, 1),
                  "beside": beside, "cpu_ms": round((cpu_after - cpu) * 1000, 1)}
        if queued is not None and queued_after is not None:
            record["queue_ms"] = round((queued_after - queued) / 1e6, 1)
        session, page = _run_context()
        _append(path, {**record, "session": session, "page": page, "end": end})
