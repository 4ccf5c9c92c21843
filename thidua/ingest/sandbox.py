"""One import in a child process, so that no file can take the server down with it.

A hostile or broken workbook can make a reader abort the process (a Rust allocation failure is
SIGABRT, not an exception), exhaust memory or run for ever. The import page runs the loader
through ``load_isolated``: a fresh ``spawn`` child with an address-space limit
(``RLIMIT_AS``) and a CPU-time limit, watched by the parent with a wall-clock timeout. Progress
and "waiting for another import" reach the caller through a pipe. Whatever happens to the child
(MemoryError, a signal, a kill, the timeout) the caller gets an ``ImportOutcome``: the child's
own, or an ``unreadable`` one whose message says which limit was hit, recorded in ``imports``
like any other attempt. The live database is never touched by a child that dies: the loader
works on a private copy (``store.database.copy_on_write``) and renames it only when done.
"""

from __future__ import annotations

import multiprocessing
import signal
import sys
import threading
import time
import traceback
import types
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import duckdb

from thidua.catalogue import t
from thidua.ingest.load import EXIT_UNREADABLE, Progress, load
from thidua.ingest.publish import ImportOutcome, record_import
from thidua.ingest.read import Issue
from thidua.store.database import copy_on_write, resolve_db, writer_lock

_GRACE_S = 10  # after the result arrives, how long the child may take to exit


def _child(conn, path: str, db: str, lang: str, max_memory_mb: int, max_seconds: float,
           replace_all: bool) -> None:
    """The child's whole life: limits, then the loader; its outcome (or the limit) to ``conn``."""
    import os
    import resource

    # DuckDB spills what does not fit in half the child's address space instead of failing.
    os.environ.setdefault("THIDUA_MEMORY_LIMIT", f"{max(64, max_memory_mb // 2)}MB")
    limit = max_memory_mb << 20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    cpu = max(1, int(max_seconds) + 1)
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
    try:
        outcome = load(path, db, lang, lambda key, n, total: conn.send(("progress", key, n, total)),
                       replace_all=replace_all, on_wait=lambda holder: conn.send(("wait", holder)))
        conn.send(("done", outcome))
    except (MemoryError, duckdb.OutOfMemoryException):
        conn.send(("memory", None))
    except Exception:  # the traceback goes to the server's log, the caller gets a sentence
        traceback.print_exc()
        conn.send(("crash", None))
    finally:
        conn.close()


def _failed(path: Path, db: Path, lang: str, limit: str) -> ImportOutcome:
    """The outcome of a child that did not finish, recorded as an unreadable attempt."""
    result = ImportOutcome("unreadable", EXIT_UNREADABLE, path.name)
    result.message = t("unreadable_isolated", lang, path=path.name, limit=limit)
    result.errors, result.error_count = [
        Issue("error", "unreadable_isolated", path.name, value=result.message)], 1
    try:
        with writer_lock(db, file_name=path.name), copy_on_write(db) as con:
            record_import(con, result, datetime.now())
    except Exception:  # the record is a courtesy: the outcome itself must reach the caller
        result.import_id = None
    return result


def _limit_text(reason: str, exitcode: int | None, lang: str, max_memory_mb: int,
                max_seconds: float) -> str:
    """Which limit the child hit: the timeout, memory (a MemoryError, an abort or segfault of a
    failed allocation, the kernel's OOM kill), CPU time, or an unexplained exit."""
    if reason == "time" or exitcode == -signal.SIGXCPU:
        return t("limit_time", lang, seconds=int(max_seconds))
    if reason == "memory" or exitcode in (-signal.SIGABRT, -signal.SIGSEGV, -signal.SIGBUS,
                                          -signal.SIGKILL):
        return t("limit_memory", lang, mb=max_memory_mb)
    return t("limit_crash", lang, code=exitcode)


_START_LOCK = threading.Lock()


def _start_without_main(child: multiprocessing.process.BaseProcess) -> None:
    """Start a spawned child without re-running the parent's ``__main__`` in it.

    A spawned child imports the parent's main module first. Inside the dashboard that module is
    the Streamlit page script being run (the script runner puts it in ``sys.modules``), so the
    child would execute the whole page. An empty stand-in is put there while the child starts.
    """
    with _START_LOCK:
        main = sys.modules.get("__main__")
        sys.modules["__main__"] = types.ModuleType("__main__")
        try:
            child.start()
        finally:
            if main is not None:
                sys.modules["__main__"] = main


def load_isolated(path: str | Path, db: str | Path | None = None, lang: str = "vi", *,
                  max_memory_mb: int = 2048, max_seconds: float = 600,
                  progress: Progress | None = None, replace_all: bool = False,
                  on_wait: Callable[[dict], None] | None = None) -> ImportOutcome:
    """``ingest.load.load`` in a child process limited to ``max_memory_mb`` of address space and
    ``max_seconds`` of wall-clock (and CPU) time; never raises for what the child does."""
    path, db_path = Path(path), resolve_db(db)
    ctx = multiprocessing.get_context("spawn")
    receiver, sender = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child, daemon=True, args=(
        sender, str(path), str(db_path), lang, max_memory_mb, max_seconds, replace_all))
    _start_without_main(child)
    sender.close()
    deadline, reason, outcome = time.monotonic() + max_seconds, "time", None
    try:
        while (left := deadline - time.monotonic()) > 0 and receiver.poll(left):
            kind, *payload = receiver.recv()
            if kind == "progress" and progress is not None:
                progress(*payload)
            elif kind == "wait" and on_wait is not None:
                on_wait(payload[0])
            elif kind in ("done", "memory", "crash"):
                reason, outcome = kind, payload[0]
                break
    except (EOFError, OSError):  # the child died: its exit code says how
        reason = "crash"
    finally:
        receiver.close()
    child.join(_GRACE_S if outcome is not None else 0.5)
    if child.is_alive():
        child.kill()
        child.join()
    if outcome is not None:
        return outcome
    limit = _limit_text(reason, child.exitcode, lang, max_memory_mb, max_seconds)
    return _failed(path, db_path, lang, limit)

