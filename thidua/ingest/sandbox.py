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

import contextlib
import errno
import multiprocessing
import os
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
from thidua.ingest.priority import give_way
from thidua.ingest.publish import ImportOutcome, record_import
from thidua.ingest.read import Issue
from thidua.store.database import copy_on_write, resolve_db, writer_lock

_GRACE_S = 10  # after the result arrives, how long the child may take to exit
_M_ARENA_MAX = -8  # glibc's mallopt parameter: how many malloc arenas threads share
_SLICE_S = 0.25  # how often the parent looks whether the child still lives


def import_memory_mb() -> int:
    """The setting THIDUA_IMPORT_MEMORY_MB (default 2048): the address space of an import."""
    try:
        return max(64, int(os.environ.get("THIDUA_IMPORT_MEMORY_MB", "2048")))
    except ValueError:
        return 2048


def _is_memory_panic(exc: BaseException) -> bool:
    """A Rust reader's panic (pyo3's PanicException, no Exception) from a failed allocation:
    a Python object it could not create (a null pointer), or a size it could not reserve."""
    text = str(exc).lower()
    return type(exc).__name__ == "PanicException" and any(
        word in text for word in ("null", "alloc", "capacity overflow", "memory"))


def _out_of_memory(exc: BaseException) -> bool:
    """A failed allocation however it surfaces: a ``MemoryError``, DuckDB's out-of-memory, or
    an OS call refused with ENOMEM (the address-space limit reached inside ``os.scandir``, an
    ``mmap`` or a thread's stack: seen in CI as "stopped abruptly"), itself or as the cause or
    context of what was raised."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, (MemoryError, duckdb.OutOfMemoryException)) or (
                isinstance(current, OSError) and current.errno == errno.ENOMEM) or (
                isinstance(current, RuntimeError) and "can't start new thread" in str(current)):
            return True  # (a thread's stack is reserved in the address space too)
        current = current.__cause__ or current.__context__
    return False


def _lean_allocators() -> None:
    """Allocators that reserve only what they use: the address-space limit counts reserved
    memory, and by default pyarrow's mimalloc reserves 1 GiB arenas and glibc 64 MiB per
    thread, over 1.5 GiB of a 2 GiB limit before a cell is read (issue 9)."""
    import ctypes

    import pyarrow as pa

    pa.set_memory_pool(pa.system_memory_pool())
    with contextlib.suppress(OSError, AttributeError):  # not glibc: nothing to tune
        ctypes.CDLL("libc.so.6").mallopt(_M_ARENA_MAX, 2)


def _child(conn, path: str, db: str, lang: str, max_memory_mb: int, max_seconds: float,
           replace_all: bool) -> None:
    """The child's whole life: limits, then the loader; its outcome (or the limit) to ``conn``."""
    import resource

    # DuckDB spills what does not fit in half the child's address space instead of failing.
    os.environ.setdefault("THIDUA_MEMORY_LIMIT", f"{max(64, max_memory_mb // 2)}MB")
    # A Rust panic's backtrace allocates: out of memory it deadlocked the child (issue 9).
    os.environ["RUST_BACKTRACE"] = os.environ["RUST_LIB_BACKTRACE"] = "0"
    give_way()  # the dashboard's page runs go first (thidua.ingest.priority)
    _lean_allocators()
    limit = max_memory_mb << 20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    cpu = max(1, int(max_seconds) + 1)
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
    try:
        outcome = load(path, db, lang, lambda key, n, total: conn.send(("progress", key, n, total)),
                       replace_all=replace_all, on_wait=lambda holder: conn.send(("wait", holder)),
                       on_rows=lambda n: conn.send(("rows", n)))
        conn.send(("done", outcome))
    except Exception as exc:  # a crash's traceback goes to the server's log
        if _out_of_memory(exc):
            conn.send(("memory", None))
        else:
            traceback.print_exc()
            conn.send(("crash", None))
    except BaseException as exc:  # a Rust panic; an interrupt or exit goes on
        if type(exc).__name__ != "PanicException":
            raise
        traceback.print_exc()
        conn.send(("memory" if _is_memory_panic(exc) else "crash", None))
    finally:
        conn.close()


def _failed(path: Path, db: Path, message: str) -> ImportOutcome:
    """The outcome of a child that did not finish, recorded as an unreadable attempt."""
    result = ImportOutcome("unreadable", EXIT_UNREADABLE, path.name)
    result.message = message
    result.errors, result.error_count = [
        Issue("error", "unreadable_isolated", path.name, value=result.message)], 1
    try:
        with writer_lock(db, file_name=path.name), copy_on_write(db) as con:
            record_import(con, result, datetime.now())
    except Exception:  # the record is a courtesy: the outcome itself must reach the caller
        result.import_id = None
    return result


def _failure_message(reason: str, exitcode: int | None, path: Path, lang: str,
                     max_memory_mb: int, max_seconds: float) -> str:
    """Which limit the child hit: the timeout, memory (a MemoryError or a reader's panic, an
    abort or segfault of a failed allocation, the kernel's OOM kill; then what to do instead),
    CPU time, or an unexplained exit."""
    if reason == "time" or exitcode == -signal.SIGXCPU:
        limit = t("limit_time", lang, seconds=int(max_seconds))
    elif reason == "memory" or exitcode in (-signal.SIGABRT, -signal.SIGSEGV, -signal.SIGBUS,
                                            -signal.SIGKILL):
        return t("unreadable_memory", lang, path=path.name, mb=max_memory_mb)
    else:
        limit = t("limit_crash", lang, code=exitcode)
    return t("unreadable_isolated", lang, path=path.name, limit=limit)


_START_LOCK = threading.Lock()
# What the child's allocators read when it starts (issue 9): its address space is the limit, so
# nothing may reserve more than it uses. Arrow's default mimalloc pool reserves a gigabyte on
# its first vector kernel and glibc reserves 64 MB per thread arena; both counted against
# RLIMIT_AS, they ran a million-row workbook out of its 2 GB with a third of it in use.
_CHILD_ENV = {"ARROW_DEFAULT_MEMORY_POOL": "system", "MALLOC_ARENA_MAX": "2"}


def _start_without_main(child: multiprocessing.process.BaseProcess) -> None:
    """Start a spawned child without re-running the parent's ``__main__`` in it.

    A spawned child imports the parent's main module first. Inside the dashboard that module is
    the Streamlit page script being run (the script runner puts it in ``sys.modules``), so the
    child would execute the whole page. An empty stand-in is put there while the child starts,
    and the child inherits ``_CHILD_ENV`` (set only while it starts: a spawned child reads its
    environment at its exec, before any of its code runs).
    """
    with _START_LOCK:
        main = sys.modules.get("__main__")
        sys.modules["__main__"] = types.ModuleType("__main__")
        saved = {key: os.environ.get(key) for key in _CHILD_ENV}
        os.environ.update(_CHILD_ENV)
        try:
            child.start()
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
            if main is not None:
                sys.modules["__main__"] = main


def _watch(child, receiver, deadline: float, progress: Progress | None,
           on_wait: Callable[[dict], None] | None,
           on_rows: Callable[[int], None] | None) -> tuple[str, ImportOutcome | None]:
    """The child's messages passed on until its outcome, its death or the deadline: (reason,
    outcome). The pipe is polled in short slices and the child's life checked between them,
    so a child that dies (a signal, a panic) is seen at once, never waited out."""
    try:
        while (left := deadline - time.monotonic()) > 0:
            if not receiver.poll(min(left, _SLICE_S)):
                # Gone: its last message (an outcome it sent as it ended) may still be on its
                # way; wait for the exit and look once more before calling it a crash.
                if not child.is_alive():
                    child.join(_SLICE_S)
                    if not receiver.poll(_SLICE_S):
                        return "crash", None
                continue
            kind, *payload = receiver.recv()
            if kind == "progress" and progress is not None:
                progress(*payload)
            elif kind == "rows" and on_rows is not None:
                on_rows(payload[0])
            elif kind == "wait" and on_wait is not None:
                on_wait(payload[0])
            elif kind in ("done", "memory", "crash"):
                return kind, payload[0]
    except (EOFError, OSError):  # the child died: its exit code says how
        return "crash", None
    return "time", None


def load_isolated(path: str | Path, db: str | Path | None = None, lang: str = "vi", *,
                  max_memory_mb: int | None = None, max_seconds: float = 600,
                  progress: Progress | None = None, replace_all: bool = False,
                  on_wait: Callable[[dict], None] | None = None,
                  on_rows: Callable[[int], None] | None = None) -> ImportOutcome:
    """``ingest.load.load`` in a child process limited to ``max_memory_mb`` of address space
    (default: the setting THIDUA_IMPORT_MEMORY_MB) and ``max_seconds`` of wall-clock (and CPU)
    time; never raises for what the child does. ``on_rows`` hears the rows read so far."""
    path, db_path = Path(path), resolve_db(db)
    max_memory_mb = max_memory_mb or import_memory_mb()
    ctx = multiprocessing.get_context("spawn")
    receiver, sender = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child, daemon=True, args=(
        sender, str(path), str(db_path), lang, max_memory_mb, max_seconds, replace_all))
    _start_without_main(child)
    sender.close()
    try:
        reason, outcome = _watch(child, receiver, time.monotonic() + max_seconds, progress,
                                 on_wait, on_rows)
    finally:
        receiver.close()
    child.join(_GRACE_S if outcome is not None else 0.5)
    if child.is_alive():  # hung (after a reader's panic) or out of time: it goes now
        child.kill()
        child.join()
    if outcome is not None:
        return outcome
    return _failed(path, db_path, _failure_message(reason, child.exitcode, path, lang,
                                                   max_memory_mb, max_seconds))
