"""The campaign database file and how readers and the loader share it.

DuckDB lets one process hold a file read-write and then locks every other process out, readers
included. So no thidua process ever opens the live file read-write:

* **Readers** (the dashboard, ``thidua summary``) open it read-only; many can at once.
* **The loader** takes an exclusive ``<db>.lock`` (one import at a time), copies the live file
  to ``.<db>.<pid>.tmp`` beside it, does all its work on the copy in one transaction,
  checkpoints and closes it, then renames it over the live file (``os.replace``, atomic on POSIX).

A reader that has the old file open keeps reading that consistent snapshot until it reconnects
(``snapshot_token`` changes when a new file is in place); a new reader sees the new import whole.
An import never waits for readers and a reader never sees half an import. The cost is one file
copy per import, which is small next to reading the workbook (a 1-million-evaluation database is
a few tens of MB). A crash (even SIGKILL) leaves the live file untouched and at worst a stale
copy, which the next import removes once its process is gone. Just before the rename the old
file is kept as a version (``store.versions``), so an import can be undone.

What cannot be done is a ``StoreError`` with a catalogue key: a read-only database file (it is
refused, never replaced), a read-only folder, a full disk (the partial copy is removed), an
import that still holds the lock after ``$THIDUA_LOCK_TIMEOUT_S`` seconds (``LockTimeout``,
naming who holds it: the holder writes its pid, user and file into the lock file).
The tables themselves and the reference lists are ``schema``'s; this module only handles files.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import getpass
import json
import os
import re
import shutil
import stat
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb

from thidua.store import versions
from thidua.store.location import DEFAULT_DB, resolve_db  # noqa: F401  (re-exported)
from thidua.store.schema import create_schema
from thidua.store.sql import install_macros, query_text

LOCK_TIMEOUT_S = 120.0
MEMORY_SHARE, MEMORY_CAP_MB = 0.4, 6 << 10  # default: 40 % of the RAM, at most 6 GB (peak < 8)
_MEMORY = re.compile(r"(\d+(?:\.\d+)?)\s*(GB|GIB|MB|MIB)?")


class StoreError(Exception):
    """The database file cannot be written; ``key`` and ``params`` make the catalogue sentence."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key, params)
        self.key, self.params = key, params


class LockTimeout(StoreError, TimeoutError):
    """Another import held the writer lock for longer than the timeout."""


def memory_limit_mb() -> int:
    """``$THIDUA_MEMORY_LIMIT`` (MB, or with a unit: ``6GB``, ``500MB``), else 40 % of the
    machine's memory capped at 6 GB: what one DuckDB connection may hold before it spills to
    its temporary folder (or, for what cannot spill, stops with an out-of-memory error)."""
    match = _MEMORY.fullmatch(os.environ.get("THIDUA_MEMORY_LIMIT", "").strip().upper())
    if not match:
        return _default_mb()
    number, unit = float(match.group(1)), match.group(2) or "MB"
    return max(64, int(number * (1024 if unit.startswith("G") else 1)))


def _default_mb() -> int:
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") >> 20
    except (ValueError, OSError):
        return 2 << 10
    return max(256, min(MEMORY_CAP_MB, int(total * MEMORY_SHARE)))


def duckdb_config(db: Path | None = None) -> dict[str, str]:
    """The loader's DuckDB settings: the memory limit, the threads (all cores), and with ``db``
    (the private copy it writes) a temporary folder beside it (``<copy>.tmp/``), so what does
    not fit in memory spills to the same disk and is removed with the copy. Readers keep
    DuckDB's defaults: several may open the live file in one process, and DuckDB refuses a
    second connection to a file with a different configuration."""
    config = {"memory_limit": f"{memory_limit_mb()}MB", "threads": str(os.cpu_count() or 1)}
    if db is not None:
        config["temp_directory"] = str(db.with_name(db.name + ".tmp"))
    return config


def connect_read_only(db: Path) -> duckdb.DuckDBPyConnection:
    """A reader's connection with the query macros installed (they live in the temp schema)."""
    con = duckdb.connect(str(db), read_only=True)
    install_macros(con)
    return con


def snapshot_token(db: Path) -> tuple[int, int] | None:
    """Changes whenever an import puts a new file in place (inode, mtime); None if absent."""
    try:
        st = db.stat()
    except FileNotFoundError:
        return None
    return st.st_ino, st.st_mtime_ns


def lock_timeout() -> float:
    """``$THIDUA_LOCK_TIMEOUT_S`` (seconds an import waits for another), default 120."""
    try:
        return float(os.environ.get("THIDUA_LOCK_TIMEOUT_S", LOCK_TIMEOUT_S))
    except ValueError:
        return LOCK_TIMEOUT_S


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return str(os.getuid())


def _read_holder(handle) -> dict:
    handle.seek(0)
    try:
        holder = json.loads(handle.read() or "{}")
    except ValueError:
        return {}
    if not isinstance(holder, dict):
        return {}
    return {key: holder[key] for key in ("pid", "user", "file") if holder.get(key) is not None}


def _not_writable(path: Path) -> bool:
    """No write bit at all (chmod 444/555: refused even for root) or no access for us."""
    return not stat.S_IMODE(path.stat().st_mode) & 0o222 or not os.access(path, os.W_OK)


def check_writable(db: Path) -> None:
    """StoreError unless the database file (if any) and its folder can be written."""
    if db.exists() and _not_writable(db):
        raise StoreError("store_db_read_only", path=db)
    folder = db.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if _not_writable(folder):
        raise StoreError("store_folder_read_only", path=folder)


@contextlib.contextmanager
def writer_lock(db: Path, timeout_s: float | None = None, file_name: str = "",
                on_wait: Callable[[dict], None] | None = None) -> Iterator[None]:
    """Hold ``<db>.lock`` exclusively: imports run one at a time.

    The holder writes ``{pid, user, file}`` into the lock file; a second import calls
    ``on_wait(holder)`` once, waits up to ``timeout_s`` (default ``lock_timeout()``), then
    raises ``LockTimeout`` naming the holder.
    """
    check_writable(db)
    db.parent.mkdir(parents=True, exist_ok=True)
    lock_path = db.with_name(db.name + ".lock")
    timeout_s = lock_timeout() if timeout_s is None else timeout_s
    with open(lock_path, "a+", encoding="utf-8") as handle:
        started, told = time.monotonic(), False
        deadline = started + timeout_s
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = _read_holder(handle)  # empty for the instant before the holder writes
                if not told and on_wait is not None and (
                        holder or time.monotonic() - started > 0.5):
                    on_wait(holder)
                    told = True
                if time.monotonic() > deadline:
                    raise LockTimeout("lock_timeout", seconds=timeout_s, **holder) from None
                time.sleep(0.1)
        try:
            handle.truncate(0)
            handle.write(json.dumps({"pid": os.getpid(), "user": _user(), "file": file_name},
                                    ensure_ascii=False))
            handle.flush()
            yield
        finally:
            handle.truncate(0)
            fcntl.flock(handle, fcntl.LOCK_UN)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_copies(db: Path) -> list[Path]:
    """Remove ``.<db>.<pid>.tmp`` (and its ``.wal``) left by imports whose process is gone.

    Must be called under ``writer_lock``; the removed paths are returned.
    """
    removed = []
    for path in db.parent.glob(f".{db.name}.*.tmp*"):
        pid_text = path.name[len(db.name) + 2:].split(".", 1)[0]
        if path.name.endswith((".tmp", ".tmp.wal")) and pid_text.isdigit() and (
                int(pid_text) == os.getpid() or not _pid_alive(int(pid_text))):
            if path.is_dir():  # the copy's spill folder, <copy>.tmp/
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def as_store_error(exc: BaseException, db: Path) -> StoreError:
    """What a failed write of ``db`` (or its copy) means: a full disk, no permission, other."""
    code = getattr(exc, "errno", None)
    text = str(exc)
    if code in (errno.ENOSPC, errno.EDQUOT) or "No space left" in text:
        return StoreError("store_disk_full", path=db)
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return StoreError("store_folder_read_only", path=db.parent)
    return StoreError("store_write_failed", path=db, reason=getattr(exc, "strerror", None) or text)


def _discard(tmp: Path) -> None:
    tmp.unlink(missing_ok=True)
    tmp.with_name(tmp.name + ".wal").unlink(missing_ok=True)
    shutil.rmtree(tmp.with_name(tmp.name + ".tmp"), ignore_errors=True)


def _copy_live(db: Path, tmp: Path) -> None:
    if db.exists():
        shutil.copyfile(db, tmp)
        wal = db.with_name(db.name + ".wal")
        if wal.exists():
            shutil.copyfile(wal, tmp.with_name(tmp.name + ".wal"))


@contextlib.contextmanager
def copy_on_write(db: Path, keep: Callable[[], dict | None] | None = None,
                  source: Path | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection to a private copy of ``db``, put in place if the block succeeds.

    Must be used under ``writer_lock``. On an exception the copy is discarded and ``db`` is
    exactly as it was. If ``keep()`` returns a description of the change, the old file is kept
    as a version (``versions.snapshot``) just before the new one replaces it. With ``source``
    (a kept version) the copy is of that file instead of ``db``: a restore.
    """
    remove_stale_copies(db)
    check_writable(db)
    tmp = db.with_name(f".{db.name}.{os.getpid()}.tmp")
    try:
        if source is None:
            _copy_live(db, tmp)
        else:
            shutil.copyfile(source, tmp)
        con = duckdb.connect(str(tmp), config=duckdb_config(tmp))
    except (OSError, duckdb.IOException) as exc:
        _discard(tmp)
        raise as_store_error(exc, db) from None
    try:
        con.execute(query_text("staging/loader_session"))
        create_schema(con)
        install_macros(con)
        yield con
        try:
            con.execute(query_text("schema/checkpoint"))
            con.close()
            change = keep() if keep is not None else None
            if change is not None:
                versions.snapshot(db, **change)
            os.replace(tmp, db)
            shutil.rmtree(tmp.with_name(tmp.name + ".tmp"), ignore_errors=True)
        except (OSError, duckdb.IOException) as exc:
            raise as_store_error(exc, db) from None
        if change is not None:
            with contextlib.suppress(OSError):  # the import has landed; pruning can wait
                versions.prune(db)
    except BaseException as exc:
        con.close()
        _discard(tmp)
        if isinstance(exc, duckdb.IOException) or (
                isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT)):
            raise as_store_error(exc, db) from None  # writing the copy failed: a full disk
        raise

