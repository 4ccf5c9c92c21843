"""Writing an import: every attempt recorded in ``imports``, a clean one published.

The last step of the import. ``record_import`` writes the attempt, whatever its outcome
(imported, unchanged, rejected, unreadable), with its counts and the first problems as the
sentences the user read; ``publish_campaign`` replaces the campaign's rows by the typed rows of
the import and extends its nomination history (contract section 5: the history accumulates,
every other table is replaced). Both run inside the loader's transaction on its private copy of
the database, so a failure here leaves the live file as it was.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

import duckdb

from thidua.contract import reference as ref
from thidua.ingest.messages import issue_message
from thidua.ingest.read import Issue
from thidua.store.sql import execute, render


@dataclass
class ImportOutcome:
    """What an import attempt did: the row of ``imports`` and the report of ``thidua load``."""

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


def _issues_json(issues: list[Issue]) -> str:
    return json.dumps([{
        "sheet": i.origin, "table": i.table, "row": i.row, "column": i.label or i.column,
        "value": i.value, "code": i.code, "message": issue_message(i, "vi"),
    } for i in issues], ensure_ascii=False)


def record_import(con: duckdb.DuckDBPyConnection, result: ImportOutcome,
                  started: datetime) -> None:
    """Append the attempt to ``imports``; sets ``result.import_id``."""
    result.import_id = execute(con, "import_log/next_import_id").fetchone()[0]
    execute(con, "import_log/record_import", import_id=result.import_id,
            campaign_code=result.campaign_code, file_name=result.file_name,
            sha256=result.sha256, started_at=started, finished_at=datetime.now(),
            outcome=result.outcome, rows_per_table=json.dumps(result.rows),
            error_count=result.error_count, warning_count=result.warning_count,
            errors=_issues_json(result.errors), warnings=_issues_json(result.warnings))


def unchanged_campaign(con: duckdb.DuckDBPyConnection, sha256: str) -> str | None:
    """The campaign whose latest import came from a file with this digest, if any."""
    row = execute(con, "import_log/campaign_of_unchanged_file", sha256=sha256).fetchone()
    return row[0] if row else None


def publish_campaign(con: duckdb.DuckDBPyConnection, campaign_code: str,
                     import_id: int) -> None:
    """Replace the campaign's rows by the typed import; extend its nomination history."""
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
