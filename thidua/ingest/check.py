"""Validation of an import in DuckDB: stage the raw text, type it, find bad rows with SQL.

Every rule of DATA_CONTRACT section 3 is a query in ``queries/checks``; the validator stages each
table as ``stg_<table>`` (clean text), builds ``typ_<table>`` (typed values, NULL where the text
cannot be read) and runs the checks, collecting their rows in ``import_issues``. Nothing here
loops over data rows in Python, so a million-row file is checked at the database's speed.
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb
import pyarrow as pa

from thidua.contract import reference as ref
from thidua.contract.textnorm import LEGACY_FONT_PATTERN
from thidua.ingest.read import Issue, RawTable, ReadResult
from thidua.store.database import write_reference_lists
from thidua.store.sql import execute, install_macros, query_text, render

ISSUE_LIMIT = 1000  # problems kept per severity for the report; the counts are always complete

# (table, column, referenced table, referenced column)
REFERENCES = (
    ("staff", "unit_code", "units", "unit_code"),
    ("evaluations", "criterion_code", "criteria", "criterion_code"),
    ("nominations", "proposing_unit", "units", "unit_code"),
    ("nomination_events", "nomination_code", "nominations", "nomination_code"),
)
SUBJECT_TABLES = ("registrations", "evaluations", "nominations")
# Checks written for one table each: (query name, the table its rows point at).
TABLE_CHECKS = (
    ("campaign_row_count", "campaigns"),
    ("campaign_end_before_start", "campaigns"),
    ("criterion_wrong_subject", "evaluations"),
    ("status_before_proposal", "nominations"),
    ("event_before_proposal", "nomination_events"),
    ("events_disagree_status", "nominations"),
    ("registration_outside_window", "registrations"),
    ("awarded_without_decision", "nominations"),
)

Progress = Callable[[str], None]


def _list_values() -> list[tuple[str, str, str]]:
    """(kind, label, stored value) for every accepted spelling of the fixed lists."""
    values = []
    for a in ref.AWARD_FORMS:
        values += [("award", a.code, a.code), ("award", a.label_vi, a.code),
                   ("award", a.label_en, a.code)]
    for s in ref.STATUSES:
        values += [("status", s.code, s.code), ("status", s.label_vi, s.code),
                   ("status", s.label_en, s.code)]
    values += [("gender", g, g) for g in ref.GENDERS]
    values += [("gender", "male", "Nam"), ("gender", "female", "Nữ")]
    values += [("staff_type", st, st) for st in ref.STAFF_TYPES]
    return values


def prepare(con: duckdb.DuckDBPyConnection) -> None:
    """Macros, reference tables and column specs the staging and the checks rely on."""
    install_macros(con)
    for name in ("statuses", "award_forms"):
        con.execute(query_text(f"schema/{name}"))
    write_reference_lists(con)
    con.execute(query_text("staging/create_ref_values"))
    insert_value = query_text("staging/insert_ref_value")
    con.executemany(insert_value, [{"kind": k, "label": lbl, "value": v}
                                   for k, lbl, v in _list_values()])
    con.execute(query_text("staging/create_import_columns"))
    con.executemany(query_text("staging/insert_import_column"), [
        {"table_name": t.name, "column_name": c.name, "column_type": c.type,
         "is_required": c.required} for t in ref.TABLES for c in t.columns])
    con.execute(query_text("import_log/create_import_issues"))


def _stage(con: duckdb.DuckDBPyConnection, table: ref.Table, raw: RawTable | None) -> None:
    n = len(raw.row_numbers) if raw else 0
    arrays = {"_row": raw.row_numbers if raw else pa.array([], pa.int32())}
    for col in table.columns:
        values = raw.columns.get(col.name) if raw else None
        arrays[col.name] = values if values is not None else pa.nulls(n, pa.string())
    con.register("raw_rows", pa.table(arrays))
    try:
        con.execute(render("staging/stage_table", table=table.name))
    finally:
        con.unregister("raw_rows")
    con.execute(query_text(f"staging/typed_{table.name}"))


def _collect(con: duckdb.DuckDBPyConnection, check_sql: str, table_name: str) -> None:
    sql = query_text("import_log/collect_issues").replace("{check}", check_sql)
    execute(con, "import_log/collect_issues", sql, table_name=table_name,
            pattern=LEGACY_FONT_PATTERN)


def run_checks(con: duckdb.DuckDBPyConnection, read: ReadResult,
               progress: Progress | None = None) -> None:
    """Stage every table of ``read`` and run every check, filling ``import_issues``."""
    for table in ref.TABLES:
        if progress:
            progress(table.name)
        _stage(con, table, read.tables.get(table.name))
    present = set(read.tables)
    for table in ref.TABLES:
        if table.name not in present:
            continue
        _collect(con, render("checks/legacy_font", table=table.name), table.name)
        _collect(con, render("checks/cell_values", table=table.name), table.name)
        if table.key:
            _collect(con, render("checks/duplicate_key", table=table.name, key=list(table.key),
                                 first_key=table.key[0]), table.name)
    for table, column, ref_table, ref_column in REFERENCES:
        if table in present and ref_table in present:
            _collect(con, render("checks/unknown_reference", table=table, column=column,
                                 ref_table=ref_table, ref_column=ref_column), table)
    for table in SUBJECT_TABLES:
        if table in present and {"units", "staff"} <= present:
            _collect(con, render("checks/unknown_subject", table=table), table)
    for name, table in TABLE_CHECKS:
        if table in present:
            _collect(con, query_text(f"checks/{name}"), table)


def issues_from_checks(con: duckdb.DuckDBPyConnection, read: ReadResult,
                       limit: int = ISSUE_LIMIT) -> tuple[list[Issue], dict[str, int]]:
    """The first ``limit`` problems of each severity as Issues, and the full counts."""
    counts = dict(execute(con, "import_log/issue_counts").fetchall())
    cur = execute(con, "import_log/issue_rows", limit=limit,
                  table_order=[t.name for t in ref.TABLES])
    issues = []
    for table_name, severity, code, row, column, value, detail in cur.fetchall():
        raw = read.tables.get(table_name)
        label = raw.labels.get(column) if raw and column else None
        if label is None and column:
            label = ref.TABLES_BY_NAME[table_name].column(column).label_vi
        issues.append(Issue(severity, code, raw.origin if raw else table_name, row, column,
                            label, value, detail, table_name))
    return issues, counts
