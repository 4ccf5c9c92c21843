"""The DuckDB half of the streaming reader: a CSV or Parquet table's rows read by DuckDB itself.

``read`` found each table's header in the file's first rows and left a ``stream.Body``; here
``read_csv`` loads the rows below it as text into ``raw_<table>`` (no cell passes through
Python, so memory is DuckDB's, bounded by its ``memory_limit`` and spilled to disk beyond). The
rules ``rows`` and ``cells`` apply to a workbook's cells hold here in SQL: rows without
identifying codes are skipped and listed (the first ones, and how many: the report's cap),
error values, damaged bytes, unplain codes and overlong cells are marked (``stream_marks``),
and ``stage_streamed`` builds ``stg_<table>`` as ``stage`` does from a workbook's arrays.
"""

from __future__ import annotations

import duckdb

from thidua.contract.reference import Table
from thidua.contract.textnorm import MAX_CELL_CHARS, UNPLAIN_PATTERN
from thidua.ingest.cells import ERROR_VALUES
from thidua.ingest.limits import READ_ISSUE_LIMIT, UnreadableInput, Word
from thidua.ingest.read import BLANK_CELL, SKIPPED_ROWS_PENDING, Issue, RawTable, ReadResult
from thidua.ingest.rows import row_content
from thidua.ingest.stream import CSV_FIELD_LIMIT
from thidua.store.sql import execute, query_text, render

_NO_PARALLEL = "parallel scanner does not support null_padding"


def read_bodies(con: duckdb.DuckDBPyConnection, read: ReadResult) -> None:
    """Load every streamed table's rows into ``raw_<table>``, mark its cells and put its
    skipped rows into the report where the reader left their place. UnreadableInput for a
    file DuckDB cannot read as CSV (a line beyond the field limit, an unclosed quote)."""
    con.execute(query_text("staging/create_stream_marks"))
    for name, raw in read.tables.items():
        if raw.body is None:
            continue
        _load_raw(con, raw)
        for column in raw.table.columns:
            if column.name not in raw.body.names:
                con.execute(render("staging/add_raw_column", table=name, column=column.name))
        _mark_cells(con, raw)
        _report_skipped(con, raw, read)


def _load_raw(con: duckdb.DuckDBPyConnection, raw: RawTable) -> None:
    body = raw.body
    text = render("staging/read_csv_body", table=raw.table.name, identifying=body.identifying)
    params = {"path": str(body.path), "skip": body.skip, "delimiter": body.delimiter,
              "blank": BLANK_CELL,
              "columns": dict.fromkeys(body.names, "VARCHAR"),
              "max_line_size": CSV_FIELD_LIMIT, "parallel": True}
    try:
        try:
            execute(con, "staging/read_csv_body", text, **params)
        except duckdb.InvalidInputException as exc:
            if _NO_PARALLEL not in str(exc):
                raise
            # A quoted line break with short rows: DuckDB reads that file in one thread.
            execute(con, "staging/read_csv_body", text, **(params | {"parallel": False}))
    except duckdb.Error as exc:
        raise UnreadableInput("unreadable_file", path=raw.origin,
                              reason=Word("reason_csv_field")) from exc


def _mark_cells(con: duckdb.DuckDBPyConnection, raw: RawTable) -> None:
    body, name = raw.body, raw.table.name
    present = [c.name for c in raw.table.columns if c.name in body.names]
    for column in present:
        text = render("staging/stream_marks_of_column", table=name, column=column)
        execute(con, "staging/stream_marks_of_column", text, table_name=name,
                first_row=first_row(raw), lossy=body.lossy, max_chars=MAX_CELL_CHARS,
                is_code=column in body.codes, unplain=UNPLAIN_PATTERN,
                error_values=list(ERROR_VALUES))


def first_row(raw: RawTable) -> int:
    """The row number (as the user sees it) of the first record read into ``raw_<table>``."""
    return raw.body.skip + 1


def _report_skipped(con: duckdb.DuckDBPyConnection, raw: RawTable, read: ReadResult) -> None:
    """The first READ_ISSUE_LIMIT skipped rows, then one ``more_issues`` with the rest's count
    (what ``limits.cap_issues`` makes of a workbook's), in the placeholder's place."""
    text = render("staging/skipped_rows", table=raw.table.name)
    rows = execute(con, "staging/skipped_rows", text, first_row=first_row(raw),
                   limit=READ_ISSUE_LIMIT).fetchall()
    issues = [Issue("warning", "skipped_row", raw.origin, row[0],
                    value=row_content(list(row[2:])), table=raw.table.name) for row in rows]
    total = rows[0][1] if rows else 0
    if total > READ_ISSUE_LIMIT:
        issues.append(Issue("warning", "more_issues", raw.origin, value=str(
            total - READ_ISSUE_LIMIT), detail="skipped_row", table=raw.table.name))
    for i, issue in enumerate(read.issues):
        if issue.code == SKIPPED_ROWS_PENDING and issue.table == raw.table.name:
            read.issues[i:i + 1] = issues
            return


def stage_streamed(con: duckdb.DuckDBPyConnection, table: Table, raw: RawTable) -> None:
    """``stg_<table>`` from ``raw_<table>`` (cleaned, data rows only), then ``raw_`` dropped."""
    text = render("staging/stage_streamed_table", table=table.name,
                  columns=[c.name for c in table.columns])
    execute(con, "staging/stage_streamed_table", text, first_row=first_row(raw),
            error_values=list(ERROR_VALUES))
    con.execute(render("staging/drop_raw", table=table.name))
