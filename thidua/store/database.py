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
a few tens of MB). A crash leaves the live file untouched and at worst a stale temp file.
The tables themselves and the reference lists are ``schema``'s; this module only handles files.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb

from thidua.store.schema import create_schema
from thidua.store.sql import install_macros, query_text

DEFAULT_DB = Path("data") / "thidua.duckdb"
LOCK_TIMEOUT_S = 120.0


def resolve_db(path: str | Path | None = None) -> Path:
    """``--db`` if given, else ``$THIDUA_DB``, else ``data/thidua.duckdb``."""
    return Path(path or os.environ.get("THIDUA_DB") or DEFAULT_DB)


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


@contextlib.contextmanager
def writer_lock(db: Path, timeout_s: float = LOCK_TIMEOUT_S) -> Iterator[None]:
    """Hold ``<db>.lock`` exclusively: imports run one at a time."""
    db.parent.mkdir(parents=True, exist_ok=True)
    lock_path = db.with_name(db.name + ".lock")
    with open(lock_path, "a+") as handle:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise TimeoutError(f"another import holds {lock_path}") from None
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextlib.contextmanager
def copy_on_write(db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection to a private copy of ``db``, put in place if the block succeeds.

    Must be used under ``writer_lock``. On an exception the copy is discarded and ``db`` is
    exactly as it was.
    """
    tmp = db.with_name(f".{db.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    if db.exists():
        shutil.copyfile(db, tmp)
        wal = db.with_name(db.name + ".wal")
        if wal.exists():
            shutil.copyfile(wal, tmp.with_name(tmp.name + ".wal"))
    con = duckdb.connect(str(tmp))
    try:
        create_schema(con)
        install_macros(con)
        yield con
        con.execute(query_text("schema/checkpoint"))
        con.close()
        os.replace(tmp, db)
    except BaseException:
        con.close()
        tmp.unlink(missing_ok=True)
        tmp.with_name(tmp.name + ".wal").unlink(missing_ok=True)
        raise
