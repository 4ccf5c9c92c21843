"""``thidua load``: read, stage, check and publish one campaign import, atomically.

The orchestrator of the import's steps, one module each: ``read`` (workbook or folder -> raw
text), ``stage`` (raw text -> ``stg_``/``typ_`` tables), ``check`` (the rules of
``queries/checks`` -> issues), ``publish`` (record the attempt; replace the campaign). The whole
import happens on the loader's private copy of the database (``store.database``): if any error
is found only the attempt is recorded in ``imports``; otherwise the campaign's rows are replaced
and its nomination history extended in one transaction. The copy then replaces the live file in
one rename, so readers see the import whole or not at all, and the file it replaces is kept as
a version (``store.versions``).

Exit codes: 0 imported (or unchanged) · 1 rejected · 2 unreadable input, usage, or a database
that cannot be written (read-only, full disk, another import holding the lock) · 3 needs
confirmation: the import would remove most of a campaign's rows from a table (``replace_all``).
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import duckdb

from thidua import formats
from thidua.catalogue import t
from thidua.contract import reference as ref
from thidua.ingest import publish
from thidua.ingest.body import read_bodies
from thidua.ingest.check import issues_from_checks, run_checks
from thidua.ingest.publish import ImportOutcome, record_import
from thidua.ingest.read import Issue, ReadResult, UnreadableInput, read_source
from thidua.ingest.stage import campaign_code, prepare, row_counts, stage_tables
from thidua.store import versions
from thidua.store.database import (
    StoreError,
    connect_read_only,
    copy_on_write,
    resolve_db,
    writer_lock,
)
from thidua.store.sql import execute

__all__ = ["EXIT_CONFIRM", "EXIT_IMPORTED", "EXIT_REJECTED", "EXIT_UNREADABLE", "ImportOutcome",
           "file_sha256", "load", "restore_version"]

EXIT_IMPORTED, EXIT_REJECTED, EXIT_UNREADABLE, EXIT_CONFIRM = 0, 1, 2, 3
STEPS = len(ref.TABLES) + 4  # reading, one per staged table, checking, writing, done

Progress = Callable[[str, int, int], None]  # (stage label key, step, total steps)


def file_sha256(path: Path) -> str:
    """sha256 of a file, or of a folder's table files (names and bytes, in name order)."""
    digest = hashlib.sha256()
    files = sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
    for file in files:
        if path.is_dir():
            digest.update(file.name.encode() + b"\0")
        with open(file, "rb") as handle:
            for chunk in iter(lambda h=handle: h.read(1 << 20), b""):
                digest.update(chunk)
    return digest.hexdigest()


def _read_unless_unchanged(con: duckdb.DuckDBPyConnection, path: Path, result: ImportOutcome,
                           lang: str, progress: Progress,
                           on_rows: Callable[[int], None] | None = None) -> ReadResult | None:
    """The input read, or None when it is the campaign's last file again or cannot be read
    (``result`` then says which)."""
    try:
        result.sha256 = file_sha256(path) if path.exists() else None
        same = publish.unchanged_campaign(con, result.sha256) if result.sha256 else None
        if same:
            result.outcome, result.exit_code, result.campaign_code = (
                "unchanged", EXIT_IMPORTED, same)
            return None
        progress("progress_reading", 0, STEPS)
        read = read_source(path, on_rows)
        try:
            read_bodies(con, read)  # CSV and Parquet rows: straight into DuckDB
        finally:
            read.close()  # the UTF-8 copies, if any, are in DuckDB now
        return read
    except (UnreadableInput, OSError, csv.Error) as exc:
        key, params = _unreadable_reason(exc, path, lang)
        result.message = (exc.message(lang) if isinstance(exc, UnreadableInput)
                          else t(key, lang, **params))
        result.errors, result.error_count = [Issue("error", key, path.name,
                                                   value=result.message)], 1
        return None


def _unreadable_reason(exc: Exception, path: Path, lang: str) -> tuple[str, dict]:
    """The catalogue key and its fields for input that could not be read."""
    if isinstance(exc, UnreadableInput):
        return exc.key, exc.params
    if isinstance(exc, csv.Error) and "field larger than field limit" in str(exc):
        return "unreadable_csv_field", {"path": path.name,
                                        "limit": formats.count(csv.field_size_limit(), lang)}
    return "unreadable_file", {"path": path.name,
                               "reason": getattr(exc, "strerror", None) or str(exc)}


def _stage_and_check(con: duckdb.DuckDBPyConnection, read: ReadResult, result: ImportOutcome,
                     progress: Progress) -> None:
    """Stage the tables, run the checks; the issues, counts, rows and campaign into ``result``."""
    prepare(con)
    staged = iter(range(2, STEPS))
    stage_tables(con, read, lambda _table: progress("progress_checking", next(staged), STEPS))
    run_checks(con, read)
    check_issues, counts = issues_from_checks(con, read)
    issues = read.issues + check_issues
    result.errors = [i for i in issues if i.severity == "error"]
    result.warnings = [i for i in issues if i.severity != "error"]
    read_errors = sum(1 for i in read.issues if i.severity == "error")
    result.error_count = counts.get("error", 0) + read_errors
    result.warning_count = counts.get("warning", 0) + len(read.issues) - read_errors
    result.rows = row_counts(con)
    result.campaign_code = campaign_code(con)


def _needs_confirmation(con: duckdb.DuckDBPyConnection, result: ImportOutcome,
                        lang: str) -> bool:
    """True (and ``result`` says which tables) if the import would mostly empty a table."""
    result.removals = publish.mass_removals(con, result.campaign_code, result.rows)
    if not result.removals:
        return False
    result.outcome, result.exit_code = "needs_confirmation", EXIT_CONFIRM
    result.message = confirmation_sentence(result, lang)
    return True


def confirmation_sentence(result: ImportOutcome, lang: str) -> str:
    """'«f» would remove most of campaign C's rows: evaluations 25 → 0 rows; …'."""
    tables = {table.name: (table.label_en if lang == "en" else table.label_vi)
              for table in ref.TABLES}
    listed = "; ".join(t("load_mass_removal_table", lang, table=tables[r.table],
                         before=formats.count(r.rows_before, lang),
                         after=formats.count(r.rows_after, lang)) for r in result.removals)
    return t("load_needs_confirmation", lang, file=result.file_name,
             campaign=result.campaign_code, tables=listed)


def load(path: str | Path, db: str | Path | None = None, lang: str = "vi",
         progress: Progress | None = None, replace_all: bool = False,
         on_wait: Callable[[dict], None] | None = None,
         on_rows: Callable[[int], None] | None = None) -> ImportOutcome:
    """Validate and import ``path`` into ``db``; never raises for bad input or a bad store.

    ``replace_all`` confirms an import that removes most of a table's rows; ``on_wait(holder)``
    is told once when another import holds the lock (``holder``: pid, user, file);
    ``on_rows(n)`` hears the rows of a workbook read so far, once per batch of rows.
    """
    path, db_path = Path(path), resolve_db(db)
    result = ImportOutcome("unreadable", EXIT_UNREADABLE, path.name)
    try:
        with writer_lock(db_path, file_name=path.name, on_wait=on_wait):
            _load_locked(path, db_path, result, lang, progress, replace_all, on_rows)
    except StoreError as exc:
        result.outcome, result.exit_code = "failed", EXIT_UNREADABLE
        result.import_id = None
        result.message = store_message(exc, lang)
    return result


def store_message(exc: StoreError, lang: str) -> str:
    """A store error's sentence: numbers in the language's digits, '?' for an unknown holder."""
    shown = {"file": "?", "user": "?", "pid": "?"} | exc.params
    if isinstance(shown.get("seconds"), float | int):
        shown["seconds"] = formats.number(shown["seconds"], lang, decimals=1)
    return t(exc.key, lang, **shown)


def _load_locked(path: Path, db_path: Path, result: ImportOutcome, lang: str,
                 progress: Progress | None, replace_all: bool,
                 on_rows: Callable[[int], None] | None = None) -> None:
    """The import itself, under the writer lock; its outcome into ``result``."""
    started = datetime.now()
    step = progress or (lambda _key, _n, _total: None)

    def change() -> dict | None:  # the version kept of the file this import replaces
        if result.outcome != "imported":
            return None
        return {"file_name": result.file_name, "campaign_code": result.campaign_code,
                "outcome": "imported", "import_id": result.import_id}

    with copy_on_write(db_path, keep=change) as con:
        read = _read_unless_unchanged(con, path, result, lang, step, on_rows)
        if read is None:  # unchanged or unreadable: only the attempt is recorded
            record_import(con, result, started)
            return
        _stage_and_check(con, read, result, step)
        step("progress_writing", STEPS - 1, STEPS)
        if result.error_count:
            result.outcome, result.exit_code = "rejected", EXIT_REJECTED
            record_import(con, result, started)
            return
        if not replace_all and _needs_confirmation(con, result, lang):
            record_import(con, result, started)
            return
        con.begin()
        result.outcome, result.exit_code = "imported", EXIT_IMPORTED
        record_import(con, result, started)
        publish.publish_campaign(con, result.campaign_code, result.import_id)
        con.commit()
        step("progress_done", STEPS, STEPS)


def _next_live_id(db: Path) -> int:
    if not db.exists():
        return 1
    con = connect_read_only(db)
    try:
        return execute(con, "import_log/next_import_id").fetchone()[0]
    finally:
        con.close()


def restore_version(version_id: int, db: str | Path | None = None, lang: str = "vi",
                    on_wait: Callable[[dict], None] | None = None) -> ImportOutcome:
    """Put kept version ``version_id`` back as the database, the current one kept as a version.

    Lands like an import (writer lock, private copy, one rename) and is recorded in the restored
    file's ``imports`` as outcome ``restored`` (its ids go on from the replaced file's).
    ``outcome`` is ``restored``, or ``failed`` with ``message`` (no such version: exit 2 too).
    """
    db_path = resolve_db(db)
    result = ImportOutcome("failed", EXIT_UNREADABLE, f"#{version_id}")
    started = datetime.now()

    def change() -> dict:
        return {"file_name": None, "campaign_code": None, "outcome": "restored",
                "restored_from": version_id, "import_id": result.import_id}

    try:
        with writer_lock(db_path, file_name=result.file_name, on_wait=on_wait):
            version = versions.find_version(db_path, version_id)
            if version is None:
                result.message = t("restore_unknown", lang, version=version_id, path=db_path)
                return result
            result.file_name = versions.version_file(db_path, version).name
            first_id = _next_live_id(db_path)
            with copy_on_write(db_path, keep=change,
                               source=versions.version_file(db_path, version)) as con:
                result.outcome, result.exit_code = "restored", EXIT_IMPORTED
                record_import(con, result, started, first_id)
    except StoreError as exc:
        result.outcome, result.exit_code = "failed", EXIT_UNREADABLE
        result.message = store_message(exc, lang)
    return result
