"""Staging an import in DuckDB: the raw text as ``stg_<table>``, typed as ``typ_<table>``.

The second step of the import. ``prepare`` installs what the staging queries and the checks rely
on: the macros of ``queries/macros``, the reference lists (``store.schema``), every accepted
spelling of the fixed lists as ``ref_values`` and the contract's column specs as
``import_columns``. ``stage_tables`` then puts each table's raw text in ``stg_<table>`` (cleaned
by ``clean_text``; a CSV or Parquet table's from ``raw_<table>``, which ``body`` read) and builds
``typ_<table>`` (typed values, NULL where the text cannot be read).
A table absent from the input is staged empty, so every query can name every table.
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb
import pyarrow as pa

from thidua.contract import reference as ref
from thidua.ingest.body import stage_streamed
from thidua.ingest.read import RawTable, ReadResult
from thidua.store.schema import write_reference_lists
from thidua.store.sql import install_macros, query_text, render

Staged = Callable[[str], None]  # called with each table's name once it is staged


def list_values() -> list[tuple[str, str, str]]:
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
    write_reference_lists(con)
    con.execute(query_text("staging/create_ref_values"))
    con.executemany(query_text("staging/insert_ref_value"), [
        {"kind": k, "label": lbl, "value": v} for k, lbl, v in list_values()])
    con.execute(query_text("staging/create_import_columns"))
    con.executemany(query_text("staging/insert_import_column"), [
        {"table_name": t.name, "column_name": c.name, "column_type": c.type,
         "is_required": c.required} for t in ref.TABLES for c in t.columns])


def stage_table(con: duckdb.DuckDBPyConnection, table: ref.Table, raw: RawTable | None) -> None:
    """``stg_<table>`` from the raw text (every contract column, NULL if absent), then typed.
    A CSV or Parquet table's text is already in DuckDB (``body``); a workbook's is Arrow."""
    if raw is not None and raw.body is not None:
        stage_streamed(con, table, raw)
        con.execute(query_text(f"staging/typed_{table.name}"))
        return
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
    del arrays
    if raw is not None:  # the text is DuckDB's now: a million-row sheet's copy is let go
        raw.columns, raw.row_numbers = {}, pa.array([], pa.int32())
    con.execute(query_text(f"staging/typed_{table.name}"))


def stage_marks(con: duckdb.DuckDBPyConnection, read: ReadResult) -> None:
    """``stg_cell_marks``: the cells the reader marked (formulas without a value, error
    values, undecodable bytes), for queries/checks/cell_marks.sql and cell_values.sql."""
    marks = [(name, *mark) for name, raw in read.tables.items() for mark in raw.marks]
    table_name, row, column, kind, value = (list(c) for c in zip(*marks, strict=True)) \
        if marks else ([], [], [], [], [])
    con.execute(query_text("staging/ensure_stream_marks"))
    con.register("marked_cells", pa.table({
        "table_name": pa.array(table_name, pa.string()), "_row": pa.array(row, pa.int32()),
        "column_name": pa.array(column, pa.string()), "kind": pa.array(kind, pa.string()),
        "value": pa.array(value, pa.string())}))
    try:
        con.execute(query_text("staging/stage_cell_marks"))
    finally:
        con.unregister("marked_cells")


def stage_tables(con: duckdb.DuckDBPyConnection, read: ReadResult,
                 staged: Staged | None = None) -> None:
    """Stage and type every table of the contract, in workbook order, and the marked cells."""
    for table in ref.TABLES:
        stage_table(con, table, read.tables.get(table.name))
        if staged:
            staged(table.name)
    stage_marks(con, read)


def row_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """The number of typed rows of each table of the import."""
    return dict(con.execute(query_text("staging/table_row_counts")).fetchall())


def campaign_code(con: duckdb.DuckDBPyConnection) -> str | None:
    """The import's campaign code when its campaign sheet holds exactly one row."""
    return con.execute(query_text("staging/current_campaign_code")).fetchone()[0]
