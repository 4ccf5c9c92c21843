"""``thidua load``: read, stage, check and publish one campaign import, atomically.

The orchestrator of the import's steps, one module each: ``read`` (workbook or folder -> raw
text), ``stage`` (raw text -> ``stg_``/``typ_`` tables), ``check`` (the rules of
``queries/checks`` -> issues), ``publish`` (record the attempt; replace the campaign). The whole
import happens on the loader's private copy of the database (``store.database``): if any error
is found only the attempt is recorded in ``imports``; otherwise the campaign's rows are replaced
and its nomination history extended in one transaction. The copy then replaces the live file in
one rename, so readers see the import whole or not at all.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import duckdb

from thidua.catalogue import t
from thidua.contract import reference as ref
from thidua.ingest import publish
from thidua.ingest.check import issues_from_checks, run_checks
from thidua.ingest.publish import ImportOutcome, record_import
from thidua.ingest.read import Issue, ReadResult, UnreadableInput, read_source
from thidua.ingest.stage import campaign_code, prepare, row_counts, stage_tables
from thidua.store.database import copy_on_write, resolve_db, writer_lock

__all__ = ["EXIT_IMPORTED", "EXIT_REJECTED", "EXIT_UNREADABLE", "ImportOutcome",
           "file_sha256", "load"]

EXIT_IMPORTED, EXIT_REJECTED, EXIT_UNREADABLE = 0, 1, 2
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
                           lang: str, progress: Progress) -> ReadResult | None:
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
        return read_source(path)
    except (UnreadableInput, OSError) as exc:
        key, params = ((exc.key, exc.params) if isinstance(exc, UnreadableInput)
                       else ("unreadable_file", {"path": path.name, "reason": str(exc)}))
        result.message = t(key, lang, **params)
        result.errors, result.error_count = [Issue("error", key, path.name,
                                                   value=result.message)], 1
        return None


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


def load(path: str | Path, db: str | Path | None = None, lang: str = "vi",
         progress: Progress | None = None) -> ImportOutcome:
    """Validate and import ``path`` into ``db``; never raises for bad input."""
    path, db_path = Path(path), resolve_db(db)
    started = datetime.now()
    result = ImportOutcome("unreadable", EXIT_UNREADABLE, path.name)
    step = progress or (lambda _key, _n, _total: None)
    with writer_lock(db_path), copy_on_write(db_path) as con:
        read = _read_unless_unchanged(con, path, result, lang, step)
        if read is None:  # unchanged or unreadable: only the attempt is recorded
            record_import(con, result, started)
            return result
        _stage_and_check(con, read, result, step)
        step("progress_writing", STEPS - 1, STEPS)
        if result.error_count:
            result.outcome, result.exit_code = "rejected", EXIT_REJECTED
            record_import(con, result, started)
            return result
        con.begin()
        result.outcome, result.exit_code = "imported", EXIT_IMPORTED
        record_import(con, result, started)
        publish.publish_campaign(con, result.campaign_code, result.import_id)
        con.commit()
        step("progress_done", STEPS, STEPS)
    return result
