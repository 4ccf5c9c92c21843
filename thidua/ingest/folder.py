"""Reading a folder of CSV and Parquet table files: each file's head here, its rows in DuckDB.

Part of ``read`` (DATA_CONTRACT section 2) for folders: a file is matched to its table by name,
its delimiter and header found on its first rows (``stream.head_rows``), its labels matched and
reported as for a sheet (``read.locate_header``). Its rows are not read here: a ``stream.Body`` says
where DuckDB finds them (``body.read_bodies``), in the file itself or, for UTF-16, Windows-1258
and files with blank lines, in a UTF-8 copy (``stream.rewrite``). A Parquet file is first
written by DuckDB as such a CSV (``stream.parquet_as_csv``).
"""

from __future__ import annotations

import csv
import io
from itertools import islice
from pathlib import Path

import pyarrow as pa

from thidua.contract.reference import CODE, Table
from thidua.ingest import stream
from thidua.ingest.header import HEADER_SCAN_ROWS, column_keys, match_header, match_table
from thidua.ingest.limits import MAX_COLUMNS, UnreadableInput
from thidua.ingest.read import (
    CSV_DELIMITERS,
    SKIPPED_ROWS_PENDING,
    Issue,
    RawTable,
    ReadResult,
    locate_header,
)
from thidua.ingest.rows import identifying_columns


def _csv_delimiter(text: str, table: Table) -> str:
    """The delimiter (``,`` ``;`` or tab) under which the table's header row shows the most
    labels; ``,`` on a tie. Excel with Vietnamese regional settings saves CSV with ``;``, and
    csv.Sniffer is fooled by title rows above the header and by text holding ``;`` or ``,``."""
    keys, head = column_keys(table), text[:1 << 16]

    def labels_found(delimiter: str) -> int:
        try:
            rows = islice(csv.reader(io.StringIO(head, newline=""), delimiter=delimiter),
                          HEADER_SCAN_ROWS)
            return max((len(match_header(row, keys)) for row in rows), default=0)
        except csv.Error:
            return 0

    return max(CSV_DELIMITERS, key=labels_found)


def _stream_csv(path: Path, table: Table, result: ReadResult, origin: str) -> None:
    """A CSV table: its head read here (delimiter, header, labels), its body left for DuckDB
    (``body.read_bodies``), from the file itself or from its UTF-8 copy (``stream``)."""
    encoding, blank_lines = stream.scan(path, origin)
    rows, delimiter = stream.head_rows(path, encoding, origin,
                                       lambda text: _csv_delimiter(text, table))
    located = locate_header(rows, table, origin, result, 1)
    if located is None:
        return
    header, header_number, positions, user_labels, start = located
    source = path
    if blank_lines or encoding in ("utf-16", "cp1258"):
        source, delimiter = stream.rewrite(path, encoding, delimiter, result.scratch(),
                                           origin), ","
    width = max(len(header.labels), *(len(r) for r in rows[start:]), max(positions.values()) + 1
                if positions else 0)
    names = {i: name for name, i in positions.items()}
    identifying = [k for k in identifying_columns(table) if k in positions] or list(positions)
    body = stream.Body(source, delimiter, start,
                       [names.get(i, f"_x{i}") for i in range(min(width, MAX_COLUMNS))],
                       identifying, [c.name for c in table.columns
                                     if c.type == CODE and c.name in positions],
                       encoding == "cp1258")
    result.tables[table.name] = RawTable(table, origin, header_number, user_labels, {},
                                         pa.array([], pa.int32()), body=body)
    result.issues.append(Issue("warning", SKIPPED_ROWS_PENDING, origin, table=table.name))


def _stream_parquet(path: Path, table: Table, result: ReadResult) -> None:
    """A Parquet table: written by DuckDB as a CSV (header line, cells as text), then read as
    one. Parquet has no title rows: the header is line 1, data from line 2 as in a CSV."""
    from thidua.store.database import duckdb_config

    copy = stream.parquet_as_csv(path, result.scratch(), duckdb_config(), path.name)
    _stream_csv(copy, table, result, path.name)


def read_folder(path: Path) -> ReadResult:
    """Each table file's head and labels; the rows stay for DuckDB (``stream.Body``)."""
    result = ReadResult()
    files = sorted(p for p in path.iterdir() if p.suffix.lower() in {".csv", ".parquet"})
    if not files:
        raise UnreadableInput("unreadable_empty_folder", path=str(path))
    try:
        _read_files(files, result)
    except BaseException:
        result.close()
        raise
    return result


def _read_files(files: list[Path], result: ReadResult) -> None:
    for file in files:
        table = match_table(file.stem)
        if table is None:
            result.issues.append(Issue("warning", "unknown_file", file.name))
            continue
        if table.name in result.tables:
            result.issues.append(Issue("error", "duplicate_sheet", file.name, table=table.name,
                                       detail=result.tables[table.name].origin))
            continue
        if file.suffix.lower() == ".parquet":
            _stream_parquet(file, table, result)
        else:
            _stream_csv(file, table, result, file.name)
