"""Writing the province and national samples: a folder with one file per table of the contract.

CSV (UTF-8, comma-separated, a header of the Vietnamese column labels, ISO dates, months as
``2025-10``, blank for empty) or Parquet (the same labels as column names, typed dates and
numbers). DuckDB writes the files straight from the generated tables (``COPY``), in a fixed
row order and with one thread, so the same seed gives byte-identical files.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import duckdb

from thidua.contract.reference import (
    PLAN_CAMPAIGN_NAME,
    PLAN_CRITERIA,
    SUBJECT_TYPES,
    TABLES,
    TABLES_BY_NAME,
)
from thidua.sample.large.build import build_tables, query_params
from thidua.sample.plan import CAMPAIGN_CODES, CAMPAIGN_END, CAMPAIGN_PLAN_REF, CAMPAIGN_START
from thidua.store.sql import bind, query_text

FORMATS: tuple[str, ...] = ("csv", "parquet")
# Optional columns the generator writes beyond thidua.contract.reference (contract §3).
EXTRA_LABELS = {("units", "parent_unit"): "Đơn vị cấp trên"}
_OPTIONS = {"csv": "(format csv, header true, delimiter ',', quote '\"', dateformat '%Y-%m-%d')",
            "parquet": "(format parquet, compression zstd)"}


def _labels(table: str) -> dict[str, str]:
    labels = {c.name: c.label_vi for c in TABLES_BY_NAME[table].columns}
    labels.update({col: lab for (t, col), lab in EXTRA_LABELS.items() if t == table})
    return labels


def _constant_sql(table: str, scale: str) -> tuple[str, dict[str, object]]:
    if table == "campaigns":
        return ("select $code as campaign_code, $name as campaign_name, $start as start_date, "
                "$end as end_date, $ref as plan_ref, 100 as target_participation_pct",
                {"code": CAMPAIGN_CODES[scale], "name": PLAN_CAMPAIGN_NAME,
                 "start": CAMPAIGN_START, "end": CAMPAIGN_END, "ref": CAMPAIGN_PLAN_REF})
    rows = " union all ".join(
        f"select {i} as i, $c{i} as criterion_code, $a{i} as applies_to, $n{i} as "
        f"criterion_name, 1 as weight" for i in range(len(PLAN_CRITERIA)))
    params: dict[str, object] = {}
    for i, (code, applies, name) in enumerate(PLAN_CRITERIA):
        params.update({f"c{i}": code, f"a{i}": SUBJECT_TYPES[applies][0], f"n{i}": name})
    return f"select * exclude (i) from ({rows}) order by i", params


def _table_sql(table: str, scale: str, seed: int) -> tuple[str, dict[str, object]]:
    if table in ("campaigns", "criteria"):
        return _constant_sql(table, scale)
    name = f"sample/{table}" if table in ("registrations", "evaluations") else (
        f"sample/export_{table}")
    text = query_text(name)
    return text, bind(text, query_params(table, seed))


def _copy(con: duckdb.DuckDBPyConnection, table: str, sql: str, params: dict[str, object],
          path: Path, fmt: str) -> None:
    """``COPY`` one table, its columns renamed to the Vietnamese labels (the query's helper
    columns, such as its sort keys, left out), in the query's order."""
    inner = sql.strip().rstrip(";")
    cur = con.execute(f"describe {inner}", params)
    columns = [row[0] for row in cur.fetchall()]
    labels = _labels(table)
    select = ", ".join(f'"{c}" as "{labels[c]}"' for c in columns if c in labels)
    target = str(path).replace("'", "''")
    con.execute(f"copy (select {select} from ({inner})) to '{target}' {_OPTIONS[fmt]}", params)


def generate(folder: Path, scale: str, seed: int, fmt: str = "csv",
             rows_factor: float = 1.0, memory_limit: str = "4GB") -> Path:
    """Write the sample of ``scale`` into ``folder``; returns it. ``rows_factor`` (0–1]
    shrinks every count (units, staff, nominations) for tests."""
    if fmt not in FORMATS:
        raise ValueError(f"fmt must be one of {', '.join(FORMATS)}, not {fmt!r}")
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="thidua-sample-", dir=folder) as spill:
        con = duckdb.connect(config={"memory_limit": memory_limit, "temp_directory": spill,
                                     "preserve_insertion_order": True})
        try:
            con.execute("set enable_progress_bar = false")
            build_tables(con, scale, seed, rows_factor)
            if fmt == "parquet":  # one writer: the same row groups, the same bytes
                con.execute("set threads = 1")
            for table in TABLES:
                for other in FORMATS:  # one file per table: drop a stale one of another format
                    stale = folder / f"{table.name}.{other}"
                    if stale.exists():
                        stale.unlink()
                sql, params = _table_sql(table.name, scale, seed)
                _copy(con, table.name, sql, params, folder / f"{table.name}.{fmt}", fmt)
        finally:
            con.close()
    return folder


__all__ = ["FORMATS", "generate"]
