"""``thidua load``: read, validate and publish one campaign import atomically.

The whole import happens on the loader's private copy of the database (see ``database``): the
raw text is staged and checked there as temp tables; if any error is found only the attempt is
recorded in ``imports``; otherwise the campaign's rows are replaced and its nomination history
extended in one transaction. The copy then replaces the live file in one rename.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb

from thidua.catalogue import t
from thidua.contract import reference as ref
from thidua.ingest.check import issues_from_checks, prepare, run_checks
from thidua.ingest.messages import issue_message
from thidua.ingest.read import Issue, ReadResult, UnreadableInput, read_source
from thidua.store.database import copy_on_write, resolve_db, writer_lock
from thidua.store.sql import execute, render

EXIT_IMPORTED, EXIT_REJECTED, EXIT_UNREADABLE = 0, 1, 2

Progress = Callable[[str, int, int], None]  # (stage label key, step, total steps)


@dataclass
class ImportOutcome:
    outcome: str  # imported | unchanged | rejected | unreadable
    exit_code: int
    file_name: str
    sha256: str | None = None
    campaign_code: str | None = None
    import_id: int | None = None
    rows: dict[str, int] = field(default_factory=dict)
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    error_count: int = 0
    warning_count: int = 0
    message: str | None = None  # for unreadable input: the rendered reason


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


def _issues_json(issues: list[Issue]) -> str:
    return json.dumps([{
        "sheet": i.origin, "table": i.table, "row": i.row, "column": i.label or i.column,
        "value": i.value, "code": i.code, "message": issue_message(i, "vi"),
    } for i in issues], ensure_ascii=False)


def _record(con: duckdb.DuckDBPyConnection, result: ImportOutcome, started: datetime) -> None:
    result.import_id = execute(con, "import_log/next_import_id").fetchone()[0]
    execute(con, "import_log/record_import", import_id=result.import_id,
            campaign_code=result.campaign_code, file_name=result.file_name,
            sha256=result.sha256, started_at=started, finished_at=datetime.now(),
            outcome=result.outcome, rows_per_table=json.dumps(result.rows),
            error_count=result.error_count, warning_count=result.warning_count,
            errors=_issues_json(result.errors), warnings=_issues_json(result.warnings))


def _publish(con: duckdb.DuckDBPyConnection, campaign_code: str, import_id: int) -> None:
    for table in ref.TABLES:
        if table.name == "nomination_events":
            continue
        con.execute(render("publish/delete_campaign_rows", table=table.name),
                    {"campaign_code": campaign_code})
        con.execute(render("publish/insert_campaign_rows", table=table.name),
                    {"campaign_code": campaign_code})
    execute(con, "publish/merge_nomination_history", campaign_code=campaign_code,
            import_id=import_id)
    execute(con, "publish/set_campaign_import", campaign_code=campaign_code, import_id=import_id)


def _split(issues: list[Issue]) -> tuple[list[Issue], list[Issue]]:
    return ([i for i in issues if i.severity == "error"],
            [i for i in issues if i.severity != "error"])


def load(path: str | Path, db: str | Path | None = None, lang: str = "vi",
         progress: Progress | None = None) -> ImportOutcome:
    """Validate and import ``path`` into ``db``; never raises for bad input."""
    path, db_path = Path(path), resolve_db(db)
    started = datetime.now()
    result = ImportOutcome("unreadable", EXIT_UNREADABLE, path.name)
    steps = len(ref.TABLES) + 4

    def step(key: str, n: int) -> None:
        if progress:
            progress(key, n, steps)

    with writer_lock(db_path), copy_on_write(db_path) as con:
        try:
            result.sha256 = file_sha256(path) if path.exists() else None
            if result.sha256:
                same = execute(con, "import_log/campaign_of_unchanged_file",
                               sha256=result.sha256).fetchone()
                if same:
                    result.outcome, result.exit_code = "unchanged", EXIT_IMPORTED
                    result.campaign_code = same[0]
                    _record(con, result, started)
                    return result
            step("progress_reading", 0)
            read: ReadResult = read_source(path)
        except (UnreadableInput, OSError) as exc:
            key, params = ((exc.key, exc.params) if isinstance(exc, UnreadableInput)
                           else ("unreadable_file", {"path": path.name, "reason": str(exc)}))
            result.message = t(key, lang, **params)
            result.errors = [Issue("error", key, path.name, value=result.message)]
            result.error_count = 1
            _record(con, result, started)
            return result

        prepare(con)
        done = [1]

        def staged(_table: str) -> None:
            done[0] += 1
            step("progress_checking", done[0])

        run_checks(con, read, staged)
        check_issues, counts = issues_from_checks(con, read)
        result.errors, result.warnings = _split(read.issues + check_issues)
        result.error_count = counts.get("error", 0) + sum(
            1 for i in read.issues if i.severity == "error")
        result.warning_count = counts.get("warning", 0) + sum(
            1 for i in read.issues if i.severity != "error")
        result.rows = dict(execute(con, "staging/table_row_counts").fetchall())
        result.campaign_code = execute(con, "staging/current_campaign_code").fetchone()[0]
        step("progress_writing", steps - 1)
        if result.error_count:
            result.outcome, result.exit_code = "rejected", EXIT_REJECTED
            _record(con, result, started)
            return result
        con.begin()
        result.outcome, result.exit_code = "imported", EXIT_IMPORTED
        _record(con, result, started)
        _publish(con, result.campaign_code, result.import_id)
        con.commit()
        step("progress_done", steps)
    return result
