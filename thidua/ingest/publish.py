"""Writing an import: every attempt recorded in ``imports``, a clean one published.

The last step of the import. ``record_import`` writes the attempt, whatever its outcome
(imported, unchanged, rejected, unreadable), with its counts and the first problems as the
sentences the user read; ``publish_campaign`` replaces the campaign's rows by the typed rows of
the import and extends its nomination history (contract section 5: the history accumulates,
every other table is replaced). ``mass_removals`` finds the tables of which a clean import would
remove most of the campaign's rows (an evaluations sheet left empty), which need a confirmation
before they are replaced. All run inside the loader's transaction on its private copy of
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
from thidua.store.aggregates import build_aggregates
from thidua.store.sql import execute, render

# An import that would remove more than this share of a campaign's rows from a table that had
# at least MASS_MIN_ROWS of them needs a confirmation (``--replace-all``).
MASS_SHARE, MASS_MIN_ROWS = 0.5, 20


@dataclass
class ImportOutcome:
    """What an import attempt did: the row of ``imports`` and the report of ``thidua load``."""

    # imported | unchanged | rejected | unreadable | needs_confirmation | failed | restored
    outcome: str
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
    message: str | None = None  # unreadable, needs_confirmation, failed: the rendered reason
    # needs_confirmation: the tables the import would mostly empty (load again with replace_all)
    removals: list[Removal] = field(default_factory=list)


@dataclass(frozen=True)
class Removal:
    """A table of which the import would remove most of the campaign's rows."""

    table: str
    rows_before: int
    rows_after: int


def _issues_json(issues: list[Issue]) -> str:
    return json.dumps([{
        "sheet": i.origin, "table": i.table, "row": i.row, "column": i.label or i.column,
        "value": i.value, "code": i.code, "message": issue_message(i, "vi"),
    } for i in issues], ensure_ascii=False)


def record_import(con: duckdb.DuckDBPyConnection, result: ImportOutcome,
                  started: datetime, first_id: int = 1) -> None:
    """Append the attempt to ``imports``; sets ``result.import_id`` (at least ``first_id``: a
    restored older file goes on counting from the file it replaced)."""
    result.import_id = max(first_id, execute(con, "import_log/next_import_id").fetchone()[0])
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
    """Replace the campaign's rows by the typed import; extend its nomination history; count
    the campaign's aggregates (all in the caller's transaction)."""
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
    build_aggregates(con, campaign_code)


def mass_removals(con: duckdb.DuckDBPyConnection, campaign_code: str,
                  rows_after: dict[str, int]) -> list[Removal]:
    """The tables whose campaign rows the import would mostly remove (the history excepted)."""
    found = []
    for table in ref.TABLES:
        if table.name == "nomination_events":  # accumulates: an import never removes from it
            continue
        before = con.execute(render("publish/campaign_row_count", table=table.name),
                             {"campaign_code": campaign_code}).fetchone()[0]
        after = rows_after.get(table.name, 0)
        if before >= MASS_MIN_ROWS and before - after > MASS_SHARE * before:
            found.append(Removal(table.name, before, after))
    return found
