"""A CSV or Parquet table's file made ready for DuckDB to read its body, in bounded memory.

The Python half of the streaming reader: only a file's head passes through Python (to find the
delimiter and the header row, as for a workbook, ``header``); DuckDB's ``read_csv`` reads the
body (``body``). DuckDB reads UTF-8 (with or without BOM) straight from the user's file. What it
cannot read as the user's rows is rewritten first, streaming, into a UTF-8 copy in a scratch
folder: UTF-16 (with BOM) and Windows-1258 text (transcoded, ``chunk`` characters at a time)
and any file holding a blank line (DuckDB drops blank lines, which would shift every row number
below them: the copy writes a blank row as ``""``, the same row, blank). The rewrite goes through
Python's csv module, record by record, so the copy has exactly the user's rows. A Parquet file is
written by DuckDB as such a CSV (its cells as text, real dates as ISO dates), header first.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import duckdb

from thidua.ingest.limits import UnreadableInput, Word
from thidua.store.sql import query_text

CSV_FIELD_LIMIT = 1 << 24  # characters in one CSV field; longer than Excel's cells are refused
CHUNK = 4 << 20  # bytes (or characters) per step of a scan or rewrite
HEAD_BYTES = 1 << 20  # what is read of a file to find its header; grows if a row is longer
HEAD_ROWS = 33  # the header scan (30 rows), a two-row header and the column numbers row
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_BLANK_LINES = (b"\n\n", b"\n\r\n", b"\r\r")


@dataclass
class Body:
    """Where DuckDB reads a table's data rows: a UTF-8 CSV (the user's file or its copy)."""

    path: Path
    delimiter: str
    skip: int  # records above the first data row (titles, the header, a column numbers row)
    names: list[str]  # a name per position read: the canonical column, or _x<position>
    identifying: list[str]  # the canonical columns whose codes make a row data
    codes: list[str]  # the canonical code columns present
    lossy: bool  # Windows-1258 text: a U+FFFD is a byte without a character


def scan(path: Path, origin: str) -> tuple[str, bool]:
    """(encoding, has a blank line) of a CSV, reading it once in chunks: UTF-16 by its BOM,
    UTF-8 when every chunk decodes, else Windows-1258. UnreadableInput for a file holding
    nothing but white space."""
    with open(path, "rb") as handle:
        first = handle.read(CHUNK)
        if first.startswith(UTF16_BOMS):
            return "utf-16", True  # always rewritten: DuckDB reads UTF-8
        bom = first.startswith(codecs.BOM_UTF8)
        body = first[3:] if bom else first
        decoder = codecs.getincrementaldecoder("utf-8")()
        blank = body.startswith((b"\n", b"\r\n"))
        content, valid, tail, chunk = False, True, b"", body
        while chunk:
            content = content or not chunk.isspace()
            blank = blank or any(m in chunk or m in tail + chunk[:2] for m in _BLANK_LINES)
            tail = chunk[-2:]
            if valid:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    valid = False
            chunk = handle.read(CHUNK)
    if not content:
        raise UnreadableInput("unreadable_empty", path=origin)
    if valid:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            valid = False
    return ("utf-8-sig" if bom else "utf-8") if valid else "cp1258", blank


def head_text(path: Path, encoding: str, size: int = HEAD_BYTES) -> tuple[str, bool]:
    """The first ``size`` bytes of the file as text, and whether that is the whole file."""
    with open(path, "rb") as handle:
        data = handle.read(size + 1)
    whole = len(data) <= size
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    return decoder.decode(data[:size], final=whole), whole


def head_rows(path: Path, encoding: str, origin: str,
              delimiter_of) -> tuple[list[list[str]], str]:
    """The first rows of the file (complete records only) and its delimiter, found on them by
    ``delimiter_of(text)``; the head grows until it holds ``HEAD_ROWS`` rows or the file."""
    csv.field_size_limit(CSV_FIELD_LIMIT)
    size = HEAD_BYTES
    while True:
        text, whole = head_text(path, encoding, size)
        delimiter = delimiter_of(text)
        try:
            rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
        except csv.Error as exc:
            raise UnreadableInput("unreadable_file", path=origin,
                                  reason=Word("reason_csv_field")) from exc
        if whole:
            return rows, delimiter
        if len(rows) > HEAD_ROWS:  # the last one may be cut by the head's end
            return rows[:-1], delimiter
        size *= 4


def _scratch_file(scratch: Path) -> Path:
    handle, name = tempfile.mkstemp(suffix=".csv", dir=scratch)
    os.close(handle)
    return Path(name)


def rewrite(path: Path, encoding: str, delimiter: str, scratch: Path, origin: str) -> Path:
    """A UTF-8, comma-separated copy of the CSV with the same records, a blank row as ``""``,
    written ``CHUNK`` characters at a time (the csv module streams; nothing is held whole)."""
    csv.field_size_limit(CSV_FIELD_LIMIT)
    out_path = _scratch_file(scratch)
    try:
        with (open(path, encoding=encoding, errors="replace", newline="") as source,
              open(out_path, "w", encoding="utf-8", newline="", buffering=CHUNK) as out):
            writer = csv.writer(out, lineterminator="\n")
            for record in csv.reader(source, delimiter=delimiter):
                writer.writerow(record or [""])
    except csv.Error as exc:
        out_path.unlink(missing_ok=True)
        raise UnreadableInput("unreadable_file", path=origin,
                              reason=Word("reason_csv_field")) from exc
    return out_path


def parquet_as_csv(path: Path, scratch: Path, config: dict[str, str], origin: str) -> Path:
    """The Parquet file as a UTF-8 CSV with its column names as the header line, each cell as
    the text a spreadsheet cell would give (whole numbers without ``.0``, midnight timestamps
    as dates), written by DuckDB in its own connection."""
    out_path = _scratch_file(scratch)
    con = duckdb.connect(config=config)
    try:
        con.execute(query_text("staging/loader_session"))
        con.execute(query_text("staging/parquet_text"))
        con.execute(query_text("staging/parquet_to_csv"), {"path": str(path), "out": str(out_path)})
    except duckdb.Error as exc:
        out_path.unlink(missing_ok=True)
        raise UnreadableInput("unreadable_file", path=origin,
                              reason=Word("reason_damaged_parquet")) from exc
    finally:
        con.close()
    return out_path
